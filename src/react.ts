// JSX types for React 19 (types only; the module is empty at run time). Once in a project:
//   import type {} from 'therapist-match/react';
// and `<therapist-match src="..." ontm-results-shown={(e) => e.detail.ids} />` is checked in TSX:
// properties (React 19 sets a prop as a property when the element has it), `ontm-*` listeners with
// typed `detail`, and the usual HTML attributes.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ElementProperties, ReactEventProps, TmElementEventDetails } from './framework-types.js';
import type { TmElementTagNameMap, TmTagName } from './tags.js';

/** The props of `<Tag>` in TSX. */
export type TmReactProps<Tag extends TmTagName> = Omit<
  DetailedHTMLProps<HTMLAttributes<TmElementTagNameMap[Tag]>, TmElementTagNameMap[Tag]>,
  keyof ElementProperties<TmElementTagNameMap[Tag]>
> &
  ElementProperties<TmElementTagNameMap[Tag]> &
  ReactEventProps<TmElementEventDetails[Tag]>;

/** Every tag of the package as a JSX intrinsic element. */
export type TmIntrinsicElements = { [Tag in TmTagName]: TmReactProps<Tag> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX lives in this namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a declaration merge
    interface IntrinsicElements extends TmIntrinsicElements {}
  }
}
