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
const language = z
  .string()
  .check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en or es-MX'));

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * True for a calendar date (`2026-01-31`, optionally with an ISO time). Checked by hand because
 * `Date.parse` differs between engines: Chromium accepts `2026-02-31x`, Firefox does not.
 */
export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date such as 2026-01-31'),
    z.refine(isRealDate, 'must be a real date'),
  );

const id = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'));

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
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US'))),
  lat: z.number().check(z.gte(-90, 'must be between -90 and 90'), z.lte(90, 'must be between -90 and 90')),
  lng: z.number().check(z.gte(-180, 'must be between -180 and 180'), z.lte(180, 'must be between -180 and 180')),
});

export const FeesSchema = z.object({
  /** ISO 4217 code, e.g. `USD`. */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as USD')),
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
  phone: z.optional(
    z.string().check(z.regex(/^\+?[0-9 ().-]{5,30}$/, 'must be a phone number such as +1 415 555 0100')),
  ),
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
    const result = TherapistSchema.safeParse(record);
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
