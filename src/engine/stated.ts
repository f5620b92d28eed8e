// A listing's self-described words (faith, cultural background, identities) as the explanations
// show them: read from the record when it is first explained, and kept with the index (records
// are read-only once indexed), since a field read from records of many shapes costs more than
// the rest of a match's explanation.
import type { Therapist } from './schema.js';
import type { TherapistIndex } from './therapist-index.js';
import type { CriterionKey } from './types.js';

/** Each record's words of an index, by field (faith, cultural background, identities). */
const STATED = new WeakMap<TherapistIndex, (readonly string[] | undefined)[][]>();

/** The words of an index's records, looked up once per ranking (see `statedOf`). */
export type StatedWords = (readonly string[] | undefined)[][];

/** The `StatedWords` kept with `index`. */
export function statedWordsOf(index: TherapistIndex): StatedWords {
  let byField = STATED.get(index);
  if (!byField) STATED.set(index, (byField = [[], [], []]));
  return byField;
}

/**
 * The words record `i` states for a faith, culture or identity wish, the first 20 (shared: copy
 * before handing out); `words` from `statedWordsOf(index)`.
 */
export function statedOf(
  words: StatedWords,
  index: TherapistIndex,
  i: number,
  criterion: CriterionKey,
): readonly string[] {
  const k = criterion === 'therapistFaith' ? 0 : criterion === 'therapistCulture' ? 1 : 2;
  return (words[k][i] ??= statedWords(
    index.therapists[i],
    k === 0 ? 'faith' : k === 1 ? 'culturalBackground' : 'identities',
  ));
}

/** A record's self-described words for an identity field, as written, the first 20 (never throws). */
function statedWords(t: Therapist, field: 'faith' | 'culturalBackground' | 'identities'): string[] {
  const out: string[] = [];
  try {
    const value: unknown = t[field];
    if (!Array.isArray(value)) return out;
    // Every item read (as a filter would), so a list that cannot be read states nothing.
    for (let k = 0; k < value.length; k++) {
      const v: unknown = value[k];
      if (typeof v === 'string' && out.length < 20) out.push(v);
    }
  } catch {
    return [];
  }
  return out;
}
