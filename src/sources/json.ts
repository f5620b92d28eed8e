// jsonSource(url): a JSON file of therapist records, fetched once and shared by every query.
import { fileSource, type FileSourceOptions } from './file.js';
import { jsonOf, recordsInResponse, type ResponseBody } from './http.js';
import { readFileOptions } from './options.js';
import type { TherapistSource } from './types.js';

export type JsonSourceOptions = FileSourceOptions;

/**
 * Therapist records from a JSON file: an array of records or `{ "therapists": [...] }`.
 * Fetched once (the first search), then reused; the engine applies the query. Invalid options are
 * replaced by their defaults, with a console warning.
 */
export function jsonSource(url: string | URL, options: JsonSourceOptions = {}): TherapistSource {
  return fileSource(url, readFileOptions(url, options), readJsonFile);
}

/** The records of a JSON file (a large one parsed in slices). For the file sources. */
export async function readJsonFile(
  body: ResponseBody,
  response: Response,
  label: string,
): Promise<{ records: unknown[] }> {
  const json = await jsonOf(body, response, label);
  return { records: recordsInResponse(json, label, 'check the src URL points at a therapist directory').records };
}
