// jsonSource(url): a JSON file of therapist records, fetched once and shared by every query.
import { fileSource, type FileSourceOptions } from './file.js';
import { parseJson, recordsIn } from './http.js';
import type { TherapistSource } from './types.js';

export type JsonSourceOptions = FileSourceOptions;

/**
 * Therapist records from a JSON file: an array of records or `{ "therapists": [...] }`.
 * Fetched once (the first search), then reused; the engine applies the query.
 */
export function jsonSource(url: string | URL, options: JsonSourceOptions = {}): TherapistSource {
  return fileSource(url, options, readJsonFile);
}

/** The records of a decoded JSON file. For the file sources. */
export function readJsonFile(text: string, response: Response, label: string): { records: unknown[] } {
  const json = parseJson(text, response, label);
  return { records: recordsIn(json, label, 'check the src URL points at a therapist directory').records };
}
