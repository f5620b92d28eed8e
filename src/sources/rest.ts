// restSource({ url }): a directory's HTTP API that narrows the candidates server-side, with hooks
// to map the request and the response for an API that already exists.
import { describeUrl, readJson, recordsIn, request } from './http.js';
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
  /** `GET` sends the query as URL parameters, `POST` as a JSON body. Default `GET`. */
  method?: 'GET' | 'POST';
  /** Largest page asked for, sent as `limit`. Default 1000. */
  pageSize?: number;
  /** Adapts the default request to an existing API. */
  mapRequest?: (query: SourceQuery, request: RestRequest) => RestRequest | void;
  /**
   * Reads the answer of an existing API. Default: an array of records, or
   * `{ therapists | records: [...], total?, ranked? }`, with `total` also read from `X-Total-Count`.
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

/** A search API over HTTP: sends the hard constraints, reads one page of candidates. */
export function restSource(options: RestSourceOptions): TherapistSource {
  const method = options.method ?? 'GET';
  const pageSize = options.pageSize ?? 1000;
  const label = options.label ?? describeUrl(options.url);
  const base = () => new URL(options.url, globalThis.document?.baseURI ?? globalThis.location?.href);
  const hint = 'map the response with mapResponse';

  return {
    label,
    applies: options.applies ?? ALL_CONSTRAINTS,
    volatile: options.volatile,
    async search(query, { signal }) {
      let req: RestRequest = { url: base(), method, headers: new Headers({ accept: 'application/json' }) };
      if (method === 'GET') {
        queryParameters(query, req.url.searchParams);
        req.url.searchParams.set('limit', String(pageSize));
        if (query.shared && !options.mapRequest && !warnedSharedInUrl) {
          warnedSharedInUrl = true;
          console.warn(
            `therapist-match: ${label} uses GET, so the shared answers (${Object.keys(query.shared).join(', ')}) are not sent: answers never go in a URL. Use method: 'POST' or mapRequest.`,
          );
        }
      } else {
        req.headers.set('content-type', 'application/json');
        req.body = { ...query, limit: pageSize };
      }
      req = options.mapRequest?.(query, req) ?? req;
      return request(
        req.url,
        { method: req.method, headers: req.headers, body: req.method === 'GET' ? undefined : serialise(req.body) },
        { ...options, signal, label },
        async (response) => {
          const json = await readJson(response, label);
          if (options.mapResponse) return options.mapResponse(json, response);
          const { records, total } = recordsIn(json, label, hint);
          const header = Number(response.headers.get('x-total-count'));
          const ranked = (json as { ranked?: unknown }).ranked === true;
          return {
            records,
            total: total ?? (Number.isFinite(header) && response.headers.has('x-total-count') ? header : undefined),
            ...(ranked ? { ranked } : {}),
          };
        },
      );
    },
    ...(options.itemUrl
      ? {
          async get(id: string, { signal }: { signal: AbortSignal }) {
            const url = new URL(options.itemUrl!(id), base());
            try {
              return await request(
                url,
                { method: 'GET' },
                { ...options, signal, label: describeUrl(url) },
                (response) => readJson(response, describeUrl(url)),
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
