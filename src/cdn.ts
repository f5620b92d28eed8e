// Entry of the drop-in file (dist/cdn/therapist-match.js): registers the quiz at once and the
// results view as soon as its chunk arrives. The chunk starts loading immediately, in parallel
// with the directory data, so it is there long before anyone finishes the quiz; until then a
// <tm-results> waits as an unknown element with its properties kept, and upgrades in place.
import { TherapistMatch } from './components/therapist-match/therapist-match.js';
import { TmQuiz } from './components/quiz/quiz.js';
import { register } from './register.js';

register({ 'therapist-match': TherapistMatch, 'tm-quiz': TmQuiz });

import('./results-view.js').then(
  ({ TmResults, TmMatchCard }) => register({ 'tm-results': TmResults, 'tm-match-card': TmMatchCard }),
  (error: unknown) =>
    console.error(
      'therapist-match: the results view could not be loaded; serve the chunks/ folder next to therapist-match.js.',
      error,
    ),
);
