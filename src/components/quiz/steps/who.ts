// The first quiz step: who is seeking help (alone or as a couple), their age group, and where they
// are (a place, or video only). In the main file of the drop-in, so the quiz's usual first step
// needs no chunk; what the person types is resolved by the practical step's code (a chunk that
// loads as soon as they start answering), on this page only.
import { html, type TemplateResult } from 'lit';
import type { MatchAnswers } from '../../../engine/answers.js';
import { stepView, stepsLoaded, type StepContext } from '../step.js';

export function renderWho(q: StepContext): TemplateResult {
  const { seeking, ageGroup, location, formats } = q.answers;
  const video = formats?.importance === 'required' && formats.value.join() === 'telehealth';
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
    <fieldset part="where">
      <legend>${q.t('quiz.where')}</legend>
      <p class="hint" id="where-hint">${q.t('quiz.where.hint')}</p>
      <label for="place">${q.t('quiz.where.place')}</label>
      <input
        id="place"
        type="text"
        autocomplete="postal-code"
        .value=${q.typedPlace ?? location?.label ?? ''}
        aria-invalid=${String(q.placeNotFound)}
        aria-describedby="where-hint place-status"
        @input=${(e: Event) => {
          q.typedPlace = (e.target as HTMLInputElement).value;
          // Starting to answer: the code that finds the place loads meanwhile.
          if (!stepsLoaded()) q.setAnswers(q.answers);
        }}
        @change=${() => stepView('practical')?.beforeNext?.(q)}
      />
      ${stepView('practical')?.placeStatus?.(q)}
      <label class="choice"
        ><input
          type="checkbox"
          .checked=${video}
          @change=${(e: Event) =>
            q.patch({
              formats: (e.target as HTMLInputElement).checked
                ? { value: ['telehealth'], importance: 'required' }
                : undefined,
            })}
        /><span>${q.t('quiz.where.video')}</span></label
      >
    </fieldset>
  `;
}
