// DirectoryController: loads candidates from a TherapistSource for a host element: aborts stale
// requests, reuses results, validates records, reports bad ones, and exposes loading / error / ready state.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataProblem, ParseOptions, ParseResult } from '../engine/records.js';
import type { Therapist } from '../engine/schema.js';
import { tmEvent } from '../events.js';
import { shapeOf } from './http.js';
import { queryKey } from './query.js';
import { SourceError, type SourceQuery, type SourceResult, type TherapistSource } from './types.js';

export type DirectoryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: SourceError }
  | { status: 'ready'; therapists: Therapist[]; problems: DataProblem[]; total?: number; ranked?: boolean };

type Directory = Extract<DirectoryState, { status: 'ready' }>;

/** Results kept per source and query; the oldest goes first. Enough for a person going back and forth. */
const CACHE_LIMIT = 20;
/** Records named in one console warning before "…and N more". */
const WARN_LIMIT = 20;

// Shared by every widget on the page: the same query to the same source is fetched once a session.
const cache = new WeakMap<TherapistSource, Map<string, Directory>>();

function cached(source: TherapistSource, key: string): Directory | undefined {
  if (source.volatile) return undefined;
  const entries = cache.get(source);
  const entry = entries?.get(key);
  if (entries && entry) {
    entries.delete(key);
    entries.set(key, entry);
  }
  return entry;
}

function remember(source: TherapistSource, key: string, directory: Directory): void {
  if (source.volatile) return;
  let entries = cache.get(source);
  if (!entries) cache.set(source, (entries = new Map()));
  entries.set(key, directory);
  if (entries.size > CACHE_LIMIT) entries.delete(entries.keys().next().value!);
}

/** Any failure as a SourceError, so the error state and `tm-error` always have a kind and a message. */
function asSourceError(error: unknown, label: string): SourceError {
  if (error instanceof SourceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SourceError('network', `${label} failed: ${message}`, undefined, { cause: error });
}

/**
 * Loads therapist records for a host element. `load(source, query)` aborts the request it replaces
 * (a slow old answer never overwrites a newer one), reuses earlier results for the same source and
 * query unless the source is `volatile`, never rejects, and dispatches on the host:
 * `tm-data-problem` when records were skipped (plus one console warning naming them) and
 * `tm-error` when the source failed.
 */
export class DirectoryController implements ReactiveController {
  state: DirectoryState = { status: 'idle' };
  private abort?: AbortController;
  private source?: TherapistSource;
  private query: SourceQuery = {};
  private key = '';
  /** Results whose problems this host has already been told about. */
  private readonly reported = new WeakSet<Directory>();

  /**
   * @param parseOptions how records are read (the site's vocabulary, extra licence types), asked
   *   at each load
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly parseOptions: () => Omit<ParseOptions, 'lines'> = () => ({}),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Reconnected while a load was cut short: finish it.
    if (this.state.status === 'loading' && !this.abort) void this.run(true);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Loads candidates for `query` from `source`. Resolves when the state is final; never rejects. */
  load(source: TherapistSource, query: SourceQuery): Promise<void> {
    const key = queryKey(query);
    const same = source === this.source && key === this.key;
    this.source = source;
    this.query = query;
    this.key = key;
    // Already showing (or fetching) exactly this: nothing to do.
    if (same && !source.volatile && (this.state.status === 'ready' || (this.state.status === 'loading' && this.abort)))
      return this.pending ?? Promise.resolve();
    return this.run(true);
  }

  /** Repeats the last load, bypassing nothing but errors (the error state's Retry button). */
  retry(): Promise<void> {
    return this.run(true);
  }

  private pending?: Promise<void>;

  private run(useCache: boolean): Promise<void> {
    const source = this.source;
    if (!source) return Promise.resolve();
    this.abort?.abort();
    this.abort = undefined;
    const hit = useCache ? cached(source, this.key) : undefined;
    if (hit) {
      this.pending = undefined;
      this.ready(hit);
      return Promise.resolve();
    }
    const abort = (this.abort = new AbortController());
    this.set({ status: 'loading' });
    const pending = (this.pending = this.fetch(source, this.query, this.key, abort));
    return pending;
  }

  private async fetch(source: TherapistSource, query: SourceQuery, key: string, abort: AbortController) {
    const label = source.label ?? 'the data source';
    try {
      // The record check starts loading now, in parallel with the data.
      void recordCheck();
      const result: unknown = await source.search(query, { signal: abort.signal });
      if (abort.signal.aborted) return;
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
          : this.fail(
              `${label}.search() resolved to ${shapeOf(result)}: it must resolve to an array of records or { records: [...] }`,
            );
      // zod loads only when a record is not clearly valid, to say precisely what is wrong.
      const options = { ...this.parseOptions(), ...(Array.isArray(lines) ? { lines } : {}) };
      const { therapists, problems } = await validateOnce(records, options);
      if (abort.signal.aborted) return;
      const whole = problems.find((problem) => problem.index === -1 && problem.severity === 'error');
      if (whole) this.fail(`${label} gave no therapist records: ${whole.message}`);
      const directory: Directory = {
        status: 'ready',
        therapists,
        problems: Array.isArray(read) && read.length ? [...read, ...problems] : problems,
        ...(typeof total === 'number' ? { total } : {}),
        ...(ranked ? { ranked } : {}),
      };
      remember(source, key, directory);
      this.ready(directory);
    } catch (error) {
      if (abort.signal.aborted) return;
      const sourceError = asSourceError(error, label);
      this.set({ status: 'error', error: sourceError });
      this.host.dispatchEvent(
        tmEvent('tm-error', {
          kind: sourceError.kind,
          message: sourceError.message,
          ...(sourceError.status !== undefined ? { status: sourceError.status } : {}),
        }),
      );
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  private fail(message: string): never {
    throw new SourceError('shape', message);
  }

  private ready(directory: Directory): void {
    this.set(directory);
    if (!directory.problems.length || this.reported.has(directory)) return;
    this.reported.add(directory);
    this.warn(directory);
    this.host.dispatchEvent(tmEvent('tm-data-problem', { problems: directory.problems }));
  }

  /** One console warning for the load: each record skipped or changed, with its id, fields and reasons. */
  private warn({ problems, therapists }: Directory): void {
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
    const label = this.source?.label ?? 'the data source';
    const total = skipped + therapists.length;
    console.warn(
      `therapist-match: ${label}: ${skipped} of ${total} records skipped, ${problems.length} problems in all; the other records are matched as usual.\n${lines.join('\n')}`,
    );
  }

  private set(state: DirectoryState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

const validated = new WeakMap<object, Map<string, Promise<ParseResult>>>();
const vocabularyKeys = new WeakMap<object, string>();
let nextVocabularyKey = 0;

/**
 * Validates each records array once per way of reading it: a file source answers every query with
 * the same array, and the same result array lets the engine reuse its index too.
 */
function validateOnce(records: unknown, options: ParseOptions): Promise<ParseResult> {
  if (records === null || typeof records !== 'object') return validate(records, options);
  let vocabularyKey = '';
  if (options.vocabulary) {
    vocabularyKey = vocabularyKeys.get(options.vocabulary) ?? String(++nextVocabularyKey);
    vocabularyKeys.set(options.vocabulary, vocabularyKey);
  }
  const key = `${vocabularyKey}|${(options.licenseTypes ?? []).join('\u0000')}`;
  let byOptions = validated.get(records);
  if (!byOptions) validated.set(records, (byOptions = new Map()));
  let result = byOptions.get(key);
  if (!result) byOptions.set(key, (result = validate(records, options)));
  return result;
}

/**
 * The record check loads with the data, not with the page: the quiz's first step needs none of it.
 * (In the drop-in it is a chunk fetched in parallel with the directory.)
 */
function validate(records: unknown, options: ParseOptions): Promise<ParseResult> {
  return recordCheck().then(({ validateTherapists }) => validateTherapists(records, options));
}

let recordModule: Promise<typeof import('../engine/records.js')> | undefined;
function recordCheck(): Promise<typeof import('../engine/records.js')> {
  recordModule ??= import('../engine/records.js');
  // A failed chunk load may be retried (Retry runs the whole load again).
  recordModule.catch(() => (recordModule = undefined));
  return recordModule;
}
