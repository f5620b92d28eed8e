// Answers that come from outside the quiz, read field by field before the widget trusts them: a
// site's `preset` and the opt-in session snapshot. Loaded only by pages that use either (the
// drop-in fetches it as a chunk before the first render; see internal/site-readers.ts).
import type { MatchAnswers } from '../engine/answers.js';
import { readAnswers } from '../engine/read-answers.js';
import { isQuizStep, type QuizStep } from '../engine/steps.js';
import { startAnswers } from './quiz-flow.js';

/**
 * A site's preset read like stored answers, field by field (see `readAnswers`): `answers` holds the
 * fields of the right shape, `dropped` names the others. Never throws; `null` and `undefined` are
 * no preset, anything else that is not an object is dropped whole (`dropped` is `['']`).
 */
export function readPreset(preset: unknown): { answers: Partial<MatchAnswers>; dropped: string[] } {
  return readAnswers(preset);
}

/** The answers a quiz starts with: "just me", plus the fields of the site's preset that are valid. */
export function initialAnswers(preset: Partial<MatchAnswers> = {}): MatchAnswers {
  return startAnswers(readPreset(preset).answers);
}

// The opt-in session snapshot (`persist="session"`).

export interface QuizSnapshot {
  answers: MatchAnswers;
  step: QuizStep;
  view: 'quiz' | 'results';
}

const SNAPSHOT_VERSION = 1;
const SNAPSHOT_KEYS = ['v', 'answers', 'step', 'view'];

export function serializeSnapshot(snapshot: QuizSnapshot): string {
  return JSON.stringify({ v: SNAPSHOT_VERSION, ...snapshot });
}

/**
 * Reads a stored snapshot, field by field like the answers themselves. Nothing stored gives `{}`;
 * a snapshot with anything unexpected (another version, a field of the wrong shape, an unknown
 * key: tampering) gives `invalid` with the paths that were wrong, empty when the text is not a
 * snapshot at all. All or nothing: a snapshot is the widget's own writing, so a wrong field means
 * it cannot be trusted. Never throws.
 */
export function readSnapshot(text: string | null | undefined): { snapshot?: QuizSnapshot; invalid?: string[] } {
  if (!text || typeof text !== 'string') return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { invalid: [] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { invalid: [] };
  const stored = data as Partial<QuizSnapshot> & { v?: unknown };
  const invalid = Object.keys(stored).filter((key) => !SNAPSHOT_KEYS.includes(key));
  if (stored.v !== SNAPSHOT_VERSION) invalid.push('v');
  const { answers, dropped } = readAnswers(stored.answers);
  invalid.push(...dropped.map((path) => (path ? `answers.${path}` : 'answers')));
  if (!answers.seeking && !dropped.includes('seeking')) invalid.push('answers.seeking');
  if (!isQuizStep(stored.step)) invalid.push('step');
  if (stored.view !== 'quiz' && stored.view !== 'results') invalid.push('view');
  if (invalid.length) return { invalid };
  return { snapshot: { answers: answers as MatchAnswers, step: stored.step as QuizStep, view: stored.view! } };
}

/** Reads a stored snapshot; anything unexpected (another version, tampering) gives `undefined`. */
export function parseSnapshot(text: string | null | undefined): QuizSnapshot | undefined {
  return readSnapshot(text).snapshot;
}
