// Words and numbers for the results and match cards: the message catalogue for a language with a
// site's overrides, vocabulary labels, and Intl formatting of distances, fees, dates and languages.
import { dateParts } from '../../engine/dates.js';
import type { CriterionKey } from '../../engine/types.js';
import { labelOf, type Vocabulary } from '../../engine/vocabulary.js';
import { formatMessage, type Catalogue } from '../../i18n/localize.js';
import { resultsEn, type ResultsMessageKey } from '../../i18n/results.en.js';
import { catalogues, ensureCatalogue, languageOf } from '../../i18n/index.js';
import type { ReactiveController, ReactiveElement } from 'lit';

/** Regions whose people read road distances in miles. */
const MILE_REGIONS = ['US', 'GB', 'LR', 'MM'];

/** Which vocabulary list names the values of each criterion. */
const TERM_LISTS: Partial<Record<CriterionKey, keyof Vocabulary>> = {
  clientType: 'clientTypes',
  ageGroup: 'ageGroups',
  primaryConcern: 'concerns',
  otherConcerns: 'concerns',
  therapistGender: 'genders',
  communities: 'communities',
  modalities: 'modalities',
  formats: 'formats',
};

/** The results' messages and formatters for one language. */
export class ResultsText {
  private readonly catalogue: Catalogue;
  private readonly cache = new Map<string, Intl.NumberFormat>();
  readonly miles: boolean;

  constructor(
    readonly lang: string,
    strings: Partial<Catalogue> = {},
    readonly vocabulary: Vocabulary,
  ) {
    const base = lang.toLowerCase().split('-')[0];
    this.catalogue = { ...resultsEn, ...catalogues[base], ...(strings as Catalogue) };
    let region: string | undefined;
    try {
      region = new Intl.Locale(lang).maximize().region;
    } catch {
      this.lang = 'en';
    }
    this.miles = MILE_REGIONS.includes(region ?? '');
  }

  /** The message `key` with its `{placeholders}` filled. */
  t(key: ResultsMessageKey, values?: Record<string, string | number>): string {
    const message = this.catalogue[key];
    return message === undefined ? key : formatMessage(message, this.lang, values);
  }

  list(items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
    return new Intl.ListFormat(this.lang, { style: 'long', type }).format(items);
  }

  private numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    let format = this.cache.get(key);
    if (!format) this.cache.set(key, (format = new Intl.NumberFormat(this.lang, options)));
    return format;
  }

  percent(share: number): string {
    return this.numberFormat('%', { style: 'percent', maximumFractionDigits: 0 }).format(share);
  }

  /** A distance in the reader's unit: miles where people use them, kilometres elsewhere. */
  distance(km: number): string {
    const value = this.miles ? km / 1.609344 : km;
    return this.numberFormat('d', {
      style: 'unit',
      unit: this.miles ? 'mile' : 'kilometer',
      maximumFractionDigits: value < 10 ? 1 : 0,
    }).format(value);
  }

  money(amount: number, currency: string): string {
    try {
      return this.numberFormat(currency, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
    } catch {
      return `${amount} ${currency}`;
    }
  }

  /**
   * A record date as the reader writes dates, at the precision it was given (`2018` → "2018",
   * `2026-03` → "Mar 2026", `2026-03-05` → "Mar 5, 2026"); the day does not shift with time zones.
   */
  date(iso: string): string {
    const parts = dateParts(iso.trim());
    if (!parts) return iso;
    if (parts.precision === 'year') return String(parts.year);
    const date = new Date(Date.UTC(parts.year, (parts.month ?? 1) - 1, parts.day ?? 1));
    const options: Intl.DateTimeFormatOptions =
      parts.precision === 'month'
        ? { year: 'numeric', month: 'short', timeZone: 'UTC' }
        : { dateStyle: 'medium', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(this.lang, options).format(date);
  }

  /** A BCP 47 tag as the language's name (`es` → "Spanish"). */
  language(tag: string): string {
    try {
      return new Intl.DisplayNames([this.lang], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
    } catch {
      return tag;
    }
  }

  /** What a criterion's value id is called: a vocabulary label, a language name, or the id itself. */
  term(criterion: CriterionKey | keyof Vocabulary, id: string): string {
    if (criterion === 'languages') return this.language(id);
    const list = (TERM_LISTS[criterion as CriterionKey] ?? criterion) as keyof Vocabulary;
    const terms = this.vocabulary[list] as { id: string; labels: { en: string } }[] | undefined;
    return labelOf(
      terms?.find((term) => term.id === id),
      this.lang,
      id,
    );
  }

  criterion(criterion: CriterionKey): string {
    return this.t(`results.criterion.${criterion}` as ResultsMessageKey);
  }
}

type TextHost = ReactiveElement & { lang: string; strings: Partial<Catalogue>; vocabulary: Vocabulary };

/**
 * Keeps an element's `ResultsText` current: rebuilt when its language, strings or vocabulary
 * change, and again once a language loaded on demand has arrived.
 */
export class ResultsTextController implements ReactiveController {
  value!: ResultsText;
  private inputs?: [string, Partial<Catalogue>, Vocabulary];

  constructor(private readonly host: TextHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { host } = this;
    const inputs: [string, Partial<Catalogue>, Vocabulary] = [
      host.lang || languageOf(host),
      host.strings,
      host.vocabulary,
    ];
    if (this.inputs && inputs.every((input, k) => input === this.inputs![k])) return;
    this.inputs = inputs;
    this.value = new ResultsText(...inputs);
    ensureCatalogue(inputs[0], {
      requestUpdate: () => {
        this.inputs = undefined;
        host.requestUpdate();
      },
    });
  }
}
