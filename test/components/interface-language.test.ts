// With an interface in another language than English, therapists who speak it are favoured
// (issue 13.8): the comfort step shows that language chosen as "preferred", so the person sees it
// and can say otherwise, and the ranking follows what the step shows.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/components/therapist-match/therapist-match.js';
import { arraySource } from '../../src/sources/array.js';
import { PORTLAND, record } from '../engine/records.js';
import { quizOf, settle, toResults, type ResultsElement } from './therapist-match-helpers.js';

// Equal in every way but the languages they speak; by id the English speaker comes first (the
// widgets below tie by id: `seed="off"` turns the per-visit rotation of equal matches off).
const records = [
  record('a-english', { name: 'Alex English' }),
  record('b-bilingual', { name: 'Blanca Bilingual', languages: ['en', 'es'] }),
];
const place = { location: { ...PORTLAND, maxDistanceKm: 50, jurisdiction: 'US-OR' } };

const names = (results: ResultsElement) =>
  [...results.shadowRoot!.querySelectorAll('tm-match-card')].map((card) =>
    card.shadowRoot!.querySelector('[part~="name"]')?.textContent?.trim(),
  );

async function widget(lang: string, steps: string): Promise<TherapistMatch> {
  const el = await fixture<TherapistMatch>(
    html`<therapist-match
      lang=${lang}
      steps=${steps}
      .preset=${place}
      .source=${arraySource(records)}
    ></therapist-match>`,
  );
  await settle(el);
  return el;
}

/** Each match's languages reason: `unused` when no language counted. */
const languageReasons = (results: ResultsElement) =>
  results.result!.matches.map((m) => m.reasons.find((r) => r.criterion === 'languages')?.status ?? 'unused');

/** The comfort step's language checkbox for `code`. */
const languageBox = (el: TherapistMatch, code: string) =>
  [...quizOf(el)!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find(
    (box) => box.value === code,
  );

describe('the interface language', () => {
  it('Spanish: a Spanish-speaking therapist ranks above an otherwise equal one, and the reason says so', async () => {
    const el = await widget('es', 'who');
    const results = await toResults(el);
    expect(names(results)).to.deep.equal(['Blanca Bilingual', 'Alex English']);
    const languages = results.result!.matches.map((m) => m.reasons.find((r) => r.criterion === 'languages')?.status);
    expect(languages).to.deep.equal(['met', 'not-met']);
  });

  it('English: no language is favoured (languages play no part in the ranking)', async () => {
    const el = await widget('en', 'who');
    const results = await toResults(el);
    expect(results.result!.matches.map((m) => m.score)).to.deep.equal([1, 1]);
    expect(languageReasons(results)).to.deep.equal(['unused', 'unused']);
  });

  it('Spanish: the comfort step shows Spanish chosen; unticking it removes the favour', async () => {
    const el = await widget('es', 'comfort');
    await waitUntil(() => languageBox(el, 'es'), 'no language choice on the comfort step', { timeout: 5000 });
    const spanish = languageBox(el, 'es')!;
    expect(spanish.checked, 'Spanish is shown chosen').to.equal(true);
    spanish.click();
    await settle(el);
    expect(languageBox(el, 'es')!.checked).to.equal(false);
    const results = await toResults(el);
    expect(results.result!.matches.map((m) => m.score)).to.deep.equal([1, 1]);
    expect(languageReasons(results)).to.deep.equal(['unused', 'unused']);
  });

  it('Spanish: a site preset that states languages wins over the interface language', async () => {
    const el = await fixture<TherapistMatch>(
      html`<therapist-match
        seed="off"
        lang="es"
        steps="who"
        .preset=${{ ...place, preferences: { languages: { value: ['en'], importance: 'preferred' } } }}
        .source=${arraySource(records)}
      ></therapist-match>`,
    );
    const results = await toResults(el);
    // Both speak English: the site's wish is met by both, and Spanish gives no edge.
    expect(results.result!.matches.map((m) => m.score)).to.deep.equal([1, 1]);
    expect(languageReasons(results)).to.deep.equal(['met', 'met']);
  });
});
