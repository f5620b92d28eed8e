// The fast path that accepts clearly valid records, written from the plain rules (rules.ts). The
// widget validates with this alone and loads zod (schema.ts), the normaliser and the clinical
// notes only when a directory has a record that needs a message, which keeps them out of the
// drop-in bundle.
import type { Therapist } from './schema.js';
import { licenceKind, nonClinicalMention } from './clinical.js';
// Types only: the normaliser is loaded with zod, when a record is not clean (see validateTherapists).
import type { NormalizeOptions, ReadProblem } from './normalize.js';
import { defaultVocabulary, type Vocabulary } from './vocabulary.js';
import { tagOf } from './language-tags.js';
import { SliceClock, yieldToBrowser } from './slices.js';
import { isRealDate } from './dates.js';
import { shapeOf } from './describe.js';
import {
  AGE_GROUPS,
  CLIENT_TYPES,
  CONTACT,
  COUNTRY,
  CURRENCY,
  EMAIL,
  FORMATS,
  GENDERS,
  JURISDICTION,
  LANGUAGE,
  MAX_BIO,
  MAX_LIST,
  PHONE,
  WEB,
  hasScheme,
} from './rules.js';

// Public through the engine's entry (index.ts), and read by fields.ts.
export { AGE_GROUPS, CLIENT_TYPES, FORMATS, GENDERS, MAX_BIO, MAX_LIST, MAX_TEXT } from './rules.js';

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

// Characters the normaliser strips or questions: control, bidi and invisible ones, and surrogates
// (checked further there); a one-line field questions line breaks and tabs too.
const OTHERS =
  '\\u007F-\\u009F\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFEFF\\uFFA0\\uD800-\\uDFFF';
const TEXT = `\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F${OTHERS}`;
const LINE = `\\u0000-\\u001F${OTHERS}`;
const SUSPECT = new RegExp(`[${TEXT}]`);
const SUSPECT_LINE = new RegExp(`[${LINE}]`);
/** A text with none of those characters and nothing to trim: most texts, kept in one test. */
const cleanOf = (chars: string) => new RegExp(`^[^\\s${chars}](?:[^${chars}]*[^\\s${chars}])?$`);
const CLEAN = cleanOf(TEXT);
const CLEAN_LINE = cleanOf(LINE);

const textOf = (max: number): Check<string> => {
  const clean = max < 1000 ? CLEAN_LINE : CLEAN;
  const suspect = max < 1000 ? SUSPECT_LINE : SUSPECT;
  return (value) => {
    if (typeof value !== 'string') return NO;
    if (value.length <= max && clean.test(value)) return value;
    if (suspect.test(value)) return NO;
    const trimmed = value.trim();
    return trimmed.length >= 1 && trimmed.length <= max ? trimmed : NO;
  };
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
const dateOf: Check<string> = (value) => (typeof value === 'string' && isRealDate(value) ? value : NO);
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
/** True while Object.prototype has an enumerable key (a page added one): every object then goes to zod. */
let inherits = false;
/** Looks once per run whether for-in would find inherited keys (see `inherits`). */
const checkPrototype = () => {
  inherits = false;
  for (const _ in Object.prototype) inherits = true;
};
const objectOf = <T>(shape: Shape): Check<T> => {
  const keys = Object.keys(shape);
  const checks = keys.map((key) => shape[key][0]);
  const optional = keys.map((key) => shape[key][1]);
  const required = optional.filter((field) => !field).length;
  const slots = new Map(keys.map((key, k) => [key, k]));
  // The field that followed each field in the last object (`keys.length` stands for the start):
  // the objects of one directory list their fields in one order, so the guess is mostly right and
  // spares looking the name up.
  const after = new Uint8Array(keys.length + 1);
  /**
   * Checks `input`'s fields; `copy` keeps what they became, for an object that must be copied.
   * Most objects are kept as they are, so the first pass keeps nothing, and an object with a
   * field to trim (or without a prototype) is checked again in a second pass that copies it
   * (only what that pass read and checked is kept).
   */
  const check = (input: Record<string, unknown>, copy: boolean): Checked<T> => {
    const checked: unknown[] | undefined = copy ? new Array(keys.length) : undefined;
    let missing = required;
    let previous = keys.length;
    // The object's own keys (Object.prototype has no enumerable one: `inherits`), each value read
    // once a pass. A field the format does not have goes to the normaliser, which names it; an
    // explicit `undefined` to zod, which keeps it as a key.
    for (const key in input) {
      let k = after[previous];
      if (keys[k] !== key) {
        const slot = slots.get(key);
        if (slot === undefined) return NO;
        after[previous] = k = slot;
      }
      previous = k;
      const field = input[key];
      if (field === undefined) return NO;
      const result = checks[k](field);
      if (result === NO) return NO;
      if (!optional[k]) missing--;
      if (checked) checked[k] = result;
      else if (result !== field) return check(input, true);
    }
    if (missing) return NO;
    if (!checked) return input as T;
    const out: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) if (checked[k] !== undefined) out[keys[k]] = checked[k];
    return out as T;
  };
  return (value) => {
    if (value === null || typeof value !== 'object' || inherits) return NO;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return NO;
    // A record with nothing to trim is accepted as it is (zod would return an equal copy); one
    // without a prototype (the normaliser's) is copied into a plain object.
    return check(value as Record<string, unknown>, !proto);
  };
};

const TERM_FIELDS = ['concerns', 'modalities', 'communities'] as const;
/** The ids of a vocabulary's terms, per field a record names them in (`TERM_FIELDS`' order). */
type VocabularyIds = Set<string>[];
const idsOf = (vocabulary: Vocabulary): VocabularyIds =>
  TERM_FIELDS.map((field) => new Set((vocabulary[field] ?? []).map((term) => term.id)));
/** The ids a run reads terms against: any other term goes to the normaliser, which knows synonyms. */
const DEFAULT_IDS = idsOf(defaultVocabulary);
let vocabularyIds = DEFAULT_IDS;
const termOf =
  (field: number): Check<string> =>
  (value) =>
    typeof value === 'string' && vocabularyIds[field].has(value) ? value : NO;

/** A location gives both coordinates or neither. */
const bothOrNeither =
  (check: Check<unknown>): Check<unknown> =>
  (value) => {
    const checked = check(value);
    if (checked === NO) return NO;
    const { lat, lng } = checked as { lat?: number; lng?: number };
    return (lat === undefined) === (lng === undefined) ? checked : NO;
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
  concerns: opt(listOf(termOf(0))),
  clientTypes: opt(listOf(oneOf(CLIENT_TYPES))),
  ageGroups: opt(listOf(oneOf(AGE_GROUPS))),
  languages: opt(listOf((value) => (typeof value === 'string' && isCanonicalTag(value) ? value : NO))),
  modalities: opt(listOf(termOf(1))),
  communities: opt(listOf(termOf(2))),
  faith: opt(listOf(textOf(80))),
  culturalBackground: opt(listOf(textOf(80))),
  identities: opt(listOf(textOf(80))),
  therapyStyle: opt(
    objectOf({
      lead: opt(matching(/^(therapist|client|balanced)$/)),
      intensity: opt(matching(/^(gentle|intense|balanced)$/)),
      focus: opt(matching(/^(past|present|balanced)$/)),
      approach: opt(matching(/^(support|challenge|balanced)$/)),
    }),
  ),
  formats: req(listOf(oneOf(FORMATS), 1)),
  location: opt(
    bothOrNeither(
      objectOf({
        city: opt(textOf(120)),
        region: opt(textOf(120)),
        postalCode: opt(textOf(20)),
        country: opt(matching(COUNTRY)),
        lat: opt(numberOf(-90, 90)),
        lng: opt(numberOf(-180, 180)),
      }),
    ),
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
  checkPrototype();
  vocabularyIds = DEFAULT_IDS;
  return accept(record);
}
function accept(record: unknown): Therapist | undefined {
  try {
    const accepted = acceptRecord(record);
    return accepted === NO ? undefined : accepted;
  } catch {
    return undefined;
  }
}

/** Options of `parseTherapists` and `validateTherapists`. */
export interface ParseOptions extends NormalizeOptions {
  /** More licence types to recognise as clinical, beyond `CLINICAL_LICENSE_TYPES`. */
  licenseTypes?: readonly string[];
  /** For a file: the line where each record starts (`lines[i]` for record i), named in problems. */
  lines?: readonly number[];
}

/**
 * What a record that is not clearly valid needs, loaded on demand with zod: the forgiving reader
 * (normalize.ts) and the full validator (schema.ts).
 */
export interface SlowPath {
  normalize: (raw: unknown, report: (problem: ReadProblem) => void, options: NormalizeOptions) => unknown;
  validate: (record: unknown) => { therapist?: Therapist; problems: ReadProblem[] };
  /** True for a gender the normaliser keeps as written. */
  keepsGender: (gender: string) => boolean;
  /** Reports what a valid record says of its clinical standing (clinical-notes.ts). */
  clinical: (therapist: Therapist, options: ParseOptions, report: (problem: ReadProblem) => void) => void;
}

/** True when an accepted record needs nothing from the normaliser: a plain gender (its terms are ids, `termOf`; its language tags known ones, `isCanonicalTag`). */
function isCanonical(t: Therapist, slow?: SlowPath): boolean | undefined {
  // Another word for a gender ("female") goes to the normaliser; the therapist's own word it keeps
  // as written, which the normaliser's chunk says once it is loaded.
  return t.gender === undefined || (GENDERS as readonly string[]).includes(t.gender) || slow?.keepsGender(t.gender);
}

const canonicalTags = new Map<string, boolean>();
/** True for a known language tag in its usual case (`en`, `es-MX`); the rest go to the normaliser. */
function isCanonicalTag(tag: string): boolean {
  let canonical = canonicalTags.get(tag);
  if (canonical === undefined) {
    canonical = LANGUAGE.test(tag) && tagOf(tag) === tag;
    if (canonicalTags.size < 10_000 && tag.length <= 35) canonicalTags.set(tag, canonical);
  }
  return canonical;
}

/** Whether a certification names a non-clinical role, per body and name (directories repeat a few). */
const certVerdicts = new Map<string, Map<string, boolean>>();
let certCount = 0;
const namesRole = ({ body, name }: { body: string; name: string }) => {
  let names = certVerdicts.get(body);
  let verdict = names?.get(name);
  if (verdict === undefined) {
    verdict = nonClinicalMention(`${body} ${name}`) !== undefined;
    if (certCount++ < 10_000) {
      if (!names) certVerdicts.set(body, (names = new Map()));
      names.set(name, verdict);
    }
  }
  return verdict;
};

/**
 * True when a valid record has something to say about its clinical standing: a licence that is
 * not clinical or not recognised, a role a certification, the name or the bio mentions, an office
 * without coordinates. Its messages are written by clinical-notes.ts, loaded with the slow path:
 * `clinicalNotes` reports exactly these cases (the tests of each message read records through
 * both entry points, so a case this gate missed would lose its message and fail them).
 */
function needsClinicalNote(t: Therapist, extra?: readonly string[]): boolean {
  const { licenses, certifications, location } = t;
  for (let k = 0; k < licenses.length; k++) if (licenceKind(licenses[k].type, extra) !== 'clinical') return true;
  if (certifications) for (let k = 0; k < certifications.length; k++) if (namesRole(certifications[k])) return true;
  if (nonClinicalMention(t.name) || (t.bio && nonClinicalMention(t.bio))) return true;
  return t.formats.includes('in-person') && location?.lat === undefined;
}

function recordId(record: unknown): string | undefined {
  try {
    const raw = record !== null && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
    if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
    return typeof raw === 'string' && raw.length <= 200 ? raw : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The one pipeline behind `parseTherapists` and `validateTherapists`: each record is read
 * forgivingly, validated (the fast path first, `slow` when it has doubts), checked for clinical
 * licences, and kept unless it has an error. Returns undefined when a record needs `slow` and none
 * was given. Never throws.
 */
export function checkRecords(input: unknown, options: ParseOptions = {}, slow?: SlowPath): ParseResult | undefined {
  const check = new RecordCheck(input, options);
  return check.run(slow) === 'done' ? check.result : undefined;
}

/**
 * `checkRecords` that can stop between records and resume: `run` goes on until every record is
 * checked (`done`), a record needs the slow path and none was given (`slow`, resume with it), or
 * `pause()` says the slice is over (`paused`). Stopping and resuming never changes the result.
 */
export class RecordCheck {
  readonly result: ParseResult = { therapists: [], problems: [] };
  private readonly records: unknown[] | undefined;
  private readonly count: number = 0;
  private index = 0;
  private readonly ids: VocabularyIds;
  private readonly seen = new Set<string>();

  constructor(
    input: unknown,
    private readonly options: ParseOptions = {},
  ) {
    this.ids = options.vocabulary ? idsOf(options.vocabulary) : DEFAULT_IDS;
    let records: unknown[] | undefined;
    try {
      records = recordsIn(input);
      // Read once: a Proxy's length may throw, and the slices must agree on where the input ends.
      if (records) this.count = records.length;
    } catch {
      records = undefined;
    }
    this.records = records;
    if (!records)
      this.result.problems.push({
        severity: 'error',
        index: -1,
        path: '',
        message: `expected an array of therapist records or { "therapists": [...] }, got ${safeShapeOf(input)}`,
        fix: 'give a JSON array of records, or an object with a "therapists" array',
      });
  }

  run(slow?: SlowPath, pause?: () => boolean): 'done' | 'slow' | 'paused' {
    const { records, options, ids, seen } = this;
    if (!records) return 'done';
    const { therapists, problems } = this.result;
    const own: ReadProblem[] = [];
    const report = (problem: ReadProblem) => void own.push(problem);
    // At least one record per run, so a slice that is over before it starts still makes progress.
    const first = this.index;
    checkPrototype();
    vocabularyIds = ids;
    for (; this.index < this.count; this.index++) {
      if (this.index > first && pause?.()) return 'paused';
      const index = this.index;
      own.length = 0;
      let record: unknown;
      let therapist: Therapist | undefined;
      try {
        record = records[index];
        therapist = accept(record);
        if (!therapist || !isCanonical(therapist, slow)) {
          // Nothing of this record is kept yet: it is checked again from the start with `slow`.
          if (!slow) return 'slow';
          const normalised = slow.normalize(record, report, options);
          record = normalised; // so a dropped record is named by its id under any header ("Therapist ID")
          therapist = accept(normalised);
          if (!therapist) {
            const result = slow.validate(normalised);
            own.push(...result.problems);
            therapist = result.therapist;
          }
        }
        if (therapist && needsClinicalNote(therapist, options.licenseTypes)) {
          if (!slow) return 'slow';
          slow.clinical(therapist, options, report);
        }
      } catch {
        // A getter that throws, a revoked proxy: not data a clinic wrote.
        own.length = 0;
        therapist = undefined;
        own.push({ severity: 'error', path: '', message: 'could not be read', fix: 'give plain JSON data' });
      }
      const id = therapist?.id ?? recordId(record);
      const failed = own.length > 0 && own.some((p) => p.severity === 'error');
      if (therapist && !failed) {
        // One look-up: the set grows unless the id is there already.
        const before = seen.size;
        if (seen.add(therapist.id).size > before) therapists.push(therapist);
        else
          own.push({
            severity: 'error',
            path: 'id',
            message: 'duplicates the id of an earlier record; this one is skipped',
            fix: 'give every listing its own id',
          });
      } else if (!failed)
        own.push({ severity: 'error', path: '', message: 'is not a valid record', fix: 'see docs/records.md' });
      if (!own.length) continue;
      const line = options.lines?.[index];
      for (const problem of own)
        problems.push({
          severity: problem.severity,
          index,
          ...(id !== undefined ? { id } : {}),
          ...(typeof line === 'number' ? { line } : {}),
          path: problem.path,
          message: problem.message,
          ...(problem.fix ? { fix: problem.fix } : {}),
        });
    }
    return 'done';
  }
}

function safeShapeOf(input: unknown): string {
  try {
    return shapeOf(input);
  } catch {
    return 'a value that could not be read';
  }
}

/**
 * Validates like `parseTherapists`, with the same result, without blocking the page: records are
 * checked in slices of about 8 ms with a yield to the browser between them, and zod is loaded
 * only when some record is not clearly valid or has a note about its clinical standing (to write
 * precise messages about it). The input must
 * not change until the promise settles. Never rejects, unless the zod chunk cannot be loaded.
 */
export async function validateTherapists(input: unknown, options: ParseOptions = {}): Promise<ParseResult> {
  const check = new RecordCheck(input, options);
  const clock = new SliceClock();
  const pause = () => clock.due();
  let slow: SlowPath | undefined;
  for (;;) {
    clock.start();
    const status = check.run(slow, pause);
    if (status === 'done') return check.result;
    // The chunk's evaluation ends one task; the records go on in the next.
    if (status === 'slow') slow = await loadSlowPath();
    await yieldToBrowser();
  }
}

/** The normaliser and zod's validator, a chunk of their own. */
async function loadSlowPath(): Promise<SlowPath> {
  const [{ normalizeRecord, keepsGender }, { validateRecord }, { clinicalNotes }] = await Promise.all([
    import('./normalize.js'),
    import('./schema.js'),
    import('./clinical-notes.js'),
  ]);
  return { normalize: normalizeRecord, validate: validateRecord, keepsGender, clinical: clinicalNotes };
}
