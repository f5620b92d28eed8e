// The criteria the ranking scores, in the order reasons are listed; a criterion's position is its
// bit in failure masks.
import type { PersonalPreferences } from './answers.js';
import type { CriterionKey } from './types.js';

/** Every criterion in the order reasons are listed; a criterion's position is its bit in masks. */
export const CRITERIA: readonly CriterionKey[] = [
  'clientType',
  'ageGroup',
  'primaryConcern',
  'otherConcerns',
  'therapistGender',
  'languages',
  'communities',
  'therapistFaith',
  'therapistCulture',
  'therapistIdentity',
  'modalities',
  'therapyStyle',
  'formats',
  'distance',
  'telehealthJurisdiction',
  'budget',
  'insurance',
  'slidingScale',
  'acceptingNewClients',
  'freeConsultation',
  'medicalCollaboration',
  'listingAge',
];
/** Each criterion's bit in failure masks. */
export const BIT = Object.fromEntries(CRITERIA.map((c, k) => [c, 1 << k])) as Record<CriterionKey, number>;
/** The criteria each partner states for themselves. */
export const PERSONAL: readonly (keyof PersonalPreferences & CriterionKey)[] = [
  'therapistGender',
  'languages',
  'communities',
  'therapistFaith',
  'therapistCulture',
  'therapistIdentity',
  'modalities',
];
