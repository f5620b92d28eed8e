// The therapist record format (a public contract: clinics write it by hand) and its validation.
import * as z from 'zod/mini';

// zod probes `new Function` on first use; a strict Content-Security-Policy page reports that as a
// violation. Jitless parsing is fast enough for tens of thousands of records.
z.config({ jitless: true });

/** Longest text accepted in any short field; bios get their own, larger limit. */
export const MAX_TEXT = 300;
export const MAX_BIO = 5000;
export const MAX_LIST = 100;

const text = (max = MAX_TEXT) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));

const list = <T extends z.core.SomeType>(item: T) =>
  z.array(item).check(z.maxLength(MAX_LIST, `must have at most ${MAX_LIST} entries`));

/** True for an absolute URL whose scheme is one of `schemes`. */
export function hasScheme(value: string, schemes: readonly string[]): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const WEB = ['https:', 'http:'] as const;
const webUrl = z.string().check(
  z.maxLength(2000, 'must be at most 2000 characters'),
  z.refine((v) => hasScheme(v, WEB), 'must be an absolute http: or https: URL'),
);
const contactUrl = z.string().check(
  z.maxLength(2000, 'must be at most 2000 characters'),
  z.refine((v) => hasScheme(v, [...WEB, 'mailto:', 'tel:']), 'must be an absolute http:, https:, mailto: or tel: URL'),
);

/** ISO 3166-2 subdivision (`US-CA`, `CA-ON`) or a bare ISO 3166-1 country (`NZ`). */
export const JURISDICTION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const jurisdiction = z.string().check(z.regex(JURISDICTION, 'must be an ISO 3166-2 code such as US-CA or CA-ON'));

/** BCP 47 language tag, loosely checked (`en`, `es-MX`, `ase`). */
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const language = z.string().check(z.regex(LANGUAGE, 'must be a BCP 47 language tag such as en or es-MX'));

const DATE_START = /^\d{4}-\d{2}-\d{2}/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * True for a calendar date (`2026-01-31`, optionally with an ISO time). Checked by hand because
 * `Date.parse` differs between engines: Chromium accepts `2026-02-31x`, Firefox does not.
 */
export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

const isoDate = z
  .string()
  .check(z.regex(DATE_START, 'must be a date such as 2026-01-31'), z.refine(isRealDate, 'must be a real date'));

const id = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'));

const COUNTRY = /^[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const PHONE = /^\+?[0-9 ().-]{5,30}$/;

export const GENDERS = ['woman', 'man', 'non-binary'] as const;
export const CLIENT_TYPES = ['individual', 'couple', 'family', 'group'] as const;
export const AGE_GROUPS = ['adolescent', 'adult', 'older-adult'] as const;
export const FORMATS = ['in-person', 'telehealth'] as const;

export const LicenseSchema = z.object({
  /** Licence type exactly as issued, e.g. `LMFT`, `PsyD`, `LCSW`. */
  type: text(80),
  jurisdiction,
  number: z.optional(text(80)),
  verifyUrl: z.optional(webUrl),
});

export const CertificationSchema = z.object({
  /** Issuing body, e.g. `AASECT`. */
  body: text(120),
  /** Credential name, e.g. `Certified Sex Therapist`. */
  name: text(160),
  since: z.optional(isoDate),
  expires: z.optional(isoDate),
});

export const LocationSchema = z.object({
  city: z.optional(text(120)),
  region: z.optional(text(120)),
  postalCode: z.optional(text(20)),
  country: z.optional(z.string().check(z.regex(COUNTRY, 'must be an ISO 3166-1 alpha-2 code such as US'))),
  lat: z.number().check(z.gte(-90, 'must be between -90 and 90'), z.lte(90, 'must be between -90 and 90')),
  lng: z.number().check(z.gte(-180, 'must be between -180 and 180'), z.lte(180, 'must be between -180 and 180')),
});

export const FeesSchema = z.object({
  /** ISO 4217 code, e.g. `USD`. */
  currency: z.string().check(z.regex(CURRENCY, 'must be an ISO 4217 currency code such as USD')),
  min: z.number().check(z.gte(0, 'must not be negative')),
  max: z.optional(z.number().check(z.gte(0, 'must not be negative'))),
  slidingScale: z.optional(z.boolean()),
});

export const TherapistSchema = z.object({
  id,
  name: text(160),
  pronouns: z.optional(text(40)),
  /** `woman`, `man`, `non-binary`, or the therapist's own word. */
  gender: z.optional(text(60)),
  photoUrl: z.optional(webUrl),
  bio: z.optional(text(MAX_BIO)),
  licenses: z
    .array(LicenseSchema)
    .check(z.minLength(1, 'must list at least one clinical licence'), z.maxLength(20, 'must have at most 20 entries')),
  certifications: z.optional(list(CertificationSchema)),
  concerns: z.optional(list(text(80))),
  clientTypes: z.optional(list(z.enum(CLIENT_TYPES))),
  ageGroups: z.optional(list(z.enum(AGE_GROUPS))),
  languages: z.optional(list(language)),
  modalities: z.optional(list(text(80))),
  communities: z.optional(list(text(80))),
  formats: list(z.enum(FORMATS)).check(z.minLength(1, 'must list in-person, telehealth or both')),
  location: z.optional(LocationSchema),
  telehealthJurisdictions: z.optional(list(jurisdiction)),
  fees: z.optional(FeesSchema),
  insurance: z.optional(list(text(120))),
  acceptingNewClients: z.optional(z.boolean()),
  freeConsultation: z.optional(z.boolean()),
  collaboratesWithMedical: z.optional(z.boolean()),
  bookingUrl: z.optional(contactUrl),
  email: z.optional(
    z.string().check(z.email('must be an email address'), z.maxLength(254, 'must be at most 254 characters')),
  ),
  phone: z.optional(z.string().check(z.regex(PHONE, 'must be a phone number such as +1 415 555 0100'))),
  website: z.optional(webUrl),
  lastVerified: z.optional(isoDate),
});

/** A validated therapist record. */
export type Therapist = z.infer<typeof TherapistSchema>;
/** What a clinic writes: the same shape before validation. */
export type TherapistInput = z.input<typeof TherapistSchema>;
export type License = z.infer<typeof LicenseSchema>;
export type Certification = z.infer<typeof CertificationSchema>;
export type TherapistLocation = z.infer<typeof LocationSchema>;
export type Fees = z.infer<typeof FeesSchema>;
export type ClientType = (typeof CLIENT_TYPES)[number];
export type AgeGroup = (typeof AGE_GROUPS)[number];
export type SessionFormat = (typeof FORMATS)[number];

/** One thing wrong with the input, precise enough for a developer to fix the record. */
export interface DataProblem {
  /** Position of the record in the input array; -1 when the whole input is the problem. */
  index: number;
  /** The record's `id` when it could be read. */
  id?: string;
  /** Path of the field inside the record, e.g. `licenses.0.jurisdiction`; empty for the record itself. */
  path: string;
  /** Plain-English message. */
  message: string;
}

export interface ParseResult {
  therapists: Therapist[];
  problems: DataProblem[];
}

function describe(issue: z.core.$ZodIssue, record: unknown): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves `issue.input` out unless asked: read the offending value from the record.
      return valueAt(record, issue.path) === undefined
        ? `is required (${issue.expected})`
        : `must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown fields ${issue.keys.join(', ')}`;
    default:
      return 'is not valid';
  }
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let value = record;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * Validates raw therapist data: an array of records or `{ therapists: [...] }`.
 * Never throws. One bad record is reported and skipped; the others are kept. Duplicated ids keep
 * the first record.
 */
export function parseTherapists(input: unknown): ParseResult {
  const therapists: Therapist[] = [];
  const problems: DataProblem[] = [];
  const records = Array.isArray(input)
    ? input
    : input !== null && typeof input === 'object' && Array.isArray((input as { therapists?: unknown }).therapists)
      ? (input as { therapists: unknown[] }).therapists
      : undefined;
  if (!records) {
    problems.push({
      index: -1,
      path: '',
      message: `expected an array of therapist records or { "therapists": [...] }, got ${shapeOf(input)}`,
    });
    return { therapists, problems };
  }
  const seen = new Set<string>();
  records.forEach((record: unknown, index) => {
    const rawId = record !== null && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
    const id = typeof rawId === 'string' && rawId.length <= 200 ? rawId : undefined;
    const fast = acceptRecordFast(record);
    let result: { success: true; data: Therapist } | { success: false; error: { issues: z.core.$ZodIssue[] } };
    try {
      result = fast ? { success: true, data: fast } : TherapistSchema.safeParse(record);
    } catch {
      // A getter that throws, a revoked proxy: not data a clinic wrote.
      problems.push({ index, id, path: '', message: 'could not be read' });
      return;
    }
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ index, id, path: issue.path.join('.'), message: describe(issue, record) });
      }
      return;
    }
    if (seen.has(result.data.id)) {
      problems.push({ index, id, path: 'id', message: `duplicates the id of an earlier record; this one is skipped` });
      return;
    }
    seen.add(result.data.id);
    therapists.push(result.data);
  });
  return { therapists, problems };
}

function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
  return typeof value;
}

// ---------------------------------------------------------------------------------------------
// Fast path. Jitless zod takes about 30 µs a record; this hand-written check of the same schema
// takes a few. It only ever *accepts*: a record it has any doubt about (any invalid field, an
// explicit `undefined`, a class instance, a URL it cannot vouch for without the URL parser) goes
// to zod, which decides and writes the messages. What it accepts, zod accepts with the same output
// (the tests compare both on thousands of records).

const NO = Symbol('no');
type Checked<T> = T | typeof NO;
type Check<T> = (value: unknown) => Checked<T>;

/** http(s) URLs the URL parser always accepts: a plain domain whose last label starts with a letter. */
const PLAIN_WEB_URL =
  /^https?:\/\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\.)*[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:[/?#][A-Za-z0-9._~!$&'()*+,;=:@/?#%-]*)?$/i;

const textOf =
  (max: number): Check<string> =>
  (value) => {
    if (typeof value !== 'string') return NO;
    const trimmed = value.trim();
    return trimmed.length >= 1 && trimmed.length <= max ? trimmed : NO;
  };
const matching =
  (pattern: RegExp): Check<string> =>
  (value) =>
    typeof value === 'string' && pattern.test(value) ? value : NO;
const webUrlOf: Check<string> = (value) =>
  typeof value === 'string' && value.length <= 2000 && (PLAIN_WEB_URL.test(value) || hasScheme(value, WEB))
    ? value
    : NO;
const contactUrlOf: Check<string> = (value) =>
  typeof value === 'string' &&
  value.length <= 2000 &&
  (PLAIN_WEB_URL.test(value) || hasScheme(value, [...WEB, 'mailto:', 'tel:']))
    ? value
    : NO;
const dateOf: Check<string> = (value) =>
  typeof value === 'string' && DATE_START.test(value) && isRealDate(value) ? value : NO;
const boolOf: Check<boolean> = (value) => (typeof value === 'boolean' ? value : NO);
const numberOf =
  (min: number, max: number): Check<number> =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : NO;
const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (value) =>
    values.includes(value as T) ? (value as T) : NO;
const listOf =
  <T>(item: Check<T>, min = 0, max = MAX_LIST): Check<T[]> =>
  (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return NO;
    const out: T[] = [];
    for (let k = 0; k < value.length; k++) {
      const checked = item(value[k]);
      if (checked === NO) return NO;
      out.push(checked);
    }
    return out;
  };

type Shape = Record<string, [Check<unknown>, boolean]>;
const objectOf = <T>(shape: Shape): Check<T> => {
  const keys = Object.keys(shape);
  const checks = keys.map((key) => shape[key][0]);
  const optional = keys.map((key) => shape[key][1]);
  return (value) => {
    if (value === null || typeof value !== 'object') return NO;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return NO;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const field = input[key];
      if (field === undefined) {
        // zod keeps an explicit `undefined` as a key: leave that rare case to zod.
        if (!optional[k] || key in input) return NO;
        continue;
      }
      const checked = checks[k](field);
      if (checked === NO) return NO;
      out[key] = checked;
    }
    return out as T;
  };
};

const req = (check: Check<unknown>): [Check<unknown>, boolean] => [check, false];
const opt = (check: Check<unknown>): [Check<unknown>, boolean] => [check, true];

const acceptRecord = objectOf<Therapist>({
  id: req(textOf(200)),
  name: req(textOf(160)),
  pronouns: opt(textOf(40)),
  gender: opt(textOf(60)),
  photoUrl: opt(webUrlOf),
  bio: opt(textOf(MAX_BIO)),
  licenses: req(
    listOf(
      objectOf({
        type: req(textOf(80)),
        jurisdiction: req(matching(JURISDICTION)),
        number: opt(textOf(80)),
        verifyUrl: opt(webUrlOf),
      }),
      1,
      20,
    ),
  ),
  certifications: opt(
    listOf(objectOf({ body: req(textOf(120)), name: req(textOf(160)), since: opt(dateOf), expires: opt(dateOf) })),
  ),
  concerns: opt(listOf(textOf(80))),
  clientTypes: opt(listOf(oneOf(CLIENT_TYPES))),
  ageGroups: opt(listOf(oneOf(AGE_GROUPS))),
  languages: opt(listOf(matching(LANGUAGE))),
  modalities: opt(listOf(textOf(80))),
  communities: opt(listOf(textOf(80))),
  formats: req(listOf(oneOf(FORMATS), 1)),
  location: opt(
    objectOf({
      city: opt(textOf(120)),
      region: opt(textOf(120)),
      postalCode: opt(textOf(20)),
      country: opt(matching(COUNTRY)),
      lat: req(numberOf(-90, 90)),
      lng: req(numberOf(-180, 180)),
    }),
  ),
  telehealthJurisdictions: opt(listOf(matching(JURISDICTION))),
  fees: opt(
    objectOf({
      currency: req(matching(CURRENCY)),
      min: req(numberOf(0, Infinity)),
      max: opt(numberOf(0, Infinity)),
      slidingScale: opt(boolOf),
    }),
  ),
  insurance: opt(listOf(textOf(120))),
  acceptingNewClients: opt(boolOf),
  freeConsultation: opt(boolOf),
  collaboratesWithMedical: opt(boolOf),
  bookingUrl: opt(contactUrlOf),
  email: opt((value) => (typeof value === 'string' && value.length <= 254 && z.regexes.email.test(value) ? value : NO)),
  phone: opt(matching(PHONE)),
  website: opt(webUrlOf),
  lastVerified: opt(dateOf),
});

/** The fast path alone, for tests: the validated record, or undefined when zod must decide. */
export function acceptRecordFast(record: unknown): Therapist | undefined {
  try {
    const accepted = acceptRecord(record);
    return accepted === NO ? undefined : accepted;
  } catch {
    return undefined;
  }
}
