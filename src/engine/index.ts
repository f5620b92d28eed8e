// The matching engine: pure TypeScript, no DOM, no Lit. Runs unchanged in Node and browsers.
export * from './schema.js';
export * from './answers.js';
export * from './vocabulary.js';
export * from './rank.js';
