// A compiled query's terms and how one record fits them: a term's fit, the failure masks of
// requirements, the format group's facts. Shared by the loop (rank.ts) and the explanations
// (explain.ts); compile.ts builds the terms. `Kind` is a const enum declared here so that the
// switches of the hot loop compare numbers (tsc inlines a const enum only in its own module).
import type { Importance } from './answers.js';
import { BIT } from './criteria.js';
import { EARTH_RADIUS_KM, haversineRad } from './geo.js';
import {
  FLAG_FEES,
  FLAG_IN_PERSON,
  FLAG_LOCATION,
  FLAG_SLIDING_SCALE,
  FLAG_TELEHEALTH,
  type TermColumn,
  type TherapistIndex,
} from './therapist-index.js';
import type { CriterionKey, MatchReason } from './types.js';

/** How a term is tested against a record. */
export const enum Kind {
  AnyOf,
  AllOf,
  Flag,
  ClientType,
  AgeGroup,
  Budget,
  Age,
  Style,
}

/** One scored or required criterion, compiled against the index. */
export interface Term {
  kind: Kind;
  criterion: CriterionKey;
  who: MatchReason['who'];
  /** Which partner stated it (from 1), when several did; 0 otherwise. */
  partner: number;
  importance: Importance;
  weight: number;
  /** For set terms: the column, the wanted mask and how many values were wanted. */
  column: TermColumn | null;
  mask: Int32Array;
  wanted: number;
  /** Flag, client-type or age-group bit. */
  bit: number;
  /**
   * Budget: highest fee and currency id (-1 when no record uses that currency). Listing age: `max`
   * is the verification time whose fit is 0 and `currency` the span (ms) over which it rises to 1.
   * Style: `bit` is the wanted style code (see `styleCode`) and `wanted` how many dimensions it states.
   */
  max: number;
  currency: number;
  /** The wanted values as given, for details and relaxation patches. */
  values: string[];
  /** For set terms: the column's id of each wanted value, in the order of `values` (undefined when no listing has it). */
  ids: (number | undefined)[];
}

/** The format group (in person, by video, distance, jurisdiction), compiled against the index. */
export interface FormatQuery {
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

/** Scores are rounded so that equal fits reached in a different order tie exactly. */
export const roundScore = (value: number) => Math.round(value * 1e9) / 1e9;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** How well record `i` fits `t`, 0..1. Requirements pass at 1 for all-of terms, above 0 otherwise. */
export function fit(t: Term, index: TherapistIndex, i: number): number {
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
    case Kind.Age: {
      // 1 within the stale age, then down to 0 at twice it; unstated (NaN) is 0.
      const value = (index.verified[i] - t.max) / t.currency;
      return value >= 1 ? 1 : value > 0 ? value : 0;
    }
    case Kind.Style:
      return styleFit(t.bit, index.style[i]) / t.wanted;
  }
}

/**
 * Adds `t.weight * fit(t, index, i)` to `scores[j]` for the first `m` rows `i = rows[j]`: one term
 * over many records, so the kind is looked at once, not once per record. The same arithmetic as
 * `fit`, so a score summed term by term this way equals one summed record by record.
 */
export function addFits(t: Term, index: TherapistIndex, rows: Int32Array, m: number, scores: Float64Array): void {
  const w = t.weight;
  const column = t.column;
  switch (t.kind) {
    case Kind.AnyOf:
    case Kind.AllOf:
      if (column && column.words === 1) {
        const bits = column.bits;
        const mask = t.mask[0];
        if (t.kind === Kind.AnyOf) for (let j = 0; j < m; j++) scores[j] += w * ((bits[rows[j]] & mask) !== 0 ? 1 : 0);
        else for (let j = 0; j < m; j++) scores[j] += w * (popcount(bits[rows[j]] & mask) / t.wanted);
        return;
      }
      break;
    case Kind.Flag:
    case Kind.ClientType:
    case Kind.AgeGroup: {
      const small =
        t.kind === Kind.Flag ? index.flags : t.kind === Kind.ClientType ? index.clientTypes : index.ageGroups;
      const bit = t.bit;
      for (let j = 0; j < m; j++) scores[j] += w * (small[rows[j]] & bit ? 1 : 0);
      return;
    }
    case Kind.Age: {
      const verified = index.verified;
      const { max, currency: span } = t;
      for (let j = 0; j < m; j++) {
        const value = (verified[rows[j]] - max) / span;
        scores[j] += w * (value >= 1 ? 1 : value > 0 ? value : 0);
      }
      return;
    }
  }
  for (let j = 0; j < m; j++) scores[j] += w * fit(t, index, rows[j]);
}

/**
 * Agreement of a therapist's style code with the wanted one, summed over the wanted dimensions:
 * the same pole 1, `balanced` 0.5, the other pole or unstated 0.
 */
export function styleFit(wanted: number, stated: number): number {
  let sum = 0;
  for (let d = 0; d < 8; d += 2) {
    const w = (wanted >> d) & 3;
    if (!w) continue;
    const s = (stated >> d) & 3;
    sum += s === w ? 1 : s === 3 ? 0.5 : 0;
  }
  return sum;
}

export const passes = (t: Term, value: number) => (t.kind === Kind.AllOf ? value >= 1 : value > 0);

/** Whether requirement `t` is read from one of the small columns (a flag, who is seeking, the age group). */
export const isSmall = (t: Term): boolean =>
  t.kind === Kind.Flag || t.kind === Kind.ClientType || t.kind === Kind.AgeGroup;

/**
 * The requirements among `small` (each `isSmall`; at most one for who is seeking and one for the
 * age group, each one bit), ready to be tested together, record by record, in the loop that scores
 * (rank.ts): a record misses `always`, plus `typeFail` when its client types lack `typeBit`,
 * `ageFail` when its age groups lack `ageBit`, and `flagFails[k]` when its flags lack `flagBits[k]`
 * (`flagAll` is all of those). A bit of 0 is no requirement.
 */
export interface SmallChecks {
  always: number;
  typeBit: number;
  typeFail: number;
  ageBit: number;
  ageFail: number;
  flagAll: number;
  flagBits: number[];
  flagFails: number[];
}

export function smallChecks(small: readonly Term[]): SmallChecks {
  const c: SmallChecks = {
    always: 0,
    typeBit: 0,
    typeFail: 0,
    ageBit: 0,
    ageFail: 0,
    flagAll: 0,
    flagBits: [],
    flagFails: [],
  };
  for (let k = 0; k < small.length; k++) {
    const t = small[k];
    const bit = BIT[t.criterion];
    // A requirement for a bit no record has fails every record.
    if (!t.bit) c.always |= bit;
    else if (t.kind === Kind.ClientType) {
      c.typeBit = t.bit;
      c.typeFail = bit;
    } else if (t.kind === Kind.AgeGroup) {
      c.ageBit = t.bit;
      c.ageFail = bit;
    } else {
      c.flagAll |= t.bit;
      c.flagBits.push(t.bit);
      c.flagFails.push(bit);
    }
  }
  return c;
}

/** Sets the criterion's bit in `fail` for every record that misses requirement `t`. */
export function markFailures(t: Term, index: TherapistIndex, fail: Int32Array): void {
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

/** Per-record format facts, written by `formatFacts` into a reused object (no allocation). */
export interface FormatFacts {
  inPerson: boolean;
  inPersonOk: boolean;
  within: boolean;
  telehealth: boolean;
  licensed: boolean;
  telehealthOk: boolean;
  km: number;
}

/** A new `FormatFacts`, always of this one shape (so `formatFacts` writes to one kind of object). */
export const newFacts = (): FormatFacts => ({
  inPerson: false,
  inPersonOk: false,
  within: false,
  telehealth: false,
  licensed: false,
  telehealthOk: false,
  km: NaN,
});

export function formatFacts(q: FormatQuery, index: TherapistIndex, i: number, out: FormatFacts, exact: boolean): void {
  const flags = index.flags[i];
  out.inPerson = (flags & FLAG_IN_PERSON) !== 0;
  out.telehealth = (flags & FLAG_TELEHEALTH) !== 0;
  out.km = NaN;
  // An office counts as within reach only once the person's place is known: until then an
  // in-person-only listing is not a match (it could be in another city or country).
  let within = q.hasPoint && q.maxKm === Infinity;
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

/** The requirements before the format group in `CRITERIA`, and those of them that are facts of the person. */
export const DECIDED = BIT.formats - 1;
export const FACTS = BIT.clientType | BIT.ageGroup;

/** With the format group's failure bits: the record can be seen in a format the person did not accept. */
export const OTHER_FORMAT = 1 << 30;

/** Failure bits of the format group for a record, 0 when it can be seen in an acceptable format. */
export function formatFailure(q: FormatQuery, f: FormatFacts): number {
  if ((q.hardIn && f.inPersonOk) || (q.hardTele && f.telehealthOk)) return 0;
  if (!((q.hardIn && f.inPerson) || (q.hardTele && f.telehealth))) return BIT.formats;
  let bits = 0;
  if (q.hardIn && f.inPerson && !f.within) bits |= BIT.distance;
  if (q.hardTele && f.telehealth && !f.licensed) bits |= BIT.telehealthJurisdiction;
  return bits;
}

export function formatsFit(q: FormatQuery, f: FormatFacts): number {
  return (q.prefIn && f.inPersonOk) || (q.prefTele && f.telehealthOk) ? 1 : 0;
}

/** Closer is better: 1 next door, 0.5 at the limit (or at 50 km without one), 0 at twice that. */
export function distanceFit(q: FormatQuery, f: FormatFacts): number {
  if (!f.inPersonOk || Number.isNaN(f.km)) return 0;
  const scale = q.maxKm === Infinity ? 50 : Math.max(q.maxKm, 1);
  const value = 1 - f.km / (2 * scale);
  return value > 0 ? value : 0;
}
