// The element classes and their public types, by name. Kept out of index.ts, which has only
// `export *`: esbuild's code splitting treats a module with a used named re-export as used whole
// and loads every module it re-exports (evanw/esbuild#2922), and index.ts re-exports the engine,
// whose zod must load only when a record needs explaining.
export { TherapistMatch } from './components/therapist-match/therapist-match.js';
export { TmQuiz } from './components/quiz/quiz.js';
export { TmResults, type ResultsState } from './components/results/results.js';
export { TmMatchCard } from './components/match-card/match-card.js';
export {
  TmDirectoryCheck,
  type TmDirectoryCheckEventDetails,
  type ProblemFilter,
  type ProblemOrder,
} from './components/directory-check/directory-check.js';
