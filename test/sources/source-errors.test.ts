// Errors say what happened, to the right person, over real HTTP: each kind of failure is classified
// (a bug in the site's adapter code is not "Could not reach"); visitors see one plain sentence for
// it and Retry; developers get the status, the URL and the start of the server's answer in
// `tm-error` and the console, never on the page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TmEventDetails } from '../../src/events.js';
import type { TherapistMatch } from '../../src/index.js';
import { jsonSource, restSource, SourceError, type TherapistSource } from '../../src/sources/index.js';
import { captureConsole, expectSourceError, failOnUnhandledRejections, signal } from './helpers.js';

const search = (source: TherapistSource) => source.search({}, { signal: signal() });
const here = (path: string) => new URL(path, location.href).href;

/** The sign-in page the test server answers at /test-api/login: a visitor must never see it. */
const LOGIN_START = '<!doctype html><html><head><title>Sign in to Example Intranet</title></head><body><form';

type ResultsElement = HTMLElement & { state?: string };

/** Everything a visitor can read in the widget, shadow roots included. */
function visibleText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A widget on `source` (or `src`) taken to its results, which fail: what the visitor reads in the
 * error state, the `tm-error` details and what the console said.
 */
async function failingWidget(setup: { src?: string; source?: TherapistSource }) {
  const events: TmEventDetails['tm-error'][] = [];
  let results!: ResultsElement;
  let el!: TherapistMatch;
  const { calls } = await captureConsole('error', async () => {
    el = await fixture<TherapistMatch>(
      html`<therapist-match
        steps="who"
        .source=${setup.source}
        src=${setup.src ?? ''}
        @tm-error=${(event: CustomEvent<TmEventDetails['tm-error']>) => events.push(event.detail)}
      ></therapist-match>`,
    );
    const quiz = el.shadowRoot!.querySelector('tm-quiz')!;
    await (quiz as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    quiz.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('tm-results'), 'results not shown', { timeout: 5000 });
    results = el.shadowRoot!.querySelector('tm-results') as ResultsElement;
    await waitUntil(() => results.state === 'error' && events.length, 'no error state', { timeout: 8000 });
  });
  const alert = results.shadowRoot!.querySelector('[role="alert"]')!;
  return { said: visibleText(alert), page: visibleText(el), detail: events[0], console: calls };
}

describe('source errors: what kind', () => {
  failOnUnhandledRejections();

  it('a mapResponse that throws a TypeError is a bug in the adapter, not a network failure', async () => {
    const source = restSource({
      url: '/test-api/therapists',
      label: 'Directory API',
      mapResponse: (json) => (json as { items: { list: unknown[] } }).items.list,
    });
    const error = await expectSourceError(
      search(source),
      'adapter',
      /^Directory API: mapResponse threw TypeError: .+: this is a bug in the site's source configuration, not a network or server problem$/,
    );
    expect(error.cause).to.be.instanceOf(TypeError);
    expect(error.url).to.equal(here('/test-api/therapists'));
  });

  it('so is a mapRequest or an itemUrl that throws', async () => {
    const source = restSource({
      url: '/test-api/therapists',
      label: 'Directory API',
      mapRequest: () => {
        throw new RangeError('no such region');
      },
      itemUrl: (id) => {
        throw new Error(`no URL for ${id}`);
      },
    });
    await expectSourceError(search(source), 'adapter', /^Directory API: mapRequest threw RangeError: no such region: /);
    await expectSourceError(
      source.get!('t-1', { signal: signal() }),
      'adapter',
      /^Directory API: itemUrl threw Error: no URL for t-1: /,
    );
  });

  it('a SourceError the adapter throws keeps its kind', async () => {
    const source = restSource({
      url: '/test-api/therapists',
      mapResponse: () => {
        throw new SourceError('shape', 'the API answered without items');
      },
    });
    await expectSourceError(search(source), 'shape', /^the API answered without items$/);
  });

  it('an HTTP error keeps the start of what the server answered, for developers', async () => {
    const error = await expectSourceError(
      search(jsonSource('/test-api/login')),
      'http',
      /^login answered HTTP 401 Unauthorized: check the headers or credentials the server needs$/,
    );
    expect(error.status).to.equal(401);
    expect(error.url).to.equal(here('/test-api/login'));
    expect(error.body).to.match(/^<!doctype html><html><head><title>Sign in to Example Intranet<\/title>/);
    expect(error.body!.length).to.be.at.most(301);
  });
});

describe('source errors: who is told what', () => {
  failOnUnhandledRejections();

  it('a sign-in page instead of the directory: the visitor reads a plain sentence, the developer gets its start', async () => {
    const { said, page, detail, console } = await failingWidget({ src: '/test-api/login/ok' });
    expect(said).to.equal(
      'We could not load the therapist directory. The directory sent something we could not read. Please try again later. Try again',
    );
    expect(page).not.to.match(/Sign in|doctype|csrf|tok-3f9a|valid JSON/i);
    expect(detail).to.deep.include({ kind: 'parse', source: 'ok', url: here('/test-api/login/ok') });
    expect(detail.message).to.match(/^ok did not answer with valid JSON \(text\/html, starting "<!doctype html>/);
    expect(detail.body!.startsWith(LOGIN_START)).to.equal(true);
    expect(console).to.have.length(1);
    expect(console[0][0]).to.equal(`therapist-match: ${detail.message}`);
    expect(console[0][1]).to.deep.equal(detail);
  });

  it('each kind of failure: its own sentence for the visitor, the details in tm-error', async () => {
    const cases: [{ src?: string; source?: TherapistSource }, Partial<TmEventDetails['tm-error']>, string][] = [
      [
        { src: '/test-api/drop' },
        { kind: 'network', url: here('/test-api/drop') },
        'Check your internet connection, then try again.',
      ],
      [
        { source: jsonSource('/test-api/slow?ms=4000', { timeoutMs: 1000 }) },
        { kind: 'timeout', url: here('/test-api/slow') },
        'The directory took too long to answer. Please try again.',
      ],
      [
        { src: '/test-api/login' },
        { kind: 'http', status: 401, url: here('/test-api/login') },
        'The directory is not available right now. Please try again in a few minutes.',
      ],
      [
        { src: '/test-api/wrong-shape' },
        { kind: 'shape', url: here('/test-api/wrong-shape') },
        'The directory sent something we could not read. Please try again later.',
      ],
      [
        {
          source: {
            label: 'my-api',
            search: async () => (undefined as unknown as { items: unknown[] }).items,
          },
        },
        { kind: 'adapter', source: 'my-api' },
        'This website could not read its directory. Please try again later.',
      ],
    ];
    for (const [setup, expected, sentence] of cases) {
      const { said, page, detail } = await failingWidget(setup);
      expect(said, expected.kind).to.equal(`We could not load the therapist directory. ${sentence} Try again`);
      expect(detail, expected.kind).to.deep.include(expected);
      // Nothing of the developer's message reaches the page.
      expect(page, expected.kind).not.to.contain(detail.message.slice(0, 30));
    }
  });
});
