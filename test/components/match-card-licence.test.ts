// <tm-match-card> shows the licence that lets this therapist see this person, with its number and
// its own verify link, and the others in a disclosure (issue 14.5), in English and Spanish.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TmMatchCard } from '../../src/components/match-card/match-card.js';
import { rankTherapists } from '../../src/engine/rank.js';
import { expectAccessible, matchOf, textOf, therapist } from './results-fixtures.js';

// Licensed in New York first (with a verify link), then California with a number and its own link.
const t = therapist({
  licenses: [
    { type: 'LCSW', jurisdiction: 'US-NY', number: 'NY-77', verifyUrl: 'https://ny.example.org/verify/77' },
    { type: 'LMFT', jurisdiction: 'US-CA', number: '12345', verifyUrl: 'https://ca.example.org/verify/12345' },
    { type: 'LMFT', jurisdiction: 'US-OR' },
  ],
  telehealthJurisdictions: undefined,
});

const WORDS = {
  en: {
    video:
      'Licensed for video sessions where you live: LMFT, Licensed Marriage and Family Therapist (California), licence no. 12345 Verify licence (opens in a new tab)',
    office: 'Licensed where the office is: LMFT, Licensed Marriage and Family Therapist (Oregon)',
    others: 'Other licences (2)',
    ny: 'LCSW, Licensed Clinical Social Worker (New York), licence no. NY-77 Verify licence (opens in a new tab)',
  },
  es: {
    video: 'Con licencia para sesiones por vídeo donde vives:',
    office: 'Con licencia donde está la consulta:',
    others: 'Otras licencias (2)',
    ny: 'n.º de licencia NY-77 Verificar licencia',
  },
};

async function card(lang: 'en' | 'es', jurisdiction: string, inPersonOnly = false): Promise<TmMatchCard> {
  // The engine picks the licence; the card shows it.
  const match = rankTherapists([t], {
    seeking: 'individual',
    formats: inPersonOnly ? { value: ['in-person'], importance: 'required' } : undefined,
    location: { lat: 45.5, lng: -122.6, jurisdiction },
  }).matches[0];
  const el = await fixture<TmMatchCard>(html`<tm-match-card .match=${match} lang=${lang}></tm-match-card>`);
  // Spanish loads on demand; the card renders again once it is there.
  if (lang === 'es')
    await waitUntil(() => /^Con licencia/.test(textOf($(el, '.licence'))), 'Spanish messages load', { timeout: 5000 });
  return el;
}
const $ = (el: TmMatchCard, selector: string) => el.shadowRoot!.querySelector(selector);

for (const lang of ['en', 'es'] as const)
  describe(`<tm-match-card> the right licence (${lang})`, () => {
    it('leads with the licence for video where the person lives, its number and its own verify link', async () => {
      const el = await card(lang, 'US-CA');
      const main = textOf($(el, '.licence'));
      expect(main).to.contain(WORDS[lang].video);
      if (lang === 'es') expect(main).to.contain('n.º de licencia 12345');
      expect($(el, '.licence a')!.getAttribute('href')).to.equal('https://ca.example.org/verify/12345');
      // The contact links no longer carry another licence's verify link.
      const contact = [...el.shadowRoot!.querySelectorAll('[part="contact"] a')].map((a) => a.getAttribute('href'));
      expect(contact).to.not.include('https://ny.example.org/verify/77');
      const others = $(el, 'details.licences') as HTMLDetailsElement;
      expect(others.open).to.equal(false);
      expect(textOf(others.querySelector('summary'))).to.equal(WORDS[lang].others);
      expect(textOf(others.querySelector('li'))).to.contain(WORDS[lang].ny);
      expect(others.querySelector('a')!.getAttribute('href')).to.equal('https://ny.example.org/verify/77');
      await expectAccessible(el);
    });

    it('leads with the office’s licence for in-person sessions', async () => {
      const el = await card(lang, 'US-CA', true);
      expect(textOf($(el, '.licence'))).to.contain(WORDS[lang].office);
      expect($(el, '.licence a')).to.equal(null);
    });
  });

describe('<tm-match-card> without a licence known to apply', () => {
  it('lists every licence as before, with the first verify link among the contacts', async () => {
    const el = await fixture<TmMatchCard>(html`<tm-match-card .match=${matchOf(t)}></tm-match-card>`);
    expect($(el, '.licence')).to.equal(null);
    expect(textOf($(el, '[part="credentials"] p'))).to.contain('LCSW, Licensed Clinical Social Worker (New York)');
    const contact = [...el.shadowRoot!.querySelectorAll('[part="contact"] a')].map((a) => a.getAttribute('href'));
    expect(contact).to.include('https://ny.example.org/verify/77');
  });
});
