// Mistakes tsc must report to a consumer of the packed package: each `@ts-expect-error` below
// fails the type check if the line is not an error.
import type { QuizStep, TmStrings } from 'therapist-match';

// @ts-expect-error a mistyped message key
export const typo: TmStrings = { 'quiz.nxt': 'Continue' };

// @ts-expect-error not a quiz step
export const step: QuizStep = 'intro';

const root = document.createElement('therapist-match');
// @ts-expect-error `steps` takes quiz steps
root.steps = ['intro'];
root.addEventListener('tm-select', (e) => {
  // @ts-expect-error tm-select's detail has an id, no name
  void e.detail.name;
});
root.addEventListener('tm-contact', (e) => {
  // @ts-expect-error a channel is one of four words
  if (e.detail.channel === 'fax') return;
});
