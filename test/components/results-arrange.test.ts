// <tm-results> on a phone and at a glance (issue 13.7): ten cards at a time with "Show more", sort
// and quick filters that re-order the ranked list without asking again, and "Change answers" that
// opens the step the person chooses. English and Spanish, real records through the real ranker.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { TmResults } from '../../src/components/results/results.js';
import type { MatchAnswers } from '../../src/engine/answers.js';
import type { RankResult } from '../../src/engine/types.js';
import { rankTherapists } from '../../src/engine/rank.js';
import { parseTherapists } from '../../src/engine/schema.js';
import { generateTherapists } from '../../demo/sample/generate.js';
import { cardsIn, expectAccessible, textOf } from './results-fixtures.js';
import { deepActive } from './quiz-helpers.js';
import { directory, record } from '../engine/records.js';

const $ = (root: Element, selector: string) => root.shadowRoot!.querySelector(selector);
const $$ = (root: Element, selector: string) => [...root.shadowRoot!.querySelectorAll(selector)];
const names = (el: TmResults) => cardsIn(el).map((card) => card.match!.therapist.name);

const sample = parseTherapists(generateTherapists(300, 11)).therapists;
const answers: MatchAnswers = {
  seeking: 'individual',
  concerns: { primary: 'low-desire' },
  location: { lat: 45.5152, lng: -122.6784, jurisdiction: 'US-OR' },
};
const result: RankResult = rankTherapists(sample, answers, { limit: 25 });

const WORDS = {
  en: {
    more: /^Show 10 more$/,
    lastMore: 'Show 5 more',
    sort: 'Sort by',
    options: ['Best fit', 'Nearest', 'Lowest fee'],
    filters: ['Accepting new clients', 'Video sessions', 'In person', 'Sliding scale'],
    showing: (kept: number, shown: number) =>
      `${kept} of these 25 ${kept === 1 ? 'fits' : 'fit'} your filters; showing ${shown}.`,
    edit: 'Change answers',
    steps: ['Who is looking for help?', 'What brings you here?', 'Practical matters'],
  },
  es: {
    more: /^Mostrar 10 más$/,
    lastMore: 'Mostrar 5 más',
    sort: 'Ordenar por',
    options: ['Mejor coincidencia', 'Más cerca', 'Tarifa más baja'],
    filters: ['Aceptan nuevos clientes', 'Sesiones por vídeo', 'En persona', 'Tarifa según ingresos'],
    showing: (kept: number, shown: number) =>
      `${kept} de estos 25 ${kept === 1 ? 'encaja' : 'encajan'} con tus filtros; se muestran ${shown}.`,
    edit: 'Cambiar respuestas',
    steps: ['¿Quién busca ayuda?', '¿Qué te trae aquí?', 'Aspectos prácticos'],
  },
};

async function shown(lang: 'en' | 'es', steps?: string[]): Promise<TmResults> {
  const el = await fixture<TmResults>(
    html`<tm-results .result=${result} .steps=${steps} state="ready" lang=${lang}></tm-results>`,
  );
  if (lang === 'es')
    await waitUntil(() => textOf($(el, '[part~="count"]')).includes('terapeutas'), 'no Spanish', { timeout: 5000 });
  return el;
}

describe('<tm-results> sort, filters and pages', () => {
  before(() => {
    // The fixture needs more than two pages, some in person with a distance, some with fees.
    expect(result.matches).to.have.length(25);
  });

  for (const lang of ['en', 'es'] as const) {
    const w = WORDS[lang];

    it(`shows 10 cards, then 10 more, then the last 5, moving focus to the first new one (${lang})`, async () => {
      const el = await shown(lang);
      expect(cardsIn(el)).to.have.length(10);
      expect(names(el)).to.deep.equal(result.matches.slice(0, 10).map((m) => m.therapist.name));
      const more = () => $(el, '[part~="more"]') as HTMLButtonElement | null;
      expect(textOf(more())).to.match(w.more);
      more()!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(cardsIn(el)).to.have.length(20);
      expect(deepActive()).to.equal($$(el, 'ol[part="list"] > li')[10]);
      expect(textOf(more())).to.equal(w.lastMore);
      more()!.click();
      await el.updateComplete;
      expect(names(el)).to.deep.equal(result.matches.map((m) => m.therapist.name));
      expect(more()).to.equal(null);
    });

    it(`sorts by distance or fee without asking again, the ranking order breaking ties (${lang})`, async () => {
      const el = await shown(lang);
      const select = $(el, '[part="tools"] select') as HTMLSelectElement;
      expect(textOf(select.closest('label'))).to.match(new RegExp(`^${w.sort}`));
      expect([...select.options].map(textOf)).to.deep.equal(w.options);
      select.value = 'nearest';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const km = cardsIn(el).map((card) => card.match!.distanceKm ?? Infinity);
      expect(km).to.deep.equal([...km].sort((a, b) => a - b));
      expect(km[0]).to.be.lessThan(Infinity);
      // The card shows the nearest distance in words too.
      const nearest = Math.min(...result.matches.map((m) => m.distanceKm ?? Infinity));
      expect(cardsIn(el)[0].match!.distanceKm).to.equal(nearest);

      select.value = 'fee';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const fees = cardsIn(el).map((card) => card.match!.therapist.fees?.min ?? Infinity);
      expect(fees).to.deep.equal([...fees].sort((a, b) => a - b));
      expect(fees[0]).to.equal(Math.min(...result.matches.map((m) => m.therapist.fees?.min ?? Infinity)));

      select.value = 'fit';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(names(el)).to.deep.equal(result.matches.slice(0, 10).map((m) => m.therapist.name));
    });

    it(`filters to what a listing states, says how many fit, and clears again (${lang})`, async () => {
      const el = await shown(lang);
      const boxes = $$(el, '[part="tools"] fieldset input[type="checkbox"]') as HTMLInputElement[];
      expect(boxes.map((box) => textOf(box.closest('label')))).to.deep.equal(w.filters);
      const showing = () => textOf($(el, '.summary > p.muted'));

      boxes[3].focus();
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      const sliding = result.matches.filter((m) => m.therapist.fees?.slidingScale === true);
      expect(sliding.length).to.be.within(1, 24);
      expect(names(el)).to.deep.equal(sliding.slice(0, 10).map((m) => m.therapist.name));
      expect(showing()).to.equal(w.showing(sliding.length, Math.min(10, sliding.length)));

      boxes[0].click();
      await el.updateComplete;
      const both = sliding.filter((m) => m.therapist.acceptingNewClients === true);
      expect(names(el)).to.deep.equal(both.slice(0, 10).map((m) => m.therapist.name));
      expect(cardsIn(el).every((card) => card.match!.therapist.acceptingNewClients === true)).to.equal(true);

      boxes[0].click();
      boxes[3].click();
      await el.updateComplete;
      expect(cardsIn(el)).to.have.length(10);
      expect(showing()).not.to.contain(lang === 'en' ? 'filters' : 'filtros');

      boxes[1].click();
      await el.updateComplete;
      expect(
        cardsIn(el).every(
          (card) => card.match!.therapist.formats.includes('telehealth') && card.match!.telehealthEligible !== false,
        ),
      ).to.equal(true);
    });

    it(`"Change answers" opens the steps and sends the one chosen (${lang})`, async () => {
      const el = await shown(lang, ['who', 'concerns', 'practical']);
      const edit = $(el, '[part~="edit"]') as HTMLButtonElement;
      expect(textOf(edit)).to.equal(w.edit);
      expect(edit.getAttribute('aria-expanded')).to.equal('false');
      edit.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(edit.getAttribute('aria-expanded')).to.equal('true');
      const steps = $$(el, '#edit-steps button') as HTMLButtonElement[];
      expect(steps.map(textOf)).to.deep.equal(w.steps);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(steps[2]);
      const editing = oneEvent(el, 'tmi-edit');
      await sendKeys({ press: 'Enter' });
      expect((await editing).detail).to.deep.equal({ step: 'practical' });
    });
  }

  describe('"Lowest fee" never compares amounts across currencies', () => {
    const fee = (id: string, currency: string | undefined, min: number) =>
      record(id, { name: id, fees: currency ? { currency, min } : undefined });
    const mixed = directory(
      fee('usd-150', 'USD', 150),
      fee('cad-90', 'CAD', 90),
      fee('usd-100', 'USD', 100),
      fee('eur-80', 'EUR', 80),
      fee('none', undefined, 0),
      fee('usd-120', 'USD', 120),
    );
    const line = {
      en: (first: string, others: string) => `Lowest fee first in ${first}; fees in ${others} follow, not compared.`,
      es: (first: string, others: string) =>
        `Tarifa más baja primero en ${first}; las tarifas en ${others} van después, sin compararlas.`,
    };
    const sortByFee = async (el: TmResults) => {
      const select = $(el, '[part="tools"] select') as HTMLSelectElement;
      select.value = 'fee';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    for (const lang of ['en', 'es'] as const) {
      it(`orders the fees in the most common currency, then the others grouped, and says so (${lang})`, async () => {
        const mixedResult = rankTherapists(mixed, { seeking: 'individual' });
        const el = await fixture<TmResults>(
          html`<tm-results .result=${mixedResult} state="ready" lang=${lang}></tm-results>`,
        );
        if (lang === 'es')
          await waitUntil(() => textOf($(el, '[part~="count"]')).includes('terapeutas'), 'no Spanish', {
            timeout: 5000,
          });
        expect($(el, '[part="currencies"]')).to.equal(null);
        await sortByFee(el);
        // 80 EUR and 90 CAD are not "lower" than 100 USD: they follow, each currency on its own.
        expect(names(el)).to.deep.equal(['usd-100', 'usd-120', 'usd-150', 'cad-90', 'eur-80', 'none']);
        expect(textOf($(el, '[part="currencies"]'))).to.equal(
          line[lang]('USD', lang === 'en' ? 'CAD and EUR' : 'CAD y EUR'),
        );
      });

      it(`puts the currency of the person's budget first (${lang})`, async () => {
        const answers: MatchAnswers = {
          seeking: 'individual',
          budget: { value: { max: 200, currency: 'CAD' }, importance: 'preferred' },
        };
        const cadResult = rankTherapists(mixed, answers);
        const el = await fixture<TmResults>(
          html`<tm-results .result=${cadResult} .answers=${answers} state="ready" lang=${lang}></tm-results>`,
        );
        if (lang === 'es')
          await waitUntil(() => textOf($(el, '[part~="count"]')).includes('terapeutas'), 'no Spanish', {
            timeout: 5000,
          });
        await sortByFee(el);
        expect(names(el)).to.deep.equal(['cad-90', 'eur-80', 'usd-100', 'usd-120', 'usd-150', 'none']);
        expect(textOf($(el, '[part="currencies"]'))).to.equal(
          line[lang]('CAD', lang === 'en' ? 'EUR and USD' : 'EUR y USD'),
        );
      });
    }
  });

  it('is accessible with the tools and the steps open (axe, WCAG 2.2 AA)', async () => {
    const el = await shown('en', ['who', 'practical']);
    ($(el, '[part~="edit"]') as HTMLButtonElement).click();
    await el.updateComplete;
    await expectAccessible(el);
  });
});
