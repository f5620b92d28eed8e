// The concerns step on a phone (issue 13.7 and 13.8): the most common concerns first and the rest
// behind "More concerns", Next within reach without scrolling the list, the pain note saying who
// looks after the body, and a site's own line for a topic. English and Spanish, at 375 × 667 px.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { TherapistMatch, TmQuiz } from '../../src/index.js';
import { expectNoWcagViolations } from './quiz-helpers.js';

const quizOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-quiz') as TmQuiz;
const q = <T extends Element = HTMLElement>(el: TherapistMatch, selector: string) =>
  quizOf(el).shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const WORDS = {
  en: {
    heading: 'Step 1 of 1: What brings you here?',
    common: 'Most common',
    more: 'More concerns (15)',
    pain: 'For pain, a physician or a pelvic-floor physiotherapist looks after the body. A sex therapist talks with you and never examines you.',
    help: 'If this is recent, the sexual assault hotline is there day and night: 800 555 0100.',
  },
  es: {
    heading: 'Paso 1 de 1: ¿Qué te trae aquí?',
    common: 'Las más habituales',
    more: 'Más motivos (15)',
    pain: 'Para el dolor, un médico o un fisioterapeuta de suelo pélvico se ocupa del cuerpo. Un terapeuta sexual habla contigo y nunca te examina.',
    help: 'Si es reciente, la línea de atención a víctimas de agresión sexual atiende día y noche: 800 555 0100.',
  },
};

async function concerns(lang: 'en' | 'es'): Promise<TherapistMatch> {
  const w = WORDS[lang];
  const el = await fixture<TherapistMatch>(
    html`<therapist-match
      steps="concerns"
      lang=${lang}
      .strings=${{ 'quiz.concerns.help.sexual-trauma': w.help }}
    ></therapist-match>`,
  );
  await waitUntil(() => text(q(el, 'h2')) === w.heading, 'the concerns step never showed', { timeout: 5000 });
  return el;
}

async function tick(el: TherapistMatch, id: string): Promise<void> {
  q<HTMLInputElement>(el, `input[value="${id}"]`)!.click();
  await el.updateComplete;
  await quizOf(el).updateComplete;
}

describe('the concerns step on a phone', () => {
  before(() => setViewport({ width: 375, height: 667 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['en', 'es'] as const) {
    const w = WORDS[lang];

    it(`shows the common concerns first and the rest behind a disclosure, within two screens (${lang})`, async () => {
      const el = await concerns(lang);
      const groups = [...quizOf(el).shadowRoot!.querySelectorAll('fieldset.group')];
      expect(text(groups[0].querySelector('legend'))).to.equal(w.common);
      expect(groups[0].querySelectorAll('input[type="checkbox"]')).to.have.length(8);
      const more = q<HTMLDetailsElement>(el, '[part~="more-concerns"]')!;
      expect(text(more.querySelector('summary'))).to.equal(w.more);
      expect(more.open).to.equal(false);
      expect(q(el, 'input[value="body-image"]')!.checkVisibility()).to.equal(false);
      expect(el.getBoundingClientRect().height).to.be.below(2 * 667);

      // Opening it shows the rest, grouped; a concern ticked there keeps it open.
      more.querySelector('summary')!.click();
      await waitUntil(() => more.open);
      expect(q(el, 'input[value="body-image"]')!.checkVisibility()).to.equal(true);
      await tick(el, 'body-image');
      expect(q<HTMLDetailsElement>(el, '[part~="more-concerns"]')!.open).to.equal(true);
    });

    it(`keeps Next on screen while the list scrolls (${lang})`, async () => {
      const el = await concerns(lang);
      const more = q<HTMLDetailsElement>(el, '[part~="more-concerns"]')!;
      more.open = true;
      await quizOf(el).updateComplete;
      // The whole list is taller than the screen; at the top of the step, Next is still visible.
      expect(el.getBoundingClientRect().height).to.be.above(667);
      el.scrollIntoView({ block: 'start' });
      const next = q<HTMLButtonElement>(el, 'button[type="submit"]')!;
      const box = next.getBoundingClientRect();
      expect(box.top).to.be.at.least(0);
      expect(box.bottom).to.be.at.most(667 + 1);
      window.scrollTo(0, 0);
    });

    it(`says who looks after the body for pain, and shows a site's line for a topic (${lang})`, async () => {
      const el = await concerns(lang);
      await tick(el, 'pain-with-sex');
      expect(text(q(el, '[part~="concern"]'))).to.equal(w.pain);
      expect(q(el, '[part~="help"]')).to.equal(null);
      q<HTMLDetailsElement>(el, '[part~="more-concerns"]')!.open = true;
      await tick(el, 'sexual-trauma');
      expect(text(q(el, '[part~="help"]'))).to.equal(w.help);
      await expectNoWcagViolations(el);
    });
  }
});

describe('choosing "Adolescent"', () => {
  const NOTE = {
    en: /^For someone aged 13 to 17, a parent or guardian usually arranges therapy and gives consent/,
    es: /^Para alguien de 13 a 17 años, normalmente un padre, una madre o un tutor organiza la terapia/,
  };
  for (const lang of ['en', 'es'] as const)
    it(`says on the next step that a parent or guardian usually arranges and consents (${lang})`, async () => {
      const el = await fixture<TherapistMatch>(html`<therapist-match lang=${lang}></therapist-match>`);
      await quizOf(el).updateComplete;
      await tick(el, 'adolescent');
      q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await el.updateComplete;
      await waitUntil(() => q(el, 'input[value="low-desire"]'), 'no concerns step', { timeout: 5000 });
      await waitUntil(() => NOTE[lang].test(text(q(el, '[part~="adolescent"]'))), 'no note', { timeout: 5000 });
      // Not for adults.
      const adult = await fixture<TherapistMatch>(html`<therapist-match lang=${lang}></therapist-match>`);
      await quizOf(adult).updateComplete;
      await tick(adult, 'adult');
      q<HTMLButtonElement>(adult, 'button[type="submit"]')!.click();
      await adult.updateComplete;
      await waitUntil(() => q(adult, 'input[value="low-desire"]'), 'no concerns step', { timeout: 5000 });
      expect(q(adult, '[part~="adolescent"]')).to.equal(null);
    });
});
