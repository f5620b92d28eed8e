// Vue 3 declarations from the packed package: `therapist-match/vue` adds the tags to Vue's
// GlobalComponents, so vue-tsc checks their props and `@tm-*` listeners.
import type {} from 'therapist-match/vue';
import type { GlobalComponents } from 'vue';

type RootProps = InstanceType<GlobalComponents['therapist-match']>['$props'];

export const props: RootProps = {
  src: '/data.json',
  steps: ['who', 'practical'],
  onTmStepChange: (e) => e.detail.step.toUpperCase(),
  onTmResultsShown: (e) => e.detail.ids.length,
  onTmDataProblem: (e) => e.detail.problems.map((p) => p.path),
};

// @ts-expect-error not a quiz step
export const wrongStep: RootProps = { steps: ['intro'] };

// @ts-expect-error tm-select's detail has an id, no name
export const wrongDetail: RootProps = { onTmSelect: (e) => e.detail.name };
