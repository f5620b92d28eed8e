// jsonSource(url): a JSON file of therapist records, fetched once and shared by every query.
import { fileSource, type FileSourceOptions } from './file.js';
import { readJson, recordsIn } from './http.js';
import type { TherapistSource } from './types.js';

export type JsonSourceOptions = FileSourceOptions;

/**
 * Therapist records from a JSON file: an array of records or `{ "therapists": [...] }`.
 * Fetched once (the first search), then reused; the engine applies the query.
 */
export function jsonSource(url: string | URL, options: JsonSourceOptions = {}): TherapistSource {
  return fileSource(url, options, async (response, label) => {
    const json = await readJson(response, label);
    return recordsIn(json, label, 'check the src URL points at a therapist directory').records;
  });
}
