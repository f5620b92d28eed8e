// Side-effect entry of the directory checker (and of its drop-in file, dist/cdn/check.js):
// registers <tm-directory-check> and the <tm-match-card> its preview uses. Kept apart from the
// widget's entries, so the quiz drop-in never carries the checker.
import { TmDirectoryCheck } from './components/directory-check/directory-check.js';
import { TmMatchCard } from './components/match-card/match-card.js';
import { register } from './internal/register.js';

export { TmDirectoryCheck };
export type { TmDirectoryCheckEventDetails } from './components/directory-check/directory-check.js';
export type { TmElementTagNameMap } from './tags.js';

register({ 'tm-directory-check': TmDirectoryCheck, 'tm-match-card': TmMatchCard });
