// Answers read field by field from wherever they come from (a caller of the engine, a site's
// preset, a stored snapshot): what has the right shape is kept, the rest is dropped and named.
import type { Importance, MatchAnswers } from './answers.js';
import { MAX_PARTNERS } from './partners.js';
import type { AgeGroup, SessionFormat } from './schema.js';

/** Most values read from any one list answer; the rest are dropped (a quiz offers far fewer). */
export const MAX_ANSWER_LIST = 1000;

/** What `readAnswers` made of a value. */
export interface AnswersRead {
  /** The fields that have the right shape, as fresh plain objects. */
  answers: Partial<MatchAnswers>;
  /**
   * Paths of what was left out, in reading order: `concerns.others`, `budget`, an unknown key, or
   * `''` when the value itself is not an object. Empty when everything was read.
   */
  dropped: string[];
}

/** Where a reader records the paths it left out. */
type Dropped = string[];
/** Reads one value: the clean value, or `undefined` when it was left out (and its path recorded). */
type Reader<T> = (value: unknown, path: string, dropped: Dropped) => T | undefined;

// Checked by the compiler against the record schema's and the answers' own types.
const AGE_GROUPS: Record<AgeGroup, true> = { adolescent: true, adult: true, 'older-adult': true };
const FORMATS: Record<SessionFormat, true> = { 'in-person': true, telehealth: true };
const IMPORTANCES: Record<Importance, true> = { required: true, preferred: true, none: true };
const SEEKING: Record<MatchAnswers['seeking'], true> = { individual: true, couple: true };

/**
 * `object[key]` for the answers' keys, each read by name at a place of its own: one look-up by a
 * computed key for every field of every answer is a megamorphic access, slow once other code has
 * filled V8's shared cache of them; each of these sees the few shapes of one field's objects.
 */
function named(o: Record<string, unknown>, key: string): unknown {
  switch (key) {
    case 'value':
      return o.value;
    case 'importance':
      return o.importance;
    case 'seeking':
      return o.seeking;
    case 'ageGroup':
      return o.ageGroup;
    case 'concerns':
      return o.concerns;
    case 'preferences':
      return o.preferences;
    case 'partnerPreferences':
      return o.partnerPreferences;
    case 'therapyStyle':
      return o.therapyStyle;
    case 'formats':
      return o.formats;
    case 'location':
      return o.location;
    case 'budget':
      return o.budget;
    case 'insurance':
      return o.insurance;
    case 'slidingScale':
      return o.slidingScale;
    case 'acceptingNewClients':
      return o.acceptingNewClients;
    case 'freeConsultation':
      return o.freeConsultation;
    case 'primary':
      return o.primary;
    case 'others':
      return o.others;
    case 'therapistGender':
      return o.therapistGender;
    case 'languages':
      return o.languages;
    case 'communities':
      return o.communities;
    case 'modalities':
      return o.modalities;
    case 'therapistFaith':
      return o.therapistFaith;
    case 'therapistCulture':
      return o.therapistCulture;
    case 'therapistIdentity':
      return o.therapistIdentity;
    case 'lead':
      return o.lead;
    case 'intensity':
      return o.intensity;
    case 'focus':
      return o.focus;
    case 'approach':
      return o.approach;
    case 'lat':
      return o.lat;
    case 'lng':
      return o.lng;
    case 'maxDistanceKm':
      return o.maxDistanceKm;
    case 'jurisdiction':
      return o.jurisdiction;
    case 'label':
      return o.label;
    case 'max':
      return o.max;
    case 'currency':
      return o.currency;
  }
  return o[key];
}

/** `object[key] = value` for the answers' keys, as `named` reads them (each a store of its own). */
function setNamed(o: Record<string, unknown>, key: string, value: unknown): void {
  switch (key) {
    case 'value':
      o.value = value;
      return;
    case 'importance':
      o.importance = value;
      return;
    case 'seeking':
      o.seeking = value;
      return;
    case 'ageGroup':
      o.ageGroup = value;
      return;
    case 'concerns':
      o.concerns = value;
      return;
    case 'preferences':
      o.preferences = value;
      return;
    case 'partnerPreferences':
      o.partnerPreferences = value;
      return;
    case 'therapyStyle':
      o.therapyStyle = value;
      return;
    case 'formats':
      o.formats = value;
      return;
    case 'location':
      o.location = value;
      return;
    case 'budget':
      o.budget = value;
      return;
    case 'insurance':
      o.insurance = value;
      return;
    case 'slidingScale':
      o.slidingScale = value;
      return;
    case 'acceptingNewClients':
      o.acceptingNewClients = value;
      return;
    case 'freeConsultation':
      o.freeConsultation = value;
      return;
    case 'primary':
      o.primary = value;
      return;
    case 'others':
      o.others = value;
      return;
    case 'therapistGender':
      o.therapistGender = value;
      return;
    case 'languages':
      o.languages = value;
      return;
    case 'communities':
      o.communities = value;
      return;
    case 'modalities':
      o.modalities = value;
      return;
    case 'therapistFaith':
      o.therapistFaith = value;
      return;
    case 'therapistCulture':
      o.therapistCulture = value;
      return;
    case 'therapistIdentity':
      o.therapistIdentity = value;
      return;
    case 'lead':
      o.lead = value;
      return;
    case 'intensity':
      o.intensity = value;
      return;
    case 'focus':
      o.focus = value;
      return;
    case 'approach':
      o.approach = value;
      return;
    case 'lat':
      o.lat = value;
      return;
    case 'lng':
      o.lng = value;
      return;
    case 'maxDistanceKm':
      o.maxDistanceKm = value;
      return;
    case 'jurisdiction':
      o.jurisdiction = value;
      return;
    case 'label':
      o.label = value;
      return;
    case 'max':
      o.max = value;
      return;
    case 'currency':
      o.currency = value;
      return;
  }
  o[key] = value;
}
const Unreadable = Symbol('unreadable');

function isList(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false; // a revoked Proxy
  }
}

/** A reader of values that pass `test`. */
const when =
  <T>(test: (value: unknown) => boolean): Reader<T> =>
  (value, path, dropped) => {
    if (test(value)) return value as T;
    dropped.push(path);
    return undefined;
  };

// The readers used most, each one function rather than `when` around a test (a call less per value).
const oneOf =
  <T extends string>(allowed: Record<T, true>): Reader<T> =>
  (value, path, dropped) => {
    if (typeof value === 'string' && Object.hasOwn(allowed, value)) return value as T;
    dropped.push(path);
    return undefined;
  };
const text: Reader<string> = (value, path, dropped) => {
  if (typeof value === 'string' && value.length > 0) return value;
  dropped.push(path);
  return undefined;
};
const numberIn =
  (min: number, max: number): Reader<number> =>
  (value, path, dropped) => {
    if (typeof value === 'number' && value >= min && value <= max) return value;
    dropped.push(path);
    return undefined;
  };

/** A list whose bad items are left out (the list is named once); not a list at all is left out. */
const listOf =
  <T>(item: Reader<T>): Reader<T[]> =>
  (value, path, dropped) => {
    if (!isList(value)) {
      dropped.push(path);
      return undefined;
    }
    const out: T[] = [];
    const bad: Dropped = [];
    try {
      const length = Math.min(value.length, MAX_ANSWER_LIST);
      if (value.length > length) bad.push(path);
      for (let i = 0; i < length; i++) {
        const read = item(value[i], path, bad);
        if (read !== undefined && !out.includes(read)) out.push(read);
      }
    } catch {
      bad.push(path); // a Proxy list
    }
    if (bad.length) dropped.push(path);
    return out;
  };

/**
 * An object of known fields; unknown keys are left out. With `required`, every field must be
 * read or the whole object is left out (a missing one is named); without, an object emptied by
 * what was left out is left out too.
 */
const fields = <T extends object>(readers: { [K in keyof T]-?: Reader<T[K]> }, required = false): Reader<T> => {
  const known = Object.keys(readers) as (keyof T & string)[];
  const read = known.map((key) => readers[key] as Reader<unknown>);
  // The known keys' paths under each path this reader was given (a few dozen at most: the
  // answers' shape bounds them), made once.
  const pathsUnder = new Map<string, string[]>([['', known]]);
  return (value, path, dropped) => {
    // An object, not a list, whose keys can be listed (a revoked Proxy cannot say).
    let keys: string[] | undefined;
    if (typeof value === 'object' && value !== null)
      try {
        if (!Array.isArray(value)) keys = Object.keys(value);
      } catch {
        keys = undefined;
      }
    if (!keys) {
      dropped.push(path);
      return undefined;
    }
    let paths = pathsUnder.get(path);
    if (!paths) pathsUnder.set(path, (paths = known.map((key) => `${path}.${key}`)));
    const out: Record<string, unknown> = {};
    const before = dropped.length;
    let missing = false;
    for (let k = 0; k < known.length; k++) {
      let raw: unknown;
      try {
        raw = named(value as Record<string, unknown>, known[k]);
      } catch {
        raw = Unreadable; // a getter or a Proxy trap that throws
      }
      let got: unknown;
      if (raw === Unreadable || (raw === undefined && required)) dropped.push(paths[k]);
      else if (raw !== undefined) got = read[k](raw, paths[k], dropped);
      if (got === undefined) missing = true;
      else setNamed(out, known[k], got);
    }
    for (let k = 0; k < keys.length; k++)
      if (!Object.hasOwn(readers, keys[k])) dropped.push(path ? `${path}.${keys[k]}` : keys[k]);
    const emptied = dropped.length > before && !Object.keys(out).length;
    return (required && missing) || emptied ? undefined : (out as T);
  };
};

/** A preference: a known importance and a usable value, else it is left out whole. */
const preference = <T>(value: Reader<T>) =>
  fields<{ value: T; importance: Importance }>({ value, importance: oneOf(IMPORTANCES) }, true);

const words = listOf(text);
const personal = fields<NonNullable<MatchAnswers['preferences']>>({
  therapistGender: preference(words),
  languages: preference(words),
  communities: preference(words),
  modalities: preference(words),
  therapistFaith: preference(words),
  therapistCulture: preference(words),
  therapistIdentity: preference(words),
});

type Style = NonNullable<MatchAnswers['therapyStyle']>;
const therapyStyle = fields<Style>({
  lead: oneOf<NonNullable<Style['lead']>>({ therapist: true, client: true }),
  intensity: oneOf<NonNullable<Style['intensity']>>({ gentle: true, intense: true }),
  focus: oneOf<NonNullable<Style['focus']>>({ past: true, present: true }),
  approach: oneOf<NonNullable<Style['approach']>>({ support: true, challenge: true }),
});

/**
 * The partners' preferences: one object (one partner), or a list of them. An entry left out reads
 * as `{}`, so partner 2 stays partner 2; entries past `MAX_PARTNERS` are left out. A list that
 * kept nothing of what it said is left out.
 */
const partners: Reader<MatchAnswers['partnerPreferences']> = (value, path, dropped) => {
  if (!isList(value)) return personal(value, path, dropped);
  const out: NonNullable<MatchAnswers['preferences']>[] = [];
  const before = dropped.length;
  try {
    const length = Math.min(value.length, MAX_PARTNERS);
    if (value.length > length) dropped.push(path);
    for (let k = 0; k < length; k++) out.push(personal(value[k], `${path}.${k}`, dropped) ?? {});
  } catch {
    dropped.push(path); // a Proxy list
  }
  const emptied = dropped.length > before && out.every((p) => !Object.keys(p).length);
  return emptied ? undefined : out;
};

const CURRENCY = /^[A-Za-z]{3}$/;

const ANSWER_READERS: { [K in keyof MatchAnswers]-?: Reader<MatchAnswers[K]> } = {
  seeking: oneOf(SEEKING),
  ageGroup: oneOf(AGE_GROUPS),
  concerns: fields<NonNullable<MatchAnswers['concerns']>>({ primary: text, others: words }),
  preferences: personal,
  partnerPreferences: partners,
  therapyStyle,
  formats: preference(listOf(oneOf(FORMATS))),
  location: fields<NonNullable<MatchAnswers['location']>>({
    lat: numberIn(-90, 90),
    lng: numberIn(-180, 180),
    maxDistanceKm: numberIn(0, Number.MAX_VALUE),
    jurisdiction: text,
    label: when<string>((v) => typeof v === 'string'),
  }),
  budget: preference(
    fields<{ max: number; currency: string }>(
      {
        max: numberIn(0, Number.MAX_VALUE),
        currency: when<string>((v) => typeof v === 'string' && CURRENCY.test(v)),
      },
      true,
    ),
  ),
  insurance: preference(words),
  slidingScale: preference(when<true>((v) => v === true)),
  acceptingNewClients: preference(when<true>((v) => v === true)),
  freeConsultation: preference(when<true>((v) => v === true)),
};
const answersReader = fields<MatchAnswers>(ANSWER_READERS);

export { ANSWER_FIELDS } from './answer-fields.js';

/**
 * Reads answers field by field, as the quiz would have written them. Never throws: a getter or a
 * Proxy that throws, a wrong type, an unknown key or a value out of range leaves that field out
 * and names it in `dropped`. A list keeps its good items (and is named when it lost any); a
 * preference without a known importance or a usable value is left out whole. `null` and
 * `undefined` read as no answers, with nothing dropped.
 */
export function readAnswers(value: unknown): AnswersRead {
  const dropped: Dropped = [];
  if (value === undefined || value === null) return { answers: {}, dropped };
  return { answers: answersReader(value, '', dropped) ?? {}, dropped };
}
