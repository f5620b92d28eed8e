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

type Counts = Map<string, number>;

const count = (counts: Counts, value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);

/** The values counted, most frequent first (ties alphabetically). */
const byFrequency = (counts: Counts): string[] =>
  [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);

/**
 * The choices a directory offers: languages and currencies by frequency, insurers alphabetically.
 * One pass over the records (the quiz asks for them as soon as a directory arrives).
 */
export function directoryFacts(therapists: readonly Therapist[]): DirectoryFacts {
  const languages: Counts = new Map();
  const insurers: Counts = new Map();
  const currencies: Counts = new Map();
  for (const t of therapists) {
    for (const language of t.languages ?? []) count(languages, language);
    for (const insurer of t.insurance ?? []) count(insurers, insurer);
    if (t.fees) count(currencies, t.fees.currency);
  }
  return {
    places: placesFromTherapists(therapists),
    languages: byFrequency(languages),
    insurers: byFrequency(insurers).sort(),
    currencies: byFrequency(currencies),
  };
}
