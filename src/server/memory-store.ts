// The embedded store: validated records in memory, scanned with the engine's own pre-filter. Right
// for a directory of tens of thousands of listings on one process; no database to run.
import type { DataProblem } from '../engine/records.js';
import type { Therapist } from '../engine/schema.js';
import { byDistanceThenId, fits } from './fits.js';
import type { Candidates, DirectoryStore } from './store.js';

/** A store over records already validated by `parseTherapists` (ids are unique there). */
export function memoryStore(therapists: readonly Therapist[]): DirectoryStore {
  const records = [...therapists];
  const byId = new Map(records.map((record) => [record.id, record]));
  // Each record serialised once: a page is then a join of strings, not a JSON.stringify of objects.
  const json = new Map(records.map((record) => [record, JSON.stringify(record)]));
  return {
    async search(query, { limit }): Promise<Candidates> {
      const found: { id: string; distance: number; record: Therapist }[] = [];
      for (const record of records) {
        const fit = fits(record, query);
        if (fit) found.push({ id: record.id, distance: fit.distance, record });
      }
      found.sort(byDistanceThenId);
      const page = found.slice(0, limit).map((f) => f.record);
      return { records: page, json: page.map((record) => json.get(record)!), total: found.length };
    },
    async get(id) {
      return byId.get(id);
    },
  };
}

/** A directory file read for a store: the records kept and every problem found. */
export interface LoadedDirectory {
  therapists: Therapist[];
  problems: DataProblem[];
  /** Records in the file, kept or dropped. */
  records: number;
}
