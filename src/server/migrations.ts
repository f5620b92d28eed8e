// The PostgreSQL schema of the directory, as numbered migrations (docs/server.md shows it).
// Applied in order by `migrate`, each once, each in its own transaction.

/** One step of the schema; `version` numbers only grow, a released step never changes. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'therapists table with PostGIS location and filter indexes',
    sql: `
CREATE EXTENSION IF NOT EXISTS postgis;
-- What searches scan: narrow rows of filter columns, derived from the record on every write (never
-- edited by hand). The records themselves are in therapist_records, read only for the page sent.
CREATE TABLE therapists (
  id text PRIMARY KEY,
  location geography(Point, 4326),
  client_types text[],                    -- NULL: the record does not say, so every client type is kept
  formats text[] NOT NULL DEFAULT '{}',
  telehealth_jurisdictions text[] NOT NULL DEFAULT '{}',  -- listed, else licence jurisdictions
  accepting_new_clients boolean,          -- NULL: the record does not say
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The record as parseTherapists keeps it: what the API answers.
CREATE TABLE therapist_records (
  id text PRIMARY KEY REFERENCES therapists (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  record jsonb NOT NULL
);
-- Each format's own index: offices near a point, and video licences, each only over the listings
-- offering that format (the formats filter is in the index); formats alone for a search without a
-- place. Client types narrow couples, families and groups. Accepting new clients is not indexed:
-- most listings accept, and the planner then reads an index that narrows nothing (docs/server.md).
CREATE INDEX therapists_location_idx ON therapists USING gist (location) WHERE formats @> '{in-person}';
CREATE INDEX therapists_telehealth_jurisdictions_idx ON therapists USING gin (telehealth_jurisdictions) WHERE formats @> '{telehealth}';
CREATE INDEX therapists_client_types_idx ON therapists USING gin (client_types);
CREATE INDEX therapists_formats_idx ON therapists USING gin (formats);
`,
  },
  {
    version: 2,
    name: 'plan directory searches as short queries: no parallel workers, no JIT',
    // PostGIS functions are costed high so that their indexes are used; that pushes a search of a
    // few milliseconds over the JIT and parallel-query thresholds, whose start-up then costs 10 to
    // 20 times the query (docs/server.md has the figures). JIT is a database setting: turned off
    // when this role may, else a notice asks the owner to.
    sql: `
ALTER TABLE therapists SET (parallel_workers = 0);
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'therapist-match: could not turn JIT off; the database owner should run ALTER DATABASE % SET jit = off', current_database();
END
$$;
`,
  },
];
