// sourceFromSrc(src): the built-in source for a `src` attribute, chosen by the file extension.
import { csvSource } from './csv.js';
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
    source = /\.csv$/i.test(path) ? csvSource(url) : jsonSource(url);
    sources.set(url, source);
  }
  return source;
}
