// The ranking: hard requirements exclude, preferences score, every match explains itself, and
// when too few fit the result says which single requirement to relax. This module is the loop
// and its heap; the answers are compiled in compile.ts, a record's fit is in fit.ts, the
// explanations in explain.ts, and the exclusions and relaxations in exclusions.ts. The widget loads it (with those) as a chunk of its own.
import type { MatchAnswers } from './answers.js';
import { compile, finite, type Query } from './compile.js';
import { BIT, CRITERIA } from './criteria.js';
import { explainer } from './explain.js';
import { exclusions, relaxations } from './exclusions.js';
import {
  addFits,
  distanceFit,
  formatFacts,
  formatsFit,
  isSmall,
  Kind,
  DECIDED,
  FACTS,
  markFailures,
  smallChecks,
  type SmallChecks,
  OTHER_FORMAT,
  newFacts,
  roundScore,
  type FormatFacts,
  type Term,
} from './fit.js';
import { readAnswers } from './read-answers.js';
import type { Therapist } from './schema.js';
import { EARTH_RADIUS_KM, haversineRad } from './geo.js';
import {
  FLAG_ACCEPTING,
  FLAG_IN_PERSON,
  FLAG_LOCATION,
  FLAG_NOT_ACCEPTING,
  FLAG_TELEHEALTH,
  idHashOf,
  indexFor,
  type TherapistIndex,
} from './therapist-index.js';
import type { Match, RankResult } from './types.js';
import { defaultVocabulary, type Vocabulary } from './vocabulary.js';
import { DEFAULT_WEIGHTS, resolveWeights, type MatchWeights } from './weights.js';

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

/** The options as read: each `undefined` when left out or when its getter throws. */
type OptionsRead = { [K in keyof RankOptions]-?: unknown };

/**
 * Reads each option once, in the order the ranking uses them, by name (a look-up by a computed key
 * is a megamorphic access, slow once other code has filled V8's shared cache of them).
 */
function readOptions(options: unknown): OptionsRead {
  const o = (options ?? undefined) as RankOptions | undefined;
  const read = <T>(get: () => T): T | undefined => {
    try {
      return get();
    } catch {
      return undefined; // a getter that throws: the option is left out
    }
  };
  return {
    weights: read(() => o?.weights),
    vocabulary: read(() => o?.vocabulary),
    staleAfterMonths: read(() => o?.staleAfterMonths),
    limit: read(() => o?.limit),
    minMatches: read(() => o?.minMatches),
    seed: read(() => o?.seed),
  };
}

/** A count option: not a number (or `NaN`) gives `fallback`; from 0 up, `Infinity` kept, else rounded. */
function count(value: unknown, fallback: number, round: (value: number) => number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  return value <= 0 ? 0 : value === Infinity ? Infinity : round(value);
}

/** `staleAfterMonths`: a finite number above 0, else 12. */
const staleAfter = (value: unknown): number => (finite(value) && value > 0 ? value : 12);

/** The weights: the defaults themselves (read, never changed) when nothing overrides them. */
const weightsOf = (overrides: unknown): Readonly<MatchWeights> =>
  overrides && typeof overrides === 'object' ? resolveWeights(overrides as Partial<MatchWeights>) : DEFAULT_WEIGHTS;

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
const FORMATS = BIT.formats;
const DISTANCE = BIT.distance;
const LICENCE = BIT.telehealthJurisdiction;
const FORMAT_BITS = FORMATS | DISTANCE | LICENCE;
/** What the format group's marking may set. */
const FORMAT_FAILURE = FORMAT_BITS | OTHER_FORMAT;
/** An office with a known place. */
const IN_PERSON_AT = FLAG_IN_PERSON | FLAG_LOCATION;

/** 2 for a listing accepting new clients, 1 for one that does not say, 0 for one that is not. */
const openness = (flags: number): number => (flags & FLAG_ACCEPTING ? 2 : flags & FLAG_NOT_ACCEPTING ? 0 : 1);

/**
 * The best `capacity` matches so far: a min-heap, worst at the root. Plain arrays, grown as
 * matches arrive: a typed array's buffer costs more to make than a small directory's top 20.
 */
class Best {
  readonly idx: number[] = [];
  readonly score: number[] = [];
  size = 0;
  /** `seedMix`: ties rotate by a seeded shuffle; undefined breaks them by id. */
  constructor(
    private readonly index: TherapistIndex,
    readonly capacity: number,
    private readonly seedMix: number | undefined,
  ) {}

  /** Record `i` with `score`, kept when it is among the best so far. */
  offer(i: number, score: number): void {
    if (this.size < this.capacity) {
      this.idx[this.size] = i;
      this.score[this.size] = score;
      this.up(this.size++);
    } else if (this.capacity > 0 && this.worse(this.score[0], this.idx[0], score, i)) {
      this.idx[0] = i;
      this.score[0] = score;
      this.down(0);
    }
  }

  /**
   * The heap's positions, best first. An insertion sort for up to 64 (a limit of 20 is the common
   * case, and a comparator called from `Array.prototype.sort` costs more than its comparisons);
   * records that tie (the same id twice in a directory that was not validated) and longer lists
   * are left to `Array.prototype.sort`, as before.
   */
  order(): number[] {
    const order: number[] = [];
    for (let k = 0; k < this.size; k++) order.push(k);
    const after = (a: number, b: number) => this.worse(this.score[a], this.idx[a], this.score[b], this.idx[b]);
    if (this.size <= 64)
      for (let k = 1; ; k++) {
        if (k >= order.length) return order;
        const p = order[k];
        let j = k - 1;
        for (; j >= 0 && after(order[j], p); j--) order[j + 1] = order[j];
        order[j + 1] = p;
        if (j >= 0 && !after(p, order[j])) break; // a tie
      }
    for (let k = 0; k < this.size; k++) order[k] = k;
    return order.sort((a, b) => (after(a, b) ? 1 : -1));
  }

  /** True when record a ranks below record b. */
  private worse(sa: number, a: number, sb: number, b: number): boolean {
    if (sa !== sb) return sa < sb;
    const index = this.index;
    // At the same fit: accepting new clients, then not saying, then not accepting.
    const open = openness(index.flags[a]) - openness(index.flags[b]);
    if (open) return open < 0;
    if (this.seedMix !== undefined) {
      const ka = mix(idHashOf(index, a) ^ this.seedMix);
      const kb = mix(idHashOf(index, b) ^ this.seedMix);
      if (ka !== kb) return ka > kb;
    }
    return index.ids[a] > index.ids[b];
  }

  private swap(a: number, b: number): void {
    const i = this.idx[a];
    const score = this.score[a];
    this.idx[a] = this.idx[b];
    this.score[a] = this.score[b];
    this.idx[b] = i;
    this.score[b] = score;
  }

  private down(pos: number): void {
    for (;;) {
      const l = 2 * pos + 1;
      const r = l + 1;
      let m = pos;
      if (l < this.size && this.worse(this.score[l], this.idx[l], this.score[m], this.idx[m])) m = l;
      if (r < this.size && this.worse(this.score[r], this.idx[r], this.score[m], this.idx[m])) m = r;
      if (m === pos) return;
      this.swap(pos, m);
      pos = m;
    }
  }

  private up(pos: number): void {
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!this.worse(this.score[pos], this.idx[pos], this.score[parent], this.idx[parent])) return;
      this.swap(pos, parent);
      pos = parent;
    }
  }
}

/**
 * The loop over every record, once the failure masks of the other requirements are marked (when
 * `marked`): tests the requirements of the small columns (`small`), marks the format group's
 * (formats, distance, licence) as `formatFailure` of `formatFacts` would, counts each excluded
 * record under its first failing requirement, scores the rest and offers them to `best`. A record seen by video where licensed passes before any distance is computed, and a
 * distance is computed only when a limit decides. With `other`, a record that fails the format
 * group also gets `OTHER_FORMAT` when it could be seen in person within reach or by video where
 * licensed (what accepting both formats would admit). A function of its own, with nothing a
 * closure shares, so that its counters stay in registers; one pass, so a record is read once.
 */
function scan(
  q: Query,
  index: TherapistIndex,
  small: SmallChecks,
  failures: Int32Array,
  marked: boolean,
  other: boolean,
  failCounts: number[],
  best: Best,
  facts: FormatFacts,
): number {
  const n = index.size;
  // The requirements of the small columns, tested here (see `SmallChecks`).
  const { always, typeBit, typeFail, ageBit, ageFail, flagBits, flagFails } = small;
  const flagCount = flagBits.length;
  const types = index.clientTypes;
  const ages = index.ageGroups;
  const fq = q.format;
  const { formatsWeight, distanceWeight } = q;
  const scoreFormat = formatsWeight !== 0 || distanceWeight !== 0;
  const inv = q.totalWeight > 0 ? 1 / q.totalWeight : 0;
  // The format group's facts.
  const flags = index.flags;
  const { hardIn, hardTele, hasPoint, maxKm, jurWord, jurBit, countryWord, countryBit } = fq;
  const jurisdiction = fq.jurisdiction !== '';
  const { words } = index.telehealthJurisdictions;
  // A directory without licences has no words: word 0 of a zero then.
  const bits = words ? index.telehealthJurisdictions.bits : NO_WORDS;
  const lat = index.lat;
  const lng = index.lng;
  const cos = index.cosLat;
  const { lat: pLat, lng: pLng, cosLat: pCos } = fq;
  const limited = hasPoint && maxKm !== Infinity;
  // As masks: -1 for true, 0 for false.
  const hardInMask = hardIn ? -1 : 0;
  const hardTeleMask = hardTele ? -1 : 0;
  const otherMask = other ? -1 : 0;
  // Whether an office within reach is worth knowing (it admits the record, or says what accepting
  // both formats would admit) and can be known (the person's point).
  const reach = hasPoint && (hardIn || other) ? -1 : 0;
  // The licence words (a jurisdiction no record names tests word 0 for no bit); without a
  // jurisdiction, every video session counts as licensed.
  const anywhere = jurisdiction ? 0 : -1;
  const jw = jurWord >= 0 ? jurWord : 0;
  const jb = jurWord >= 0 ? jurBit : 0;
  const cw = countryWord >= 0 ? countryWord : 0;
  const cb = countryWord >= 0 ? countryBit : 0;
  // Requirements a match meets in full add their weight to every match's score: those before the
  // first that can be met in part (a budget) are summed once, in the same order as term by term.
  const required = q.required;
  let first = 0;
  let base = 0;
  while (first < required.length && required[first].kind !== Kind.Budget) base += required[first++].weight;
  const terms = required.slice(first).concat(q.preferred);
  const count = terms.length;
  const rows = ROWS;
  const scores = SCORES;
  const counts = COUNTS.fill(0);
  let matched = 0;
  for (let from = 0; from < n; from += BLOCK) {
    // A block of records at a time: the matches' rows, then their scores one term at a time.
    const to = Math.min(n, from + BLOCK);
    let m = 0;
    for (let i = from; i < to; i++) {
      const f = flags[i];
      // Without branches (whether a record fails these is not predictable): `missing(x)` is -1
      // when x is not 0, else 0.
      let fail =
        always |
        (typeFail & missing((types[i] & typeBit) ^ typeBit)) |
        (ageFail & missing((ages[i] & ageBit) ^ ageBit));
      for (let k = 0; k < flagCount; k++) fail |= flagFails[k] & missing((f & flagBits[k]) ^ flagBits[k]);
      // With the other requirements' failures, when there are any.
      if (marked) fail |= failures[i];
      // The format group, unless there is nothing to learn from it: the first failure comes before
      // it and the record fails more than one requirement, or a fact of the person (who is
      // seeking, the age group: never suggested, so whether they failed alone is not counted).
      // Masks (-1 or 0) rather than branches, but for the distance, computed only where it decides.
      const open = ~missing(fail & DECIDED) | (~missing(fail & FACTS) & ~missing(fail & (fail - 1)));
      if (open !== 0) {
        const video = missing(f & FLAG_TELEHEALTH);
        // Seen by video where licensed (`telehealthOk`).
        const row = i * words;
        const licensed = video & (anywhere | missing(bits[row + jw] & jb) | missing(bits[row + cw] & cb));
        const office = missing(f & FLAG_IN_PERSON);
        // Seen in person within reach (`inPersonOk`; see `formatFacts`): a point, and no limit or an
        // office inside it; measured only for a record that video does not admit.
        let near = office & reach & ~(hardTeleMask & licensed);
        if (near !== 0 && limited) {
          near = 0;
          if (f & FLAG_LOCATION) {
            const dLat = lat[i] - pLat;
            if (
              Math.abs(dLat) * EARTH_RADIUS_KM <= maxKm &&
              haversineRad(pLat, pLng, pCos, lat[i], lng[i], cos[i]) <= maxKm
            )
              near = -1;
          }
        }
        const inPerson = hardInMask & office;
        const tele = hardTeleMask & video;
        const some = (inPerson & DISTANCE) | (tele & LICENCE);
        fail |=
          ~(hardTeleMask & licensed) &
          ~(hardInMask & near) &
          (some | (FORMATS & ~missing(some)) | (otherMask & (near | licensed) & OTHER_FORMAT));
      }
      // Kept for what relaxing each requirement would add, when too few match.
      failures[i] = fail;
      // A match's row, or the count of its first failing requirement (at 1 + its bit; a match at
      // 0), without branches: the counts add up to total - matched.
      rows[m] = i;
      m += 1 + missing(fail);
      counts[32 - Math.clz32(fail & -fail)]++;
    }
    if (!m) continue;
    matched += m;
    scores.fill(base, 0, m);
    for (let k = 0; k < count; k++) addFits(terms[k], index, rows, m, scores);
    for (let j = 0; j < m; j++) {
      const i = rows[j];
      let score = scores[j];
      if (scoreFormat) {
        formatFacts(fq, index, i, facts, false);
        if (formatsWeight) score += formatsWeight * formatsFit(fq, facts);
        if (distanceWeight) score += distanceWeight * distanceFit(fq, facts);
      }
      best.offer(i, roundScore(score * inv));
    }
  }
  for (let b = 0; b < failCounts.length; b++) failCounts[b] += counts[b + 1];
  return matched;
}

/** One word of no bits. */
const NO_WORDS = new Int32Array(1);

/** -1 when `x` is not 0, else 0, without a branch. */
const missing = (x: number): number => (x | -x) >> 31;

/** What relaxing one requirement alone would add, read from the failure masks when too few match. */
interface OnlyFails {
  /** By criterion: the records that fail that requirement alone (besides the format group's). */
  only: number[];
  /** The records that fail only the format group and could be seen in a format not accepted. */
  formatsOnly: number;
  /** The exact distances of the records that fail the distance limit alone, in record order. */
  far: number[];
}

/**
 * The records that fail one requirement alone, counted by criterion (for who is seeking and the age
 * group, never suggested, not exact: the format pass skips records that fail them), those that
 * wanting both formats would admit, and the distances of those too far and nothing else.
 */
function onlyFailures(q: Query, index: TherapistIndex, failures: Int32Array): OnlyFails {
  const only = zeros();
  const flags = index.flags;
  const countFar = q.format.hardIn && q.format.maxKm !== Infinity;
  let formatsOnly = 0;
  let farOnly = 0;
  for (let i = 0; i < index.size; i++) {
    const fail = failures[i];
    if (!fail) continue;
    if (!(fail & FORMAT_BITS)) {
      // Exactly one non-format requirement failed.
      if ((fail & (fail - 1)) === 0) only[31 - Math.clz32(fail)]++;
    } else if (!(fail & ~FORMAT_FAILURE)) {
      if (fail & OTHER_FORMAT) formatsOnly++;
      if (countFar && (flags[i] & IN_PERSON_AT) === IN_PERSON_AT) farOnly++;
    }
  }
  return { only, formatsOnly, far: farDistances(q, index, failures, farOnly) };
}

/**
 * The exact distances of the `count` records that fail the distance limit alone (their office is
 * too far, and nothing else fails), in record order.
 */
function farDistances(q: Query, index: TherapistIndex, failures: Int32Array, count: number): number[] {
  const km: number[] = [];
  const facts = newFacts();
  for (let i = 0; i < index.size && km.length < count; i++) {
    const fail = failures[i];
    if (!fail || fail & ~FORMAT_FAILURE || (index.flags[i] & IN_PERSON_AT) !== IN_PERSON_AT) continue;
    formatFacts(q.format, index, i, facts, true);
    km.push(facts.km);
  }
  return km;
}

/** Records scored together: the rows of a block's matches and their scores stay in the cache. */
const BLOCK = 2048;
/**
 * The rows and scores of a block, shared by every ranking: `scan` calls nothing that could start
 * another ranking, and a new pair per ranking cost more than the scoring of a small directory.
 */
const ROWS = new Int32Array(BLOCK);
const SCORES = new Float64Array(BLOCK);
/** `scan`'s counts of records by first failing requirement (at 1 + its bit) and of matches (at 0). */
const COUNTS = new Int32Array(33);

/** A count per criterion. */
const zeros = (): number[] => CRITERIA.map(() => 0);

/**
 * The failure masks of the last ranking of each index, for the next one: a new array per ranking
 * (400 KB at 100,000 records) is memory the collector must then reclaim, many times a second when
 * someone changes answers. Taken out while a ranking uses it, so a ranking started from inside
 * another (a getter of a record's licences) gets its own. Cleared only for the requirements marked
 * before the scoring loop, which writes every row.
 */
const spareFailures = new WeakMap<TherapistIndex, Int32Array>();
/**
 * Objects of the ranking's own kinds, kept while the module lives, one home for all of them. V8
 * holds the shapes (maps) of objects weakly, and the optimised code that reads them with them:
 * after a full collection with none alive, the shape died, that code was dropped (`scan`, the
 * heap's methods, the format fits), and the next ranking ran unoptimised while it was compiled
 * again: 26-60 ms instead of about 5 at 100,000 records, on a new directory, after the idle-time
 * build, or at a person's next answer once the page had collected its garbage (the same as
 * `keepShapes` in therapist-index.ts does for the build).
 * - `best`: one `Best` of an empty directory, made once (its class gives it one shape).
 * - `query` and `facts`: the last ranking's, cleared of the person's wishes (`keepShapes`). Their
 *   shapes change as rankings bring values of another kind (a whole number of kilometres, then a
 *   fraction), so the first ones would not do: they have the oldest shapes.
 */
const kept: { best?: Best; query?: Query; facts?: FormatFacts } = {};
const NO_VALUES: string[] = [];
const NO_IDS: (number | undefined)[] = [];
const NO_MASK = new Int32Array(1);
const NO_ANSWERS = Object.freeze({}) as MatchAnswers;

/**
 * Keeps `q` and `facts` (see `kept`), cleared of what the person asked: values, masks, bits,
 * places and fees become empty or 0 (whole numbers fit a field of any number kind without a new
 * shape), and no column, so no index is kept either. Only after the result is made: the result
 * shares none of the fields cleared, only arrays they pointed to.
 */
function keepShapes(q: Query, facts: FormatFacts): void {
  for (const terms of [q.required, q.preferred])
    for (const t of terms) {
      t.importance = 'none';
      t.column = null;
      t.mask = NO_MASK;
      t.wanted = t.bit = t.max = t.currency = 0;
      t.values = NO_VALUES;
      t.ids = NO_IDS;
    }
  const f = q.format;
  f.hardIn = f.hardTele = f.prefIn = f.prefTele = f.hasPoint = f.scoreDistance = false;
  f.formatsImportance = 'none';
  f.formatValues = NO_VALUES;
  f.lat = f.lng = f.cosLat = f.maxKm = 0;
  f.jurisdiction = '';
  f.jurWord = f.jurBit = f.countryWord = f.countryBit = 0;
  q.unused = [];
  q.conflicts = [];
  q.answers = NO_ANSWERS;
  facts.inPerson = facts.inPersonOk = facts.within = facts.telehealth = facts.licensed = facts.telehealthOk = false;
  facts.km = NaN;
  kept.query = q;
  kept.facts = facts;
}

function failureBuffer(index: TherapistIndex): Int32Array {
  const spare = spareFailures.get(index);
  spareFailures.delete(index);
  return spare ?? new Int32Array(index.size);
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
  // A fresh object of the fields that could be read: who is seeking defaults to `individual`.
  const read = readAnswers(answers).answers;
  read.seeking ??= 'individual';
  const o = readOptions(options);
  const q = compile(
    index,
    read as MatchAnswers,
    weightsOf(o.weights),
    (o.vocabulary as Pick<Vocabulary, 'concerns'> | undefined) ?? defaultVocabulary,
    staleAfter(o.staleAfterMonths),
  );
  const n = index.size;
  const limit = count(o.limit, 20, Math.floor);
  const minMatches = count(o.minMatches, 5, Math.ceil);
  const seed = o.seed;
  const best = new Best(index, Math.min(limit, n), finite(seed) ? mix(seed | 0) : undefined);
  kept.best ??= new Best(indexFor([]), 0, undefined);

  // Requirements first: one tight loop per criterion over the columns, except those of the small
  // columns (who is seeking, age group, flags) and the format group, tested in the loop that scores.
  const failures = failureBuffer(index);
  const small: Term[] = [];
  const rest: Term[] = [];
  let seen = 0;
  for (let k = 0; k < q.required.length; k++) {
    const t = q.required[k];
    // One requirement of who is seeking and one of the age group at most in the shared pass.
    const once = t.kind === Kind.ClientType ? 1 : t.kind === Kind.AgeGroup ? 2 : 0;
    if (isSmall(t) && !(seen & once)) {
      seen |= once;
      small.push(t);
    } else rest.push(t);
  }
  // The other requirements, if any, marked first.
  if (rest.length) failures.fill(0);
  for (let k = 0; k < rest.length; k++) markFailures(rest[k], index, failures);
  // Format-only failures that wanting both formats would admit are counted when a format is required.
  const f = q.format;
  const wantedAll = f.formatValues.length === 0 || (f.prefIn && f.prefTele);
  // By criterion (filled, not mapped: an array made by an inlined map takes another shape once
  // this function is optimised, which throws away the code of those that read it).
  const failCounts = new Array<number>(CRITERIA.length).fill(0);
  const facts = newFacts();
  const matched = scan(
    q,
    index,
    smallChecks(small),
    failures,
    rest.length > 0,
    f.formatsImportance === 'required' && !wantedAll,
    failCounts,
    best,
    facts,
  );
  // Only-this-criterion failures: what relaxing it alone would add, counted only when suggested.
  const fails = matched < minMatches ? onlyFailures(q, index, failures) : undefined;

  const explain = explainer(q, index);
  const order = best.order();
  const matches: Match[] = [];
  for (let k = 0; k < order.length; k++) matches.push(explain(best.idx[order[k]], best.score[order[k]]));
  const result: RankResult = {
    matches,
    total: n,
    matched,
    exclusions: exclusions(q, failCounts),
    relaxations: fails ? relaxations(q, fails.only, fails.formatsOnly, fails.far, minMatches - matched) : [],
    conflicts: q.conflicts,
  };
  spareFailures.set(index, failures);
  keepShapes(q, facts);
  return result;
}
