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
    first: /^Step 1 of \d: Who is looking for help\?$/,
    where: 'Where are you?',
    place: 'Postal code, city, state or country',
    video: 'Video sessions only',
    using: /^Using: Portland/,
    oregon: 'Oregon',
    notFound: 'We could not find “Atlantis”. Try another postal code or choose your state or province.',
  },
  es: {
    waiting: /^(\d+) atienden solo en persona: indica tu código postal o ciudad para incluir a quienes estén cerca$/,
    button: (n: number) => `Di dónde estás: ${n} más en persona`,
    first: /^Paso 1 de \d: ¿Quién busca ayuda\?$/,
    where: '¿Dónde estás?',
    place: 'Código postal, ciudad, estado o país',
    video: 'Solo sesiones por vídeo',
    using: /^Usando: Portland/,
    oregon: 'Oregón',
    notFound: '',
  },
};

/** The widget on the sample directory, in `lang`, once its first step is on screen. */
async function firstStep(lang: keyof typeof WORDS) {
  const el = await fixture<TherapistMatch>(
    html`<therapist-match src="/demo/data/therapists.json" lang=${lang} limit="100"></therapist-match>`,
  );
  await el.updateComplete;
  const quiz = quizOf(el)!;
  await quiz.updateComplete;
  const root = quiz.shadowRoot!;
  await waitUntil(() => WORDS[lang].first.test(text(root.querySelector('h2'))), 'no first step', { timeout: 5000 });
  return { el, quiz, root };
}

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
      // It opens the first step, where the place is asked.
      await waitUntil(() => w.first.test(text(quizOf(el)?.shadowRoot?.querySelector('h2'))), 'no first step', {
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

    it(`asks where the person is on the first step, and a postal code or city brings offices near them (${lang})`, async () => {
      const { el, quiz, root } = await firstStep(lang);
      // The first thing asked, before any concern: a labelled field and "video only".
      const where = root.querySelector('fieldset[part~="where"]')!;
      expect(text(where.querySelector('legend'))).to.equal(w.where);
      const place = where.querySelector<HTMLInputElement>('#place')!;
      expect(text(where.querySelector('label[for="place"]'))).to.equal(w.place);
      expect(place.getAttribute('autocomplete')).to.equal('postal-code');
      expect(text(where.querySelector('label.choice'))).to.equal(w.video);

      place.focus();
      place.value = 'Portland';
      place.dispatchEvent(new Event('input'));
      // Typing starts the answering: the code that finds the place loads meanwhile.
      await waitUntil(() => quiz.places.length > 0, 'the places never arrived', { timeout: 5000 });
      place.dispatchEvent(new Event('change'));
      await quiz.updateComplete;
      expect(text(root.querySelector('#place-status'))).to.match(w.using);
      const results = await toResults(el);
      const inPerson = results.result!.matches.filter((m) => !m.therapist.formats.includes('telehealth'));
      expect(inPerson.length, 'offices near Portland').to.be.above(0);
      expect(inPerson.every((m) => typeof m.distanceKm === 'number')).to.equal(true);
      expect(
        results.result!.exclusions.some((e) => e.criterion === 'distance' && e.details?.location === 'unknown'),
      ).to.equal(false);
    });

    it(`"video only, I'm in ${w.oregon}": video listings licensed there, no distance from a state's middle (${lang})`, async () => {
      const { el, quiz, root } = await firstStep(lang);
      root.querySelector<HTMLInputElement>('fieldset[part~="where"] input[type="checkbox"]')!.click();
      const place = root.querySelector<HTMLInputElement>('#place')!;
      place.value = w.oregon;
      place.dispatchEvent(new Event('input'));
      await waitUntil(() => quiz.places.length > 0, 'the places never arrived', { timeout: 5000 });
      place.dispatchEvent(new Event('change'));
      await quiz.updateComplete;
      expect(quiz.answers.location).to.deep.include({ jurisdiction: 'US-OR' });
      expect(quiz.answers.location!.lat).to.equal(undefined);
      const results = await toResults(el);
      const matches = results.result!.matches;
      expect(matches.length).to.be.above(0);
      expect(
        matches.every((m) => m.therapist.formats.includes('telehealth') && m.telehealthEligible === true),
      ).to.equal(true);
      expect(matches.every((m) => m.distanceKm === undefined)).to.equal(true);
    });
  }

  it('keeps the person on the first step when the place cannot be found, saying so by the field', async () => {
    const el = await fixture<TherapistMatch>(
      html`<therapist-match src="/demo/data/therapists.json" lang="en"></therapist-match>`,
    );
    await el.updateComplete;
    const quiz = quizOf(el)!;
    await quiz.updateComplete;
    const root = quiz.shadowRoot!;
    const place = root.querySelector<HTMLInputElement>('#place')!;
    place.value = 'Atlantis';
    place.dispatchEvent(new Event('input'));
    await waitUntil(() => quiz.places.length > 0, 'the places never arrived', { timeout: 5000 });
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await quiz.updateComplete;
    expect(quiz.step).to.equal('who');
    expect(place.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root.querySelector('#place-status'))).to.equal(WORDS.en.notFound);
    expect(root.activeElement === place, 'focus on the field').to.equal(true);
  });
});
