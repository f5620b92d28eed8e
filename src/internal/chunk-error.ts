// One wording for a part of the drop-in that could not be loaded (its chunks/ folder missing or
// unreachable): a `network` SourceError, so the widget shows its error state with Retry.
import { SourceError } from '../sources/types.js';

/** `what` could not be loaded: the error the widget shows, with the fix for the site owner. */
export function chunkError(what: string, cause: unknown): SourceError {
  return new SourceError(
    'network',
    `${what} could not be loaded (${String(cause)}): serve the chunks/ folder next to therapist-match.js.`,
    undefined,
    { cause },
  );
}
