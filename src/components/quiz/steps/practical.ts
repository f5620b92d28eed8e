// The practical step: how and where to meet (a place resolved locally, never sent anywhere), how
// far to travel, cost, insurance and whether to see only therapists accepting new clients.
import { html, nothing, type TemplateResult } from 'lit';
import type { Importance, LocationAnswer } from '../../../engine/answers.js';
import { REGIONS, locationFromRegion, resolveLocation } from '../../../engine/places.js';
import { foldPlace as fold } from '../../../engine/regions.js';
import { wantsInPerson } from '../../../state/step-answers.js';
import { formattersFor } from '../../../i18n/format.js';
import type { StepContext } from '../step.js';
import { checkbox } from './checkbox.js';

/** Distance choices in the reader's unit (miles or kilometres, as the results show distances). */
const DISTANCES = [10, 25, 50, 100, 250];
const MILE_KM = 1.609344;

/**
 * Resolves the typed location, if it changed (on the first step and on this one). False when it
 * cannot be found. A state, province or country named in the quiz's language ("Oregón") counts too;
 * it says where video sessions need a licence and is no point to measure distances from.
 */
export function commitTypedPlace(q: StepContext): boolean {
  const typed = q.typedPlace;
  if (typed === undefined) return !q.placeNotFound;
  q.typedPlace = undefined;
  if (!typed.trim()) {
    q.placeNotFound = false;
    q.patch({ location: undefined });
    return true;
  }
  const named = REGIONS.find((r) => fold(jurisdictionName(q, r.code)) === fold(typed));
  const found = resolveLocation(named?.code ?? typed, q.places);
  q.placeNotFound = !found;
  if (!found) {
    q.notFoundText = typed;
    return false;
  }
  const region = REGIONS.some((r) => r.code === found.jurisdiction && r.lat === found.lat && r.lng === found.lng);
  q.patch({
    location: region
      ? { jurisdiction: found.jurisdiction, label: typed.trim(), maxDistanceKm: q.answers.location?.maxDistanceKm }
      : { ...found, label: typed.trim(), maxDistanceKm: q.answers.location?.maxDistanceKm },
  });
  return true;
}

/** The line under the place field: that the place was not found, or which place is used (empty for a state chosen from the list). */
export function placeStatus(q: StepContext, listed = false): TemplateResult {
  const location = q.answers.location;
  return html`<p id="place-status" role="status" class=${q.placeNotFound ? 'error' : 'hint'}>
    ${
      q.placeNotFound
        ? q.t('quiz.practical.notFound', { place: q.notFoundText })
        : location?.label && !listed && q.typedPlace === undefined
          ? q.t('quiz.practical.found', { place: placeName(q, location) })
          : ''
    }
  </p>`;
}

/** A state or province by name in the quiz's language ("Oregon", "Oregón"); a country by its name. */
function jurisdictionName(q: StepContext, code: string): string {
  const key = `region.${code}`;
  const named = q.t(key as Parameters<StepContext['t']>[0]);
  if (named !== key) return named;
  return (
    REGIONS.find((r) => r.code === code)?.name ??
    (/^[A-Z]{2}$/.test(code) ? formattersFor(q.langTag).country(code) : code)
  );
}

/** "New York (10011)": the known place nearest to what was typed, so a person can check it. */
function placeName(q: StepContext, location: LocationAnswer): string {
  const place = q.places.find((p) => p.lat === location.lat && p.lng === location.lng);
  const typed = location.label ?? '';
  return place?.city && !place.city.toLowerCase().includes(typed.toLowerCase())
    ? `${typed} (${[place.city, place.jurisdiction && jurisdictionName(q, place.jurisdiction)].filter(Boolean).join(', ')})`
    : typed;
}

/** The choices in kilometres, in round miles where people read miles; a limit set elsewhere (a relaxation) is kept. */
function distanceChoices(miles: boolean, current: number | undefined): number[] {
  const choices = DISTANCES.map((n) => (miles ? Math.round(n * MILE_KM * 1000) / 1000 : n));
  if (current && !choices.includes(current)) choices.push(current);
  return choices.sort((a, b) => a - b);
}

export function renderPractical(q: StepContext): TemplateResult {
  const a = q.answers;
  const inPerson = wantsInPerson(a);
  const formats = a.formats?.importance === 'required' ? a.formats.value : [];
  const mode = formats.length === 1 ? formats[0] : 'either';
  const location = a.location;
  const region = location && REGIONS.find((r) => r.code === location.jurisdiction && r.name === location.label);
  const typedValue = q.typedPlace ?? (region ? '' : (location?.label ?? ''));
  const format = formattersFor(q.langTag);
  const currencies = q.currencies.length ? q.currencies : ['USD'];
  const budget = a.budget;
  const currency = budget?.value.currency ?? q.pendingCurrency ?? currencies[0];
  const setBudget = (max: number, cur: string, importance: Importance) =>
    q.patch({ budget: max > 0 ? { value: { max, currency: cur }, importance } : undefined });
  const insurance = a.insurance?.value ?? [];
  const regionsHere = REGIONS.filter(
    (r) => !q.places.length || q.places.some((p) => p.jurisdiction?.slice(0, 2) === r.code.slice(0, 2)),
  );
  return html`
    <fieldset>
      <legend>${q.t('quiz.practical.format')}</legend>
      <div class="options inline">
        ${q.radio('format', 'in-person', mode === 'in-person', q.t('quiz.practical.inPerson'), () =>
          q.patch({ formats: { value: ['in-person'], importance: 'required' } }),
        )}
        ${q.radio('format', 'telehealth', mode === 'telehealth', q.t('quiz.practical.video'), () =>
          q.patch({ formats: { value: ['telehealth'], importance: 'required' } }),
        )}
        ${q.radio('format', 'either', mode === 'either', q.t('quiz.practical.either'), () =>
          q.patch({ formats: undefined }),
        )}
      </div>
    </fieldset>
    <fieldset class="group">
      <legend>${q.t('quiz.practical.location')}</legend>
      <p class="hint" id="place-hint">${q.t('quiz.practical.locationHint')}</p>
      <div class="row">
        <div class="field">
          <label for="place">${q.t('quiz.practical.postal')}</label>
          <input
            id="place"
            type="text"
            autocomplete="postal-code"
            .value=${typedValue}
            aria-invalid=${q.placeNotFound ? 'true' : 'false'}
            aria-describedby="place-hint place-status"
            @input=${(e: Event) => (q.typedPlace = (e.target as HTMLInputElement).value)}
            @change=${() => commitTypedPlace(q)}
          />
        </div>
        <div class="field">
          <label for="region">${q.t('quiz.practical.region')}</label>
          <select
            id="region"
            @change=${(e: Event) => {
              const code = (e.target as HTMLSelectElement).value;
              q.typedPlace = undefined;
              q.placeNotFound = false;
              const picked = locationFromRegion(code);
              // A state or province says where video needs a licence, not how far an office is:
              // its midpoint is no place to measure from, so in person waits for a postal code or city.
              q.patch({
                location: picked && {
                  jurisdiction: picked.jurisdiction,
                  label: picked.label,
                  maxDistanceKm: location?.maxDistanceKm,
                },
              });
            }}
          >
            <option value="" .selected=${!region}>${q.t('quiz.practical.regionNone')}</option>
            ${regionsHere.map(
              (r) =>
                html`<option value=${r.code} .selected=${region?.code === r.code}>
                  ${jurisdictionName(q, r.code)}
                </option>`,
            )}
          </select>
        </div>
      </div>
      ${placeStatus(q, !!region)}
      ${
        inPerson
          ? html`<div class="field">
              <label for="distance">${q.t('quiz.practical.distance')}</label>
              <select
                id="distance"
                @change=${(e: Event) => {
                  const value = Number((e.target as HTMLSelectElement).value) || undefined;
                  const next = { ...location, maxDistanceKm: value };
                  if (!value) delete next.maxDistanceKm;
                  q.patch({ location: next });
                }}
              >
                <option value="" .selected=${!location?.maxDistanceKm}>${q.t('quiz.practical.distanceAny')}</option>
                ${distanceChoices(format.miles, location?.maxDistanceKm).map(
                  (km) =>
                    html`<option value=${km} .selected=${location?.maxDistanceKm === km}>
                      ${format.distance(km)}
                    </option>`,
                )}
              </select>
            </div>`
          : nothing
      }
    </fieldset>
    <fieldset class="group">
      <legend>${q.t('quiz.practical.cost')}</legend>
      <div class="row">
        <div class="field">
          <label for="budget">${q.t('quiz.practical.budget')}</label>
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
                <label for="currency">${q.t('quiz.practical.currency')}</label>
                <select
                  id="currency"
                  @change=${(e: Event) => {
                    const cur = (e.target as HTMLSelectElement).value;
                    if (budget) setBudget(budget.value.max, cur, budget.importance);
                    else q.pendingCurrency = cur;
                  }}
                >
                  ${currencies.map(
                    (c) => html`<option value=${c} .selected=${c === currency}>${c} · ${format.currency(c)}</option>`,
                  )}
                </select>
              </div>`
            : html`<span class="hint">${currency}</span>`
        }
      </div>
      ${
        budget
          ? checkbox('firm', budget.importance === 'required', q.t('quiz.practical.budgetFirm'), (on) =>
              setBudget(budget.value.max, currency, on ? 'required' : 'preferred'),
            )
          : nothing
      }
      ${checkbox('sliding-scale', !!a.slidingScale, q.t('quiz.practical.slidingScale'), (on) =>
        q.patch({ slidingScale: on ? { value: true, importance: 'preferred' } : undefined }),
      )}
      ${
        q.insurers.length
          ? html`<fieldset>
              <legend>${q.t('quiz.practical.insurance')}</legend>
              <div class="options wide">
                ${q.insurers.map((plan) =>
                  checkbox(plan, insurance.includes(plan), plan, (on) => {
                    const value = on ? [...insurance, plan] : insurance.filter((p) => p !== plan);
                    q.patch({ insurance: value.length ? { value, importance: 'preferred' } : undefined });
                  }),
                )}
              </div>
            </fieldset>`
          : nothing
      }
    </fieldset>
    ${checkbox('accepting', a.acceptingNewClients?.importance === 'required', q.t('quiz.practical.accepting'), (on) =>
      q.patch({ acceptingNewClients: on ? { value: true, importance: 'required' } : undefined }),
    )}
  `;
}
