// Applying a relaxation the ranking suggested: a patch of the answers. Small and eager, so the
// quiz or a page can apply one without loading the ranking.
import type { MatchAnswers } from './answers.js';
import { readAnswers } from './read-answers.js';
import type { Relaxation } from './types.js';

/**
 * The answers with a relaxation's `change` applied (what the quiz does when the person accepts):
 * `{ ...answers, ...change }`, both read as `rankTherapists` reads answers (a field of the wrong
 * shape is left out; who is seeking defaults to `individual`). Never throws.
 */
export function applyRelaxation(answers: MatchAnswers, relaxation: Pick<Relaxation, 'change'>): MatchAnswers {
  let change: unknown;
  try {
    change = relaxation?.change;
  } catch {
    change = undefined;
  }
  return { seeking: 'individual', ...readAnswers(answers).answers, ...readAnswers(change).answers };
}
