// Where the root element finds the readers of its object options and of the stored session
// (object-options.ts): there at once when that module was imported
// (define.js does), else loaded on demand, as a chunk in the drop-in, by a page that sets one.
import type { MatchAnswers } from '../engine/answers.js';
import type { Vocabulary } from '../engine/vocabulary.js';
import type { Catalogue } from '../i18n/index.js';
import type { OptionRead } from './options.js';
import type { QuizSnapshot } from '../state/stored-answers.js';

export interface SiteReaders {
  readStrings(value: unknown): OptionRead<Partial<Catalogue>>;
  readVocabulary(value: unknown): OptionRead<Vocabulary>;
  readPresetOption(value: unknown): OptionRead<Partial<MatchAnswers>>;
  readSnapshot(text: string | null | undefined): { snapshot?: QuizSnapshot; invalid?: string[] };
  serializeSnapshot(snapshot: QuizSnapshot): string;
  snapshotDiscarded(key: string, invalid: readonly string[]): string;
}

let readers: SiteReaders | undefined;
let loading: Promise<SiteReaders> | undefined;

/** Called by object-options.ts when it is evaluated. */
export function provideSiteReaders(provided: SiteReaders): void {
  readers = provided;
}

/** The readers, if they are here. */
export function siteReaders(): SiteReaders | undefined {
  return readers;
}

/** Loads the readers once; rejects when the chunk cannot be loaded (asked again, it loads again). */
export function loadSiteReaders(): Promise<SiteReaders> {
  loading ??= import('./object-options.js').then(
    () => readers!,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
