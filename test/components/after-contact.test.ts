// After a contact (issue 14.7): the card says "Contacted", the results offer the next best matches
// with "If you don't hear back in 2 business days…", a tm-contact listener may give the site's own
// words, memory lasts the visit (sessionStorage only with persist); in English and Spanish.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import { arraySource } from '../../src/sources/array.js';
import { cardsIn, expectAccessible, textOf, therapist } from './results-fixtures.js';
import { quizOf, settle, toResults, type ResultsElement } from './therapist-match-helpers.js';
import { nextBest, restoreContacted, storeContacted } from '../../src/components/results/contacted.js';
import { CONTACTED_KEY } from '../../src/internal/contacted-key.js';
import { rankTherapists } from '../../src/engine/rank.js';

// Five listings ranked A..E by id (seed off); D is not taking new clients.
const records = ['A', 'B', 'C', 'D', 'E'].map((letter) =>
  therapist({
    id: letter.toLowerCase(),
    name: `Therapist ${letter}`,
    email: `${letter.toLowerCase()}@example.org`,
    acceptingNewClients: letter !== 'D',
  }),
);
const WORDS = {
  en: {
    contacted: '✓ Contacted',
    followUp: 'If you don’t hear back in 2 business days, these are your next best matches:',
  },
  es: {
    contacted: '✓ Contacto realizado',
    followUp: 'Si no tienes respuesta en 2 días hábiles, estas son tus siguientes mejores opciones:',
  },
};

async function widget(lang: string, persist = '') {
  const el = await fixture<TherapistMatch>(
    html`<therapist-match
      steps="who"
      seed="off"
      lang=${lang}
      persist=${persist}
      .source=${arraySource(records)}
    ></therapist-match>`,
  );
  return { el, results: await toResults(el) };
}
const card = (results: ResultsElement, name: string) =>
  cardsIn(results).find((c) => textOf(c.shadowRoot!.querySelector('h3')) === name)!;
/** Clicks a card's email link: the click is what the widget sees; the mail app is never opened. */
function email(results: ResultsElement, name: string): void {
  const link = card(results, name).shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
  link.click();
}
// A mailto: link would leave the test page: its default action is stopped here.
const stay = (event: Event) => {
  const target = event.composedPath()[0];
  if (target instanceof HTMLAnchorElement && target.href.startsWith('mailto:')) event.preventDefault();
};
before(() => document.addEventListener('click', stay));
after(() => document.removeEventListener('click', stay));
const followUp = (results: ResultsElement) => results.shadowRoot!.querySelector('[part="follow-up"]');

for (const lang of ['en', 'es'] as const)
  describe(`after a contact (${lang})`, () => {
    afterEach(() => {
      // The widgets first: one still on the page could store its snapshot again once cleared.
      fixtureCleanup();
      sessionStorage.clear();
    });

    it('marks the card and offers the next best matches that take new clients', async () => {
      const { results } = await widget(lang);
      await waitUntil(() => textOf(followUp(results)) === '' && cardsIn(results).length === 5);
      expect(followUp(results)).to.equal(null);
      email(results, 'Therapist B');
      await results.updateComplete;
      await waitUntil(() => textOf(followUp(results)).startsWith(WORDS[lang].followUp), textOf(followUp(results)), {
        timeout: 5000,
      });
      const offered = [...followUp(results)!.querySelectorAll('button')].map((b) => textOf(b));
      // B contacted, D not taking new clients: the next best three are A, C and E.
      expect(offered).to.deep.equal(['Therapist A', 'Therapist C', 'Therapist E']);
      await card(results, 'Therapist B').updateComplete;
      expect(textOf(card(results, 'Therapist B').shadowRoot!.querySelector('.contacted'))).to.equal(
        WORDS[lang].contacted,
      );
      expect(card(results, 'Therapist A').shadowRoot!.querySelector('.contacted')).to.equal(null);
      // A button takes the person to that card.
      followUp(results)!.querySelectorAll('button')[1].click();
      await results.updateComplete;
      const items = [...results.shadowRoot!.querySelectorAll('ol[part="list"] > li')];
      expect(results.shadowRoot!.activeElement).to.equal(items[2]);
      await expectAccessible(results);
      // Nothing was stored without persist.
      expect(sessionStorage.length).to.equal(0);
    });

    it('remembers the contact for the visit, after changing the answers, until Start over', async () => {
      const { el, results } = await widget(lang);
      email(results, 'Therapist A');
      // Back to the quiz and to the results again: a new results element, the same memory.
      results.shadowRoot!.querySelector<HTMLButtonElement>('[part~="edit"]')!.click();
      await settle(el);
      expect(quizOf(el)).to.not.equal(null);
      const again = await toResults(el);
      const mark = () => textOf(card(again, 'Therapist A').shadowRoot!.querySelector('.contacted'));
      await waitUntil(() => mark() === WORDS[lang].contacted, `the card says ${mark()}`, { timeout: 5000 });
      el.startOver();
      const fresh = await toResults(el);
      await card(fresh, 'Therapist A').updateComplete;
      expect(card(fresh, 'Therapist A').shadowRoot!.querySelector('.contacted')).to.equal(null);
    });

    it('brings the contacted marks back with Undo after Start over, in storage too with persist', async () => {
      for (const persist of ['', 'session']) {
        const { el, results } = await widget(lang, persist);
        email(results, 'Therapist A');
        await results.updateComplete;
        el.startOver();
        await settle(el);
        expect(sessionStorage.getItem(CONTACTED_KEY), persist).to.equal(null);
        const undo = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="undo"]')!;
        undo.click();
        await settle(el);
        const back = el.shadowRoot!.querySelector('tm-results') as ResultsElement;
        await waitUntil(() => back && card(back, 'Therapist A'), 'the results are back', { timeout: 5000 });
        await card(back, 'Therapist A').updateComplete;
        const mark = () => textOf(card(back, 'Therapist A').shadowRoot!.querySelector('.contacted'));
        await waitUntil(() => mark() === WORDS[lang].contacted, `${persist}: the card says ${mark()}`, {
          timeout: 5000,
        });
        expect(textOf(followUp(back))).to.contain(WORDS[lang].followUp);
        const stored = sessionStorage.getItem(CONTACTED_KEY);
        expect(stored && JSON.parse(stored), persist).to.deep.equal(persist ? ['a'] : null);
        el.remove();
        sessionStorage.clear();
      }
    });

    it('with persist, a new widget in the same tab (a reload) marks the contacted; ids only, tampered values removed', async () => {
      const first = await widget(lang, 'session');
      email(first.results, 'Therapist B');
      await first.results.updateComplete;
      expect(JSON.parse(sessionStorage.getItem(CONTACTED_KEY)!)).to.deep.equal(['b']);
      // The page goes away and comes back: a second element reads the same sessionStorage (a real
      // reload would end the test page itself).
      first.el.remove();
      const second = await widget(lang, 'session');
      const mark = () => textOf(card(second.results, 'Therapist B').shadowRoot!.querySelector('.contacted'));
      await waitUntil(() => mark() === WORDS[lang].contacted, `the card says ${mark()}`, { timeout: 5000 });
      const offered = () => [...(followUp(second.results)?.querySelectorAll('button') ?? [])].map((b) => textOf(b));
      await waitUntil(() => offered().length === 3, `offered: ${offered().join(', ')}`, { timeout: 5000 });
      expect(offered()).to.deep.equal(['Therapist A', 'Therapist C', 'Therapist E']);
      second.el.remove();
      // Tampered with between visits: nothing is marked and the value is removed.
      for (const tampered of ['["b",5]', '{"0":"b"}', '"b"', '[{"id":"b"}]']) {
        sessionStorage.setItem(CONTACTED_KEY, tampered);
        const third = await widget(lang, 'session');
        await card(third.results, 'Therapist B').updateComplete;
        expect(card(third.results, 'Therapist B').shadowRoot!.querySelector('.contacted'), tampered).to.equal(null);
        expect(followUp(third.results), tampered).to.equal(null);
        expect(sessionStorage.getItem(CONTACTED_KEY), tampered).to.equal(null);
        third.el.remove();
      }
    });

    it('shows the site’s own follow-up words from a tm-contact listener', async () => {
      const { results } = await widget(lang);
      const words =
        lang === 'es' ? 'Llámanos al 555 0100 si nadie responde.' : 'Call us on 555 0100 if nobody answers.';
      const listener = (event: Event) => ((event as CustomEvent).detail.followUp = `${words}<b>x</b>`);
      document.addEventListener('tm-contact', listener);
      try {
        email(results, 'Therapist C');
        await results.updateComplete;
        // Text, never markup.
        expect(textOf(followUp(results)!.querySelector('h3'))).to.equal(`${words}<b>x</b>`);
        expect(followUp(results)!.querySelector('b')).to.equal(null);
      } finally {
        document.removeEventListener('tm-contact', listener);
      }
    });
  });

describe('the contacted ids in sessionStorage (persist="session")', () => {
  afterEach(() => {
    // The widgets first: one still on the page could store its snapshot again once cleared.
    fixtureCleanup();
    sessionStorage.clear();
  });

  it('stores ids only, restores them, and removes a store that is not a list of ids', () => {
    storeContacted(new Set(['e', 'b']));
    expect(JSON.parse(sessionStorage.getItem(CONTACTED_KEY)!)).to.deep.equal(['e', 'b']);
    const restored = new Set<string>();
    restoreContacted(restored);
    expect([...restored]).to.deep.equal(['e', 'b']);
    for (const tampered of ['{"__proto__":1}', '[1,2]', 'not json']) {
      sessionStorage.setItem(CONTACTED_KEY, tampered);
      const set = new Set<string>();
      restoreContacted(set);
      expect(set.size).to.equal(0);
      expect(sessionStorage.getItem(CONTACTED_KEY)).to.equal(null);
    }
  });

  it('offers the next best in rank order, leaving out the contacted and those not taking new clients', () => {
    const { matches } = rankTherapists(records, { seeking: 'individual' });
    expect(nextBest(matches, new Set(['a'])).map((m) => m.therapist.id)).to.deep.equal(['b', 'c', 'e']);
  });
});
