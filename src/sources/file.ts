// What jsonSource and csvSource share: a whole directory in one file, fetched once per source and
// shared by every query; concurrent searches wait on one request, which is cancelled only when
// every one of them has been aborted. The bytes are decoded here, whatever the encoding.
import type { DataProblem } from '../engine/records.js';
import { aborted, bodyBytes, charsetOf, fileLabel, request, ResponseBody, type RequestOptions } from './http.js';
import type { HttpSourceOptions, SearchOptions, SourceResult, TherapistSource } from './types.js';

export interface FileSourceOptions extends HttpSourceOptions {
  /** Name used in messages; default the file name from the URL. */
  label?: string;
}

/** What a file holds: its records, and what reading it found (see `SourceResult`). */
export interface FileContents {
  records: unknown[];
  lines?: number[];
  problems?: DataProblem[];
}

/** Turns a file's body (its bytes, and its text on demand) into records; `response` for its headers, `label` for messages. */
export type FileReader = (
  body: ResponseBody,
  response: Response,
  label: string,
) => FileContents | Promise<FileContents>;

interface Flight {
  promise: Promise<FileContents>;
  controller: AbortController;
  waiting: number;
}

/**
 * A source over one file that `read` turns into records. Queries are applied by the engine.
 * The body is decoded by `decodeBytes` when the reader asks for its text (in slices, for a large
 * file); a guessed encoding adds a warning to the problems.
 */
export function fileSource(url: string | URL, options: FileSourceOptions, read: FileReader): TherapistSource {
  const label = options.label || fileLabel(url);
  let contents: FileContents | undefined;
  let flight: Flight | undefined;

  function start(): Flight {
    const controller = new AbortController();
    const requestOptions: RequestOptions = {
      ...options,
      signal: controller.signal,
      label,
      notFoundHint: 'check the src URL',
    };
    const current: Flight = {
      controller,
      waiting: 0,
      promise: request(url, { method: 'GET' }, requestOptions, (response) => readFile(response, label, read)).then(
        (loaded) => {
          contents = loaded;
          if (flight === current) flight = undefined;
          return loaded;
        },
        (error: unknown) => {
          if (flight === current) flight = undefined;
          throw error;
        },
      ),
    };
    // Each waiter handles the outcome; this keeps a flight nobody waits for from being "unhandled".
    current.promise.catch(() => undefined);
    return current;
  }

  function load({ signal }: SearchOptions): Promise<FileContents> {
    if (contents) return signal.aborted ? Promise.reject(aborted(label)) : Promise.resolve(contents);
    if (signal.aborted) return Promise.reject(aborted(label));
    const current = (flight ??= start());
    current.waiting++;
    return new Promise<FileContents>((resolve, reject) => {
      const onAbort = () => {
        current.waiting--;
        if (current.waiting === 0) {
          if (flight === current) flight = undefined;
          current.controller.abort();
        }
        reject(aborted(label));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      current.promise.then(
        (loaded) => {
          signal.removeEventListener('abort', onAbort);
          resolve(loaded);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  return {
    label,
    sends: 'nothing',
    applies: [],
    async search(_query, searchOptions): Promise<SourceResult> {
      const { records, lines, problems } = await load(searchOptions);
      return { records, ...(lines ? { lines } : {}), ...(problems?.length ? { problems } : {}) };
    },
    async get(id, searchOptions) {
      const { records } = await load(searchOptions);
      return records.find((record) => (record as { id?: unknown } | null)?.id === id);
    },
  };
}

async function readFile(response: Response, label: string, read: FileReader): Promise<FileContents> {
  const body = new ResponseBody(await bodyBytes(response), charsetOf(response));
  const contents = await read(body, response, label);
  if (!(await body.guessed())) return contents;
  const guess: DataProblem = {
    severity: 'warning',
    index: -1,
    path: '',
    message: `${label} is not UTF-8; it was read as Windows-1252 (what Excel on Windows saves as "CSV").`,
    fix: 'Check accented letters in names. To be sure, save it as "CSV UTF-8" in Excel, or download it as CSV from Google Sheets.',
  };
  return { ...contents, problems: [guess, ...(contents.problems ?? [])] };
}
