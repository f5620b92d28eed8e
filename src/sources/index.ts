// Data sources: the contract, the built-in adapters and the query builder.
export {
  SourceError,
  type HttpSourceOptions,
  type SearchOptions,
  type SourceErrorKind,
  type SourceErrorOptions,
  type SourceQuery,
  type SourceResult,
  type TherapistSource,
} from './types.js';
export { queryFromAnswers, queryKey, type QueryOptions } from './query.js';
export { arraySource } from './array.js';
export { jsonSource, type JsonSourceOptions } from './json.js';
export {
  csvSource,
  csvToRecords,
  parseCsv,
  readCsv,
  type CsvOptions,
  type CsvReading,
  type CsvSourceOptions,
} from './csv.js';
export { restSource, queryParameters, type RestRequest, type RestSourceOptions } from './rest.js';
export {
  BEHAVIOURAL_HEALTH_TAXONOMY,
  fhirSource,
  NUCC_SYSTEM,
  type FhirRecordMapper,
  type FhirResource,
  type FhirRoleContext,
  type FhirSearchParameter,
  type FhirSearchResult,
  type FhirSourceOptions,
  type NuccTaxonomyEntry,
} from './fhir/index.js';
export { sourceFromSrc, type SourceFormat, type SourceFromSrcOptions } from './from-src.js';
export { DEFAULT_TIMEOUT_MS, TIMEOUT_RANGE_MS, decodeText } from './http.js';
export {
  checkDirectoryFile,
  countRecords,
  directoryFileFormat,
  DirectoryFileError,
  type DirectoryFileCheck,
  type DirectoryFileErrorKind,
  type DirectoryFileFormat,
  type DirectoryFileOptions,
} from './directory-file.js';
