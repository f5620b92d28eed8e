// The ranking: hard requirements exclude, preferences score, every match explains itself, and
// when too few fit the result says which single requirement to relax.
import type {
  CriterionKey,
  Exclusion,
  Importance,
  Match,
  MatchAnswers,
  MatchReason,
  PersonalPreferences,
  Preference,
  PreferenceConflict,
  RankResult,
  Relaxation,
} from './answers.js';
import { DEGREES_TO_RADIANS, EARTH_RADIUS_KM, haversineRad } from './geo.js';
import { readAnswers } from './read-answers.js';
import type { Therapist } from './schema.js';
import {
  AGE_GROUP_BITS,
  CLIENT_TYPE_BITS,
  FLAG_ACCEPTING,
  FLAG_FEES,
  FLAG_FREE_CONSULTATION,
  FLAG_IN_PERSON,
  FLAG_LOCATION,
  FLAG_MEDICAL,
  FLAG_SLIDING_SCALE,
  FLAG_TELEHEALTH,
  indexFor,
  normalise,
  type TermColumn,
  type TherapistIndex,
} from './therapist-index.js';
import { defaultVocabulary, type ConcernDefinition, type Vocabulary } from './vocabulary.js';
import { resolveWeights, type MatchWeights } from './weights.js';

/**
 * How to rank. Every option has a defined answer for any value: numbers are clamped to their range
 * and anything that is not a number (or a readable object) counts as left out.
 */
export interface RankOptions {
  /**
   * Most matches returned and explained (default 20); `matched` still counts all. A whole number
   * from 0 (counts only) up: fractions round down, negative numbers give 0, and a limit above the
   * directory's size (`Infinity` included) returns every match. `NaN` gives the default.
   */
  limit?: number;
  /**
   * Fewer matches than this (default 5) and the result suggests relaxations. From 0 up: fractions
   * round up, negative numbers give 0 (never suggest), `Infinity` always suggests. `NaN` gives the
   * default.
   */
  minMatches?: number;
  /** Overrides of `DEFAULT_WEIGHTS`: a finite number ≥ 0 per criterion; other values are ignored. */
  weights?: Partial<MatchWeights>;
  /**
   * Rotates equally scored matches with a seeded shuffle; without it ties break by id. Any finite
   * number (its 32-bit integer part is used); anything else means no seed.
   */
  seed?: number;
  /** Vocabulary for the physician-first flags (default `defaultVocabulary`). */
  vocabulary?: Pick<Vocabulary, 'concerns'>;
}

/** Every criterion in the order reasons are listed; a criterion's position is its bit in masks. */
export const CRITERIA: readonly CriterionKey[] = [
  'clientType',
  'ageGroup',
  'primaryConcern',
  'otherConcerns',
  'therapistGender',
  'languages',
  'communities',
  'modalities',
  'formats',
  'distance',
  'telehealthJurisdiction',
  'budget',
  'insurance',
  'slidingScale',
  'acceptingNewClients',
  'freeConsultation',
  'medicalCollaboration',
];
const BIT = Object.fromEntries(CRITERIA.map((c, k) => [c, 1 << k])) as Record<CriterionKey, number>;
const PERSONAL: readonly (keyof PersonalPreferences & CriterionKey)[] = [
  'therapistGender',
  'languages',
  'communities',
  'modalities',
];

/** Concern ids in the answers whose vocabulary entry says: see a physician first. Never throws. */
export function physicianFirstConcerns(
  answers: MatchAnswers,
  vocabulary: Pick<Vocabulary, 'concerns'> = defaultVocabulary,
): string[] {
  return flaggedConcerns(readAnswers(answers).answers, vocabulary);
}

function flaggedConcerns(answers: Partial<MatchAnswers>, vocabulary: unknown): string[] {
  const flagged = new Set<string>();
  try {
    const concerns = (vocabulary as Partial<Vocabulary> | undefined)?.concerns;
    if (Array.isArray(concerns))
      for (const c of concerns as unknown[]) {
        const concern = c as Partial<ConcernDefinition> | undefined;
        if (concern?.physicianFirst && typeof concern.id === 'string') flagged.add(concern.id);
      }
  } catch {
    // A vocabulary that cannot be read flags nothing.
  }
  return concernIds(answers).filter((id) => flagged.has(id));
}

/**
 * True when a concern in the answers is a physical-function one (erections, ejaculation, pain,
 * orgasm): the UI then suggests seeing a physician to rule out physical causes alongside therapy.
 */
export function needsPhysicianFirst(
  answers: MatchAnswers,
  vocabulary: Pick<Vocabulary, 'concerns'> = defaultVocabulary,
): boolean {
  return physicianFirstConcerns(answers, vocabulary).length > 0;
}

/**
 * The answers with a relaxation's `change` applied (what the quiz does when the person accepts):
 * `{ ...answers, ...change }`, both read as `rankTherapists` reads answers (a field of the wrong
 * shape is left out; who is seeking defaults to `individual`). Never throws.
 */
export function applyRelaxation(answers: MatchAnswers, relaxation: Pick<Relaxation, 'change'>): MatchAnswers {
  let change: unknown;
  try {
    change = relaxation?.change;
  } catch {
    change = undefined;
  }
  return { seeking: 'individual', ...readAnswers(answers).answers, ...readAnswers(change).answers };
}

// ---------------------------------------------------------------------------------------------
// Answers, read defensively: they may come from a form, a URL-less state object or a fuzzer.

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];

function concernIds(answers: Partial<MatchAnswers>): string[] {
  const primary = typeof answers?.concerns?.primary === 'string' ? [answers.concerns.primary] : [];
  return [...new Set([...primary, ...strings(answers?.concerns?.others)])];
}

const IMPORTANCE: readonly Importance[] = ['required', 'preferred', 'none'];
function importanceOf(pref: unknown): Importance {
  const value = (pref as Preference<unknown> | undefined)?.importance;
  return pref && typeof pref === 'object' && IMPORTANCE.includes(value as Importance) ? (value as Importance) : 'none';
}

/** A list preference that counts: its values, or undefined when unused. */
function listPreference(pref: unknown): { values: string[]; importance: Importance } | undefined {
  const importance = importanceOf(pref);
  const values = strings((pref as Preference<unknown>)?.value);
  return importance !== 'none' && values.length ? { values, importance } : undefined;
}

function flagPreference(pref: unknown): Importance {
  return importanceOf(pref) !== 'none' && (pref as Preference<unknown>).value === true ? importanceOf(pref) : 'none';
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A count option: not a number (or `NaN`) gives `fallback`; from 0 up, `Infinity` kept, else rounded. */
function count(value: unknown, fallback: number, round: (value: number) => number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  return value <= 0 ? 0 : value === Infinity ? Infinity : round(value);
}

// ---------------------------------------------------------------------------------------------
// Terms: one scored or required criterion, compiled against the index.

const enum Kind {
  AnyOf,
  AllOf,
  Flag,
  ClientType,
  AgeGroup,
  Budget,
}

interface Term {
  kind: Kind;
  criterion: CriterionKey;
  who: MatchReason['who'];
  importance: Importance;
  weight: number;
  /** For set terms: the column, the wanted mask and how many values were wanted. */
  column: TermColumn | null;
  mask: Int32Array;
  wanted: number;
  /** Flag, client-type or age-group bit. */
  bit: number;
  /** Budget: highest fee and currency id (-1 when no record uses that currency). */
  max: number;
  currency: number;
  /** The wanted values as given, for details and relaxation patches. */
  values: string[];
}

function term(partial: Partial<Term> & Pick<Term, 'kind' | 'criterion' | 'importance' | 'weight'>): Term {
  return {
    who: undefined,
    column: null,
    mask: EMPTY_MASK,
    wanted: 0,
    bit: 0,
    max: 0,
    currency: -1,
    values: [],
    ...partial,
  };
}
const EMPTY_MASK = new Int32Array(1);

function maskOf(column: TermColumn, values: readonly string[], norm: (v: string) => string): Int32Array {
  const mask = new Int32Array(column.words);
  for (const v of values) {
    const id = column.ids.get(norm(v));
    if (id !== undefined) mask[id >>> 5] |= 1 << (id & 31);
  }
  return mask;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** How well record `i` fits `t`, 0..1. Requirements pass at 1 for all-of terms, above 0 otherwise. */
function fit(t: Term, index: TherapistIndex, i: number): number {
  switch (t.kind) {
    case Kind.AnyOf: {
      const column = t.column as TermColumn;
      const words = column.words;
      const off = i * words;
      for (let w = 0; w < words; w++) if ((column.bits[off + w] & t.mask[w]) !== 0) return 1;
      return 0;
    }
    case Kind.AllOf: {
      const column = t.column as TermColumn;
      const words = column.words;
      const off = i * words;
      let hits = 0;
      for (let w = 0; w < words; w++) hits += popcount(column.bits[off + w] & t.mask[w]);
      return hits / t.wanted;
    }
    case Kind.Flag:
      return index.flags[i] & t.bit ? 1 : 0;
    case Kind.ClientType:
      return index.clientTypes[i] & t.bit ? 1 : 0;
    case Kind.AgeGroup:
      return index.ageGroups[i] & t.bit ? 1 : 0;
    case Kind.Budget: {
      const flags = index.flags[i];
      if (!(flags & FLAG_FEES) || index.feeCurrency[i] !== t.currency) return 0;
      if (index.feeMin[i] <= t.max) return 1;
      // A sliding scale may bring the fee within reach: worth asking.
      return flags & FLAG_SLIDING_SCALE ? 0.5 : 0;
    }
  }
}

const passes = (t: Term, value: number) => (t.kind === Kind.AllOf ? value >= 1 : value > 0);

/** Sets the criterion's bit in `fail` for every record that misses requirement `t`. */
function markFailures(t: Term, index: TherapistIndex, fail: Int32Array): void {
  const n = index.size;
  const bit = BIT[t.criterion];
  const column = t.column;
  if ((t.kind === Kind.AnyOf || t.kind === Kind.AllOf) && column && column.words === 1) {
    const bits = column.bits;
    const m = t.mask[0];
    if (t.kind === Kind.AnyOf) {
      for (let i = 0; i < n; i++) if ((bits[i] & m) === 0) fail[i] |= bit;
    } else if (popcount(m) < t.wanted) {
      // A wanted value no record lists: nobody can have them all.
      for (let i = 0; i < n; i++) fail[i] |= bit;
    } else {
      for (let i = 0; i < n; i++) if ((bits[i] & m) !== m) fail[i] |= bit;
    }
    return;
  }
  const small =
    t.kind === Kind.Flag
      ? index.flags
      : t.kind === Kind.ClientType
        ? index.clientTypes
        : t.kind === Kind.AgeGroup
          ? index.ageGroups
          : undefined;
  if (small) {
    const b = t.bit;
    for (let i = 0; i < n; i++) if ((small[i] & b) === 0) fail[i] |= bit;
    return;
  }
  for (let i = 0; i < n; i++) if (!passes(t, fit(t, index, i))) fail[i] |= bit;
}

interface FormatQuery {
  /** Acceptable formats (hard): both unless `formats` is required. */
  hardIn: boolean;
  hardTele: boolean;
  /** Preferred formats (scored), when `formats` is preferred. */
  prefIn: boolean;
  prefTele: boolean;
  formatsImportance: Importance;
  formatValues: string[];
  /** The person's point in radians, when known. */
  hasPoint: boolean;
  lat: number;
  lng: number;
  cosLat: number;
  maxKm: number;
  /** Telehealth jurisdiction bits: -1 word when the jurisdiction is unknown to every record. */
  jurisdiction: string;
  jurWord: number;
  jurBit: number;
  countryWord: number;
  countryBit: number;
  /** Whether a distance reason is scored. */
  scoreDistance: boolean;
}

interface Query {
  required: Term[];
  preferred: Term[];
  unused: MatchReason[];
  format: FormatQuery;
  formatsWeight: number;
  distanceWeight: number;
  totalWeight: number;
  conflicts: PreferenceConflict[];
  answers: MatchAnswers;
}

function compile(
  index: TherapistIndex,
  answers: MatchAnswers,
  weights: MatchWeights,
  vocabulary: Pick<Vocabulary, 'concerns'>,
): Query {
  const couple = answers?.seeking === 'couple';
  const required: Term[] = [];
  const preferred: Term[] = [];
  const unused: MatchReason[] = [];
  const conflicts: PreferenceConflict[] = [];
  const add = (t: Term) => (t.importance === 'required' ? required : preferred).push(t);
  const unusedReason = (criterion: CriterionKey, who?: MatchReason['who']) =>
    unused.push({ criterion, status: 'unused', importance: 'none', contribution: 0, ...(who ? { who } : {}) });

  // Who is seeking help: always a requirement.
  const seeking = couple ? 'couple' : 'individual';
  add(
    term({
      kind: Kind.ClientType,
      criterion: 'clientType',
      importance: 'required',
      weight: weights.clientType,
      bit: CLIENT_TYPE_BITS[seeking],
      values: [seeking],
    }),
  );
  const age = typeof answers?.ageGroup === 'string' ? answers.ageGroup : undefined;
  if (age)
    add(
      term({
        kind: Kind.AgeGroup,
        criterion: 'ageGroup',
        importance: 'required',
        weight: weights.ageGroup,
        bit: AGE_GROUP_BITS[age] ?? 0,
        values: [age],
      }),
    );
  else unusedReason('ageGroup');

  // Concerns: never requirements; the primary one counts most.
  const primary = typeof answers?.concerns?.primary === 'string' ? answers.concerns.primary : undefined;
  if (primary)
    add(
      term({
        kind: Kind.AnyOf,
        criterion: 'primaryConcern',
        importance: 'preferred',
        weight: weights.primaryConcern,
        column: index.concerns,
        mask: maskOf(index.concerns, [primary], normalise.id),
        wanted: 1,
        values: [primary],
      }),
    );
  else unusedReason('primaryConcern');
  const others = strings(answers?.concerns?.others).filter((c, k, all) => c !== primary && all.indexOf(c) === k);
  if (others.length)
    add(
      term({
        kind: Kind.AllOf,
        criterion: 'otherConcerns',
        importance: 'preferred',
        weight: weights.otherConcerns,
        column: index.concerns,
        mask: maskOf(index.concerns, others, normalise.id),
        wanted: others.length,
        values: others,
      }),
    );
  else unusedReason('otherConcerns');

  // Personal preferences: each partner's own; a requirement from either is a requirement.
  const columns = {
    therapistGender: [index.genders, normalise.lower, Kind.AnyOf],
    languages: [index.languages, normalise.language, Kind.AnyOf],
    communities: [index.communities, normalise.id, Kind.AllOf],
    modalities: [index.modalities, normalise.id, Kind.AnyOf],
  } as const;
  for (const criterion of PERSONAL) {
    const [column, norm, kind] = columns[criterion];
    const mine = listPreference(answers?.preferences?.[criterion]);
    const theirs = couple ? listPreference(answers?.partnerPreferences?.[criterion]) : undefined;
    const stated: { who: 'you' | 'partner' | 'both'; values: string[]; importance: Importance }[] = [];
    if (mine && theirs && mine.importance === theirs.importance && sameSet(mine.values, theirs.values, norm))
      stated.push({ who: 'both', ...mine });
    else {
      if (mine) stated.push({ who: 'you', ...mine });
      if (theirs) stated.push({ who: 'partner', ...theirs });
    }
    if (!stated.length) {
      unusedReason(criterion, couple ? 'both' : 'you');
      continue;
    }
    // A therapist has one gender: two partners wanting disjoint genders cannot both be satisfied.
    if (criterion === 'therapistGender' && mine && theirs) {
      const theirSet = new Set(theirs.values.map(norm));
      if (!mine.values.some((v) => theirSet.has(norm(v))))
        conflicts.push({
          criterion,
          you: mine.values,
          partner: theirs.values,
          importance: mine.importance === 'required' && theirs.importance === 'required' ? 'required' : 'preferred',
        });
    }
    // Each partner's preferences share the criterion's weight; requirements count in full.
    const preferredCount = stated.filter((s) => s.importance === 'preferred').length;
    for (const s of stated) {
      const unique = [...new Set(s.values.map(norm))];
      add(
        term({
          kind,
          criterion,
          who: s.who,
          importance: s.importance,
          weight: s.importance === 'required' ? weights[criterion] : weights[criterion] / preferredCount,
          column,
          mask: maskOf(column, s.values, norm),
          wanted: unique.length,
          values: s.values,
        }),
      );
    }
  }

  // Cost.
  const budget = answers?.budget;
  const budgetImportance = importanceOf(budget);
  if (budgetImportance !== 'none' && finite(budget?.value?.max) && typeof budget.value.currency === 'string')
    add(
      term({
        kind: Kind.Budget,
        criterion: 'budget',
        importance: budgetImportance,
        weight: weights.budget,
        max: budget.value.max,
        currency: index.currencies.get(budget.value.currency.toUpperCase()) ?? -1,
        values: [budget.value.currency.toUpperCase()],
      }),
    );
  else unusedReason('budget');
  const insurance = listPreference(answers?.insurance);
  if (insurance)
    add(
      term({
        kind: Kind.AnyOf,
        criterion: 'insurance',
        importance: insurance.importance,
        weight: weights.insurance,
        column: index.insurance,
        mask: maskOf(index.insurance, insurance.values, normalise.lower),
        wanted: insurance.values.length,
        values: insurance.values,
      }),
    );
  else unusedReason('insurance');
  const flagTerms: [CriterionKey, unknown, number][] = [
    ['slidingScale', answers?.slidingScale, FLAG_SLIDING_SCALE],
    ['acceptingNewClients', answers?.acceptingNewClients, FLAG_ACCEPTING],
    ['freeConsultation', answers?.freeConsultation, FLAG_FREE_CONSULTATION],
  ];
  for (const [criterion, pref, bit] of flagTerms) {
    const importance = flagPreference(pref);
    if (importance === 'none') unusedReason(criterion);
    else add(term({ kind: Kind.Flag, criterion, importance, weight: weights[criterion], bit }));
  }
  // Function concerns: a therapist who works with medical specialists is a small plus.
  if (flaggedConcerns(answers, vocabulary).length)
    add(
      term({
        kind: Kind.Flag,
        criterion: 'medicalCollaboration',
        importance: 'preferred',
        weight: weights.medicalCollaboration,
        bit: FLAG_MEDICAL,
      }),
    );

  const format = compileFormat(index, answers);
  const formatsWeight = format.formatsImportance === 'none' ? 0 : weights.formats;
  if (format.formatsImportance === 'none') unusedReason('formats');
  const distanceWeight = format.scoreDistance ? weights.distance : 0;
  if (!format.scoreDistance) unusedReason('distance');
  let totalWeight = formatsWeight + distanceWeight;
  for (const t of required) totalWeight += t.weight;
  for (const t of preferred) totalWeight += t.weight;
  return { required, preferred, unused, format, formatsWeight, distanceWeight, totalWeight, conflicts, answers };
}

function sameSet(a: string[], b: string[], norm: (v: string) => string): boolean {
  const sa = new Set(a.map(norm));
  const sb = new Set(b.map(norm));
  return sa.size === sb.size && [...sa].every((v) => sb.has(v));
}

function compileFormat(index: TherapistIndex, answers: MatchAnswers): FormatQuery {
  const pref = listPreference(answers?.formats);
  const values = pref?.values ?? [];
  const wantsIn = values.includes('in-person');
  const wantsTele = values.includes('telehealth');
  const hard = pref?.importance === 'required';
  const loc = answers?.location;
  const hasPoint = !!loc && finite(loc.lat) && finite(loc.lng) && Math.abs(loc.lat) <= 90 && Math.abs(loc.lng) <= 180;
  const maxKm = hasPoint && finite(loc?.maxDistanceKm) && loc.maxDistanceKm >= 0 ? loc.maxDistanceKm : Infinity;
  const jurisdiction = typeof loc?.jurisdiction === 'string' ? loc.jurisdiction.trim().toLowerCase() : '';
  const jurs = index.telehealthJurisdictions;
  const jurId = jurisdiction ? jurs.ids.get(jurisdiction) : undefined;
  // A licence for a whole country (`NZ`) covers its subdivisions (`NZ-AUK`).
  const country = jurisdiction.includes('-') ? jurisdiction.split('-')[0] : '';
  const countryId = country ? jurs.ids.get(country) : undefined;
  const lat = hasPoint ? (loc.lat as number) * DEGREES_TO_RADIANS : 0;
  return {
    hardIn: hard ? wantsIn : true,
    hardTele: hard ? wantsTele : true,
    prefIn: wantsIn,
    prefTele: wantsTele,
    formatsImportance: pref?.importance ?? 'none',
    formatValues: values,
    hasPoint,
    lat,
    lng: hasPoint ? (loc.lng as number) * DEGREES_TO_RADIANS : 0,
    cosLat: Math.cos(lat),
    maxKm,
    jurisdiction: jurisdiction ? (loc?.jurisdiction as string).trim() : '',
    jurWord: jurId === undefined ? -1 : jurId >>> 5,
    jurBit: jurId === undefined ? 0 : 1 << (jurId & 31),
    countryWord: countryId === undefined ? -1 : countryId >>> 5,
    countryBit: countryId === undefined ? 0 : 1 << (countryId & 31),
    scoreDistance: hasPoint && (pref?.importance !== 'required' || wantsIn),
  };
}

/** Per-record format facts, written by `formatFacts` into a reused object (no allocation). */
interface FormatFacts {
  inPerson: boolean;
  inPersonOk: boolean;
  within: boolean;
  telehealth: boolean;
  licensed: boolean;
  telehealthOk: boolean;
  km: number;
}

function formatFacts(q: FormatQuery, index: TherapistIndex, i: number, out: FormatFacts, exact: boolean): void {
  const flags = index.flags[i];
  out.inPerson = (flags & FLAG_IN_PERSON) !== 0;
  out.telehealth = (flags & FLAG_TELEHEALTH) !== 0;
  out.km = NaN;
  let within = q.maxKm === Infinity;
  if (q.hasPoint && out.inPerson && flags & FLAG_LOCATION) {
    const dLat = index.lat[i] - q.lat;
    // Cheap box test first: a degree of latitude is never shorter than this.
    if (!exact && q.maxKm !== Infinity && Math.abs(dLat) * EARTH_RADIUS_KM > q.maxKm) within = false;
    else {
      out.km = haversineRad(q.lat, q.lng, q.cosLat, index.lat[i], index.lng[i], index.cosLat[i]);
      within = out.km <= q.maxKm;
    }
  }
  out.within = within;
  out.inPersonOk = out.inPerson && within;
  let licensed = true;
  if (q.jurisdiction) {
    const words = index.telehealthJurisdictions.words;
    const bits = index.telehealthJurisdictions.bits;
    licensed =
      (q.jurWord >= 0 && (bits[i * words + q.jurWord] & q.jurBit) !== 0) ||
      (q.countryWord >= 0 && (bits[i * words + q.countryWord] & q.countryBit) !== 0);
  }
  out.licensed = licensed;
  out.telehealthOk = out.telehealth && licensed;
}

/** Failure bits of the format group for a record, 0 when it can be seen in an acceptable format. */
function formatFailure(q: FormatQuery, f: FormatFacts): number {
  if ((q.hardIn && f.inPersonOk) || (q.hardTele && f.telehealthOk)) return 0;
  if (!((q.hardIn && f.inPerson) || (q.hardTele && f.telehealth))) return BIT.formats;
  let bits = 0;
  if (q.hardIn && f.inPerson && !f.within) bits |= BIT.distance;
  if (q.hardTele && f.telehealth && !f.licensed) bits |= BIT.telehealthJurisdiction;
  return bits;
}

function formatsFit(q: FormatQuery, f: FormatFacts): number {
  return (q.prefIn && f.inPersonOk) || (q.prefTele && f.telehealthOk) ? 1 : 0;
}

/** Closer is better: 1 next door, 0.5 at the limit (or at 50 km without one), 0 at twice that. */
function distanceFit(q: FormatQuery, f: FormatFacts): number {
  if (!f.inPersonOk || Number.isNaN(f.km)) return 0;
  const scale = q.maxKm === Infinity ? 50 : Math.max(q.maxKm, 1);
  const value = 1 - f.km / (2 * scale);
  return value > 0 ? value : 0;
}

// ---------------------------------------------------------------------------------------------
// Ranking.

/** Scores are rounded so that equal fits reached in a different order tie exactly. */
const roundScore = (value: number) => Math.round(value * 1e9) / 1e9;

/** A 32-bit mix (murmur3 finaliser) to rotate ties by seed. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Ranks a directory for one person or couple.
 *
 * - Requirements exclude: who is seeking (couples need `clientTypes` with `couple`), the age group,
 *   every preference marked `required` (by either partner), the in-person distance limit and, for
 *   video sessions, a licence in the person's jurisdiction.
 * - Preferences score: each criterion's weight times how well it fits, divided by the total
 *   weight, so `score` is in [0, 1] and each reason's `contribution` is its share.
 * - Only the top `limit` matches are explained; `matched` counts every record that passed.
 * - Ties break by id, or by a seeded shuffle when `options.seed` is set.
 *
 * `therapists` may be the validated array (its index is built once and cached for that array) or
 * an index from `indexTherapists`.
 *
 * Never throws, whatever it is given. Answers are read field by field as the quiz writes them: a
 * field of the wrong shape, or one whose getter throws, counts as unanswered (who is seeking
 * defaults to `individual`). Options are clamped as `RankOptions` says. An item of `therapists`
 * that is not an object, or whose fields cannot be read, is left out of the ranking and of
 * `total`; anything but an array or an index ranks an empty directory.
 */
export function rankTherapists(
  therapists: readonly Therapist[] | TherapistIndex,
  answers: MatchAnswers,
  options: RankOptions = {},
): RankResult {
  const index = indexFor(therapists);
  const option = (key: keyof RankOptions): unknown => {
    try {
      return (options as Record<string, unknown> | undefined)?.[key];
    } catch {
      return undefined; // a getter that throws: the option is left out
    }
  };
  const q = compile(
    index,
    { seeking: 'individual', ...readAnswers(answers).answers },
    resolveWeights(option('weights') as Partial<MatchWeights>),
    (option('vocabulary') as Pick<Vocabulary, 'concerns'> | undefined) ?? defaultVocabulary,
  );
  const n = index.size;
  const limit = count(option('limit'), 20, Math.floor);
  const minMatches = count(option('minMatches'), 5, Math.ceil);
  const seed = option('seed');
  const seeded = finite(seed);
  const seedMix = seeded ? mix(seed | 0) : 0;
  const ids = index.ids;

  // Top-k selection: a min-heap of the best `limit` so far, worst at the root.
  const capacity = Math.min(limit, n);
  const heapIdx = new Int32Array(capacity);
  const heapScore = new Float64Array(capacity);
  let heapSize = 0;
  const tieKey = (i: number) => (seeded ? mix(index.idHash[i] ^ seedMix) : 0);
  // True when record a ranks below record b.
  const worse = (sa: number, a: number, sb: number, b: number): boolean => {
    if (sa !== sb) return sa < sb;
    if (seeded) {
      const ka = tieKey(a);
      const kb = tieKey(b);
      if (ka !== kb) return ka > kb;
    }
    return ids[a] > ids[b];
  };
  const swap = (a: number, b: number) => {
    const index = heapIdx[a];
    const score = heapScore[a];
    heapIdx[a] = heapIdx[b];
    heapScore[a] = heapScore[b];
    heapIdx[b] = index;
    heapScore[b] = score;
  };
  const siftDown = (pos: number) => {
    for (;;) {
      const l = 2 * pos + 1;
      const r = l + 1;
      let m = pos;
      if (l < heapSize && worse(heapScore[l], heapIdx[l], heapScore[m], heapIdx[m])) m = l;
      if (r < heapSize && worse(heapScore[r], heapIdx[r], heapScore[m], heapIdx[m])) m = r;
      if (m === pos) return;
      swap(pos, m);
      pos = m;
    }
  };
  const siftUp = (pos: number) => {
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!worse(heapScore[pos], heapIdx[pos], heapScore[parent], heapIdx[parent])) return;
      swap(pos, parent);
      pos = parent;
    }
  };

  const required = q.required;
  const preferred = q.preferred;
  const fq = q.format;
  const facts: FormatFacts = {
    inPerson: false,
    inPersonOk: false,
    within: false,
    telehealth: false,
    licensed: false,
    telehealthOk: false,
    km: NaN,
  };
  const failCounts = new Int32Array(CRITERIA.length);
  // Only-this-criterion failures: what relaxing it alone would add.
  const onlyFails = new Int32Array(CRITERIA.length);
  const farOnly: number[] = [];
  let formatsOnly = 0;
  const relaxFormats = fq.formatsImportance === 'required';
  const wantedAll = fq.formatValues.length === 0 || (fq.prefIn && fq.prefTele);
  const inv = q.totalWeight > 0 ? 1 / q.totalWeight : 0;
  let matched = 0;

  // Requirements first, one tight loop per criterion over the columns.
  const failures = new Int32Array(n);
  for (const t of required) markFailures(t, index, failures);

  for (let i = 0; i < n; i++) {
    const fail = failures[i];
    formatFacts(fq, index, i, facts, false);
    const formatFail = formatFailure(fq, facts);
    if (fail | formatFail) {
      const all = fail | formatFail;
      for (let b = 0; b < CRITERIA.length; b++) if (all & (1 << b)) failCounts[b]++;
      if (!formatFail) {
        // Exactly one non-format requirement failed.
        if ((fail & (fail - 1)) === 0) onlyFails[31 - Math.clz32(fail)]++;
      } else if (!fail) {
        if (relaxFormats && !wantedAll && (facts.inPersonOk || facts.telehealthOk)) formatsOnly++;
        if (facts.inPerson && fq.hardIn && fq.maxKm !== Infinity && index.flags[i] & FLAG_LOCATION) {
          formatFacts(fq, index, i, facts, true);
          farOnly.push(facts.km);
        }
      }
      continue;
    }
    matched++;
    let score = 0;
    for (let k = 0; k < required.length; k++) {
      const t = required[k];
      score += t.weight * fit(t, index, i);
    }
    for (let k = 0; k < preferred.length; k++) {
      const t = preferred[k];
      score += t.weight * fit(t, index, i);
    }
    if (q.formatsWeight) score += q.formatsWeight * formatsFit(fq, facts);
    if (q.distanceWeight) score += q.distanceWeight * distanceFit(fq, facts);
    score = roundScore(score * inv);
    if (heapSize < capacity) {
      heapIdx[heapSize] = i;
      heapScore[heapSize] = score;
      siftUp(heapSize++);
    } else if (capacity > 0 && worse(heapScore[0], heapIdx[0], score, i)) {
      heapIdx[0] = i;
      heapScore[0] = score;
      siftDown(0);
    }
  }

  const order: number[] = [];
  for (let k = 0; k < heapSize; k++) order.push(k);
  order.sort((a, b) => (worse(heapScore[a], heapIdx[a], heapScore[b], heapIdx[b]) ? 1 : -1));
  const matches = order.map((k) => explain(q, index, heapIdx[k], heapScore[k]));

  return {
    matches,
    total: n,
    matched,
    exclusions: exclusions(q, failCounts),
    relaxations: matched < minMatches ? relaxations(q, onlyFails, formatsOnly, farOnly, minMatches - matched) : [],
    conflicts: q.conflicts,
  };
}

// ---------------------------------------------------------------------------------------------
// Explanations, exclusions and relaxations: computed for the few, not in the hot loop.

function status(value: number, criterion?: CriterionKey): MatchReason['status'] {
  // Distance is graded (closer is better) but anywhere within reach counts as met.
  if (criterion === 'distance') return value >= 0.5 ? 'met' : value > 0 ? 'partly-met' : 'not-met';
  return value >= 1 ? 'met' : value > 0 ? 'partly-met' : 'not-met';
}

function explain(q: Query, index: TherapistIndex, i: number, score: number): Match {
  const therapist = index.therapists[i];
  const inv = q.totalWeight > 0 ? 1 / q.totalWeight : 0;
  const reasons: MatchReason[] = [];
  const facts = {} as FormatFacts;
  formatFacts(q.format, index, i, facts, true);
  const add = (
    criterion: CriterionKey,
    importance: Importance,
    weight: number,
    value: number,
    who: MatchReason['who'],
    details?: MatchReason['details'],
  ) =>
    reasons.push({
      criterion,
      status: status(value, criterion),
      ...(who ? { who } : {}),
      importance,
      contribution: roundScore(weight * value * inv),
      ...(details ? { details } : {}),
    });
  for (const t of [...q.required, ...q.preferred])
    add(t.criterion, t.importance, t.weight, fit(t, index, i), t.who, detailsOf(t, index, i));
  if (q.formatsWeight)
    add('formats', q.format.formatsImportance, q.formatsWeight, formatsFit(q.format, facts), undefined, {
      inPerson: facts.inPersonOk,
      telehealth: facts.telehealthOk,
    });
  if (q.distanceWeight)
    add(
      'distance',
      'preferred',
      q.distanceWeight,
      distanceFit(q.format, facts),
      undefined,
      Number.isNaN(facts.km) ? { inPerson: facts.inPerson } : { km: Math.round(facts.km * 10) / 10 },
    );
  reasons.push(...q.unused);
  reasons.sort((a, b) => CRITERIA.indexOf(a.criterion) - CRITERIA.indexOf(b.criterion));
  const match: Match = { therapist, score, reasons };
  if (!Number.isNaN(facts.km)) match.distanceKm = Math.round(facts.km * 10) / 10;
  if (q.format.jurisdiction) match.telehealthEligible = facts.telehealthOk;
  return match;
}

/** Details of a reason, from the index (a record is read once, when it is indexed). */
function detailsOf(t: Term, index: TherapistIndex, i: number): MatchReason['details'] {
  const has = (column: TermColumn, norm: (v: string) => string) =>
    t.values.filter((v) => {
      const id = column.ids.get(norm(v));
      return id !== undefined && (column.bits[i * column.words + (id >>> 5)] & (1 << (id & 31))) !== 0;
    });
  switch (t.criterion) {
    case 'clientType':
      return { seeking: t.values[0] };
    case 'ageGroup':
      return { ageGroup: t.values[0] };
    case 'primaryConcern':
      return { concern: t.values[0] };
    case 'otherConcerns':
    case 'communities': {
      const matched = has(t.criterion === 'communities' ? index.communities : index.concerns, normalise.id);
      return { matched, missing: t.values.filter((v) => !matched.includes(v)) };
    }
    case 'therapistGender':
      return { gender: index.genderValues[i] ?? 'unknown' };
    case 'languages':
      return { matched: has(index.languages, normalise.language) };
    case 'modalities':
      return { matched: has(index.modalities, normalise.id) };
    case 'insurance':
      return { matched: has(index.insurance, normalise.lower) };
    case 'budget':
      return index.flags[i] & FLAG_FEES
        ? {
            min: index.feeMin[i],
            currency: index.currencyCodes[index.feeCurrency[i]],
            slidingScale: (index.flags[i] & FLAG_SLIDING_SCALE) !== 0,
          }
        : { unknown: true };
    default:
      return undefined;
  }
}

function exclusions(q: Query, failCounts: Int32Array): Exclusion[] {
  const out: Exclusion[] = [];
  CRITERIA.forEach((criterion, b) => {
    const count = failCounts[b];
    if (!count) return;
    const exclusion: Exclusion = { criterion, count };
    const details = exclusionDetails(q, criterion);
    if (details) exclusion.details = details;
    out.push(exclusion);
  });
  return out.sort((a, b) => b.count - a.count || CRITERIA.indexOf(a.criterion) - CRITERIA.indexOf(b.criterion));
}

function exclusionDetails(q: Query, criterion: CriterionKey): Exclusion['details'] {
  const f = q.format;
  switch (criterion) {
    case 'telehealthJurisdiction':
      return { jurisdiction: f.jurisdiction };
    case 'distance':
      return { maxDistanceKm: f.maxKm };
    case 'formats':
      return { formats: f.formatValues.join(',') };
  }
  const values = [...new Set(q.required.filter((t) => t.criterion === criterion).flatMap((t) => t.values))];
  return values.length ? { required: values.join(',') } : undefined;
}

/** Rounds a distance up to a limit a person would pick: 5 km steps, then 10, then 50. */
function niceKm(km: number): number {
  const step = km <= 25 ? 5 : km <= 100 ? 10 : 50;
  return Math.ceil(km / step) * step;
}

function relaxations(
  q: Query,
  onlyFails: Int32Array,
  formatsOnly: number,
  farOnly: number[],
  missing: number,
): Relaxation[] {
  const answers = q.answers;
  const out: Relaxation[] = [];
  const soften = <T>(pref: Preference<T> | undefined) =>
    pref && pref.importance === 'required' ? { ...pref, importance: 'preferred' as const } : pref;
  CRITERIA.forEach((criterion, b) => {
    const additional = onlyFails[b];
    if (!additional) return;
    let change: Partial<MatchAnswers> | undefined;
    if ((PERSONAL as readonly string[]).includes(criterion)) {
      const key = criterion as (typeof PERSONAL)[number];
      change = { preferences: { ...answers.preferences, [key]: soften(answers.preferences?.[key]) } };
      if (answers.seeking === 'couple' && answers.partnerPreferences?.[key])
        change.partnerPreferences = {
          ...answers.partnerPreferences,
          [key]: soften(answers.partnerPreferences[key]),
        };
    } else if (
      criterion === 'budget' ||
      criterion === 'insurance' ||
      criterion === 'slidingScale' ||
      criterion === 'acceptingNewClients' ||
      criterion === 'freeConsultation'
    ) {
      change = { [criterion]: soften(answers[criterion] as Preference<unknown>) } as Partial<MatchAnswers>;
    }
    // Who is seeking and the age group are facts, not wishes: never suggested.
    if (change) out.push({ criterion, additional, change });
  });
  if (formatsOnly)
    out.push({
      criterion: 'formats',
      additional: formatsOnly,
      change: { formats: { value: ['in-person', 'telehealth'], importance: 'required' } },
    });
  if (farOnly.length) {
    // The smallest round limit that brings in enough of the nearest to reach the minimum.
    farOnly.sort((a, b) => a - b);
    const target = niceKm(farOnly[Math.min(missing, farOnly.length) - 1]);
    let additional = 0;
    while (additional < farOnly.length && farOnly[additional] <= target) additional++;
    out.push({
      criterion: 'distance',
      additional,
      change: { location: { ...answers.location, maxDistanceKm: target } },
    });
  }
  return out.sort(
    (a, b) => b.additional - a.additional || CRITERIA.indexOf(a.criterion) - CRITERIA.indexOf(b.criterion),
  );
}
