// HTTP for the built-in sources: one request with a deadline and the caller's abort signal, and
// every way it can fail turned into a SourceError whose message says what to check.
import { SourceError, type HttpSourceOptions } from './types.js';

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Reason phrases for when the server (or HTTP/2) sends none. */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A URL as shown in messages: without its query string (which may carry the person's location). */
export function describeUrl(url: string | URL): string {
  const text = String(url);
  const cut = text.search(/[?#]/);
  return cut === -1 ? text : text.slice(0, cut);
}

function advice(status: number, hint: string): string {
  if (status === 404 || status === 410) return hint;
  if (status === 401 || status === 403) return 'check the headers or credentials the server needs';
  if (status === 429) return 'the server is rate limiting: try again later';
  if (status >= 500) return 'the server failed: check its logs, then Retry';
  return 'the server rejected the request: check the URL and the request mapping';
}

export interface RequestOptions extends HttpSourceOptions {
  signal: AbortSignal;
  /** Name used in messages, e.g. `therapists.json`. */
  label: string;
  /** What to check when the server answers 404, e.g. `check the src URL`. */
  notFoundHint?: string;
}

/**
 * Fetches `url` and reads the body with `read`, all within `timeoutMs`. Rejects only with a
 * `SourceError`: `aborted` when the caller's signal fired, `timeout`, `network`, `http`, or whatever
 * `read` throws.
 */
export async function request<T>(
  url: string | URL,
  init: RequestInit,
  options: RequestOptions,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  const { signal, label } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (signal.aborted) throw aborted(label);
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: options.credentials ?? 'same-origin',
        ...init,
        headers: mergeHeaders(options.headers, init.headers),
        signal: controller.signal,
      });
    } catch (cause) {
      throw failure(cause, label, timeoutMs, timedOut, signal);
    }
    if (!response.ok) {
      const statusText = response.statusText || STATUS_TEXT[response.status] || '';
      throw new SourceError(
        'http',
        `${label} answered HTTP ${response.status}${statusText ? ` ${statusText}` : ''}: ${advice(
          response.status,
          options.notFoundHint ?? 'check the URL',
        )}`,
        response.status,
      );
    }
    try {
      return await read(response);
    } catch (cause) {
      if (cause instanceof SourceError) throw cause;
      throw failure(cause, label, timeoutMs, timedOut, signal);
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

function failure(cause: unknown, label: string, timeoutMs: number, timedOut: boolean, signal: AbortSignal) {
  if (timedOut)
    return new SourceError(
      'timeout',
      `${label} did not answer within ${formatSeconds(timeoutMs)}: check the server, or raise timeoutMs`,
      undefined,
      { cause },
    );
  if (signal.aborted) return aborted(label, cause);
  const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  return new SourceError(
    'network',
    `Could not reach ${label}${detail}: check the URL, that the server is up, and that it allows requests from this page (CORS)`,
    undefined,
    { cause },
  );
}

export function aborted(label: string, cause?: unknown): SourceError {
  return new SourceError('aborted', `The request to ${label} was cancelled`, undefined, { cause });
}

/** Rejects with an `aborted` SourceError if `signal` has fired. */
export function throwIfAborted(signal: AbortSignal, label: string): void {
  if (signal.aborted) throw aborted(label);
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

function mergeHeaders(base: HeadersInit | undefined, extra: HeadersInit | undefined): Headers {
  const headers = new Headers(base);
  new Headers(extra).forEach((value, key) => headers.set(key, value));
  return headers;
}

/** Reads a body as JSON, with a parse error that says what came back instead. */
export async function readJson(response: Response, label: string): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (cause) {
    const type = response.headers.get('content-type')?.split(';')[0] || 'no content type';
    const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
    const hint = /^</.test(start)
      ? 'the URL seems to point at a web page, not the data'
      : 'check that the file is valid JSON (a JSON linter shows where)';
    throw new SourceError(
      'parse',
      `${label} did not answer with valid JSON (${type}, starting "${start}"): ${hint}`,
      undefined,
      { cause },
    );
  }
}

/** A short description of a value's shape for "expected X, got Y" messages. */
export function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const keys = Object.keys(value).slice(0, 5);
    return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object';
  }
  return typeof value;
}

/**
 * The records in a JSON document: an array, or `{ therapists: [...] }` (also `{ records: [...] }`).
 * Anything else is a `shape` error.
 */
export function recordsIn(json: unknown, label: string, hint: string): { records: unknown[]; total?: number } {
  if (Array.isArray(json)) return { records: json };
  if (json !== null && typeof json === 'object') {
    const body = json as { therapists?: unknown; records?: unknown; total?: unknown };
    const records = Array.isArray(body.therapists) ? body.therapists : body.records;
    if (Array.isArray(records))
      return { records, total: typeof body.total === 'number' && body.total >= 0 ? body.total : undefined };
  }
  throw new SourceError(
    'shape',
    `${label} answered ${shapeOf(json)}, not therapist records: expected an array of records or { "therapists": [...] }; ${hint}`,
  );
}

/** The last path segment of a URL, for messages: `https://x/y/therapists.json?v=2` → `therapists.json`. */
export function fileLabel(url: string | URL): string {
  const path = describeUrl(url);
  return path.slice(path.lastIndexOf('/') + 1) || path;
}
