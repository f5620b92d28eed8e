// The widget's index build off the click path: as soon as a directory has been read and checked
// (internal/record-check.ts loads this module then), its ranking index is built in slices of a few
// milliseconds while the page is idle, so "Show my matches" only ranks.
import { startIndex } from './therapist-index.js';
import type { Therapist } from './schema.js';

/** Records read between two looks at the clock. */
const SLICE = 256;
/** Longest a slice of idle work may run, in ms, so a click or a key is never kept waiting long. */
const SLICE_MS = 8;

type Idle = (run: (deadline?: { timeRemaining(): number }) => void) => void;
/** Runs `run` when the page is idle (within 200 ms), else after the current task. */
const whenIdle: Idle =
  typeof requestIdleCallback === 'function'
    ? (run) => requestIdleCallback(run, { timeout: 200 })
    : (run) => setTimeout(run, 1);

/**
 * Runs `unit` while the page is idle, in slices of at most `SLICE_MS` (or what the idle period
 * has left, at least 2 ms), until it returns true; resolves then. A `unit` that throws ends the
 * work (the promise still resolves): idle work is never worth an unhandled rejection.
 */
export function inIdleSlices(unit: () => boolean): Promise<void> {
  return new Promise<void>((done) => {
    const slice = (deadline?: { timeRemaining(): number }) => {
      const start = performance.now();
      const budget = Math.min(SLICE_MS, Math.max(2, deadline?.timeRemaining() ?? SLICE_MS));
      try {
        while (!unit()) if (performance.now() - start > budget) return whenIdle(slice);
      } catch {
        // Only a bug could throw here; the work done in the person's task reports it where it is seen.
      }
      done();
    };
    whenIdle(slice);
  });
}

/** The builds this module started, by records array: resolved once the index is there. */
const builds = new WeakMap<object, Promise<void>>();

/**
 * Builds the index of `therapists` in slices of at most a few milliseconds while the page is idle
 * (`requestIdleCallback`, else `setTimeout`), so that the first ranking finds it ready. Ranking the
 * same array before it is done finishes the build at once; the result is the same index either
 * way. Does nothing for an array already indexed or being indexed. Resolves once the index is
 * there, the columns it reads after the rest included (at once for an array already indexed), so
 * that work that needs it can wait for it instead of finishing the build in its own task.
 */
export function indexWhenIdle(therapists: readonly Therapist[]): Promise<void> {
  const step = startIndex(therapists);
  if (!step) return (Array.isArray(therapists) && builds.get(therapists)) || Promise.resolve();
  const built = inIdleSlices(() => step(SLICE));
  builds.set(therapists, built);
  return built;
}

/** The same, as the module the widget loads (a default export is the fewest bytes to call). */
export default indexWhenIdle;
