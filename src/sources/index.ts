// Data sources: the contract and the built-in adapters.
export * from './types.js';
export * from './controller.js';
export * from './json.js';
