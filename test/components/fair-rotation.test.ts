// Fair rotation in <therapist-match> (issue 14.3): equally good matches rotate with a seed drawn once
// per visit, a number fixes the order, `off` orders them by id; in English and Spanish.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import { arraySource } from '../../src/sources/array.js';
import { rankSeed } from '../../src/internal/ranking.js';
import { rankTherapists } from '../../src/engine/rank.js';
import { cardsIn, textOf, therapist } from './results-fixtures.js';
import { toResults } from './therapist-match-helpers.js';

// Twelve listings that fit any answers equally: only their ids tell them apart.
const names = 'ABCDEFGHIJKL'.split('').map((letter) => `Therapist ${letter}`);
const records = names.map((name, k) =>
  therapist({ id: `t${String(k + 1).padStart(2, '0')}`, name, acceptingNewClients: true }),
);

/** The card headings in the order shown. */
async function shownOrder(seed: string | undefined, lang: string): Promise<string[]> {
  const el = await fixture<TherapistMatch>(
    html`<therapist-match
      steps="who"
      lang=${lang}
      seed=${seed ?? ''}
      .source=${arraySource(records)}
    ></therapist-match>`,
  );
  const results = await toResults(el);
  return cardsIn(results).map((card) => textOf(card.shadowRoot!.querySelector('h3')));
}

for (const lang of ['en', 'es'])
  describe(`<therapist-match> fair rotation (${lang})`, () => {
    it('rotates equal matches by default, the same way all through the visit', async () => {
      const first = await shownOrder(undefined, lang);
      expect([...first].sort()).to.deep.equal(names);
      // Twelve tied listings in id order by chance: 1 in 479,001,600.
      expect(first).to.not.deep.equal(names);
      // Another widget (or the same answers again) during this visit shows the same order.
      expect(await shownOrder(undefined, lang)).to.deep.equal(first);
    });

    it('orders them by id with seed="off"', async () => {
      expect(await shownOrder('off', lang)).to.deep.equal(names);
    });

    it('fixes the order with a number, as the engine ranks with that seed', async () => {
      const seven = await shownOrder('7', lang);
      const engine = rankTherapists(records, { seeking: 'individual' }, { seed: 7 }).matches.map(
        (m) => m.therapist.name,
      );
      expect(seven).to.deep.equal(engine);
      expect(seven).to.not.deep.equal(names);
      expect(await shownOrder('8', lang)).to.not.deep.equal(seven);
    });
  });

describe('rankSeed (the seed attribute as the ranker receives it)', () => {
  it('reads off, numbers and anything else', () => {
    expect(rankSeed('off')).to.equal(undefined);
    expect(rankSeed('7')).to.equal(7);
    expect(rankSeed(7)).to.equal(7);
    const visit = rankSeed('');
    expect(visit).to.be.a('number');
    for (const value of [undefined, null, 'random', NaN, Infinity, {}]) expect(rankSeed(value)).to.equal(visit);
  });
});
