// Shared helpers for the data-source tests: a guard against unhandled rejections, and assertions on
// the SourceError a developer receives.
import { expect } from '@open-wc/testing';
import { SourceError, type SourceErrorKind } from '../../src/sources/index.js';

/** Fails the current test if any promise rejection went unhandled while it ran. */
export function failOnUnhandledRejections(): void {
  let unhandled: unknown[] = [];
  const listener = (event: PromiseRejectionEvent) => {
    unhandled.push(event.reason);
    event.preventDefault();
  };
  beforeEach(() => {
    unhandled = [];
    window.addEventListener('unhandledrejection', listener);
  });
  afterEach(async () => {
    // Rejection tracking is reported after a task, not a microtask.
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.removeEventListener('unhandledrejection', listener);
    expect(unhandled.map(String), 'unhandled rejections').to.deep.equal([]);
  });
}

/** Awaits `promise`, expecting a SourceError of `kind` whose message matches `message`. */
export async function expectSourceError(
  promise: Promise<unknown>,
  kind: SourceErrorKind,
  message: RegExp,
): Promise<SourceError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the promise to reject').to.be.instanceOf(SourceError);
  const error = caught as SourceError;
  expect(error.kind, error.message).to.equal(kind);
  expect(error.message).to.match(message);
  return error;
}

/** A key no other test (or the other browser's run) uses, for server-side request counters. */
export function uniqueKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** How many requests the test server received on `/test-api/counter/<key>`. */
export async function serverCount(key: string): Promise<number> {
  const response = await fetch(`/test-api/count/${key}`);
  return ((await response.json()) as { count: number }).count;
}

export const signal = () => new AbortController().signal;

export const ids = (records: unknown): string[] => (records as { id: string }[]).map((r) => r.id);

/** What `console[method]` was called with while `run` ran, each call's arguments joined by spaces. */
export async function captureConsole(
  method: 'warn' | 'error',
  run: () => Promise<unknown> | unknown,
): Promise<{ lines: string[]; calls: unknown[][] }> {
  const original = console[method];
  const calls: unknown[][] = [];
  console[method] = (...args: unknown[]) => void calls.push(args);
  try {
    await run();
  } finally {
    console[method] = original;
  }
  return { lines: calls.map((args) => args.map(String).join(' ')), calls };
}
