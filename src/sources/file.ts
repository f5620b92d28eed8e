// What jsonSource and csvSource share: a whole directory in one file, fetched once per source and
// shared by every query; concurrent searches wait on one request, which is cancelled only when
// every one of them has been aborted.
import { aborted, fileLabel, request, type RequestOptions } from './http.js';
import type { HttpSourceOptions, SearchOptions, TherapistSource } from './types.js';

export interface FileSourceOptions extends HttpSourceOptions {
  /** Name used in messages; default the file name from the URL. */
  label?: string;
}

interface Flight {
  promise: Promise<unknown[]>;
  controller: AbortController;
  waiting: number;
}

/** A source over one file that `read` turns into records. Queries are applied by the engine. */
export function fileSource(
  url: string | URL,
  options: FileSourceOptions,
  read: (response: Response, label: string) => Promise<unknown[]>,
): TherapistSource {
  const label = options.label ?? fileLabel(url);
  let records: unknown[] | undefined;
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
      promise: request(url, { method: 'GET' }, requestOptions, (response) => read(response, label)).then(
        (loaded) => {
          records = loaded;
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

  function load({ signal }: SearchOptions): Promise<unknown[]> {
    if (records) return signal.aborted ? Promise.reject(aborted(label)) : Promise.resolve(records);
    if (signal.aborted) return Promise.reject(aborted(label));
    const current = (flight ??= start());
    current.waiting++;
    return new Promise<unknown[]>((resolve, reject) => {
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
    applies: [],
    async search(_query, searchOptions) {
      return { records: await load(searchOptions) };
    },
    async get(id, searchOptions) {
      const all = await load(searchOptions);
      return all.find((record) => (record as { id?: unknown } | null)?.id === id);
    },
  };
}
