// Vue 3 types (types only; the module is empty at run time). Once in a project:
//   import type {} from 'therapist-match/vue';
// and vue-tsc checks `<therapist-match :source="source" @tm-results="(e) => e.detail.ids">`:
// properties and `@tm-*` listeners with typed `detail`. Tell Vue's compiler the tags are custom
// elements (`compilerOptions.isCustomElement: (tag) => tag === 'therapist-match' || tag.startsWith('tm-')`).
import type { DefineComponent } from 'vue';
import type { ElementProperties, TmElementEventDetails, VueEventProps } from './framework-types.js';
import type { TmElementTagNameMap, TmTagName } from './tags.js';

/** The props of `<Tag>` in a Vue template. */
export type TmVueProps<Tag extends TmTagName> = ElementProperties<TmElementTagNameMap[Tag]> &
  VueEventProps<TmElementEventDetails[Tag]>;

/** Every tag of the package as a global component type. */
export type TmGlobalComponents = { [Tag in TmTagName]: DefineComponent<TmVueProps<Tag>> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a declaration merge
  interface GlobalComponents extends TmGlobalComponents {}
}
