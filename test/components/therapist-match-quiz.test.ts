// <therapist-match> around the quiz: language, privacy and resuming, notes, presets, events, the
// way back from the results, right-to-left and narrow layouts.
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch, TmQuiz } from '../../src/index.js';
import type { MatchAnswers } from '../../src/engine/answers.js';
import type { RankResult } from '../../src/engine/types.js';
import { deepActive } from './quiz-helpers.js';

type ResultsElement = HTMLElement & { result?: RankResult; state?: string; answers?: MatchAnswers };

const quizOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-quiz') as TmQuiz;
const q = <T extends Element = HTMLElement>(el: TherapistMatch, selector: string) =>
  quizOf(el).shadowRoot!.querySelector<T>(selector);
const headingText = (el: TherapistMatch) => q(el, 'h2')!.textContent!.trim();

async function settle(el: TherapistMatch): Promise<void> {
  await el.updateComplete;
  await quizOf(el)?.updateComplete;
}

async function tick(el: TherapistMatch, selector: string): Promise<void> {
  q<HTMLInputElement>(el, selector)!.click();
  await settle(el);
}

async function clickNext(el: TherapistMatch): Promise<void> {
  q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await settle(el);
}

async function mount(template = html`<therapist-match src="/demo/data/therapists.json"></therapist-match>`) {
  const el = await fixture<TherapistMatch>(template);
  await settle(el);
  return el;
}

describe('<therapist-match> language', () => {
  it('speaks Spanish, vocabulary included, and switches back', async () => {
    const el = await mount(html`<therapist-match lang="es"></therapist-match>`);
    // Spanish loads on demand; the quiz renders again once it is there.
    await waitUntil(() => headingText(el).startsWith('Paso'), 'the Spanish messages never arrived', { timeout: 5000 });
    expect(headingText(el)).to.equal('Paso 1 de 4: ¿Quién busca ayuda?');
    expect(q(el, 'fieldset:nth-of-type(2)')!.textContent).to.contain('Adulto');
    await clickNext(el);
    expect(headingText(el)).to.equal('Paso 2 de 4: ¿Qué te trae aquí?');
    expect(quizOf(el).shadowRoot!.textContent).to.contain('Dolor en las relaciones');
    expect(q(el, 'button[type="submit"]')!.textContent!.trim()).to.equal('Siguiente');
    el.lang = 'en';
    await settle(el);
    expect(headingText(el)).to.equal('Step 2 of 4: What brings you here?');
    expect(quizOf(el).shadowRoot!.textContent).to.contain('Pain with sex');
  });

  it("inherits the page's language and lets a site override any message", async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es-MX"><therapist-match .strings=${{ 'quiz.next': 'Continuar' }}></therapist-match></div>`,
    );
    const el = wrapper.querySelector('therapist-match')!;
    await settle(el);
    await waitUntil(() => headingText(el).startsWith('Paso'), 'the Spanish messages never arrived', { timeout: 5000 });
    expect(headingText(el)).to.equal('Paso 1 de 4: ¿Quién busca ayuda?');
    expect(q(el, 'button[type="submit"]')!.textContent!.trim()).to.equal('Continuar');
    wrapper.setAttribute('lang', 'en');
    el.requestUpdate();
    await settle(el);
    expect(headingText(el)).to.equal('Step 1 of 4: Who is looking for help?');
  });

  it('inherits the language without marking itself as unknown: no lang="" on the element, the page language inside', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="es"><therapist-match></therapist-match></div>`);
    const el = wrapper.querySelector('therapist-match')!;
    await settle(el);
    expect(el.hasAttribute('lang')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal('es');
  });

  it('formats distances and currencies for the language', async () => {
    const el = await mount(
      html`<therapist-match src="/demo/data/therapists.json" lang="es" steps="practical"></therapist-match>`,
    );
    await waitUntil(() => quizOf(el).currencies.length > 1, 'no currencies from the directory', { timeout: 5000 });
    const distance = q<HTMLSelectElement>(el, '#distance')!;
    expect([...distance.options].map((o) => o.textContent!.trim())).to.include(
      new Intl.NumberFormat('es', { style: 'unit', unit: 'kilometer' }).format(25),
    );
    expect(q(el, '#currency')!.textContent).to.contain('dólar estadounidense');
  });
});

describe('<therapist-match> privacy and resuming', () => {
  afterEach(() => {
    // The widgets first: one still on the page could store its snapshot again once cleared.
    fixtureCleanup();
    sessionStorage.clear();
  });

  it('keeps answers in memory only by default', async () => {
    const el = await mount(html`<therapist-match></therapist-match>`);
    await tick(el, 'input[value="couple"]');
    await clickNext(el);
    expect(sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');
    expect(location.href).not.to.contain('couple');
    expect(el.shadowRoot!.querySelector('[part~="privacy"]')!.textContent).to.contain('not stored');
  });

  it('resumes after a reload with persist="session", and Start over clears everything', async () => {
    let el = await mount(html`<therapist-match persist="session"></therapist-match>`);
    await tick(el, 'input[value="couple"]');
    await clickNext(el);
    await tick(el, 'input[value="low-desire"]');
    expect(sessionStorage.getItem('therapist-match')).to.contain('low-desire');
    el.remove();

    el = await mount(html`<therapist-match persist="session"></therapist-match>`);
    expect(headingText(el)).to.equal('Step 2 of 5: What brings you here?');
    expect(q<HTMLInputElement>(el, 'input[value="low-desire"]')!.checked).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="privacy"]')!.textContent).to.contain('until you close it');

    const startOver = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="start-over"]')!;
    expect(startOver.textContent!.trim()).to.equal('Start over');
    startOver.click();
    await settle(el);
    expect(sessionStorage.getItem('therapist-match')).to.equal(null);
    expect(headingText(el)).to.equal('Step 1 of 4: Who is looking for help?');
    expect(q<HTMLInputElement>(el, 'input[value="individual"]')!.checked).to.equal(true);
    await waitUntil(() => deepActive()?.tagName === 'H2', 'focus not on the first heading', { timeout: 5000 });
    await clickNext(el);
    expect(q<HTMLInputElement>(el, 'input[value="low-desire"]')!.checked).to.equal(false);
  });
});

describe('<therapist-match> Start over and Undo', () => {
  for (const [lang, cleared, undo] of [
    ['en', 'Your answers were cleared.', 'Undo'],
    ['es', 'Se borraron tus respuestas.', 'Deshacer'],
  ])
    it(`offers Undo after Start over, which puts the answers and the step back, until the person answers again (${lang})`, async () => {
      const el = await mount(html`<therapist-match lang=${lang}></therapist-match>`);
      await tick(el, 'input[value="couple"]');
      await clickNext(el);
      await tick(el, 'input[value="low-desire"]');
      const before = headingText(el);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="start-over"]')!.click();
      await settle(el);
      expect(q<HTMLInputElement>(el, 'input[value="individual"]')!.checked, 'the answers were cleared').to.equal(true);
      const status = () =>
        el.shadowRoot!.querySelector('[part~="undo"]')?.closest('[role="status"]')?.textContent ?? '';
      await waitUntil(() => status().includes(cleared), `no "${cleared}"`, { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('[part~="start-over"]'), 'Undo stands in for Start over').to.equal(null);
      const undoButton = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="undo"]')!;
      expect(undoButton.textContent!.trim()).to.equal(undo);

      undoButton.click();
      await settle(el);
      expect(headingText(el)).to.equal(before);
      expect(q<HTMLInputElement>(el, 'input[value="low-desire"]')!.checked).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part~="undo"]')).to.equal(null);

      // Cleared again, then an answer: the chance to undo is gone.
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="start-over"]')!.click();
      await settle(el);
      await tick(el, 'input[value="couple"]');
      expect(el.shadowRoot!.querySelector('[part~="undo"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="start-over"]')).not.to.equal(null);
    });
});

describe('<therapist-match> notes', () => {
  it('suggests a physician only for physical function concerns', async () => {
    const el = await mount(html`<therapist-match steps="concerns"></therapist-match>`);
    const note = () => q(el, '[part~="physician"]');
    await tick(el, 'input[value="low-desire"]');
    expect(note()).to.equal(null);
    await tick(el, 'input[value="orgasm-difficulties"]');
    expect(note()!.textContent).to.contain('seeing a physician too');
    expect(note()!.closest('[aria-live]')).not.to.equal(null);
    await tick(el, 'input[value="orgasm-difficulties"]');
    expect(note()).to.equal(null);
  });

  it('"Not sure yet" clears the concerns; the primary one can be chosen', async () => {
    const el = await mount(html`<therapist-match steps="concerns"></therapist-match>`);
    await tick(el, 'input[value="low-desire"]');
    await tick(el, 'input[value="body-image"]');
    const primary = q<HTMLSelectElement>(el, '#primary')!;
    primary.value = 'body-image';
    primary.dispatchEvent(new Event('change'));
    await settle(el);
    expect(q<HTMLSelectElement>(el, '#primary')!.value).to.equal('body-image');
    await tick(el, 'input[value="not-sure"]');
    expect(q<HTMLInputElement>(el, 'input[value="not-sure"]')!.checked).to.equal(true);
    expect(q<HTMLInputElement>(el, 'input[value="low-desire"]')!.checked).to.equal(false);
  });

  it('shows the safety note and the explainer, both configurable', async () => {
    const el = await mount();
    const safety = el.shadowRoot!.querySelector('[part~="safety"]')!;
    expect(safety.textContent).to.contain('crisis line');
    const explainer = el.shadowRoot!.querySelector('details')!;
    // The summary is always visible: it says the one thing to know before starting.
    expect(explainer.querySelector('summary')!.textContent).to.equal(
      'Sex therapy is talk therapy: there is never physical contact',
    );
    expect(explainer.textContent).to.contain('never physical contact');

    const custom = await mount(
      html`<therapist-match safety-note="Call the clinic line: 555 0100"
        ><span slot="header">Clinic</span></therapist-match
      >`,
    );
    expect(custom.shadowRoot!.querySelector('[part~="safety"]')!.textContent).to.contain('555 0100');
    const slotted = await mount(html`<therapist-match><p slot="safety">Our own crisis line</p></therapist-match>`);
    const slot = slotted.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="safety"]')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Our own crisis line');
  });
});

describe('<therapist-match> presets and steps', () => {
  it('lets a site hide, reorder and preset: a video-only clinic', async () => {
    const el = await mount(
      html`<therapist-match
        steps="practical, concerns"
        .preset=${{ formats: { value: ['telehealth'], importance: 'required' } }}
      ></therapist-match>`,
    );
    expect(headingText(el)).to.equal('Step 1 of 2: Practical matters');
    expect(q<HTMLInputElement>(el, 'input[value="telehealth"]')!.checked).to.equal(true);
    expect(q(el, '#distance'), 'no distance for video only').to.equal(null);
    expect(q(el, '[part~="back"]')).to.equal(null);
    await clickNext(el);
    expect(headingText(el)).to.equal('Step 2 of 2: What brings you here?');
  });

  it('skipping a step clears its answers and moves on', async () => {
    const el = await mount(html`<therapist-match steps="concerns, comfort"></therapist-match>`);
    await tick(el, 'input[value="low-desire"]');
    q<HTMLButtonElement>(el, '[part~="skip"]')!.click();
    await settle(el);
    expect(headingText(el)).to.equal('Step 2 of 2: Who would you feel comfortable with?');
    q<HTMLButtonElement>(el, '[part~="back"]')!.click();
    await settle(el);
    expect(q<HTMLInputElement>(el, 'input[value="low-desire"]')!.checked).to.equal(false);
  });
});

describe('<therapist-match> events', () => {
  it('fires tm-step-change and tm-results without answers by default', async () => {
    const el = await mount(
      html`<therapist-match src="/demo/data/therapists.json" steps="who, practical"></therapist-match>`,
    );
    setTimeout(() => void clickNext(el));
    const step = await oneEvent(el, 'tm-step-change');
    expect(step.detail).to.deep.equal({ step: 'practical', index: 2, count: 2 });
    setTimeout(() => void clickNext(el));
    const shown = await oneEvent(el, 'tm-results-shown');
    expect(shown.detail.count).to.be.greaterThan(0);
    expect(shown.detail.ids.length).to.be.greaterThan(0);
    expect(shown.detail).not.to.have.property('answers');
  });

  it('adds the answers with share-answers', async () => {
    const el = await mount(html`<therapist-match share-answers steps="who, concerns"></therapist-match>`);
    await tick(el, 'input[value="couple"]');
    setTimeout(() => void clickNext(el));
    const step = await oneEvent(el, 'tm-step-change');
    expect(step.detail.answers).to.deep.equal({ seeking: 'couple' });
  });

  it('never fires for properties set by code', async () => {
    const el = await mount(html`<therapist-match></therapist-match>`);
    let fired = 0;
    el.addEventListener('tm-step-change', () => fired++);
    el.steps = ['concerns'];
    el.lang = 'es';
    await settle(el);
    expect(fired).to.equal(0);
  });
});

describe('<therapist-match> changing answers from the results', () => {
  async function atResults(): Promise<[TherapistMatch, ResultsElement]> {
    const el = await mount(
      html`<therapist-match
        src="/demo/data/therapists.json"
        steps="who, practical"
        .preset=${{ formats: { value: ['in-person'], importance: 'required' } }}
      ></therapist-match>`,
    );
    await clickNext(el);
    await clickNext(el);
    const results = el.shadowRoot!.querySelector('tm-results') as ResultsElement;
    await waitUntil(() => results.state === 'ready' && results.result, 'no results', { timeout: 5000 });
    return [el, results];
  }

  it('applies a relaxation from tmi-relax and ranks again', async () => {
    const [el, results] = await atResults();
    expect(results.answers!.formats).to.deep.equal({ value: ['in-person'], importance: 'required' });
    const before = results.result!;
    results.dispatchEvent(
      new CustomEvent('tmi-relax', { detail: { change: { formats: undefined } }, bubbles: true, composed: false }),
    );
    await el.updateComplete;
    await waitUntil(() => results.result !== before && results.state === 'ready', 'not ranked again', {
      timeout: 5000,
    });
    expect(results.answers!.formats).to.equal(undefined);
    expect(results.result!.matched).to.be.greaterThan(before.matched);
    await waitUntil(() => deepActive()?.id === 'results-heading', 'focus not on the results heading', {
      timeout: 5000,
    });
  });

  it('returns to the asked step with tmi-edit, answers kept', async () => {
    const [el, results] = await atResults();
    results.dispatchEvent(new CustomEvent('tmi-edit', { detail: { step: 'practical' }, bubbles: true }));
    await settle(el);
    expect(headingText(el)).to.equal('Step 2 of 2: Practical matters');
    expect(q<HTMLInputElement>(el, 'input[value="in-person"]')!.checked).to.equal(true);
    await waitUntil(() => deepActive()?.tagName === 'H2', 'focus not on the step heading', { timeout: 5000 });
  });

  it('asks the results to retry on tmi-retry', async () => {
    const el = await mount(html`<therapist-match src="/demo/data/nope.json" steps="who"></therapist-match>`);
    await clickNext(el);
    const results = el.shadowRoot!.querySelector('tm-results') as ResultsElement;
    await waitUntil(() => results.state === 'error', 'no error state', { timeout: 5000 });
    results.dispatchEvent(new CustomEvent('tmi-retry', { bubbles: true }));
    await el.updateComplete;
    expect(results.state).to.equal('loading');
    await waitUntil(() => results.state === 'error', 'retry did not end in the error again', { timeout: 5000 });
  });
});

describe('<therapist-match> layout', () => {
  it('puts Next at the inline end in both directions', async () => {
    for (const dir of ['ltr', 'rtl']) {
      const wrapper = await fixture<HTMLElement>(
        html`<div dir=${dir}><therapist-match steps="who, concerns"></therapist-match></div>`,
      );
      const el = wrapper.querySelector('therapist-match')!;
      await settle(el);
      await clickNext(el);
      const back = q(el, '[part~="back"]')!.getBoundingClientRect();
      const next = q(el, '[part~="next"]')!.getBoundingClientRect();
      if (dir === 'ltr') expect(next.left).to.be.greaterThan(back.left);
      else expect(next.left).to.be.lessThan(back.left);
    }
  });

  it('fits 320 px without horizontal scrolling, with targets of at least 24 px', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div class="narrow"><therapist-match steps="comfort"></therapist-match></div>`,
    );
    wrapper.style.setProperty('inline-size', '320px');
    const el = wrapper.querySelector('therapist-match')!;
    await tick(el, 'input[value="woman"]');
    expect(el.scrollWidth).to.be.at.most(320);
    const quiz = quizOf(el);
    expect(quiz.scrollWidth).to.be.at.most(quiz.clientWidth);
    for (const control of quiz.shadowRoot!.querySelectorAll('button, label.choice')) {
      const box = control.getBoundingClientRect();
      expect(box.height, control.textContent!).to.be.at.least(24);
      expect(box.width, control.textContent!).to.be.at.least(24);
    }
    const next = q(el, '[part~="next"]')!.getBoundingClientRect();
    expect(Math.round(next.width)).to.be.greaterThan(200);
  });
});
