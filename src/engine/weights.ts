// Default weights of the matching criteria: how much each one counts in a match's score.
import type { CriterionKey } from './types.js';

/** A weight per criterion; 0 leaves a criterion out of the score (it can still be required). */
export type MatchWeights = Record<CriterionKey, number>;

/**
 * Defaults, from the research summarised in the project's domain notes:
 * - fit to the **primary concern** counts most (matching on a therapist's demonstrated strength in
 *   the person's main problem improved outcomes in a randomised trial);
 * - the person's own identity and comfort preferences (language, gender, communities, and the
 *   therapist's faith, cultural background and identity communities) come next: getting what one
 *   prefers cuts drop-out (odds ratio about 1.8 across 53 studies);
 * - how therapy is done (`therapyStyle`, the four C-NIP dimensions) counts like format: preferences
 *   about the way of working cut drop-out too, but a listing's own description of its style is
 *   softer evidence than a stated fact, and it never excludes;
 * - practical fit (cost, insurance, format, distance, availability) follows;
 * - small extras (free first consultation, collaboration with medical specialists for function
 *   concerns) only separate otherwise close matches;
 * - a listing verified recently (`listingAge`) counts like other practical facts: an old listing
 *   may name fees, formats or availability that changed.
 * Requirements (clientType and ageGroup always, any other criterion marked `required`) are met by
 * every match, so their weight lifts all matches alike and does not change the order.
 */
export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  primaryConcern: 6,
  otherConcerns: 2,
  languages: 3,
  therapistGender: 2,
  communities: 2,
  therapistFaith: 2,
  therapistCulture: 2,
  therapistIdentity: 2,
  modalities: 1,
  therapyStyle: 1.5,
  formats: 1.5,
  distance: 1.5,
  budget: 2,
  insurance: 2,
  slidingScale: 1,
  acceptingNewClients: 2,
  freeConsultation: 0.5,
  medicalCollaboration: 0.75,
  listingAge: 1,
  clientType: 1,
  ageGroup: 1,
  // Licensing is a legal limit, never a matter of degree: it only excludes.
  telehealthJurisdiction: 0,
});

/**
 * Defaults overridden by `overrides`; negative or non-finite values, and values that cannot be
 * read (a getter that throws), are ignored. Never throws.
 */
export function resolveWeights(overrides?: Partial<MatchWeights>): MatchWeights {
  const weights = { ...DEFAULT_WEIGHTS };
  if (overrides && typeof overrides === 'object') {
    for (const key of Object.keys(weights) as CriterionKey[]) {
      let value: unknown;
      try {
        value = overrides[key];
      } catch {
        continue;
      }
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) weights[key] = value;
    }
  }
  return weights;
}
