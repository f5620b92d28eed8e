// The record format's plain rules without zod, and the fast path that accepts clearly valid
// records. The widget validates with this alone and loads zod (schema.ts) only when a directory has
// a record that needs a precise message, which keeps zod out of the drop-in bundle.
import type { Therapist } from './schema.js';

/** Longest text accepted in any short field; bios get their own, larger limit. */
export const MAX_TEXT = 300;
export const MAX_BIO = 5000;
export const MAX_LIST = 100;

/** True for an absolute URL whose scheme is one of `schemes`. */
export function hasScheme(value: string, schemes: readonly string[]): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const WEB = ['https:', 'http:'] as const;
/** Schemes a contact link may use: the web, email and telephone. */
export const CONTACT = [...WEB, 'mailto:', 'tel:'] as const;
/** ISO 3166-2 subdivision (`US-CA`, `CA-ON`) or a bare ISO 3166-1 country (`NZ`). */
export const JURISDICTION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
/** BCP 47 language tag, loosely checked (`en`, `es-MX`, `ase`). */
export const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const DATE_START = /^\d{4}-\d{2}-\d{2}/;
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

export const COUNTRY = /^[A-Z]{2}$/;
export const CURRENCY = /^[A-Z]{3}$/;
export const PHONE = /^\+?[0-9 ().-]{5,30}$/;

export const GENDERS = ['woman', 'man', 'non-binary'] as const;
export const CLIENT_TYPES = ['individual', 'couple', 'family', 'group'] as const;
export const AGE_GROUPS = ['adolescent', 'adult', 'older-adult'] as const;
export const FORMATS = ['in-person', 'telehealth'] as const;

/** zod's practical email pattern (`z.regexes.email`), copied so the fast path needs no zod. */
export const EMAIL =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/** How bad a problem is: an `error` drops the record; a `warning` drops or changes one field and keeps it. */
export type ProblemSeverity = 'error' | 'warning';

/** One thing wrong with the input, precise enough for a person to fix the record. */
export interface DataProblem {
  severity: ProblemSeverity;
  /** Position of the record in the input array; -1 when it concerns the whole input (or a CSV column). */
  index: number;
  /** The record's `id` when it could be read. */
  id?: string;
  /** Line of the file where the record starts, when the source knows it (CSV). */
  line?: number;
  /** Path of the field inside the record, e.g. `licenses.0.jurisdiction`; empty for the record itself. */
  path: string;
  /** What is wrong, in plain English. */
  message: string;
  /** What to do about it, in plain English. */
  fix?: string;
}

export interface ParseResult {
  therapists: Therapist[];
  problems: DataProblem[];
}

/** The records of an input: an array, or the `therapists` array of an object; undefined otherwise. */
export function recordsIn(input: unknown): unknown[] | undefined {
  if (Array.isArray(input)) return input;
  if (input !== null && typeof input === 'object') {
    const therapists = (input as { therapists?: unknown }).therapists;
    if (Array.isArray(therapists)) return therapists;
  }
  return undefined;
}

export function shapeOf(value: unknown): string {
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
    // The same string when nothing was trimmed, so containers can be kept as they are.
    return trimmed.length >= 1 && trimmed.length <= max ? (trimmed.length === value.length ? value : trimmed) : NO;
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
  typeof value === 'string' && value.length <= 2000 && (PLAIN_WEB_URL.test(value) || hasScheme(value, CONTACT))
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
    let out: T[] | undefined;
    for (let k = 0; k < value.length; k++) {
      const checked = item(value[k]);
      if (checked === NO) return NO;
      if (out) out.push(checked);
      else if (checked !== value[k]) (out = value.slice(0, k)).push(checked);
    }
    // Unchanged lists are kept as they are: copying is most of the cost of validating.
    return out ?? (value as T[]);
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
    const checked: unknown[] = new Array(keys.length);
    let present = 0;
    let changed = false;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const field = input[key];
      if (field === undefined) {
        // zod keeps an explicit `undefined` as a key: leave that rare case to zod.
        if (!optional[k] || key in input) return NO;
        continue;
      }
      const result = checks[k](field);
      if (result === NO) return NO;
      checked[k] = result;
      present++;
      if (result !== field) changed = true;
    }
    // A record with nothing to trim or strip is accepted as it is (zod would return an equal copy).
    if (!changed) {
      let own = 0;
      for (const key in input) if (Object.hasOwn(input, key)) own++;
      if (own === present) return input as T;
    }
    const out: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) if (checked[k] !== undefined) out[keys[k]] = checked[k];
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
  email: opt((value) => (typeof value === 'string' && value.length <= 254 && EMAIL.test(value) ? value : NO)),
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

/**
 * Validates like `parseTherapists`, loading zod only when some record is not clearly valid (to
 * write precise messages about it). Never rejects.
 */
export async function validateTherapists(input: unknown): Promise<ParseResult> {
  const records = recordsIn(input);
  if (records) {
    const therapists: Therapist[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      const accepted = acceptRecordFast(record);
      if (!accepted || seen.has(accepted.id)) break;
      seen.add(accepted.id);
      therapists.push(accepted);
    }
    if (therapists.length === records.length) return { therapists, problems: [] };
  }
  const { parseTherapists } = await import('./schema.js');
  return parseTherapists(input);
}
