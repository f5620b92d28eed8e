// `npm run loadtest`: the directory server under load. Seeds fictional listings with the sample
// generator, serves them with the package's handler in its own process, drives it with autocannon
// at rising concurrency, and prints requests per second, latency percentiles and response sizes for
// realistic queries: the in-memory store at 10,000 listings, PostgreSQL + PostGIS at 1,000,000.
//
//   npm run loadtest -- [--memory 10000] [--postgres 1000000] [--duration 5] [--connections 1,16,64]
//                       [--database URL] [--no-postgres]
//
// --memory 0 or --no-postgres leaves that store out. --database uses an existing database (seeded only when its row count differs); otherwise a
// throwaway cluster is started (scripts/postgres.mjs). docs/scaling.md quotes the results.
// "CPU ms/req" is the handler process's CPU time per answered request (from /proc on Linux): unlike
// requests per second it does not depend on what else the machine is running.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { gunzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { parseTherapists } from 'therapist-match/engine';
import { migrate, transaction, upsertTherapists } from 'therapist-match/server';
import { generateTherapists } from '../demo/sample/generate.js';
import { startPostgres } from './postgres.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const MEMORY = Number(option('memory', 10_000));
const POSTGRES = process.argv.includes('--no-postgres') ? 0 : Number(option('postgres', 1_000_000));
const DURATION = Number(option('duration', 5));
const CONNECTIONS = option('connections', '1,16,64').split(',').map(Number);
const SEED = 20261204;

/** What a visitor's widget asks (restSource's default GET and a POST with shared answers), and a card's item. */
const QUERIES = [
  {
    name: 'couple near SF, in person or video (CA)',
    path: '/api/therapists?clientType=couple&jurisdiction=US-CA&lat=37.76&lng=-122.41&radiusKm=27&acceptingNewClients=true&limit=1000',
  },
  {
    name: 'video only, licensed in CA (largest set)',
    path: '/api/therapists?clientType=individual&formats=telehealth&jurisdiction=US-CA&limit=1000',
  },
  {
    name: 'individual in person near NYC',
    path: '/api/therapists?clientType=individual&formats=in-person&lat=40.71&lng=-74.01&radiusKm=12&limit=1000',
  },
  {
    name: 'POST, concerns shared, ranked (page 250)',
    method: 'POST',
    body: JSON.stringify({
      clientType: 'couple',
      jurisdiction: 'US-OR',
      near: { lat: 45.52, lng: -122.68, radiusKm: 32 },
      shared: { concerns: { primary: 'low-desire', others: ['communication-about-sex'] } },
      limit: 250,
    }),
  },
  { name: 'one record (itemUrl)', path: '/api/therapists/ITEM' },
];

function startServer(args) {
  const child = spawn(process.execPath, ['scripts/loadtest-server.mjs', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const port = /ready (\d+)/.exec(String(chunk))?.[1];
      if (port) resolve({ port: Number(port), pid: child.pid, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
}

/** Bytes on the wire (gzip, as browsers ask) and uncompressed, and the records in one answer. */
function sizeOf(port, { path, method = 'GET', body }) {
  return new Promise((resolve, reject) => {
    const headers = { 'accept-encoding': 'gzip', ...(body ? { 'content-type': 'application/json' } : {}) };
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const raw = res.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
        const json = JSON.parse(raw.toString('utf8'));
        resolve({
          status: res.statusCode,
          wire: wire.length,
          raw: raw.length,
          records: json.therapists?.length ?? 1,
          total: json.total,
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** CPU milliseconds the process has used (Linux /proc; undefined elsewhere): independent of other load. */
function cpuMs(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
}

async function drive(port, query, connections, pid) {
  const cpuBefore = cpuMs(pid);
  const times = [];
  const instance = autocannon({
    url: `http://127.0.0.1:${port}${query.path}`,
    method: query.method ?? 'GET',
    body: query.body,
    headers: { 'accept-encoding': 'gzip', ...(query.body ? { 'content-type': 'application/json' } : {}) },
    connections,
    duration: DURATION,
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  const cpuAfter = cpuMs(pid);
  times.sort((a, b) => a - b);
  const at = (p) => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] : NaN);
  return {
    rps: result.requests.average,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    errors: result.errors + result.non2xx + result.timeouts,
    cpu: cpuBefore === undefined || !times.length ? NaN : (cpuAfter - cpuBefore) / times.length,
  };
}

const rows = [];
async function measure(store, count, { port, pid }, itemId) {
  for (const base of QUERIES) {
    const query = { ...base, path: (base.path ?? '/api/therapists').replace('ITEM', encodeURIComponent(itemId)) };
    const size = await sizeOf(port, query);
    for (const connections of CONNECTIONS) {
      const run = await drive(port, query, connections, pid);
      const row = { store, count, query: query.name, connections, ...run, ...size };
      rows.push(row);
      console.log(format(row));
    }
  }
}

const header =
  'store      listings   query                                      conn   req/s    p50 ms  p95 ms  p99 ms  errors  CPU ms/req  records (of total)   gzip KB  raw KB';
function format(r) {
  const ms = (n) => n.toFixed(1).padStart(7);
  return [
    r.store.padEnd(10),
    String(r.count).padStart(8),
    '  ' + r.query.padEnd(42),
    String(r.connections).padStart(4),
    r.rps.toFixed(0).padStart(7),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    String(r.errors).padStart(6),
    r.cpu.toFixed(1).padStart(11),
    `  ${r.records} (of ${r.total ?? '-'})`.padEnd(21),
    (r.wire / 1024).toFixed(1).padStart(7),
    (r.raw / 1024).toFixed(1).padStart(7),
  ].join(' ');
}

/** Seeds `count` fictional listings (chunks of the seeded generator, ids made unique). */
async function seed(pool, count) {
  await migrate(pool);
  const { rows: have } = await pool.query('SELECT count(*)::int AS n FROM therapists');
  if (have[0].n === count) return console.log(`using the ${count} listings already in the database`);
  await pool.query('TRUNCATE therapists, therapist_records');
  const started = Date.now();
  // Indexes are rebuilt once at the end: far faster than maintaining them row by row.
  const { rows: indexes } = await pool.query(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'therapists' AND indexname <> 'therapists_pkey'",
  );
  for (const { indexname } of indexes) await pool.query(`DROP INDEX ${indexname}`);
  const chunk = 10_000;
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const { therapists } = parseTherapists(
      generateTherapists(n, SEED + start).map((record, i) => ({
        ...record,
        id: `load-${String(start + i + 1).padStart(7, '0')}`,
      })),
    );
    const batches = [];
    for (let b = 0; b < therapists.length; b += 2500) batches.push(therapists.slice(b, b + 2500));
    await Promise.all(batches.map((batch) => transaction(pool, (client) => upsertTherapists(client, batch))));
    if ((start / chunk) % 10 === 9 || start + chunk >= count)
      console.log(`  seeded ${start + n} listings (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  for (const { indexdef } of indexes) await pool.query(indexdef);
  await pool.query('VACUUM ANALYZE therapists');
  console.log(`seeded ${count} listings and built the indexes in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

console.log(
  `Machine: ${cpus().length} × ${cpus()[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; ${DURATION} s per run; gzip accepted\n`,
);
console.log(header);

if (MEMORY > 0) {
  const memory = await startServer(['memory', String(MEMORY), String(SEED)]);
  try {
    await measure('memory', MEMORY, memory, 'sample-000042');
  } finally {
    memory.stop();
  }
}

if (POSTGRES > 0) {
  const database = option('database', process.env.LOADTEST_DATABASE_URL);
  const cluster = database ? undefined : await startPostgres({ sharedBuffers: '512MB' });
  if (cluster?.skip) {
    console.log(`\nPostgreSQL skipped: ${cluster.skip}`);
  } else {
    const url = database ?? cluster.url;
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    try {
      console.log(`\nseeding PostgreSQL with ${POSTGRES} listings…`);
      await seed(pool, POSTGRES);
      const server = await startServer(['postgres', url]);
      try {
        console.log(header);
        await measure('postgres', POSTGRES, server, 'load-0000042');
      } finally {
        server.stop();
      }
    } finally {
      await pool.end();
      cluster?.stop();
    }
  }
}
