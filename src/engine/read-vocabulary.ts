// A vocabulary read from anywhere (a site's property, a JSON file, `createVocabulary`'s inputs):
// every list an array of terms with an id and English labels; the rest is left out and named.
import type { Labels, TermDefinition, Vocabulary, VocabularyList } from './vocabulary.js';

export const VOCABULARY_LISTS: readonly VocabularyList[] = [
  'concernGroups',
  'concerns',
  'modalities',
  'communities',
  'clientTypes',
  'genders',
  'ageGroups',
  'formats',
];

/** `object[key]`, or `undefined` when `object` is not an object or a getter or Proxy trap throws. */
export function read(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null) return undefined;
  try {
    return (object as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** Own enumerable keys of a plain object (not an array), or none. */
export function keysOf(object: unknown): string[] {
  try {
    return typeof object === 'object' && object !== null && !Array.isArray(object) ? Object.keys(object) : [];
  } catch {
    return [];
  }
}

/** False for a revoked Proxy, which throws at every touch. */
function isReadable(value: object): boolean {
  try {
    Array.isArray(value);
    return true;
  } catch {
    return false;
  }
}

/** The items of an array, copied; `undefined` for anything else (or a Proxy that throws). */
export function itemsOf(value: unknown): unknown[] | undefined {
  try {
    return Array.isArray(value) ? [...(value as unknown[])] : undefined;
  } catch {
    return undefined;
  }
}

/** The string values of `value` by key, as a fresh object (a `__proto__` key stays a plain key). */
export function textsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keysOf(value)) {
    const text = read(value, key);
    if (typeof text === 'string') Object.defineProperty(out, key, { value: text, enumerable: true, writable: true });
  }
  return out;
}

/** A copy of a term with a non-empty `id` and an English label; a concern's own keys kept when typed right. */
export function readTerm(value: unknown): TermDefinition | undefined {
  const id = read(value, 'id');
  const labels = textsOf(read(value, 'labels'));
  if (typeof id !== 'string' || !id || typeof labels.en !== 'string') return undefined;
  const term: Record<string, unknown> = { id, labels: labels as Labels };
  for (const key of ['group', 'physicianFirst', 'couplesFocus']) {
    const extra = read(value, key);
    if (typeof extra === (key === 'group' ? 'string' : 'boolean')) term[key] = extra;
  }
  return term as unknown as TermDefinition;
}

/**
 * Reads a vocabulary: each list must be an array; a missing or unusable list is `fallback`'s,
 * a term without an id and an English label is left out. `dropped` names what was left out
 * (`concerns`, `concerns[3]`), `['']` when `value` is not an object. Never throws.
 */
export function readVocabulary(value: unknown, fallback: Vocabulary): { vocabulary: Vocabulary; dropped: string[] } {
  const dropped: string[] = [];
  if (value !== undefined && value !== null && (typeof value !== 'object' || itemsOf(value) || !isReadable(value)))
    dropped.push('');
  const vocabulary = {} as Record<VocabularyList, TermDefinition[]>;
  for (const name of VOCABULARY_LISTS) {
    const list = read(value, name);
    const items = itemsOf(list);
    if (!items) {
      if (list !== undefined) dropped.push(name);
      vocabulary[name] = fallback[name];
      continue;
    }
    vocabulary[name] = [];
    items.forEach((item, i) => {
      const term = readTerm(item);
      if (term) vocabulary[name].push(term);
      else dropped.push(`${name}[${i}]`);
    });
  }
  return { vocabulary: vocabulary as unknown as Vocabulary, dropped };
}
