// The comfort step and the partner step: therapist gender, languages and communities, each with
// how much it matters. The partner step asks the same of the person's partner.
import { html, nothing, type TemplateResult } from 'lit';
import type { Importance, PersonalPreferences, Preference } from '../../../engine/answers.js';
import type { TermDefinition } from '../../../engine/vocabulary.js';
import { formattersFor } from '../../../i18n/format.js';
import { baseLanguage, type MessageKey } from '../../../i18n/index.js';
import type { StepContext } from '../step.js';
import { checkbox } from './checkbox.js';

const IMPORTANCES: Importance[] = ['required', 'preferred', 'none'];

export function renderPreferences(
  q: StepContext,
  key: 'preferences' | 'partnerPreferences',
  prefs: PersonalPreferences = {},
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
    q.patch({ [key]: Object.keys(next).length ? next : undefined });
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
                    `${name}-importance`,
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
    <p class="intro">${q.t('quiz.comfort.intro')}</p>
    ${group('therapistGender', q.t('quiz.comfort.gender'), q.vocabulary.genders)}
    ${group('languages', q.t('quiz.comfort.languages'), languageTerms, true)}
    ${group('communities', q.t('quiz.comfort.communities'), q.vocabulary.communities, true)}
  `;
}

export function renderComfort(q: StepContext): TemplateResult {
  return renderPreferences(q, 'preferences', q.answers.preferences);
}

export function renderPartner(q: StepContext): TemplateResult {
  return html`<p part="note partner">${q.t('quiz.partner.note')}</p>
    ${renderPreferences(q, 'partnerPreferences', q.answers.partnerPreferences)}`;
}
