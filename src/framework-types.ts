// What the framework declarations (react.ts, vue.ts) say about each tag: the properties a template
// may set and the events it may listen to. Types only.
import type { LitElement } from 'lit';
import type { TmDirectoryCheckEventDetails } from './components/directory-check/directory-check.js';
import type { TmEventDetails } from './events.js';
import type { TmElementTagNameMap, TmTagName } from './tags.js';

type CardEvents = Pick<TmEventDetails, 'tm-select' | 'tm-contact'>;

/**
 * The public events each element fires, by tag: event name → `detail` type. (`<tm-quiz>` and
 * `<tm-results>` also send the root internal `tmi-*` events, which are not part of the API.)
 */
export interface TmElementEventDetails {
  'therapist-match': TmEventDetails;
  'tm-quiz': Pick<TmEventDetails, 'tm-error'>;
  'tm-results': CardEvents;
  'tm-match-card': CardEvents;
  'tm-directory-check': TmDirectoryCheckEventDetails;
}

/**
 * The element's own public fields (`src`, `source`, `strings`, ...), all optional: what Lit
 * declares on top of `LitElement`, without methods. React 19 and Vue set these as properties.
 */
export type ElementProperties<E> = {
  [K in keyof E as K extends keyof LitElement ? never : E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/** `ontm-select` and the like: React 19 adds a listener for the event named after `on`. */
export type ReactEventProps<Events> = {
  [K in keyof Events & string as `on${K}`]?: (event: CustomEvent<Events[K]>) => void;
};

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** `onTmSelect` and the like: how Vue types `@tm-select` on a component. */
export type VueEventProps<Events> = {
  [K in keyof Events & string as `on${Capitalize<CamelCase<K>>}`]?: (event: CustomEvent<Events[K]>) => void;
};

/** Settable properties of the element named `Tag`. */
export type TmElementProperties<Tag extends TmTagName> = ElementProperties<TmElementTagNameMap[Tag]>;
