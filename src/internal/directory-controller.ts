// DirectoryController: loads candidates from a TherapistSource for a host element: aborts stale
// requests, reuses results, validates records, reports bad ones, and exposes loading / error / ready
// state. The one place that decides whether a load is needed at all.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataProblem, ParseOptions } from '../engine/records.js';
import type { Therapist } from '../engine/schema.js';
import { emit, type TmEventDetails } from '../events.js';
import { queryKey } from '../sources/query-key.js';
import { SourceError, type SourceQuery, type TherapistSource } from '../sources/types.js';
import { chunkError } from './chunk-error.js';

export type DirectoryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: SourceError }
  | {
      status: 'ready';
      therapists: Therapist[];
      problems: DataProblem[];
      total?: number;
      ranked?: boolean;
      /** Resolves once the ranking's index of `therapists` is built (in idle time). */
      indexed?: Promise<void>;
    };

type Directory = Extract<DirectoryState, { status: 'ready' }>;

/** Results kept per source and query; the oldest goes first. Enough for a person going back and forth. */
const CACHE_LIMIT = 20;

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

/**
 * Any failure of a source as a SourceError, so the error state and `tm-error` always have a kind.
 * Anything else a source throws (a TypeError in a custom source, say) is a bug in the site's
 * adapter code, not a network failure: an `adapter` error.
 */
function asSourceError(error: unknown, label: string): SourceError {
  if (error instanceof SourceError) return error;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new SourceError(
    'adapter',
    `${label}.search() threw ${what}: a bug in the source, which must reject with a SourceError (new SourceError('network', …) for a failed request)`,
    undefined,
    { cause: error },
  );
}

/** What `tm-error` tells a developer about a failure (never shown to visitors). */
function errorDetail(error: SourceError, label: string): TmEventDetails['tm-error'] {
  return {
    kind: error.kind,
    message: error.message,
    source: label,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.url !== undefined ? { url: error.url } : {}),
    ...(error.body !== undefined ? { body: error.body } : {}),
  };
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

  /**
   * Loads candidates for `query` from `source`. Resolves when the state is final; never rejects.
   * The same source and query again does nothing while it is showing or fetching; after an error it
   * loads again only with `force` (a new source, Retry), so moving between steps never retries by
   * itself.
   */
  load(source: TherapistSource, query: SourceQuery, { force = true }: { force?: boolean } = {}): Promise<void> {
    const key = queryKey(query);
    const same = source === this.source && key === this.key;
    this.source = source;
    this.query = query;
    this.key = key;
    if (same && !force && this.state.status !== 'idle') return this.pending ?? Promise.resolve();
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
    const label = typeof source.label === 'string' && source.label ? source.label : 'the data source';
    try {
      // The record check starts loading now, in parallel with the data.
      void recordCheck();
      const result: unknown = await source.search(query, { signal: abort.signal });
      if (abort.signal.aborted) return;
      // The record check reads what the source answered and validates it (zod loads only when a
      // record is not clearly valid, to say precisely what is wrong).
      const check = await recordCheck().catch((cause: unknown) => {
        throw chunkError('The record check', cause);
      });
      const directory: Directory = {
        status: 'ready',
        ...(await check.readDirectory(result, label, this.parseOptions())),
      };
      if (abort.signal.aborted) return;
      remember(source, key, directory);
      this.ready(directory);
    } catch (error) {
      if (abort.signal.aborted) return;
      const sourceError = asSourceError(error, label);
      this.set({ status: 'error', error: sourceError });
      const detail = errorDetail(sourceError, label);
      // The details are for the developer: the visitor sees one sentence for the kind.
      console.error(`therapist-match: ${sourceError.message}`, detail);
      emit(this.host, 'tm-error', detail);
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  private ready(directory: Directory): void {
    this.set(directory);
    if (!directory.problems.length || this.reported.has(directory)) return;
    this.reported.add(directory);
    // The record check that made this directory is loaded: it writes the warning.
    const label = this.source?.label ?? 'the data source';
    if (loadedCheck) console.warn(loadedCheck.problemsWarning(label, directory.problems, directory.therapists.length));
    emit(this.host, 'tm-data-problem', { problems: directory.problems });
  }

  private set(state: DirectoryState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

/**
 * The record check loads with the data, not with the page: the quiz's first step needs none of it.
 * (In the drop-in it is a chunk fetched in parallel with the directory.)
 */
type RecordCheckModule = typeof import('./record-check.js');
let recordModule: Promise<RecordCheckModule> | undefined;
let loadedCheck: RecordCheckModule | undefined;
function recordCheck(): Promise<RecordCheckModule> {
  recordModule ??= import('./record-check.js').then((module) => (loadedCheck = module));
  // A failed chunk load may be retried (Retry runs the whole load again).
  recordModule.catch(() => (recordModule = undefined));
  return recordModule;
}
