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

const currencyOf = (match: Match): string | undefined => match.therapist.fees?.currency?.toUpperCase();

/**
 * The currency "Lowest fee" compares in: the person's budget's when they gave one, else the one
 * most of these listings charge in (the first in ranking order on a tie). Amounts in different
 * currencies are never compared with each other.
 */
export function feeCurrency(matches: readonly Match[], wanted?: string): string | undefined {
  if (wanted) return wanted.toUpperCase();
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const match of matches) {
    const currency = currencyOf(match);
    if (!currency) continue;
    const count = (counts.get(currency) ?? 0) + 1;
    counts.set(currency, count);
    if (!best || count > counts.get(best)!) best = currency;
  }
  return best;
}

/** The other currencies among `matches`, in the order "Lowest fee" groups them (alphabetical). */
export function otherCurrencies(matches: readonly Match[], home: string | undefined): string[] {
  const others = new Set<string>();
  for (const match of matches) {
    const currency = currencyOf(match);
    if (currency && currency !== home) others.add(currency);
  }
  return [...others].sort();
}

/**
 * The matches kept by every filter in `filters`, in the order `sort` asks. "Lowest fee" orders the
 * fees in `currency` (see `feeCurrency`) first, then each other currency as a group of its own,
 * then the listings without a fee. Ties (and listings without a distance or a fee) keep the
 * ranking's order.
 */
export function arrange(
  matches: readonly Match[],
  sort: ResultsSort,
  filters: Iterable<ResultsFilter>,
  currency?: string,
): Match[] {
  const keeps = [...filters].map((filter) => KEEPS[filter]).filter(Boolean);
  const kept = matches.filter((match) => keeps.every((keep) => keep(match)));
  if (sort === 'fit') return kept;
  let key: (match: Match) => [number, number];
  if (sort === 'nearest') key = (m) => [0, m.distanceKm ?? Infinity];
  else {
    const home = feeCurrency(matches, currency);
    const groups = [home, ...otherCurrencies(matches, home)];
    key = (m) => {
      const min = m.therapist.fees?.min;
      const group = groups.indexOf(currencyOf(m));
      return typeof min === 'number' ? [group < 0 ? groups.length : group, min] : [Infinity, 0];
    };
  }
  return kept
    .map((match, rank) => ({ match, rank, key: key(match) }))
    .sort((a, b) => a.key[0] - b.key[0] || compare(a.key[1], b.key[1]) || a.rank - b.rank)
    .map((entry) => entry.match);
}

const compare = (a: number, b: number): number => (a === b ? 0 : a < b ? -1 : 1);
