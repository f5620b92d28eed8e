// The ranking: hard requirements exclude, preferences score, every match explains itself, and
// when too few fit the result says which single requirement to relax. This module is the loop
// and its heap; the answers are compiled in compile.ts, a record's fit is in fit.ts and the
// explanations in explain.ts. The widget loads it (with those) as a chunk of its own.
import type { MatchAnswers } from './answers.js';
import { compile, finite } from './compile.js';
import { BIT, CRITERIA } from './criteria.js';
import { exclusions, explainer, relaxations } from './explain.js';
import {
  distanceFit,
  fit,
  formatFacts,
  formatsFit,
  markFailures,
  markFormatFailures,
  newFacts,
  roundScore,
} from './fit.js';
import { readAnswers } from './read-answers.js';
import type { Therapist } from './schema.js';
import {
  FLAG_ACCEPTING,
  FLAG_IN_PERSON,
  FLAG_LOCATION,
  FLAG_NOT_ACCEPTING,
  idHashOf,
  indexFor,
  type TherapistIndex,
} from './therapist-index.js';
import type { RankResult } from './types.js';
import { defaultVocabulary, type Vocabulary } from './vocabulary.js';
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
  /**
   * Months after which a listing's last verification counts as old (default 12): its `listingAge`
   * fit falls from full at this age to none at twice it, and its reason says it may be out of date.
   * A finite number above 0; anything else gives the default.
   */
  staleAfterMonths?: number;
  /** Vocabulary for the physician-first flags (default `defaultVocabulary`). */
  vocabulary?: Pick<Vocabulary, 'concerns'>;
}

/** A count option: not a number (or `NaN`) gives `fallback`; from 0 up, `Infinity` kept, else rounded. */
function count(value: unknown, fallback: number, round: (value: number) => number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  return value <= 0 ? 0 : value === Infinity ? Infinity : round(value);
}

/** `staleAfterMonths`: a finite number above 0, else 12. */
const staleAfter = (value: unknown): number => (finite(value) && value > 0 ? value : 12);

/** A 32-bit mix (murmur3 finaliser) to rotate ties by seed. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The format group's failure bits. */
const FORMAT_BITS = BIT.formats | BIT.distance | BIT.telehealthJurisdiction;
/** An office with a known place. */
const IN_PERSON_AT = FLAG_IN_PERSON | FLAG_LOCATION;

/** 2 for a listing accepting new clients, 1 for one that does not say, 0 for one that is not. */
const openness = (flags: number): number => (flags & FLAG_ACCEPTING ? 2 : flags & FLAG_NOT_ACCEPTING ? 0 : 1);

/**
 * The failure masks of the last ranking of each index, for the next one: a new array per ranking
 * (400 KB at 100,000 records) is memory the collector must then reclaim, many times a second when
 * someone changes answers. Taken out while a ranking uses it, so a ranking started from inside
 * another (a getter of a record's licences) gets its own.
 */
const spareFailures = new WeakMap<TherapistIndex, Int32Array>();
function failureBuffer(index: TherapistIndex): Int32Array {
  const spare = spareFailures.get(index);
  spareFailures.delete(index);
  return spare ? spare.fill(0) : new Int32Array(index.size);
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
 * - Ties put listings that say they accept new clients first, then those that do not say, then
 *   those that are not accepting, then break by id, or by a seeded shuffle when `options.seed` is set.
 * - Each excluded record is counted once, under its first failing requirement in `CRITERIA` order,
 *   so `matched` plus the exclusion counts is `total`.
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
    staleAfter(option('staleAfterMonths')),
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
  const tieKey = (i: number) => (seeded ? mix(idHashOf(index, i) ^ seedMix) : 0);
  // True when record a ranks below record b.
  const worse = (sa: number, a: number, sb: number, b: number): boolean => {
    if (sa !== sb) return sa < sb;
    // At the same fit: accepting new clients, then not saying, then not accepting.
    const open = openness(index.flags[a]) - openness(index.flags[b]);
    if (open) return open < 0;
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
  const facts = newFacts();
  const failCounts = new Int32Array(CRITERIA.length);
  // Only-this-criterion failures: what relaxing it alone would add.
  const onlyFails = new Int32Array(CRITERIA.length);
  // Records that fail the distance limit alone; their exact distances are needed only when too few
  // match, so they are counted here and found again (farDistances) only then.
  let farOnly = 0;
  let formatsOnly = 0;
  const relaxFormats = fq.formatsImportance === 'required';
  const wantedAll = fq.formatValues.length === 0 || (fq.prefIn && fq.prefTele);
  const inv = q.totalWeight > 0 ? 1 / q.totalWeight : 0;
  let matched = 0;

  /** Fails the distance limit alone (given only its format requirement fails). */
  const farAlone = (i: number): boolean =>
    fq.hardIn && fq.maxKm !== Infinity && (index.flags[i] & IN_PERSON_AT) === IN_PERSON_AT;
  /** The exact distances of the records that fail the distance limit alone, in record order. */
  const farDistances = (): number[] => {
    const km: number[] = [];
    for (let i = 0; i < n && km.length < farOnly; i++) {
      const fail = failures[i];
      if (!fail || fail & ~FORMAT_BITS || !farAlone(i)) continue;
      formatFacts(fq, index, i, facts, true);
      km.push(facts.km);
    }
    return km;
  };

  // Requirements first, one tight loop per criterion (and one for the format group) over the columns.
  const failures = failureBuffer(index);
  for (const t of required) markFailures(t, index, failures);
  markFormatFailures(fq, index, failures);
  const scoreFormat = q.formatsWeight !== 0 || q.distanceWeight !== 0;

  for (let i = 0; i < n; i++) {
    const fail = failures[i];
    if (fail) {
      // Counted once, under its first failing requirement: the counts add up to total - matched.
      failCounts[31 - Math.clz32(fail & -fail)]++;
      if (!(fail & FORMAT_BITS)) {
        // Exactly one non-format requirement failed.
        if ((fail & (fail - 1)) === 0) onlyFails[31 - Math.clz32(fail)]++;
      } else if (!(fail & ~FORMAT_BITS)) {
        if (relaxFormats && !wantedAll) {
          formatFacts(fq, index, i, facts, false);
          if (facts.inPersonOk || facts.telehealthOk) formatsOnly++;
        }
        if (farAlone(i)) farOnly++;
      }
      continue;
    }
    matched++;
    if (scoreFormat) formatFacts(fq, index, i, facts, false);
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
  const explain = explainer(q, index);
  const matches = order.map((k) => explain(heapIdx[k], heapScore[k]));

  const result: RankResult = {
    matches,
    total: n,
    matched,
    exclusions: exclusions(q, failCounts),
    relaxations:
      matched < minMatches ? relaxations(q, onlyFails, formatsOnly, farDistances(), minMatches - matched) : [],
    conflicts: q.conflicts,
  };
  spareFailures.set(index, failures);
  return result;
}
