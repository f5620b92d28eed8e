// Public API: element classes, types, sources and the engine. Registers nothing.
export { TherapistMatch } from './components/therapist-match/therapist-match.js';
export { TmQuiz } from './components/quiz/quiz.js';
export { TmResults, type ResultsState, type TmResultsEventDetails } from './components/results/results.js';
export { TmMatchCard } from './components/match-card/match-card.js';
export {
  TmDirectoryCheck,
  type TmDirectoryCheckEventDetails,
  type ProblemFilter,
  type ProblemOrder,
} from './components/directory-check/directory-check.js';
export * from './engine/index.js';
export * from './sources/index.js';
// Also brings the typed tm-* events (GlobalEventHandlersEventMap) into a consumer's program.
export type { TmEvent, TmEventDetails, TmEventName } from './events.js';
