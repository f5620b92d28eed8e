// Entry of the drop-in file (dist/cdn/therapist-match.js): registers the quiz at once. The results
// view is a chunk that loads with the matching engine once a person starts answering (see
// internal/ranking.ts), so a visitor who only looks downloads neither; until it arrives a
// <tm-results> waits as an unknown element with its properties kept, and upgrades in place.
import { TherapistMatch } from './components/therapist-match/therapist-match.js';
import { TmQuiz } from './components/quiz/quiz.js';
import { setResultsViewLoader } from './internal/ranking.js';
import { register } from './internal/register.js';

register({ 'therapist-match': TherapistMatch, 'tm-quiz': TmQuiz });

setResultsViewLoader(() =>
  import('./results-view.js').then(({ TmResults, TmMatchCard }) =>
    register({ 'tm-results': TmResults, 'tm-match-card': TmMatchCard }),
  ),
);
