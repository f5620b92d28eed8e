// The part of fhirSource loaded on its first search: reading a Bundle file or a server's pages,
// and mapping them (read.ts). Kept apart so a page pays for it only when it searches.
import { fileSource } from '../file.js';
import { jsonOf } from '../http.js';
import { SourceError, type HttpSourceOptions, type SearchOptions, type SourceQuery } from '../types.js';
import { readBundles, type ReadOptions } from './read.js';
import { obj } from './resources.js';
import { readPages, searchUrl } from './search.js';
import type { FhirSearchParameter, FhirSearchResult } from './types.js';

export interface Settings extends ReadOptions {
  http: HttpSourceOptions;
  searchParameters: readonly FhirSearchParameter[];
  pageSize: number;
  maxPages: number;
}

/** A Bundle that is not one, as a `shape` error naming what it is. */
function notABundle(label: string, json: unknown): SourceError {
  const type = obj(json)?.resourceType;
  return new SourceError(
    'shape',
    `${label} is ${typeof type === 'string' ? `a FHIR ${type}` : 'not FHIR'}, not a Bundle: fhirSource's bundle option takes a Bundle of PractitionerRoles and the resources they refer to`,
  );
}

/** Searches a FHIR server: one search per query, its pages, mapped. */
export function serverSearch(base: URL, settings: Settings) {
  const keep = settings.keep ? [...settings.keep] : undefined;
  let warned = false;
  return async (query: SourceQuery, { signal }: SearchOptions): Promise<FhirSearchResult> => {
    if (query.shared && !warned) {
      warned = true;
      console.warn(
        `therapist-match: ${settings.label} is a FHIR server, which is never sent the shared answers (${Object.keys(query.shared).join(', ')}): source-share has no effect on it.`,
      );
    }
    const first = searchUrl(base, query, settings.searchParameters, keep, settings.pageSize);
    const pages = await readPages(first, {
      ...settings.http,
      signal,
      label: settings.label,
      maxPages: settings.maxPages,
    });
    const read = readBundles(pages.bundles, settings);
    return {
      ...read,
      problems: [...pages.problems, ...(read.problems ?? [])],
      ...(pages.total !== undefined && pages.problems.length ? { total: pages.total } : {}),
    };
  };
}

/** Reads a Bundle file once (shared by every query, as jsonSource does) and maps it. */
export function fileSearch(url: URL, settings: Settings) {
  let skipped = 0;
  const file = fileSource(url, { ...settings.http, label: settings.label }, async (body, response, label) => {
    const json = await jsonOf(body, response, label);
    if (obj(json)?.resourceType !== 'Bundle') throw notABundle(label, json);
    const read = readBundles([json], settings);
    skipped = read.skipped;
    return read;
  });
  return async (query: SourceQuery, options: SearchOptions): Promise<FhirSearchResult> => {
    const result = (await file.search(query, options)) as FhirSearchResult;
    return { ...result, skipped };
  };
}

/** Maps a Bundle given as an object, once. */
export function objectSearch(bundle: object, settings: Settings) {
  let read: FhirSearchResult | undefined;
  return async (): Promise<FhirSearchResult> => {
    if (obj(bundle)?.resourceType !== 'Bundle') throw notABundle(settings.label, bundle);
    return (read ??= readBundles([bundle], settings));
  };
}
