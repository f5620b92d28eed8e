// Reads an lcov report and applies the project's thresholds: 90% of lines in the engine, 80% overall.
import { existsSync, readFileSync } from 'node:fs';

export const THRESHOLDS = { engine: 90, overall: 80 };

export function checkCoverage(file) {
  if (!existsSync(file)) return { ok: false, lines: [`coverage: ${file} was not written`] };
  const totals = { engine: { found: 0, hit: 0 }, overall: { found: 0, hit: 0 } };
  let current = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('SF:')) current = line.slice(3).replaceAll('\\', '/');
    else if (line.startsWith('LF:') || line.startsWith('LH:')) {
      const key = line.startsWith('LF:') ? 'found' : 'hit';
      const value = Number(line.slice(3));
      totals.overall[key] += value;
      if (current.includes('/src/engine/') || current.startsWith('src/engine/')) totals.engine[key] += value;
    }
  }
  const lines = [];
  let ok = true;
  for (const [scope, { found, hit }] of Object.entries(totals)) {
    const pct = found ? (100 * hit) / found : 0;
    const pass = pct >= THRESHOLDS[scope];
    ok &&= pass;
    lines.push(
      `coverage ${scope}: ${pct.toFixed(1)}% of ${found} lines (threshold ${THRESHOLDS[scope]}%) ${pass ? 'ok' : 'TOO LOW'}`,
    );
  }
  return { ok, lines };
}
