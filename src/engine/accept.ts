// The fast path that accepts clearly valid records, written from the plain rules (rules.ts): a
// record it accepts is kept as it is, and one it has any doubt about goes to the normaliser and
// zod (records.ts decides, and loads them only then). Its per-run state (the vocabulary's ids, and
// whether Object.prototype has an enumerable key) is set by `startRun` before each run.
import type { Therapist } from './schema.js';
import { defaultVocabulary, type Vocabulary } from './vocabulary.js';
import { tagOf } from './language-tags.js';
import { isRealDate } from './dates.js';
import {
  AGE_GROUPS,
  CLIENT_TYPES,
  CONTACT,
  COUNTRY,
  CURRENCY,
  EMAIL,
  FORMATS,
  JURISDICTION,
  LANGUAGE,
  MAX_BIO,
  MAX_LIST,
  PHONE,
  WEB,
  hasScheme,
} from './rules.js';

// Jitless zod takes about 30 µs a record; this hand-written check of the same schema takes a few.
// It only ever *accepts*: a record it has any doubt about (any invalid field, an explicit
// `undefined`, a class instance, a URL it cannot vouch for without the URL parser) goes to zod,
// which decides and writes the messages. What it accepts, zod accepts with the same output (the
// tests compare both on thousands of records).

const NO = Symbol();
/** What a check returns for a value it keeps as it is (most values): compared by reference, where a value would be compared by content. */
const SAME = Symbol();
type Checked<T> = T | typeof NO | typeof SAME;
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
    if (value.length <= max && clean.test(value)) return SAME;
    if (suspect.test(value)) return NO;
    const trimmed = value.trim();
    return trimmed.length >= 1 && trimmed.length <= max ? trimmed : NO;
  };
};
const matching =
  (pattern: RegExp): Check<string> =>
  (value) =>
    typeof value === 'string' && pattern.test(value) ? SAME : NO;
const urlOf =
  (schemes: readonly string[]): Check<string> =>
  (value) =>
    typeof value === 'string' && value.length <= 2000 && (PLAIN_WEB_URL.test(value) || hasScheme(value, schemes))
      ? SAME
      : NO;
const webUrlOf = urlOf(WEB);
const dateOf: Check<string> = (value) => (typeof value === 'string' && isRealDate(value) ? SAME : NO);
const boolOf: Check<boolean> = (value) => (typeof value === 'boolean' ? SAME : NO);
const numberOf =
  (min: number, max: number): Check<number> =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? SAME : NO;
const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (value) =>
    values.includes(value as T) ? SAME : NO;
const listOf =
  <T>(item: Check<T>, min = 0, max = MAX_LIST): Check<T[]> =>
  (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return NO;
    let out: T[] | undefined;
    for (let k = 0; k < value.length; k++) {
      const field = value[k];
      const checked = item(field);
      if (checked === NO) return NO;
      // The first item that changes starts the list again, copying: each item read once a pass, so
      // what is kept is what was checked, whatever a getter returns next.
      if (out) out.push(checked === SAME ? field : checked);
      else if (checked !== SAME) {
        out = [];
        k = -1;
      }
    }
    // Unchanged lists are kept as they are: copying is most of the cost of validating.
    return out ?? SAME;
  };

type Shape = Record<string, Check<unknown>>;
/** True while Object.prototype has an enumerable key (a page added one): every object then goes to zod. Set by `startRun`. */
let inherits = false;
/** The check of an object of `shape`'s fields, those named in `required` required. */
const objectOf = <T>(shape: Shape, required: string[] = []): Check<T> => {
  const keys = Object.keys(shape);
  const checks = Object.values(shape);
  const optional = keys.map((key) => !required.includes(key));
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
    const checked: unknown[] | undefined = copy ? [] : undefined;
    let missing = required.length;
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
      if (checked) checked[k] = result === SAME ? field : result;
      else if (result !== SAME) return check(input, true);
    }
    if (missing) return NO;
    if (!checked) return SAME;
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
export type VocabularyIds = Set<string>[];
export const idsOf = (vocabulary: Vocabulary): VocabularyIds =>
  TERM_FIELDS.map((field) => new Set((vocabulary[field] ?? []).map((term) => term.id)));
/** The ids a run reads terms against: any other term goes to the normaliser, which knows synonyms. */
export const DEFAULT_IDS = idsOf(defaultVocabulary);
let vocabularyIds = DEFAULT_IDS;
const termOf =
  (field: number): Check<string> =>
  (value) =>
    typeof value === 'string' && vocabularyIds[field].has(value) ? SAME : NO;

/** A location gives both coordinates or neither. */
const bothOrNeither =
  (check: Check<unknown>): Check<unknown> =>
  (value) => {
    const checked = check(value);
    if (checked === NO) return NO;
    const { lat, lng } = (checked === SAME ? value : checked) as { lat?: number; lng?: number };
    return (lat === undefined) === (lng === undefined) ? checked : NO;
  };

/** One of three words, the third always `balanced` (how a therapist works, `therapyStyle`). */
const styleOf = (one: string, other: string) => matching(new RegExp(`^(${one}|${other}|balanced)$`));

const acceptRecord = objectOf<Therapist>(
  {
    id: textOf(200),
    name: textOf(160),
    pronouns: textOf(40),
    gender: textOf(60),
    photoUrl: webUrlOf,
    bio: textOf(MAX_BIO),
    licenses: listOf(
      objectOf({ type: textOf(80), jurisdiction: matching(JURISDICTION), number: textOf(80), verifyUrl: webUrlOf }, [
        'type',
        'jurisdiction',
      ]),
      1,
      20,
    ),
    certifications: listOf(
      objectOf({ body: textOf(120), name: textOf(160), since: dateOf, expires: dateOf }, ['body', 'name']),
    ),
    concerns: listOf(termOf(0)),
    clientTypes: listOf(oneOf(CLIENT_TYPES)),
    ageGroups: listOf(oneOf(AGE_GROUPS)),
    languages: listOf((value) => (typeof value === 'string' && isCanonicalTag(value) ? SAME : NO)),
    modalities: listOf(termOf(1)),
    communities: listOf(termOf(2)),
    faith: listOf(textOf(80)),
    culturalBackground: listOf(textOf(80)),
    identities: listOf(textOf(80)),
    therapyStyle: objectOf({
      lead: styleOf('therapist', 'client'),
      intensity: styleOf('gentle', 'intense'),
      focus: styleOf('past', 'present'),
      approach: styleOf('support', 'challenge'),
    }),
    formats: listOf(oneOf(FORMATS), 1),
    location: bothOrNeither(
      objectOf({
        city: textOf(120),
        region: textOf(120),
        postalCode: textOf(20),
        country: matching(COUNTRY),
        lat: numberOf(-90, 90),
        lng: numberOf(-180, 180),
      }),
    ),
    telehealthJurisdictions: listOf(matching(JURISDICTION)),
    fees: objectOf(
      { currency: matching(CURRENCY), min: numberOf(0, Infinity), max: numberOf(0, Infinity), slidingScale: boolOf },
      ['currency', 'min'],
    ),
    insurance: listOf(textOf(120)),
    acceptingNewClients: boolOf,
    freeConsultation: boolOf,
    collaboratesWithMedical: boolOf,
    bookingUrl: urlOf(CONTACT),
    email: (value) => (typeof value === 'string' && value.length <= 254 && EMAIL.test(value) ? SAME : NO),
    phone: matching(PHONE),
    website: webUrlOf,
    lastVerified: dateOf,
  },
  ['id', 'name', 'licenses', 'formats'],
);

/** Sets the state of a run of `accept`: the vocabulary's ids, and what Object.prototype holds now. */
export function startRun(ids: VocabularyIds): void {
  // Whether for-in would find inherited keys (see `inherits`), once per run.
  inherits = false;
  for (const _ in Object.prototype) inherits = true;
  vocabularyIds = ids;
}

/** The fast path alone, for tests: the validated record, or undefined when zod must decide. */
export function acceptRecordFast(record: unknown): Therapist | undefined {
  startRun(DEFAULT_IDS);
  return accept(record);
}

/** The record as it is (or a plain copy, for one without a prototype) when it is clearly valid; else undefined. Never throws. Call `startRun` first. */
export function accept(record: unknown): Therapist | undefined {
  try {
    const accepted = acceptRecord(record);
    return accepted === NO ? undefined : accepted === SAME ? (record as Therapist) : accepted;
  } catch {
    return undefined;
  }
}

const canonicalTags = new Map<string, boolean>();
/** True for a known language tag in its usual case (`en`, `es-MX`); the rest go to the normaliser. */
export function isCanonicalTag(tag: string): boolean {
  let canonical = canonicalTags.get(tag);
  if (canonical === undefined) {
    canonical = LANGUAGE.test(tag) && tagOf(tag) === tag;
    if (canonicalTags.size < 10_000 && tag.length <= 35) canonicalTags.set(tag, canonical);
  }
  return canonical;
}
