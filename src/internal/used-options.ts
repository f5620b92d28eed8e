// The options of one <therapist-match> as it uses them: each read (options.ts) when it changes,
// with one warning if it was unusable. The object options (strings, vocabulary, preset) and a
// stored session need readers that are a chunk in the drop-in: while they load, the element waits
// rather than render the wrong step.
import type { ReactiveControllerHost } from 'lit';
import type { MatchAnswers } from '../engine/answers.js';
import { defaultVocabulary, type Vocabulary } from '../engine/vocabulary.js';
import type { Catalogue, TmStrings } from '../i18n/index.js';
import type { TherapistSource } from '../sources/types.js';
import { DEFAULT_LIMIT, readLanguage, readLimit, readShare, readSource, type OptionRead } from './options.js';
import { chunkError } from './chunk-error.js';
import { loadSiteReaders, siteReaders } from './site-readers.js';

/** The defaults of the object options: a page that keeps them needs no reader for them. */
export const NO_STRINGS: TmStrings = Object.freeze({});
export const NO_PRESET: Partial<MatchAnswers> = Object.freeze({});

/** The options as a page set them (the root element's properties). */
export interface OptionsHost extends ReactiveControllerHost {
  readonly hasUpdated: boolean;
  src: unknown;
  format: unknown;
  source?: unknown;
  lang: unknown;
  strings: unknown;
  vocabulary: unknown;
  preset: unknown;
  persist: unknown;
  sourceShare: unknown;
  limit: unknown;
  safetyNote?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const use = <T>({ value, problem }: OptionRead<T>): T => {
  if (problem) console.warn(`therapist-match: ${problem}`);
  return value;
};

export class UsedOptions {
  src = '';
  format: '' | 'csv' | 'json' = '';
  source?: TherapistSource;
  strings: Partial<Catalogue> = {};
  vocabulary: Vocabulary = defaultVocabulary;
  preset: Partial<MatchAnswers> = {};
  persist = false;
  share: (keyof MatchAnswers)[] = [];
  limit = DEFAULT_LIMIT;
  safetyNote?: string;

  /** Options changed while the element waited for its readers (an update that did not happen). */
  private unread = new Set<PropertyKey>();
  /** Set while the readers load. */
  wait?: Promise<void>;
  private failed = false;

  constructor(private host: OptionsHost) {}

  /** Whether an option needs the object-option readers: a site's own strings, vocabulary or preset, or a stored session. */
  private needsReaders(changed: ReadonlySet<PropertyKey>): boolean {
    const host = this.host;
    const set = (name: 'strings' | 'vocabulary' | 'preset', unset: unknown) =>
      (!host.hasUpdated || changed.has(name)) && host[name] != null && host[name] !== unset;
    return (
      set('strings', NO_STRINGS) ||
      set('vocabulary', defaultVocabulary) ||
      set('preset', NO_PRESET) ||
      host.persist === 'session'
    );
  }

  /**
   * Whether the element may update now. The first render waits for the object-option readers when
   * the page set such an option (in the drop-in they are a chunk; the package's define.js has them
   * at once), so a preset or a stored session never flashes the wrong step. If they cannot load,
   * the defaults apply, with a warning.
   */
  ready(changed: ReadonlyMap<PropertyKey, unknown>): boolean {
    const all = new Set<PropertyKey>([...changed.keys(), ...this.unread]);
    if (siteReaders() || this.failed || !this.needsReaders(all)) return true;
    this.unread = all;
    this.wait ??= loadSiteReaders()
      .then(
        () => {},
        (error: unknown) => {
          this.failed = true;
          const problem = chunkError('The reader of strings, vocabulary, preset and stored answers', error);
          console.warn(`therapist-match: ${problem.message} They are ignored.`);
        },
      )
      .finally(() => {
        this.wait = undefined;
        this.host.requestUpdate();
      });
    return false;
  }

  /**
   * Reads the options that changed (all of them the first time), warning once about each unusable
   * one, and returns the names of those that changed, including those changed while it waited.
   */
  read(changedProperties: ReadonlyMap<PropertyKey, unknown>): ReadonlySet<PropertyKey> {
    const changed = new Set<PropertyKey>([...changedProperties.keys(), ...this.unread]);
    this.unread.clear();
    const host = this.host;
    const has = (name: string) => !host.hasUpdated || changed.has(name);
    const readers = siteReaders();
    if (has('src')) this.src = text(host.src) ?? '';
    if (has('format')) this.format = host.format === 'csv' || host.format === 'json' ? host.format : '';
    if (has('source')) this.source = use(readSource<TherapistSource>(host.source));
    if (has('strings')) this.strings = readers ? use(readers.readStrings(host.strings)) : {};
    if (has('vocabulary')) this.vocabulary = readers ? use(readers.readVocabulary(host.vocabulary)) : defaultVocabulary;
    if (has('persist')) this.persist = host.persist === 'session' && !!readers;
    if (has('sourceShare')) this.share = use(readShare(host.sourceShare));
    if (has('limit')) this.limit = use(readLimit(host.limit));
    if (has('safetyNote')) this.safetyNote = text(host.safetyNote);
    if (has('lang')) use(readLanguage(host.lang));
    if (has('preset')) this.preset = readers ? use(readers.readPresetOption(host.preset)) : {};
    return changed;
  }
}
