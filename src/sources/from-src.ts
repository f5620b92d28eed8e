// sourceFromSrc(src): the built-in source for a `src` attribute, chosen by the file extension.
import { fileLabel } from './http.js';
import { jsonSource } from './json.js';
import type { TherapistSource } from './types.js';

// One source per URL for the page's lifetime, so switching `src` back and forth reuses the file.
const sources = new Map<string, TherapistSource>();

/** `csvSource` for a `.csv` path (query string and hash ignored), otherwise `jsonSource`. */
export function sourceFromSrc(src: string): TherapistSource {
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  const url = base ? new URL(src, base).href : src;
  let source = sources.get(url);
  if (!source) {
    const path = url.replace(/[?#].*$/, '');
    source = /\.csv$/i.test(path) ? lazyCsvSource(url) : jsonSource(url);
    sources.set(url, source);
  }
  return source;
}

/** The CSV reader loads on first use, so pages with a JSON directory never download it. */
function lazyCsvSource(url: string): TherapistSource {
  const csv = import('./csv.js').then(({ csvSource }) => csvSource(url));
  // The import itself cannot fail in a page that loaded this module; a rejection surfaces in search().
  csv.catch(() => {});
  return { label: fileLabel(url), search: async (query, options) => (await csv).search(query, options) };
}
