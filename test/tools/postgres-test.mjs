// The PostgreSQL tests' database: a throwaway cluster (scripts/postgres.mjs). In CI (CI=true) a
// missing PostgreSQL or PostGIS fails the tests; elsewhere they are skipped with the reason and the
// install command printed.
import { test } from 'node:test';
import pg from 'pg';
import { startPostgres } from '../../scripts/postgres.mjs';

/**
 * Starts the cluster; resolves with `{ pool, url, stop }`, or with `{ skip }` after registering a
 * skipped (or, in CI, failing) test that says why.
 */
export async function testDatabase() {
  const started = await startPostgres();
  if (started.skip) {
    if (process.env.CI === 'true') {
      test('PostgreSQL with PostGIS is available in CI', () => {
        throw new Error(`CI must run the PostgreSQL tests: ${started.skip}`);
      });
    } else {
      console.log(`# PostgreSQL tests skipped: ${started.skip}`);
      test(`PostgreSQL tests (skipped: ${started.skip})`, { skip: started.skip }, () => undefined);
    }
    return { skip: started.skip };
  }
  const pool = new pg.Pool({ connectionString: started.url, max: 4 });
  return {
    pool,
    url: started.url,
    async stop() {
      await pool.end();
      started.stop();
    },
  };
}
