// <tm-quiz>: shows one quiz step as a native form and reports what the person does. It holds no
// answers of its own: the root element owns them (in memory) and passes them back down.
import { LitElement, adoptStyles, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatchAnswers } from '../../engine/answers.js';
import type { Place } from '../../engine/places.js';
import { defaultVocabulary, labelOf, type TermDefinition, type Vocabulary } from '../../engine/vocabulary.js';
import type { QuizAction, QuizStep } from '../../state/quiz-flow.js';
import { emit } from '../../events.js';
import { chunkError } from '../../internal/chunk-error.js';
import { LocaleController } from '../../i18n/controller.js';
import type { Catalogue, MessageKey } from '../../i18n/index.js';
import { baseStyles, buttonStyles } from '../../styles/tokens.js';
import { quizStyles } from './quiz.styles.js';
import { loadSteps, stepStyles, stepView, type StepContext, type StepView } from './step.js';
import { renderWho } from './steps/who.js';

// The place typed on the first step is resolved by the practical step's code, once it is here.
const WHO: StepView = { render: renderWho, beforeNext: (q) => stepView('practical')?.beforeNext?.(q) ?? true };

/**
 * One step of the matching quiz: native fieldsets, radios, checkboxes, selects and inputs, a
 * "Step 2 of 5" heading that receives focus, a progress bar, Back / Skip / Next.
 *
 * @summary A step of the therapist-matching quiz.
 * @tag tm-quiz
 * @fires tmi-answers - Internal (not composed): the answers after the person changed a control.
 * @fires tmi-action - Internal (not composed): `next`, `back` or `skip`.
 * @fires tm-error - A step could not be loaded (the drop-in's chunk). Detail: `{ kind, message, source }`, for developers.
 * @csspart quiz - The step form.
 * @csspart step - The same form, also named for the step (`step who`, `step concerns`, ...); the root exports those names too.
 * @csspart where - The first step's "Where are you?" group: a postal code, city, state or country, and "Video sessions only".
 * @csspart heading - The step heading ("Step 2 of 5: ...").
 * @csspart progress - The progress bar.
 * @csspart note - Notes: the physician suggestion (`note physician`), the partner note (`note partner`), the adolescent note (`note adolescent`), a concern's own note (`note concern`) and a site's line for a topic (`note help`).
 * @csspart adolescent - The note, after "Adolescent" is chosen, that a parent or guardian usually arranges therapy and consents.
 * @csspart concern - A concern's own note, such as who looks after the body for pain (`quiz.concerns.note.<id>`).
 * @csspart help - A site's own line for a chosen concern (`quiz.concerns.help.<id>` in `strings`), such as a hotline.
 * @csspart more-concerns - The "More concerns" disclosure holding the less common concerns.
 * @csspart error - Shown instead of a step that could not be loaded (the drop-in's chunk), with a Retry button.
 * @csspart physician - The note suggesting a physician too, shown with a physical-function concern.
 * @csspart partner - The note on the partner step that agreeing beforehand helps (the partner step's form is `step partner`).
 * @csspart add-partner - On the partner step, "Add another partner" (`button add-partner`), up to the root's `partners`.
 * @csspart remove-partner - On the partner step with several partners, each "Remove partner 2" (`button remove-partner`).
 * @csspart nav - The Back / Skip / Next row.
 * @csspart button - Each navigation button (`button back`, `button skip`, `button next`).
 * @csspart back - The Back button.
 * @csspart skip - The Skip button, which clears the step's answers and moves on.
 * @csspart next - The Next button ("Show my matches" on the last step).
 * @cssprop --tm-color-primary - Buttons, progress and checked controls.
 * @cssprop --tm-color-accent - Note accent.
 * @cssprop --tm-color-border - Field and group borders.
 * @cssprop --tm-color-muted - Hints and progress text.
 * @cssprop --tm-color-danger - Location errors.
 */
export class TmQuiz extends LitElement implements StepContext {
  static override styles = [baseStyles, buttonStyles, quizStyles];

  /** The step to show. */
  @property() step: QuizStep = 'who';
  /** The steps that apply, in order (for "Step 2 of 5"). */
  @property({ attribute: false }) steps: QuizStep[] = ['who'];
  @property({ attribute: false }) answers: MatchAnswers = { seeking: 'individual' };
  @property({ attribute: false }) vocabulary: Vocabulary = defaultVocabulary;
  /** A site's message overrides, by key (the root passes its `strings`). */
  @property({ attribute: false }) strings: Partial<Catalogue> = {};
  /** Office locations from the directory, to resolve a postal code or city locally. */
  @property({ attribute: false }) places: Place[] = [];
  /** Language tags offered by the directory's therapists. */
  @property({ attribute: false }) languages: string[] = [];
  @property({ attribute: false }) insurers: string[] = [];
  @property({ attribute: false }) currencies: string[] = [];
  /** Most partners the partner step offers: the root passes its `partners` (read by the step). */
  declare partners: unknown;

  // The step views' own state (see StepContext).
  /** @internal */
  @state() typedPlace?: string;
  /** @internal */
  @state() placeNotFound = false;
  /** @internal */
  @state() notSure = false;
  /** @internal */
  @state() pendingCurrency?: string;
  /** @internal */
  notFoundText = '';
  /** The later steps could not be loaded (the drop-in's chunk): the step says so, with Retry. */
  @state() private stepsFailed = false;

  /** Moves focus to the step heading (after a step change). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector('h2')?.focus();
  }

  /** Whether this element's shadow root has the later steps' styles. */
  private stepStylesAdopted = false;

  protected override willUpdate(): void {
    // The later steps bring their own styles: adopted before the first render that may use them.
    const later = stepStyles();
    if (later && !this.stepStylesAdopted) {
      adoptStyles(this.renderRoot as ShadowRoot, [...TmQuiz.elementStyles, later]);
      this.stepStylesAdopted = true;
    }
  }

  private readonly locale = new LocaleController(this);

  /** @internal */
  get langTag(): string {
    return this.locale.lang;
  }

  /** @internal */
  t(key: MessageKey, values?: Record<string, string | number>): string {
    return this.locale.t(key, values);
  }

  /** @internal */
  label(term: TermDefinition | undefined, fallback = ''): string {
    return labelOf(term, this.langTag, fallback);
  }

  /** @internal */
  setAnswers(answers: MatchAnswers): void {
    // Kept here too until the root passes them back, so two changes in one task both count.
    this.answers = answers;
    emit(this, 'tmi-answers', { answers });
  }

  /** @internal */
  patch(change: Partial<MatchAnswers>): void {
    const next = { ...this.answers, ...change } as Record<string, unknown>;
    for (const key of Object.keys(change)) if (next[key] === undefined) delete next[key];
    this.setAnswers(next as unknown as MatchAnswers);
  }

  private act(action: QuizAction): void {
    if (action !== 'next') this.placeNotFound = false;
    emit(this, 'tmi-action', { action });
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const view = this.view;
    if (!view) return; // still loading: Next waits for the step
    if (view.beforeNext && !view.beforeNext(this)) {
      // Once the field says it is invalid (a render away when Next itself found the problem).
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    this.act('next');
  }

  /** Enter on a checkbox or radio advances too, as it does in a text field. */
  private onKeydown(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    if (event.key !== 'Enter' || event.isComposing || !(target instanceof HTMLInputElement)) return;
    if (target.type !== 'checkbox' && target.type !== 'radio') return;
    event.preventDefault();
    (event.currentTarget as HTMLFormElement).requestSubmit();
  }

  override render() {
    const index = this.steps.indexOf(this.step) + 1;
    const count = this.steps.length;
    // Several partners: "Your partners' preferences".
    const partners = this.step === 'partner' && (this.answers.partnerPreferences as unknown[] | undefined)?.length;
    const title = this.t(partners && partners > 1 ? 'quiz.step.partners' : `quiz.step.${this.step}`);
    return html`
      <form
        part="quiz step ${this.step}"
        aria-labelledby="heading"
        novalidate
        @submit=${this.onSubmit}
        @keydown=${this.onKeydown}
      >
        <div class="top">
          <h2 id="heading" tabindex="-1" part="heading">${this.t('quiz.stepHeading', { index, count, title })}</h2>
          <progress part="progress" max=${count} .value=${index} aria-label=${this.t('quiz.progress')}></progress>
          <p class="progress-text" aria-hidden="true">${this.t('quiz.progressText', { index, count })}</p>
        </div>
        ${this.renderStep()}
        <div part="nav">
          ${
            index > 1
              ? html`<button type="button" part="button back" @click=${() => this.act('back')}>
                  ${this.t('quiz.back')}
                </button>`
              : nothing
          }
          <span class="spacer"></span>
          ${
            this.step !== 'who'
              ? html`<button type="button" class="quiet" part="button skip" @click=${() => this.act('skip')}>
                  ${this.t('quiz.skip')}
                </button>`
              : nothing
          }
          <button type="submit" class="primary" part="button next">
            ${index === count ? this.t('quiz.showMatches') : this.t('quiz.next')}
          </button>
        </div>
      </form>
    `;
  }

  /** The current step's view: the first step's is always here, the others once loaded. */
  private get view(): StepView | undefined {
    return this.step === 'who' ? WHO : stepView(this.step);
  }

  private renderStep(): TemplateResult {
    const view = this.view;
    if (view) return view.render(this);
    // The drop-in loads the later steps as a chunk: a moment's wait, or an error with Retry.
    if (!this.stepsFailed)
      void loadSteps().then(
        () => this.requestUpdate(),
        (cause: unknown) => {
          this.stepsFailed = true;
          const { kind, message } = chunkError('This quiz step', cause);
          emit(this, 'tm-error', { kind, message, source: 'therapist-match' });
        },
      );
    return this.stepsFailed
      ? html`<p part="error" role="alert">
          ${this.t('quiz.stepUnavailable')}
          <button type="button" @click=${() => (this.stepsFailed = false)}>${this.t('quiz.retry')}</button>
        </p>`
      : html`<p class="hint" role="status">${this.t('quiz.loading')}</p>`;
  }

  /** @internal */
  radio(name: string, value: string, checked: boolean, text: string, onPick: () => void) {
    return html`<label class="choice"
      ><input type="radio" name=${name} .value=${value} .checked=${checked} @change=${onPick} /><span
        >${text}</span
      ></label
    >`;
  }
}
