// Every option of the built-in sources has a defined answer for any value, over real HTTP:
// timeoutMs and pageSize clamped to their documented ranges, anything that is not a number (or a
// method, credentials mode, header list, function) replaced by its default with a console warning.
import { expect } from '@open-wc/testing';
import {
  csvSource,
  DEFAULT_TIMEOUT_MS,
  jsonSource,
  restSource,
  TIMEOUT_RANGE_MS,
  type SourceResult,
  type TherapistSource,
} from '../../src/sources/index.js';
import { timeoutOf } from '../../src/sources/options.js';
import { captureConsole, expectSourceError, failOnUnhandledRejections, ids, signal, uniqueKey } from './helpers.js';

const search = (source: TherapistSource) => source.search({}, { signal: signal() }) as Promise<SourceResult>;
/** Options as a careless caller passes them: any value at all. */
const loosely = <T>(options: Record<string, unknown>) => options as T;

describe('timeoutMs', () => {
  failOnUnhandledRejections();

  it('is read as a deadline from 1 s to 120 s whatever its value; anything but a finite number is the default 10 s', () => {
    expect(TIMEOUT_RANGE_MS).to.deep.equal({ min: 1000, max: 120_000 });
    expect(DEFAULT_TIMEOUT_MS).to.equal(10_000);
    const cases: [unknown, number][] = [
      [undefined, 10_000],
      [2500, 2500],
      ['2500', 2500],
      [NaN, 10_000],
      [Infinity, 10_000],
      [-Infinity, 10_000],
      [-1, 1000],
      [0, 1000],
      [0.5, 1000],
      [1e10, 120_000],
      ['soon', 10_000],
      ['', 10_000],
      [null, 10_000],
      [{}, 10_000],
      [true, 10_000],
    ];
    expect(cases.map(([value]) => timeoutOf(value))).to.deep.equal(cases.map(([, ms]) => ms));
  });

  it('of NaN, a word or 1e10 waits for a slow answer instead of failing at once, and says why in the console', async () => {
    const tag = uniqueKey();
    const { lines } = await captureConsole('warn', async () => {
      const results = await Promise.all(
        [NaN, 'soon', 1e10, '5000'].map((timeoutMs, k) =>
          search(jsonSource(`/test-api/slow?ms=1500&tag=${tag}-${k}`, loosely({ timeoutMs }))),
        ),
      );
      expect(results.map((result) => ids(result.records))).to.deep.equal([
        [`${tag}-0-1`],
        [`${tag}-1-1`],
        [`${tag}-2-1`],
        [`${tag}-3-1`],
      ]);
    });
    expect(lines).to.deep.equal([
      'therapist-match: slow: timeoutMs NaN is not a finite number; using the default, 10000.',
      'therapist-match: slow: timeoutMs "soon" is not a finite number; using the default, 10000.',
      'therapist-match: slow: timeoutMs 10000000000 is outside 1000–120000; using 120000.',
    ]);
  });

  it('of 0 or -1 is the shortest deadline, 1 s, not an immediate failure', async () => {
    await captureConsole('warn', async () => {
      const started = performance.now();
      await Promise.all(
        [0, -1].map((timeoutMs) =>
          expectSourceError(
            search(restSource({ url: '/test-api/slow?ms=4000', timeoutMs })),
            'timeout',
            /^\/test-api\/slow did not answer within 1 s: check the server, or raise timeoutMs$/,
          ),
        ),
      );
      expect(performance.now() - started).to.be.within(900, 3500);
    });
  });
});

describe('restSource options', () => {
  failOnUnhandledRejections();

  const echoed = async (options: Record<string, unknown>) => {
    const source = restSource(loosely({ url: '/test-api/echo', mapResponse: (json: unknown) => [json], ...options }));
    const [echo] = (await source.search({ clientType: 'individual' }, { signal: signal() })) as {
      method: string;
      query: Record<string, string>;
      body: { limit?: number } | null;
    }[];
    return echo;
  };

  it('asks for a page of 1 to 10,000 whole records whatever pageSize says', async () => {
    const { lines } = await captureConsole('warn', async () => {
      const limits = await Promise.all(
        [undefined, NaN, -5, 2.7, 1e9, '50', 'many'].map(async (pageSize) => (await echoed({ pageSize })).query.limit),
      );
      expect(limits).to.deep.equal(['1000', '1000', '1', '2', '10000', '50', '1000']);
    });
    expect(lines).to.deep.equal([
      'therapist-match: /test-api/echo: pageSize NaN is not a finite number; using the default, 1000.',
      'therapist-match: /test-api/echo: pageSize -5 is outside 1–10000; using 1.',
      'therapist-match: /test-api/echo: pageSize 2.7 is outside 1–10000; using 2.',
      'therapist-match: /test-api/echo: pageSize 1000000000 is outside 1–10000; using 10000.',
      'therapist-match: /test-api/echo: pageSize "many" is not a finite number; using the default, 1000.',
    ]);
  });

  it('reads method in any case, and uses GET for anything else', async () => {
    const { lines } = await captureConsole('warn', async () => {
      expect((await echoed({ method: 'post', pageSize: 5 })).body).to.deep.equal({
        clientType: 'individual',
        limit: 5,
      });
      expect((await echoed({ method: 'PUT' })).method).to.equal('GET');
    });
    expect(lines).to.deep.equal(['therapist-match: /test-api/echo: method PUT is not GET or POST; using GET.']);
  });

  it('ignores a mapping that is not a function, invalid headers and an unknown credentials mode, with a warning each, and still asks', async () => {
    const { lines } = await captureConsole('warn', async () => {
      const source = restSource(
        loosely({
          url: '/test-api/search',
          label: 'Directory API',
          mapRequest: 'not a function',
          headers: { 'bad header': 'x' },
          credentials: 'sometimes',
          applies: ['jurisdiction', 'favouriteColour'],
        }),
      );
      expect(source.applies).to.deep.equal(['jurisdiction']);
      expect(ids((await search(source)).records)).to.deep.equal(['search-US-CA-1', 'search-US-CA-2']);
    });
    expect(lines).to.have.length(3);
    expect(lines[0]).to.match(
      /^therapist-match: Directory API: credentials "sometimes" is not omit, same-origin or include; using same-origin\.$/,
    );
    expect(lines[1]).to.match(
      /^therapist-match: Directory API: headers are not valid HTTP headers \(.+\); sent none\.$/,
    );
    expect(lines[2]).to.equal('therapist-match: Directory API: mapRequest is string, not a function; it is ignored.');
  });

  it('fails each search with an adapter error when url is not a URL', async () => {
    const source = restSource({ url: 'http://[::1', label: 'Directory API' });
    await expectSourceError(
      search(source),
      'adapter',
      /^Directory API: url "http:\/\/\[::1" is not a valid URL: check the url option of restSource$/,
    );
  });
});

describe('file source options', () => {
  failOnUnhandledRejections();

  it('csvSource and jsonSource replace invalid options by their defaults too', async () => {
    const { lines } = await captureConsole('warn', async () => {
      const csv = csvSource('/test-api/csv/quoted.csv', loosely({ timeoutMs: -1, credentials: 5, label: 42 }));
      expect(csv.label).to.equal('quoted.csv');
      expect(ids((await search(csv)).records)).to.deep.equal(['csv-1', 'csv-2']);
    });
    expect(lines).to.deep.equal([
      'therapist-match: quoted.csv: timeoutMs -1 is outside 1000–120000; using 1000.',
      'therapist-match: quoted.csv: credentials 5 is not omit, same-origin or include; using same-origin.',
    ]);
  });
});
