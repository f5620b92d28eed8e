// HTTP for the built-in sources: one request with a deadline and the caller's abort signal, and
// every way it can fail turned into a SourceError whose message says what to check.
import { SourceError, type HttpSourceOptions } from './types.js';

/** The deadline of every built-in source unless `timeoutMs` says otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** The shortest and longest deadline `timeoutMs` may set. */
export const TIMEOUT_RANGE_MS = { min: 1_000, max: 120_000 } as const;

/**
 * Bodies at least this large are decoded and parsed in slices, by a chunk loaded for them
 * (body-slices.ts): a page whose directory is small never downloads it.
 */
const LARGE_BODY = 512 * 1024;
const bodySlices = () => import('./body-slices.js');

/** Characters of a server's answer kept for developers in a `SourceError` (never shown to visitors). */
const BODY_EXCERPT = 300;

/** A URL as shown in messages: without its query string (which may carry the person's location). */
export function describeUrl(url: string | URL): string {
  const text = String(url);
  const cut = text.search(/[?#]/);
  return cut === -1 ? text : text.slice(0, cut);
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
 * `SourceError` carrying the URL (without its query): `aborted` when the caller's signal fired,
 * `timeout`, `network`, `http` (with the start of the server's answer in `body`), or whatever
 * `read` throws.
 */
export async function request<T>(
  url: string | URL,
  init: RequestInit,
  options: RequestOptions,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  const { signal, label } = options;
  // The public sources clamp it (readHttpOptions); sourceFromSrc gives none.
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const where = describeUrl(absolute(url));
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
      throw failure(cause, label, where, timeoutMs, timedOut, signal);
    }
    if (!response.ok) {
      const { status, statusText } = response;
      const hint = options.notFoundHint ?? 'check the URL';
      // The words come with their own small chunk; if even that cannot load, the bare status.
      const words = await import('./http-status.js').then(
        (m) => m.statusMessage(status, statusText, hint),
        () => `HTTP ${status} ${statusText}`.trimEnd(),
      );
      const body = await excerptOf(response);
      throw new SourceError('http', `${label} answered ${words}`, response.status, {
        url: where,
        ...(body ? { body } : {}),
      });
    }
    try {
      return await read(response);
    } catch (cause) {
      if (cause instanceof SourceError) {
        cause.url ??= where;
        throw cause;
      }
      throw failure(cause, label, where, timeoutMs, timedOut, signal);
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * A response's body as bytes. A large one (by its Content-Length) is read chunk by chunk with
 * turns for the browser (`bytesOf` in body-slices.ts); `arrayBuffer()` copies it in one task.
 */
export async function bodyBytes(response: Response): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length')) >= LARGE_BODY) return (await bodySlices()).bytesOf(response);
  return new Uint8Array(await response.arrayBuffer());
}

/** `url` resolved against the page, as the developer finds it in the network panel. */
function absolute(url: string | URL): string {
  try {
    return new URL(url, globalThis.document?.baseURI ?? globalThis.location?.href).href;
  } catch {
    return String(url);
  }
}

/** The start of a response's body, whitespace collapsed; undefined when it cannot be read in time. */
async function excerptOf(response: Response): Promise<string | undefined> {
  try {
    const reader = response.body?.getReader();
    if (!reader) return undefined;
    const decoder = new TextDecoder();
    let text = '';
    while (text.length < BODY_EXCERPT * 2) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    void reader.cancel().catch(() => {});
    return excerpt(text);
  } catch {
    return undefined;
  }
}

/** At most `BODY_EXCERPT` characters of `text`, whitespace collapsed; undefined for nothing. */
export function excerpt(text: string): string | undefined {
  const start = text
    .trim()
    .slice(0, BODY_EXCERPT * 2)
    .replace(/\s+/g, ' ');
  if (!start) return undefined;
  return start.length > BODY_EXCERPT ? `${start.slice(0, BODY_EXCERPT)}…` : start;
}

function failure(
  cause: unknown,
  label: string,
  url: string,
  timeoutMs: number,
  timedOut: boolean,
  signal: AbortSignal,
) {
  if (timedOut)
    return new SourceError(
      'timeout',
      `${label} did not answer within ${formatSeconds(timeoutMs)}: check the server, or raise timeoutMs`,
      undefined,
      { cause, url },
    );
  if (signal.aborted) return aborted(label, cause);
  const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  return new SourceError(
    'network',
    `Could not reach ${label}${detail}: check the URL, that the server is up, and that it allows requests from this page (CORS)`,
    undefined,
    { cause, url },
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

/** A decoded body, and whether its encoding had to be guessed. */
export interface DecodedText {
  text: string;
  /** The encoding used, as `TextDecoder` names it (`utf-8`, `utf-16le`, `windows-1252`…). */
  encoding: string;
  /** True when the bytes were not valid UTF-8 and no charset was declared: read as Windows-1252. */
  guessed: boolean;
}

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/**
 * Decodes a file's bytes, whatever a spreadsheet saved: a byte-order mark decides first (UTF-8,
 * UTF-16LE, UTF-16BE, and it is dropped), then NUL bytes reveal UTF-16 without one; otherwise
 * UTF-8, and bytes that are not valid UTF-8 are read in `charset` (from the Content-Type) or, when
 * none is declared, as Windows-1252 (what Excel on Windows saves as "CSV").
 */
export function decodeText(bytes: ArrayBuffer | ArrayBufferView, charset?: string): string {
  return decodeBytes(bytes, charset).text;
}

/** `decodeText`, also saying which encoding was used and whether it was a guess. */
export function decodeBytes(bytes: ArrayBuffer | ArrayBufferView, charset?: string): DecodedText {
  const view = viewOf(bytes);
  const decode = (encoding: string, fatal = false) => ({
    text: new TextDecoder(encoding, { fatal }).decode(view),
    encoding,
    guessed: false,
  });
  const sure = encodingOf(view);
  if (sure) return decode(sure);
  try {
    return decode('utf-8', true);
  } catch {
    const declared = declaredEncoding(charset);
    return declared ? decode(declared) : { ...decode('windows-1252'), guessed: true };
  }
}

export function viewOf(bytes: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
}

/** The encoding a byte-order mark or NUL bytes make certain; undefined when UTF-8 is to be tried. */
export function encodingOf(view: Uint8Array): string | undefined {
  if (view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf) return 'utf-8';
  if (view[0] === 0xff && view[1] === 0xfe) return 'utf-16le';
  if (view[0] === 0xfe && view[1] === 0xff) return 'utf-16be';
  return utf16ByNulBytes(view);
}

/** A declared charset other than UTF-8 that `TextDecoder` knows, for bytes that are not valid UTF-8. */
export function declaredEncoding(charset: string | undefined): string | undefined {
  const declared = charset?.trim().toLowerCase();
  if (!declared || UTF8_LABELS.has(declared)) return undefined;
  try {
    new TextDecoder(declared);
    return declared;
  } catch {
    return undefined; // an encoding TextDecoder does not know: the guess instead
  }
}

/**
 * UTF-16 without a byte-order mark, recognised by its NUL bytes: text that is mostly ASCII (a
 * CSV header, JSON keys) has a zero in every other byte, on the odd side for little-endian.
 */
function utf16ByNulBytes(view: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(view.length, 4096) & ~1;
  if (length < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 2) {
    if (view[i] === 0) even++;
    if (view[i + 1] === 0) odd++;
  }
  const pairs = length / 2;
  if (odd >= pairs / 4 && even === 0) return 'utf-16le';
  if (even >= pairs / 4 && odd === 0) return 'utf-16be';
  return undefined;
}

/** The `charset` parameter of a response's Content-Type, if any. */
export function charsetOf(response: Response): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
}

/**
 * A response's bytes, and their text decoded by `decodeBytes` (in slices) only when a reader asks,
 * once: the JSON reader parses valid UTF-8 without ever building the whole text.
 */
export class ResponseBody {
  private decoding?: Promise<DecodedText>;
  readonly bytes: Uint8Array;
  constructor(
    bytes: ArrayBuffer | ArrayBufferView,
    private readonly charset?: string,
  ) {
    this.bytes = viewOf(bytes);
  }
  /** The text, as `decodeBytes` decodes it (a large body in slices). */
  decoded(): Promise<DecodedText> {
    return (this.decoding ??=
      this.bytes.byteLength < LARGE_BODY
        ? Promise.resolve(decodeBytes(this.bytes, this.charset))
        : bodySlices().then(({ decodeBytesInSlices }) => decodeBytesInSlices(this.bytes, this.charset)));
  }
  /** True when the text was decoded in a guessed encoding (Windows-1252). */
  async guessed(): Promise<boolean> {
    return this.decoding ? (await this.decoding).guessed : false;
  }
}

/** Reads a body as JSON (see `jsonOf`), with a parse error that says what came back instead. */
export async function readJson(response: Response, label: string): Promise<unknown> {
  return jsonOf(new ResponseBody(await bodyBytes(response), charsetOf(response)), response, label);
}

/**
 * The JSON of a body, as `JSON.parse` of its text decoded by `decodeBytes`. A large UTF-8 body is
 * parsed in slices that leave the page responsive (`parseJsonBytesInSlices`); anything else is
 * decoded and parsed whole. Throws a `parse` SourceError that says what came back instead.
 */
export async function jsonOf(body: ResponseBody, response: Response, label: string): Promise<unknown> {
  const parsed =
    body.bytes.byteLength >= LARGE_BODY ? await (await bodySlices()).parseLargeJson(body.bytes) : undefined;
  return parsed ? parsed.value : parseJson((await body.decoded()).text, response, label);
}

/** Parses a decoded body as JSON, with a parse error that says what came back instead. */
export function parseJson(text: string, response: Response, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw invalidJson(text, response, label, cause);
  }
}

function invalidJson(text: string, response: Response, label: string, cause: unknown): SourceError {
  const type = response.headers.get('content-type')?.split(';')[0] || 'no content type';
  const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
  const hint = /^</.test(start)
    ? 'the URL seems to point at a web page, not the data'
    : !/^[[{]/.test(start) && /[,;\t]/.test(text.slice(0, text.search(/[\r\n]|$/)))
      ? 'it looks like CSV: add format="csv" to the element (or use csvSource)'
      : 'check that the file is valid JSON (a JSON linter shows where)';
  const body = excerpt(text);
  return new SourceError(
    'parse',
    `${label} did not answer with valid JSON (${type}, starting "${start}"): ${hint}`,
    undefined,
    { cause, ...(body ? { body } : {}) },
  );
}

/**
 * A short description of a value's shape for "expected X, got Y" messages: the same function and
 * wording as `shapeOf` in engine/describe.ts, its home. Copied, not imported: the file reader and the
 * record check are separate first-visit chunks of the drop-in, and a module both import becomes a
 * chunk of its own, about 115 gzipped bytes more on a first visit (over its budget).
 */
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
export function recordsInResponse(json: unknown, label: string, hint: string): { records: unknown[]; total?: number } {
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
