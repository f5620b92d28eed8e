// The physician note beside the matches, and the site's vocabulary reaching the ranker (issue 14.8),
// in English and Spanish.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import { arraySource } from '../../src/sources/array.js';
import { createVocabulary } from '../../src/engine/create-vocabulary.js';
import { defaultVocabulary } from '../../src/engine/vocabulary.js';
import { rankTherapists } from '../../src/engine/rank.js';
import { cardsIn, expectAccessible, textOf, therapist } from './results-fixtures.js';
import { toResults } from './therapist-match-helpers.js';

// A clinic's own function concern, flagged physician-first only in its vocabulary.
const vocabulary = createVocabulary(defaultVocabulary, {
  extend: {
    concerns: [
      {
        id: 'clinic-pelvic-pain',
        group: 'function',
        physicianFirst: true,
        labels: { en: 'Pelvic pain (clinic)', es: 'Dolor pélvico (clínica)' },
      },
    ],
  },
});
// Two listings alike but for working with physicians; by id, the one that does not would come first.
const records = [
  therapist({ id: 'a', name: 'Alone Therapist', concerns: ['clinic-pelvic-pain'], collaboratesWithMedical: false }),
  therapist({ id: 'b', name: 'Team Therapist', concerns: ['clinic-pelvic-pain'], collaboratesWithMedical: true }),
];
const NOTE = {
  en: 'For concerns about how the body works, clinicians usually suggest seeing a physician too',
  es: 'Para dificultades del funcionamiento del cuerpo, los profesionales suelen recomendar ver también a un médico',
};
const COUNT = { en: '2 therapists', es: '2 terapeutas' };
const WORKS_WITH = { en: 'Met: Works with physicians', es: 'Se cumple: Colabora con médicos' };

async function results(lang: 'en' | 'es', primary: string) {
  const el = await fixture<TherapistMatch>(
    html`<therapist-match
      steps="who"
      seed="off"
      lang=${lang}
      .vocabulary=${vocabulary}
      .preset=${{ concerns: { primary } }}
      .source=${arraySource(records)}
    ></therapist-match>`,
  );
  return toResults(el);
}

describe('the ranker and the site vocabulary (engine)', () => {
  it('weighs the site’s physician-first concern only with its vocabulary', () => {
    const answers = { seeking: 'individual' as const, concerns: { primary: 'clinic-pelvic-pain' } };
    const names = (r: ReturnType<typeof rankTherapists>) => r.matches.map((m) => m.therapist.name);
    expect(names(rankTherapists(records, answers))).to.deep.equal(['Alone Therapist', 'Team Therapist']);
    const withVocabulary = rankTherapists(records, answers, { vocabulary });
    expect(names(withVocabulary)).to.deep.equal(['Team Therapist', 'Alone Therapist']);
    expect(withVocabulary.matches[0].reasons.find((r) => r.criterion === 'medicalCollaboration')?.status).to.equal(
      'met',
    );
  });
});

for (const lang of ['en', 'es'] as const)
  describe(`<therapist-match> physician note with the results (${lang})`, () => {
    it('shows the note beside the matches and ranks by the site vocabulary', async () => {
      const el = await results(lang, 'clinic-pelvic-pain');
      const note = () => textOf(el.shadowRoot!.querySelector('[part="physician"]'));
      // Spanish loads on demand; the results render again once it is there.
      await waitUntil(() => note().includes(NOTE[lang]), `the note reads: ${note()}`, { timeout: 5000 });
      await el.updateComplete;
      const cards = cardsIn(el);
      expect(textOf(cards[0].shadowRoot!.querySelector('h3'))).to.equal('Team Therapist');
      expect(textOf(cards[0].shadowRoot!.querySelector('[part="reasons"]'))).to.contain(WORKS_WITH[lang]);
      await expectAccessible(el);
    });

    it('leaves the note out for other concerns', async () => {
      const el = await results(lang, 'low-desire');
      await waitUntil(() => textOf(el.shadowRoot!.querySelector('[part="count"]')).startsWith(COUNT[lang]));
      expect(el.shadowRoot!.querySelector('[part="physician"]')).to.equal(null);
    });
  });
