// Answer helpers only the later quiz steps use (they load with those steps).
import type { MatchAnswers } from '../engine/answers.js';
import { applyChange } from './quiz-flow.js';

/**
 * Stores the ticked concerns. The primary one stays if still ticked, else the first ticked becomes
 * primary. No concerns ("not sure yet") removes the answer.
 */
export function withConcerns(answers: MatchAnswers, ids: readonly string[], primary?: string): MatchAnswers {
  const unique = [...new Set(ids)];
  if (!unique.length) return applyChange(answers, { concerns: undefined });
  const keep = primary && unique.includes(primary) ? primary : (answers.concerns?.primary ?? '');
  const first = unique.includes(keep) ? keep : unique[0];
  return applyChange(answers, { concerns: { primary: first, others: unique.filter((c) => c !== first) } });
}

/** True when in-person sessions are still possible, so distance and postal code matter. */
export function wantsInPerson(answers: MatchAnswers): boolean {
  const formats = answers.formats;
  return !formats || formats.importance !== 'required' || formats.value.includes('in-person');
}
