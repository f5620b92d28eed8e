// The options of the built-in sources as used: each invalid one replaced by its default, with a
// console warning that names the source, the option and the value.
import { DEFAULT_TIMEOUT_MS, fileLabel, shapeOf, TIMEOUT_RANGE_MS } from './http.js';
import type { FileSourceOptions } from './file.js';
import type { HttpSourceOptions } from './types.js';

/** A number option's range, its default, and whether it is a whole number. */
export interface NumberRange {
  min: number;
  max: number;
  fallback: number;
  integer?: boolean;
}

/**
 * A numeric option as used: a number or numeric string, rounded down when `integer`, clamped to
 * `[min, max]`; anything else (`NaN`, `Infinity`, `'soon'`, an object, `undefined`) is `fallback`.
 */
export function clampNumber(value: unknown, { min, max, fallback, integer }: NumberRange): number {
  const number = numberIn(value);
  if (!Number.isFinite(number)) return fallback;
  return Math.min(max, Math.max(min, integer ? Math.floor(number) : number));
}

/** The number a value stands for: itself, or a numeric string's; NaN for anything else. */
export function numberIn(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
}

/** Milliseconds of a `timeoutMs` option: clamped to `TIMEOUT_RANGE_MS`, `DEFAULT_TIMEOUT_MS` when not a finite number. */
export function timeoutOf(value: unknown): number {
  return clampNumber(value, { ...TIMEOUT_RANGE_MS, fallback: DEFAULT_TIMEOUT_MS });
}

export const CREDENTIALS: readonly RequestCredentials[] = ['omit', 'same-origin', 'include'];

/** Reports a replaced option value. */
export type Warn = (message: string) => void;

/** A console warning about `label`'s options. */
export const warnAbout =
  (label: string): Warn =>
  (message) =>
    console.warn(`therapist-match: ${label}: ${message}.`);

/** `clampNumber`, reporting through `warn` a value that had to change (`undefined` silently means the default). */
export function numberOption(name: string, value: unknown, range: NumberRange, warn: Warn): number {
  const used = clampNumber(value, range);
  const number = numberIn(value);
  if (value === undefined) return used;
  if (!Number.isFinite(number))
    warn(`${name} ${describeValue(value)} is not a finite number; using the default, ${range.fallback}`);
  else if (used !== number) warn(`${name} ${describeValue(value)} is outside ${range.min}–${range.max}; using ${used}`);
  return used;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return `(${shapeOf(value)})`;
}

/** The HTTP options as used: each invalid one replaced by its default, with a console warning naming the source. */
export function readHttpOptions(
  options: HttpSourceOptions,
  label: string,
): Required<Omit<HttpSourceOptions, 'headers'>> & Pick<HttpSourceOptions, 'headers'> {
  const warn = warnAbout(label);
  const timeoutMs = numberOption(
    'timeoutMs',
    options.timeoutMs,
    { ...TIMEOUT_RANGE_MS, fallback: DEFAULT_TIMEOUT_MS },
    warn,
  );
  let credentials: RequestCredentials = 'same-origin';
  if (options.credentials !== undefined) {
    if (CREDENTIALS.includes(options.credentials)) credentials = options.credentials;
    else
      warn(`credentials ${describeValue(options.credentials)} is not omit, same-origin or include; using same-origin`);
  }
  let headers: HeadersInit | undefined;
  if (options.headers !== undefined) {
    try {
      headers = new Headers(options.headers);
    } catch (error) {
      warn(`headers are not valid HTTP headers (${error instanceof Error ? error.message : String(error)}); sent none`);
    }
  }
  return { timeoutMs, credentials, headers };
}

/** A file source's options as used (see `readHttpOptions`), with its label: the one given, or the file's name. */
export function readFileOptions(url: string | URL, options: FileSourceOptions): FileSourceOptions {
  const label = typeof options.label === 'string' && options.label ? options.label : fileLabel(url);
  return { ...readHttpOptions(options, label), label };
}
