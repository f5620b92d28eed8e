// The message catalogues per language, merged from each area's files, and the language helpers.
// Elements read them through one LocaleController (controller.ts): a site's `strings` override,
// then the language, then its base language, then English; formatters are in format.ts.
import { formatMessage, type Catalogue, type Message } from './localize.js';
import { quizEn, type QuizMessageKey } from './quiz.en.js';
import type { ResultsMessageKey } from './results.en.js';

export { formatMessage, type Catalogue, type Message };

/** The key of every message the widget shows (`'quiz.next'`, `'results.count'`, ...). */
export type MessageKey = QuizMessageKey | ResultsMessageKey;

/**
 * Messages a site adds by pattern: a line for a chosen concern (`quiz.concerns.help.<concern id>`,
 * e.g. a hotline), a concern's own note (`quiz.concerns.note.<concern id>`), a place's name
 * (`region.<ISO 3166-2 code>`) and a licence's spelled-out name (`results.licence.<type>`).
 */
export type PatternMessageKey =
  `quiz.concerns.help.${string}` | `quiz.concerns.note.${string}` | `region.${string}` | `results.licence.${string}`;

/** A site's message overrides, by key: a mistyped key is a type error. */
export type TmStrings = { [K in MessageKey]?: Message } & { [K in PatternMessageKey]?: Message };

/**
 * Catalogues available now. The quiz's English ships in the main file (the results' English in the
 * results view, which reads `resultsEn` itself); other languages register on load.
 */
export const catalogues: Record<string, Catalogue> = {
  en: { ...quizEn },
};

/** The language without region or script: `es-MX` → `es`, `pt_BR` → `pt`. The one place this is worked out. */
export function baseLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0];
}

const locales = new Map<string, string | undefined>();

/** `tag` in its canonical form (`en_us` → `en-US`: an underscore, as CMS templates write it, reads as a hyphen), or `undefined` when `Intl` rejects it. */
export function canonicalLanguage(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || !tag) return undefined;
  if (locales.has(tag)) return locales.get(tag);
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    // not a language tag
  }
  if (locales.size < 100) locales.set(tag, canonical);
  return canonical;
}

/** `tag` as a language tag `Intl` accepts, else its base language if that is one, else `undefined`. */
export function validLanguage(tag: unknown): string | undefined {
  return canonicalLanguage(tag) ?? (typeof tag === 'string' ? canonicalLanguage(baseLanguage(tag)) : undefined);
}

/** The language an element uses: its own `lang`, else the closest `[lang]` around it (each only if it is a language tag), else English. */
export function resolveLanguage(el: Element & { lang: string }): string {
  return validLanguage(el.lang) ?? validLanguage(languageOf(el)) ?? 'en';
}

/** Changes each time messages arrive, so a merged catalogue knows to merge again. */
export let cataloguesVersion = 0;

/** Adds messages that arrive with a part of the widget (the later quiz steps' English). */
export function addMessages(lang: string, messages: Catalogue): void {
  catalogues[lang] = { ...catalogues[lang], ...messages };
  cataloguesVersion++;
}

/** Languages that ship as separate files, fetched the first time an element needs them. */
const loaders: Record<string, () => Promise<Catalogue>> = {
  es: () => import('./es.js').then((module) => module.es),
};
const loading = new Map<string, Promise<void>>();
const waiting = new WeakSet<object>();

/**
 * Makes the catalogue for `lang` available and then asks `host` to render again. Does nothing when
 * it is already there or the language has no catalogue (English is used).
 */
export function ensureCatalogue(lang: string, host?: { requestUpdate(): void }): void {
  const base = baseLanguage(lang);
  const load = loaders[base];
  if (catalogues[base] || !load) return;
  let pending = loading.get(base);
  if (!pending) {
    pending = load().then(
      (catalogue) => addMessages(base, catalogue),
      (error: unknown) => {
        loading.delete(base); // try again next time; meanwhile English stands in
        console.warn(`therapist-match: could not load the "${base}" messages, showing English.`, error);
      },
    );
    loading.set(base, pending);
  }
  // One callback per waiting host, however often it renders before the messages arrive.
  if (host && !waiting.has(host)) {
    waiting.add(host);
    void pending.then(() => {
      waiting.delete(host);
      host.requestUpdate();
    });
  }
}

/** The catalogue for `lang` with a site's overrides on top; missing messages fall back to English. */
export function catalogueFor(lang: string, overrides: Partial<Catalogue> = {}): Catalogue {
  const base = catalogues[lang] ?? catalogues[baseLanguage(lang)] ?? {};
  const merged: Catalogue = { ...catalogues.en, ...base };
  for (const [key, message] of Object.entries(overrides)) if (message !== undefined) merged[key] = message;
  return merged;
}

/** The language of `el`: its own `lang`, else the nearest ancestor's across shadow roots, else English. */
export function languageOf(el: Element): string {
  for (let node: Element | null = el; node;) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return 'en';
}
