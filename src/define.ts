// Side-effect entry: registers every element. Safe to load twice, even two versions on one page.
import { TherapistMatch } from './components/therapist-match/therapist-match.js';
import { TmQuiz } from './components/quiz/quiz.js';
import { TmResults } from './components/results/results.js';
import { TmMatchCard } from './components/match-card/match-card.js';

const elements: [string, CustomElementConstructor][] = [
  ['therapist-match', TherapistMatch],
  ['tm-quiz', TmQuiz],
  ['tm-results', TmResults],
  ['tm-match-card', TmMatchCard],
];

for (const [tag, element] of elements) {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element)
    console.warn(`therapist-match: <${tag}> is already defined by another copy of the widget; keeping the first one.`);
}

declare global {
  interface HTMLElementTagNameMap {
    'therapist-match': TherapistMatch;
    'tm-quiz': TmQuiz;
    'tm-results': TmResults;
    'tm-match-card': TmMatchCard;
  }
}
