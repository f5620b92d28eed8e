// The directory's HTTP API as one node:http request handler: the protocol `restSource` speaks over
// any `DirectoryStore`. No framework; Express, Fastify and Hono adapt it (docs/server.md).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { MatchAnswers } from '../engine/answers.js';
import { rankTherapists } from '../engine/rank.js';
import type { SourceQuery } from '../sources/types.js';
import {
  DEFAULT_LIMITS,
  MAX_BODY_BYTES,
  MAX_ID_LENGTH,
  MAX_URL_LENGTH,
  RequestError,
  readSearchBody,
  readSearchParams,
  type ProtocolLimits,
  type SearchRequest,
} from './protocol.js';
import type { DirectoryStore } from './store.js';

const gzipAsync = promisify(gzip);

export interface HandlerOptions extends Partial<ProtocolLimits> {
  /** Where the store lives. */
  store: DirectoryStore;
  /** Path of the search endpoint; one record is at `<path>/<id>`. Default `/api/therapists`. */
  path?: string;
  /**
   * Origin allowed to call the API from another site (`Access-Control-Allow-Origin`), or `*`.
   * Default: none (same origin only).
   */
  allowOrigin?: string;
  /**
   * When a POST shares answers (`queryFromAnswers(…, { share })`), the store is asked for up to
   * this many times `limit` candidates, the engine ranks them and the best `limit` are sent. Default 4.
   */
  rankWindow?: number;
  /**
   * Called with every server error (status 500) and the request's method and path: never the
   * query string or the body, which may carry a person's location or shared answers.
   * Default: `console.error` of the same.
   */
  onError?: (error: unknown, request: { method: string; path: string }) => void;
}

/** A node:http handler; `next`, when given (Express, Connect), receives requests outside `path`. */
export type DirectoryHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

const MAX_RANK_WINDOW = 20_000;

/**
 * The directory API over `store`:
 *
 * - `GET <path>?clientType=…&formats=…&jurisdiction=…&lat=…&lng=…&radiusKm=…&acceptingNewClients=true&limit=…`
 * - `POST <path>` with the `SourceQuery` as JSON (and `limit`, and `shared` answers if the site sends them)
 *   → `{ "therapists": [...], "total": N }`, `X-Total-Count: N`, gzip when the client accepts it;
 * - `GET <path>/<id>` → the record, or 404.
 *
 * Malformed requests get 400 (413, 414, 415, 405) with `{ "error": "…" }` naming the fix; never 500.
 */
export function createHandler(options: HandlerOptions): DirectoryHandler {
  const { store } = options;
  if (!store || typeof store.search !== 'function' || typeof store.get !== 'function')
    throw new TypeError(
      'createHandler needs { store }: a DirectoryStore such as memoryStore(records) or postgresStore(pool)',
    );
  const prefix = (options.path ?? '/api/therapists').replace(/\/+$/, '');
  const maxLimit = wholeNumber(options.maxLimit, DEFAULT_LIMITS.maxLimit);
  const limits: ProtocolLimits = {
    maxLimit,
    defaultLimit: Math.min(maxLimit, wholeNumber(options.defaultLimit, DEFAULT_LIMITS.defaultLimit)),
  };
  const rankWindow = wholeNumber(options.rankWindow, 4);
  const onError =
    options.onError ??
    ((error: unknown, request: { method: string; path: string }) =>
      console.error(`therapist-match server: ${request.method} ${request.path} failed:`, error));

  return async function handle(req, res, next) {
    const target = req.url ?? '/';
    const path = target.split('?', 1)[0];
    if (path !== prefix && !path.startsWith(`${prefix}/`)) {
      if (next) return next();
      return send(req, res, 404, { error: `not found: the directory API is at ${prefix}` });
    }
    const method = req.method ?? 'GET';
    try {
      if (options.allowOrigin) {
        res.setHeader('access-control-allow-origin', options.allowOrigin);
        res.setHeader('vary', 'origin');
      }
      if (method === 'OPTIONS') {
        res.setHeader('access-control-allow-methods', 'GET, POST');
        res.setHeader('access-control-allow-headers', 'content-type');
        res.setHeader('access-control-max-age', '600');
        res.writeHead(204).end();
        return;
      }
      if (target.length > MAX_URL_LENGTH)
        throw new RequestError(414, `the request URL is longer than ${MAX_URL_LENGTH} characters`);
      if (path === prefix) {
        let search: SearchRequest;
        if (method === 'GET' || method === 'HEAD') {
          search = readSearchParams(new URL(target, 'http://localhost').searchParams, limits);
        } else if (method === 'POST') {
          search = readSearchBody(await readJsonBody(req), limits);
        } else {
          res.setHeader('allow', 'GET, POST');
          throw new RequestError(405, `${method} is not supported here: use GET or POST`);
        }
        const page = await searchPage(store, search, rankWindow);
        res.setHeader('x-total-count', String(page.total));
        return send(req, res, 200, page.json);
      }
      if (method !== 'GET' && method !== 'HEAD') {
        res.setHeader('allow', 'GET');
        throw new RequestError(405, `${method} is not supported for one record: use GET`);
      }
      const id = idOf(path.slice(prefix.length + 1));
      const record = await store.get(id);
      return record
        ? send(req, res, 200, record)
        : send(req, res, 404, { error: `no therapist with id ${JSON.stringify(id)}` });
    } catch (error) {
      if (error instanceof RequestError) return send(req, res, error.status, { error: error.message });
      onError(error, { method, path });
      if (!res.headersSent) return send(req, res, 500, { error: 'the directory could not answer; try again later' });
      res.destroy();
    }
  };
}

function wholeNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.trunc(value) : fallback;
}

function idOf(encoded: string): string {
  if (encoded === '' || encoded.includes('/'))
    throw new RequestError(400, 'give one therapist id after the path, e.g. /api/therapists/th-0042');
  let id: string;
  try {
    id = decodeURIComponent(encoded);
  } catch {
    throw new RequestError(
      400,
      'the therapist id in the URL is not valid percent-encoding (encode it with encodeURIComponent)',
    );
  }
  if (id.length > MAX_ID_LENGTH) throw new RequestError(400, `a therapist id is at most ${MAX_ID_LENGTH} characters`);
  return id;
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';', 1)[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/json')
    throw new RequestError(415, 'send the query as JSON with content-type: application/json');
  // A framework's body parser (express.json()) may have read the stream already: use its result.
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  if (req.readableEnded && parsed !== undefined) return parsed;
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) throw new RequestError(413, `the request body is larger than ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, `the request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RequestError(400, 'the request body is not valid JSON');
  }
}

/**
 * One page for a search as JSON text, and its total: the store's nearest candidates, or the
 * engine's best when answers are shared.
 */
async function searchPage(
  store: DirectoryStore,
  { query, limit }: SearchRequest,
  rankWindow: number,
): Promise<{ json: string; total: number }> {
  if (!query.shared) {
    const { records, json, total } = await store.search(query, { limit });
    // Records the store holds as JSON text go out as they are: no parse, no serialise.
    const therapists = json ? `[${json.join(',')}]` : JSON.stringify(records);
    return { json: `{"therapists":${therapists},"total":${total}}`, total };
  }
  const window = Math.min(MAX_RANK_WINDOW, Math.max(limit, limit * rankWindow));
  const { records, total } = await store.search(query, { limit: window });
  const { matches } = rankTherapists(records, answersOf(query), { limit: Infinity, minMatches: 0 });
  // The engine's matches first, then the candidates it excluded (the widget offers relaxations).
  const first = matches.map((match) => match.therapist);
  const matched = new Set(first.map((therapist) => therapist.id));
  const rest = records.filter((record) => !matched.has(record.id));
  return { json: JSON.stringify({ therapists: [...first, ...rest].slice(0, limit), total, ranked: true }), total };
}

/** The answers a query stands for: its hard constraints, plus the answers the site shared. */
export function answersOf(query: SourceQuery): MatchAnswers {
  const answers: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(query.shared ?? {})) answers[key] = value;
  if (query.clientType) answers.seeking = query.clientType;
  if (query.formats) answers.formats = { value: query.formats, importance: 'required' };
  if (query.near || query.jurisdiction)
    answers.location = {
      ...(query.near ? { lat: query.near.lat, lng: query.near.lng, maxDistanceKm: query.near.radiusKm } : {}),
      ...(query.jurisdiction ? { jurisdiction: query.jurisdiction } : {}),
    };
  if (query.acceptingNewClients) answers.acceptingNewClients = { value: true, importance: 'required' };
  answers.seeking ??= 'individual'; // only partner preferences depend on it
  return answers as unknown as MatchAnswers;
}

/**
 * JSON (a value, or text already serialised) with security headers, never cached by shared caches,
 * gzip-compressed (fastest level) when accepted and worth it.
 */
async function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): Promise<void> {
  const json = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('vary', [res.getHeader('vary'), 'accept-encoding'].filter(Boolean).join(', '));
  let payload = json;
  if (json.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    payload = await gzipAsync(json, { level: 1 });
    res.setHeader('content-encoding', 'gzip');
  }
  res.setHeader('content-length', String(payload.length));
  res.writeHead(status);
  res.end(req.method === 'HEAD' ? undefined : payload);
}
