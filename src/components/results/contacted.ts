// After a contact: the therapists contacted during this visit (ids), in memory, and in
// sessionStorage only when the site chose `persist="session"`; the next best matches to try.
import type { Match } from '../../engine/types.js';
import { CONTACTED_KEY } from '../../internal/contacted-key.js';

/** Most ids kept: a person contacts a handful; a tampered store cannot grow the set without end. */
const MAX_CONTACTED = 100;

/** Adds the ids stored with `persist="session"` to `contacted`; anything but a list of ids is removed. */
export function restoreContacted(contacted: Set<string>): void {
  try {
    const stored = sessionStorage.getItem(CONTACTED_KEY);
    if (stored === null) return;
    const ids: unknown = JSON.parse(stored);
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error('not a list of ids');
    for (const id of ids.slice(0, MAX_CONTACTED) as string[]) contacted.add(id);
  } catch {
    try {
      sessionStorage.removeItem(CONTACTED_KEY);
    } catch {
      // storage blocked: nothing to remove
    }
  }
}

/** Keeps `contacted` in sessionStorage (only called with `persist="session"`). */
export function storeContacted(contacted: ReadonlySet<string>): void {
  try {
    sessionStorage.setItem(CONTACTED_KEY, JSON.stringify([...contacted].slice(0, MAX_CONTACTED)));
  } catch {
    // storage full or blocked: the visit's memory still has them
  }
}

/** The next best matches to try, in the order shown: not contacted yet and not closed to new clients. */
export function nextBest(matches: readonly Match[], contacted: ReadonlySet<string>, count = 3): Match[] {
  return matches
    .filter((m) => !contacted.has(m.therapist.id) && m.therapist.acceptingNewClients !== false)
    .slice(0, count);
}
