// The package's tags in HTMLElementTagNameMap, so `querySelector('therapist-match')` and
// `createElement('tm-quiz')` are typed. Types only: registering is define.js's and check.js's job.
import type { TherapistMatch } from './components/therapist-match/therapist-match.js';
import type { TmQuiz } from './components/quiz/quiz.js';
import type { TmResults } from './components/results/results.js';
import type { TmMatchCard } from './components/match-card/match-card.js';
import type { TmDirectoryCheck } from './components/directory-check/directory-check.js';

/** Every element of the package by tag (`therapist-match/define.js` registers all but the checker). */
export interface TmElementTagNameMap {
  'therapist-match': TherapistMatch;
  'tm-quiz': TmQuiz;
  'tm-results': TmResults;
  'tm-match-card': TmMatchCard;
  /** Registered by `therapist-match/check.js`. */
  'tm-directory-check': TmDirectoryCheck;
}

export type TmTagName = keyof TmElementTagNameMap;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a declaration merge, not a new type
  interface HTMLElementTagNameMap extends TmElementTagNameMap {}
}
