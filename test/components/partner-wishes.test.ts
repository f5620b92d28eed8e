// Whose wish and what the therapist is, named apart in "Why this match" (issue 14.6), in English and
// Spanish: "your partner would like Woman; this therapist: Man".
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TmMatchCard } from '../../src/components/match-card/match-card.js';
import { rankTherapists } from '../../src/engine/rank.js';
import { textOf, therapist } from './results-fixtures.js';

const man = therapist({ gender: 'man', clientTypes: ['individual', 'couple'] });
const answers = {
  seeking: 'couple' as const,
  preferences: { therapistGender: { value: ['man', 'non-binary'], importance: 'preferred' as const } },
  partnerPreferences: { therapistGender: { value: ['woman'], importance: 'preferred' as const } },
};
const WORDS = {
  en: [
    'Met: Therapist gender: you would like Man or Non-binary; this therapist: Man',
    'Not met: Therapist gender: your partner would like Woman; this therapist: Man',
  ],
  es: [
    'Se cumple: Género del terapeuta: prefieres: Hombre o No binario; en esta ficha: Hombre',
    'No se cumple: Género del terapeuta: tu pareja prefiere: Mujer; en esta ficha: Hombre',
  ],
};

describe('rankTherapists: a gender wish names what was wanted', () => {
  it('gives each partner’s wanted genders beside the therapist’s', () => {
    const reasons = rankTherapists([man], answers).matches[0].reasons.filter((r) => r.criterion === 'therapistGender');
    expect(reasons.map((r) => [r.who, r.details])).to.deep.equal([
      ['you', { gender: 'man', wanted: ['man', 'non-binary'] }],
      ['partner', { gender: 'man', wanted: ['woman'] }],
    ]);
  });
});

for (const lang of ['en', 'es'] as const)
  describe(`<tm-match-card> partners' wishes (${lang})`, () => {
    it('says whose wish it is and what the therapist is', async () => {
      const match = rankTherapists([man], answers).matches[0];
      const el = await fixture<TmMatchCard>(html`<tm-match-card .match=${match} lang=${lang}></tm-match-card>`);
      const lines = () =>
        [...el.shadowRoot!.querySelectorAll('[part="reasons"] li')]
          .map((li) => textOf(li).replace(/^\S+ /, ''))
          .filter((line) => line.includes(lang === 'es' ? 'Género' : 'gender'));
      await waitUntil(() => lines().length === 2, `reasons: ${lines().join(' | ')}`, { timeout: 5000 });
      expect(lines().sort()).to.deep.equal([...WORDS[lang]].sort());
    });
  });
