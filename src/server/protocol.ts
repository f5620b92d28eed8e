// The search protocol `restSource` speaks, read strictly: every parameter checked, every limit
// enforced, and anything malformed answered with a 4xx and a sentence that names the fix.
import { CLIENT_TYPES, FORMATS } from '../engine/rules.js';
import type { ClientType, SessionFormat } from '../engine/schema.js';
import type { SourceQuery } from '../sources/types.js';

/** The limits of one request and one response; `createHandler` options may lower or raise them. */
export interface ProtocolLimits {
  /** Records in one answer, whatever `limit` asks (a larger `limit` is clamped, not refused). Default 1000. */
  maxLimit: number;
  /** Records in one answer when the request gives no `limit`. Default 1000. */
  defaultLimit: number;
}

export const DEFAULT_LIMITS: ProtocolLimits = { maxLimit: 1000, defaultLimit: 1000 };

/** Longest request target (path and query string) in characters: 2,048. Longer gets 414. */
export const MAX_URL_LENGTH = 2048;
/** Largest POST body in bytes: 16 KiB. Larger gets 413. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Longest therapist id in an item URL: 200 characters. */
export const MAX_ID_LENGTH = 200;
/** Largest search radius in kilometres (half the Earth's circumference). */
export const MAX_RADIUS_KM = 20_040;

/** A request the handler refuses: `status` (400, 405, 413, 414 or 415) and a message naming the fix. */
export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const bad = (message: string) => new RequestError(400, message);

/** A search as the handler runs it: the hard constraints and the page size. */
export interface SearchRequest {
  query: SourceQuery;
  limit: number;
}

const JURISDICTION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const GET_PARAMETERS = [
  'clientType',
  'formats',
  'jurisdiction',
  'lat',
  'lng',
  'radiusKm',
  'acceptingNewClients',
  'limit',
];

function clientTypeOf(value: unknown): ClientType | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && (CLIENT_TYPES as readonly string[]).includes(value)) return value as ClientType;
  throw bad(`clientType must be one of ${CLIENT_TYPES.join(', ')}; got ${describe(value)}`);
}

function formatsOf(value: unknown): SessionFormat[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? value.split(',').filter(Boolean) : value;
  if (!Array.isArray(list)) throw bad(`formats must be a list of ${FORMATS.join(', ')}; got ${describe(value)}`);
  for (const format of list)
    if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format))
      throw bad(`formats must list ${FORMATS.join(' and/or ')}; got ${describe(format)}`);
  const formats = FORMATS.filter((format) => list.includes(format));
  return formats.length ? formats : undefined;
}

function jurisdictionOf(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  const code = typeof value === 'string' ? value.trim().toUpperCase() : undefined;
  if (!code || !JURISDICTION.test(code))
    throw bad(`jurisdiction must be an ISO 3166 code such as US-CA, GB or NZ-AUK; got ${describe(value)}`);
  return code;
}

function numberOf(name: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw bad(`${name} must be a number; got ${describe(value)}`);
  if (n < min || n > max) throw bad(`${name} must be from ${min} to ${max}; got ${n}`);
  return n;
}

function nearOf(lat: unknown, lng: unknown, radiusKm: unknown): SourceQuery['near'] {
  const near = {
    lat: numberOf('lat', lat, -90, 90),
    lng: numberOf('lng', lng, -180, 180),
    radiusKm: numberOf('radiusKm', radiusKm, 0, MAX_RADIUS_KM),
  };
  const given = Object.values(near).filter((n) => n !== undefined).length;
  if (given === 0) return undefined;
  if (given < 3) throw bad('lat, lng and radiusKm go together: give all three or none');
  return near as SourceQuery['near'];
}

function acceptingOf(value: unknown): true | undefined {
  if (value === undefined || value === '' || value === false || value === 'false') return undefined;
  if (value === true || value === 'true') return true;
  throw bad(`acceptingNewClients must be true or false; got ${describe(value)}`);
}

function limitOf(value: unknown, limits: ProtocolLimits): number {
  const n = numberOf('limit', value, 1, Number.MAX_SAFE_INTEGER);
  return n === undefined ? limits.defaultLimit : Math.min(limits.maxLimit, Math.trunc(n));
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Reads a GET search: `clientType`, `formats` (comma-separated), `jurisdiction`, `lat` + `lng` +
 * `radiusKm`, `acceptingNewClients=true`, `limit`. Other parameters are ignored (a site's
 * `mapRequest` may add its own); each known one may appear once.
 */
export function readSearchParams(params: URLSearchParams, limits: ProtocolLimits = DEFAULT_LIMITS): SearchRequest {
  const one = (name: string): string | undefined => {
    const values = params.getAll(name);
    if (values.length > 1) throw bad(`${name} is given ${values.length} times; give it once`);
    return values[0];
  };
  const values = Object.fromEntries(GET_PARAMETERS.map((name) => [name, one(name)]));
  return {
    query: compact({
      clientType: clientTypeOf(values.clientType),
      formats: formatsOf(values.formats),
      jurisdiction: jurisdictionOf(values.jurisdiction),
      near: nearOf(values.lat, values.lng, values.radiusKm),
      acceptingNewClients: acceptingOf(values.acceptingNewClients),
    }),
    limit: limitOf(values.limit, limits),
  };
}

/**
 * Reads a POST search: the `SourceQuery` as JSON (`near` as an object, `formats` as a list),
 * plus `limit`, plus `shared` answers when the site opted in to send them.
 */
export function readSearchBody(body: unknown, limits: ProtocolLimits = DEFAULT_LIMITS): SearchRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw bad('the body must be a JSON object such as {"clientType":"couple","limit":100}');
  const field = (name: string): unknown =>
    Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
  const near = field('near');
  if (near !== undefined && (near === null || typeof near !== 'object' || Array.isArray(near)))
    throw bad('near must be an object {"lat":…,"lng":…,"radiusKm":…}');
  const at = (name: string): unknown =>
    near && Object.hasOwn(near, name) ? (near as Record<string, unknown>)[name] : undefined;
  const shared = field('shared');
  if (shared !== undefined && (shared === null || typeof shared !== 'object' || Array.isArray(shared)))
    throw bad('shared must be an object of answers');
  return {
    query: compact({
      clientType: clientTypeOf(field('clientType')),
      formats: formatsOf(field('formats')),
      jurisdiction: jurisdictionOf(field('jurisdiction')),
      near: near === undefined ? undefined : nearOf(at('lat'), at('lng'), at('radiusKm')),
      acceptingNewClients: acceptingOf(field('acceptingNewClients')),
      shared: shared === undefined ? undefined : ownCopy(shared as Record<string, unknown>),
    }),
    limit: limitOf(field('limit'), limits),
  };
}

/** An own-keys copy without a prototype, so no key from the request can reach `__proto__`. */
function ownCopy(object: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(object)) copy[key] = object[key];
  return Object.keys(copy).length ? copy : (undefined as never);
}

function compact(query: SourceQuery): SourceQuery {
  const out: SourceQuery = {};
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}
