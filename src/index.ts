// Public API: element classes, types, sources and the engine. Registers nothing.
// Only `export *` and type exports here, so bundlers load zod only when a record needs
// explaining: see elements.ts.
export * from './elements.js';
export * from './engine/index.js';
export * from './sources/index.js';
// Also bring the typed tm-* events (GlobalEventHandlersEventMap) and the tags
// (HTMLElementTagNameMap) into a consumer's program.
export type { TmEvent, TmEventDetails, TmEventName } from './events.js';
export type { TmElementTagNameMap, TmTagName } from './tags.js';
export type { Message, MessageKey, TmStrings } from './i18n/index.js';
