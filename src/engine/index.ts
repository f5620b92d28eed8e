// The matching engine: pure TypeScript, no DOM, no Lit. Runs unchanged in Node and browsers.
// Only `export *` here, so bundlers load zod (schema.js) only when a record needs explaining:
// see named-exports.ts.
export * from './schema.js';
export * from './answers.js';
export * from './types.js';
export * from './vocabulary.js';
export * from './rank.js';
export * from './relax.js';
export * from './records.js';
export * from './named-exports.js';
