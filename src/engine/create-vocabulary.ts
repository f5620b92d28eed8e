// A site's own vocabulary, made from the default (or any) without forking it: renamed, hidden,
// added and translated terms. Apart from vocabulary.ts so that the drop-in's main file, which needs
// only the default terms, carries neither this nor the Spanish labels it brings.
import { itemsOf, keysOf, read, readTerm, readVocabulary, textsOf, VOCABULARY_LISTS } from './read-vocabulary.js';
import { defaultVocabulary, type Labels, type Vocabulary, type VocabularyList } from './vocabulary.js';
import { addSpanishLabels } from './vocabulary.es.js';

/**
 * How a site adapts the vocabulary without forking it. Ids are stable: matching uses them, labels
 * are only what people read. Plain data, so it can live in a JSON file next to the directory.
 */
export interface VocabularyCustomisation {
  /** New labels for existing terms, by id, merged into their labels: `{ 'low-desire': { en: 'Low libido' } }`. */
  rename?: Record<string, Partial<Labels>>;
  /** Ids of terms to leave out of every list (the quiz will not offer them). */
  hide?: readonly string[];
  /** New terms, added at the end of their list; an existing id is replaced. */
  extend?: { [K in VocabularyList]?: Vocabulary[K] };
  /** Labels in more languages, by language then id: `{ fr: { 'low-desire': 'Désir sexuel faible' } }`. */
  translate?: Record<string, Record<string, string>>;
}

/**
 * A new vocabulary: `base` (default `defaultVocabulary`, never modified) with terms renamed,
 * hidden, added and translated. Renames and translations apply to a term in whichever list it is.
 * Never throws: a list of `base` that is not an array is the default's; a term without an `id`
 * and an English label, and customisations of the wrong shape, are left out.
 */
export function createVocabulary(
  base: Vocabulary = defaultVocabulary,
  customisation: VocabularyCustomisation = {},
): Vocabulary {
  addSpanishLabels(defaultVocabulary); // a site's vocabulary made before Spanish loads keeps the default Spanish labels
  const from = readVocabulary(base ?? defaultVocabulary, defaultVocabulary).vocabulary;
  const hidden = new Set(itemsOf(read(customisation, 'hide')) ?? []);
  const rename = read(customisation, 'rename');
  const translate = read(customisation, 'translate');
  const extend = read(customisation, 'extend');
  const relabel = <T extends { id: string; labels: Labels }>(term: T): T => {
    const labels = { ...term.labels, ...textsOf(read(rename, term.id)) } as Labels;
    for (const lang of keysOf(translate)) {
      const label = read(read(translate, lang), term.id);
      if (typeof label === 'string' && label) Object.defineProperty(labels, lang, { value: label, enumerable: true });
    }
    return { ...term, labels };
  };
  const result = {} as Record<VocabularyList, { id: string; labels: Labels }[]>;
  for (const name of VOCABULARY_LISTS) {
    const terms: { id: string; labels: Labels }[] = [...from[name]];
    for (const item of itemsOf(read(extend, name)) ?? []) {
      const added = readTerm(item);
      if (!added) continue;
      const at = terms.findIndex((t) => t.id === added.id);
      if (at >= 0) terms[at] = added;
      else terms.push(added);
    }
    result[name] = terms.filter((t) => !hidden.has(t.id)).map(relabel);
  }
  return result as unknown as Vocabulary;
}
