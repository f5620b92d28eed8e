// Sorting and quick filters over the matches already ranked: the person re-orders or narrows the
// list without answering again. Pure functions; <tm-results> keeps the person's choice.
import type { Match } from '../../engine/types.js';

/** How the list is ordered: the ranking's best fit, nearest office first, or lowest fee first. */
export const SORTS = ['fit', 'nearest', 'fee'] as const;
export type ResultsSort = (typeof SORTS)[number];

/** Quick filters: each keeps only the listings that state the fact (unknown never passes). */
export const FILTERS = ['accepting', 'telehealth', 'in-person', 'sliding-scale'] as const;
export type ResultsFilter = (typeof FILTERS)[number];

const KEEPS: Record<ResultsFilter, (match: Match) => boolean> = {
  accepting: (m) => m.therapist.acceptingNewClients === true,
  // Video only where the person can be seen: licensed where they live, when that is known.
  telehealth: (m) => m.therapist.formats.includes('telehealth') && m.telehealthEligible !== false,
  'in-person': (m) => m.therapist.formats.includes('in-person'),
  'sliding-scale': (m) => m.therapist.fees?.slidingScale === true,
};

const KEYS: Record<Exclude<ResultsSort, 'fit'>, (match: Match) => number> = {
  nearest: (m) => m.distanceKm ?? Infinity,
  fee: (m) => m.therapist.fees?.min ?? Infinity,
};

/**
 * The matches kept by every filter in `filters`, in the order `sort` asks. Ties (and listings
 * without a distance or a fee, which go last) keep the ranking's order.
 */
export function arrange(matches: readonly Match[], sort: ResultsSort, filters: Iterable<ResultsFilter>): Match[] {
  const keeps = [...filters].map((filter) => KEEPS[filter]).filter(Boolean);
  const kept = matches.filter((match) => keeps.every((keep) => keep(match)));
  const key = sort === 'fit' ? undefined : KEYS[sort];
  if (!key) return kept;
  return kept
    .map((match, rank) => ({ match, rank, key: key(match) }))
    .sort((a, b) => (a.key === b.key ? a.rank - b.rank : a.key < b.key ? -1 : 1))
    .map((entry) => entry.match);
}
