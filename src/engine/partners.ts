// The partners seeking therapy together, whichever shape the answers give them in: one object
// (one partner, as before) or a list (one entry per partner).
import type { MatchAnswers, PersonalPreferences } from './answers.js';

/** Most partners whose preferences are read (besides the person answering); the rest are ignored. */
export const MAX_PARTNERS = 10;

/**
 * Each partner's preferences as a list, whether `answers.partnerPreferences` is one object or a
 * list: partner 1 first. An entry that is not an object reads as `{}` (a partner who stated
 * nothing), so positions never shift; at most `MAX_PARTNERS`. Never throws; does not check
 * `seeking`.
 */
export function partnersOf(answers: Pick<MatchAnswers, 'partnerPreferences'> | undefined): PersonalPreferences[] {
  try {
    const value: unknown = answers?.partnerPreferences;
    const list: unknown[] = Array.isArray(value) ? value.slice(0, MAX_PARTNERS) : value ? [value] : [];
    return list.map((p) => (p && typeof p === 'object' && !Array.isArray(p) ? (p as PersonalPreferences) : {}));
  } catch {
    return []; // a getter or a Proxy that throws
  }
}
