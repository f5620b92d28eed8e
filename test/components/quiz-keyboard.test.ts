// The whole quiz by keyboard only, as an individual and as a couple, ending in ranked results.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import type { MatchAnswers } from '../../src/engine/answers.js';
import type { RankResult } from '../../src/engine/types.js';
import { button, deepActive, input, press, tabTo } from './quiz-helpers.js';

type ResultsElement = HTMLElement & { result?: RankResult; state?: string; answers?: MatchAnswers };

const quizRoot = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-quiz')!.shadowRoot!;

/** The step heading has focus and reads `text`. */
async function expectHeadingFocused(el: TherapistMatch, text: string): Promise<void> {
  await waitUntil(
    () => deepActive()?.tagName === 'H2',
    `focus did not move to a heading (on ${deepActive()?.tagName})`,
    { timeout: 5000 },
  );
  const heading = deepActive() as HTMLElement;
  expect(heading.textContent!.trim()).to.equal(text);
  expect(heading.getAttribute('tabindex')).to.equal('-1');
  expect(el.contains(heading) || el.shadowRoot!.contains(heading) || quizRoot(el).contains(heading)).to.equal(true);
}

async function mount(): Promise<TherapistMatch> {
  const el = await fixture<TherapistMatch>(
    html`<therapist-match src="/demo/data/therapists.json" lang="en"></therapist-match>`,
  );
  // The directory's places make a typed postal code resolvable.
  // (The record check loads on demand with the data: allow for a busy machine.)
  await waitUntil(
    () => (el.shadowRoot!.querySelector('tm-quiz') as unknown as { places: unknown[] }).places.length > 0,
    'the directory never loaded',
    { timeout: 5000 },
  );
  return el;
}

async function results(el: TherapistMatch): Promise<ResultsElement> {
  await waitUntil(() => el.shadowRoot!.querySelector('tm-results'), 'no results element', { timeout: 5000 });
  const res = el.shadowRoot!.querySelector('tm-results') as ResultsElement;
  await waitUntil(() => res.state === 'ready' && res.result, `results never became ready (${res.state})`, {
    timeout: 5000,
  });
  return res;
}

describe('<therapist-match> by keyboard only', () => {
  afterEach(() => {
    // The widgets first: one still on the page could store its snapshot again once cleared.
    fixtureCleanup();
    sessionStorage.clear();
  });

  it('walks the quiz as an individual and reaches results', async () => {
    const el = await mount();
    const heading = quizRoot(el).querySelector('h2')!;
    expect(heading.textContent!.trim()).to.equal('Step 1 of 4: Who is looking for help?');

    // Step 1: "Just me" is already chosen; pick an age group with the arrow keys.
    await tabTo(input('radio', 'individual'), '"Just me"');
    await tabTo(input('radio', ''), 'the age group');
    await press('ArrowUp');
    await press('ArrowUp');
    expect((deepActive() as HTMLInputElement).value).to.equal('adult');
    expect((deepActive() as HTMLInputElement).checked).to.equal(true);
    await press('Enter');
    await expectHeadingFocused(el, 'Step 2 of 4: What brings you here?');

    // Step 2: two concerns; a function concern brings the physician note.
    await tabTo(input('checkbox', 'low-desire'), 'Low desire');
    await press(' ');
    await tabTo(input('checkbox', 'pain-with-sex'), 'Pain with sex');
    await press(' ');
    await el.updateComplete;
    expect(quizRoot(el).querySelector('[part~="physician"]')!.textContent).to.contain('physician');
    await press('Enter');
    await expectHeadingFocused(el, 'Step 3 of 4: Who would you feel comfortable with?');

    // Step 3: Spanish required.
    await tabTo(input('checkbox', 'es'), 'Spanish');
    await press(' ');
    await tabTo(input('radio', 'preferred'), 'the importance');
    await press('ArrowUp');
    expect((deepActive() as HTMLInputElement).value).to.equal('required');
    await press('Enter');
    await expectHeadingFocused(el, 'Step 4 of 4: Practical matters');
    expect(quizRoot(el).querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Show my matches');

    // Step 4: by video, from a postal code the directory knows.
    await tabTo(input('radio', 'either'), 'the format');
    await press('ArrowLeft');
    expect((deepActive() as HTMLInputElement).value).to.equal('telehealth');
    expect(quizRoot(el).querySelector('#distance'), 'no distance for video only').to.equal(null);
    await tabTo((e) => e.id === 'place', 'the postal code');
    await sendKeys({ type: '94110' });
    await press('Enter');

    await expectHeadingFocused(el, 'Your matches');
    const res = await results(el);
    expect(res.answers).to.deep.include({
      seeking: 'individual',
      ageGroup: 'adult',
      concerns: { primary: 'low-desire', others: ['pain-with-sex'] },
      preferences: { languages: { value: ['es'], importance: 'required' } },
      formats: { value: ['telehealth'], importance: 'required' },
    });
    expect(res.answers!.location).to.deep.include({ jurisdiction: 'US-CA', label: '94110' });
    expect(res.result!.matches.length).to.be.greaterThan(0);
    for (const match of res.result!.matches) {
      expect(match.therapist.languages).to.include('es');
      expect(match.therapist.formats).to.include('telehealth');
    }
  });

  it('walks the quiz as a couple, goes back without losing answers, and reaches results', async () => {
    const el = await mount();
    await tabTo(input('radio', 'individual'), '"Just me"');
    await press('ArrowDown');
    expect((deepActive() as HTMLInputElement).value).to.equal('couple');
    await el.updateComplete;
    expect(quizRoot(el).querySelector('h2')!.textContent!.trim()).to.equal('Step 1 of 5: Who is looking for help?');
    await press('Enter');
    await expectHeadingFocused(el, 'Step 2 of 5: What brings you here?');

    await tabTo(input('checkbox', 'desire-discrepancy'), 'desire discrepancy');
    await press(' ');
    expect(quizRoot(el).querySelector('[part~="physician"]')).to.equal(null);
    await tabTo(button('Next'), 'Next');
    await press('Enter');
    await expectHeadingFocused(el, 'Step 3 of 5: Who would you feel comfortable with?');

    await tabTo(input('checkbox', 'woman'), 'Woman');
    await press(' ');
    await press('Enter');
    await expectHeadingFocused(el, "Step 4 of 5: Your partner's preferences");
    expect(quizRoot(el).querySelector('[part~="partner"]')!.textContent).to.contain('agree beforehand');

    await tabTo(input('checkbox', 'non-binary'), 'Non-binary');
    await press(' ');
    await tabTo(input('radio', 'preferred'), 'the importance');
    await press('ArrowUp');
    await press('Enter');
    await expectHeadingFocused(el, 'Step 5 of 5: Practical matters');

    // Back keeps the partner's answers.
    await tabTo(button('Back'), 'Back');
    await press('Enter');
    await expectHeadingFocused(el, "Step 4 of 5: Your partner's preferences");
    const nb = quizRoot(el).querySelector<HTMLInputElement>('input[type="checkbox"][value="non-binary"]')!;
    expect(nb.checked).to.equal(true);
    expect(quizRoot(el).querySelector<HTMLInputElement>('input[type="radio"][value="required"]')!.checked).to.equal(
      true,
    );
    await tabTo(button('Next'), 'Next');
    await press('Enter');
    await expectHeadingFocused(el, 'Step 5 of 5: Practical matters');

    await tabTo((e) => e.id === 'place', 'the postal code');
    await sendKeys({ type: 'New York' });
    await press('Enter');
    await expectHeadingFocused(el, 'Your matches');
    const res = await results(el);
    expect(res.answers).to.deep.include({
      seeking: 'couple',
      preferences: { therapistGender: { value: ['woman'], importance: 'preferred' } },
      partnerPreferences: { therapistGender: { value: ['non-binary'], importance: 'required' } },
    });
    expect(res.answers!.location).to.deep.include({ jurisdiction: 'US-NY' });
    expect(res.result!.matches.length).to.be.greaterThan(0);

    // The results' "Change answers" opens the steps; the chosen one opens with everything kept.
    await tabTo(button('Change answers'), 'Change answers');
    await press('Enter');
    await tabTo(button('Practical matters'), 'the step to change');
    await press('Enter');
    await expectHeadingFocused(el, 'Step 5 of 5: Practical matters');
    expect(el.shadowRoot!.querySelector('tm-quiz')!.answers).to.deep.include({ seeking: 'couple' });
  });

  it('does not advance past a postal code it cannot find, and says so', async () => {
    const el = await mount();
    el.setAttribute('steps', 'practical');
    await el.updateComplete;
    await tabTo((e) => e.id === 'place', 'the postal code');
    await sendKeys({ type: '00000' });
    await press('Enter');
    await el.updateComplete;
    const status = quizRoot(el).querySelector('#place-status')!;
    await waitUntil(() => status.textContent!.includes('00000'));
    expect(status.textContent).to.contain('We could not find “00000”');
    expect(deepActive()!.id).to.equal('place');
    expect(deepActive()!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.querySelector('tm-results')).to.equal(null);
  });
});
