// arraySource(records): therapist records already in memory.
import { throwIfAborted } from './http.js';
import type { TherapistSource } from './types.js';

/** Records already in memory, e.g. embedded in the page or built by your own code. */
export function arraySource(records: readonly unknown[], options: { label?: string } = {}): TherapistSource {
  const label = options.label ?? 'the records array';
  // One snapshot, the same array for every search, so the widget validates and indexes it once.
  const snapshot = [...records];
  return {
    label,
    sends: 'nothing',
    applies: [],
    async search(_query, { signal }) {
      throwIfAborted(signal, label);
      return { records: snapshot };
    },
    async get(id, { signal }) {
      throwIfAborted(signal, label);
      return snapshot.find((record) => (record as { id?: unknown } | null)?.id === id);
    },
  };
}
