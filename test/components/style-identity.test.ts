// Therapy style and the therapist's own background in the widget (issue 14.1, 14.2), in English and
// Spanish: the comfort step's link to the style questions, the optional style step a site lists,
// the faith / culture / identity choices with how much they matter, and what the results say.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import { arraySource } from '../../src/sources/array.js';
import { cardsIn, expectAccessible, textOf, therapist } from './results-fixtures.js';
import { deepActive, press, tabTo } from './quiz-helpers.js';
import { quizOf, settle, stepHeading, toResults } from './therapist-match-helpers.js';

const plain = { faith: undefined, culturalBackground: undefined, identities: undefined, therapyStyle: undefined };
const records = [
  therapist({
    ...plain,
    id: 'a',
    name: 'Alex Same',
    identities: ['LGBTQ+'],
    therapyStyle: { lead: 'therapist', intensity: 'gentle' },
  }),
  therapist({
    ...plain,
    id: 'b',
    name: 'Blake Other',
    identities: ['lgbtq'],
    therapyStyle: { lead: 'client', intensity: 'intense' },
  }),
  therapist({ ...plain, id: 'c', name: 'Casey Unstated' }),
];

const WORDS = {
  en: {
    comfort: 'Step 1 of 1: Who would you feel comfortable with?',
    styleStep: 'Step 2 of 2: How would you like therapy to feel?',
    link: 'Tell us how you like therapy to feel',
    background: 'The therapist’s own faith, culture and identity',
    lead: 'The therapist leads, with structure and suggestions',
    gentle: 'Gentle, at a calm pace',
    lgbtq: 'LGBTQ+',
    required: 'Must have',
    none: 'No preference',
    excluded: '1 does not meet your requirement for Therapist’s identity (LGBTQ+)',
    same: [
      '✓ Met: Therapist’s identity: you would like LGBTQ+; this therapist: LGBTQ+',
      '✓ Met: Therapy style: you would like the therapist leading and gentle sessions; this therapist describes their style as the therapist leading and gentle sessions',
    ],
    other:
      '✗ Not met: Therapy style: you would like the therapist leading and gentle sessions; this therapist describes their style as you leading and emotionally intense sessions',
  },
  es: {
    comfort: 'Paso 1 de 1: ¿Con quién te sentirías a gusto?',
    styleStep: 'Paso 2 de 2: ¿Cómo te gustaría que fuera la terapia?',
    link: 'Cuéntanos cómo te gustaría que fuera la terapia',
    background: 'Fe, cultura e identidad del propio terapeuta',
    lead: 'Dirige el terapeuta, con estructura y propuestas',
    gentle: 'Suaves, a un ritmo tranquilo',
    lgbtq: 'LGBTQ+',
    required: 'Imprescindible',
    none: 'Me da igual',
    excluded: '1 no cumple tu requisito de Identidad del terapeuta (LGBTQ+)',
    same: [
      '✓ Se cumple: Identidad del terapeuta: prefieres: LGBTQ+; en esta ficha: LGBTQ+',
      '✓ Se cumple: Estilo de terapia: prefieres: que dirija el terapeuta y sesiones suaves; esta ficha describe su estilo así: que dirija el terapeuta y sesiones suaves',
    ],
    other:
      '✗ No se cumple: Estilo de terapia: prefieres: que dirija el terapeuta y sesiones suaves; esta ficha describe su estilo así: dirigir tú y sesiones emocionalmente intensas',
  },
};

const root = (el: TherapistMatch) => quizOf(el)!.shadowRoot!;
/** The `<details>` whose summary reads `text`. */
const disclosure = (el: TherapistMatch, text: string) =>
  [...root(el).querySelectorAll('details')].find((d) => textOf(d.querySelector('summary')) === text);
/** The control whose label reads `text`, within `scope`. */
const control = (scope: ParentNode, text: string) =>
  [...scope.querySelectorAll('label')].find((l) => textOf(l) === text)?.querySelector('input');
const reasons = (card: Element) =>
  [...card.shadowRoot!.querySelectorAll('[part="reasons"] li')].map((li) => textOf(li));
const name = (card: Element) => textOf(card.shadowRoot!.querySelector('h3'));

async function mount(lang: 'en' | 'es', steps: string) {
  const el = await fixture<TherapistMatch>(
    html`<therapist-match steps=${steps} seed="off" lang=${lang} .source=${arraySource(records)}></therapist-match>`,
  );
  await waitUntil(() => root(el)?.querySelector('fieldset'), 'the step never showed', { timeout: 5000 });
  await waitUntil(() => stepHeading(el).startsWith(lang === 'es' ? 'Paso' : 'Step'), 'the language', {
    timeout: 5000,
  });
  return el;
}

async function click(el: TherapistMatch, input: HTMLElement | null | undefined, what: string) {
  expect(input, what).to.be.instanceOf(HTMLElement);
  input!.click();
  await settle(el);
}

for (const lang of ['en', 'es'] as const)
  describe(`therapy style and the therapist’s background (${lang})`, () => {
    const w = WORDS[lang];

    it('asks the style behind a link on the comfort step, and the background with how much it matters; the results explain both', async () => {
      const el = await mount(lang, 'comfort');
      expect(stepHeading(el)).to.equal(w.comfort);
      const style = disclosure(el, w.link)!;
      const background = disclosure(el, w.background)!;
      expect(style, 'the style link').to.be.instanceOf(HTMLDetailsElement);
      expect(background, 'the background disclosure').to.be.instanceOf(HTMLDetailsElement);
      expect(style.open).to.equal(false);
      expect(background.open).to.equal(false);
      style.querySelector('summary')!.click();
      background.querySelector('summary')!.click();
      await settle(el);
      // Each question has "No preference", chosen until the person picks.
      const nones = [...style.querySelectorAll('label')].filter((l) => textOf(l) === w.none);
      expect(nones).to.have.length(4);
      expect(nones.every((l) => l.querySelector('input')!.checked)).to.equal(true);
      await click(el, control(disclosure(el, w.link)!, w.lead), 'lead');
      await click(el, control(disclosure(el, w.link)!, w.gentle), 'gentle');
      expect(quizOf(el)!.answers.therapyStyle).to.deep.equal({ lead: 'therapist', intensity: 'gentle' });
      await click(el, control(disclosure(el, w.background)!, w.lgbtq), 'LGBTQ+');
      await click(el, control(disclosure(el, w.background)!, w.required), 'must have');
      expect(quizOf(el)!.answers.preferences?.therapistIdentity).to.deep.equal({
        value: ['lgbtq'],
        importance: 'required',
      });
      // With both disclosures open the step is long, and its sticky Back/Next row covers whatever
      // lies at the bottom of a short window (axe counts that as a target too close): check it
      // in a window tall enough to show the whole step.
      await setViewport({ width: 800, height: 2800 });
      try {
        await expectAccessible(quizOf(el)!);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }

      const results = await toResults(el);
      const cards = cardsIn(results);
      await waitUntil(() => reasons(cards[0]).some((r) => r.includes(w.same[1].slice(3, 20))), 'reasons in language', {
        timeout: 5000,
      });
      // A requirement leaves out the listing that does not state it, and says so; style never does.
      expect(cards.map(name)).to.deep.equal(['Alex Same', 'Blake Other']);
      expect(textOf(results.shadowRoot!.querySelector('[part="exclusions"]'))).to.contain(w.excluded);
      for (const line of w.same) expect(reasons(cards[0])).to.include(line);
      expect(reasons(cards[1])).to.include(w.other);
      await expectAccessible(cards[0]);
    });

    it('asks the style on its own step when the site lists it, and Skip clears it', async () => {
      const el = await mount(lang, 'comfort, style');
      // The comfort step leaves the style to its own step.
      expect(disclosure(el, w.link)).to.equal(undefined);
      await click(el, root(el).querySelector<HTMLButtonElement>('button[type="submit"]'), 'Next');
      expect(stepHeading(el)).to.equal(w.styleStep);
      expect(root(el).querySelectorAll('fieldset')).to.have.length(4);
      await click(el, control(root(el), w.gentle), 'gentle');
      expect(quizOf(el)!.answers.therapyStyle).to.deep.equal({ intensity: 'gentle' });
      await click(
        el,
        control(root(el), w.gentle)!.closest('fieldset')!.querySelector('input[value=""]') as HTMLElement,
        'no preference',
      );
      expect(quizOf(el)!.answers.therapyStyle).to.equal(undefined);
      await click(el, control(root(el), w.lead), 'lead');
      await expectAccessible(quizOf(el)!);
      await click(el, root(el).querySelector<HTMLButtonElement>('[part~="skip"]'), 'Skip');
      const results = await toResults(el);
      const reason = reasons(cardsIn(results)[0]).join('\n');
      // Skipped: nothing about style was asked, so nothing is scored.
      expect(reason).to.not.contain(lang === 'es' ? 'prefieres: que dirija' : 'you would like the therapist leading');
    });

    it('works from the keyboard: Enter opens the link, arrow keys pick a pole', async () => {
      const el = await mount(lang, 'comfort');
      const summary = await tabTo((e) => e.tagName === 'SUMMARY' && textOf(e) === w.link, 'the style link');
      await press('Enter');
      await settle(el);
      expect((summary.parentElement as HTMLDetailsElement).open).to.equal(true);
      // Tab reaches the checked "No preference" of the first question; ArrowUp picks the pole above it.
      await tabTo((e) => e instanceof HTMLInputElement && e.name === 'style-lead' && e.checked, 'the first question');
      await press('ArrowUp');
      await settle(el);
      expect(quizOf(el)!.answers.therapyStyle).to.deep.equal({ lead: 'client' });
      expect((deepActive() as HTMLInputElement).value).to.equal('client');
    });
  });
