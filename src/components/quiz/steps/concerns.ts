// The concerns step: what brings the person, grouped as the vocabulary groups them, the main one
// when there are several, and the note suggesting a physician too for physical-function concerns.
import { html, nothing, type TemplateResult } from 'lit';
import { needsPhysicianFirst } from '../../../engine/physician.js';
import { selectedConcerns } from '../../../state/quiz-flow.js';
import { withConcerns } from '../../../state/step-answers.js';
import type { StepContext } from '../step.js';
import { checkbox } from './checkbox.js';

export function renderConcerns(q: StepContext): TemplateResult {
  const selected = selectedConcerns(q.answers);
  const toggle = (id: string, on: boolean) => {
    q.notSure = false;
    const ids = on ? [...selected, id] : selected.filter((c) => c !== id);
    q.setAnswers(withConcerns(q.answers, ids, selected[0]));
  };
  const physician = needsPhysicianFirst(q.answers, q.vocabulary);
  return html`
    <p class="intro">${q.t('quiz.concerns.intro')}</p>
    ${checkbox('not-sure', q.notSure && !selected.length, q.t('quiz.concerns.notSure'), (on) => {
      q.notSure = on;
      if (on) q.setAnswers(withConcerns(q.answers, []));
    })}
    ${q.vocabulary.concernGroups.map((group) => {
      const concerns = q.vocabulary.concerns.filter((c) => c.group === group.id);
      if (!concerns.length) return nothing;
      return html`<fieldset class="group">
        <legend>${q.label(group)}</legend>
        <div class="options wide">
          ${concerns.map((c) => checkbox(c.id, selected.includes(c.id), q.label(c), (on) => toggle(c.id, on)))}
        </div>
      </fieldset>`;
    })}
    ${
      selected.length > 1
        ? html`<div class="field">
            <label for="primary">${q.t('quiz.concerns.primary')}</label>
            <select
              id="primary"
              @change=${(e: Event) =>
                q.setAnswers(withConcerns(q.answers, selected, (e.target as HTMLSelectElement).value))}
            >
              ${q.vocabulary.concerns
                .filter((c) => selected.includes(c.id))
                .map((c) => html`<option value=${c.id} .selected=${c.id === selected[0]}>${q.label(c)}</option>`)}
            </select>
          </div>`
        : nothing
    }
    <div aria-live="polite">
      ${physician ? html`<p part="note physician">${q.t('quiz.concerns.physician')}</p>` : nothing}
    </div>
  `;
}
