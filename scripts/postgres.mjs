// A throwaway PostgreSQL + PostGIS cluster in a temporary folder, for the store's tests and the load
// test: initdb, pg_ctl start on a free localhost port, trust authentication, removed on stop.
// PostgreSQL refuses to run as root, so as root (CI) the cluster runs as the `postgres` user.
//
//   node scripts/postgres.mjs        starts one, prints its DATABASE_URL, stops on Ctrl+C
//
// On Debian: apt-get install postgresql postgis (the postgresql-NN-postgis-3 package of your version).
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INSTALL_HINT = 'apt-get install postgresql postgis (Debian/Ubuntu), then run the tests again';

/** The folder of initdb and pg_ctl: PG_BIN if set, else the newest /usr/lib/postgresql/NN/bin, else PATH. */
export function findPostgresBin() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const path = which.stdout.trim();
  return which.status === 0 && path ? path.replace(/\/initdb$/, '') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster (`sharedBuffers`: PostgreSQL's shared_buffers, default 128MB). Resolves with `{ url, stop }`, or `{ skip }` (a sentence naming the install
 * command) when PostgreSQL or PostGIS is not installed. Rejects when it is installed but fails.
 */
export async function startPostgres({ sharedBuffers = '128MB' } = {}) {
  const bin = findPostgresBin();
  if (!bin) return { skip: `PostgreSQL is not installed (no initdb found): ${INSTALL_HINT}` };
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? 'postgres' : userInfo().username;
  const run = (command, args) => {
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : args;
    const result = spawnSync(asRoot ? 'runuser' : join(bin, command), argv, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(
        `${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr || result.stdout}`,
      );
    return result.stdout;
  };
  const dir = mkdtempSync(join(tmpdir(), 'therapist-match-pg-'));
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return { skip: `there is no postgres user to run PostgreSQL as: ${INSTALL_HINT}` };
    chownSync(dir, Number(id.stdout), Number(gid.stdout));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=${sharedBuffers} -c work_mem=32MB`,
    'start',
  ]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const available = spawnSync(
    asRoot ? 'runuser' : join(bin, 'psql'),
    [
      ...(asRoot ? ['-u', 'postgres', '--', join(bin, 'psql')] : []),
      url,
      '-tAc',
      "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'",
    ],
    { encoding: 'utf8' },
  );
  if (available.stdout.trim() !== '1') {
    stop();
    return { skip: `PostgreSQL ${owner === 'postgres' ? '' : 'runs but '}has no PostGIS extension: ${INSTALL_HINT}` };
  }
  return { url, stop, dir };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = await startPostgres();
  if (started.skip) {
    console.error(started.skip);
    process.exit(1);
  }
  console.log(`DATABASE_URL=${started.url}`);
  console.log('PostgreSQL with PostGIS is running in a temporary folder; Ctrl+C stops it and removes the folder.');
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => {
      started.stop();
      process.exit(0);
    });
  setInterval(() => undefined, 1 << 30);
}
