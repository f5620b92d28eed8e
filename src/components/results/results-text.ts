// Words and numbers for the results and match cards: their messages (through the widget's one
// LocaleController), vocabulary labels, and the shared formatters (i18n/format.ts).
import type { CriterionKey } from '../../engine/types.js';
import { labelOf, type Vocabulary } from '../../engine/vocabulary.js';
import { dateParts } from '../../engine/dates.js';
import { REGIONS } from '../../engine/regions.js';
import { LocaleController } from '../../i18n/controller.js';
import { addMessages } from '../../i18n/index.js';
import { privacyEn } from '../../i18n/privacy.en.js';
import { Formatters } from '../../i18n/format.js';
import type { Catalogue } from '../../i18n/localize.js';
import { resultsEn, type ResultsMessageKey } from '../../i18n/results.en.js';
import type { ReactiveController, ReactiveElement } from 'lit';

// The root's privacy line names what a source receives once the results view is here (before any
// answer is sent): its English words come with this view.
addMessages('en', privacyEn);

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

/** The results' messages, vocabulary terms and formatters for one language. */
export class ResultsText extends Formatters {
  constructor(
    private readonly locale: LocaleController,
    readonly vocabulary: Vocabulary,
  ) {
    super(locale.lang);
  }

  /** A record's date (`2018`, `2026-03`, `2026-03-05`) at its precision; the text itself if it is not one. */
  recordDate(iso: string): string {
    const parts = dateParts(iso.trim());
    return parts ? this.date(parts) : iso;
  }

  /** The message `key` with its `{placeholders}` filled. */
  t(key: ResultsMessageKey, values?: Record<string, string | number>): string {
    return this.locale.t(key, values);
  }

  /** What a criterion's value id is called: a vocabulary label, a language name, or the id itself. */
  term(criterion: CriterionKey | keyof Vocabulary, id: string): string {
    if (criterion === 'languages') return this.language(id);
    // The therapist's own backgrounds and the style poles are named by messages; other words as written.
    const named =
      criterion === 'therapyStyle' ? `style.${id}` : /^therapist[FCI]/.test(criterion) ? `identity.${id}` : '';
    if (named) return this.locale.has(named) ? this.t(named as ResultsMessageKey) : id;
    const list = (TERM_LISTS[criterion as CriterionKey] ?? criterion) as keyof Vocabulary;
    const terms = this.vocabulary[list] as { id: string; labels: { en: string } }[] | undefined;
    return labelOf(
      terms?.find((term) => term.id === id),
      this.lang,
      id,
    );
  }

  /** A quiz step's title ("Practical matters"), from the quiz's own messages. */
  step(step: string): string {
    return this.t(`quiz.step.${step}` as ResultsMessageKey);
  }

  /**
   * A licence or video jurisdiction by name in the reader's language: `US-OR` → "Oregon" (Spanish
   * "Oregón"), `CA` → "Canada"; a site's `strings` may rename any (`region.US-OR`). Anything else is
   * shown as written.
   */
  place(code: string): string {
    const key = `region.${code}`;
    if (this.locale.has(key)) return this.t(key as ResultsMessageKey);
    const region = REGIONS.find((r) => r.code === code);
    if (region) return region.name;
    return /^[A-Z]{2}$/.test(code) ? this.country(code) : code;
  }

  /** A licence type with its abbreviation spelled out when it is a known one: "LCSW, Licensed Clinical Social Worker". */
  licence(type: string): string {
    const key = `results.licence.${type.trim()}`;
    return this.locale.has(key)
      ? this.t('results.licenceNamed', { type, name: this.t(key as ResultsMessageKey) })
      : type;
  }

  criterion(criterion: CriterionKey): string {
    return this.t(`results.criterion.${criterion}` as ResultsMessageKey);
  }
}

type TextHost = ReactiveElement & { lang: string; strings: Partial<Catalogue>; vocabulary: Vocabulary };

/**
 * Keeps an element's `ResultsText` current: rebuilt when its words (language, strings, a language
 * loaded on demand) or its vocabulary change.
 */
export class ResultsTextController implements ReactiveController {
  value!: ResultsText;
  private readonly locale: LocaleController;
  private inputs?: [Catalogue, Vocabulary];

  constructor(private readonly host: TextHost) {
    this.locale = new LocaleController(host, { english: resultsEn });
    host.addController(this);
  }

  hostUpdate(): void {
    const inputs: [Catalogue, Vocabulary] = [this.locale.catalogue, this.host.vocabulary];
    if (this.inputs && inputs.every((input, k) => input === this.inputs![k])) return;
    this.inputs = inputs;
    this.value = new ResultsText(this.locale, inputs[1]);
  }
}
