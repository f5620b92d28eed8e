// A small directory search API over the 10,000-record sample, as a directory operator would run:
// it applies the hard constraints the widget pushes down and answers one page of candidates,
// which the browser ranks with the engine. Used by demo/directory.html.
//
//   GET /api/therapists?clientType=couple&formats=in-person,telehealth&jurisdiction=US-CA
//                      &lat=37.76&lng=-122.41&radiusKm=27&acceptingNewClients=true&limit=1000
//     → { "therapists": [...], "total": 1234 }   (total before the page limit; also X-Total-Count)
//   GET /api/therapists/<id> → one record, or 404
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distanceKm } from 'therapist-match/engine';
import { generateTherapists } from '../sample/generate.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'therapists-10k.json');
const PREFIX = '/api/therapists';
const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 5000;
const FORMATS = new Set(['in-person', 'telehealth']);
const CLIENT_TYPES = new Set(['individual', 'couple', 'family', 'group']);

let directory;

/** The sample directory, written on first use if `npm start` has not written it yet. */
function loadDirectory() {
  directory ??= (async () => {
    if (!existsSync(DATA)) {
      mkdirSync(dirname(DATA), { recursive: true });
      writeFileSync(DATA, JSON.stringify(generateTherapists(10000)) + '\n');
      console.log(`directory API: wrote 10000 fictional therapists to ${DATA}`);
    }
    const records = JSON.parse(await readFile(DATA, 'utf8'));
    return { records, byId: new Map(records.map((record) => [record.id, record])) };
  })();
  return directory;
}

class BadRequest extends Error {}

/** Reads and checks the query parameters; throws BadRequest with a message naming the parameter. */
export function readConstraints(params) {
  const number = (name) => {
    const value = params.get(name);
    if (value === null || value === '') return undefined;
    const n = Number(value);
    if (!Number.isFinite(n)) throw new BadRequest(`${name} must be a number, got "${value}"`);
    return n;
  };
  const clientType = params.get('clientType') || undefined;
  if (clientType && !CLIENT_TYPES.has(clientType))
    throw new BadRequest(`clientType must be one of ${[...CLIENT_TYPES].join(', ')}`);
  const formats = params.get('formats')?.split(',').filter(Boolean);
  for (const format of formats ?? [])
    if (!FORMATS.has(format)) throw new BadRequest(`formats must list in-person and/or telehealth, got "${format}"`);
  const jurisdiction = params.get('jurisdiction')?.toUpperCase() || undefined;
  const lat = number('lat');
  const lng = number('lng');
  const radiusKm = number('radiusKm');
  const near = lat !== undefined && lng !== undefined && radiusKm !== undefined ? { lat, lng, radiusKm } : undefined;
  if (!near && (lat ?? lng ?? radiusKm) !== undefined) throw new BadRequest('lat, lng and radiusKm go together');
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(number('limit') ?? DEFAULT_LIMIT)));
  return {
    clientType,
    formats: formats?.length ? formats : undefined,
    jurisdiction,
    near,
    acceptingNewClients: params.get('acceptingNewClients') === 'true',
    limit,
  };
}

/**
 * Whether a record can fit the constraints. A record that leaves a field out is kept (the engine
 * decides), so this pre-filter never hides someone the browser would have matched.
 * It fits by one of the accepted formats: in person within the window, or telehealth licensed
 * where the person lives.
 */
export function fits(record, { clientType, formats, jurisdiction, near, acceptingNewClients }) {
  if (clientType && record.clientTypes && !record.clientTypes.includes(clientType)) return undefined;
  if (acceptingNewClients && record.acceptingNewClients === false) return undefined;
  const offers = record.formats ?? [];
  let distance;
  let inPerson = (!formats || formats.includes('in-person')) && offers.includes('in-person');
  if (inPerson && near) {
    const { lat, lng } = record.location ?? {};
    distance = typeof lat === 'number' && typeof lng === 'number' ? distanceKm(near.lat, near.lng, lat, lng) : Infinity;
    inPerson = distance <= near.radiusKm;
  }
  // The engine's rule: the listed telehealth jurisdictions, else the licences; a country-wide
  // licence (`NZ`) covers its subdivisions (`NZ-AUK`).
  const licensed = record.telehealthJurisdictions?.length
    ? record.telehealthJurisdictions
    : (record.licenses ?? []).map((licence) => licence.jurisdiction);
  const telehealth =
    (!formats || formats.includes('telehealth')) &&
    offers.includes('telehealth') &&
    (!jurisdiction || licensed.includes(jurisdiction) || licensed.includes(jurisdiction.split('-')[0]));
  if (!inPerson && !telehealth) return undefined;
  return { distance: inPerson ? (distance ?? Infinity) : Infinity };
}

function send(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('cache-control', 'no-store');
  ctx.body = JSON.stringify(body);
}

/** Koa middleware for @web/dev-server. */
export async function directoryApiMiddleware(ctx, next) {
  if (ctx.path !== PREFIX && !ctx.path.startsWith(`${PREFIX}/`)) return next();
  if (ctx.method !== 'GET') return send(ctx, 405, { error: 'use GET' });
  const { records, byId } = await loadDirectory();
  if (ctx.path.startsWith(`${PREFIX}/`)) {
    const record = byId.get(decodeURIComponent(ctx.path.slice(PREFIX.length + 1)));
    return record ? send(ctx, 200, record) : send(ctx, 404, { error: 'no therapist with this id' });
  }
  let constraints;
  try {
    constraints = readConstraints(new URLSearchParams(ctx.querystring));
  } catch (error) {
    if (error instanceof BadRequest) return send(ctx, 400, { error: error.message });
    throw error;
  }
  const found = [];
  for (const record of records) {
    const fit = fits(record, constraints);
    if (fit) found.push({ record, distance: fit.distance });
  }
  // Nearest in-person options first, so the page the browser ranks holds the closest candidates.
  found.sort((a, b) => a.distance - b.distance || (a.record.id < b.record.id ? -1 : 1));
  ctx.set('x-total-count', String(found.length));
  send(ctx, 200, { therapists: found.slice(0, constraints.limit).map((f) => f.record), total: found.length });
}
