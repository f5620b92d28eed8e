// The therapist record format (a public contract: clinics write it by hand) and its validation.
import * as z from 'zod/mini';
import {
  AGE_GROUPS,
  CLIENT_TYPES,
  COUNTRY,
  CURRENCY,
  DATE_START,
  FORMATS,
  JURISDICTION,
  LANGUAGE,
  MAX_BIO,
  MAX_LIST,
  MAX_TEXT,
  PHONE,
  WEB,
  CONTACT,
  acceptRecordFast,
  hasScheme,
  isRealDate,
  recordsIn,
  shapeOf,
  type DataProblem,
  type ParseResult,
} from './records.js';

// zod probes `new Function` on first use; a strict Content-Security-Policy page reports that as a
// violation. Jitless parsing is fast enough for tens of thousands of records.
z.config({ jitless: true });

const text = (max = MAX_TEXT) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));

const list = <T extends z.core.SomeType>(item: T) =>
  z.array(item).check(z.maxLength(MAX_LIST, `must have at most ${MAX_LIST} entries`));

const webUrl = z.string().check(
  z.maxLength(2000, 'must be at most 2000 characters'),
  z.refine((v) => hasScheme(v, WEB), 'must be an absolute http: or https: URL'),
);
const contactUrl = z.string().check(
  z.maxLength(2000, 'must be at most 2000 characters'),
  z.refine((v) => hasScheme(v, CONTACT), 'must be an absolute http:, https:, mailto: or tel: URL'),
);

const jurisdiction = z.string().check(z.regex(JURISDICTION, 'must be an ISO 3166-2 code such as US-CA or CA-ON'));

const language = z.string().check(z.regex(LANGUAGE, 'must be a BCP 47 language tag such as en or es-MX'));

const isoDate = z
  .string()
  .check(z.regex(DATE_START, 'must be a date such as 2026-01-31'), z.refine(isRealDate, 'must be a real date'));

const id = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'));

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
  const records = recordsIn(input);
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
