// <tm-results>: the ranked matches and what shaped them (exclusions, partner conflicts, ways to
// widen the search), plus the loading, error, empty and no-data states.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatchAnswers } from '../../engine/answers.js';
import type { RankResult, Relaxation } from '../../engine/types.js';
import { defaultVocabulary, type Vocabulary } from '../../engine/vocabulary.js';
import type { Catalogue } from '../../i18n/localize.js';
import type { ResultsMessageKey } from '../../i18n/results.en.js';
import type { SourceError, SourceErrorKind } from '../../sources/types.js';
import { emit, type TmEvent, type TmEventDetails } from '../../events.js';
import { renderFollowUp, restoreContacted, storeContacted } from './contacted.js';
import { renderSummary } from './summary.js';
import { baseStyles, buttonStyles } from '../../styles/tokens.js';
import {
  FILTERS,
  SORTS,
  arrange,
  feeCurrency,
  otherCurrencies,
  type ResultsFilter,
  type ResultsSort,
} from './arrange.js';
import { ResultsText, ResultsTextController } from './results-text.js';
import { resultsStyles } from './results.styles.js';

export type ResultsState = 'loading' | 'error' | 'ready' | 'no-data';

/** Cards shown at first, and added by each "Show more". */
export const RESULTS_PAGE = 10;

const CARD_PARTS = 'card, photo, name, credentials, badge, score, facts, reasons, about, contact, link';

/**
 * Its own parts and its cards', exported by the element itself (`exportparts` on its host), so the
 * page styles them through whatever element holds it: `therapist-match::part(tools)`. The outer
 * `results` part is left out: the holder names this element itself (the root's `results` part).
 */
const EXPORTED_PARTS = `summary, count, exclusions, conflicts, physician, relaxation, button, edit, edit-step, retry, tools, currencies, list, more, empty, error, skeleton, follow-up, ${CARD_PARTS}`;

/**
 * The ranked matches: how many fit, what was left out and why, the partners' differing wishes,
 * buttons that widen the search one step at a time, and one card per therapist. Never a dead end:
 * with no matches it offers the relaxations, video sessions and changing the answers. The cards'
 * parts (`card`, `photo`, `name`, `credentials`, `badge`, `score`, `facts`, `reasons`, `about`,
 * `contact`, `link`) are exported, so `::part()` reaches them through this element too.
 *
 * @summary Ranked, explained therapist matches.
 * @tag tm-results
 *
 * @slot empty - Replaces the words shown when nothing matches; the buttons to widen the search stay.
 *
 * @csspart results - The whole results area.
 * @csspart summary - The live count and what was left out.
 * @csspart count - The count of matches (a polite live region).
 * @csspart exclusions - The list of what was left out.
 * @csspart conflicts - Where partners' wishes differ.
 * @csspart physician - The note, when a concern about how the body works was chosen, that clinicians suggest seeing a physician too.
 * @csspart relaxation - Each button that widens the search.
 * @csspart button - Every button (relaxations, change answers, retry).
 * @csspart list - The ranked list of cards.
 * @csspart empty - The message when nothing matches, or when the directory is empty.
 * @csspart error - The error message with its Retry button.
 * @csspart skeleton - Placeholder cards while loading.
 * @csspart edit - The "Change answers" button, which opens the list of steps to go back to.
 * @csspart edit-step - Each step's button in that list.
 * @csspart tools - The sort menu and the quick filters above the list.
 * @csspart more - The "Show more" button under the list.
 * @csspart currencies - With "Lowest fee": the line saying which currency comes first and that fees in others follow, not compared.
 * @csspart retry - The Retry button of the error state.
 * @csspart follow-up - After a contact from a card: what to do if there is no reply, and the next best matches.
 *
 * @fires tmi-relax - Internal (not composed): the person chose a relaxation; `detail.change` patches the answers.
 * @fires tmi-edit - Internal (not composed): the person asked to change their answers; `detail.step` is the step chosen.
 * @fires tmi-retry - Internal (not composed): the person asked to try loading again.
 * @fires tm-select - From a card: a person opened its details (`detail.id`).
 * @fires tm-contact - From a card: a person used a contact action (`detail.id`, `detail.channel`).
 */
export class TmResults extends LitElement {
  static override styles = [baseStyles, buttonStyles, resultsStyles];

  /** What the engine returned: matches, counts, exclusions, relaxations and conflicts. */
  @property({ attribute: false }) result?: RankResult;

  /** Which state to show. */
  @property({ reflect: true }) state: ResultsState = 'loading';

  /** Why loading failed, when `state` is `error`: its `kind` picks the sentence shown; its message is never shown. */
  @property({ attribute: false }) error?: SourceError | Error;

  /** Language of the results; inherited from the nearest `lang` when empty. */
  @property() override lang = '';

  /** Overrides for any `results.*` message. */
  @property({ attribute: false }) strings: Partial<Catalogue> = {};

  /** Labels of concerns, formats, genders, communities and modalities. */
  @property({ attribute: false }) vocabulary: Vocabulary = defaultVocabulary;

  /**
   * How many candidates the source reported in all, when the records it sent are one page of them
   * (a REST source's `total`): the count then says how many listings were checked out of it.
   */
  @property({ attribute: false }) sourceTotal?: number;

  /**
   * The person's answers: used to suggest video sessions when nothing matches and to repeat the
   * physician note beside the matches when a concern about how the body works was chosen.
   */
  @property({ attribute: false }) answers?: MatchAnswers;

  /** The quiz's steps, in order: "Change answers" offers each one. Without them, or with one, it goes to the first. */
  @property({ attribute: false }) steps?: readonly string[];

  /**
   * Therapists contacted from a card during this visit (ids), shared with the root so it outlives
   * this element; their cards say "Contacted" and the next best matches are offered.
   */
  @property({ attribute: false }) contacted: Set<string> = new Set();

  /** Keeps the contacted ids in sessionStorage too (the root's `persist="session"`). */
  @property({ type: Boolean }) persist = false;

  /** The last contact's event detail: a page's `tm-contact` listener may have set `followUp`. */
  @state() private lastContact?: TmEventDetails['tm-contact'];
  @state() private sort: ResultsSort = 'fit';
  @state() private filters: ReadonlySet<ResultsFilter> = new Set();
  @state() private page = RESULTS_PAGE;
  @state() private choosingStep = false;
  /** The first card added by "Show more", focused once it is there. */
  private focusCard = -1;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('exportparts')) this.setAttribute('exportparts', EXPORTED_PARTS);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('result')) this.page = RESULTS_PAGE;
    if ((changed.has('persist') || changed.has('contacted')) && this.persist) {
      restoreContacted(this.contacted);
      // Undo after "Start over" (which removed the store) brings the ids back: kept again.
      if (this.contacted.size) storeContacted(this.contacted);
    }
  }

  /**
   * A contact from a card: remembered for the visit. The event goes on to the page; its listeners
   * run before the next render, so a `followUp` they set is shown.
   */
  private onContact(event: TmEvent<'tm-contact'>): void {
    this.contacted.add(event.detail.id);
    if (this.persist) storeContacted(this.contacted);
    this.lastContact = event.detail;
  }

  /** Shows the card of `id` (on a later page too) and moves focus to it. */
  private showCard(index: number): void {
    if (index >= this.page) this.page = Math.ceil((index + 1) / RESULTS_PAGE) * RESULTS_PAGE;
    this.focusCard = index;
    this.requestUpdate();
  }

  protected override updated(): void {
    if (this.focusCard < 0) return;
    this.renderRoot.querySelectorAll<HTMLElement>('ol[part="list"] > li')[this.focusCard]?.focus();
    this.focusCard = -1;
  }

  /** The matches as the person arranged them (sort and quick filters), before paging. */
  private arranged(result: RankResult) {
    return arrange(result.matches, this.sort, this.filters, this.budgetCurrency);
  }

  /** The currency of the person's budget, when they gave one: "Lowest fee" compares fees in it first. */
  private get budgetCurrency(): string | undefined {
    const currency = this.answers?.budget?.value?.currency;
    return typeof currency === 'string' && currency ? currency : undefined;
  }

  /** With "Lowest fee": which currency comes first and which follow (never compared), when there are others. */
  private renderCurrencies(result: RankResult, t: ResultsText) {
    if (this.sort !== 'fee') return nothing;
    const currency = feeCurrency(result.matches, this.budgetCurrency);
    const others = otherCurrencies(result.matches, currency);
    return currency && others.length
      ? html`<p class="muted" part="currencies">
          ${t.t('results.feeCurrencies', { currency, others: t.list(others) })}
        </p>`
      : nothing;
  }

  private readonly texts = new ResultsTextController(this);
  private get text(): ResultsText {
    return this.texts.value;
  }

  protected override render() {
    const t = this.text;
    const result = this.state === 'ready' ? this.result : undefined;
    const status =
      this.state === 'loading'
        ? t.t('results.loading')
        : this.state === 'no-data'
          ? t.t('results.noData')
          : result
            ? result.matched > 0
              ? this.unchecked(result)
                ? t.t('results.countOfSource', {
                    count: result.matched,
                    checked: result.total,
                    total: this.sourceTotal!,
                  })
                : t.t('results.count', { count: result.matched })
              : t.t('results.countNone')
            : '';
    return html`<section
      part="results"
      class="results"
      lang=${t.lang}
      aria-busy=${this.state === 'loading' ? 'true' : 'false'}
    >
      <div part="summary" class="summary">
        <p part="count" class="count" role="status">${status}</p>
        ${result ? this.renderSummary(result, t) : nothing}
      </div>
      ${
        this.state === 'loading'
          ? this.renderSkeleton()
          : this.state === 'error'
            ? this.renderError(t)
            : this.state === 'no-data'
              ? html`<div part="empty" class="empty"><p>${t.t('results.noDataHint')}</p></div>`
              : result
                ? this.renderMatches(result, t)
                : nothing
      }
    </section>`;
  }

  /** Whether the source holds more candidates than the records it sent (and the engine checked). */
  private unchecked(result: RankResult): boolean {
    const total = this.sourceTotal;
    return typeof total === 'number' && Number.isFinite(total) && total > result.total;
  }

  private renderSummary(result: RankResult, t: ResultsText) {
    const kept = this.arranged(result).length;
    return renderSummary(result, t, {
      kept,
      shown: Math.min(kept, this.page),
      filtered: this.filters.size > 0,
      answers: this.answers,
    });
  }

  private relaxationLabel(relaxation: Relaxation, t: ResultsText): string {
    const count = relaxation.additional;
    const km = relaxation.change.location?.maxDistanceKm;
    if (relaxation.criterion === 'formats') return t.t('results.relax.formats', { count });
    if (relaxation.criterion === 'distance' && km !== undefined)
      return t.t('results.relax.distance', { count, distance: t.distance(km) });
    return t.t('results.relax.other', { count, criterion: t.criterion(relaxation.criterion) });
  }

  private renderMatches(result: RankResult, t: ResultsText) {
    const empty = result.matches.length === 0;
    const formats = this.answers?.formats;
    // With nothing to show, video sessions are worth suggesting even when the engine had no count.
    const suggestVideo =
      empty &&
      formats !== undefined &&
      !formats.value.includes('telehealth') &&
      !result.relaxations.some((relaxation) => relaxation.criterion === 'formats');
    const relaxations = result.relaxations.filter((relaxation) => relaxation.additional > 0);
    // In-person-only listings wait for the person's place: the way to give it opens where it is asked.
    const waiting = result.exclusions.find((e) => e.criterion === 'distance' && e.details?.location === 'unknown');
    // The first step asks for it; a site without that step asks on the practical one.
    const steps = this.steps ?? ['who'];
    const placeStep = ['who', 'practical'].find((step) => steps.includes(step));
    const askPlace = waiting && placeStep ? waiting.count : 0;
    return html`
      ${
        empty
          ? html`<div part="empty" class="empty">
              <slot name="empty"><p>${t.t('results.empty')}</p></slot>
              ${suggestVideo ? html`<p>${t.t('results.emptyVideo')}</p>` : nothing}
            </div>`
          : nothing
      }
      ${
        relaxations.length || suggestVideo || askPlace
          ? html`<div class="relaxations" role="group" aria-labelledby="relax-heading">
              <h3 id="relax-heading">${t.t('results.relaxHeading')}</h3>
              <div class="actions">
                ${relaxations.map(
                  (relaxation) =>
                    html`<button
                      type="button"
                      part="button relaxation"
                      @click=${() => emit(this, 'tmi-relax', { change: relaxation.change })}
                    >
                      ${this.relaxationLabel(relaxation, t)}
                    </button>`,
                )}
                ${
                  askPlace
                    ? html`<button
                        type="button"
                        part="button relaxation"
                        @click=${() => emit(this, 'tmi-edit', { step: placeStep })}
                      >
                        ${t.t('results.askPlace', { count: askPlace })}
                      </button>`
                    : nothing
                }
                ${
                  suggestVideo
                    ? html`<button
                        type="button"
                        part="button relaxation"
                        @click=${() =>
                          emit(this, 'tmi-relax', {
                            change: { formats: { ...formats, value: ['in-person', 'telehealth'] } },
                          })}
                      >
                        ${t.t('results.includeVideo')}
                      </button>`
                    : nothing
                }
              </div>
            </div>`
          : nothing
      }
      ${this.renderEdit(t)} ${empty ? nothing : this.renderList(result, t)}
    `;
  }

  /** "Change answers": opens the list of steps, so the person goes straight to the one to change. */
  private renderEdit(t: ResultsText) {
    // With one step there is nothing to choose: the button goes straight to it.
    const steps = (this.steps ?? []).length > 1 ? this.steps! : [];
    return html`<div class="actions">
        <button
          type="button"
          part="button edit"
          aria-expanded=${steps.length ? String(this.choosingStep) : nothing}
          aria-controls=${steps.length ? 'edit-steps' : nothing}
          @click=${() => (steps.length ? (this.choosingStep = !this.choosingStep) : emit(this, 'tmi-edit', {}))}
        >
          ${t.t('results.editAnswers')}
        </button>
      </div>
      ${
        steps.length && this.choosingStep
          ? html`<ul id="edit-steps" class="steps" aria-label=${t.t('results.editWhich')}>
              ${steps.map(
                (step) =>
                  html`<li>
                    <button type="button" part="button edit-step" @click=${() => emit(this, 'tmi-edit', { step })}>
                      ${t.step(step)}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }`;
  }

  /** Sort and quick filters (when there is more than one match), the cards of this page, and "Show more". */
  private renderList(result: RankResult, t: ResultsText) {
    const arranged = this.arranged(result);
    const visible = arranged.slice(0, this.page);
    const more = Math.min(arranged.length - visible.length, RESULTS_PAGE);
    const sorts = SORTS.filter((sort) => sort !== 'nearest' || result.matches.some((m) => m.distanceKm !== undefined));
    return html`${
        result.matches.length > 1
          ? html`<div part="tools" class="tools">
              <label
                >${t.t('results.sortBy')}
                <select
                  @change=${(event: Event) => {
                    this.sort = (event.target as HTMLSelectElement).value as ResultsSort;
                    this.page = RESULTS_PAGE;
                  }}
                >
                  ${sorts.map(
                    (sort) =>
                      html`<option value=${sort} ?selected=${sort === this.sort}>
                        ${t.t(`results.sort.${sort}`)}
                      </option>`,
                  )}
                </select></label
              >
              <fieldset>
                <legend>${t.t('results.filterBy')}</legend>
                ${FILTERS.map(
                  (filter) =>
                    html`<label
                      ><input
                        type="checkbox"
                        .checked=${this.filters.has(filter)}
                        @change=${(event: Event) => this.filter(filter, (event.target as HTMLInputElement).checked)}
                      />
                      ${t.t(`results.filter.${filter}`)}</label
                    >`,
                )}
              </fieldset>
            </div>`
          : nothing
      }
      ${this.renderCurrencies(result, t)}
      ${renderFollowUp(arranged, this.contacted, this.lastContact, t, (index) => this.showCard(index))}
      <ol part="list" @tm-contact=${this.onContact}>
        ${visible.map(
          (match) =>
            html`<li tabindex="-1">
              <tm-match-card
                exportparts=${CARD_PARTS}
                .match=${match}
                .contacted=${this.contacted.has(match.therapist.id)}
                .lang=${t.lang}
                .strings=${this.strings}
                .vocabulary=${this.vocabulary}
              ></tm-match-card>
            </li>`,
        )}
      </ol>
      ${
        more > 0
          ? html`<div class="actions">
              <button
                type="button"
                part="button more"
                @click=${() => {
                  this.focusCard = this.page;
                  this.page += RESULTS_PAGE;
                }}
              >
                ${t.t('results.showMore', { count: more })}
              </button>
            </div>`
          : nothing
      }`;
  }

  private filter(filter: ResultsFilter, on: boolean): void {
    const filters = new Set(this.filters);
    if (on) filters.add(filter);
    else filters.delete(filter);
    this.filters = filters;
    this.page = RESULTS_PAGE;
  }

  private renderSkeleton() {
    return html`<ol part="list" aria-hidden="true">
      ${[0, 1, 2].map(
        () =>
          html`<li part="skeleton" class="skeleton">
            <span class="photo"></span><span></span><span></span><span></span>
          </li>`,
      )}
    </ol>`;
  }

  /**
   * One plain sentence for the kind of failure. The error's message is for developers (the
   * console and `tm-error`): it may quote the server's answer, so it is never shown here.
   */
  private renderError(t: ResultsText) {
    const kind = (this.error as SourceError | undefined)?.kind;
    return html`<div part="error" class="error" role="alert">
      <p><strong>${t.t('results.error')}</strong></p>
      <p>${t.t(ERROR_SENTENCES[kind as SourceErrorKind] ?? 'results.error.other')}</p>
      <div class="actions">
        <button type="button" part="button retry" class="primary" @click=${() => emit(this, 'tmi-retry', null)}>
          ${t.t('results.retry')}
        </button>
      </div>
    </div>`;
  }
}

/** The sentence a visitor reads for each kind of source failure. */
const ERROR_SENTENCES: Partial<Record<SourceErrorKind, ResultsMessageKey>> = {
  network: 'results.error.network',
  timeout: 'results.error.timeout',
  http: 'results.error.http',
  parse: 'results.error.invalid',
  shape: 'results.error.invalid',
  adapter: 'results.error.adapter',
};
