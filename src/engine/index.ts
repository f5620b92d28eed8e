// The matching engine's public surface (`therapist-match/engine`): pure TypeScript, no DOM, no
// Lit; runs unchanged in Node and browsers. Every public name is listed, here or in
// named-exports.ts; docs/api.json holds the list that test/node/public-api.test.js checks.
// zod (schema.js) loads only when a record needs explaining: see named-exports.ts.
export * from './named-exports.js';
export type {
  AgeGroup,
  Certification,
  ClientType,
  Fees,
  License,
  SessionFormat,
  Therapist,
  TherapistInput,
  TherapistLocation,
  TherapyStyle,
} from './schema.js';
export {
  CertificationSchema,
  FeesSchema,
  LicenseSchema,
  LocationSchema,
  TherapistSchema,
  TherapyStyleSchema,
  parseTherapists,
} from './schema.js';
export {
  AGE_GROUPS,
  CLIENT_TYPES,
  FORMATS,
  GENDERS,
  validateTherapists,
  type DataProblem,
  type ParseOptions,
  type ParseResult,
  type ProblemSeverity,
} from './records.js';
export type {
  Importance,
  LocationAnswer,
  MatchAnswers,
  PersonalPreferences,
  Preference,
  TherapyStylePreference,
} from './answers.js';
export type {
  CriterionKey,
  Exclusion,
  Match,
  MatchReason,
  PreferenceConflict,
  RankResult,
  ReasonStatus,
  Relaxation,
} from './types.js';
import { defaultVocabulary } from './vocabulary.js';
import { addSpanishLabels } from './vocabulary.es.js';

// Whoever imports the engine (or the package root) reads the default vocabulary whole, Spanish
// included; the drop-in adds the Spanish labels only when it needs them.
addSpanishLabels(defaultVocabulary);

export { createVocabulary, type VocabularyCustomisation } from './create-vocabulary.js';
export {
  defaultVocabulary,
  labelOf,
  type ConcernDefinition,
  type ConcernGroup,
  type Labels,
  type TermDefinition,
  type Vocabulary,
  type VocabularyList,
} from './vocabulary.js';
export { rankTherapists, type RankOptions } from './rank.js';
export { applyRelaxation } from './relax.js';
