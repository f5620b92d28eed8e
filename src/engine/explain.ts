// Explanations: computed for the few matches shown, never in the loop over the records (what the
// ranking left out, and what to relax, are in exclusions.ts).
import type { Importance } from './answers.js';
import { MONTH_MS, type Query } from './compile.js';
import { CRITERIA } from './criteria.js';
import { distanceFit, fit, formatFacts, formatsFit, newFacts, roundScore, type FormatFacts, type Term } from './fit.js';
import {
  FLAG_ACCEPTING,
  FLAG_FEES,
  FLAG_NOT_ACCEPTING,
  FLAG_SLIDING_SCALE,
  normalise,
  styleValue,
  type TermColumn,
  type TherapistIndex,
} from './therapist-index.js';
import type { Therapist } from './schema.js';
import type { CriterionKey, Match, MatchReason } from './types.js';

function status(value: number, criterion?: CriterionKey): MatchReason['status'] {
  // Distance is graded (closer is better) but anywhere within reach counts as met.
  if (criterion === 'distance') return value >= 0.5 ? 'met' : value > 0 ? 'partly-met' : 'not-met';
  return value >= 1 ? 'met' : value > 0 ? 'partly-met' : 'not-met';
}

/**
 * A reason, its keys in this order: criterion, status, who, partner, importance, contribution,
 * details (the optional ones only when set). Written as literals, one per set of keys: a reason
 * built key by key costs a change of shape per key, and a match has twenty of them.
 */
function reason(
  criterion: CriterionKey,
  status: MatchReason['status'],
  who: MatchReason['who'],
  partner: number,
  importance: Importance,
  share: number,
  details: MatchReason['details'],
): MatchReason {
  const contribution = roundScore(share);
  if (!who)
    return details
      ? { criterion, status, importance, contribution, details }
      : { criterion, status, importance, contribution };
  if (!partner)
    return details
      ? { criterion, status, who, importance, contribution, details }
      : { criterion, status, who, importance, contribution };
  return details
    ? { criterion, status, who, partner, importance, contribution, details }
    : { criterion, status, who, partner, importance, contribution };
}

/** Each criterion's place in `CRITERIA` (-1 for none), without a search per comparison. */
const POSITIONS = new Map(CRITERIA.map((criterion, k) => [criterion, k]));
/** A criterion's place in `CRITERIA` (reasons and relaxations are listed in that order among equals). */
export const position = (criterion: CriterionKey): number => POSITIONS.get(criterion) ?? -1;

/**
 * How the reasons of a slot are shared between the matches of a ranking: two matches get one object
 * when what its fit and details depend on is the same (see `shareKey`). `Same`: criteria whose fit
 * is met or not and whose details depend on the answers alone (for availability, also on whether
 * the listing says).
 */
const enum Share {
  None,
  Same,
  Listed,
  Stated,
  Age,
  // The keys of these three do not depend on the fit.
  Gender,
  Style,
  Budget,
  /** A requirement whose fit is 1 for every match (one of `Same`). */
  All,
}

const SHARES = new Map<CriterionKey, Share>([
  ['clientType', Share.Same],
  ['ageGroup', Share.Same],
  ['primaryConcern', Share.Same],
  ['slidingScale', Share.Same],
  ['acceptingNewClients', Share.Same],
  ['freeConsultation', Share.Same],
  ['medicalCollaboration', Share.Same],
  ['therapistGender', Share.Gender],
  ['therapistFaith', Share.Stated],
  ['therapistCulture', Share.Stated],
  ['therapistIdentity', Share.Stated],
  ['therapyStyle', Share.Style],
  ['budget', Share.Budget],
  ['listingAge', Share.Age],
]);

/** A slot's shared reasons and their keys (see `shareKey`), at most `MEMO`. */
interface Memo {
  keys: (number | string)[];
  reasons: MatchReason[];
}

/** Most reasons shared per slot: past this many keys, a match's reason is its own (a look-up stays short). */
const MEMO = 32;

/** The reason shared under `key`, if any. */
function recall(memo: Memo | undefined, key: number | string): MatchReason | undefined {
  if (!memo) return undefined;
  const at = memo.keys.indexOf(key);
  return at < 0 ? undefined : memo.reasons[at];
}

/** Shares `reason` under `key` for slot `k`'s later matches, while there is room. */
function remember(memos: (Memo | undefined)[], k: number, key: number | string, reason: MatchReason): void {
  const memo = (memos[k] ??= { keys: [], reasons: [] });
  if (memo.keys.length < MEMO) {
    memo.keys.push(key);
    memo.reasons.push(reason);
  }
}

/** No key: the reason is the match's own. */
const OWN = -2;

/**
 * The key of record `i`'s reason for term `t` among the matches of one ranking, `OWN` when it is not
 * shared: equal keys mean the same fit and the same details. `value` is the fit.
 */
function shareKey(
  share: Share,
  t: Term,
  index: TherapistIndex,
  i: number,
  value: number,
  listed: Listed | undefined,
): number | string {
  switch (share) {
    case Share.Same:
      // Met or not; for availability, also whether the listing says (`details.unknown`).
      return (
        (value ? 1 : 0) + (t.criterion === 'acceptingNewClients' && !(index.flags[i] & STATES_AVAILABILITY) ? 2 : 0)
      );
    case Share.Listed: {
      // Which of the wanted values the listing has (the details list them; the fit counts them).
      const { column, ids } = listed!;
      if (ids.length > 30) return OWN;
      const row = i * column.words;
      let key = 0;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k];
        if (id !== undefined && (column.bits[row + (id >>> 5)] & (1 << (id & 31))) !== 0) key |= 1 << k;
      }
      return key;
    }
    case Share.Gender:
      // The gender as the listing states it (its column is made from it).
      return index.genderValues[i] ?? -1;
    case Share.Stated:
      // Only a listing that states no words: the details say so.
      return statedOf(index, i, t.criterion).length ? OWN : value;
    case Share.Style:
      return index.style[i];
    case Share.Budget: {
      const flags = index.flags[i];
      if (!(flags & FLAG_FEES)) return -1;
      const min = index.feeMin[i];
      // Whole fees (the common case) share; the fit and details are the fee, its currency and the sliding scale.
      return Number.isInteger(min) && min >= 0 && min < 2 ** 31 && index.feeCurrency[i] < 1024
        ? (min * 1024 + index.feeCurrency[i]) * 2 + (flags & FLAG_SLIDING_SCALE ? 1 : 0)
        : OWN;
    }
    case Share.Age: {
      const at = index.verified[i];
      if (Number.isNaN(at)) return -1;
      // At full fit the details are the months (and whether that is old, as `detailsOf` says).
      const now = t.max + 2 * t.currency;
      return value >= 1 ? Math.max(0, Math.floor((now - at) / MONTH_MS)) * 2 + (at < now - t.currency ? 1 : 0) : OWN;
    }
  }
  return OWN;
}

/**
 * `keys` sorted in place, ascending: an insertion sort, for the few dozen keys of a ranking (a
 * comparator called from `Array.prototype.sort` costs more than the comparisons themselves).
 */
function sortNumbers(keys: number[]): number[] {
  for (let k = 1; k < keys.length; k++) {
    const key = keys[k];
    let j = k - 1;
    for (; j >= 0 && keys[j] > key; j--) keys[j + 1] = keys[j];
    keys[j + 1] = key;
  }
  return keys;
}

/** A listing that says whether it accepts new clients. */
const STATES_AVAILABILITY = FLAG_ACCEPTING | FLAG_NOT_ACCEPTING;

/** More than the slots of any query (a term per criterion and person, 11 people at most). */
const SLOTS = 1024;

/** Where a reason comes from: a term, the format group's two, or a criterion left unused (one object shared by every match). */
type Slot = Term | 'formats' | 'distance' | MatchReason;

/**
 * The explanation of a ranking's matches: a function from a record and its score to the match with
 * its reasons, one per criterion in `CRITERIA` order. What every match of the query shares (the
 * reasons' order, the ids of the wanted values) is worked out once, here, not once per match.
 */
export function explainer(q: Query, index: TherapistIndex): (i: number, score: number) => Match {
  const inv = q.totalWeight > 0 ? 1 / q.totalWeight : 0;
  const unsorted: Slot[] = [...q.required, ...q.preferred];
  if (q.formatsWeight) unsorted.push('formats');
  if (q.distanceWeight) unsorted.push('distance');
  unsorted.push(...q.unused);
  // By criterion, a criterion's reasons (yours, then each partner's) in their order: each slot's
  // place in `CRITERIA` looked up once, the slot's own position breaking ties.
  const keys = unsorted.map((slot, k) => (position(typeof slot === 'string' ? slot : slot.criterion) + 1) * SLOTS + k);
  sortNumbers(keys);
  const length = keys.length;
  // Each slot's term (if it is one), listed values and how its reasons are shared (see `shareKey`):
  // reasons the same for several matches are made once per ranking, by slot and key.
  const slots: Slot[] = [];
  const terms: (Term | undefined)[] = [];
  const listed: (Listed | undefined)[] = [];
  const shares: Share[] = [];
  const memo: (Memo | undefined)[] = [];
  const all: (MatchReason | undefined)[] = [];
  for (let k = 0; k < length; k++) {
    const slot = unsorted[keys[k] % SLOTS];
    const t = typeof slot === 'object' && 'kind' in slot ? slot : undefined;
    const list = t ? listedOf(t, index) : undefined;
    let share = !t ? Share.None : list ? Share.Listed : (SHARES.get(t.criterion) ?? Share.None);
    if (share === Share.Same && t!.importance === 'required') share = Share.All;
    slots.push(slot);
    terms.push(t);
    listed.push(list);
    shares.push(share);
    memo.push(undefined);
  }
  const facts = newFacts();
  const f = q.format;
  // For each match's licence: the person's jurisdiction as a code, and whether they want in-person
  // sessions only.
  const jurisdiction = f.jurisdiction ? placeCode(f.jurisdiction) : '';
  const inPersonOnly = f.formatValues.includes('in-person') && !f.formatValues.includes('telehealth');
  const licences = licenceCodesOf(index);

  /** A reason with its status and share of the score. */
  const add = (
    criterion: CriterionKey,
    importance: Importance,
    weight: number,
    value: number,
    who: MatchReason['who'],
    details: MatchReason['details'],
    partner: number,
  ) => reason(criterion, status(value, criterion), who, partner, importance, weight * value * inv, details);

  return (i, score) => {
    formatFacts(f, index, i, facts, true);
    // Its length known: filled in place, not grown.
    const reasons = new Array<MatchReason>(length);
    let t: Term | undefined;
    for (let k = 0; k < length; k++) {
      const slot = slots[k];
      let made: MatchReason | undefined;
      if (slot === 'formats') {
        // Its details are its two facts, which decide its fit.
        const key = (facts.inPersonOk ? 2 : 0) + (facts.telehealthOk ? 1 : 0);
        made = recall(memo[k], key);
        if (!made) {
          made = add(
            'formats',
            f.formatsImportance,
            q.formatsWeight,
            formatsFit(f, facts),
            undefined,
            { inPerson: facts.inPersonOk, telehealth: facts.telehealthOk },
            0,
          );
          remember(memo, k, key, made);
        }
      } else if (slot === 'distance') {
        // Shared only without a distance (its fit is 0; its details whether the listing sees people in person).
        const key = Number.isNaN(facts.km) ? (facts.inPerson ? 1 : 0) : OWN;
        made = key === OWN ? undefined : recall(memo[k], key);
        if (!made) {
          made = add(
            'distance',
            'preferred',
            q.distanceWeight,
            distanceFit(f, facts),
            undefined,
            Number.isNaN(facts.km) ? { inPerson: facts.inPerson } : { km: Math.round(facts.km * 10) / 10 },
            0,
          );
          if (key !== OWN) remember(memo, k, key, made);
        }
      } else if ((t = terms[k])) {
        const share = shares[k];
        // Every match meets a requirement in full, so its reason is the same for all.
        if (share === Share.All)
          made = all[k] ??= add(
            t.criterion,
            t.importance,
            t.weight,
            1,
            t.who,
            detailsOf(t, index, i, undefined),
            t.partner,
          );
        else {
          // The fit first only when the key depends on it.
          let value =
            share === Share.Listed || (share >= Share.Gender && share <= Share.Budget) ? NaN : fit(t, index, i);
          const key = share === Share.None ? OWN : shareKey(share, t, index, i, value, listed[k]);
          made = key === OWN ? undefined : recall(memo[k], key);
          if (!made) {
            if (Number.isNaN(value)) value = fit(t, index, i);
            made = add(t.criterion, t.importance, t.weight, value, t.who, detailsOf(t, index, i, listed[k]), t.partner);
            if (key !== OWN) remember(memo, k, key, made);
          }
        }
      } else made = slot as MatchReason;
      reasons[k] = made;
    }
    const therapist = index.therapists[i];
    const match: Match = { therapist, score, reasons };
    if (!Number.isNaN(facts.km)) match.distanceKm = Math.round(facts.km * 10) / 10;
    if (f.jurisdiction) match.telehealthEligible = facts.telehealthOk;
    const license = licenseFor(jurisdiction, inPersonOnly, therapist, facts, licences, i);
    if (license) match.license = license;
    return match;
  };
}

/**
 * A record's licences as `licenseFor` compares them: each one's code, and the office's region and
 * country as codes ('' for none; the country `undefined` until first needed). `null`: reading them
 * threw.
 */
interface LicenceCodes {
  codes: string[];
  region: string;
  country: string | undefined;
}

/**
 * The `LicenceCodes` of each record of an index, read when the record is first explained and kept
 * with the index (records are read-only once indexed): fields read from records of many shapes
 * cost more than the rest of a match's explanation.
 */
const LICENCE_CODES = new WeakMap<TherapistIndex, (LicenceCodes | null | undefined)[]>();
function licenceCodesOf(index: TherapistIndex): (LicenceCodes | null | undefined)[] {
  let codes = LICENCE_CODES.get(index);
  if (!codes) LICENCE_CODES.set(index, (codes = []));
  return codes;
}

/** The licence that lets the therapist see this person (see `Match.license`); never throws. */
function licenseFor(
  jurisdiction: string,
  inPersonOnly: boolean,
  therapist: Therapist,
  facts: FormatFacts,
  known: (LicenceCodes | null | undefined)[],
  i: number,
): Match['license'] {
  try {
    let c = known[i];
    if (c === undefined) {
      known[i] = null; // until read in full
      const codes = (Array.isArray(therapist.licenses) ? (therapist.licenses as unknown[]) : []).map(licenceCode);
      known[i] = c = { codes, region: placeCode(therapist.location?.region), country: undefined };
    }
    if (!c) return undefined;
    const codes = c.codes;
    const video = facts.telehealthOk && jurisdiction ? findLicence(codes, jurisdiction) : -1;
    const region = c.region ? findLicence(codes, c.region) : -1;
    if (facts.inPersonOk && region < 0 && c.country === undefined) c.country = placeCode(therapist.location?.country);
    const office = !facts.inPersonOk ? -1 : region >= 0 ? region : c.country ? findLicence(codes, c.country) : -1;
    if (office >= 0 && (inPersonOnly || video < 0)) return { index: office, for: 'in-person' };
    if (video >= 0) return { index: video, for: 'telehealth' };
  } catch {
    // A record whose licences cannot be read: the card lists them as stated.
  }
  return undefined;
}

/** A licence's jurisdiction as `placeCode` writes places ('' when it is not a string). */
function licenceCode(l: unknown): string {
  const code = (l as { jurisdiction?: unknown } | null)?.jurisdiction;
  return typeof code === 'string' ? code.trim().toLowerCase() : '';
}

/** The licence for a place written as a code (`placeCode`): the place itself, else its country (`NZ` covers `NZ-AUK`). */
function findLicence(codes: readonly string[], code: string): number {
  const k = codes.indexOf(code);
  const dash = code.indexOf('-');
  return k >= 0 || dash < 0 ? k : codes.indexOf(code.slice(0, dash));
}

/** A place as licences are compared: trimmed, in lower case; '' when it is not a non-blank string. */
const placeCode = (place: unknown): string =>
  typeof place === 'string' && place.trim() ? place.trim().toLowerCase() : '';

/** The columns whose reasons list the wanted values a listing has, and how their values compare. */
const LISTED = new Map<CriterionKey, [keyof TherapistIndex, (v: string) => string]>([
  ['otherConcerns', ['concerns', normalise.id]],
  ['communities', ['communities', normalise.id]],
  ['languages', ['languages', normalise.language]],
  ['modalities', ['modalities', normalise.id]],
  ['insurance', ['insurance', normalise.lower]],
]);

/** A term's column and the id of each wanted value in it (undefined when no listing has it). */
interface Listed {
  column: TermColumn;
  ids: (number | undefined)[];
}

/** The `Listed` of a term whose reason lists the wanted values a listing has, for `detailsOf`. */
function listedOf(t: Term, index: TherapistIndex): Listed | undefined {
  const listed = LISTED.get(t.criterion);
  if (!listed) return undefined;
  const column = index[listed[0]] as TermColumn;
  return { column, ids: t.values.map((v) => column.ids.get(listed[1](v))) };
}

/** Details of a reason, from the index (a record is read once, when it is indexed); `listed` from `listedOf`. */
function detailsOf(t: Term, index: TherapistIndex, i: number, listed: Listed | undefined): MatchReason['details'] {
  switch (t.criterion) {
    case 'clientType':
      return { seeking: t.values[0] };
    case 'ageGroup':
      return { ageGroup: t.values[0] };
    case 'primaryConcern':
      return { concern: t.values[0] };
    case 'otherConcerns':
    case 'communities': {
      const matched = has(t, i, listed!);
      return { matched, missing: t.values.filter((v) => !matched.includes(v)) };
    }
    case 'therapistGender':
      return { gender: index.genderValues[i] ?? 'unknown', wanted: t.values };
    case 'therapistFaith':
    case 'therapistCulture':
    case 'therapistIdentity': {
      // What the listing states, in its own words, beside what was wished.
      const stated = statedOf(index, i, t.criterion);
      return stated.length ? { wanted: t.values, therapist: stated.slice() } : { wanted: t.values, stated: false };
    }
    case 'therapyStyle': {
      // Per wanted dimension, what was wished and what the listing says (`lead.therapist`).
      const wanted: string[] = [];
      const therapist: string[] = [];
      for (let d = 0; d < 4; d++) {
        const w = styleText(t.bit, d);
        if (!w) continue;
        wanted.push(w);
        const s = styleText(index.style[i], d);
        if (s) therapist.push(s);
      }
      return therapist.length ? { wanted, therapist } : { wanted, stated: false };
    }
    case 'languages':
    case 'modalities':
    case 'insurance':
      return { matched: has(t, i, listed!) };
    case 'listingAge': {
      const at = index.verified[i];
      if (Number.isNaN(at)) return { stated: false };
      const now = t.max + 2 * t.currency;
      return { months: Math.max(0, Math.floor((now - at) / MONTH_MS)), stale: at < now - t.currency };
    }
    case 'acceptingNewClients':
      // Not saying is not accepting: the card says the listing does not state it.
      return index.flags[i] & (FLAG_ACCEPTING | FLAG_NOT_ACCEPTING) ? undefined : { unknown: true };
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

/** `styleValue`, each of its dozen strings made once. */
const STYLE_TEXT: (string | undefined)[] = [];
function styleText(code: number, d: number): string | undefined {
  const key = ((code >> (2 * d)) & 3) * 4 + d;
  return key < 4 ? undefined : (STYLE_TEXT[key] ??= styleValue(code, d));
}

/** The wanted values of `t` that record `i` lists, in the order wanted. */
function has(t: Term, i: number, { column, ids }: Listed): string[] {
  const row = i * column.words;
  const out: string[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    if (id !== undefined && (column.bits[row + (id >>> 5)] & (1 << (id & 31))) !== 0) out.push(t.values[k]);
  }
  return out;
}

/**
 * Each record's `statedWords` of an index, by field (faith, cultural background, identities), read
 * when the record is first explained and kept with the index, as its licences are (`LICENCE_CODES`).
 */
const STATED = new WeakMap<TherapistIndex, (readonly string[] | undefined)[][]>();

/** `statedWords` of record `i` for a faith, culture or identity wish (shared: copy before handing out). */
function statedOf(index: TherapistIndex, i: number, criterion: CriterionKey): readonly string[] {
  let byField = STATED.get(index);
  if (!byField) STATED.set(index, (byField = [[], [], []]));
  const k = criterion === 'therapistFaith' ? 0 : criterion === 'therapistCulture' ? 1 : 2;
  return (byField[k][i] ??= statedWords(
    index.therapists[i],
    k === 0 ? 'faith' : k === 1 ? 'culturalBackground' : 'identities',
  ));
}

/** A record's self-described words for an identity field, as written, the first 20 (never throws). */
function statedWords(t: Therapist, field: 'faith' | 'culturalBackground' | 'identities'): string[] {
  const out: string[] = [];
  try {
    const value: unknown = t[field];
    if (!Array.isArray(value)) return out;
    // Every item read (as a filter would), so a list that cannot be read states nothing.
    for (let k = 0; k < value.length; k++) {
      const v: unknown = value[k];
      if (typeof v === 'string' && out.length < 20) out.push(v);
    }
  } catch {
    return [];
  }
  return out;
}
