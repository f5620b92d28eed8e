// Side-effect entry: registers every element. Safe to load twice, even two versions on one page.
import { TherapistMatch } from './components/therapist-match/therapist-match.js';
import { TmQuiz } from './components/quiz/quiz.js';
// Every quiz step at once (the drop-in loads the steps after the first on demand).
import './components/quiz/later-steps.js';
// The readers of strings, vocabulary, preset and stored sessions at once too.
import './internal/object-options.js';
import { TmResults } from './components/results/results.js';
import { TmMatchCard } from './components/match-card/match-card.js';
import { register } from './internal/register.js';
// Typed tm-* events and tags for a page that imports only this file.
export type { TmEvent, TmEventDetails } from './events.js';
export type { TmElementTagNameMap } from './tags.js';

register({
  'therapist-match': TherapistMatch,
  'tm-quiz': TmQuiz,
  'tm-results': TmResults,
  'tm-match-card': TmMatchCard,
});
