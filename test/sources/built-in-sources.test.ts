// Every built-in source against real HTTP from the test server: success, HTTP errors, bad bodies,
// network failure, timeout and abort, all surfacing as a SourceError a developer can act on.
import { expect } from '@open-wc/testing';
import { parseTherapists } from '../../src/engine/schema.js';
import {
  arraySource,
  csvSource,
  csvToRecords,
  jsonSource,
  restSource,
  sourceFromSrc,
  type SourceResult,
  type TherapistSource,
} from '../../src/sources/index.js';
import { expectSourceError, failOnUnhandledRejections, ids, signal, uniqueKey, serverCount } from './helpers.js';

type HttpSourceFactory = (url: string, options: { timeoutMs?: number }) => TherapistSource;

const search = (source: TherapistSource, s = signal()) => source.search({}, { signal: s }) as Promise<SourceResult>;

/** What every HTTP source must do when the request goes wrong (one suite, run for each source). */
function runHttpFailureTests(name: string, make: HttpSourceFactory, notFoundHint: RegExp) {
  describe(`${name}: failures`, () => {
    failOnUnhandledRejections();

    it('turns 404 into an http error naming the resource and what to check', async () => {
      const error = await expectSourceError(
        search(make('/test-api/status/404', {})),
        'http',
        /404 answered HTTP 404 Not Found: /,
      );
      expect(error.status).to.equal(404);
      expect(error.message).to.match(notFoundHint);
    });

    it('turns 500 into an http error that points at the server', async () => {
      const error = await expectSourceError(
        search(make('/test-api/status/500', {})),
        'http',
        /HTTP 500 Internal Server Error: the server failed/,
      );
      expect(error.status).to.equal(500);
    });

    it('turns a dropped connection into a network error', async () => {
      await expectSourceError(search(make('/test-api/drop', {})), 'network', /Could not reach .*drop.*CORS/);
    });

    it('times out after timeoutMs', async () => {
      const started = performance.now();
      await expectSourceError(
        search(make('/test-api/slow?ms=4000', { timeoutMs: 1200 })),
        'timeout',
        /did not answer within 1.2 s: check the server, or raise timeoutMs/,
      );
      expect(performance.now() - started).to.be.within(1100, 3500);
    });

    it('stops at once when the signal aborts', async () => {
      const controller = new AbortController();
      const started = performance.now();
      const pending = search(make('/test-api/slow?ms=4000', {}), controller.signal);
      setTimeout(() => controller.abort(), 100);
      await expectSourceError(pending, 'aborted', /was cancelled/);
      expect(performance.now() - started).to.be.below(2500);
    });

    it('does not start a request for an already aborted signal', async () => {
      const controller = new AbortController();
      controller.abort();
      const key = uniqueKey();
      await expectSourceError(search(make(`/test-api/counter/${key}`, {}), controller.signal), 'aborted', /cancelled/);
      expect(await serverCount(key)).to.equal(0);
    });
  });
}

/** What every JSON-reading source must do with bodies that are not a directory. */
function runJsonBodyTests(name: string, make: HttpSourceFactory) {
  describe(`${name}: bodies that are not a directory`, () => {
    failOnUnhandledRejections();

    it('reports invalid JSON as a parse error quoting the start of the body', async () => {
      await expectSourceError(
        search(make('/test-api/invalid-json', {})),
        'parse',
        /invalid-json did not answer with valid JSON \(application\/json, starting "\{"therapists": \[\{"id": "a","\)/,
      );
    });

    it('recognises a web page answered instead of data', async () => {
      await expectSourceError(
        search(make('/test-api/html', {})),
        'parse',
        /\(text\/html, starting "<!doctype html>.*the URL seems to point at a web page/,
      );
    });

    it('reports JSON of the wrong shape, naming the keys it found', async () => {
      await expectSourceError(
        search(make('/test-api/wrong-shape', {})),
        'shape',
        /answered an object with keys listings, page, not therapist records: expected an array of records or \{ "therapists": \[...\] \}/,
      );
    });
  });
}

runHttpFailureTests('jsonSource', (url, options) => jsonSource(url, options), /check the src URL/);
runJsonBodyTests('jsonSource', (url, options) => jsonSource(url, options));
runHttpFailureTests('csvSource', (url, options) => csvSource(url, options), /check the src URL/);
runHttpFailureTests('restSource', (url, options) => restSource({ url, ...options }), /check the URL$/);
runJsonBodyTests('restSource', (url, options) => restSource({ url, ...options }));

describe('jsonSource', () => {
  failOnUnhandledRejections();

  it('reads an array of records', async () => {
    const result = await search(jsonSource('/test-api/therapists?count=3&tag=arr'));
    expect(ids(result.records)).to.deep.equal(['arr-1', 'arr-2', 'arr-3']);
  });

  it('reads { therapists: [...] }', async () => {
    const result = await search(jsonSource('/test-api/wrapped'));
    expect(ids(result.records)).to.deep.equal(['wrapped-1', 'wrapped-2']);
  });

  it('fetches the file once for every query and for get(id)', async () => {
    const key = uniqueKey();
    const source = jsonSource(`/test-api/counter/${key}`);
    await source.search({ clientType: 'couple' }, { signal: signal() });
    await source.search({ jurisdiction: 'US-OR' }, { signal: signal() });
    expect(await source.get!('counted-all-2', { signal: signal() })).to.include({ id: 'counted-all-2' });
    expect(await source.get!('nobody', { signal: signal() })).to.equal(undefined);
    expect(await serverCount(key)).to.equal(1);
  });

  it('shares one request between concurrent searches, and one abort does not cancel the other', async () => {
    const key = uniqueKey();
    const source = jsonSource(`/test-api/counter/${key}`);
    const first = new AbortController();
    const a = source.search({}, { signal: first.signal });
    const b = source.search({ clientType: 'couple' }, { signal: signal() }) as Promise<SourceResult>;
    first.abort();
    await expectSourceError(a, 'aborted', /cancelled/);
    expect(ids((await b).records)).to.deep.equal(['counted-all-1', 'counted-all-2']);
    expect(await serverCount(key)).to.equal(1);
  });

  it('fetches again after a failure (Retry works)', async () => {
    const source = jsonSource('/test-api/status/503');
    await expectSourceError(search(source), 'http', /503 Service Unavailable/);
    await expectSourceError(search(source), 'http', /503/);
  });
});

describe('csvSource', () => {
  failOnUnhandledRejections();

  it('reads quoted commas, escaped quotes, line breaks in cells and a BOM', async () => {
    const { records } = await search(csvSource('/test-api/csv/quoted.csv'));
    expect(records).to.deep.equal([
      {
        id: 'csv-1',
        name: 'Rivera, Ana',
        licenses: [
          { type: 'LMFT', jurisdiction: 'US-CA', number: 'SAMPLE-1' },
          { type: 'LCSW', jurisdiction: 'US-OR' },
        ],
        formats: ['in-person', 'telehealth'],
        telehealthJurisdictions: ['US-CA', 'US-OR'],
        languages: ['en', 'es'],
        bio: 'Talk therapy for couples.\r\nShe says "no judgement", ever.',
        location: { city: 'Oakland', lat: 37.8044, lng: -122.2712 },
        fees: { currency: 'USD', min: 120, slidingScale: true },
        acceptingNewClients: false,
      },
      {
        id: 'csv-2',
        name: 'Ólafur Þórsson',
        licenses: [{ type: 'PsyD', jurisdiction: 'US-WA' }],
        formats: ['telehealth'],
        telehealthJurisdictions: ['US-WA'],
        acceptingNewClients: true,
      },
    ]);
  });

  it('reads the documented sample file into valid records, merging indexed columns into compact ones', async () => {
    const { records } = await search(csvSource('/demo/data/sample.csv'));
    const { therapists, problems } = parseTherapists(records);
    expect(problems).to.deep.equal([]);
    expect(therapists.map((t) => t.id)).to.deep.equal(['csv-0001', 'csv-0002', 'csv-0003', 'csv-0004']);
    expect(therapists[0].licenses).to.deep.equal([
      {
        type: 'LMFT',
        jurisdiction: 'US-CA',
        number: 'SAMPLE-101',
        verifyUrl: 'https://licensing.example.org/verify/101',
      },
    ]);
    expect(therapists[0].certifications).to.deep.equal([{ body: 'AASECT', name: 'Certified Sex Therapist' }]);
    expect(therapists[2].licenses[0].type).to.equal('PhD, Licensed Psychologist');
    expect(therapists[1]).to.include({ name: 'Okafor, Benedict', collaboratesWithMedical: true });
  });

  it('leaves cells it cannot convert as text, so validation names the field', () => {
    const records = csvToRecords(
      'ID,Name,licenses,formats,fees.currency,fees.min,acceptingNewClients\n' +
        'c-1,Ana,LPC:US-TX,telehealth,USD,ninety,maybe\n',
    );
    expect(records[0]).to.deep.include({ id: 'c-1', name: 'Ana', acceptingNewClients: 'maybe' });
    const { problems } = parseTherapists(records);
    expect(problems.map((p) => `${p.id} ${p.path}`)).to.deep.equal(['c-1 fees.min', 'c-1 acceptingNewClients']);
  });

  it('reports a quote that is never closed, with its line', async () => {
    await expectSourceError(
      search(csvSource('/test-api/csv/unclosed.csv')),
      'parse',
      /^unclosed\.csv: a quoted cell starting on line 2 is never closed/,
    );
  });
});

describe('restSource', () => {
  failOnUnhandledRejections();

  it('sends the hard constraints as URL parameters with a page size', async () => {
    const source = restSource({ url: '/test-api/echo', mapResponse: (json) => [json] });
    const result = (await source.search(
      {
        clientType: 'couple',
        formats: ['in-person', 'telehealth'],
        jurisdiction: 'US-CA',
        near: { lat: 37.76, lng: -122.41, radiusKm: 27 },
        acceptingNewClients: true,
      },
      { signal: signal() },
    )) as unknown[];
    const echo = result[0] as { method: string; query: Record<string, string>; body: unknown };
    expect(echo.method).to.equal('GET');
    expect(echo.query).to.deep.equal({
      clientType: 'couple',
      formats: 'in-person,telehealth',
      jurisdiction: 'US-CA',
      lat: '37.76',
      lng: '-122.41',
      radiusKm: '27',
      acceptingNewClients: 'true',
      limit: '1000',
    });
    expect(echo.body).to.equal(null);
  });

  it('sends a JSON body with POST, with the configured headers', async () => {
    const source = restSource({
      url: '/test-api/echo',
      method: 'POST',
      pageSize: 50,
      headers: { 'x-api-key': 'public-key' },
      mapResponse: (json) => [json],
    });
    const [echo] = (await source.search(
      { clientType: 'individual', formats: ['telehealth'] },
      { signal: signal() },
    )) as {
      method: string;
      body: unknown;
      headers: Record<string, string>;
    }[];
    expect(echo.method).to.equal('POST');
    expect(echo.body).to.deep.equal({ clientType: 'individual', formats: ['telehealth'], limit: 50 });
    expect(echo.headers).to.deep.equal({ 'content-type': 'application/json', 'x-api-key': 'public-key' });
  });

  it('reads a page of records and the total from X-Total-Count', async () => {
    const result = (await restSource({ url: '/test-api/search' }).search(
      { jurisdiction: 'US-OR' },
      { signal: signal() },
    )) as SourceResult;
    expect(ids(result.records)).to.deep.equal(['search-US-OR-1', 'search-US-OR-2']);
    expect(result.total).to.equal(57);
  });

  it('maps the request and the response of an existing API', async () => {
    const source = restSource({
      url: '/test-api/echo',
      mapRequest: (query, request) => {
        request.url.search = '';
        request.url.searchParams.set('state', query.jurisdiction!.slice(3));
        return request;
      },
      mapResponse: (json) => {
        const { query } = json as { query: { state: string } };
        return { records: [{ id: `from-${query.state}` }], total: 1 };
      },
    });
    const result = (await source.search({ jurisdiction: 'US-TX' }, { signal: signal() })) as SourceResult;
    expect(result).to.deep.equal({ records: [{ id: 'from-TX' }], total: 1 });
  });

  it('fetches one record with itemUrl, and undefined for an unknown id', async () => {
    const source = restSource({
      url: '/test-api/search',
      itemUrl: (id) => `/test-api/${id === 'known' ? 'echo' : 'status/404'}?id=${id}`,
    });
    expect(await source.get!('known', { signal: signal() })).to.deep.include({ query: { id: 'known' } });
    expect(await source.get!('missing', { signal: signal() })).to.equal(undefined);
  });
});

describe('arraySource and sourceFromSrc', () => {
  failOnUnhandledRejections();

  it('arraySource gives the records it was made with, and honours an aborted signal', async () => {
    const source = arraySource([{ id: 'a' }, { id: 'b' }]);
    expect(ids((await search(source)).records)).to.deep.equal(['a', 'b']);
    expect(await source.get!('b', { signal: signal() })).to.deep.equal({ id: 'b' });
    const controller = new AbortController();
    controller.abort();
    await expectSourceError(search(source, controller.signal), 'aborted', /cancelled/);
  });

  it('picks the CSV reader for .csv and the JSON reader otherwise, one source per URL', async () => {
    const csv = sourceFromSrc('/test-api/csv/quoted.csv?v=1');
    expect(ids((await search(csv)).records)).to.deep.equal(['csv-1', 'csv-2']);
    expect(csv.label).to.equal('quoted.csv');
    const json = sourceFromSrc('/test-api/therapists?count=1&tag=src');
    expect(ids((await search(json)).records)).to.deep.equal(['src-1']);
    expect(sourceFromSrc('/test-api/csv/quoted.csv?v=1')).to.equal(csv);
  });
});
