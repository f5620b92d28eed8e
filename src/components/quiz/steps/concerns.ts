// The concerns step: what brings the person. The most common concerns come first and the rest wait
// behind "More concerns" (grouped as the vocabulary groups them), so the step fits a phone; then
// the main one when there are several, the note suggesting a physician too for physical-function
// concerns, a concern's own note (pain: who examines the body) and a site's own lines for a topic.
import { html, nothing, type TemplateResult } from 'lit';
import { needsPhysicianFirst } from '../../../engine/physician.js';
import type { ConcernDefinition } from '../../../engine/vocabulary.js';
import type { MessageKey } from '../../../i18n/index.js';
import { selectedConcerns } from '../../../state/quiz-flow.js';
import { withConcerns } from '../../../state/step-answers.js';
import type { StepContext } from '../step.js';
import { checkbox } from './checkbox.js';

/** The concerns most people come with (the field's most frequent reasons), shown first. */
export const COMMON_CONCERNS = [
  'desire-discrepancy',
  'low-desire',
  'erectile-concerns',
  'early-ejaculation',
  'orgasm-difficulties',
  'pain-with-sex',
  'performance-anxiety',
  'communication-about-sex',
];

/** A message for `key` when the language or the site has one (a missing message reads as its key). */
function optional(q: StepContext, key: string): string | undefined {
  const text = q.t(key as MessageKey);
  return text && text !== key ? text : undefined;
}

export function renderConcerns(q: StepContext): TemplateResult {
  const selected = selectedConcerns(q.answers);
  const toggle = (id: string, on: boolean) => {
    q.notSure = false;
    const ids = on ? [...selected, id] : selected.filter((c) => c !== id);
    q.setAnswers(withConcerns(q.answers, ids, selected[0]));
  };
  const box = (c: ConcernDefinition) => checkbox(c.id, selected.includes(c.id), q.label(c), (on) => toggle(c.id, on));
  const all = q.vocabulary.concerns;
  const common = COMMON_CONCERNS.map((id) => all.find((c) => c.id === id)).filter((c): c is ConcernDefinition => !!c);
  const rest = all.filter((c) => !common.includes(c));
  const groups = q.vocabulary.concernGroups.map((group) => {
    const concerns = rest.filter((c) => c.group === group.id);
    if (!concerns.length) return nothing;
    return html`<fieldset class="group">
      <legend>${q.label(group)}</legend>
      <div class="options wide">${concerns.map(box)}</div>
    </fieldset>`;
  });
  const physician = needsPhysicianFirst(q.answers, q.vocabulary);
  // A concern's own note (shipped for pain) and a site's lines for a topic (`quiz.concerns.help.<id>`).
  const notes = selected.map((id) => optional(q, `quiz.concerns.note.${id}`)).filter(Boolean);
  const help = selected.map((id) => optional(q, `quiz.concerns.help.${id}`)).filter(Boolean);
  return html`
    ${
      // Said on the step right after "Adolescent" is chosen (the first step stays in the main file).
      q.answers.ageGroup === 'adolescent' ? html`<p part="note adolescent">${q.t('quiz.adolescent')}</p>` : nothing
    }
    <p class="intro">${q.t('quiz.concerns.intro')}</p>
    ${checkbox('not-sure', q.notSure && !selected.length, q.t('quiz.concerns.notSure'), (on) => {
      q.notSure = on;
      if (on) q.setAnswers(withConcerns(q.answers, []));
    })}
    ${
      common.length
        ? html`<fieldset class="group">
              <legend>${q.t('quiz.concerns.common')}</legend>
              <div class="options wide">${common.map(box)}</div>
            </fieldset>
            ${
              rest.length
                ? html`<details part="more-concerns" class="more" ?open=${rest.some((c) => selected.includes(c.id))}>
                    <summary>${q.t('quiz.concerns.more', { count: rest.length })}</summary>
                    ${groups}
                  </details>`
                : nothing
            }`
        : groups
    }
    ${
      selected.length > 1
        ? html`<div class="field">
            <label for="primary">${q.t('quiz.concerns.primary')}</label>
            <select
              id="primary"
              @change=${(e: Event) =>
                q.setAnswers(withConcerns(q.answers, selected, (e.target as HTMLSelectElement).value))}
            >
              ${all
                .filter((c) => selected.includes(c.id))
                .map((c) => html`<option value=${c.id} .selected=${c.id === selected[0]}>${q.label(c)}</option>`)}
            </select>
          </div>`
        : nothing
    }
    <div aria-live="polite">
      ${physician ? html`<p part="note physician">${q.t('quiz.concerns.physician')}</p>` : nothing}
      ${notes.map((note) => html`<p part="note concern">${note}</p>`)}
      ${help.map((line) => html`<p part="note help">${line}</p>`)}
    </div>
  `;
}
