// The therapy style questions (the four Cooper–Norcross dimensions in plain words, each with "no
// preference"): the optional style step, or behind a link on the comfort step when a site has not
// listed that step. And the therapist's own faith, culture and identity on the comfort step.
import { html, nothing, type TemplateResult } from 'lit';
import type { PersonalPreferences, TherapyStylePreference } from '../../../engine/answers.js';
import type { TermDefinition } from '../../../engine/vocabulary.js';
import type { MessageKey } from '../../../i18n/index.js';
import type { StepContext } from '../step.js';

const DIMENSIONS = [
  ['lead', ['therapist', 'client']],
  ['intensity', ['gentle', 'intense']],
  ['focus', ['past', 'present']],
  ['approach', ['support', 'challenge']],
] as const;

/** The four questions; picking "No preference" removes the dimension (an empty style is removed). */
export function styleQuestions(q: StepContext): TemplateResult[] {
  const style: TherapyStylePreference = q.answers.therapyStyle ?? {};
  const pick = (dimension: keyof TherapyStylePreference, value?: string) => {
    const next: Record<string, string> = { ...style };
    if (value) next[dimension] = value;
    else delete next[dimension];
    q.patch({ therapyStyle: Object.keys(next).length ? next : undefined });
  };
  return DIMENSIONS.map(
    ([dimension, poles]) =>
      html`<fieldset class="group">
        <legend>${q.t(`quiz.style.${dimension}`)}</legend>
        <div class="options">
          ${poles.map((pole) =>
            q.radio(
              `style-${dimension}`,
              pole,
              style[dimension] === pole,
              q.t(`quiz.style.${dimension}.${pole}` as MessageKey),
              () => pick(dimension, pole),
            ),
          )}
          ${q.radio(`style-${dimension}`, '', !style[dimension], q.t('quiz.style.none'), () => pick(dimension))}
        </div>
      </fieldset>`,
  );
}

export function renderStyle(q: StepContext): TemplateResult {
  return html`<p class="intro">${q.t('quiz.style.intro')}</p>
    ${styleQuestions(q)}`;
}

/** On the comfort step, when the site has no style step: the same questions behind a link. */
export function styleLink(q: StepContext): TemplateResult | typeof nothing {
  if (q.steps.includes('style')) return nothing;
  return html`<details class="more" ?open=${!!q.answers.therapyStyle}>
    <summary>${q.t('quiz.style.open')}</summary>
    <p class="intro">${q.t('quiz.style.intro')}</p>
    ${styleQuestions(q)}
  </details>`;
}

/** The choices offered for the therapist's own backgrounds (a listing's own words match loosely). */
export const BACKGROUNDS = {
  therapistFaith: ['christian', 'catholic', 'jewish', 'muslim', 'hindu', 'buddhist', 'sikh', 'spiritual', 'secular'],
  therapistCulture: ['black', 'latino', 'east-asian', 'south-asian', 'middle-eastern', 'indigenous', 'white'],
  therapistIdentity: ['lgbtq', 'trans', 'disabled', 'neurodivergent', 'polyamorous'],
} as const;

const LEGENDS = {
  therapistFaith: 'quiz.comfort.faith',
  therapistCulture: 'quiz.comfort.culture',
  therapistIdentity: 'quiz.comfort.identity',
} as const;

type Group = (
  field: keyof PersonalPreferences,
  legend: string,
  terms: TermDefinition[],
  wide?: boolean,
) => TemplateResult;

/** Faith, culture and identity groups, folded away until opened (or answered). */
export function backgroundGroups(q: StepContext, prefs: PersonalPreferences, group: Group): TemplateResult {
  const fields = Object.keys(BACKGROUNDS) as (keyof typeof BACKGROUNDS)[];
  const terms = (field: keyof typeof BACKGROUNDS): TermDefinition[] =>
    BACKGROUNDS[field].map((id) => ({ id, labels: { en: q.t(`identity.${id}` as MessageKey) } }));
  return html`<details class="more" ?open=${fields.some((f) => prefs[f])}>
    <summary>${q.t('quiz.comfort.background')}</summary>
    <p class="intro">${q.t('quiz.comfort.backgroundNote')}</p>
    ${fields.map((field) => group(field, q.t(LEGENDS[field]), terms(field), true))}
  </details>`;
}
