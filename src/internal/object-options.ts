// The options of <therapist-match> that are objects a site builds (`strings`, `vocabulary`,
// `preset`) and the stored session (`persist="session"`), read before the widget trusts them.
// Only pages that set one need this module: the package's define.js imports it at once, the drop-in
// loads it as a chunk before the first render (see site-readers.ts).
import type { MatchAnswers } from '../engine/answers.js';
import { defaultVocabulary, type Vocabulary } from '../engine/vocabulary.js';
import type { Catalogue } from '../i18n/index.js';
import { provideSiteReaders } from './site-readers.js';
import { readPreset, readSnapshot, serializeSnapshot } from '../state/stored-answers.js';
import { read, safely, shown, type OptionRead } from './options.js';

/** `strings`: messages by key; a message that is neither text nor plural forms with `other` is left out. */
export function readStrings(value: unknown): OptionRead<Partial<Catalogue>> {
  const strings: Partial<Catalogue> = {};
  const keys = typeof value === 'object' ? safely(() => Object.keys(value ?? {})) : undefined;
  if (!keys)
    return {
      value: strings,
      problem: value == null ? undefined : `strings ${shown(value)} ignored: not messages by key.`,
    };
  const dropped: string[] = [];
  for (const key of keys) {
    const message = read(value, key);
    const forms = typeof read(message, 'other') === 'string' && safely(() => Object.values(message as object));
    if (typeof message === 'string' || (forms && forms.every((form) => typeof form === 'string')))
      Object.defineProperty(strings, key, { value: message, enumerable: true });
    else dropped.push(key);
  }
  return {
    value: strings,
    problem: dropped.length
      ? `strings ${dropped.map(shown).join(', ')} left out: not text, nor plural forms with "other".`
      : undefined,
  };
}

/** A list of terms the quiz can show: each with an `id` and an English label. */
function isTerms(list: unknown): boolean {
  return (
    safely(
      () =>
        Array.isArray(list) &&
        list.every(
          (term: unknown) =>
            typeof read(term, 'id') === 'string' && typeof read(read(term, 'labels'), 'en') === 'string',
        ),
    ) ?? false
  );
}

/** `vocabulary`: every list an array of terms with an id and an English label, else the default. */
export function readVocabulary(value: unknown): OptionRead<Vocabulary> {
  if (value == null || value === defaultVocabulary) return { value: defaultVocabulary };
  const usable = Object.keys(defaultVocabulary).every((list) => isTerms(read(value, list)));
  return {
    value: usable ? (value as Vocabulary) : defaultVocabulary,
    problem: usable
      ? undefined
      : 'vocabulary ignored: lists of terms with an id and English labels expected (see createVocabulary).',
  };
}

/** `preset`: read field by field; the fields of the wrong shape are named. */
export function readPresetOption(value: unknown): OptionRead<Partial<MatchAnswers>> {
  const { answers, dropped } = readPreset(value);
  return {
    value: answers,
    problem: !dropped.length
      ? undefined
      : dropped[0] === ''
        ? `preset ${shown(value)} ignored: not an object of answers.`
        : `preset: ${dropped.join(', ')} left out (missing, of the wrong type or out of range); the rest applies.`,
  };
}

/** The warning when stored answers could not be trusted (here rather than in the main file: only `persist` needs it). */
export function snapshotDiscarded(key: string, invalid: readonly string[]): string {
  return `therapist-match: stored answers (sessionStorage "${key}") removed, the quiz starts fresh: ${invalid.join(', ') || 'not a snapshot'}.`;
}

provideSiteReaders({
  readStrings,
  readVocabulary,
  readPresetOption,
  readSnapshot,
  serializeSnapshot,
  snapshotDiscarded,
});
