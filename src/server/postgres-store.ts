// The PostgreSQL + PostGIS store: candidates filtered in SQL with the indexes of migrations.ts, in
// the same order and by the same rules as the memory store (`fits`). Works with a `pg` Pool or any
// client with the same `query` (and `connect` for transactions).
import type { Therapist } from '../engine/schema.js';
import type { SourceQuery } from '../sources/types.js';
import { coveringJurisdictions, telehealthJurisdictions } from './fits.js';
import { MIGRATIONS } from './migrations.js';
import type { Candidates, DirectoryStore } from './store.js';

/** What the store needs of a `pg` client or pool: parameterised queries. */
export interface Queryable {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount?: number | null }>;
}

/** A `pg.Pool`: queries, and a dedicated client for a transaction. */
export interface PoolLike extends Queryable {
  connect(): Promise<Queryable & { release(error?: unknown): void }>;
  end?(): Promise<void>;
}

/** Runs `work` in one transaction on one client of the pool. */
export async function transaction<T>(pool: PoolLike, work: (client: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error);
    throw error;
  }
}

/**
 * Applies the migrations the database has not had yet, in order, each in a transaction (an
 * advisory lock keeps two processes from migrating at once). Resolves with the versions applied.
 */
export async function migrate(pool: PoolLike): Promise<number[]> {
  const applied: number[] = [];
  await transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(7160016)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS therapist_match_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query('SELECT version FROM therapist_match_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw explain(error, migration.version);
      }
      await client.query('INSERT INTO therapist_match_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
  });
  return applied;
}

function explain(error: unknown, version: number): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/extension "postgis"/.test(message))
    return new Error(
      `migration ${version}: PostGIS is not installed on the database server (${message}). On Debian: apt-get install postgresql-15-postgis-3 (or the package for your PostgreSQL version), or use the postgis/postgis container image.`,
      { cause: error },
    );
  return new Error(`migration ${version} failed: ${message}`, { cause: error });
}

/** The filter columns of a record, computed by the engine's rules. */
function rowOf(record: Therapist) {
  const { lat, lng } = record.location ?? {};
  return {
    id: record.id,
    record,
    lat: typeof lat === 'number' ? lat : null,
    lng: typeof lng === 'number' ? lng : null,
    client_types: record.clientTypes ?? null,
    formats: record.formats ?? [],
    jurisdictions: telehealthJurisdictions(record),
    accepting: typeof record.acceptingNewClients === 'boolean' ? record.acceptingNewClients : null,
  };
}

/**
 * Inserts or replaces `records` by id in one statement (run it inside a transaction for a batch).
 * A record equal to the stored one is left alone, so re-running an import changes nothing.
 */
export async function upsertTherapists(
  client: Queryable,
  records: readonly Therapist[],
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  if (!records.length) return { inserted: 0, updated: 0, unchanged: 0 };
  // The record first (left alone when unchanged), then the filter columns of the records written.
  const { rows } = await client.query(
    `WITH input AS (SELECT r->>'id' AS id, r FROM jsonb_array_elements($1::jsonb) AS r),
     written AS (
       INSERT INTO therapist_records (id, record) SELECT id, r->'record' FROM input
       ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record
       WHERE therapist_records.record IS DISTINCT FROM EXCLUDED.record
       RETURNING id, (xmax = 0) AS inserted
     ),
     filters AS (
       INSERT INTO therapists (id, location, client_types, formats, telehealth_jurisdictions, accepting_new_clients)
       SELECT id,
         CASE WHEN jsonb_typeof(r->'lat') = 'number' AND jsonb_typeof(r->'lng') = 'number'
           THEN ST_SetSRID(ST_MakePoint((r->>'lng')::float8, (r->>'lat')::float8), 4326)::geography END,
         CASE WHEN jsonb_typeof(r->'client_types') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(r->'client_types')) END,
         ARRAY(SELECT jsonb_array_elements_text(r->'formats')),
         ARRAY(SELECT jsonb_array_elements_text(r->'jurisdictions')),
         (r->>'accepting')::boolean
       FROM input JOIN written USING (id)
       ON CONFLICT (id) DO UPDATE SET
         location = EXCLUDED.location, client_types = EXCLUDED.client_types, formats = EXCLUDED.formats,
         telehealth_jurisdictions = EXCLUDED.telehealth_jurisdictions,
         accepting_new_clients = EXCLUDED.accepting_new_clients, updated_at = now()
     )
     SELECT inserted FROM written`,
    [JSON.stringify(records.map(rowOf))],
  );
  const inserted = rows.filter((row) => row.inserted === true).length;
  return { inserted, updated: rows.length - inserted, unchanged: records.length - rows.length };
}

/**
 * The SQL of a search, by the rules of `fits`: `where` selects the candidates (for the count), `page`
 * the ids of the first `limit` (its last parameter) of them, nearest in-person options first (by the GiST index's
 * nearest-neighbour order, so a search with 100,000 candidates does not measure each one), then
 * telehealth-only candidates by id.
 */
export function searchSql(query: SourceQuery): { where: string; page: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const allows = (format: 'in-person' | 'telehealth') => !query.formats || query.formats.includes(format);
  const common: string[] = [];
  if (query.clientType) common.push(`(client_types IS NULL OR client_types @> ARRAY[${p(query.clientType)}]::text[])`);
  if (query.acceptingNewClients) common.push('accepting_new_clients IS NOT FALSE');
  const and = (...terms: (string | undefined)[]) => [...common, ...terms.filter(Boolean)].join(' AND ') || 'true';
  const n = '$LIMIT'; // the page's last parameter, numbered once the others are

  let inPerson: string | undefined;
  let point: string | undefined;
  let within: string | undefined;
  if (allows('in-person')) {
    inPerson = `formats @> '{in-person}'`;
    if (query.near) {
      point = `ST_SetSRID(ST_MakePoint(${p(query.near.lng)}, ${p(query.near.lat)}), 4326)::geography`;
      within = `ST_DWithin(location, ${point}, ${p(query.near.radiusKm * 1000)}, false)`;
      inPerson += ` AND ${within}`;
    }
  }
  let telehealth: string | undefined;
  if (allows('telehealth')) {
    telehealth = `formats @> '{telehealth}'`;
    if (query.jurisdiction)
      telehealth += ` AND telehealth_jurisdictions && ${p(coveringJurisdictions(query.jurisdiction))}::text[]`;
  }
  const either = `((${inPerson ?? 'false'}) OR (${telehealth ?? 'false'}))`;
  const where = and(either);
  const limitAt = (sql: string) => sql.replaceAll(n, () => `$${params.length + 1}`);
  if (!point || !inPerson || !within)
    return {
      where,
      page: limitAt(`SELECT id, 0 AS distance FROM therapists WHERE ${where} ORDER BY id LIMIT ${n}`),
      params,
    };
  // The nearest offices walking the GiST index outward (no radius in the WHERE, or the planner may
  // prefer reading every office inside it), then those within the radius.
  const nearest = `SELECT id, location FROM therapists WHERE ${and(`formats @> '{in-person}'`)} ORDER BY location <-> ${point} LIMIT ${n}`;
  const near = `SELECT id, ST_Distance(location, ${point}, false) / 1000 AS distance FROM (${nearest}) AS k WHERE ${within}`;
  const videoOnly = telehealth
    ? `SELECT id, 'Infinity'::float8 AS distance FROM therapists WHERE ${and(telehealth, `NOT coalesce(${inPerson}, false)`)} ORDER BY id LIMIT ${n}`
    : undefined;
  const page = videoOnly
    ? `SELECT id, distance FROM ((${near}) UNION ALL (${videoOnly})) AS u ORDER BY distance, id LIMIT ${n}`
    : `SELECT id, distance FROM (${near}) AS u ORDER BY distance, id`;
  return { where, page: limitAt(page), params };
}

/** Options of `postgresStore`. */
export interface PostgresStoreOptions {
  /** Closes the pool on `store.close()`. Default true when the pool has `end`. */
  endPoolOnClose?: boolean;
}

/**
 * A store over the `therapists` table of migrations.ts. `pool` is a `pg.Pool` (or anything with its
 * `query`); run `migrate(pool)` once before, and fill the table with `upsertTherapists` or the
 * importer (`npx therapist-match import`).
 */
export function postgresStore(
  pool: Queryable & { end?(): Promise<void> },
  options: PostgresStoreOptions = {},
): DirectoryStore {
  return {
    async search(query, { limit }): Promise<Candidates> {
      const { where, page: ids, params } = searchSql(query);
      // The page is chosen on the narrow filter rows; only its records are read.
      const page = pool.query(
        `SELECT r.record::text AS json FROM (${ids}) AS p JOIN therapist_records AS r USING (id) ORDER BY p.distance, p.id`,
        [...params, limit],
      );
      const count = pool.query(`SELECT count(*)::int AS total FROM therapists WHERE ${where}`, params);
      const [{ rows }, counted] = await Promise.all([page, count]);
      // The records stay JSON text until someone needs them as objects (the engine, for shared answers).
      const json = rows.map((row) => row.json as string);
      let records: Therapist[] | undefined;
      return {
        json,
        get records() {
          return (records ??= json.map((text) => JSON.parse(text) as Therapist));
        },
        total: Number(counted.rows[0].total),
      };
    },
    async get(id) {
      const { rows } = await pool.query('SELECT record FROM therapist_records WHERE id = $1', [id]);
      return rows[0]?.record as Therapist | undefined;
    },
    async close() {
      if (options.endPoolOnClose !== false) await pool.end?.();
    },
  };
}
