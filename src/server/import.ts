// The importer: a directory file validated exactly as the widget validates it, then upserted by id
// in batches, each in its own transaction. Records with errors are reported and never written, so
// a bad row never replaces the good record already stored under its id.
import type { DataProblem } from '../engine/records.js';
import type { DirectoryFileOptions } from '../sources/directory-file.js';
import { migrate, transaction, upsertTherapists, type PoolLike } from './postgres-store.js';
import { readDirectoryFile } from './read-file.js';

export interface ImportOptions extends DirectoryFileOptions {
  /** The directory file: CSV or JSON. */
  file: string;
  /** Where to write; required unless `dryRun`. Migrated first (`migrate`). */
  pool?: PoolLike;
  /** Validate and report only; nothing is written. */
  dryRun?: boolean;
  /** Records per transaction: 1 to 10,000, default 1000. */
  batchSize?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface ImportReport {
  /** Records in the file. */
  records: number;
  /** Records that passed validation (written unless `dryRun`). */
  valid: number;
  /** Records dropped for an error: never written. */
  dropped: number;
  /** Valid records with a warning. */
  warned: number;
  inserted: number;
  updated: number;
  /** Valid records equal to what is stored already. */
  unchanged: number;
  problems: DataProblem[];
}

/** Reads, validates and (unless `dryRun`) upserts a directory file. Rejects when the file cannot be read at all. */
export async function importDirectory(options: ImportOptions): Promise<ImportReport> {
  const { file, pool, dryRun = false, log = () => undefined, batchSize: size, ...read } = options;
  const batchSize = Math.min(10_000, Math.max(1, Math.trunc(Number(size) || 1000)));
  if (!dryRun && !pool) throw new TypeError('importDirectory needs a pool to write to, or dryRun: true');
  const { therapists, problems, records } = await readDirectoryFile(file, read);
  const errors = new Set<number>();
  const warnings = new Set<number>();
  for (const problem of problems)
    if (problem.index >= 0) (problem.severity === 'error' ? errors : warnings).add(problem.index);
  const report: ImportReport = {
    records,
    valid: therapists.length,
    dropped: errors.size,
    warned: [...warnings].filter((index) => !errors.has(index)).length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    problems,
  };
  if (dryRun || !pool) return report;
  const applied = await migrate(pool);
  if (applied.length) log(`applied migrations ${applied.join(', ')}`);
  for (let start = 0; start < therapists.length; start += batchSize) {
    const batch = therapists.slice(start, start + batchSize);
    const counts = await transaction(pool, (client) => upsertTherapists(client, batch));
    report.inserted += counts.inserted;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
    log(`${Math.min(start + batchSize, therapists.length)} of ${therapists.length} records written`);
  }
  return report;
}

/** One problem as a line: where, which record, what and how to fix it. */
export function formatProblem(problem: DataProblem): string {
  const where = [
    problem.line !== undefined ? `line ${problem.line}` : problem.index >= 0 ? `record ${problem.index + 1}` : 'file',
    problem.id !== undefined ? `id ${JSON.stringify(problem.id)}` : undefined,
    problem.path || undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${problem.severity}: ${where}: ${problem.message}${problem.fix ? ` ${problem.fix}` : ''}`;
}
