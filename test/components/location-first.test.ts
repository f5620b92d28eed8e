// Location first, honestly (issue 13.1): until the person says where they are, a listing seen only
// in person is not presented as a match (it could be in another city or country), the results say
// why, and one button opens the step that asks. English and Spanish, the real widget and demo data.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch, TmQuiz } from '../../src/index.js';
import { resultsOf, showAll, toResults } from './therapist-match-helpers.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const quizOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-quiz') as TmQuiz | null;

const WORDS = {
  en: {
    waiting: /^(\d+) see people only in person: give your postal code or city to include those near you$/,
    button: (n: number) => `Say where you are: ${n} more in person`,
    practical: /: Practical matters$/,
  },
  es: {
    waiting: /^(\d+) atienden solo en persona: indica tu código postal o ciudad para incluir a quienes estén cerca$/,
    button: (n: number) => `Di dónde estás: ${n} más en persona`,
    practical: /: Aspectos prácticos$/,
  },
};

describe('location first, honestly', () => {
  for (const lang of ['en', 'es'] as const) {
    const w = WORDS[lang];
    it(`shows no in-person-only listing before the place is known, says why, and asks for it (${lang})`, async () => {
      const el = await fixture<TherapistMatch>(
        html`<therapist-match src="/demo/data/therapists.json" lang=${lang} limit="100"></therapist-match>`,
      );
      const results = await toResults(el);
      if (lang === 'es')
        await waitUntil(
          () => /terapeuta/.test(text(results.shadowRoot!.querySelector('[part~="count"]'))),
          'no Spanish',
          {
            timeout: 5000,
          },
        );
      const result = results.result!;
      expect(result.matches.length).to.be.above(0);
      expect(result.matches.every((m) => m.therapist.formats.includes('telehealth'))).to.equal(true);

      const line = [...results.shadowRoot!.querySelectorAll('[part="exclusions"] li')]
        .map(text)
        .find((l) => w.waiting.test(l));
      expect(line, 'the line saying why').to.not.equal(undefined);
      const waiting = Number(w.waiting.exec(line!)![1]);
      expect(waiting).to.be.above(0);
      const button = [...results.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="relaxation"]')].find(
        (b) => text(b) === w.button(waiting),
      );
      expect(button, 'the button that asks where').to.not.equal(undefined);

      button!.click();
      await el.updateComplete;
      await waitUntil(() => w.practical.test(text(quizOf(el)?.shadowRoot?.querySelector('h2'))), 'no practical step', {
        timeout: 5000,
      });
      const place = quizOf(el)!.shadowRoot!.querySelector<HTMLInputElement>('#place')!;
      place.value = 'Portland';
      place.dispatchEvent(new Event('input'));
      place.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const again = await toResults(el);
      await showAll(again);
      // With a place, in-person-only offices within reach are matches again.
      expect(again.result!.matches.some((m) => !m.therapist.formats.includes('telehealth'))).to.equal(true);
      expect(resultsOf(el)).to.equal(again);
    });
  }
});
