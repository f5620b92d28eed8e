// The results view's elements, a chunk of its own in the drop-in build (see cdn.ts).
export { TmResults } from './components/results/results.js';
export { TmMatchCard } from './components/match-card/match-card.js';
