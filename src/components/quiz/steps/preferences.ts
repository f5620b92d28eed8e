// The comfort step and the partner step: therapist gender, languages and communities, each with
// how much it matters. The partner step asks the same of each partner, with the same controls,
// one partner at first and "Add another partner" up to the site's `partners`.
import { html, nothing, type TemplateResult } from 'lit';
import type { Importance, PersonalPreferences, Preference } from '../../../engine/answers.js';
import { MAX_PARTNERS, partnersOf } from '../../../engine/partners.js';
import type { TermDefinition } from '../../../engine/vocabulary.js';
import { formattersFor } from '../../../i18n/format.js';
import { baseLanguage, type MessageKey } from '../../../i18n/index.js';
import type { StepContext } from '../step.js';
import { checkbox } from './checkbox.js';
import { backgroundGroups, styleLink } from './style.js';

const IMPORTANCES: Importance[] = ['required', 'preferred', 'none'];

/**
 * One person's comfort questions. `name` tells their radio groups apart from another person's on
 * the same step; `write` receives their preferences after each change (`undefined` once empty).
 */
export function renderPreferences(
  q: StepContext,
  name: string,
  prefs: PersonalPreferences = {},
  write: (next: PersonalPreferences | undefined) => void,
): TemplateResult {
  const format = formattersFor(q.langTag);
  const languageTerms = [...new Set([baseLanguage(q.langTag), ...q.languages])]
    .map((code) => {
      // Some engines know no name for sign languages (`ase`): a message can supply one.
      const name = format.language(code);
      const key = `quiz.language.${code}`;
      // A missing message reads as its key.
      const named = name && name !== code ? name : q.t(key as MessageKey);
      const label = named === key ? code : named;
      return { id: code, labels: { en: label } };
    })
    .sort((a, b) => a.labels.en.localeCompare(b.labels.en, q.langTag));
  const update = (field: keyof PersonalPreferences, pref: Preference<string[]> | undefined) => {
    const next = { ...prefs, [field]: pref };
    if (!pref) delete next[field];
    write(Object.keys(next).length ? next : undefined);
  };
  const group = (field: keyof PersonalPreferences, legend: string, terms: TermDefinition[], wide = false) => {
    const pref = prefs[field];
    const values = pref?.value ?? [];
    const toggle = (id: string, on: boolean) => {
      const value = on ? [...values, id] : values.filter((v) => v !== id);
      update(field, value.length ? { value, importance: pref?.importance ?? 'preferred' } : undefined);
    };
    const radios = `${name}-${field}`;
    return html`<fieldset class="group">
      <legend>${legend}</legend>
      <div class="options ${wide ? 'wide' : 'inline'}">
        ${terms.map((term) =>
          checkbox(term.id, values.includes(term.id), q.label(term, term.id), (on) => toggle(term.id, on)),
        )}
      </div>
      ${
        values.length
          ? html`<fieldset class="importance">
              <legend>${q.t('quiz.importance')}</legend>
              <div class="options inline">
                ${IMPORTANCES.map((importance) =>
                  q.radio(
                    `${radios}-importance`,
                    importance,
                    (pref?.importance ?? 'preferred') === importance,
                    q.t(`quiz.importance.${importance}`),
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
    ${group('therapistGender', q.t('quiz.comfort.gender'), q.vocabulary.genders)}
    ${group('languages', q.t('quiz.comfort.languages'), languageTerms, true)}
    ${group('communities', q.t('quiz.comfort.communities'), q.vocabulary.communities, true)}
    ${backgroundGroups(q, prefs, group)}
  `;
}

export function renderComfort(q: StepContext): TemplateResult {
  return html`<p class="intro">${q.t('quiz.comfort.intro')}</p>
    ${renderPreferences(q, 'preferences', q.answers.preferences, (next) => q.patch({ preferences: next }))}
    ${styleLink(q)}`;
}

/** Partners offered when the site's `partners` is unusable. */
export const DEFAULT_PARTNERS = 3;

/** The site's `partners`: a whole number from 1 (fractions round down; above 10 is 10), else 3. */
export function partnerLimit(value: unknown): number {
  const n = typeof value === 'string' && value.trim() ? Number(value) : value;
  return typeof n === 'number' && n >= 1 ? Math.min(Math.floor(n), MAX_PARTNERS) : DEFAULT_PARTNERS;
}

/**
 * Each partner's preferences (always one at least, while the person fills them in): one partner is
 * kept as one object, as before; several as a list, where `{}` keeps an empty partner's place.
 */
export function renderPartner(q: StepContext): TemplateResult {
  const limit = partnerLimit(q.partners);
  // Partners past the limit (a preset, a stored session from a site that allowed more) stay shown.
  const partners = partnersOf(q.answers);
  if (!partners.length) partners.push({});
  const several = partners.length > 1;
  const save = (list: PersonalPreferences[], focus?: string) => {
    const only = list[0];
    q.patch({ partnerPreferences: list.length > 1 ? list : only && Object.keys(only).length ? only : undefined });
    // After adding or removing, focus lands on what changed (the new partner's heading, or the step's).
    if (focus) void q.updateComplete.then(() => q.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  };
  const heading = (k: number) => q.t('quiz.partner.numbered', { number: k + 1 });
  return html`<p part="note partner">${q.t('quiz.partner.note')}</p>
    <p class="intro">${q.t('quiz.comfort.intro')}</p>
    ${partners.map((prefs, k) => {
      const form = renderPreferences(q, `partner-${k + 1}`, prefs, (next) =>
        save(partners.map((p, j) => (j === k ? (next ?? {}) : p))),
      );
      return several
        ? html`<section class="partner" aria-labelledby="partner-${k + 1}">
            <div class="partner-heading">
              <h3 id="partner-${k + 1}" tabindex="-1">${heading(k)}</h3>
              <button
                type="button"
                class="quiet"
                part="button remove-partner"
                @click=${() =>
                  save(
                    partners.filter((_, j) => j !== k),
                    partners.length > 2 ? `#partner-${Math.max(k, 1)}` : '#heading',
                  )}
              >
                ${q.t('quiz.partner.remove', { number: k + 1 })}
              </button>
            </div>
            ${form}
          </section>`
        : form;
    })}
    ${
      partners.length < limit
        ? html`<p>
            <button
              type="button"
              part="button add-partner"
              @click=${() => save([...partners, {}], `#partner-${partners.length + 1}`)}
            >
              ${q.t('quiz.partner.add')}
            </button>
          </p>`
        : nothing
    }`;
}
