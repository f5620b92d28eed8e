// DirectoryController: loads candidates from a TherapistSource for a host element: aborts stale
// requests, validates records, reports bad ones, and exposes loading / error / ready state.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseTherapists, type DataProblem, type Therapist } from '../engine/schema.js';
import { SourceError, type SourceQuery, type TherapistSource } from './types.js';

export type DirectoryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: SourceError }
  | { status: 'ready'; therapists: Therapist[]; problems: DataProblem[]; total?: number; ranked?: boolean };

export class DirectoryController implements ReactiveController {
  state: DirectoryState = { status: 'idle' };
  private abort?: AbortController;
  private source?: TherapistSource;
  private query: SourceQuery = {};

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** Loads candidates for `query` from `source`, unless that exact load is already current. */
  load(source: TherapistSource, query: SourceQuery): Promise<void> {
    this.source = source;
    this.query = query;
    return this.run();
  }

  /** Repeats the last load (the error state's Retry button). */
  retry(): Promise<void> {
    return this.run();
  }

  private async run(): Promise<void> {
    const source = this.source;
    if (!source) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.set({ status: 'loading' });
    try {
      const result = await source.search(this.query, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const { records, total, ranked } = Array.isArray(result)
        ? { records: result }
        : (result as { records: unknown; total?: number; ranked?: boolean });
      const { therapists, problems } = parseTherapists(records);
      this.set({ status: 'ready', therapists, problems, total, ranked });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.set({
        status: 'error',
        error:
          error instanceof SourceError
            ? error
            : new SourceError('network', error instanceof Error ? error.message : String(error), undefined, {
                cause: error,
              }),
      });
    }
  }

  private set(state: DirectoryState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
