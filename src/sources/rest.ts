// restSource({ url }): a directory's HTTP API that narrows the candidates server-side, with hooks
// to map the request and the response for an API that already exists.
import { describeUrl, readJson, recordsInResponse, request } from './http.js';
import { numberOption, readHttpOptions, warnAbout } from './options.js';
import {
  SourceError,
  type HttpSourceOptions,
  type SourceQuery,
  type SourceResult,
  type TherapistSource,
} from './types.js';

/** The request about to be sent; `mapRequest` may change it in place or return a new one. */
export interface RestRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Headers;
  /** POST body: serialised as JSON unless it is already a string, FormData, Blob or URLSearchParams. */
  body?: unknown;
}

export interface RestSourceOptions extends HttpSourceOptions {
  /** Search endpoint, absolute or relative to the page. */
  url: string | URL;
  /** `GET` sends the query as URL parameters, `POST` as a JSON body (either case). Default `GET`, also for any other value. */
  method?: 'GET' | 'POST';
  /**
   * Largest page asked for, sent as `limit`: a whole number from 1 to 10,000 (rounded down and
   * clamped, a numeric string read as its number). Default 1000, also for anything not a finite number.
   */
  pageSize?: number;
  /**
   * Adapts the default request to an existing API. If it throws, the search fails with an
   * `adapter` error (the visitor sees a plain sentence, the developer the exception).
   */
  mapRequest?: (query: SourceQuery, request: RestRequest) => RestRequest | void;
  /**
   * Reads the answer of an existing API. Default: an array of records, or
   * `{ therapists | records: [...], total?, ranked? }`, with `total` also read from `X-Total-Count`.
   * If it throws anything but a `SourceError`, the search fails with an `adapter` error.
   */
  mapResponse?: (json: unknown, response: Response) => SourceResult | unknown[];
  /** URL of one record (enables `source.get(id)`), e.g. `(id) => \`/api/therapists/${id}\``. */
  itemUrl?: (id: string) => string | URL;
  /** Constraints the server applies (informs the widget; the engine applies all of them anyway). */
  applies?: readonly (keyof SourceQuery)[];
  /** Set when the same query may give different records (live availability): results are not reused. */
  volatile?: boolean;
  /** Name used in messages; default the URL without its query string. */
  label?: string;
}

const ALL_CONSTRAINTS: readonly (keyof SourceQuery)[] = [
  'clientType',
  'formats',
  'jurisdiction',
  'near',
  'acceptingNewClients',
];

let warnedSharedInUrl = false;

/**
 * The hard constraints as URL parameters: `clientType`, `formats` (comma-separated),
 * `jurisdiction`, `lat`, `lng`, `radiusKm`, `acceptingNewClients=true`, plus `limit`.
 * Shared answers never go in a URL (servers and proxies log URLs): use POST for them.
 */
export function queryParameters(query: SourceQuery, params = new URLSearchParams()): URLSearchParams {
  if (query.clientType) params.set('clientType', query.clientType);
  if (query.formats?.length) params.set('formats', query.formats.join(','));
  if (query.jurisdiction) params.set('jurisdiction', query.jurisdiction);
  if (query.near) {
    params.set('lat', String(query.near.lat));
    params.set('lng', String(query.near.lng));
    params.set('radiusKm', String(query.near.radiusKm));
  }
  if (query.acceptingNewClients) params.set('acceptingNewClients', 'true');
  return params;
}

function serialise(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (
    typeof body === 'string' ||
    body instanceof FormData ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer
  )
    return body;
  return JSON.stringify(body);
}

/** The page size `restSource` asks for unless `pageSize` says otherwise, and its range. */
export const PAGE_SIZE = { fallback: 1000, min: 1, max: 10_000, integer: true } as const;

/** An exception from the site's own code (a mapping function), as an `adapter` error for developers. */
function adapterError(label: string, hook: string, cause: unknown): SourceError {
  const what = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new SourceError(
    'adapter',
    `${label}: ${hook} threw ${what}: this is a bug in the site's source configuration, not a network or server problem`,
    undefined,
    { cause },
  );
}

/** Calls one of the site's hooks; anything but a SourceError it throws becomes an `adapter` error. */
function callHook<T>(label: string, hook: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw adapterError(label, hook, error);
  }
}

const functionOption = <F>(name: string, value: unknown, warn: (message: string) => void): F | undefined => {
  if (value === undefined || typeof value === 'function') return value as F | undefined;
  warn(`${name} is ${typeof value}, not a function; it is ignored`);
  return undefined;
};

/**
 * A search API over HTTP: sends the hard constraints, reads one page of candidates. Every option
 * has a defined meaning for any value: an invalid one is replaced by its default with a console
 * warning, and a `url` that is not a URL fails each search with an `adapter` error.
 */
export function restSource(options: RestSourceOptions): TherapistSource {
  const given: Partial<RestSourceOptions> = options !== null && typeof options === 'object' ? options : {};
  let label = typeof given.label === 'string' && given.label ? given.label : undefined;
  try {
    label ??= describeUrl(given.url ?? '') || 'the search API';
  } catch {
    label ??= 'the search API';
  }
  const warn = warnAbout(label);
  const http = readHttpOptions(given, label);
  const methodName = typeof given.method === 'string' ? given.method.toUpperCase() : given.method;
  const method = methodName === 'POST' ? 'POST' : 'GET';
  if (methodName !== undefined && methodName !== 'GET' && methodName !== 'POST')
    warn(`method ${String(given.method)} is not GET or POST; using GET`);
  const pageSize = numberOption('pageSize', given.pageSize, PAGE_SIZE, warn);
  const mapRequest = functionOption<RestSourceOptions['mapRequest']>('mapRequest', given.mapRequest, warn);
  const mapResponse = functionOption<RestSourceOptions['mapResponse']>('mapResponse', given.mapResponse, warn);
  const itemUrl = functionOption<RestSourceOptions['itemUrl']>('itemUrl', given.itemUrl, warn);
  const applies = Array.isArray(given.applies)
    ? given.applies.filter((key) => ALL_CONSTRAINTS.includes(key))
    : ALL_CONSTRAINTS;
  const base = () => {
    try {
      return new URL(given.url as string | URL, globalThis.document?.baseURI ?? globalThis.location?.href);
    } catch (cause) {
      throw new SourceError(
        'adapter',
        `${label}: url ${JSON.stringify(String(given.url))} is not a valid URL: check the url option of restSource`,
        undefined,
        { cause },
      );
    }
  };
  const hint = 'map the response with mapResponse';

  return {
    label,
    applies,
    volatile: given.volatile === true,
    async search(query, { signal }) {
      let req: RestRequest = { url: base(), method, headers: new Headers({ accept: 'application/json' }) };
      if (method === 'GET') {
        queryParameters(query, req.url.searchParams);
        req.url.searchParams.set('limit', String(pageSize));
        if (query.shared && !mapRequest && !warnedSharedInUrl) {
          warnedSharedInUrl = true;
          console.warn(
            `therapist-match: ${label} uses GET, so the shared answers (${Object.keys(query.shared).join(', ')}) are not sent: answers never go in a URL. Use method: 'POST' or mapRequest.`,
          );
        }
      } else {
        req.headers.set('content-type', 'application/json');
        req.body = { ...query, limit: pageSize };
      }
      if (mapRequest) {
        const mapped = callHook(label, 'mapRequest', () => mapRequest(query, req));
        if (mapped !== undefined && (mapped === null || typeof mapped !== 'object'))
          throw new SourceError(
            'adapter',
            `${label}: mapRequest returned ${mapped === null ? 'null' : typeof mapped}, not the request: change the request in place, or return it`,
          );
        req = mapped ?? req;
      }
      // What mapRequest left is checked here, so a bad URL or header is the adapter's error, not the network's.
      const reqMethod = req.method === 'POST' ? 'POST' : 'GET';
      const target = callHook(label, 'mapRequest', () => new URL(req.url, base()));
      const init = callHook(label, 'mapRequest', () => ({
        method: reqMethod,
        headers: new Headers(req.headers),
        body: reqMethod === 'GET' ? undefined : serialise(req.body),
      }));
      return request(target, init, { ...http, signal, label }, async (response) => {
        const json = await readJson(response, label);
        if (mapResponse) return callHook(label, 'mapResponse', () => mapResponse(json, response));
        const { records, total } = recordsInResponse(json, label, hint);
        const header = Number(response.headers.get('x-total-count'));
        const ranked = (json as { ranked?: unknown }).ranked === true;
        return {
          records,
          total: total ?? (Number.isFinite(header) && response.headers.has('x-total-count') ? header : undefined),
          ...(ranked ? { ranked } : {}),
        };
      });
    },
    ...(itemUrl
      ? {
          async get(id: string, { signal }: { signal: AbortSignal }) {
            const url = callHook(label, 'itemUrl', () => new URL(itemUrl(id), base()));
            try {
              return await request(url, { method: 'GET' }, { ...http, signal, label: describeUrl(url) }, (response) =>
                readJson(response, describeUrl(url)),
              );
            } catch (error) {
              if (error instanceof SourceError && error.status === 404) return undefined;
              throw error;
            }
          },
        }
      : {}),
  };
}
