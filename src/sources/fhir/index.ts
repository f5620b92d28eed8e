// fhirSource(options): therapists from a FHIR R4 provider directory (Da Vinci PDex Plan-Net, US
// Core), a Bundle or a server. The reading and mapping load on the first search (source.ts).
import { describeUrl, fileLabel } from '../http.js';
import { numberOption, readHttpOptions, warnAbout } from '../options.js';
import { SourceError, type SourceQuery, type TherapistSource } from '../types.js';
import { BEHAVIOURAL_HEALTH_TAXONOMY } from './taxonomy.js';
import type { FhirSearchParameter, FhirSearchResult, FhirSourceOptions } from './types.js';

export { BEHAVIOURAL_HEALTH_TAXONOMY, NUCC_SYSTEM, type NuccTaxonomyEntry } from './taxonomy.js';
export type {
  FhirRecordMapper,
  FhirResource,
  FhirRoleContext,
  FhirSearchParameter,
  FhirSearchResult,
  FhirSourceOptions,
} from './types.js';

/** Roles asked per page unless `pageSize` says otherwise, and its range. */
export const FHIR_PAGE_SIZE = { fallback: 100, min: 1, max: 1000, integer: true } as const;
/** Pages read per search unless `maxPages` says otherwise, and its range. */
export const FHIR_MAX_PAGES = { fallback: 20, min: 1, max: 100, integer: true } as const;

const SEARCH_PARAMETERS: readonly FhirSearchParameter[] = ['active', 'specialty', 'near', 'address-state'];
const DEFAULT_SEARCH_PARAMETERS: readonly FhirSearchParameter[] = ['active', 'specialty', 'near'];

const reader = () => import('./source.js');

/**
 * Therapists from a FHIR R4 provider directory: a `server` searched for PractitionerRoles (with
 * their Practitioners, Locations, Organizations, HealthcareServices and networks, page by page), or
 * a `bundle`. Keeps behavioural health clinicians by NUCC taxonomy and maps Plan-Net and US Core
 * resources to records (docs/fhir.md). Fails like the other sources, with a `SourceError`; an
 * invalid option is replaced by its default with a console warning.
 */
export function fhirSource(options: FhirSourceOptions): TherapistSource {
  const given: Partial<FhirSourceOptions> = options !== null && typeof options === 'object' ? options : {};
  const where = given.server ?? given.bundle;
  let label = typeof given.label === 'string' && given.label ? given.label : undefined;
  label ??=
    typeof where === 'string' || where instanceof URL
      ? (given.server !== undefined ? describeUrl(where) : fileLabel(where)) || 'the FHIR directory'
      : 'the FHIR directory';
  const warn = warnAbout(label);
  const http = readHttpOptions(given, label);
  const pageSize = numberOption('pageSize', given.pageSize, FHIR_PAGE_SIZE, warn);
  const maxPages = numberOption('maxPages', given.maxPages, FHIR_MAX_PAGES, warn);
  let searchParameters = DEFAULT_SEARCH_PARAMETERS;
  if (Array.isArray(given.searchParameters)) {
    searchParameters = given.searchParameters.filter((name) => SEARCH_PARAMETERS.includes(name));
    if (searchParameters.length !== given.searchParameters.length)
      warn(`searchParameters may only name ${SEARCH_PARAMETERS.join(', ')}; the others are ignored`);
  } else if (given.searchParameters !== undefined) warn('searchParameters is not a list; using the default');
  let keep: ReadonlySet<string> | undefined = new Set(Object.keys(BEHAVIOURAL_HEALTH_TAXONOMY));
  if (given.taxonomies === 'all') keep = undefined;
  else if (Array.isArray(given.taxonomies))
    keep = new Set(
      given.taxonomies.flatMap((code: unknown) => (typeof code === 'string' && code.trim() ? [code.trim()] : [])),
    );
  else if (given.taxonomies !== undefined) warn("taxonomies is not a list of NUCC codes or 'all'; using the default");
  let mapRecord = given.mapRecord;
  if (mapRecord !== undefined && typeof mapRecord !== 'function') {
    warn(`mapRecord is ${typeof mapRecord}, not a function; it is ignored`);
    mapRecord = undefined;
  }
  if (given.server !== undefined && given.bundle !== undefined) warn('both server and bundle are given; using server');
  const settings = { http, searchParameters, pageSize, maxPages, keep, mapRecord, label };

  const misconfigured = (message: string) => new SourceError('adapter', `${label}: ${message}`);
  let search: Promise<(query: SourceQuery, options: { signal: AbortSignal }) => Promise<FhirSearchResult>> | undefined;
  const start = async () => {
    const base = globalThis.document?.baseURI ?? globalThis.location?.href;
    const url = (value: string | URL, option: string) => {
      try {
        return new URL(value, base);
      } catch (cause) {
        throw new SourceError(
          'adapter',
          `${label}: ${option} ${JSON.stringify(String(value))} is not a valid URL: check the ${option} option of fhirSource`,
          undefined,
          { cause },
        );
      }
    };
    const loaded = await reader().catch((cause: unknown) => {
      throw new SourceError(
        'network',
        `${label}: the FHIR reader (a file of the widget) could not be loaded: check that it is hosted beside the widget, then Retry`,
        undefined,
        { cause },
      );
    });
    if (typeof given.server === 'string' || given.server instanceof URL)
      return loaded.serverSearch(url(given.server, 'server'), settings);
    if (typeof given.bundle === 'string' || given.bundle instanceof URL)
      return loaded.fileSearch(url(given.bundle, 'bundle'), settings);
    if (given.bundle !== null && typeof given.bundle === 'object') return loaded.objectSearch(given.bundle, settings);
    throw misconfigured('give fhirSource a server (a FHIR base URL) or a bundle (a Bundle or its URL)');
  };

  return {
    label,
    // A server is sent the constraints its search supports, never the shared answers; a bundle nothing.
    sends: typeof given.server === 'string' || given.server instanceof URL ? 'constraints' : 'nothing',
    // `near` is sent only when the person requires in-person sessions, so nothing is applied always.
    applies: [],
    async search(query, searchOptions) {
      const current = (search ??= start());
      // A failed start (a chunk that did not load, a bad URL) is tried again on Retry.
      current.catch(() => {
        if (search === current) search = undefined;
      });
      return (await current)(query, searchOptions);
    },
  };
}
