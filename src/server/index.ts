// `therapist-match/server`: the directory API for Node ≥ 20 (docs/server.md). Not part of the
// widget or its CDN bundle.
export { createHandler, answersOf, type DirectoryHandler, type HandlerOptions } from './handler.js';
export {
  DEFAULT_LIMITS,
  MAX_BODY_BYTES,
  MAX_ID_LENGTH,
  MAX_RADIUS_KM,
  MAX_URL_LENGTH,
  RequestError,
  readSearchBody,
  readSearchParams,
  type ProtocolLimits,
  type SearchRequest,
} from './protocol.js';
export type { Candidates, DirectoryStore } from './store.js';
export { memoryStore, type LoadedDirectory } from './memory-store.js';
export { readDirectoryFile } from './read-file.js';
export { fits, telehealthJurisdictions, coveringJurisdictions } from './fits.js';
export {
  postgresStore,
  migrate,
  transaction,
  upsertTherapists,
  type PoolLike,
  type PostgresStoreOptions,
  type Queryable,
} from './postgres-store.js';
export { MIGRATIONS, type Migration } from './migrations.js';
export { formatProblem, importDirectory, type ImportOptions, type ImportReport } from './import.js';
