// What a directory store does for the handler: one page of candidates for a query, one record by id.
import type { Therapist } from '../engine/schema.js';
import type { SourceQuery } from '../sources/types.js';

/** One page of candidates: nearest in-person options first, then by id. */
export interface Candidates {
  records: Therapist[];
  /** Every candidate the store holds for the query, before the page limit. */
  total: number;
  /**
   * The same records already serialised as JSON, when the store has them so (a cache, a database's
   * text): the handler then sends them without parsing and serialising each one again.
   */
  json?: readonly string[];
}

/**
 * Where the handler finds therapists. Implement it for another database: `search` returns the
 * records that can fit the query (see `fits`: a record missing a field is kept), at most `limit`,
 * nearest first; `get` one record or `undefined`. Records are validated `Therapist` objects.
 */
export interface DirectoryStore {
  search(query: SourceQuery, options: { limit: number }): Promise<Candidates>;
  get(id: string): Promise<Therapist | undefined>;
  /** Releases what the store holds (connections); the handler never calls it. */
  close?(): Promise<void>;
}
