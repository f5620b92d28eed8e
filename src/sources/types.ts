// The TherapistSource contract: how the widget asks any data source for candidate records.
import type { SessionFormat, ClientType } from '../engine/schema.js';

/**
 * What a source may use to narrow the candidates: hard constraints only. The person's concerns and
 * identity preferences are never included unless the site owner opts in field by field.
 */
export interface SourceQuery {
  clientType?: ClientType;
  formats?: SessionFormat[];
  /** ISO 3166-2 code where the person lives (telehealth licensing). */
  jurisdiction?: string;
  /** In-person search window. */
  near?: { lat: number; lng: number; radiusKm: number };
  acceptingNewClients?: true;
  /** Present only for fields the site owner opted in to share. */
  shared?: Record<string, unknown>;
}

export interface SearchOptions {
  signal: AbortSignal;
}

export interface SourceResult {
  /** Raw records: the widget validates them with `parseTherapists`. */
  records: unknown;
  /** Total candidates on the server when `records` is one page of them. */
  total?: number;
  /** True when the server already ranked the records. */
  ranked?: boolean;
}

export interface TherapistSource {
  search(query: SourceQuery, options: SearchOptions): Promise<SourceResult | unknown[]>;
  /** Which query fields the source applies itself (the rest are applied by the engine anyway). */
  readonly applies?: readonly (keyof SourceQuery)[];
  /** True when the same query may return different records, so the widget must not reuse a result. */
  readonly volatile?: boolean;
}

export type SourceErrorKind = 'network' | 'timeout' | 'http' | 'parse' | 'shape' | 'aborted';

/** The one error type every built-in source throws, with a message a developer can act on. */
export class SourceError extends Error {
  override name = 'SourceError';
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
