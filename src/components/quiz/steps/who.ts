// The first quiz step: who is seeking help (alone or as a couple) and their age group. In the main
// file of the drop-in, so the quiz's usual first step needs no chunk.
import { html, type TemplateResult } from 'lit';
import type { MatchAnswers } from '../../../engine/answers.js';
import type { StepContext } from '../step.js';

export function renderWho(q: StepContext): TemplateResult {
  const { seeking, ageGroup } = q.answers;
  return html`
    <fieldset>
      <legend>${q.t('quiz.who.seeking')}</legend>
      <div class="options">
        ${(['individual', 'couple'] as const).map((value) =>
          q.radio('seeking', value, seeking === value, q.t(`quiz.who.${value}`), () => q.patch({ seeking: value })),
        )}
      </div>
    </fieldset>
    <fieldset>
      <legend>${q.t('quiz.who.age')}</legend>
      <div class="options">
        ${q.vocabulary.ageGroups.map((term) =>
          q.radio('age', term.id, ageGroup === term.id, q.label(term), () =>
            q.patch({ ageGroup: term.id as MatchAnswers['ageGroup'] }),
          ),
        )}
        ${q.radio('age', '', !ageGroup, q.t('quiz.who.ageUnsaid'), () => q.patch({ ageGroup: undefined }))}
      </div>
    </fieldset>
  `;
}
