// The matching engine: pure TypeScript, no DOM, no Lit. Runs unchanged in Node and browsers.
export * from './schema.js';
export * from './answers.js';
export * from './vocabulary.js';
export * from './rank.js';
export { DEFAULT_WEIGHTS, resolveWeights, type MatchWeights } from './weights.js';
export { distanceKm, EARTH_RADIUS_KM } from './geo.js';
export { indexTherapists, isTherapistIndex, type TherapistIndex } from './therapist-index.js';
export * from './records.js';
export {
  RECORD_FIELDS,
  resolveFieldPath,
  findField,
  fieldKey,
  isForbiddenKey,
  type FieldSpec,
  type FieldKind,
} from './fields.js';
export { normalizeRecord, isInvisible, type NormalizeOptions, type ReadProblem } from './normalize.js';
export { CLINICAL_LICENSE_TYPES, licenceKind, nonClinicalMention, type LicenceKind } from './clinical.js';
export { dateParts, periodStart, periodEnd, type DateParts, type DatePrecision } from './dates.js';
export { languageTag } from './languages.js';
export { firstEntryField } from './fields.js';
export { regionCode, REGIONS, type Region } from './regions.js';
