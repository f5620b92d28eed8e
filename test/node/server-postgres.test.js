// The PostgreSQL + PostGIS store against a real database (a throwaway cluster): migrations, the
// same candidates in the same order as the memory store, indexes the queries can use, and the
// handler end to end with restSource.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import pg from 'pg';
import { parseTherapists } from 'therapist-match/engine';
import {
  createHandler,
  memoryStore,
  migrate,
  MIGRATIONS,
  postgresStore,
  transaction,
  upsertTherapists,
} from 'therapist-match/server';
import { restSource, queryFromAnswers } from 'therapist-match';
import { generateTherapists } from '../../demo/sample/generate.js';
import { testDatabase } from '../tools/postgres-test.mjs';

const db = await testDatabase();
const { therapists } = parseTherapists(generateTherapists(3000, 29));

if (!db.skip) {
  let store;
  before(async () => {
    await migrate(db.pool);
    await transaction(db.pool, (client) => upsertTherapists(client, therapists));
    store = postgresStore(db.pool, { endPoolOnClose: false });
  });
  after(() => db.stop());

  test('migrations apply once, in order, and record themselves', async () => {
    assert.deepEqual(await migrate(db.pool), []);
    const { rows } = await db.pool.query('SELECT version FROM therapist_match_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((r) => r.version),
      MIGRATIONS.map((m) => m.version),
    );
    const { rows: indexes } = await db.pool.query(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'therapists' ORDER BY indexname",
    );
    const defs = Object.fromEntries(indexes.map((i) => [i.indexname, i.indexdef]));
    assert.match(defs.therapists_location_idx, /USING gist \(location\) WHERE \(formats @> '\{in-person\}'/);
    assert.match(defs.therapists_client_types_idx, /USING gin \(client_types\)/);
    assert.match(defs.therapists_formats_idx, /USING gin \(formats\)/);
    assert.match(
      defs.therapists_telehealth_jurisdictions_idx,
      /USING gin \(telehealth_jurisdictions\) WHERE \(formats @> '\{telehealth\}'/,
    );
    // Searches are planned as the short queries they are (migration 2): no JIT, no parallel workers.
    const fresh = new pg.Client({ connectionString: db.url });
    await fresh.connect();
    try {
      assert.equal((await fresh.query('SHOW jit')).rows[0].jit, 'off');
    } finally {
      await fresh.end();
    }
    const { rows: options } = await db.pool.query("SELECT reloptions FROM pg_class WHERE relname = 'therapists'");
    assert.deepEqual(options[0].reloptions, ['parallel_workers=0']);
  });

  test('the same candidates, totals and order as the memory store', async () => {
    const memory = memoryStore(therapists);
    const queries = [
      {},
      { clientType: 'couple' },
      { clientType: 'couple', formats: ['in-person'], near: { lat: 37.76, lng: -122.41, radiusKm: 42 } },
      { formats: ['telehealth'], jurisdiction: 'US-OR', acceptingNewClients: true },
      { clientType: 'individual', near: { lat: 40.71, lng: -74.0, radiusKm: 25 }, jurisdiction: 'US-NJ' },
      { jurisdiction: 'GB-ENG', near: { lat: 51.5, lng: -0.12, radiusKm: 15 } },
      { jurisdiction: 'NZ-AUK' },
      { near: { lat: 0, lng: 0, radiusKm: 1 } },
    ];
    // A page of 7 cuts inside the nearest offices and inside the video-only candidates.
    for (const limit of [500, 7])
      for (const query of queries) {
        const [sql, mem] = await Promise.all([store.search(query, { limit }), memory.search(query, { limit })]);
        assert.equal(sql.total, mem.total, JSON.stringify(query));
        assert.deepEqual(
          sql.records.map((r) => r.id),
          mem.records.map((r) => r.id),
          `${JSON.stringify(query)}, limit ${limit}`,
        );
      }
    assert.deepEqual(await store.get(therapists[42].id), JSON.parse(JSON.stringify(therapists[42])));
    assert.equal(await store.get('nobody'), undefined);
  });

  test('a distance query can use the GiST index and a licence query the GIN index', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plan = async (sql, params) =>
        (await client.query(`EXPLAIN ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
      const near = await plan(
        "SELECT id FROM therapists WHERE formats @> '{in-person}' AND ST_DWithin(location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3, false)",
        [-122.41, 37.76, 30000],
      );
      assert.match(near, /therapists_location_idx/);
      const licensed = await plan(
        "SELECT id FROM therapists WHERE formats @> '{telehealth}' AND telehealth_jurisdictions && $1::text[]",
        [['US-OR', 'US']],
      );
      assert.match(licensed, /therapists_telehealth_jurisdictions_idx/);
    } finally {
      client.release();
    }
  });

  test('the handler over PostgreSQL answers restSource like the memory store does', async () => {
    const serve = async (directoryStore) => {
      const handle = createHandler({ store: directoryStore });
      const server = createServer((req, res) => void handle(req, res));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { server, url: `http://127.0.0.1:${server.address().port}/api/therapists` };
    };
    const sql = await serve(store);
    const memory = await serve(memoryStore(therapists));
    try {
      const answers = {
        seeking: 'couple',
        location: { lat: 34.05, lng: -118.24, maxDistanceKm: 30, jurisdiction: 'US-CA' },
        concerns: { primary: 'low-desire' },
      };
      for (const method of ['GET', 'POST']) {
        const query = queryFromAnswers(answers, { share: method === 'POST' ? ['concerns'] : [] });
        const signal = new AbortController().signal;
        const [a, b] = await Promise.all([
          restSource({ url: sql.url, method }).search(query, { signal }),
          restSource({ url: memory.url, method }).search(query, { signal }),
        ]);
        assert.ok(a.total > 0);
        assert.equal(a.total, b.total);
        assert.deepEqual(
          a.records.map((r) => r.id),
          b.records.map((r) => r.id),
        );
      }
      const item = await restSource({ url: sql.url, itemUrl: (id) => `${sql.url}/${encodeURIComponent(id)}` }).get(
        therapists[0].id,
        { signal: new AbortController().signal },
      );
      assert.equal(item.name, therapists[0].name);
    } finally {
      sql.server.close();
      memory.server.close();
    }
  });
}
