// What each option of <therapist-match> means for any value a page gives it: numbers are clamped,
// values of the wrong shape are replaced by the default, and `problem` says so for the warning.
// The options that are objects (strings, vocabulary, preset) are read by object-options.ts, which
// loads only when a page sets one.
import type { MatchAnswers } from '../engine/answers.js';
import { canonicalLanguage, validLanguage } from '../i18n/index.js';
import { ANSWER_FIELDS } from '../engine/answer-fields.js';

/** Matches shown when `limit` is unset or unusable. */
export const DEFAULT_LIMIT = 20;
/** Most matches shown, whatever `limit` says: a person reads no further, and each card costs. */
export const MAX_LIMIT = 100;

/** An option as the widget uses it, and why the given value was not used as it was. */
export interface OptionRead<T> {
  value: T;
  problem?: string;
}

/** Runs `read`; a getter or Proxy that throws gives `undefined`. */
export function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** A value as a warning can show it, without calling anything of the value's own. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'number' || typeof value === 'boolean' || value == null ? String(value) : `(${typeof value})`;
}

export const read = (object: unknown, key: string) => safely(() => (object as Record<string, unknown>)[key]);

/** `limit`: a whole number from 1 to `MAX_LIMIT`; above is clamped, anything else is the default. */
export function readLimit(value: unknown): OptionRead<number> {
  if (value == null) return { value: DEFAULT_LIMIT };
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n === 'number' && n >= 1 && n <= MAX_LIMIT) return { value: Math.floor(n) };
  const limit = typeof n === 'number' && n > MAX_LIMIT ? MAX_LIMIT : DEFAULT_LIMIT;
  return {
    value: limit,
    problem: `limit ${shown(value)} is not a whole number from 1 to ${MAX_LIMIT}; showing up to ${limit}.`,
  };
}

/**
 * `lang`: a language tag `Intl` accepts (`en_US` reads as `en-US`; a tag `Intl` rejects falls back
 * to its base language); anything else leaves the page's language in use.
 */
export function readLanguage(value: unknown): OptionRead<undefined> {
  if (value == null || value === '' || canonicalLanguage(value)) return { value: undefined };
  const base = validLanguage(value);
  return {
    value: undefined,
    problem: `lang ${shown(value)} is not a language tag; using ${base ? JSON.stringify(base) : "the page's"}.`,
  };
}

/** `source`: an object with a `search` function, else none. */
export function readSource<T>(value: unknown): OptionRead<T | undefined> {
  const usable = typeof value === 'object' && typeof read(value, 'search') === 'function';
  return {
    value: usable ? (value as T) : undefined,
    problem: value == null || usable ? undefined : `source ${shown(value)} has no search method; ignored.`,
  };
}

/** `source-share`: names of answer fields; other names are dropped. */
export function readShare(value: unknown): OptionRead<(keyof MatchAnswers)[]> {
  const names: unknown[] =
    (typeof value === 'string' ? value.split(',') : safely(() => (Array.isArray(value) ? [...value] : undefined))) ??
    (value == null ? [] : [value]);
  const known = ANSWER_FIELDS as readonly unknown[];
  const trimmed = names.map((n) => (typeof n === 'string' ? n.trim() : n)).filter((n) => n !== '');
  const unknown = trimmed.filter((n) => !known.includes(n));
  return {
    value: [...new Set(trimmed.filter((n) => known.includes(n)))] as (keyof MatchAnswers)[],
    problem: unknown.length ? `source-share ${unknown.map(shown).join(', ')} ignored: not answer fields.` : undefined,
  };
}
