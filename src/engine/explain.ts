// Explanations: computed for the few matches shown, never in the loop over the records (what the
// ranking left out, and what to relax, are in exclusions.ts; how matches share their reasons in
// share.ts).
import type { Importance } from './answers.js';
import { MONTH_MS, type Query } from './compile.js';
import { CRITERIA } from './criteria.js';
import { distanceFit, fit, formatFacts, formatsFit, newFacts, roundScore, type FormatFacts, type Term } from './fit.js';
import { distanceKey, formatsKey, keyNeedsFit, OWN, Share, Shared, shareKey, shareOf } from './share.js';
import { statedOf, statedWordsOf, type StatedWords } from './stated.js';
import {
  FLAG_ACCEPTING,
  FLAG_FEES,
  FLAG_NOT_ACCEPTING,
  FLAG_SLIDING_SCALE,
  styleValue,
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

/** More than the slots of any query (a term per criterion and person, 11 people at most). */
const SLOTS = 1024;

/** Where a reason comes from: a term, the format group's two, or a criterion left unused (one object shared by every match). */
type Slot = Term | 'formats' | 'distance' | MatchReason;

/** Where a slot's reason comes from (see `Slot`). */
const enum From {
  Unused,
  Formats,
  Distance,
  Term,
}

/** The criteria whose reasons list the wanted values a listing has (`has`). */
const LISTS_VALUES = new Set<CriterionKey>(['otherConcerns', 'communities', 'languages', 'modalities', 'insurance']);

/**
 * The explanation of a ranking's matches: a function from a record and its score to the match with
 * its reasons, one per criterion in `CRITERIA` order. What every match of the query shares (the
 * reasons' order, how each is shared) is worked out once, here, not once per match.
 */
export function explainer(q: Query, index: TherapistIndex): (i: number, score: number) => Match {
  const inv = q.totalWeight > 0 ? 1 / q.totalWeight : 0;
  const unsorted: Slot[] = (q.required as Slot[]).concat(q.preferred);
  if (q.formatsWeight) unsorted.push('formats');
  if (q.distanceWeight) unsorted.push('distance');
  for (let k = 0; k < q.unused.length; k++) unsorted.push(q.unused[k]);
  // By criterion, a criterion's reasons (yours, then each partner's) in their order: each slot's
  // place in `CRITERIA` looked up once, the slot's own position breaking ties.
  const keys: number[] = [];
  for (let k = 0; k < unsorted.length; k++) {
    const slot = unsorted[k];
    keys.push((position(typeof slot === 'string' ? slot : slot.criterion) + 1) * SLOTS + k);
  }
  sortNumbers(keys);
  const length = keys.length;
  // Each slot's source, term (if it is one) and how its reasons are shared (see `shareKey`):
  // reasons the same for several matches are made once per ranking, by slot and key.
  const from: From[] = [];
  const slots: Slot[] = [];
  const shares: Share[] = [];
  const shared = new Array<Shared | undefined>(length);
  for (let k = 0; k < length; k++) {
    const slot = unsorted[keys[k] % SLOTS];
    const t = typeof slot === 'object' && 'kind' in slot ? slot : undefined;
    from.push(t ? From.Term : slot === 'formats' ? From.Formats : slot === 'distance' ? From.Distance : From.Unused);
    slots.push(slot);
    shares.push(t ? shareOf(t, LISTS_VALUES.has(t.criterion)) : Share.None);
  }
  const facts = newFacts();
  const f = q.format;
  // For each match's licence: the person's jurisdiction as a code, and whether they want in-person
  // sessions only.
  const jurisdiction = f.jurisdiction ? placeCode(f.jurisdiction) : '';
  const inPersonOnly = f.formatValues.includes('in-person') && !f.formatValues.includes('telehealth');
  const licences = licenceCodesOf(index);
  const words = statedWordsOf(index);

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
    for (let k = 0; k < length; k++) {
      const source = from[k];
      let made: MatchReason | undefined;
      if (source === From.Term) {
        const t = slots[k] as Term;
        const share = shares[k];
        // The fit first only when the key depends on it.
        let value = keyNeedsFit(share) ? fit(t, index, i) : NaN;
        const key = shareKey(share, t, index, i, value, words);
        made = key === OWN ? undefined : shared[k]?.get(key);
        if (!made) {
          // Every match meets a requirement of `Share.All` in full.
          if (Number.isNaN(value)) value = share === Share.All ? 1 : fit(t, index, i);
          made = add(t.criterion, t.importance, t.weight, value, t.who, detailsOf(t, index, i, words), t.partner);
          if (key !== OWN) (shared[k] ??= new Shared()).set(key, made);
        }
      } else if (source === From.Formats) {
        const key = formatsKey(facts);
        made = shared[k]?.get(key);
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
          (shared[k] ??= new Shared()).set(key, made);
        }
      } else if (source === From.Distance) {
        const key = distanceKey(facts);
        made = key === OWN ? undefined : shared[k]?.get(key);
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
          if (key !== OWN) (shared[k] ??= new Shared()).set(key, made);
        }
      } else made = slots[k] as MatchReason;
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

/** Details of a reason, from the index (a record is read once, when it is indexed); `words` its `StatedWords`. */
function detailsOf(t: Term, index: TherapistIndex, i: number, words: StatedWords): MatchReason['details'] {
  switch (t.criterion) {
    case 'clientType':
      return { seeking: t.values[0] };
    case 'ageGroup':
      return { ageGroup: t.values[0] };
    case 'primaryConcern':
      return { concern: t.values[0] };
    case 'otherConcerns':
    case 'communities': {
      const matched = has(t, i);
      return { matched, missing: t.values.filter((v) => !matched.includes(v)) };
    }
    case 'therapistGender':
      return { gender: index.genderValues[i] ?? 'unknown', wanted: t.values };
    case 'therapistFaith':
    case 'therapistCulture':
    case 'therapistIdentity': {
      // What the listing states, in its own words, beside what was wished.
      const stated = statedOf(words, index, i, t.criterion);
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
      return { matched: has(t, i) };
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

/** The wanted values of `t` that record `i` lists, in the order wanted (`t` has a column). */
function has(t: Term, i: number): string[] {
  const column = t.column!;
  const ids = t.ids;
  const row = i * column.words;
  const out: string[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    if (id !== undefined && (column.bits[row + (id >>> 5)] & (1 << (id & 31))) !== 0) out.push(t.values[k]);
  }
  return out;
}
