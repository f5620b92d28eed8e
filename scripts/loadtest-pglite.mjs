// PGlite (PostgreSQL in WebAssembly, in process) against the in-memory store, for the embedded
// default: load time and time per search over the same 10,000 sample listings, same queries.
// PGlite has no PostGIS, so its table keeps lat/lng as numbers with a B-tree index and measures
// distance with the haversine formula in SQL. `node scripts/loadtest-pglite.mjs [count]`.
import { PGlite } from '@electric-sql/pglite';
import { cpus } from 'node:os';
import { parseTherapists } from 'therapist-match/engine';
import { coveringJurisdictions, memoryStore, telehealthJurisdictions } from 'therapist-match/server';
import { generateTherapists } from '../demo/sample/generate.js';

const COUNT = Number(process.argv[2] ?? 10_000);
const RUNS = 30;
const { therapists } = parseTherapists(generateTherapists(COUNT));
const QUERIES = {
  'couple near SF or video in CA': {
    clientType: 'couple',
    jurisdiction: 'US-CA',
    near: { lat: 37.76, lng: -122.41, radiusKm: 27 },
    acceptingNewClients: true,
  },
  'video only, licensed in CA': { clientType: 'individual', formats: ['telehealth'], jurisdiction: 'US-CA' },
  'in person near NYC': {
    clientType: 'individual',
    formats: ['in-person'],
    near: { lat: 40.71, lng: -74.01, radiusKm: 12 },
  },
};

async function time(work) {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

let started = performance.now();
const memory = memoryStore(therapists);
const memoryLoad = performance.now() - started;

started = performance.now();
const db = await PGlite.create();
await db.exec(`
CREATE TABLE therapists (id text PRIMARY KEY, record jsonb NOT NULL, lat float8, lng float8, client_types text[],
  formats text[] NOT NULL, telehealth_jurisdictions text[] NOT NULL, accepting_new_clients boolean);
CREATE INDEX ON therapists (lat, lng);
CREATE INDEX ON therapists USING gin (telehealth_jurisdictions);`);
for (let i = 0; i < therapists.length; i += 1000) {
  const rows = therapists.slice(i, i + 1000).map((t) => ({
    id: t.id,
    record: t,
    lat: t.location?.lat ?? null,
    lng: t.location?.lng ?? null,
    client_types: t.clientTypes ?? null,
    formats: t.formats ?? [],
    jurisdictions: telehealthJurisdictions(t),
    accepting: t.acceptingNewClients ?? null,
  }));
  await db.query(
    `INSERT INTO therapists SELECT r->>'id', r->'record', (r->>'lat')::float8, (r->>'lng')::float8,
       CASE WHEN jsonb_typeof(r->'client_types') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(r->'client_types')) END,
       ARRAY(SELECT jsonb_array_elements_text(r->'formats')), ARRAY(SELECT jsonb_array_elements_text(r->'jurisdictions')),
       (r->>'accepting')::boolean FROM jsonb_array_elements($1::jsonb) r`,
    [JSON.stringify(rows)],
  );
}
const pgliteLoad = performance.now() - started;

function pgliteSearch(query, limit) {
  const params = [];
  const p = (v) => `$${params.push(v)}`;
  const and = [];
  if (query.clientType) and.push(`(client_types IS NULL OR client_types @> ARRAY[${p(query.clientType)}])`);
  if (query.acceptingNewClients) and.push('accepting_new_clients IS NOT FALSE');
  const allows = (f) => !query.formats || query.formats.includes(f);
  let inPerson = allows('in-person') ? `formats @> '{in-person}'` : 'false';
  let distance = `'Infinity'::float8`;
  if (allows('in-person') && query.near) {
    const { lat, lng, radiusKm } = query.near;
    const dLat = radiusKm / 111.2;
    const dLng = radiusKm / (111.2 * Math.cos((lat * Math.PI) / 180));
    const km = `(2 * 6371.0088 * asin(sqrt(power(sin(radians(lat - ${p(lat)}) / 2), 2) + cos(radians(${p(lat)})) * cos(radians(lat)) * power(sin(radians(lng - ${p(lng)}) / 2), 2))))`;
    inPerson += ` AND lat BETWEEN ${p(lat - dLat)} AND ${p(lat + dLat)} AND lng BETWEEN ${p(lng - dLng)} AND ${p(lng + dLng)} AND ${km} <= ${p(radiusKm)}`;
    distance = `CASE WHEN ${inPerson} THEN ${km} ELSE 'Infinity'::float8 END`;
  }
  let telehealth = allows('telehealth') ? `formats @> '{telehealth}'` : 'false';
  if (allows('telehealth') && query.jurisdiction)
    telehealth += ` AND telehealth_jurisdictions && ${p(coveringJurisdictions(query.jurisdiction))}::text[]`;
  and.push(`((${inPerson}) OR (${telehealth}))`);
  const where = and.join(' AND ');
  return Promise.all([
    db.query(
      `SELECT record::text AS json, ${distance} AS d FROM therapists WHERE ${where} ORDER BY d, id LIMIT ${limit}`,
      params,
    ),
    db.query(`SELECT count(*)::int AS n FROM therapists WHERE ${where}`, params),
  ]).then(([page, count]) => ({ json: page.rows.map((r) => r.json), total: count.rows[0].n }));
}

console.log(
  `${COUNT} listings, ${RUNS} searches each, page of 1000; ${cpus().length} × ${cpus()[0].model.trim()}, Node ${process.version}`,
);
console.log(`load: memory ${memoryLoad.toFixed(0)} ms, PGlite ${pgliteLoad.toFixed(0)} ms`);
for (const [name, query] of Object.entries(QUERIES)) {
  const a = await memory.search(query, { limit: 1000 });
  const b = await pgliteSearch(query, 1000);
  if (a.total !== b.total) console.log(`  (totals differ: memory ${a.total}, PGlite ${b.total})`);
  const m = await time(async () => {
    for (let i = 0; i < RUNS; i++) await memory.search(query, { limit: 1000 });
  });
  const g = await time(async () => {
    for (let i = 0; i < RUNS; i++) await pgliteSearch(query, 1000);
  });
  console.log(
    `${name.padEnd(32)} ${String(a.total).padStart(5)} candidates: memory ${(m / RUNS).toFixed(1)} ms, PGlite ${(g / RUNS).toFixed(1)} ms per search`,
  );
}
await db.close();
