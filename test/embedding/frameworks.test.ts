// The widget mounted from React 19 and Vue 3: objects go in as properties (`source`), events come
// out to framework handlers, and no event detail carries quiz answers.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import type { TherapistSource } from '../../src/sources/types.js';
import { completeQuiz, quizReady, until } from './embedding-helpers.js';

/** A source object (not a URL): only a property can carry it. Counts the searches it answers. */
function sampleSource(): TherapistSource & { searches: number } {
  const source = {
    searches: 0,
    async search(_query: unknown, { signal }: { signal: AbortSignal }) {
      source.searches++;
      const response = await fetch('/demo/data/therapists.json', { signal });
      return { records: await response.json() };
    },
  };
  return source as unknown as TherapistSource & { searches: number };
}

type Seen = { type: string; detail: Record<string, unknown> };

function expectNoAnswers(events: Seen[]) {
  for (const event of events) expect(Object.keys(event.detail), event.type).not.to.include('answers');
}

async function runAndCheck(root: TherapistMatch, source: { searches: number }, events: Seen[]) {
  await quizReady(root);
  expect(root.source).to.equal(source);
  expect(source.searches).to.be.greaterThan(0);
  await completeQuiz(root);
  await until(() => events.some((e) => e.type === 'tm-results-shown'), 'the framework handler saw no tm-results-shown');
  const steps = events.filter((e) => e.type === 'tm-step-change');
  expect(steps.length).to.be.greaterThan(1);
  expect(steps[0].detail).to.include.keys('step', 'index', 'count');
  const results = events.find((e) => e.type === 'tm-results-shown')!.detail as { count: number; ids: string[] };
  expect(results.count).to.be.a('number');
  expect(results.ids).to.be.an('array');
  expect(results.ids.length).to.be.greaterThan(0);
  expect(results.ids.every((id) => typeof id === 'string')).to.equal(true);
  expectNoAnswers(events);
}

// React 19 is CommonJS only: the test server bundles both frameworks to ES modules (server.mjs).
type ReactModule = typeof import('react') & typeof import('react-dom') & typeof import('react-dom/client');
type VueModule = typeof import('vue');
const frameworkUrl = (name: string) => `/test-embedding/${name}.js`;

describe('mounting from frameworks', () => {
  let React: ReactModule;
  let Vue: VueModule;
  before(async () => {
    React = (await import(frameworkUrl('react'))) as ReactModule;
    Vue = (await import(frameworkUrl('vue'))) as VueModule;
  });

  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('React 19: source as a property, ontm-* props as event listeners', async () => {
    const source = sampleSource();
    const events: Seen[] = [];
    const record = (event: Event) => events.push({ type: event.type, detail: (event as CustomEvent).detail });
    const reactRoot = React.createRoot(host);
    React.flushSync(() =>
      reactRoot.render(
        React.createElement('therapist-match', {
          source,
          lang: 'en',
          'ontm-step-change': record,
          'ontm-results-shown': record,
        }),
      ),
    );
    const root = host.querySelector('therapist-match') as TherapistMatch;
    expect(root.hasAttribute('source')).to.equal(false); // a property, not "[object Object]"
    await runAndCheck(root, source, events);
    reactRoot.unmount();
    expect(host.querySelector('therapist-match')).to.equal(null);
  });

  it('Vue 3: source as a .prop binding, @tm-* listeners', async () => {
    const source = sampleSource();
    const events: Seen[] = [];
    const record = (event: Event) => events.push({ type: event.type, detail: (event as CustomEvent).detail });
    const app = Vue.createApp({
      render: () =>
        Vue.h('therapist-match', {
          '.source': source, // Vue's `:source.prop`
          lang: 'en',
          'onTm-step-change': record,
          'onTm-results-shown': record,
        }),
    });
    app.mount(host);
    const root = host.querySelector('therapist-match') as TherapistMatch;
    expect(root.hasAttribute('source')).to.equal(false);
    await runAndCheck(root, source, events);
    app.unmount();
    expect(host.querySelector('therapist-match')).to.equal(null);
  });
});
