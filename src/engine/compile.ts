// Answers → a compiled query: each criterion a term (a requirement or a scored preference) with
// its masks against the index's columns, the format group, the weights and what went unused.
// Compiled once per ranking; the loop (rank.ts) and the explanations (explain.ts) read it.
import type { Importance, MatchAnswers, PersonalPreferences, Preference } from './answers.js';
import { DEGREES_TO_RADIANS } from './geo.js';
import { PERSONAL } from './criteria.js';
import { Kind, type FormatQuery, type Term } from './fit.js';
import { partnersOf } from './partners.js';
import { anyFlaggedConcern, strings } from './physician.js';
import {
  AGE_GROUP_BITS,
  CLIENT_TYPE_BITS,
  FLAG_ACCEPTING,
  FLAG_FREE_CONSULTATION,
  FLAG_MEDICAL,
  FLAG_SLIDING_SCALE,
  normalise,
  styleCode,
  type TermColumn,
  type TherapistIndex,
} from './therapist-index.js';
import type { CriterionKey, MatchReason, PreferenceConflict } from './types.js';
import type { Vocabulary } from './vocabulary.js';
import type { MatchWeights } from './weights.js';

// ---------------------------------------------------------------------------------------------
// Answers, read defensively: they may come from a form, a URL-less state object or a fuzzer.

const IMPORTANCE: readonly Importance[] = ['required', 'preferred', 'none'];
function importanceOf(pref: unknown): Importance {
  const value = (pref as Preference<unknown> | undefined)?.importance;
  return pref && typeof pref === 'object' && IMPORTANCE.includes(value as Importance) ? (value as Importance) : 'none';
}

/** A list preference that counts: its values, or undefined when unused. */
function listPreference(pref: unknown): { values: string[]; importance: Importance } | undefined {
  const importance = importanceOf(pref);
  if (importance === 'none') return undefined;
  const values = strings((pref as Preference<unknown>).value);
  return values.length ? { values, importance } : undefined;
}

function flagPreference(pref: unknown): Importance {
  return importanceOf(pref) !== 'none' && (pref as Preference<unknown>).value === true ? importanceOf(pref) : 'none';
}

export const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

// ---------------------------------------------------------------------------------------------
// Terms: one scored or required criterion, compiled against the index.

/**
 * A term, every field written in one order: every term has the same shape, which the loops read.
 * Made from arguments, not from an object per call site: reading a dozen fields from objects of a
 * dozen shapes is a megamorphic access per field, slow once other code has filled V8's shared cache
 * of them (as any page's other scripts do). The rare fields are set on the term after.
 */
function term(
  kind: Kind,
  criterion: CriterionKey,
  importance: Importance,
  weight: number,
  values: string[] = [],
  bit = 0,
  column: TermColumn | null = null,
  ids: (number | undefined)[] = NO_TERM_IDS,
  wanted = 0,
): Term {
  return {
    kind,
    criterion,
    who: undefined,
    partner: 0,
    importance,
    weight,
    column,
    mask: column ? maskOf(column, ids) : EMPTY_MASK,
    wanted,
    bit,
    max: 0,
    currency: -1,
    values,
    ids,
  };
}
const EMPTY_MASK = new Int32Array(1);
const NO_TERM_IDS: (number | undefined)[] = [];

/** The id in `column` of each of `normalised` (values compared as the column compares them). */
function idsOf(column: TermColumn, normalised: readonly string[]): (number | undefined)[] {
  const ids = new Array<number | undefined>(normalised.length);
  for (let k = 0; k < normalised.length; k++) ids[k] = column.ids.get(normalised[k]);
  return ids;
}

/** The mask of `column` for the ids of `idsOf`. */
function maskOf(column: TermColumn, ids: readonly (number | undefined)[]): Int32Array {
  const mask = new Int32Array(column.words);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    if (id !== undefined) mask[id >>> 5] |= 1 << (id & 31);
  }
  return mask;
}

/**
 * Each personal criterion: a person's wish for it, its weight and its column, read by name (a
 * look-up by a computed key is a megamorphic access, slow once other code has filled V8's shared
 * cache of them), how its values compare and whether one or all are wanted.
 */
interface PersonalColumn {
  wish: (p: PersonalPreferences | undefined) => unknown;
  weight: (w: MatchWeights) => number;
  column: (index: TherapistIndex) => TermColumn;
  norm: (v: string) => string;
  kind: Kind;
}
const PERSONAL_BY_KEY: Record<(typeof PERSONAL)[number], PersonalColumn> = {
  therapistGender: {
    wish: (p) => p?.therapistGender,
    weight: (w) => w.therapistGender,
    column: (index) => index.genders,
    norm: normalise.lower,
    kind: Kind.AnyOf,
  },
  languages: {
    wish: (p) => p?.languages,
    weight: (w) => w.languages,
    column: (index) => index.languages,
    norm: normalise.language,
    kind: Kind.AnyOf,
  },
  communities: {
    wish: (p) => p?.communities,
    weight: (w) => w.communities,
    column: (index) => index.communities,
    norm: normalise.id,
    kind: Kind.AllOf,
  },
  modalities: {
    wish: (p) => p?.modalities,
    weight: (w) => w.modalities,
    column: (index) => index.modalities,
    norm: normalise.id,
    kind: Kind.AnyOf,
  },
  therapistFaith: {
    wish: (p) => p?.therapistFaith,
    weight: (w) => w.therapistFaith,
    column: (index) => index.faith,
    norm: normalise.word,
    kind: Kind.AnyOf,
  },
  therapistCulture: {
    wish: (p) => p?.therapistCulture,
    weight: (w) => w.therapistCulture,
    column: (index) => index.cultures,
    norm: normalise.word,
    kind: Kind.AnyOf,
  },
  therapistIdentity: {
    wish: (p) => p?.therapistIdentity,
    weight: (w) => w.therapistIdentity,
    column: (index) => index.identities,
    norm: normalise.word,
    kind: Kind.AnyOf,
  },
};
/** `PERSONAL_BY_KEY` in `PERSONAL` order. */
const PERSONAL_COLUMNS = PERSONAL.map((criterion) => PERSONAL_BY_KEY[criterion]);

/** Answers compiled against an index: what the loop tests and scores, and what explains it. */
export interface Query {
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

export function compile(
  index: TherapistIndex,
  answers: MatchAnswers,
  weights: MatchWeights,
  vocabulary: Pick<Vocabulary, 'concerns'>,
  staleAfterMonths = 12,
): Query {
  const couple = answers?.seeking === 'couple';
  const required: Term[] = [];
  const preferred: Term[] = [];
  const unused: MatchReason[] = [];
  const conflicts: PreferenceConflict[] = [];
  const add = (t: Term) => (t.importance === 'required' ? required : preferred).push(t);
  const unusedReason = (criterion: CriterionKey, who?: MatchReason['who']) =>
    unused.push(
      who
        ? { criterion, status: 'unused', importance: 'none', contribution: 0, who }
        : { criterion, status: 'unused', importance: 'none', contribution: 0 },
    );

  // Who is seeking help: always a requirement.
  const seeking = couple ? 'couple' : 'individual';
  add(term(Kind.ClientType, 'clientType', 'required', weights.clientType, [seeking], CLIENT_TYPE_BITS[seeking]));
  const age = typeof answers?.ageGroup === 'string' ? answers.ageGroup : undefined;
  if (age) add(term(Kind.AgeGroup, 'ageGroup', 'required', weights.ageGroup, [age], AGE_GROUP_BITS[age] ?? 0));
  else unusedReason('ageGroup');

  // Concerns: never requirements; the primary one counts most.
  const primary = typeof answers?.concerns?.primary === 'string' ? answers.concerns.primary : undefined;
  if (primary)
    add(
      term(
        Kind.AnyOf,
        'primaryConcern',
        'preferred',
        weights.primaryConcern,
        [primary],
        0,
        index.concerns,
        idsOf(index.concerns, [normalise.id(primary)]),
        1,
      ),
    );
  else unusedReason('primaryConcern');
  // The other concerns, each once, without the primary one.
  const listed = strings(answers?.concerns?.others);
  const others: string[] = [];
  for (let k = 0; k < listed.length; k++)
    if (listed[k] !== primary && !others.includes(listed[k])) others.push(listed[k]);
  if (others.length)
    add(
      term(
        Kind.AllOf,
        'otherConcerns',
        'preferred',
        weights.otherConcerns,
        others,
        0,
        index.concerns,
        idsOf(index.concerns, normalised(others, normalise.id)),
        others.length,
      ),
    );
  else unusedReason('otherConcerns');

  // Personal preferences: each person's own (yours, then each partner's); a requirement from
  // anyone is a requirement. Each person's wish for each criterion read once: `wishes[c][k]`, k = 0
  // is you, k = 1.. each partner.
  const people: (PersonalPreferences | undefined)[] = [answers?.preferences];
  if (couple) {
    const partners = partnersOf(answers);
    for (let k = 0; k < partners.length; k++) people.push(partners[k]);
  }
  const wishes: ({ values: string[]; importance: Importance } | undefined)[][] = [];
  for (let c = 0; c < PERSONAL_COLUMNS.length; c++) {
    const row = [];
    for (let k = 0; k < people.length; k++) row.push(listPreference(PERSONAL_COLUMNS[c].wish(people[k])));
    wishes.push(row);
  }
  // Partners who stated nothing after the last who did (a form left empty) are not counted.
  let count = people.length;
  while (count > 1 && !statesAny(wishes, count - 1)) count--;
  const several = count > 2;
  const everyone = several ? 'all' : 'both';
  for (let c = 0; c < PERSONAL.length; c++) {
    const criterion = PERSONAL[c];
    const row = wishes[c];
    let stated = 0;
    for (let k = 0; k < count; k++) if (row[k]) stated++;
    if (!stated) {
      unusedReason(criterion, couple ? everyone : 'you');
      continue;
    }
    const personal = PERSONAL_COLUMNS[c];
    const column = personal.column(index);
    const weight = personal.weight(weights);
    // Each wish's values as the column compares them, normalised once.
    const ids: string[][] = [];
    for (let k = 0; k < count; k++) {
      const w = row[k];
      ids.push(w ? normalised(w.values, personal.norm) : NO_IDS);
    }
    // One term for everyone when every partner wished the same as you, with the same importance.
    const mine = row[0];
    let together = !!mine && count > 1;
    for (let k = 1; together && k < count; k++)
      together = row[k]?.importance === mine!.importance && sameSet(ids[0], ids[k]);
    // A therapist has one gender: two people wanting disjoint genders cannot both be satisfied.
    if (criterion === 'therapistGender') genderConflicts(row, ids, count, several, conflicts);
    // The people's preferences share the criterion's weight; requirements count in full.
    let preferredCount = 0;
    for (let k = 0; k < (together ? 1 : count); k++) if (row[k]?.importance === 'preferred') preferredCount++;
    for (let k = 0; k < (together ? 1 : count); k++) {
      const w = row[k];
      if (!w) continue;
      const t = term(
        personal.kind,
        criterion,
        w.importance,
        w.importance === 'required' ? weight : weight / preferredCount,
        w.values,
        0,
        column,
        idsOf(column, ids[k]),
        distinct(ids[k]),
      );
      t.who = together ? everyone : k ? 'partner' : 'you';
      t.partner = !together && several ? k : 0;
      add(t);
    }
  }

  // How therapy should feel: agreement is scored, never required.
  const style = wantedStyle(answers?.therapyStyle);
  if (style)
    add(
      term(
        Kind.Style,
        'therapyStyle',
        'preferred',
        weights.therapyStyle,
        [],
        style,
        null,
        NO_TERM_IDS,
        dimensions(style),
      ),
    );
  else unusedReason('therapyStyle');

  // Cost.
  const budget = answers?.budget;
  const budgetImportance = importanceOf(budget);
  if (budgetImportance !== 'none' && finite(budget?.value?.max) && typeof budget.value.currency === 'string') {
    const t = term(Kind.Budget, 'budget', budgetImportance, weights.budget, [budget.value.currency.toUpperCase()]);
    t.max = budget.value.max;
    t.currency = index.currencies.get(t.values[0]) ?? -1;
    add(t);
  } else unusedReason('budget');
  const insurance = listPreference(answers?.insurance);
  if (insurance)
    add(
      term(
        Kind.AnyOf,
        'insurance',
        insurance.importance,
        weights.insurance,
        insurance.values,
        0,
        index.insurance,
        idsOf(index.insurance, normalised(insurance.values, normalise.lower)),
        insurance.values.length,
      ),
    );
  else unusedReason('insurance');
  const flag = (criterion: CriterionKey, pref: unknown, bit: number, weight: number) => {
    const importance = flagPreference(pref);
    if (importance === 'none') unusedReason(criterion);
    else add(term(Kind.Flag, criterion, importance, weight, [], bit));
  };
  flag('slidingScale', answers?.slidingScale, FLAG_SLIDING_SCALE, weights.slidingScale);
  flag('acceptingNewClients', answers?.acceptingNewClients, FLAG_ACCEPTING, weights.acceptingNewClients);
  flag('freeConsultation', answers?.freeConsultation, FLAG_FREE_CONSULTATION, weights.freeConsultation);
  // Function concerns: a therapist who works with medical specialists is a small plus.
  if (anyFlaggedConcern(answers, vocabulary))
    add(term(Kind.Flag, 'medicalCollaboration', 'preferred', weights.medicalCollaboration, [], FLAG_MEDICAL));

  // Listing age: scored once the directory says when its listings were verified.
  if (index.anyVerified) add(listingAgeTerm(weights.listingAge, staleAfterMonths));

  const format = compileFormat(index, answers);
  const formatsWeight = format.formatsImportance === 'none' ? 0 : weights.formats;
  if (format.formatsImportance === 'none') unusedReason('formats');
  const distanceWeight = format.scoreDistance ? weights.distance : 0;
  if (!format.scoreDistance) unusedReason('distance');
  let totalWeight = formatsWeight + distanceWeight;
  for (let k = 0; k < required.length; k++) totalWeight += required[k].weight;
  for (let k = 0; k < preferred.length; k++) totalWeight += preferred[k].weight;
  return { required, preferred, unused, format, formatsWeight, distanceWeight, totalWeight, conflicts, answers };
}

/** The person's style code (poles only: `balanced` is not an answer), 0 when unstated or unreadable. */
function wantedStyle(value: unknown): number {
  let code = 0;
  try {
    code = styleCode(value);
  } catch {
    return 0; // a getter or Proxy that throws: unanswered
  }
  // Each dimension's code is 1 or 2 for a pole; 3 (`balanced`) is not something a person asks for.
  for (let d = 0; d < 8; d += 2) if (((code >> d) & 3) === 3) code &= ~(3 << d);
  return code;
}

/**
 * `values` as `norm` writes them. A loop rather than `map`: an array made by `map` can take another
 * shape once V8 optimises its caller, which throws away the code of those that read it.
 */
function normalised(values: readonly string[], norm: (v: string) => string): string[] {
  const out: string[] = [];
  for (let k = 0; k < values.length; k++) out.push(norm(values[k]));
  return out;
}

/** How many dimensions a style code states. */
function dimensions(style: number): number {
  let count = 0;
  for (let d = 0; d < 8; d += 2) if ((style >> d) & 3) count++;
  return count;
}

/** Whether person `k` stated a wish for any personal criterion (`wishes[c][k]`). */
function statesAny(wishes: readonly (readonly unknown[])[], k: number): boolean {
  for (let c = 0; c < wishes.length; c++) if (wishes[c][k]) return true;
  return false;
}

/** Average month in ms: listing ages are counted in these. */
export const MONTH_MS = 30.436875 * 86_400_000;

/** Full fit within `months` of today, falling to none at twice that age (see `Kind.Age`). */
function listingAgeTerm(weight: number, months: number): Term {
  const span = months * MONTH_MS;
  const t = term(Kind.Age, 'listingAge', 'preferred', weight);
  t.max = Date.now() - 2 * span;
  t.currency = span;
  return t;
}

/** How many different strings `values` holds (a Set only for long lists: a few wishes are compared in place). */
function distinct(values: readonly string[]): number {
  if (values.length > 16) return new Set(values).size;
  let count = 0;
  for (let k = 0; k < values.length; k++) if (values.indexOf(values[k]) === k) count++;
  return count;
}

/** Whether `a` and `b`, normalised, hold the same values (each a subset of the other). */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = lookup(a);
  const sb = lookup(b);
  return a.every((v) => sb.has(v)) && b.every((v) => sa.has(v));
}
const NO_IDS: string[] = [];

/**
 * The conflicts of the first `count` people's gender wishes (`wishes`, their values normalised in
 * `ids`): each pair of people who want no gender in common, in order.
 */
function genderConflicts(
  wishes: readonly ({ values: string[]; importance: Importance } | undefined)[],
  ids: readonly string[][],
  count: number,
  several: boolean,
  conflicts: PreferenceConflict[],
): void {
  for (let j = 0; j < count; j++)
    for (let k = j + 1; k < count; k++) {
      const a = wishes[j];
      const b = wishes[k];
      if (!a || !b) continue;
      const theirs = lookup(ids[k]);
      if (ids[j].some((v) => theirs.has(v))) continue;
      conflicts.push({
        criterion: 'therapistGender',
        you: a.values,
        partner: b.values,
        importance: a.importance === 'required' && b.importance === 'required' ? 'required' : 'preferred',
        ...(several ? { between: [j, k] as [number, number] } : {}),
      });
    }
}

/** `has` over `values`: a Set only for long lists (a few wishes are searched in place). */
function lookup(values: readonly string[]): { has(value: string): boolean } {
  return values.length > 16 ? new Set(values) : values.length ? { has: (v) => values.includes(v) } : NONE;
}
const NONE = { has: () => false };

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
  const dash = jurisdiction.indexOf('-');
  const country = dash >= 0 ? jurisdiction.slice(0, dash) : '';
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
