// The practical step in the reader's words (issue 13.5): distance choices in the unit the results
// use (miles in US English, kilometres in Spanish), states and provinces by name, and a chosen
// distance read back the same way on the cards. English and Spanish, the real widget and demo data.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch, TmQuiz } from '../../src/index.js';
import { toResults } from './therapist-match-helpers.js';

const quizOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-quiz') as TmQuiz;
const q = <T extends Element = HTMLElement>(el: TherapistMatch, selector: string) =>
  quizOf(el).shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function practical(lang: string): Promise<TherapistMatch> {
  const el = await fixture<TherapistMatch>(
    html`<therapist-match src="/demo/data/therapists.json" lang=${lang} steps="practical"></therapist-match>`,
  );
  await waitUntil(() => quizOf(el)?.places.length > 0, 'no places from the directory', { timeout: 5000 });
  await quizOf(el).updateComplete;
  if (lang === 'es') await waitUntil(() => /Aspectos/.test(text(q(el, 'h2'))), 'no Spanish', { timeout: 5000 });
  return el;
}

async function choose(el: TherapistMatch, selector: string, value: string): Promise<void> {
  const select = q<HTMLSelectElement>(el, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
  await quizOf(el).updateComplete;
}

const CASES = {
  en: {
    distances: ['10 mi', '25 mi', '50 mi', '100 mi', '250 mi'],
    withDefault: ['10 mi', '25 mi', '31 mi', '50 mi', '100 mi', '250 mi'],
    selected: '31 mi',
    oregon: 'Oregon',
    bc: 'British Columbia',
    unit: 'mi',
  },
  es: {
    distances: ['10 km', '25 km', '50 km', '100 km', '250 km'],
    withDefault: ['10 km', '25 km', '50 km', '100 km', '250 km'],
    selected: '50 km',
    oregon: 'Oregón',
    bc: 'Columbia Británica',
    unit: 'km',
  },
};

describe('the practical step in the reader’s words', () => {
  for (const lang of ['en', 'es'] as const) {
    const c = CASES[lang];
    it(`offers distances in the unit the results use and states by name (${lang})`, async () => {
      const el = await practical(lang);
      const select = q<HTMLSelectElement>(el, '#distance')!;
      const distances = [...select.options].slice(1).map(text);
      // The widget's default limit (50 km) stays selected, written in the same unit.
      expect(distances).to.deep.equal(c.withDefault);
      expect(text(select.selectedOptions[0])).to.equal(c.selected);
      const regions = [...q<HTMLSelectElement>(el, '#region')!.options].map(text);
      expect(regions).to.include(c.oregon);
      expect(regions).to.include(c.bc);
      expect(regions.some((name) => /^[A-Z]{2}-[A-Z]{2}$/.test(name))).to.equal(false);
    });

    it(`reads a chosen distance back in the same unit on the results (${lang})`, async () => {
      const el = await practical(lang);
      const place = q<HTMLInputElement>(el, '#place')!;
      place.value = 'Portland';
      place.dispatchEvent(new Event('input'));
      place.dispatchEvent(new Event('change'));
      await quizOf(el).updateComplete;
      const option = [...q<HTMLSelectElement>(el, '#distance')!.options].find((o) => text(o) === c.distances[2])!;
      await choose(el, '#distance', option.value);
      const results = await toResults(el);
      const excluded = [...results.shadowRoot!.querySelectorAll('[part="exclusions"] li')].map(text);
      // "farther than 50 mi" / "a más de 50 km": the limit in the words the quiz offered it.
      expect(
        excluded.some((line) => line.endsWith(` ${c.distances[2]}`)),
        excluded.join('\n'),
      ).to.equal(true);
    });
  }
});
