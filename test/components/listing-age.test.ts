// Old listings on the card (issue 14.4): marked "may be out of date" beside the verification date and
// in "Why this match", never dropped; `stale-after` sets the age; in English and Spanish.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import { arraySource } from '../../src/sources/array.js';
import { monthsAgo } from '../engine/listing-age.test.js';
import { cardsIn, expectAccessible, textOf, therapist } from './results-fixtures.js';
import { toResults } from './therapist-match-helpers.js';

const records = [
  therapist({ id: 'fresh', name: 'Fresh Listing', lastVerified: monthsAgo(2.5) }),
  therapist({ id: 'old', name: 'Old Listing', lastVerified: monthsAgo(18.5) }),
];
const WORDS = {
  en: {
    outdated: 'may be out of date',
    reason: '◐ Partly met: Listing recently verified: verified 18 months ago; may be out of date',
    fresh: '✓ Met: Listing recently verified: verified 2 months ago',
  },
  es: {
    outdated: 'puede estar desactualizada',
    reason: '◐ Se cumple en parte: Ficha verificada hace poco: verificada hace 18 meses; puede estar desactualizada',
    fresh: '✓ Se cumple: Ficha verificada hace poco: verificada hace 2 meses',
  },
};

async function cards(lang: 'en' | 'es', staleAfter?: number) {
  const el = await fixture<TherapistMatch>(
    html`<therapist-match
      steps="who"
      seed="off"
      lang=${lang}
      stale-after=${staleAfter ?? ''}
      .source=${arraySource(records)}
    ></therapist-match>`,
  );
  const results = await toResults(el);
  await waitUntil(
    () =>
      cardsIn(results).every((card) =>
        textOf(card.shadowRoot!.querySelector('.verified')).includes(lang === 'es' ? 'Ficha' : 'Listing'),
      ),
    'the cards speak the language',
    { timeout: 5000 },
  );
  return cardsIn(results);
}
const name = (card: Element) => textOf(card.shadowRoot!.querySelector('h3'));
const verified = (card: Element) => textOf(card.shadowRoot!.querySelector('.verified'));
const reasons = (card: Element) =>
  [...card.shadowRoot!.querySelectorAll('[part="reasons"] li')].map((li) => textOf(li));

for (const lang of ['en', 'es'] as const)
  describe(`old listings on the card (${lang})`, () => {
    it('marks an old listing, ranks it after a fresh one, and still shows it', async () => {
      const [first, second] = await cards(lang);
      expect([name(first), name(second)]).to.deep.equal(['Fresh Listing', 'Old Listing']);
      expect(verified(second)).to.contain(WORDS[lang].outdated);
      expect(verified(first)).to.not.contain(WORDS[lang].outdated);
      expect(reasons(second)).to.include(WORDS[lang].reason);
      expect(reasons(first)).to.include(WORDS[lang].fresh);
      await expectAccessible(second);
    });

    it('takes the age from stale-after', async () => {
      const [, second] = await cards(lang, 24);
      expect(name(second)).to.equal('Old Listing');
      expect(verified(second)).to.not.contain(WORDS[lang].outdated);
    });
  });
