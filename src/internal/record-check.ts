// The record check as the widget loads it, a chunk fetched with the data rather than with the
// page: reading what a source answered, validation (engine/records.ts), and the console warning
// about the records it skipped or changed.
import { shapeOf } from '../engine/describe.js';
import { validateTherapists, type DataProblem, type ParseOptions, type ParseResult } from '../engine/records.js';
import type { Therapist } from '../engine/schema.js';
import { SourceError, type SourceResult } from '../sources/types.js';
import { chunkError } from './chunk-error.js';

export { validateTherapists };

/** A source's answer, read and validated: what the widget shows. */
export interface CheckedDirectory {
  therapists: Therapist[];
  problems: DataProblem[];
  total?: number;
  ranked?: boolean;
  /** Resolves once the ranking's index of `therapists` is built (in idle slices); never rejects. */
  indexed?: Promise<void>;
}

/**
 * Reads what `search()` resolved to (an array of records or `{ records, total, ranked, problems,
 * lines }`) and validates the records. Rejects with a `shape` SourceError when the answer is not
 * records at all, or when the source gave no usable records.
 */
export async function readDirectory(
  result: unknown,
  label: string,
  parseOptions: Omit<ParseOptions, 'lines'>,
): Promise<CheckedDirectory> {
  const {
    records,
    total,
    ranked,
    problems: read,
    lines,
  } = Array.isArray(result)
    ? { records: result, total: undefined, ranked: undefined, problems: undefined, lines: undefined }
    : result !== null && typeof result === 'object' && 'records' in result
      ? (result as SourceResult)
      : fail(
          `${label}.search() resolved to ${shapeOf(result)}: it must resolve to an array of records or { records: [...] }`,
        );
  const options = { ...parseOptions, ...(Array.isArray(lines) ? { lines } : {}) };
  const { therapists, problems } = await validateOnce(records, options).catch((cause: unknown) => {
    // Only a chunk of the check (the normaliser, zod) that failed to load rejects here.
    throw chunkError('The record check', cause);
  });
  const whole = problems.find((problem) => problem.index === -1 && problem.severity === 'error');
  if (whole) fail(`${label} gave no therapist records: ${whole.message}`);
  // The ranking's index is built now, in idle slices, so "Show my matches" only ranks.
  const indexed = import('../engine/idle.js').then((idle) => idle.default(therapists), ignore);
  return {
    therapists,
    indexed,
    problems: Array.isArray(read) && read.length ? [...read, ...problems] : problems,
    ...(typeof total === 'number' ? { total } : {}),
    ...(ranked ? { ranked } : {}),
  };
}

const ignore = () => {};

function fail(message: string): never {
  throw new SourceError('shape', message);
}

const validated = new WeakMap<object, Map<string, Promise<ParseResult>>>();
const vocabularyKeys = new WeakMap<object, string>();
let nextVocabularyKey = 0;

/**
 * Validates each records array once per way of reading it: a file source answers every query with
 * the same array, and the same result array lets the engine reuse its index too.
 */
function validateOnce(records: unknown, options: ParseOptions): Promise<ParseResult> {
  if (records === null || typeof records !== 'object') return validateTherapists(records, options);
  let vocabularyKey = '';
  if (options.vocabulary) {
    vocabularyKey = vocabularyKeys.get(options.vocabulary) ?? String(++nextVocabularyKey);
    vocabularyKeys.set(options.vocabulary, vocabularyKey);
  }
  const key = `${vocabularyKey}|${(options.licenseTypes ?? []).join('\u0000')}`;
  let byOptions = validated.get(records);
  if (!byOptions) validated.set(records, (byOptions = new Map()));
  let result = byOptions.get(key);
  if (!result) {
    const started = (result = validateTherapists(records, options));
    byOptions.set(key, started);
    // A chunk that failed to load is loaded again on Retry, not remembered as the answer.
    started.catch(() => byOptions.delete(key));
  }
  return result;
}

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
