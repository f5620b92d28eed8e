// Dates in records: ISO 8601 at the precision the directory knows (`2018`, `2018-06`,
// `2018-06-30`, optionally with a time). Checked by hand because `Date.parse` differs between
// engines (Chromium accepts `2026-02-31x`, Firefox does not).

/** Year, year-month or full date, optionally with a valid time and offset. */
const DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?)?)?$/;

export type DatePrecision = 'year' | 'month' | 'day';

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The parts of a record date, or undefined when it is not one (`2026-02-30`, `2026-01-01T99:99`). */
export function dateParts(value: string): DateParts | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const year = +m[1];
  if (year < 1000) return undefined;
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = +m[2];
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = +m[3];
  if (day < 1 || day > daysIn(year, month)) return undefined;
  return { year, month, day, precision: 'day' };
}

/**
 * A `YYYY-MM-DD` date, the usual form, read digit by digit (no match array, no parts object: a
 * directory has a few per record), as the number YYYYMMDD: -1 when it is not a real day, undefined
 * when the value is not of that form.
 */
export function isoDay(value: string): number | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
    ? year * 10000 + month * 100 + day
    : -1;
}

/** The ASCII digits of `value` from `start` to `end` as a number; -1 when one is not a digit. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) {
    const d = value.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** True for a record date at any precision. */
export function isRealDate(value: string): boolean {
  const day = isoDay(value);
  return day === undefined ? dateParts(value) !== undefined : day > 0;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day a date can mean (`2018` → `2018-01-01`), as `YYYY-MM-DD`. */
export function periodStart(value: string): string | undefined {
  const d = dateParts(value);
  return d && `${d.year}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

/** The last day a date can mean (`2026` → `2026-12-31`): an expiry stated as a year lasts all of it. */
export function periodEnd(value: string): string | undefined {
  const d = dateParts(value);
  if (!d) return undefined;
  const month = d.month ?? 12;
  return `${d.year}-${pad(month)}-${pad(d.day ?? daysIn(d.year, month))}`;
}
