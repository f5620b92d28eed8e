// DirectoryController in a tiny host element: bad records reported but good ones kept, stale
// answers never winning, aborts, the session cache, and errors as state plus `tm-error`.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { rankTherapists } from '../../src/engine/rank.js';
import type { TmEventDetails } from '../../src/events.js';
import { DirectoryController } from '../../src/internal/directory-controller.js';
import {
  SourceError,
  jsonSource,
  restSource,
  type SourceQuery,
  type TherapistSource,
} from '../../src/sources/index.js';
import { failOnUnhandledRejections, serverCount, uniqueKey } from '../sources/helpers.js';

class DirectoryHost extends LitElement {
  readonly directory = new DirectoryController(this);
  override render() {
    return html`<p>${this.directory.state.status}</p>`;
  }
}
customElements.define('tm-test-directory-host', DirectoryHost);

const host = () => fixture<DirectoryHost>(html`<tm-test-directory-host></tm-test-directory-host>`);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const readyIds = (el: DirectoryHost) => {
  const { state } = el.directory;
  return state.status === 'ready' ? state.therapists.map((t) => t.id) : state.status;
};

/** Collects the `tm-*` events a host dispatches. */
function recordEvents(el: HTMLElement) {
  const events: { type: string; detail: unknown }[] = [];
  for (const type of ['tm-data-problem', 'tm-error'])
    el.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
  return events;
}

/** Captures console.warn while `run` runs. */
async function captureWarnings(run: () => Promise<unknown>): Promise<string[]> {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

/** A hand-driven source: each search waits until the test settles it, and ignores its signal. */
function manualSource() {
  const calls: { query: SourceQuery; signal: AbortSignal; resolve: (records: unknown[]) => void }[] = [];
  const source: TherapistSource = {
    label: 'manual',
    search: (query, { signal }) => new Promise((resolve) => calls.push({ query, signal, resolve })),
  };
  return { source, calls };
}

const record = (id: string) => ({
  id,
  name: `Therapist ${id}`,
  licenses: [{ type: 'LPC', jurisdiction: 'US-TX' }],
  formats: ['telehealth'],
});

describe('DirectoryController', () => {
  failOnUnhandledRejections();

  it('keeps the good records of a file with bad ones, and reports each problem by id, field and severity', async () => {
    const el = await host();
    const events = recordEvents(el);
    const bubbled = oneEvent(document.body, 'tm-data-problem');
    const warnings = await captureWarnings(() => el.directory.load(jsonSource('/test-api/mixed'), {}));

    // A bad location loses only the coordinates it could not read: the listing stays.
    expect(readyIds(el)).to.deep.equal(['good-1', 'good-2', 'bad-location', 'good-3']);
    const ranked = rankTherapists(el.directory.state.status === 'ready' ? el.directory.state.therapists : [], {
      seeking: 'couple',
      concerns: { primary: 'desire-discrepancy' },
    });
    expect(ranked.matches.map((m) => m.therapist.id)).to.include.members(['good-1', 'good-2', 'good-3']);

    const { problems } = (await bubbled).detail as TmEventDetails['tm-data-problem'];
    const summary = problems.map((p) => `${p.severity} ${p.index} ${p.id ?? '-'} ${p.path}`);
    expect(summary).to.include.members([
      'warning 1 bad-jurisdiction licenses.0.jurisdiction',
      'error 1 bad-jurisdiction licenses',
      'error 3 no-licence licenses',
      'warning 4 bad-location location.lat',
      'error 5 - id',
    ]);
    expect(problems.find((p) => p.id === 'bad-jurisdiction')!.message).to.match(/ISO 3166-2 code such as US-CA/);
    expect(problems.find((p) => p.id === 'no-licence')!.fix).to.match(/docs\/records\.md/);
    expect(events.filter((e) => e.type === 'tm-data-problem')).to.have.length(1);
    expect(events.filter((e) => e.type === 'tm-error')).to.have.length(0);

    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/mixed: 3 of 7 records skipped/);
    expect(warnings[0]).to.match(
      /record 1 \(id "bad-jurisdiction"\) skipped: licenses\.0\.jurisdiction must be an ISO 3166-2/,
    );
    expect(warnings[0]).to.match(/record 4 \(id "bad-location"\) kept: location\.lat /);
    expect(warnings[0]).to.match(/record 5 \(no id\) skipped: id /);
  });

  it('never lets an older, slower answer overwrite a newer one, and aborts the stale request', async () => {
    const el = await host();
    const { source, calls } = manualSource();
    const first = el.directory.load(source, { jurisdiction: 'US-CA' });
    const second = el.directory.load(source, { jurisdiction: 'US-OR' });
    expect(calls.map((c) => c.signal.aborted)).to.deep.equal([true, false]);

    calls[1].resolve([record('newer')]);
    await second;
    expect(readyIds(el)).to.deep.equal(['newer']);
    calls[0].resolve([record('older')]);
    await first;
    await delay(20);
    expect(readyIds(el)).to.deep.equal(['newer']);
  });

  it('with real HTTP: a slow answer to an old query is cancelled when a newer query arrives', async () => {
    const el = await host();
    const events = recordEvents(el);
    const source = restSource({
      url: '/test-api/search',
      mapRequest: (query, request) => {
        request.url.searchParams.set('delay', query.jurisdiction === 'US-CA' ? '600' : '0');
      },
    });
    const slow = el.directory.load(source, { jurisdiction: 'US-CA' });
    await delay(50);
    await el.directory.load(source, { jurisdiction: 'US-OR' });
    expect(readyIds(el)).to.deep.equal(['search-US-OR-1', 'search-US-OR-2']);
    await slow;
    await delay(700);
    expect(readyIds(el)).to.deep.equal(['search-US-OR-1', 'search-US-OR-2']);
    expect(el.directory.state).to.include({ total: 57 });
    expect(events).to.deep.equal([]);
  });

  it('aborts the request when the element is removed, and finishes it when put back', async () => {
    const el = await host();
    const { source, calls } = manualSource();
    void el.directory.load(source, {});
    const parent = el.parentElement!;
    el.remove();
    expect(calls[0].signal.aborted).to.equal(true);
    calls[0].resolve([record('too-late')]);
    await delay(10);
    expect(el.directory.state.status).to.equal('loading');

    parent.append(el);
    expect(calls).to.have.length(2);
    calls[1].resolve([record('after-reconnect')]);
    await delay(10);
    expect(readyIds(el)).to.deep.equal(['after-reconnect']);
  });

  it('fetches the same query from the same source once a session, across elements', async () => {
    const key = uniqueKey();
    const source = restSource({ url: `/test-api/counter/${key}` });
    const el = await host();
    await el.directory.load(source, { jurisdiction: 'US-CA', clientType: 'couple' });
    await el.directory.load(source, { jurisdiction: 'US-OR' });
    expect(readyIds(el)).to.deep.equal(['counted-US-OR-1', 'counted-US-OR-2']);
    // Same query, keys in another order: served from the cache.
    await el.directory.load(source, { clientType: 'couple', jurisdiction: 'US-CA' });
    expect(readyIds(el)).to.deep.equal(['counted-US-CA-1', 'counted-US-CA-2']);
    const other = await host();
    await other.directory.load(source, { jurisdiction: 'US-OR' });
    expect(readyIds(other)).to.deep.equal(['counted-US-OR-1', 'counted-US-OR-2']);
    expect(await serverCount(key)).to.equal(2);
  });

  it('fetches again every time from a volatile source', async () => {
    const key = uniqueKey();
    const source = restSource({ url: `/test-api/counter/${key}`, volatile: true });
    const el = await host();
    await el.directory.load(source, { jurisdiction: 'US-CA' });
    await el.directory.load(source, { jurisdiction: 'US-OR' });
    await el.directory.load(source, { jurisdiction: 'US-CA' });
    expect(await serverCount(key)).to.equal(3);
  });

  it('turns a failure into the error state and a tm-error event, and Retry fetches again', async () => {
    const el = await host();
    const events = recordEvents(el);
    await el.directory.load(jsonSource('/test-api/status/404'), {});
    const { state } = el.directory;
    expect(state.status).to.equal('error');
    const error = (state as { error: SourceError }).error;
    expect(error).to.be.instanceOf(SourceError);
    expect(error.message).to.equal('404 answered HTTP 404 Not Found: check the src URL');
    expect(events).to.deep.equal([
      {
        type: 'tm-error',
        detail: {
          kind: 'http',
          message: error.message,
          status: 404,
          source: '404',
          url: new URL('/test-api/status/404', location.href).href,
          body: 'status 404',
        },
      },
    ]);
    expect(el.shadowRoot!.textContent).to.contain('error');

    const retried = el.directory.retry();
    expect(el.directory.state.status).to.equal('loading');
    await retried;
    expect(events).to.have.length(2);
  });

  it('turns a custom source that throws or answers junk into a SourceError, never a rejection', async () => {
    const el = await host();
    const events = recordEvents(el);
    const throwing: TherapistSource = {
      label: 'my-api',
      search() {
        throw new TypeError('boom');
      },
    };
    await el.directory.load(throwing, {});
    expect(el.directory.state).to.deep.include({ status: 'error' });
    // A TypeError from the site's own code is a bug in its source, not a network failure.
    expect((el.directory.state as { error: SourceError }).error).to.include({ kind: 'adapter' });
    expect((el.directory.state as { error: SourceError }).error.message).to.match(
      /^my-api\.search\(\) threw TypeError: boom: a bug in the source, which must reject with a SourceError/,
    );

    await el.directory.load(
      { label: 'my-api', search: (async () => ({ listings: [] })) as unknown as TherapistSource['search'] },
      {},
    );
    expect((el.directory.state as { error: SourceError }).error).to.include({ kind: 'shape' });
    expect((el.directory.state as { error: SourceError }).error.message).to.match(
      /my-api\.search\(\) resolved to an object with keys listings: it must resolve to an array of records or \{ records: \[\.\.\.\] \}/,
    );

    await el.directory.load({ search: async () => ({ records: { wrong: true } }) }, {});
    expect((el.directory.state as { error: SourceError }).error.message).to.match(
      /the data source gave no therapist records: expected an array of therapist records/,
    );
    expect(events.map((e) => e.type)).to.deep.equal(['tm-error', 'tm-error', 'tm-error']);

    await el.directory.load({ search: async () => [record('plain-array')] }, {});
    expect(readyIds(el)).to.deep.equal(['plain-array']);
  });
});

describe('DirectoryController validation reuse', () => {
  it('validates a file once: another query gets the same therapists (and so the same engine index)', async () => {
    const el = await host();
    const source = jsonSource(`/demo/data/therapists.json?reuse=${uniqueKey()}`);
    await el.directory.load(source, { clientType: 'individual' });
    const first = el.directory.state;
    await el.directory.load(source, { clientType: 'couple', formats: ['telehealth'] });
    const second = el.directory.state;
    expect(first.status).to.equal('ready');
    expect(second.status).to.equal('ready');
    if (first.status !== 'ready' || second.status !== 'ready') return;
    expect(first.therapists.length).to.equal(300);
    expect(second.therapists).to.equal(first.therapists);
  });
});
