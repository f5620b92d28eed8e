// <tm-quiz>: shows one quiz step as a native form and reports what the person does. It holds no
// answers of its own: the root element owns them (in memory) and passes them back down.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type {
  Importance,
  LocationAnswer,
  MatchAnswers,
  PersonalPreferences,
  Preference,
} from '../../engine/answers.js';
import { defaultVocabulary, labelOf, type TermDefinition, type Vocabulary } from '../../engine/vocabulary.js';
import { REGIONS, locationFromRegion, resolveLocation, type Place } from '../../engine/places.js';
import {
  selectedConcerns,
  wantsInPerson,
  withConcerns,
  type QuizAction,
  type QuizStep,
} from '../../state/quiz-flow.js';
import { emit } from '../../events.js';
import { catalogueFor, ensureCatalogue, languageOf, translate, type Catalogue } from '../../i18n/index.js';
import { baseStyles, buttonStyles } from '../../styles/tokens.js';
import { quizStyles } from './quiz.styles.js';

const DISTANCES_KM = [10, 25, 50, 100, 250];
const IMPORTANCES: Importance[] = ['required', 'preferred', 'none'];

/**
 * One step of the matching quiz: native fieldsets, radios, checkboxes, selects and inputs, a
 * "Step 2 of 5" heading that receives focus, a progress bar, Back / Skip / Next.
 *
 * @summary A step of the therapist-matching quiz.
 * @tag tm-quiz
 * @fires tmi-answers - Internal (not composed): the answers after the person changed a control.
 * @fires tmi-action - Internal (not composed): `next`, `back` or `skip`.
 * @csspart quiz - The step form.
 * @csspart step - The same form, named for the step (`step who`, `step concerns`, ...).
 * @csspart heading - The step heading ("Step 2 of 5: ...").
 * @csspart progress - The progress bar.
 * @csspart note - Notes: the physician suggestion (`note physician`), the partner note (`note partner`).
 * @csspart physician - The note suggesting a physician too, shown with a physical-function concern.
 * @csspart partner - The note on the partner step that agreeing beforehand helps (the partner step's form is `step partner`).
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
export class TmQuiz extends LitElement {
  static override styles = [baseStyles, buttonStyles, quizStyles];

  /** The step to show. */
  @property() step: QuizStep = 'who';
  /** The steps that apply, in order (for "Step 2 of 5"). */
  @property({ attribute: false }) steps: QuizStep[] = ['who'];
  @property({ attribute: false }) answers: MatchAnswers = { seeking: 'individual' };
  @property({ attribute: false }) vocabulary: Vocabulary = defaultVocabulary;
  /** Messages for `lang` (overrides applied). */
  @property({ attribute: false }) catalogue?: Catalogue;
  /** Office locations from the directory, to resolve a postal code or city locally. */
  @property({ attribute: false }) places: Place[] = [];
  /** Language tags offered by the directory's therapists. */
  @property({ attribute: false }) languages: string[] = [];
  @property({ attribute: false }) insurers: string[] = [];
  @property({ attribute: false }) currencies: string[] = [];

  /** What the person typed as a location and whether it could be found. */
  @state() private typedPlace?: string;
  @state() private placeNotFound = false;
  @state() private notSure = false;
  /** A currency picked before any amount was typed. */
  @state() private pendingCurrency?: string;
  private notFoundText = '';

  @query('h2') private heading?: HTMLElement;

  /** Moves focus to the step heading (after a step change). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  protected override willUpdate(): void {
    ensureCatalogue(this.langTag, this);
  }

  private get langTag(): string {
    return this.lang || languageOf(this);
  }

  private t(key: string, values?: Record<string, string | number>): string {
    return translate(this.catalogue ?? catalogueFor(this.langTag), this.langTag, key, values);
  }

  private label(term: TermDefinition | undefined, fallback = ''): string {
    return labelOf(term, this.langTag, fallback);
  }

  private setAnswers(answers: MatchAnswers): void {
    // Kept here too until the root passes them back, so two changes in one task both count.
    this.answers = answers;
    emit(this, 'tmi-answers', { answers });
  }

  private patch(change: Partial<MatchAnswers>): void {
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
    if (this.step === 'practical' && !this.commitTypedPlace()) {
      this.renderRoot.querySelector<HTMLInputElement>('#place')?.focus();
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
    const title = this.t(`quiz.step.${this.step}`);
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

  private renderStep(): TemplateResult {
    switch (this.step) {
      case 'who':
        return this.renderWho();
      case 'concerns':
        return this.renderConcerns();
      case 'comfort':
        return this.renderPreferences('preferences', this.answers.preferences);
      case 'partner':
        return html`<p part="note partner">${this.t('quiz.partner.note')}</p>
          ${this.renderPreferences('partnerPreferences', this.answers.partnerPreferences)}`;
      case 'practical':
        return this.renderPractical();
    }
  }

  private radio(name: string, value: string, checked: boolean, text: string, onPick: () => void) {
    return html`<label class="choice"
      ><input type="radio" name=${name} .value=${value} .checked=${checked} @change=${onPick} /><span
        >${text}</span
      ></label
    >`;
  }

  private checkbox(value: string, checked: boolean, text: string, onToggle: (checked: boolean) => void) {
    return html`<label class="choice"
      ><input
        type="checkbox"
        .value=${value}
        .checked=${checked}
        @change=${(e: Event) => onToggle((e.target as HTMLInputElement).checked)}
      /><span>${text}</span></label
    >`;
  }

  private renderWho(): TemplateResult {
    const { seeking, ageGroup } = this.answers;
    return html`
      <fieldset>
        <legend>${this.t('quiz.who.seeking')}</legend>
        <div class="options">
          ${(['individual', 'couple'] as const).map((value) =>
            this.radio('seeking', value, seeking === value, this.t(`quiz.who.${value}`), () =>
              this.patch({ seeking: value }),
            ),
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.t('quiz.who.age')}</legend>
        <div class="options">
          ${this.vocabulary.ageGroups.map((term) =>
            this.radio('age', term.id, ageGroup === term.id, this.label(term), () =>
              this.patch({ ageGroup: term.id as MatchAnswers['ageGroup'] }),
            ),
          )}
          ${this.radio('age', '', !ageGroup, this.t('quiz.who.ageUnsaid'), () => this.patch({ ageGroup: undefined }))}
        </div>
      </fieldset>
    `;
  }

  private renderConcerns(): TemplateResult {
    const selected = selectedConcerns(this.answers);
    const toggle = (id: string, on: boolean) => {
      this.notSure = false;
      const ids = on ? [...selected, id] : selected.filter((c) => c !== id);
      this.setAnswers(withConcerns(this.answers, ids, selected[0]));
    };
    const byId = new Map(this.vocabulary.concerns.map((c) => [c.id, c]));
    const physician = selected.some((id) => byId.get(id)?.physicianFirst);
    return html`
      <p class="intro">${this.t('quiz.concerns.intro')}</p>
      ${this.checkbox('not-sure', this.notSure && !selected.length, this.t('quiz.concerns.notSure'), (on) => {
        this.notSure = on;
        if (on) this.setAnswers(withConcerns(this.answers, []));
      })}
      ${this.vocabulary.concernGroups.map((group) => {
        const concerns = this.vocabulary.concerns.filter((c) => c.group === group.id);
        if (!concerns.length) return nothing;
        return html`<fieldset class="group">
          <legend>${this.label(group)}</legend>
          <div class="options wide">
            ${concerns.map((c) =>
              this.checkbox(c.id, selected.includes(c.id), this.label(c), (on) => toggle(c.id, on)),
            )}
          </div>
        </fieldset>`;
      })}
      ${
        selected.length > 1
          ? html`<div class="field">
              <label for="primary">${this.t('quiz.concerns.primary')}</label>
              <select
                id="primary"
                @change=${(e: Event) =>
                  this.setAnswers(withConcerns(this.answers, selected, (e.target as HTMLSelectElement).value))}
              >
                ${this.vocabulary.concerns
                  .filter((c) => selected.includes(c.id))
                  .map((c) => html`<option value=${c.id} .selected=${c.id === selected[0]}>${this.label(c)}</option>`)}
              </select>
            </div>`
          : nothing
      }
      <div aria-live="polite">
        ${physician ? html`<p part="note physician">${this.t('quiz.concerns.physician')}</p>` : nothing}
      </div>
    `;
  }

  private renderPreferences(
    key: 'preferences' | 'partnerPreferences',
    prefs: PersonalPreferences = {},
  ): TemplateResult {
    const displayNames = new Intl.DisplayNames([this.langTag], { type: 'language', fallback: 'code' });
    const languageTerms = [...new Set([this.langTag.split('-')[0], ...this.languages])]
      .map((code) => {
        // Some engines know no name for sign languages (`ase`): a message can supply one.
        const name = displayNames.of(code);
        const key = `quiz.language.${code}`;
        const label = name && name !== code ? name : (this.catalogue ?? {})[key] ? this.t(key) : code;
        return { id: code, labels: { en: label } };
      })
      .sort((a, b) => a.labels.en.localeCompare(b.labels.en, this.langTag));
    const update = (field: keyof PersonalPreferences, pref: Preference<string[]> | undefined) => {
      const next = { ...prefs, [field]: pref };
      if (!pref) delete next[field];
      this.patch({ [key]: Object.keys(next).length ? next : undefined });
    };
    const group = (field: keyof PersonalPreferences, legend: string, terms: TermDefinition[], wide = false) => {
      const pref = prefs[field];
      const values = pref?.value ?? [];
      const toggle = (id: string, on: boolean) => {
        const value = on ? [...values, id] : values.filter((v) => v !== id);
        update(field, value.length ? { value, importance: pref?.importance ?? 'preferred' } : undefined);
      };
      const name = `${key}-${field}`;
      return html`<fieldset class="group">
        <legend>${legend}</legend>
        <div class="options ${wide ? 'wide' : 'inline'}">
          ${terms.map((term) =>
            this.checkbox(term.id, values.includes(term.id), this.label(term, term.id), (on) => toggle(term.id, on)),
          )}
        </div>
        ${
          values.length
            ? html`<fieldset class="importance">
                <legend>${this.t('quiz.importance')}</legend>
                <div class="options inline">
                  ${IMPORTANCES.map((importance) =>
                    this.radio(
                      `${name}-importance`,
                      importance,
                      (pref?.importance ?? 'preferred') === importance,
                      this.t(`quiz.importance.${importance}`),
                      () => update(field, { value: values, importance }),
                    ),
                  )}
                </div>
              </fieldset>`
            : nothing
        }
      </fieldset>`;
    };
    return html`
      <p class="intro">${this.t('quiz.comfort.intro')}</p>
      ${group('therapistGender', this.t('quiz.comfort.gender'), this.vocabulary.genders)}
      ${group('languages', this.t('quiz.comfort.languages'), languageTerms, true)}
      ${group('communities', this.t('quiz.comfort.communities'), this.vocabulary.communities, true)}
    `;
  }

  /** Resolves the typed location, if it changed. False when it cannot be found. */
  private commitTypedPlace(): boolean {
    const typed = this.typedPlace;
    if (typed === undefined) return !this.placeNotFound;
    this.typedPlace = undefined;
    if (!typed.trim()) {
      this.placeNotFound = false;
      this.patch({ location: undefined });
      return true;
    }
    const found = resolveLocation(typed, this.places);
    this.placeNotFound = !found;
    if (!found) {
      this.notFoundText = typed;
      return false;
    }
    this.patch({ location: { ...found, maxDistanceKm: this.answers.location?.maxDistanceKm } });
    return true;
  }

  /** "New York (10011)": the known place nearest to what was typed, so a person can check it. */
  private placeName(location: LocationAnswer): string {
    const place = this.places.find((p) => p.lat === location.lat && p.lng === location.lng);
    const typed = location.label ?? '';
    return place?.city && !place.city.toLowerCase().includes(typed.toLowerCase())
      ? `${typed} (${place.city}, ${place.jurisdiction})`
      : typed;
  }

  private renderPractical(): TemplateResult {
    const a = this.answers;
    const inPerson = wantsInPerson(a);
    const formats = a.formats?.importance === 'required' ? a.formats.value : [];
    const mode = formats.length === 1 ? formats[0] : 'either';
    const location = a.location;
    const region = location && REGIONS.find((r) => r.code === location.jurisdiction && r.name === location.label);
    const typedValue = this.typedPlace ?? (region ? '' : (location?.label ?? ''));
    const km = new Intl.NumberFormat(this.langTag, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 });
    const currencies = this.currencies.length ? this.currencies : ['USD'];
    const budget = a.budget;
    const currency = budget?.value.currency ?? this.pendingCurrency ?? currencies[0];
    const currencyName = new Intl.DisplayNames([this.langTag], { type: 'currency' });
    const setBudget = (max: number, cur: string, importance: Importance) =>
      this.patch({ budget: max > 0 ? { value: { max, currency: cur }, importance } : undefined });
    const insurance = a.insurance?.value ?? [];
    const regionsHere = REGIONS.filter(
      (r) => !this.places.length || this.places.some((p) => p.jurisdiction?.slice(0, 2) === r.code.slice(0, 2)),
    );
    return html`
      <fieldset>
        <legend>${this.t('quiz.practical.format')}</legend>
        <div class="options inline">
          ${this.radio('format', 'in-person', mode === 'in-person', this.t('quiz.practical.inPerson'), () =>
            this.patch({ formats: { value: ['in-person'], importance: 'required' } }),
          )}
          ${this.radio('format', 'telehealth', mode === 'telehealth', this.t('quiz.practical.video'), () =>
            this.patch({ formats: { value: ['telehealth'], importance: 'required' } }),
          )}
          ${this.radio('format', 'either', mode === 'either', this.t('quiz.practical.either'), () =>
            this.patch({ formats: undefined }),
          )}
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>${this.t('quiz.practical.location')}</legend>
        <p class="hint" id="place-hint">${this.t('quiz.practical.locationHint')}</p>
        <div class="row">
          <div class="field">
            <label for="place">${this.t('quiz.practical.postal')}</label>
            <input
              id="place"
              type="text"
              autocomplete="postal-code"
              .value=${typedValue}
              aria-invalid=${this.placeNotFound ? 'true' : 'false'}
              aria-describedby="place-hint place-status"
              @input=${(e: Event) => (this.typedPlace = (e.target as HTMLInputElement).value)}
              @change=${() => this.commitTypedPlace()}
            />
          </div>
          <div class="field">
            <label for="region">${this.t('quiz.practical.region')}</label>
            <select
              id="region"
              @change=${(e: Event) => {
                const code = (e.target as HTMLSelectElement).value;
                this.typedPlace = undefined;
                this.placeNotFound = false;
                const picked = locationFromRegion(code);
                this.patch({
                  location: picked && { ...picked, maxDistanceKm: location?.maxDistanceKm },
                });
              }}
            >
              <option value="" .selected=${!region}>${this.t('quiz.practical.regionNone')}</option>
              ${regionsHere.map(
                (r) => html`<option value=${r.code} .selected=${region?.code === r.code}>${r.name}</option>`,
              )}
            </select>
          </div>
        </div>
        <p id="place-status" role="status" class=${this.placeNotFound ? 'error' : 'hint'}>
          ${
            this.placeNotFound
              ? this.t('quiz.practical.notFound', { place: this.notFoundText })
              : location && !region && this.typedPlace === undefined
                ? this.t('quiz.practical.found', { place: this.placeName(location) })
                : ''
          }
        </p>
        ${
          inPerson
            ? html`<div class="field">
                <label for="distance">${this.t('quiz.practical.distance')}</label>
                <select
                  id="distance"
                  @change=${(e: Event) => {
                    const value = Number((e.target as HTMLSelectElement).value) || undefined;
                    const next = { ...location, maxDistanceKm: value };
                    if (!value) delete next.maxDistanceKm;
                    this.patch({ location: next });
                  }}
                >
                  <option value="" .selected=${!location?.maxDistanceKm}>
                    ${this.t('quiz.practical.distanceAny')}
                  </option>
                  ${DISTANCES_KM.map(
                    (d) => html`<option value=${d} .selected=${location?.maxDistanceKm === d}>${km.format(d)}</option>`,
                  )}
                </select>
              </div>`
            : nothing
        }
      </fieldset>
      <fieldset class="group">
        <legend>${this.t('quiz.practical.cost')}</legend>
        <div class="row">
          <div class="field">
            <label for="budget">${this.t('quiz.practical.budget')}</label>
            <input
              id="budget"
              type="number"
              inputmode="numeric"
              min="0"
              step="5"
              .value=${budget ? String(budget.value.max) : ''}
              @change=${(e: Event) =>
                setBudget(Number((e.target as HTMLInputElement).value), currency, budget?.importance ?? 'preferred')}
            />
          </div>
          ${
            currencies.length > 1
              ? html`<div class="field">
                  <label for="currency">${this.t('quiz.practical.currency')}</label>
                  <select
                    id="currency"
                    @change=${(e: Event) => {
                      const cur = (e.target as HTMLSelectElement).value;
                      if (budget) setBudget(budget.value.max, cur, budget.importance);
                      else this.pendingCurrency = cur;
                    }}
                  >
                    ${currencies.map(
                      (c) =>
                        html`<option value=${c} .selected=${c === currency}>${c} · ${currencyName.of(c) ?? c}</option>`,
                    )}
                  </select>
                </div>`
              : html`<span class="hint">${currency}</span>`
          }
        </div>
        ${
          budget
            ? this.checkbox('firm', budget.importance === 'required', this.t('quiz.practical.budgetFirm'), (on) =>
                setBudget(budget.value.max, currency, on ? 'required' : 'preferred'),
              )
            : nothing
        }
        ${this.checkbox('sliding-scale', !!a.slidingScale, this.t('quiz.practical.slidingScale'), (on) =>
          this.patch({ slidingScale: on ? { value: true, importance: 'preferred' } : undefined }),
        )}
        ${
          this.insurers.length
            ? html`<fieldset>
                <legend>${this.t('quiz.practical.insurance')}</legend>
                <div class="options wide">
                  ${this.insurers.map((plan) =>
                    this.checkbox(plan, insurance.includes(plan), plan, (on) => {
                      const value = on ? [...insurance, plan] : insurance.filter((p) => p !== plan);
                      this.patch({ insurance: value.length ? { value, importance: 'preferred' } : undefined });
                    }),
                  )}
                </div>
              </fieldset>`
            : nothing
        }
      </fieldset>
      ${this.checkbox(
        'accepting',
        a.acceptingNewClients?.importance === 'required',
        this.t('quiz.practical.accepting'),
        (on) => this.patch({ acceptingNewClients: on ? { value: true, importance: 'required' } : undefined }),
      )}
    `;
  }
}
