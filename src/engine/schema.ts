// The therapist record format (a public contract: clinics write it by hand) and its validation.
import * as z from 'zod/mini';
import {
  AGE_GROUPS,
  CLIENT_TYPES,
  COUNTRY,
  CURRENCY,
  FORMATS,
  JURISDICTION,
  LANGUAGE,
  MAX_BIO,
  MAX_LIST,
  MAX_TEXT,
  PHONE,
  WEB,
  CONTACT,
  hasScheme,
} from './rules.js';
import { isRealDate } from './dates.js';
import { clinicalNotes } from './clinical-notes.js';
import { checkRecords, type ParseOptions, type ParseResult } from './records.js';
import { RECORD_FIELDS, THERAPY_STYLE, type FieldSpec } from './fields.js';
import { isInvisible, keepsGender, normalizeRecord, type ReadProblem } from './normalize.js';

/**
 * Builds an object schema with zod's `jitless` setting on, then puts the host application's
 * setting back. zod reads the setting when an object schema is made; with it off, zod's compiling
 * objects probe `new Function`, which a strict Content-Security-Policy page reports as a violation
 * (zod/mini's objects do not compile in zod 4.6; this keeps any version from probing). Jitless
 * parsing is fast enough for tens of thousands of records, and importing this module leaves every
 * zod setting of the page as it was.
 */
function jitless<T>(build: () => T): T {
  const config = z.config();
  const had = Object.hasOwn(config, 'jitless');
  const before = config.jitless;
  config.jitless = true;
  try {
    return build();
  } finally {
    if (had) config.jitless = before;
    else delete config.jitless;
  }
}

const text = (max = MAX_TEXT) =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.refine((v) => v === '' || !isInvisible(v), 'has no visible characters'),
    z.maxLength(max, `must be at most ${max} characters`),
  );

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

const isoDate = z.string().check(z.refine(isRealDate, 'must be an ISO 8601 date such as 2026, 2026-01 or 2026-01-31'));

const id = z.string().check(
  z.trim(),
  z.minLength(1, 'must not be empty'),
  z.refine((v) => !isInvisible(v), 'has no visible characters'),
  z.maxLength(200, 'must be at most 200 characters'),
);

export const LicenseSchema = /* @__PURE__ */ jitless(() =>
  z.object({
    /** Licence type exactly as issued, e.g. `LMFT`, `PsyD`, `LCSW`. */
    type: text(80),
    jurisdiction,
    number: z.optional(text(80)),
    verifyUrl: z.optional(webUrl),
  }),
);

export const CertificationSchema = /* @__PURE__ */ jitless(() =>
  z.object({
    /** Issuing body, e.g. `AASECT`. */
    body: text(120),
    /** Credential name, e.g. `Certified Sex Therapist`. */
    name: text(160),
    since: z.optional(isoDate),
    expires: z.optional(isoDate),
  }),
);

export const LocationSchema = /* @__PURE__ */ jitless(() =>
  z
    .object({
      city: z.optional(text(120)),
      region: z.optional(text(120)),
      postalCode: z.optional(text(20)),
      country: z.optional(z.string().check(z.regex(COUNTRY, 'must be an ISO 3166-1 alpha-2 code such as US'))),
      lat: z.optional(
        z.number().check(z.gte(-90, 'must be between -90 and 90'), z.lte(90, 'must be between -90 and 90')),
      ),
      lng: z.optional(
        z.number().check(z.gte(-180, 'must be between -180 and 180'), z.lte(180, 'must be between -180 and 180')),
      ),
    })
    .check(z.refine((l) => (l.lat === undefined) === (l.lng === undefined), 'must give both lat and lng, or neither')),
);

export const FeesSchema = /* @__PURE__ */ jitless(() =>
  z.object({
    /** ISO 4217 code, e.g. `USD`. */
    currency: z.string().check(z.regex(CURRENCY, 'must be an ISO 4217 currency code such as USD')),
    min: z.number().check(z.gte(0, 'must not be negative')),
    max: z.optional(z.number().check(z.gte(0, 'must not be negative'))),
    slidingScale: z.optional(z.boolean()),
  }),
);

export const TherapyStyleSchema = /* @__PURE__ */ jitless(() =>
  z.object({
    lead: z.optional(z.enum(THERAPY_STYLE.lead)),
    intensity: z.optional(z.enum(THERAPY_STYLE.intensity)),
    focus: z.optional(z.enum(THERAPY_STYLE.focus)),
    approach: z.optional(z.enum(THERAPY_STYLE.approach)),
  }),
);

export const TherapistSchema = /* @__PURE__ */ jitless(() =>
  z.object({
    id,
    name: text(160),
    pronouns: z.optional(text(40)),
    /** `woman`, `man`, `non-binary`, or the therapist's own word. */
    gender: z.optional(text(60)),
    photoUrl: z.optional(webUrl),
    bio: z.optional(text(MAX_BIO)),
    licenses: z
      .array(LicenseSchema)
      .check(
        z.minLength(1, 'must list at least one clinical licence'),
        z.maxLength(20, 'must have at most 20 entries'),
      ),
    certifications: z.optional(list(CertificationSchema)),
    concerns: z.optional(list(text(80))),
    clientTypes: z.optional(list(z.enum(CLIENT_TYPES))),
    ageGroups: z.optional(list(z.enum(AGE_GROUPS))),
    languages: z.optional(list(language)),
    modalities: z.optional(list(text(80))),
    communities: z.optional(list(text(80))),
    /** The therapist's own faith background, self-described (`jewish`, `secular`, ...). */
    faith: z.optional(list(text(80))),
    /** The therapist's own cultural or ethnic background, self-described. */
    culturalBackground: z.optional(list(text(80))),
    /** Identity communities the therapist belongs to, self-described (`lgbtq`, `trans`, ...). */
    identities: z.optional(list(text(80))),
    therapyStyle: z.optional(TherapyStyleSchema),
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
  }),
);

/** A validated therapist record. */
export type Therapist = z.infer<typeof TherapistSchema>;
/** What a clinic writes: the same shape before validation. */
export type TherapistInput = z.input<typeof TherapistSchema>;
export type License = z.infer<typeof LicenseSchema>;
export type Certification = z.infer<typeof CertificationSchema>;
export type TherapistLocation = z.infer<typeof LocationSchema>;
export type Fees = z.infer<typeof FeesSchema>;
export type TherapyStyle = z.infer<typeof TherapyStyleSchema>;
export type ClientType = (typeof CLIENT_TYPES)[number];
export type AgeGroup = (typeof AGE_GROUPS)[number];
export type SessionFormat = (typeof FORMATS)[number];

function describe(issue: z.core.$ZodIssue, record: unknown): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves `issue.input` out unless asked: read the offending value from the record.
      return valueAt(record, issue.path) === undefined ? 'is missing' : `must be ${article(issue.expected)}`;
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

interface Removal {
  path: (string | number)[];
  spec?: FieldSpec;
}

/**
 * Where an issue can be cut out while keeping the record: the deepest optional field or list
 * entry on its path (a bad `certifications.0.since` loses the date, a bad `licenses.1` loses that
 * licence); undefined when the issue is with a required field itself.
 */
function removalFor(path: readonly PropertyKey[]): Removal | undefined {
  let fields: readonly FieldSpec[] | undefined = RECORD_FIELDS;
  let spec: FieldSpec | undefined;
  let best: Removal | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (typeof segment === 'number') {
      best = { path: path.slice(0, i + 1) as (string | number)[], spec };
      continue;
    }
    spec = fields?.find((f) => f.name === segment);
    if (!spec) break;
    if (!spec.required) best = { path: path.slice(0, i + 1) as (string | number)[], spec };
    fields = spec.fields;
  }
  return best;
}

/** A copy of `value` without the entries at `paths` (plain objects and arrays copied along the way). */
function without(value: unknown, paths: (string | number)[][]): unknown {
  if (!paths.length || value === null || typeof value !== 'object') return value;
  const here = new Set(paths.filter((p) => p.length === 1).map((p) => p[0]));
  const deeper = new Map<string | number, (string | number)[][]>();
  for (const p of paths) if (p.length > 1) deeper.set(p[0], [...(deeper.get(p[0]) ?? []), p.slice(1)]);
  if (Array.isArray(value))
    return value.flatMap((item, i) => (here.has(i) ? [] : [deeper.has(i) ? without(item, deeper.get(i)!) : item]));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (here.has(key)) continue;
    const item = (value as Record<string, unknown>)[key];
    out[key] = deeper.has(key) ? without(item, deeper.get(key)!) : item;
  }
  return out;
}

const fixFor = (spec: FieldSpec | undefined) =>
  spec ? `write it as docs/records.md describes: ${spec.description}` : 'see docs/records.md';

/**
 * The full validator: zod decides, and a problem with an optional field or a list entry drops only
 * that (a warning) while the record is kept; a problem with a required field drops the record.
 */
export const validateRecord = (record: unknown): { therapist?: Therapist; problems: ReadProblem[] } => {
  const problems: ReadProblem[] = [];
  let current = record;
  // Each round cuts out what the last one reported; a record has few enough fields for this to end fast.
  for (let round = 0; round < 6; round++) {
    const result = TherapistSchema.safeParse(current);
    if (result.success) return { therapist: result.data, problems };
    const removals: Removal[] = [];
    const fatal: z.core.$ZodIssue[] = [];
    for (const issue of result.error.issues) {
      const removal = removalFor(issue.path);
      if (removal) {
        removals.push(removal);
        const value = valueAt(current, removal.path);
        problems.push({
          severity: 'warning',
          path: issue.path.join('.'),
          message: `${describe(issue, current)}; ${removal.path.length < issue.path.length ? `${removal.path.join('.')} was` : 'it was'} left out${value !== undefined && typeof value !== 'object' ? ` (was ${JSON.stringify(value).slice(0, 80)})` : ''}`,
          fix: fixFor(fieldAt(issue.path)),
        });
      } else fatal.push(issue);
    }
    if (fatal.length) {
      for (const issue of fatal)
        problems.push({
          severity: 'error',
          path: issue.path.join('.'),
          message: describe(issue, current),
          fix: fixFor(fieldAt(issue.path)),
        });
      return { problems };
    }
    current = without(
      current,
      removals.map((r) => r.path),
    );
  }
  problems.push({ severity: 'error', path: '', message: 'is not a valid record', fix: 'see docs/records.md' });
  return { problems };
};

/** The field spec a path names (list indices skipped), for the fix. */
function fieldAt(path: readonly PropertyKey[]): FieldSpec | undefined {
  let fields: readonly FieldSpec[] | undefined = RECORD_FIELDS;
  let spec: FieldSpec | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    spec = fields?.find((f) => f.name === segment);
    if (!spec) return undefined;
    fields = spec.fields;
  }
  return spec;
}

/**
 * Validates raw therapist data: an array of records or `{ therapists: [...] }`.
 * Never throws. Records are read forgivingly (see docs/records.md); every problem is an `error`
 * (the record is dropped) or a `warning` (a field was dropped or changed, the record kept). One
 * bad record never hides the others. Duplicated ids keep the first record.
 */
export function parseTherapists(input: unknown, options: ParseOptions = {}): ParseResult {
  return checkRecords(input, options, {
    normalize: normalizeRecord,
    validate: validateRecord,
    keepsGender,
    clinical: clinicalNotes,
  })!;
}
