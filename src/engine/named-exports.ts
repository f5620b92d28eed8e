// The engine's public names from zod-free modules that also hold internals, re-exported by
// index.ts with `export *`: esbuild's code splitting has treated a module with a used named
// re-export as used whole, loading every module it re-exports (evanw/esbuild#2922), and zod
// (schema.js) must load only when a record needs explaining. test/node/consumer.test.js checks
// that a consumer's bundle loads no zod up front.
export { DEFAULT_WEIGHTS, resolveWeights, type MatchWeights } from './weights.js';
export { distanceKm, EARTH_RADIUS_KM } from './geo.js';
export { indexTherapists, isTherapistIndex, type TherapistIndex } from './therapist-index.js';
export {
  RECORD_FIELDS,
  resolveFieldPath,
  findField,
  fieldKey,
  firstEntryField,
  isForbiddenKey,
  type FieldSpec,
  type FieldKind,
} from './fields.js';
export { normalizeRecord, isInvisible, type NormalizeOptions, type ReadProblem } from './normalize.js';
export { CLINICAL_LICENSE_TYPES, licenceKind, nonClinicalMention, type LicenceKind } from './clinical.js';
export { dateParts, periodStart, periodEnd, type DateParts, type DatePrecision } from './dates.js';
export { languageTag } from './languages.js';
export { regionCode, REGIONS, type Region } from './regions.js';
export { QUIZ_STEPS, type QuizStep } from './steps.js';
export { CRITERIA } from './criteria.js';
export { MAX_PARTNERS, partnersOf } from './partners.js';
export { needsPhysicianFirst, physicianFirstConcerns } from './physician.js';
