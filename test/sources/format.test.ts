// CSV or JSON: the `format` option and attribute, the URL (extensions, published-spreadsheet
// links) and the server's Content-Type, over real HTTP; the root element reading a CSV whose URL
// has no extension.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import type { RankResult } from '../../src/engine/types.js';
import { formatOfUrl } from '../../src/sources/from-src.js';
import { sourceFromSrc, type SourceResult, type TherapistSource } from '../../src/sources/index.js';
import { expectSourceError, failOnUnhandledRejections, ids, signal } from './helpers.js';

const search = (source: TherapistSource) => source.search({}, { signal: signal() }) as Promise<SourceResult>;

/** A fixture under a URL ending in `path` (no extension unless given), served as `type`. */
const served = (name: string, path: string, query: Record<string, string> = {}) =>
  `/test-api/file/${name}/${path}?${new URLSearchParams(query)}`;

describe('sourceFromSrc: CSV or JSON', () => {
  failOnUnhandledRejections();

  it('reads a URL without an extension as CSV when told format: "csv"', async () => {
    const url = served('plain.csv', 'export', { type: 'text/plain' });
    const result = await search(sourceFromSrc(url, { format: 'csv' }));
    expect(ids(result.records)).to.deep.equal(['plain-1', 'plain-2']);
    expect(result.lines).to.deep.equal([2, 3]);
  });

  it('without a format, reads such a URL as JSON, and the error says to set format="csv"', async () => {
    const url = served('plain.csv', 'export-json', { type: 'text/plain' });
    await expectSourceError(
      search(sourceFromSrc(url)),
      'parse',
      /^export-json did not answer with valid JSON \(text\/plain, starting "id,name,licenses.*it looks like CSV: add format="csv" to the element/,
    );
  });

  it('reads CSV when the server answers Content-Type: text/csv or text/tab-separated-values', async () => {
    const csv = await search(sourceFromSrc(served('plain.csv', 'directory', { type: 'text/csv; charset=utf-8' })));
    expect(ids(csv.records)).to.deep.equal(['plain-1', 'plain-2']);
    const tsv = await search(sourceFromSrc(served('sheet.tsv', 'directory', { type: 'text/tab-separated-values' })));
    expect(ids(tsv.records)).to.deep.equal(['tsv-1', 'tsv-2']);
  });

  it('reads JSON when the server says so, or says nothing', async () => {
    const typed = await search(sourceFromSrc(served('directory.json', 'api', { type: 'application/json' })));
    expect(ids(typed.records)).to.deep.equal(['json-1']);
    const untyped = await search(sourceFromSrc(served('directory.json', 'api')));
    expect(ids(untyped.records)).to.deep.equal(['json-1']);
  });

  it('format: "json" wins over a CSV Content-Type and a .csv URL', async () => {
    const result = await search(
      sourceFromSrc(served('directory.json', 'therapists.csv', { type: 'text/csv' }), { format: 'json' }),
    );
    expect(ids(result.records)).to.deep.equal(['json-1']);
  });

  it('reads a published-spreadsheet link as CSV whatever its Content-Type', async () => {
    const sheet = await search(sourceFromSrc(served('plain.csv', 'pub', { output: 'csv', type: 'text/plain' })));
    expect(ids(sheet.records)).to.deep.equal(['plain-1', 'plain-2']);
    const tsv = await search(sourceFromSrc(served('sheet.tsv', 'data.tsv', { type: 'application/octet-stream' })));
    expect(ids(tsv.records)).to.deep.equal(['tsv-1', 'tsv-2']);
  });

  it('keeps one source per URL and format, fetched once, with get(id)', async () => {
    const url = served('plain.csv', 'shared', { type: 'text/csv' });
    const source = sourceFromSrc(url);
    expect(sourceFromSrc(url)).to.equal(source);
    expect(sourceFromSrc(url, { format: 'csv' })).not.to.equal(source);
    expect(source.label).to.equal('shared');
    expect(await source.get!('plain-2', { signal: signal() })).to.deep.include({ id: 'plain-2', name: 'Robin Plain' });
  });
});

describe('formatOfUrl', () => {
  it('knows extensions and the links spreadsheets publish', () => {
    const cases: [string, string | undefined][] = [
      ['/clinic/therapists.csv', 'csv'],
      ['/clinic/THERAPISTS.CSV?v=2#top', 'csv'],
      ['https://example.org/export/therapists.tsv', 'csv'],
      ['/clinic/therapists.json', 'json'],
      ['https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pub?gid=0&single=true&output=csv', 'csv'],
      ['https://docs.google.com/spreadsheets/d/1AbC/export?format=csv&gid=0', 'csv'],
      ['https://docs.google.com/spreadsheets/d/1AbC/export?format=tsv', 'csv'],
      ['https://docs.google.com/spreadsheets/d/1AbC/gviz/tq?tqx=out:csv&sheet=Therapists', 'csv'],
      ['https://example.org/api/therapists', undefined],
      ['https://docs.google.com/spreadsheets/d/1AbC/pubhtml', undefined],
      ['/therapists.csv.html', undefined],
    ];
    for (const [url, format] of cases) expect(formatOfUrl(url), url).to.equal(format);
  });
});

type ResultsElement = HTMLElement & { result?: RankResult; state?: string; error?: Error };

async function resultsOf(el: TherapistMatch): Promise<ResultsElement> {
  const quiz = el.shadowRoot!.querySelector('tm-quiz')!;
  await (quiz as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  quiz.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('tm-results'), 'results not shown', { timeout: 5000 });
  return el.shadowRoot!.querySelector('tm-results') as ResultsElement;
}

describe('<therapist-match format>', () => {
  it('matches the therapists of a CSV whose URL has no extension when format="csv"', async () => {
    const src = served('plain.csv', 'element-export', { type: 'text/plain' });
    const el = await fixture<TherapistMatch>(
      html`<therapist-match src=${src} format="csv" steps="who"></therapist-match>`,
    );
    const results = await resultsOf(el);
    await waitUntil(() => results.state === 'ready' && results.result, 'no ranked result', { timeout: 5000 });
    expect(results.result!.matches.map((m) => m.therapist.name).sort()).to.deep.equal(['Casey Plain', 'Robin Plain']);
  });

  it('reads the same URL as JSON without the attribute, and again as CSV once it is set', async () => {
    const src = served('plain.csv', 'element-late', { type: 'text/plain' });
    const el = await fixture<TherapistMatch>(html`<therapist-match src=${src} steps="who"></therapist-match>`);
    const results = await resultsOf(el);
    await waitUntil(() => results.state === 'error', 'no error state', { timeout: 5000 });
    expect(results.error!.message).to.match(/it looks like CSV: add format="csv"/);
    el.setAttribute('format', 'csv');
    expect(el.format).to.equal('csv');
    await waitUntil(() => results.state === 'ready' && results.result, 'no ranked result after format="csv"', {
      timeout: 5000,
    });
    expect(results.result!.matches.map((m) => m.therapist.id).sort()).to.deep.equal(['plain-1', 'plain-2']);
  });
});
