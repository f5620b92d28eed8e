// Numbers, distances, money, dates, lists and language names as a reader of `lang` writes them:
// one module, and each Intl formatter made once per language and style (making one costs far
// more than using it).
import type { DateParts } from '../engine/dates.js';
import { yieldToBrowser } from '../engine/slices.js';
import { formatMessage } from './localize.js';

/** Regions whose people read road distances in miles. */
const MILE_REGIONS = ['US', 'GB', 'LR', 'MM'];

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat | Intl.DisplayNames;
const made = new Map<string, Formatter>();

function once<T extends Formatter>(key: string, make: () => T): T {
  let formatter = made.get(key) as T | undefined;
  if (!formatter) made.set(key, (formatter = make()));
  return formatter;
}

export class Formatters {
  /** Whether the reader's region measures road distances in miles. */
  readonly miles: boolean;
  readonly lang: string;

  constructor(lang: string) {
    let region: string | undefined;
    try {
      region = new Intl.Locale(lang).maximize().region;
    } catch {
      lang = 'en';
    }
    this.lang = lang;
    this.miles = MILE_REGIONS.includes(region ?? '');
  }

  private number(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    return once(`${this.lang}|n|${key}`, () => new Intl.NumberFormat(this.lang, options));
  }

  percent(share: number): string {
    return this.number('%', { style: 'percent', maximumFractionDigits: 0 }).format(share);
  }

  /** A distance in the reader's unit: miles where people use them, kilometres elsewhere. */
  distance(km: number): string {
    const value = this.miles ? km / 1.609344 : km;
    const digits = value < 10 ? 1 : 0;
    return this.number(`d${digits}`, {
      style: 'unit',
      unit: this.miles ? 'mile' : 'kilometer',
      maximumFractionDigits: digits,
    }).format(value);
  }

  /** Whole kilometres (the quiz's distance choices). */
  kilometres(km: number): string {
    return this.number('km', { style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 }).format(km);
  }

  money(amount: number, currency: string): string {
    try {
      return this.number(currency, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
    } catch {
      return `${amount} ${currency}`;
    }
  }

  /**
   * A record date (read by `dateParts`) as the reader writes dates, at the precision it was given
   * (`2018` → "2018", `2026-03` → "Mar 2026", `2026-03-05` → "Mar 5, 2026"); the day does not
   * shift with time zones.
   */
  date(parts: DateParts): string {
    if (parts.precision === 'year') return String(parts.year);
    const date = new Date(Date.UTC(parts.year, (parts.month ?? 1) - 1, parts.day ?? 1));
    const month = parts.precision === 'month';
    return once(
      `${this.lang}|date|${parts.precision}`,
      () =>
        new Intl.DateTimeFormat(
          this.lang,
          month ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' },
        ),
    ).format(date);
  }

  list(items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
    return once(`${this.lang}|list|${type}`, () => new Intl.ListFormat(this.lang, { style: 'long', type })).format(
      items,
    );
  }

  /** A BCP 47 tag as the language's name (`es` → "Spanish"); the tag itself when none is known. */
  language(tag: string): string {
    try {
      return (
        once(
          `${this.lang}|language`,
          () => new Intl.DisplayNames([this.lang], { type: 'language', fallback: 'code' }),
        ).of(tag) ?? tag
      );
    } catch {
      return tag;
    }
  }

  /** An ISO 3166-1 code as the country's name (`CA` → "Canada", "Canadá"); the code when none is known. */
  country(code: string): string {
    try {
      return once(`${this.lang}|region`, () => new Intl.DisplayNames([this.lang], { type: 'region' })).of(code) ?? code;
    } catch {
      return code;
    }
  }

  /** An ISO 4217 code as the currency's name (`EUR` → "Euro"); the code when none is known. */
  currency(code: string): string {
    try {
      return (
        once(`${this.lang}|currency`, () => new Intl.DisplayNames([this.lang], { type: 'currency' })).of(code) ?? code
      );
    } catch {
      return code;
    }
  }
}

const byLanguage = new Map<string, Formatters>();

/** The formatters for `lang`, made once. */
export function formattersFor(lang: string): Formatters {
  let formatters = byLanguage.get(lang);
  if (!formatters) byLanguage.set(lang, (formatters = new Formatters(lang)));
  return formatters;
}

type Idle = (run: () => void) => void;
const whenIdle: Idle =
  typeof requestIdleCallback === 'function'
    ? (run) => requestIdleCallback(run, { timeout: 1000 })
    : (run) => setTimeout(run, 50);

let warming: Promise<void> | undefined;
let hurry = false;
/** Ends the idle wait under way (when `now` is asked). */
let wake: (() => void) | undefined;

/** Waits for an idle moment, or only for the next task once hurried. */
const pause = () =>
  new Promise<void>((resume) => {
    if (hurry) void yieldToBrowser().then(resume);
    else whenIdle((wake = resume));
  });

/**
 * Makes the formatters of the page's language, one kind per task: in idle moments, or one task
 * after another once `now` is asked (a step is waiting to render). A page's first formatter of
 * each kind costs 5–50 ms, whatever the language (the platform loads that kind's locale data once
 * per page); the later quiz steps and the results use every kind, so they are made here while the
 * person answers, not inside the render of a step or of "Show my matches". Each is the one kept
 * for its language (see `formattersFor`), so none is made twice. Resolves when all are made (never
 * rejects); does nothing without a document (Node).
 */
export function warmFormatters(now = false): Promise<void> {
  if (now) {
    hurry = true;
    wake?.();
  }
  return (warming ??= (async () => {
    if (typeof document !== 'object') return;
    let tag = 'en';
    try {
      tag = Intl.getCanonicalLocales(document.documentElement.lang || 'en')[0];
    } catch {
      // not a language tag: English stands in (the kinds are what matter)
    }
    const format = () => formattersFor(tag);
    const kinds: (() => unknown)[] = [
      format, // Intl.Locale
      () => formatMessage({ other: '' }, tag), // Intl.PluralRules
      () => format().percent(0) + format().distance(1) + format().money(1, 'USD'),
      () =>
        format().date({ year: 2026, month: 1, precision: 'month' }) + format().date({ year: 2026, precision: 'day' }),
      () => format().list([]),
      () => format().language('en') + format().country('US') + format().currency('USD'),
    ];
    for (const make of kinds) {
      await pause();
      try {
        make();
      } catch {
        // a kind this runtime lacks: whoever needs it finds out (and falls back) then
      }
    }
  })());
}
