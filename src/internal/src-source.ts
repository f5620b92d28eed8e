// The source behind a `src` attribute, without the file readers in the main file: a stand-in that
// loads `sourceFromSrc` (HTTP, JSON, CSV sniffing) as a chunk on its first search, in the drop-in
// while the quiz's first step is already on screen.
import type { SourceFormat } from '../sources/from-src.js';
import type { SearchOptions, SourceQuery, TherapistSource } from '../sources/types.js';
import { chunkError } from './chunk-error.js';

const standIns = new Map<string, TherapistSource>();

/** What errors and `tm-error` call the file: its name, without query or fragment (as `fileLabel`). */
function labelOf(url: string): string {
  const path = url.replace(/[?#].*$/s, '');
  return path.slice(path.lastIndexOf('/') + 1) || path;
}

/** The source for `src`: the same object for the same URL and format, so loads deduplicate. */
export function srcSource(src: string, format?: SourceFormat): TherapistSource {
  const base = globalThis.document?.baseURI;
  let url = src;
  try {
    url = new URL(src, base).href;
  } catch {
    // not a URL: the file source reports it when it is asked
  }
  const key = `${format ?? 'auto'} ${url}`;
  let source = standIns.get(key);
  if (!source) {
    let real: Promise<TherapistSource> | undefined;
    source = {
      label: labelOf(url),
      search(query: SourceQuery, options: SearchOptions) {
        real ??= import('../sources/from-src.js').then(
          (module) => module.sourceFromSrc(src, { format }),
          (cause: unknown) => {
            real = undefined; // Retry loads it again
            throw chunkError('The directory reader', cause);
          },
        );
        return real.then((from) => from.search(query, options));
      },
    };
    standIns.set(key, source);
  }
  return source;
}
