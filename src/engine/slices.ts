// Long work in slices: a deadline for each slice of synchronous work, and a yield between slices
// that lets the browser handle input, render and run other tasks. No DOM: runs in Node too.

/** Longest slice of synchronous work, in milliseconds: well under the 50 ms of a "long task". */
export const SLICE_MS = 8;

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function'
    ? () => performance.now()
    : () => Date.now();

/** A deadline for one slice: `due()` is true once `ms` have passed since `start()`. */
export class SliceClock {
  private end = 0;
  constructor(private readonly ms = SLICE_MS) {}
  start(): void {
    this.end = now() + this.ms;
  }
  due(): boolean {
    return now() >= this.end;
  }
}

/**
 * Ends the current task and resumes in a new one, after whatever the browser has queued (input,
 * rendering, timers). A `MessageChannel` message, not `setTimeout(0)` (clamped to 4 ms after a
 * few nested calls) nor `scheduler.yield()` (whose continuation goes ahead of the page's own timers).
 * `setImmediate` in Node.
 */
export function yieldToBrowser(): Promise<void> {
  if (typeof MessageChannel === 'function' && typeof setImmediate !== 'function')
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}
