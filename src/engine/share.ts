// How the reasons of one ranking's matches are shared (explain.ts): two matches get one reason
// object when what its fit and details depend on is the same, which a key per match and slot
// says. A slot's reasons are kept by key in a `Shared`.
import { MONTH_MS } from './compile.js';
import type { FormatFacts, Term } from './fit.js';
import {
  FLAG_ACCEPTING,
  FLAG_FEES,
  FLAG_NOT_ACCEPTING,
  FLAG_SLIDING_SCALE,
  type TherapistIndex,
} from './therapist-index.js';
import { statedOf, type StatedWords } from './stated.js';
import type { CriterionKey, MatchReason } from './types.js';

/**
 * How a slot's reasons are shared (see `shareKey`). `Same`: criteria whose fit is met or not and
 * whose details depend on the answers alone (for availability, also on whether the listing says).
 * `Listed`: the reason lists which of the wanted values the listing has.
 */
export const enum Share {
  None,
  Same,
  Stated,
  Age,
  // The keys of these four do not depend on the fit.
  Listed,
  Gender,
  Style,
  Budget,
  /** A requirement whose fit is 1 for every match (one of `Same`): one reason for all. */
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

/** How the reasons of term `t` are shared; `listed` when they list the wanted values a listing has. */
export function shareOf(t: Term, listed: boolean): Share {
  const share = listed ? Share.Listed : (SHARES.get(t.criterion) ?? Share.None);
  return share === Share.Same && t.importance === 'required' ? Share.All : share;
}

/** Whether the key of a reason shared this way is worked out from its fit (`shareKey`'s `value`), or it has none. */
export const keyNeedsFit = (share: Share): boolean => share <= Share.Age;

/** No key: the reason is the match's own. Keys are never negative. */
export const OWN = -1;

/** A listing that says whether it accepts new clients. */
const STATES_AVAILABILITY = FLAG_ACCEPTING | FLAG_NOT_ACCEPTING;

/**
 * The key of record `i`'s reason for term `t` among the matches of one ranking, `OWN` when it is not
 * shared: equal keys mean the same fit and the same details. `value` is the fit when
 * `keyNeedsFit(share)`; `words` the index's `StatedWords`.
 */
export function shareKey(
  share: Share,
  t: Term,
  index: TherapistIndex,
  i: number,
  value: number,
  words: StatedWords,
): number | string {
  switch (share) {
    case Share.All:
      return 0;
    case Share.Same:
      // Met or not; for availability, also whether the listing says (`details.unknown`).
      return (
        (value ? 1 : 0) + (t.criterion === 'acceptingNewClients' && !(index.flags[i] & STATES_AVAILABILITY) ? 2 : 0)
      );
    case Share.Listed: {
      // Which of the wanted values the listing has (the details list them; the fit counts them).
      const ids = t.ids;
      const column = t.column;
      if (ids.length > 30 || !column) return OWN;
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
      return index.genderValues[i] ?? 0;
    case Share.Stated:
      // Only a listing that states no words: the details say so.
      return statedOf(words, index, i, t.criterion).length ? OWN : value;
    case Share.Style: {
      // The listing's style in the wanted dimensions only: the fit and the details read no others.
      let wanted = 0;
      for (let d = 0; d < 8; d += 2) if ((t.bit >> d) & 3) wanted |= 3 << d;
      return index.style[i] & wanted;
    }
    case Share.Budget: {
      const flags = index.flags[i];
      if (!(flags & FLAG_FEES)) return 0;
      const min = index.feeMin[i];
      // Whole fees (the common case) share; the fit and details are the fee, its currency and the sliding scale.
      return Number.isInteger(min) && min >= 0 && min < 2 ** 31 && index.feeCurrency[i] < 1024
        ? (min * 1024 + index.feeCurrency[i]) * 2 + (flags & FLAG_SLIDING_SCALE ? 1 : 0) + 1
        : OWN;
    }
    case Share.Age: {
      const at = index.verified[i];
      if (Number.isNaN(at)) return 0;
      // At full fit the details are the months (and whether that is old, as the details say).
      const now = t.max + 2 * t.currency;
      return value >= 1
        ? Math.max(0, Math.floor((now - at) / MONTH_MS)) * 2 + (at < now - t.currency ? 1 : 0) + 1
        : OWN;
    }
  }
  return OWN;
}

/** The format group's reason's key: its details are its two facts, which decide its fit. */
export const formatsKey = (facts: FormatFacts): number => (facts.inPersonOk ? 2 : 0) + (facts.telehealthOk ? 1 : 0);

/** The distance reason's key: shared only without a distance (its fit is 0; its details whether the listing sees people in person). */
export const distanceKey = (facts: FormatFacts): number => (Number.isNaN(facts.km) ? (facts.inPerson ? 1 : 0) : OWN);

/** Keys below this are kept by position; the rest in a short list. */
const DIRECT = 64;
/** Most keys in the list: past it, a match's reason is its own (a look-up stays short). */
const LISTED_KEYS = 32;

/** A slot's shared reasons, by key (the list of other keys made when the first arrives). */
export class Shared {
  private readonly direct: (MatchReason | undefined)[] = [];
  private keys: (number | string)[] | undefined = undefined;
  private reasons: MatchReason[] = NONE;

  /** The reason shared under `key` (not `OWN`), if any. */
  get(key: number | string): MatchReason | undefined {
    if (typeof key === 'number' && key < DIRECT) return this.direct[key];
    const at = this.keys ? this.keys.indexOf(key) : -1;
    return at < 0 ? undefined : this.reasons[at];
  }

  /** Shares `reason` under `key` (not `OWN`) for the slot's later matches, while there is room. */
  set(key: number | string, reason: MatchReason): void {
    if (typeof key === 'number' && key < DIRECT) this.direct[key] = reason;
    else if (!this.keys) {
      this.keys = [key];
      this.reasons = [reason];
    } else if (this.keys.length < LISTED_KEYS) {
      this.keys.push(key);
      this.reasons.push(reason);
    }
  }
}
const NONE: MatchReason[] = [];
