// sourceFromSrc(src): the built-in source for a `src` attribute: CSV or JSON, as the `format`
// option, the URL or the server's Content-Type says.
import { fileSource } from './file.js';
import { readJsonFile } from './json.js';
import type { TherapistSource } from './types.js';

/** How a directory file is read. */
export type SourceFormat = 'csv' | 'json';

export interface SourceFromSrcOptions {
  /** Read the file as CSV or JSON whatever its URL and Content-Type say. */
  format?: SourceFormat;
}

// One source per URL and format for the page's lifetime, so switching `src` back and forth reuses the file.
const sources = new Map<string, TherapistSource>();

/**
 * The built-in source for a directory URL: `csvSource` or `jsonSource`. With no `format`, the URL
 * decides (`.csv` and `.tsv` paths and published-spreadsheet links such as Google Sheets'
 * `output=csv` are CSV, `.json` is JSON); a URL that says neither is read as CSV when the server
 * answers `Content-Type: text/csv` (or `text/tab-separated-values`), otherwise as JSON.
 */
export function sourceFromSrc(src: string, options: SourceFromSrcOptions = {}): TherapistSource {
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  const url = base ? new URL(src, base).href : src;
  const format = options.format ?? formatOfUrl(url);
  const key = `${format ?? 'auto'} ${url}`;
  let source = sources.get(key);
  if (!source) {
    source =
      format === 'csv'
        ? lazyCsvSource(url)
        : format === 'json'
          ? fileSource(url, {}, readJsonFile)
          : sniffingSource(url);
    sources.set(key, source);
  }
  return source;
}

const SPREADSHEET_EXPORT = new Set(['csv', 'tsv']);

/**
 * The format a URL names, if any: `.csv`/`.tsv` paths and spreadsheet exports (`output=csv` or
 * `format=csv` as Google Sheets publishes them, `tqx=out:csv`) are CSV; `.json` is JSON.
 */
export function formatOfUrl(url: string): SourceFormat | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://localhost/');
  } catch {
    return undefined;
  }
  const path = parsed.pathname.toLowerCase();
  if (/\.(csv|tsv)$/.test(path)) return 'csv';
  if (path.endsWith('.json')) return 'json';
  for (const name of ['output', 'format', 'exportFormat']) {
    const value = parsed.searchParams.get(name)?.toLowerCase();
    if (value && SPREADSHEET_EXPORT.has(value)) return 'csv';
  }
  if (/^out:(csv|tsv)\b/i.test(parsed.searchParams.get('tqx') ?? '')) return 'csv';
  return undefined;
}

/** Content types servers give CSV and TSV files. */
const CSV_TYPES = new Set([
  'text/csv',
  'application/csv',
  'text/x-csv',
  'application/x-csv',
  'text/comma-separated-values',
  'text/tab-separated-values',
  'text/tsv',
]);

function isCsvResponse(response: Response): boolean {
  const type = response.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  return !!type && CSV_TYPES.has(type);
}

// The CSV reader loads on demand, so pages with a JSON directory never download it.
const csvReader = () => import('./csv.js');

/** A CSV file: the reader starts loading at once, beside the request. */
function lazyCsvSource(url: string): TherapistSource {
  const reader = csvReader();
  // A failed import surfaces in search(); this keeps it from being "unhandled" meanwhile.
  reader.catch(() => {});
  return fileSource(url, {}, async (body, _response, label) =>
    (await reader).readCsvFile((await body.decoded()).text, {}, label),
  );
}

/** A URL that does not say: the server's Content-Type decides between CSV and JSON. */
function sniffingSource(url: string): TherapistSource {
  return fileSource(url, {}, async (body, response, label) =>
    isCsvResponse(response)
      ? (await csvReader()).readCsvFile((await body.decoded()).text, {}, label)
      : readJsonFile(body, response, label),
  );
}
