// jsonSource(url): fetches a JSON file of therapist records once.
import { SourceError, type TherapistSource } from './types.js';

export function jsonSource(url: string): TherapistSource {
  return {
    async search(_query, { signal }) {
      const response = await fetch(url, { signal });
      if (!response.ok) throw new SourceError('http', `${url} answered HTTP ${response.status}`, response.status);
      return { records: await response.json() };
    },
  };
}
