// The message catalogues per language, merged from each area's files, and the lookup the elements
// use: a site's `strings` override, then the language, then its base language, then English.
import { formatMessage, type Catalogue, type Message } from './localize.js';
import { quizEn } from './quiz.en.js';
import { quizEs } from './quiz.es.js';
import { resultsEn } from './results.en.js';
import { resultsEs } from './results.es.js';

export { formatMessage, type Catalogue, type Message };

export const catalogues: Record<string, Catalogue> = {
  en: { ...quizEn, ...resultsEn },
  es: { ...quizEs, ...resultsEs },
};

/** The catalogue for `lang` with a site's overrides on top; missing messages fall back to English. */
export function catalogueFor(lang: string, overrides: Partial<Catalogue> = {}): Catalogue {
  const base = catalogues[lang] ?? catalogues[lang.split('-')[0]] ?? {};
  const merged: Catalogue = { ...catalogues.en, ...base };
  for (const [key, message] of Object.entries(overrides)) if (message !== undefined) merged[key] = message;
  return merged;
}

/** Formats the message `key` from `catalogue`; a missing key shows itself so it gets noticed. */
export function translate(
  catalogue: Catalogue,
  lang: string,
  key: string,
  values?: Record<string, string | number>,
): string {
  const message = catalogue[key];
  return message === undefined ? key : formatMessage(message, lang, values);
}
