// Reads a directory file (CSV or JSON) on the server exactly as the widget and the directory
// checker read it: the same decoding, format detection and `parseTherapists` validation.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkDirectoryFile, type DirectoryFileOptions } from '../sources/directory-file.js';
import type { LoadedDirectory } from './memory-store.js';

/**
 * Reads and validates the directory at `path`. Rejects with a `DirectoryFileError` (its `message`
 * and `fix` say what to do) when the file cannot be read as CSV or JSON at all; otherwise resolves
 * with the records kept and every problem, one malformed record never hiding the good ones.
 */
export async function readDirectoryFile(path: string, options: DirectoryFileOptions = {}): Promise<LoadedDirectory> {
  const bytes = await readFile(path);
  const file = Object.assign(new Blob([bytes]), { name: basename(path) });
  const { therapists, problems, records } = await checkDirectoryFile(file, options);
  return { therapists, problems, records };
}
