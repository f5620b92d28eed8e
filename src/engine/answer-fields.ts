// The names of the answer fields, without the code that reads answers (which loads only when a
// page gives answers from outside the quiz: a preset or a stored session).
import type { MatchAnswers } from './answers.js';

/** The names of the answer fields, in the order the quiz asks them. */
export const ANSWER_FIELDS = Object.freeze([
  'seeking',
  'ageGroup',
  'concerns',
  'preferences',
  'partnerPreferences',
  'therapyStyle',
  'formats',
  'location',
  'budget',
  'insurance',
  'slidingScale',
  'acceptingNewClients',
  'freeConsultation',
] as const) satisfies readonly (keyof MatchAnswers)[];

// Every field of MatchAnswers is listed: a new field that is not fails to compile here.
type Unlisted = Exclude<keyof MatchAnswers, (typeof ANSWER_FIELDS)[number]>;
const everyField: [Unlisted] extends [never] ? true : Unlisted = true;
void everyField;
