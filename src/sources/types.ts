// The TherapistSource contract: how the widget asks any data source for candidate records.
import type { DataProblem } from '../engine/records.js';
import type { SessionFormat, ClientType } from '../engine/schema.js';

/**
 * What a source may use to narrow the candidates: hard constraints only. The person's concerns and
 * identity preferences are never included unless the site owner opts in field by field.
 * Build it with `queryFromAnswers`; equal answers give equal queries (see `queryKey`).
 */
export interface SourceQuery {
  /** Who is seeking help: keep therapists who see this client type. */
  clientType?: ClientType;
  /** Present only when the person requires these formats; a therapist offering any of them fits. */
  formats?: SessionFormat[];
  /** ISO 3166-2 code where the person lives: telehealth needs a licence there. */
  jurisdiction?: string;
  /** In-person search window: a coarse pre-filter (the engine measures exact distances). */
  near?: { lat: number; lng: number; radiusKm: number };
  /** Present only when the person requires a therapist accepting new clients. */
  acceptingNewClients?: true;
  /** Present only for fields the site owner opted in to share (`queryFromAnswers(…, { share })`). */
  shared?: Record<string, unknown>;
}

export interface SearchOptions {
  /** Aborted when the widget no longer needs the answer (a newer query, the element removed). */
  signal: AbortSignal;
}

export interface SourceResult {
  /** Raw records: the widget validates them with `parseTherapists`. */
  records: unknown;
  /** Total candidates on the server when `records` is one page of them. */
  total?: number;
  /** True when the server already ranked the records. */
  ranked?: boolean;
  /** Problems the source found while reading, before validation (an unknown CSV column, say). */
  problems?: DataProblem[];
  /** For files: the line where each record starts, so problems can name it (`lines[i]` for `records[i]`). */
  lines?: number[];
}

/**
 * Where therapist records come from. Only `search` is required: a source is any object with it.
 * Throw (or reject with) a `SourceError` so the widget can show a message a developer can act on.
 */
export interface TherapistSource {
  search(query: SourceQuery, options: SearchOptions): Promise<SourceResult | unknown[]>;
  /** One record by id (for a details view or a deep link), or `undefined` when there is none. */
  get?(id: string, options: SearchOptions): Promise<unknown>;
  /** Which query fields the source applies itself (the rest are applied by the engine anyway). */
  readonly applies?: readonly (keyof SourceQuery)[];
  /** True when the same query may return different records, so the widget must not reuse a result. */
  readonly volatile?: boolean;
  /** Short name used in messages and console warnings, e.g. the file name. */
  readonly label?: string;
  /**
   * What the source passes on from a query, for the privacy line the person reads: `nothing` (a
   * file read whole, records in memory), `constraints` (the search's hard constraints, never
   * `query.shared`) or `all` (the default: whatever `search` receives, shared answers included).
   */
  readonly sends?: 'nothing' | 'constraints' | 'all';
}

/**
 * What went wrong, for the message a visitor sees and what a developer checks:
 * - `network`: no answer at all (offline, DNS, refused, CORS), or a chunk of the widget could not load;
 * - `timeout`: no answer within `timeoutMs`;
 * - `http`: the server answered with an error status (`status`);
 * - `parse`: the answer is not valid JSON or CSV;
 * - `shape`: valid JSON, but not therapist records;
 * - `adapter`: the site's own code failed: a `mapRequest`, `mapResponse` or `itemUrl` that threw, a
 *   custom source whose `search` threw something other than a `SourceError`, an invalid option;
 * - `aborted`: the widget cancelled the request (never shown).
 */
export type SourceErrorKind = 'network' | 'timeout' | 'http' | 'parse' | 'shape' | 'adapter' | 'aborted';

/** What a `SourceError` may carry besides its kind, message and status. */
export interface SourceErrorOptions {
  cause?: unknown;
  /** The URL asked, without its query string (which may carry the person's location). */
  url?: string;
  /** The start of what the server answered (a few hundred characters), for an `http` or `parse` error. */
  body?: string;
}

/**
 * The one error type every built-in source throws. Its `message` is for developers (the console
 * and `tm-error`); visitors see a plain sentence for its `kind`, never the message.
 */
export class SourceError extends Error {
  override name = 'SourceError';
  /** The URL asked, without its query string. */
  url?: string;
  /** The start of what the server answered, for an `http` or `parse` error. */
  readonly body?: string;
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly status?: number,
    options?: SourceErrorOptions,
  ) {
    super(message, options && 'cause' in options ? { cause: options.cause } : undefined);
    if (options?.url !== undefined) this.url = options.url;
    if (options?.body !== undefined) this.body = options.body;
  }
}

/** Options every built-in HTTP source accepts. */
export interface HttpSourceOptions {
  /**
   * Milliseconds before the request fails with a `timeout` error: 1,000 to 120,000 (a value outside
   * is clamped to the nearest, a numeric string is read as its number); default 10,000, also used
   * for anything that is not a finite number (`NaN`, `Infinity`, `'soon'`), with a console warning.
   */
  timeoutMs?: number;
  /** Extra request headers, e.g. an API key the directory issues for public pages. Invalid ones are dropped with a warning. */
  headers?: HeadersInit;
  /** `fetch` credentials mode (`omit`, `same-origin` or `include`); default `same-origin`, also for any other value. */
  credentials?: RequestCredentials;
}
