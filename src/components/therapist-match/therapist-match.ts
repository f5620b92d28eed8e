// <therapist-match>: the root element. It wires the quiz session, the directory and the ranking
// to <tm-quiz> and <tm-results>, and owns the options, focus and public events; each of those
// jobs lives in its own controller (src/internal/).
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatchAnswers } from '../../engine/answers.js';
import type { DirectoryFacts } from '../../engine/facts.js';
import type { Therapist } from '../../engine/schema.js';
import { defaultVocabulary, type Vocabulary } from '../../engine/vocabulary.js';
import { emit } from '../../events.js';
import { LocaleController } from '../../i18n/controller.js';
import { baseLanguage, type MessageKey, type TmStrings } from '../../i18n/index.js';
import { CONTACTED_KEY } from '../../internal/contacted-key.js';
import { DirectoryController } from '../../internal/directory-controller.js';
import { QuizSession } from '../../internal/quiz-session.js';
import { RankingController } from '../../internal/ranking.js';
import { srcSource } from '../../internal/src-source.js';
import type { SourceQuery, TherapistSource } from '../../sources/types.js';
import { QUIZ_STEPS, parseSteps, type QuizAction, type QuizStep } from '../../state/quiz-flow.js';
import type { ResultsState } from '../results/results.js';
import type { TmQuiz } from '../quiz/quiz.js';
import { loadSteps, stepFacts, stepsLoaded } from '../quiz/step.js';
import { NO_PRESET, NO_STRINGS, UsedOptions } from '../../internal/used-options.js';
import { rootStyles } from './therapist-match.styles.js';

/**
 * What the source is asked while the quiz is on screen (`queryFromAnswers` of "just me"): the
 * whole directory's choices, with nothing of the person's answers.
 */
const QUIZ_QUERY: SourceQuery = Object.freeze({ clientType: 'individual' });

/** The quiz's choices before any directory has loaded. */
const NO_FACTS: DirectoryFacts = { places: [], languages: [], insurers: [], currencies: [] };

/**
 * Parts of `<tm-quiz>` a page can style through the root, as `therapist-match::part(next)`. (`<tm-results>`
 * exports its own and its cards' parts: their list comes with the results view, not in the main file.)
 */
const QUIZ_PARTS = [
  'step, heading, progress, note, adolescent, concern, help, more-concerns, where, physician, add-partner, remove-partner, error, nav, button, back, skip, next',
  // Each step's form is named for it too (`step who`); `partner` is also the partner step's note.
  ...QUIZ_STEPS,
].join(', ');

/**
 * Finds the right sex therapist: a short private quiz and ranked, explained matches. Answers stay
 * in memory unless `persist="session"`; they are never put in URLs, cookies or events (unless
 * `share-answers`), and never sent to the data source (unless `source-share`).
 *
 * The parts of the quiz (`step` and each step's name, `heading`, `progress`, `where`, `note`, `adolescent`,
 * `concern`, `help`, `more-concerns`, `partner`, `add-partner`, `remove-partner`, `physician`, `error`, `nav`, `button`, `back`, `skip`,
 * `next`), of the results (`summary`, `count`, `exclusions`, `conflicts`, `physician`, `relaxation`,
 * `button`, `edit`, `edit-step`, `retry`, `tools`, `currencies`, `list`, `more`, `empty`, `error`,
 * `skeleton`, `follow-up`) and of each card (`card`, `photo`, `name`, `credentials`, `badge`, `score`,
 * `facts`, `reasons`, `about`, `contact`, `link`) are exported, so a page styles them here:
 * `therapist-match::part(card) { ... }`.
 *
 * @summary Therapist matching quiz and results.
 * @tag therapist-match
 * @slot header - Shown above the quiz (a site's title or intro).
 * @slot safety - Replaces the default safety note (crisis line).
 * @slot footer - Shown below everything.
 * @slot empty - Replaces the words shown when nothing matches; the buttons to widen the search and to change the answers stay.
 * @fires tm-step-change - The person moved to another quiz step. Detail: `{ step, index, count }` (+ `answers` with `share-answers`).
 * @fires tm-results-shown - Results were shown after a person's action. Detail: `{ count, ids }` (+ `answers` with `share-answers`).
 * @fires tm-data-problem - The directory had records that were skipped or changed (one console warning names them too). Detail: `{ problems }`, each with its severity, record, field, message and fix.
 * @fires tm-error - The data source failed; the visitor sees one sentence for its kind and Retry. Detail: `{ kind, message, source, status?, url?, body? }`, for developers.
 * @fires tm-select - From a card: a person opened a therapist's details. Detail: `{ id }`.
 * @fires tm-contact - From a card: a person used a contact action. Detail: `{ id, channel }`; a listener may set `detail.followUp` to the site's own words shown above the next best matches.
 * @fires tm-snapshot-discarded - With `persist="session"`, the stored answers could not be trusted (tampered with, or from another version): they were removed and the quiz started fresh. Detail: `{ fields }`, the names of what was wrong.
 * @csspart base - The wrapper around everything.
 * @csspart explainer - The disclosure about sex therapy; its always visible summary says it is talk therapy, never physical contact.
 * @csspart quiz - The quiz element.
 * @csspart results - The results element.
 * @csspart heading - The results heading (`heading results-heading`); the quiz's step heading is exported as `heading` too.
 * @csspart results-heading - The "Your matches" heading above the results.
 * @csspart note - The safety note (`note safety`) and the privacy line (`note privacy`).
 * @csspart safety - The safety note (crisis line), or the `safety` slot's content.
 * @csspart privacy - The line saying where the answers are kept and what the data source receives, from the configuration in use.
 * @csspart button - "Start over" (`button start-over`); the quiz's and the results' buttons are exported as `button` too.
 * @csspart start-over - The "Start over" button, which clears every answer.
 * @csspart undo - The "Undo" button that replaces "Start over" until the person answers again.
 * @csspart error - Shown instead of the results when the results view could not be loaded (the drop-in's chunk); the results' own error state is exported as `error` too.
 * @csspart retry - Its "Try again" button (`button retry`), like the results' own.
 * @cssprop --tm-color-surface - Background.
 * @cssprop --tm-color-text - Text colour.
 * @cssprop --tm-color-muted - Secondary text.
 * @cssprop --tm-color-primary - Buttons and links.
 * @cssprop --tm-color-border - Separators.
 * @cssprop --tm-radius - Corner radius.
 * @cssprop --tm-space - Base spacing.
 * @cssprop --tm-font-family - Font.
 */
export class TherapistMatch extends LitElement {
  static override styles = rootStyles;

  /** URL of the therapist directory: a JSON or CSV file (see `format`). */
  @property() src = '';

  /**
   * How to read `src` when its URL does not say: `csv` or `json`. Unset, `.csv`/`.tsv` paths,
   * published-spreadsheet links (`output=csv`) and a `text/csv` answer are CSV, anything else JSON.
   * Any other value counts as unset.
   */
  @property() format: '' | 'csv' | 'json' = '';

  /** A data source object (with a `search` method); takes precedence over `src`. Anything else is ignored. */
  @property({ attribute: false }) source?: TherapistSource;

  /**
   * Language of the widget (`en`, `es`, ...). Inherited from the closest `[lang]` when unset or when
   * it is not a language tag; English when neither is.
   */
  // Not reflected: an empty `lang` attribute would mark the widget's text as of unknown language.
  @property() override lang = '';

  /**
   * Overrides for any message, by key (`{ 'quiz.step.who': '...' }`). A message that is neither text
   * nor plural forms with `other` is left out.
   */
  @property({ attribute: false }) strings: TmStrings = NO_STRINGS;

  /**
   * The concerns, communities and other terms offered (see `createVocabulary`). A vocabulary whose
   * lists are not terms with an `id` and an English label is replaced by the default.
   */
  @property({ attribute: false }) vocabulary: Vocabulary = defaultVocabulary;

  /** Which steps to show, in order: `steps="who, concerns, practical"`. Default: all but `style` (how therapy should feel), which a site turns on by listing it (without it, the comfort step offers those questions behind a link). */
  @property({ converter: { fromAttribute: (value: string | null) => parseSteps(value) } })
  steps: QuizStep[] = [...QUIZ_STEPS];

  /**
   * Answers set by the site (e.g. `{ formats: { value: ['telehealth'], importance: 'required' } }`).
   * Read field by field like stored answers: a field of the wrong shape is left out and named in one
   * console warning; the rest applies.
   */
  @property({ attribute: false }) preset: Partial<MatchAnswers> = NO_PRESET;

  /**
   * `session` keeps answers in sessionStorage so a reload resumes; default (and any other value):
   * memory only. Stored answers that cannot be trusted are removed, reported with
   * `tm-snapshot-discarded`, and the quiz starts fresh.
   */
  @property() persist: '' | 'session' = '';

  /** Adds the answers to `tm-step-change` and `tm-results-shown` details. Off by default (and for any value but `true`). */
  @property({ type: Boolean, attribute: 'share-answers' }) shareAnswers = false;

  /**
   * Answers the data source may receive, by `MatchAnswers` field: `source-share="concerns"` adds
   * the concerns to `query.shared` for a directory's own server that ranks by them. Comma-separated.
   * Default: none; a source gets hard constraints only (client type, formats, jurisdiction, an
   * in-person search window, accepting new clients). Names that are not answer fields are ignored.
   */
  @property({
    attribute: 'source-share',
    converter: {
      fromAttribute: (value: string | null) =>
        (value ?? '')
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
    },
  })
  sourceShare: (keyof MatchAnswers)[] = [];

  /**
   * Colour theme: `light` (default), `dark`, or `auto` (follows the reader's
   * `prefers-color-scheme`). Reflected, so a page can style `therapist-match[theme='dark']`; tokens
   * set on the element win over the theme's. Any other value looks like `light`.
   */
  @property({
    reflect: true,
    // Only text is reflected: anything else removes the attribute (and looks like `light`).
    converter: { toAttribute: (value: unknown) => (typeof value === 'string' ? value : null) },
  })
  theme: 'light' | 'dark' | 'auto' = 'light';

  /**
   * Most matches to show: a whole number from 1 to 100 (fractions round down, more is clamped to
   * 100). Anything else (`0`, negative, not a number) shows the default, 20.
   */
  @property({ type: Number }) limit = 20;

  /**
   * How equally good matches are ordered. Unset, they rotate with a seed drawn once per visit, so no
   * listing is first for everyone because of its id; a number (`seed="7"`) fixes the rotation, the
   * same on every visit; `off` orders them by id.
   */
  @property() seed: string | number = '';

  /**
   * Months after which a listing's last verification counts as old (default 12): it ranks lower and
   * its card says it may be out of date; it is never left out. Not a number above 0: the default.
   */
  @property({ type: Number, attribute: 'stale-after' }) staleAfter = 12;

  /**
   * Most partners whose preferences a couple can enter on the partner step, besides the person
   * answering: the step starts with one and offers "Add another partner" up to this. A whole number
   * from 1 to 10 (fractions round down, more is 10); unset or anything else gives the default, 3.
   */
  @property() partners?: number | string;

  /** The default safety note text (the `safety` slot replaces it); empty hides it. A non-string is ignored. */
  @property({ attribute: 'safety-note' }) safetyNote?: string;

  /** Every option as it is used, read when it changes (internal/used-options.ts). */
  private readonly used = new UsedOptions(this);

  private readonly session = new QuizSession(this, {
    order: () => parseSteps(this.steps),
    preset: () => this.used.preset,
    persist: () => this.used.persist,
    language: () => baseLanguage(this.locale.lang),
  });
  private readonly directory = new DirectoryController(this, () => ({ vocabulary: this.used.vocabulary }));
  private readonly ranking = new RankingController(this);

  /** Therapists contacted from a card during this visit (ids): the results mark them and offer the next best. */
  private contacted = new Set<string>();
  /** Those "Start over" forgot, until the person answers again: "Undo" brings them back too. */
  private forgotten?: Set<string>;

  private focusAfterUpdate?: 'quiz' | 'results';
  private announceResults = false;
  /** Whether the page put content in the `empty` slot (forwarded to `<tm-results>` only then). */
  @state() private hasEmptyContent = false;
  private slotObserver?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.slotObserver = new MutationObserver(() => this.checkEmptyContent());
    this.slotObserver.observe(this, { childList: true, subtree: true, attributes: true, attributeFilter: ['slot'] });
    this.checkEmptyContent();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.slotObserver?.disconnect();
  }

  /**
   * A forwarded slot always counts as content, even with nothing in it, and would hide the
   * results' own empty-state words; so it is rendered only when the page fills it.
   */
  private checkEmptyContent(): void {
    this.hasEmptyContent = [...this.children].some((child) => child.slot === 'empty');
  }

  /** The language and words in use; an inherited language can change after the first render (a page's language switcher). */
  private readonly locale = new LocaleController(this, { strings: () => this.used.strings, followPage: true });

  /** The language in use: the attribute, else the closest `[lang]` ancestor's (each only if it is a language tag), else English. */
  get resolvedLang(): string {
    return this.locale.lang;
  }

  private t(key: MessageKey, values?: Record<string, string | number>): string {
    return this.locale.t(key, values);
  }

  /** Waits for the object-option readers when the page set such an option (see `UsedOptions.ready`). */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.used.ready(changed);
  }

  /** Resolves once rendered, including after a wait for the object-option readers. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.used.wait) {
      await this.used.wait;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  override willUpdate(changedProperties: PropertyValues<this>): void {
    const changed = this.used.read(changedProperties);
    this.session.settle({ first: !this.hasUpdated, preset: changed.has('preset'), steps: changed.has('steps') });
    if (this.session.view === 'results' || this.session.touched) {
      // A person started answering: what the next steps and the results need loads meanwhile.
      this.ranking.prepare();
      // (A failure shows on the step that needs it.)
      if (!stepsLoaded())
        loadSteps().then(
          () => this.requestUpdate(),
          () => {},
        );
    }
    if (changed.has('src') || changed.has('source') || changed.has('format')) this.load(true);
    else if (changed.has('sourceShare') && this.hasUpdated) this.load();
    else if (this.loadPending !== undefined && this.ranking.loaded) this.load(this.loadPending);
  }

  /** A results load waiting for the engine (which builds its query): whether it is forced. */
  private loadPending?: boolean;

  /** Loads the directory: once for the quiz, again when the results need a narrower query. */
  private load(force = false): void {
    const { src, format } = this.used;
    const source = this.used.source ?? (src ? srcSource(src, format || undefined) : undefined);
    if (!source) return;
    let query: SourceQuery | undefined = QUIZ_QUERY;
    // A file (`src`) answers every query with the same records: the quiz's load serves the
    // results too, so "Show my matches" renders at once, with no load in between.
    if (this.session.view === 'results' && this.used.source) {
      query = this.ranking.query(this.session.matchAnswers, this.used.share);
      // The results wait for the engine anyway; the load follows it (see willUpdate).
      if (!query) {
        this.loadPending = force || !!this.loadPending;
        return;
      }
    }
    this.loadPending = undefined;
    void this.directory.load(source, query, { force });
  }

  private get therapists(): Therapist[] {
    const state = this.directory.state;
    return state.status === 'ready' ? state.therapists : [];
  }

  private facts = NO_FACTS;

  /** The directory's choices for the later steps; those of the last directory while another query loads. */
  private get directoryFacts(): DirectoryFacts {
    const therapists = this.therapists;
    if (therapists.length) this.facts = stepFacts(therapists) ?? this.facts;
    return this.facts;
  }

  private get result() {
    if (this.directory.state.status !== 'ready') return undefined;
    const { limit, vocabulary } = this.used;
    const { therapists, seed, staleAfter } = this;
    return this.ranking.rank(therapists, this.session.matchAnswers, limit, seed, vocabulary, staleAfter);
  }

  private get resultsState(): ResultsState {
    const state = this.directory.state;
    if (state.status === 'loading') return 'loading';
    if (state.status === 'error' || this.ranking.error) return 'error';
    if (state.status === 'ready' && (state.therapists.length || state.total))
      return this.ranking.loaded ? 'ready' : 'loading';
    return state.status === 'idle' && (this.used.source || this.used.src) ? 'loading' : 'no-data';
  }

  private withAnswers<T extends object>(detail: T): T & { answers?: MatchAnswers } {
    // A copy: a page that edits the detail must not change what the widget ranks with.
    return this.shareAnswers === true ? { ...detail, answers: structuredClone(this.session.matchAnswers) } : detail;
  }

  private goTo(target: QuizStep | 'results' | undefined): void {
    if (!target) return;
    this.session.show(target);
    if (target === 'results') {
      this.focusAfterUpdate = 'results';
      this.announceResults = true;
      this.load();
      return;
    }
    this.focusAfterUpdate = 'quiz';
    // Back to the whole directory's choices (places, languages, insurers), not the results' narrower query.
    this.load();
    const steps = this.session.applicable;
    emit(
      this,
      'tm-step-change',
      this.withAnswers({ step: target, index: steps.indexOf(target) + 1, count: steps.length }),
    );
  }

  private onAnswers(event: CustomEvent<{ answers: MatchAnswers }>): void {
    event.stopPropagation();
    this.session.answer(event.detail.answers);
  }

  private onAction(event: CustomEvent<{ action: QuizAction }>): void {
    event.stopPropagation();
    this.goTo(this.session.act(event.detail.action));
  }

  private onRelax(event: CustomEvent<{ change: Partial<MatchAnswers> }>): void {
    event.stopPropagation();
    this.session.relax(event.detail.change);
    this.goTo('results');
  }

  private onEditAnswers(event: CustomEvent<{ step?: string }>): void {
    event.stopPropagation();
    this.goTo(this.session.stepFor(event.detail?.step));
  }

  private onRetry = (event?: Event): void => {
    event?.stopPropagation();
    this.ranking.retry();
    if (this.directory.state.status === 'error') void this.directory.retry();
  };

  /**
   * Clears every answer, in memory and in storage, and returns to the first step. Until the person
   * answers again, "Undo" puts the answers back (in memory only).
   */
  startOver(): void {
    this.session.reset();
    this.ranking.reset();
    this.forgotten = this.contacted;
    this.contacted = new Set();
    try {
      sessionStorage.removeItem(CONTACTED_KEY);
    } catch {
      // storage blocked: nothing was kept there
    }
    this.goTo(this.session.applicable[0]);
  }

  protected override updated(): void {
    const fields = this.session.discarded;
    if (fields) {
      this.session.discarded = undefined;
      emit(this, 'tm-snapshot-discarded', { fields });
    }
    const focus = this.focusAfterUpdate;
    this.focusAfterUpdate = undefined;
    if (focus === 'quiz') void this.renderRoot.querySelector<TmQuiz>('tm-quiz')?.focusHeading();
    if (focus === 'results') this.renderRoot.querySelector<HTMLElement>('#results-heading')?.focus();
    const { view, step, applicable } = this.session;
    const { indexed } = this.directory.state as { indexed?: Promise<void> };
    // Once the engine and the index are there, its code is compiled in idle time (once per page).
    const ready = this.ranking.warm(indexed, this.therapists);
    // On the last step the matches for these answers are ranked in a task of their own once the
    // index is built and the code warmed (in idle time), so "Show my matches" finds them ready (the
    // ranking keeps its last result) and only renders them. (A remote source answers the results'
    // query with other records, which are ranked then: this ranking of the quiz's few is all that is lost.)
    if (view === 'quiz' && step === applicable.at(-1)) void ready?.then(() => setTimeout(() => this.result));
    const result = view === 'results' ? this.result : undefined;
    if (this.announceResults && result) {
      this.announceResults = false;
      emit(
        this,
        'tm-results-shown',
        this.withAnswers({ count: result.matched, ids: result.matches.map((m) => m.therapist.id) }),
      );
    }
  }

  override render() {
    const lang = this.resolvedLang;
    const { view, touched } = this.session;
    const safety = this.used.safetyNote ?? this.t('quiz.safety');
    return html`
      <div part="base" lang=${lang}>
        <slot name="header"></slot>
        <details part="explainer">
          <summary>${this.t('quiz.explainerTitle')}</summary>
          <p>${this.t('quiz.explainer')}</p>
        </details>
        ${view === 'quiz' ? this.renderQuiz(lang) : this.renderResults(lang)}
        <footer>
          <aside part="note safety" aria-label=${this.t('quiz.safetyLabel')}>
            <slot name="safety">${safety ? html`<p>${safety}</p>` : nothing}</slot>
          </aside>
          <div class="privacy">
            <p part="note privacy">${this.privacy()}</p>
            ${
              this.session.undoable
                ? html`<p role="status">
                    ${this.t('quiz.cleared')}
                    <button
                      type="button"
                      part="button undo"
                      @click=${() => {
                        // Back: the answers, the step or results, and the contacted marks.
                        this.contacted = this.forgotten!;
                        this.goTo(this.session.undo());
                      }}
                    >
                      ${this.t('quiz.undo')}
                    </button>
                  </p>`
                : touched || view === 'results'
                  ? html`<button type="button" part="button start-over" @click=${() => this.startOver()}>
                      ${this.t('quiz.startOver')}
                    </button>`
                  : nothing
            }
          </div>
          <slot name="footer"></slot>
        </footer>
      </div>
    `;
  }

  /**
   * Where the answers go, from the configuration in use: kept in memory or in the tab's storage
   * (`persist`); a `src` file is read whole, so nothing leaves the page, while a `source` receives
   * the search's constraints (and the answers named in `source-share`).
   */
  private privacy(): string {
    const { share, persist } = this.used;
    // A source that sends nothing on (a file, records in memory) is as private as `src`.
    const sends = this.used.source?.sends ?? 'all';
    const source = this.used.source && sends !== 'nothing';
    const kept = this.t(persist ? 'quiz.privacySession' : source ? 'quiz.privacyKept' : 'quiz.privacy');
    // Answers reach a source only with the results' query, built once the engine and the results
    // view (which brings these words) are here: the line says what it receives before it is sent.
    return source && this.ranking.loaded
      ? `${kept} ${this.t(share.length && sends === 'all' ? 'quiz.privacyShared' : 'quiz.privacySearch')}`
      : kept;
  }

  private renderQuiz(lang: string) {
    const facts = this.directoryFacts;
    const { step, answers } = this.session;
    return html`<tm-quiz
      part="quiz"
      exportparts=${QUIZ_PARTS}
      lang=${lang}
      .step=${step}
      .steps=${this.session.applicable}
      .answers=${answers}
      .vocabulary=${this.used.vocabulary}
      .strings=${this.used.strings}
      .places=${facts.places}
      .languages=${facts.languages}
      .insurers=${facts.insurers}
      .currencies=${facts.currencies}
      .partners=${this.partners}
      @tmi-answers=${this.onAnswers}
      @tmi-action=${this.onAction}
    ></tm-quiz>`;
  }

  private renderResults(lang: string) {
    const state = this.directory.state;
    const heading = html`<h2 id="results-heading" tabindex="-1" part="heading results-heading">
      ${this.t('quiz.resultsHeading')}
    </h2>`;
    // The results view is a chunk in the drop-in: without it, the root says so itself.
    if (this.ranking.error && !customElements.get('tm-results'))
      return html`${heading}
        <div part="error" role="alert">
          <p>${this.t('quiz.resultsUnavailable')}</p>
          <button type="button" part="button retry" class="primary" @click=${this.onRetry}>
            ${this.t('quiz.retry')}
          </button>
        </div>`;
    return html`${heading}
      <tm-results
        part="results"
        lang=${lang}
        .result=${this.result}
        .state=${this.resultsState}
        .error=${state.status === 'error' ? state.error : this.ranking.error}
        .sourceTotal=${(state as { total?: number }).total}
        .strings=${this.used.strings}
        .vocabulary=${this.used.vocabulary}
        .answers=${this.session.matchAnswers}
        .steps=${this.session.applicable}
        .contacted=${this.contacted}
        ?persist=${this.used.persist}
        @tmi-relax=${this.onRelax}
        @tmi-edit=${this.onEditAnswers}
        @tmi-retry=${this.onRetry}
      >
        ${this.hasEmptyContent ? html`<slot name="empty" slot="empty"></slot>` : nothing}
      </tm-results>`;
  }
}
