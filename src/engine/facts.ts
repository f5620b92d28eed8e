// What a loaded directory offers the quiz as choices: its places, languages, insurers and
// currencies, most frequent first.
import { placesFromTherapists, type Place } from './places.js';
import type { Therapist } from './schema.js';

/** Directory facts the quiz offers as choices. */
export interface DirectoryFacts {
  places: Place[];
  languages: string[];
  insurers: string[];
  currencies: string[];
}

function byFrequency(values: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}

/** The choices a directory offers: languages and currencies by frequency, insurers alphabetically. */
export function directoryFacts(therapists: readonly Therapist[]): DirectoryFacts {
  return {
    places: placesFromTherapists(therapists),
    languages: byFrequency(therapists.flatMap((t) => t.languages ?? [])),
    insurers: byFrequency(therapists.flatMap((t) => t.insurance ?? [])).sort(),
    currencies: byFrequency(therapists.flatMap((t) => (t.fees ? [t.fees.currency] : []))),
  };
}
