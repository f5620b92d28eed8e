// Physician-first concerns: the concerns (erections, ejaculation, pain, orgasm) whose vocabulary
// entry suggests seeing a physician too. Small and loaded with the quiz, which shows the note as
// concerns are picked; the ranking (compile.ts) reads the same flags for its medical-collaboration
// plus, so neither needs the other's code.
import type { MatchAnswers } from './answers.js';
import { readAnswers } from './read-answers.js';
import { defaultVocabulary, type ConcernDefinition, type Vocabulary } from './vocabulary.js';

/** The non-empty strings of a list; anything but an array gives none. */
export function strings(value: unknown): string[] {
  const out: string[] = [];
  if (!Array.isArray(value)) return out;
  for (let k = 0; k < value.length; k++) {
    const v: unknown = value[k];
    if (typeof v === 'string' && v.length > 0) out.push(v);
  }
  return out;
}

/** The concern ids of the answers, the primary one first, each once. */
function concernIds(answers: Partial<MatchAnswers>): string[] {
  const ids = typeof answers?.concerns?.primary === 'string' ? [answers.concerns.primary] : [];
  const others = strings(answers?.concerns?.others);
  for (let k = 0; k < others.length; k++) if (!ids.includes(others[k])) ids.push(others[k]);
  return ids;
}

/** Concern ids in the answers whose vocabulary entry says: see a physician first. Never throws. */
export function physicianFirstConcerns(
  answers: MatchAnswers,
  vocabulary: Pick<Vocabulary, 'concerns'> = defaultVocabulary,
): string[] {
  return flaggedConcerns(readAnswers(answers).answers, vocabulary);
}

/** `physicianFirstConcerns` of answers already read; a vocabulary that cannot be read flags nothing. */
export function flaggedConcerns(answers: Partial<MatchAnswers>, vocabulary: unknown): string[] {
  const flagged = new Set<string>();
  try {
    const concerns = (vocabulary as Partial<Vocabulary> | undefined)?.concerns;
    if (Array.isArray(concerns))
      for (const c of concerns as unknown[]) {
        const concern = c as Partial<ConcernDefinition> | undefined;
        if (concern?.physicianFirst && typeof concern.id === 'string') flagged.add(concern.id);
      }
  } catch {
    // A vocabulary that cannot be read flags nothing.
  }
  return concernIds(answers).filter((id) => flagged.has(id));
}

/**
 * Whether `flaggedConcerns` names any concern (what the ranking asks), without building its list:
 * the vocabulary is read until a flagged concern of the answers is found.
 */
export function anyFlaggedConcern(answers: Partial<MatchAnswers>, vocabulary: unknown): boolean {
  const ids = concernIds(answers);
  if (!ids.length) return false;
  try {
    const concerns = (vocabulary as Partial<Vocabulary> | undefined)?.concerns;
    if (Array.isArray(concerns))
      for (const c of concerns as unknown[]) {
        const concern = c as Partial<ConcernDefinition> | undefined;
        if (!concern?.physicianFirst) continue;
        const id = concern.id;
        if (typeof id === 'string' && ids.includes(id)) return true;
      }
  } catch {
    // A vocabulary that cannot be read flags nothing (besides what was found before it threw).
  }
  return false;
}

/**
 * True when a concern in the answers is a physical-function one (erections, ejaculation, pain,
 * orgasm): the UI then suggests seeing a physician to rule out physical causes alongside therapy.
 */
export function needsPhysicianFirst(
  answers: MatchAnswers,
  vocabulary: Pick<Vocabulary, 'concerns'> = defaultVocabulary,
): boolean {
  return physicianFirstConcerns(answers, vocabulary).length > 0;
}
