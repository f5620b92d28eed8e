// The ranking task of one <therapist-match>: loads the engine (and, in the drop-in, the results
// view) once a person starts answering, ranks when the results are shown, keeps the last result
// while nothing changed, and turns a chunk that failed to load into an error with a Retry.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MatchAnswers } from '../engine/answers.js';
import type { RankResult } from '../engine/types.js';
import type { Therapist } from '../engine/schema.js';
import type { Vocabulary } from '../engine/vocabulary.js';
import type { SourceError, SourceQuery } from '../sources/types.js';
import { emit } from '../events.js';
import { chunkError } from './chunk-error.js';

type Ranker = typeof import('../engine/rank.js').rankTherapists;
type QueryBuilder = typeof import('../sources/query.js').queryFromAnswers;
let ranker: Ranker | undefined;
let queryBuilder: QueryBuilder | undefined;
let loading: Promise<unknown> | undefined;
/** Drawn once per visit (page load): equal matches rotate between visits, never within one. */
const VISIT_SEED = (Math.random() * 2 ** 31) | 0;

/**
 * The ranking seed of a `seed` attribute: `off` breaks ties by id, a finite number fixes the
 * rotation, and anything else (unset included) rotates with this visit's seed.
 */
export const rankSeed = (value: unknown): number | undefined =>
  value === 'off' ? undefined : value !== '' && value !== null && isFinite(value as number) ? +value! : VISIT_SEED;

/** The warm-up of the ranking's code (engine/warm.ts), once per page. */
let warming: Promise<void> | undefined;

/** Loads the results view's elements; set by the drop-in, whose results view is a chunk. */
let viewLoader: (() => Promise<unknown>) | undefined;

/** The drop-in's results view loads with the engine, as a chunk (see cdn.ts). */
export function setResultsViewLoader(load: () => Promise<unknown>): void {
  viewLoader = load;
}

/**
 * The engine, the results' source query and the results view, once per page. They are chunks of
 * their own: nobody who only looks at the quiz downloads them, and they arrive while the person
 * answers.
 */
function loadRanking(): Promise<unknown> {
  loading ??= Promise.all([
    import('../engine/rank.js').then((module) => (ranker = module.rankTherapists)),
    import('../sources/query.js').then((module) => (queryBuilder = module.queryFromAnswers)),
    viewLoader?.(),
  ]).catch((error: unknown) => {
    loading = undefined; // Retry loads it again
    throw chunkError('The matching engine or the results view', error);
  });
  return loading;
}

type RankInputs = [
  therapists: Therapist[],
  answers: MatchAnswers,
  limit: number,
  seed: unknown,
  vocabulary: Vocabulary,
  staleAfterMonths: number,
];

export class RankingController implements ReactiveController {
  /** Why the engine is not there, until Retry. */
  error?: SourceError;
  private ready = false;
  private last?: { inputs: RankInputs; result: RankResult };

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  hostConnected(): void {
    // Another widget on the page may have loaded them already.
    if (ranker && loading) void this.wait();
  }

  /** Whether the engine and the view have arrived. */
  get loaded(): boolean {
    return this.ready;
  }

  /** Starts loading what ranking needs; harmless to call again (after a failure only Retry loads again). */
  prepare(): void {
    if (!this.ready && !this.waiting && !this.error) void this.wait();
  }

  private waiting = false;
  private async wait(): Promise<void> {
    if (this.waiting) return;
    this.waiting = true;
    this.error = undefined;
    try {
      await loadRanking();
      this.ready = true;
    } catch (error) {
      const { kind, message } = (this.error = error as SourceError);
      emit(this.host, 'tm-error', { kind, message, source: 'therapist-match' });
    } finally {
      this.waiting = false;
      this.host.requestUpdate();
    }
  }

  /**
   * Once the engine has loaded and `indexed` (the directory's index build) resolves, ranks a sample
   * of `therapists` a few dozen times in idle time, once per page, so that the person's ranking
   * runs optimised code (engine/warm.ts). A warm-up chunk that fails to load costs nothing else.
   * Resolves once the index is built and the warm-up, if started, is done.
   */
  warm(indexed: Promise<void> | undefined, therapists: readonly Therapist[]): Promise<void> | undefined {
    if (this.ready && indexed && !warming)
      warming = indexed
        .then(() => import('../engine/warm.js'))
        .then((module) => module.warmWhenIdle(therapists), ignore);
    return warming ? warming.then(() => indexed) : indexed;
  }

  /** Loads again after a failure (the error state's Retry). */
  retry(): void {
    if (this.error) void this.wait();
  }

  /**
   * The ranking of the therapists for the answers, up to `limit`, ties rotated by `seed` (see
   * `rankSeed`), the site's vocabulary flagging its physician-first concerns, listings older than
   * `staleAfterMonths` marked; computed again only when an input changed.
   */
  rank(...inputs: RankInputs): RankResult | undefined {
    if (!this.ready || !ranker) return undefined;
    const last = this.last;
    if (last && inputs.every((input, k) => input === last.inputs[k])) return last.result;
    const [therapists, answers, limit, seed, vocabulary, staleAfterMonths] = inputs;
    const result = ranker(therapists, answers, { limit, seed: rankSeed(seed), vocabulary, staleAfterMonths });
    this.last = { inputs, result };
    return result;
  }

  /**
   * What the source is asked for the results (`queryFromAnswers`): `undefined` until the engine
   * has loaded, which the results wait for anyway.
   */
  query(answers: MatchAnswers, share: (keyof MatchAnswers)[]): SourceQuery | undefined {
    return this.ready && queryBuilder ? queryBuilder(answers, { share }) : undefined;
  }

  /** Forgets the last result (Start over). */
  reset(): void {
    this.last = undefined;
  }
}

const ignore = () => {};
