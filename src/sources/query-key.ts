// The cache key of a source query, on its own: the widget's main file needs it, not the query
// builder (which loads with the ranking engine).
import type { SourceQuery } from './types.js';

/** A stable string for a query (object keys sorted at every level): the cache key for results. */
export function queryKey(query: SourceQuery): string {
  return JSON.stringify(query, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
