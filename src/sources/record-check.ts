// The record check as the widget loads it, a chunk fetched with the data rather than with the
// page: validation (engine/records.ts) and the console warning about the records it skipped or changed.
import type { DataProblem } from '../engine/records.js';

export { validateTherapists } from '../engine/records.js';

/** Records named in one console warning before "…and N more". */
const WARN_LIMIT = 20;

/** One console warning for a load: each record skipped or changed, with its id, fields and reasons. */
export function problemsWarning(label: string, problems: readonly DataProblem[], kept: number): string {
  const byRecord = new Map<number, DataProblem[]>();
  for (const problem of problems) byRecord.set(problem.index, [...(byRecord.get(problem.index) ?? []), problem]);
  let skipped = 0;
  for (const [index, list] of byRecord) if (index >= 0 && list.some((p) => p.severity === 'error')) skipped++;
  const lines = [...byRecord.values()].slice(0, WARN_LIMIT).map((list) => {
    const { index, id, line } = list[0];
    const who =
      index < 0
        ? 'the file'
        : `record ${index}${line !== undefined ? ` (line ${line})` : ''} (${id !== undefined ? `id "${id}"` : 'no id'})`;
    const verdict = index < 0 ? '' : list.some((p) => p.severity === 'error') ? 'skipped: ' : 'kept: ';
    const fields = list.map((p) => (p.path ? `${p.path} ${p.message}` : p.message)).join('; ');
    return `  ${who} ${verdict}${fields}`;
  });
  if (byRecord.size > WARN_LIMIT)
    lines.push(`  …and ${byRecord.size - WARN_LIMIT} more (all of them are in the tm-data-problem event)`);
  return `therapist-match: ${label}: ${skipped} of ${skipped + kept} records skipped, ${problems.length} problems in all; the other records are matched as usual.\n${lines.join('\n')}`;
}
