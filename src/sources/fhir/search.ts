// Asking a FHIR server: the PractitionerRole search with its _include and the search parameters the
// privacy rules allow, its `next` pages up to a cap, and an OperationOutcome turned into a clear error.
import type { DataProblem } from '../../engine/records.js';
import { describeUrl, readJson, request, shapeOf } from '../http.js';
import { SourceError, type HttpSourceOptions, type SourceQuery } from '../types.js';
import { obj, objects, text } from './resources.js';
import { NUCC_SYSTEM } from './taxonomy.js';
import type { FhirSearchParameter } from './types.js';

/** What the search includes besides the roles (R4 and Plan-Net search parameters). */
export const INCLUDES = [
  'PractitionerRole:practitioner',
  'PractitionerRole:location',
  'PractitionerRole:organization',
  'PractitionerRole:service',
  'PractitionerRole:network',
] as const;

export const FHIR_JSON = 'application/fhir+json';

/**
 * The first page's URL: `[base]/PractitionerRole?_include=…&_count=N` and the search parameters of
 * `parameters` that fit the query (see `FhirSearchParameter`). Answers the person has not agreed to
 * share are never in it: `query.shared` is not read, and nothing but the hard constraints is.
 */
export function searchUrl(
  base: URL,
  query: SourceQuery,
  parameters: readonly FhirSearchParameter[],
  keep: readonly string[] | undefined,
  pageSize: number,
): URL {
  const url = new URL(`${base.pathname.replace(/\/+$/, '')}/PractitionerRole`, base);
  const params = url.searchParams;
  for (const include of INCLUDES) params.append('_include', include);
  if (parameters.includes('active')) params.set('active', 'true');
  if (parameters.includes('specialty') && keep?.length)
    params.set('specialty', keep.map((code) => `${NUCC_SYSTEM}|${code}`).join(','));
  // Only a person who requires in-person sessions can be served by offices near them alone.
  const inPersonOnly = query.formats?.length === 1 && query.formats[0] === 'in-person';
  if (parameters.includes('near') && query.near && inPersonOnly)
    params.set('location.near', `${query.near.lat}|${query.near.lng}|${query.near.radiusKm}|km`);
  const state = /^US-([A-Z]{2})$/.exec(query.jurisdiction ?? '')?.[1];
  if (parameters.includes('address-state') && state) params.set('location.address-state', state);
  params.set('_count', String(pageSize));
  return url;
}

/** The diagnostics of an OperationOutcome, or undefined when `json` is not one. */
export function outcomeText(json: unknown): string | undefined {
  const outcome = obj(json);
  if (outcome?.resourceType !== 'OperationOutcome') return undefined;
  const issues = objects(outcome.issue).map((issue) => {
    const said = text(issue.diagnostics) ?? text(obj(issue.details)?.text) ?? 'no diagnostics';
    return `${text(issue.severity) ?? 'error'} (${text(issue.code) ?? 'unknown'}): ${said}`;
  });
  return issues.length ? issues.slice(0, 3).join('; ') : 'no issues given';
}

/** An OperationOutcome in the start of an error answer (perhaps cut short), as text. */
function outcomeInExcerpt(body: string | undefined): string | undefined {
  if (!body || !/"resourceType"\s*:\s*"OperationOutcome"/.test(body)) return undefined;
  try {
    return outcomeText(JSON.parse(body));
  } catch {
    const said = /"diagnostics"\s*:\s*"((?:[^"\\]|\\.){1,200})/.exec(body)?.[1];
    return said ? `error: ${said}` : 'no diagnostics in the part kept';
  }
}

export interface PagesOptions extends HttpSourceOptions {
  signal: AbortSignal;
  label: string;
  maxPages: number;
}

/**
 * Reads the searchset from `first` and its `next` pages, at most `maxPages`, never leaving the
 * first URL's origin. Rejects with a SourceError: `http` (an OperationOutcome's diagnostics in its
 * message), `shape` (an answer that is not a Bundle), or what `request` rejects with.
 */
export async function readPages(
  first: URL,
  options: PagesOptions,
): Promise<{ bundles: unknown[]; total?: number; problems: DataProblem[] }> {
  const { label, maxPages } = options;
  const bundles: unknown[] = [];
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  let total: number | undefined;
  let next: URL | undefined = first;
  while (next) {
    const url: URL = next;
    seen.add(url.href);
    const bundle = await readPage(url, options);
    bundles.push(bundle);
    if (bundles.length === 1 && typeof bundle.total === 'number' && bundle.total >= 0) total = bundle.total;
    const link = objects(bundle.link).find((l) => l.relation === 'next');
    const href = text(link?.url);
    next = undefined;
    if (!href) break;
    let target: URL | undefined;
    try {
      target = new URL(href, url);
    } catch {
      target = undefined;
    }
    const stop = (message: string) =>
      problems.push({ severity: 'warning', index: -1, path: 'link', message: `${label}: ${message}` });
    if (!target || target.origin !== first.origin)
      stop(
        `the next page's link leads to another site (${describeUrl(href)}), so it was not followed; the records read so far are used.`,
      );
    else if (seen.has(target.href)) stop('the next page is one already read; paging stopped there.');
    else if (bundles.length >= maxPages)
      stop(`stopped after ${maxPages} pages (maxPages); the server has more. Raise maxPages or narrow the search.`);
    else next = target;
  }
  return { bundles, ...(total !== undefined ? { total } : {}), problems };
}

async function readPage(url: URL, options: PagesOptions): Promise<Record<string, unknown>> {
  const { label } = options;
  const init = { method: 'GET', headers: { accept: `${FHIR_JSON}, application/json;q=0.9` } };
  let json: unknown;
  try {
    json = await request(url, init, { ...options, notFoundHint: 'check the server URL (its FHIR base)' }, (response) =>
      readJson(response, label),
    );
  } catch (error) {
    const said = error instanceof SourceError && error.kind === 'http' ? outcomeInExcerpt(error.body) : undefined;
    if (!said || !(error instanceof SourceError)) throw error;
    throw new SourceError(
      'http',
      `${label} answered HTTP ${error.status} with an OperationOutcome: ${said}. ${
        error.status === 400
          ? 'If it names a search parameter, leave it out of searchParameters; otherwise check the server URL.'
          : error.message
      }`,
      error.status,
      { cause: error, ...(error.url ? { url: error.url } : {}), ...(error.body ? { body: error.body } : {}) },
    );
  }
  const said = outcomeText(json);
  if (said)
    throw new SourceError(
      'http',
      `${label} answered with an OperationOutcome instead of a Bundle: ${said}`,
      undefined,
      {
        url: describeUrl(url),
      },
    );
  const bundle = obj(json);
  if (bundle?.resourceType !== 'Bundle')
    throw new SourceError(
      'shape',
      `${label} answered ${shapeOf(json)}, not a FHIR Bundle: check that the server URL is a FHIR R4 base (…/fhir/r4)`,
      undefined,
      { url: describeUrl(url) },
    );
  return bundle;
}
