// `npx therapist-match import FILE --database URL [--dry-run] [--batch-size N]`: the command line of
// the importer (bin.ts runs it). `pg` is loaded only when writing.
import { formatProblem, importDirectory } from './import.js';
import type { PoolLike } from './postgres-store.js';

const USAGE = `Usage: therapist-match import FILE [--database URL] [--dry-run] [--batch-size N] [--max-problems N]

  FILE             a directory as CSV or JSON (docs/records.md)
  --database URL   PostgreSQL with PostGIS, e.g. postgres://user@localhost/directory
                   (default: the DATABASE_URL environment variable)
  --dry-run        validate and print the problems; write nothing
  --batch-size N   records per transaction (default 1000)
  --max-problems N problems printed (default 100; all are counted)`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
}

const defaultIo: Io = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
};

/** Runs the command line; resolves with the exit code (0 done, 1 failed, 2 usage). */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command !== 'import') {
    io.err(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
    return 2;
  }
  const args = parseArgs(rest);
  if ('error' in args) {
    io.err(`${args.error}\n\n${USAGE}`);
    return 2;
  }
  const database = args.database ?? io.env.DATABASE_URL;
  if (!args.dryRun && !database) {
    io.err(`Give --database URL (or set DATABASE_URL), or --dry-run to only check the file.\n\n${USAGE}`);
    return 2;
  }
  let pool: (PoolLike & { end(): Promise<void> }) | undefined;
  try {
    if (!args.dryRun) pool = await openPool(database!);
    const report = await importDirectory({
      file: args.file,
      pool,
      dryRun: args.dryRun,
      batchSize: args.batchSize,
      log: io.out,
    });
    const shown = report.problems.slice(0, args.maxProblems);
    for (const problem of shown) io.err(formatProblem(problem));
    if (report.problems.length > shown.length)
      io.err(`… and ${report.problems.length - shown.length} more problems (--max-problems to see them)`);
    io.out(
      `${args.file}: ${report.records} records, ${report.valid} valid (${report.warned} with warnings), ${report.dropped} dropped for errors` +
        (args.dryRun
          ? '; dry run, nothing written'
          : `; ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged`),
    );
    return 0;
  } catch (error) {
    const fix = (error as { fix?: unknown })?.fix;
    io.err(`therapist-match import failed: ${error instanceof Error ? error.message : String(error)}`);
    if (typeof fix === 'string') io.err(fix);
    return 1;
  } finally {
    await pool?.end().catch(() => undefined);
  }
}

type Args = { file: string; database?: string; dryRun: boolean; batchSize?: number; maxProblems: number };

function parseArgs(args: readonly string[]): Args | { error: string } {
  let file: string | undefined;
  const parsed: Omit<Args, 'file'> = { dryRun: false, maxProblems: 100 };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') ? args[i].split(/=(.*)/s, 2) : [args[i]];
    const value = () => inline ?? args[++i];
    const count = () => {
      const n = Number(value());
      return Number.isInteger(n) && n >= 0 ? n : undefined;
    };
    if (flag === '--dry-run') parsed.dryRun = true;
    else if (flag === '--database') {
      parsed.database = value();
      if (!parsed.database) return { error: '--database needs a URL' };
    } else if (flag === '--batch-size') {
      parsed.batchSize = count();
      if (!parsed.batchSize || parsed.batchSize > 10_000)
        return { error: '--batch-size must be a whole number from 1 to 10000' };
    } else if (flag === '--max-problems') {
      const n = count();
      if (n === undefined) return { error: '--max-problems must be a whole number' };
      parsed.maxProblems = n;
    } else if (flag.startsWith('-')) return { error: `Unknown option ${flag}.` };
    else if (file === undefined) file = flag;
    else return { error: `One file at a time: got ${file} and ${flag}.` };
  }
  if (!file) return { error: 'Name the directory file to import.' };
  return { file, ...parsed };
}

async function openPool(url: string): Promise<PoolLike & { end(): Promise<void> }> {
  let pg: { default?: { Pool: new (options: object) => unknown }; Pool?: new (options: object) => unknown };
  try {
    pg = (await import(/* webpackIgnore: true */ 'pg' as string)) as typeof pg;
  } catch (cause) {
    throw Object.assign(new Error('the importer writes through the "pg" package, which is not installed', { cause }), {
      fix: 'Install it next to therapist-match: npm install pg',
    });
  }
  const Pool = (pg.default?.Pool ?? pg.Pool)!;
  return new Pool({ connectionString: url, max: 2 }) as PoolLike & { end(): Promise<void> };
}
