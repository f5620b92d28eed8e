// Results a person can trust (issue 13): counts that add up, availability that ranks and reads
// honestly, reasons that lead with what was met and missed. Real records through the real ranker.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TmResults } from '../../src/components/results/results.js';
import type { MatchAnswers } from '../../src/engine/answers.js';
import type { RankResult } from '../../src/engine/types.js';
import { rankTherapists } from '../../src/engine/rank.js';
import { parseTherapists } from '../../src/engine/schema.js';
import { generateTherapists } from '../../demo/sample/generate.js';
import { directory, record } from '../engine/records.js';
import { cardsIn, textOf } from './results-fixtures.js';

const $ = (root: Element, selector: string) => root.shadowRoot!.querySelector(selector);
const $$ = (root: Element, selector: string) => [...root.shadowRoot!.querySelectorAll(selector)];

async function shown(result: RankResult, lang: string, sourceTotal?: number): Promise<TmResults> {
  const el = await fixture<TmResults>(
    html`<tm-results .result=${result} .sourceTotal=${sourceTotal} state="ready" lang=${lang}></tm-results>`,
  );
  // Spanish loads on demand: wait until the count speaks it.
  if (lang === 'es')
    await waitUntil(() => /terapeuta|Aún/.test(textOf($(el, '[part~="count"]'))), 'no Spanish', { timeout: 5000 });
  for (const card of cardsIn(el)) await card.updateComplete;
  return el;
}

/** The whole numbers in a sentence as a person reads them ("1,234" and "1.234" included). */
const numbers = (text: string) => (text.match(/\d[\d.,\s]*\d|\d/g) ?? []).map((n) => Number(n.replace(/\D/g, '')));

const directory400 = parseTherapists(generateTherapists(400, 7)).therapists;
// A couple whose wishes exclude for several reasons at once (overlapping requirements).
const couple: MatchAnswers = {
  seeking: 'couple',
  concerns: { primary: 'desire-discrepancy' },
  preferences: {
    therapistGender: { value: ['woman'], importance: 'required' },
    languages: { value: ['es'], importance: 'required' },
  },
  partnerPreferences: { therapistGender: { value: ['man'], importance: 'required' } },
  formats: { value: ['in-person'], importance: 'required' },
  location: { lat: 45.5152, lng: -122.6784, maxDistanceKm: 50, jurisdiction: 'US-OR' },
};

describe('results a person can trust: counts that add up', () => {
  for (const lang of ['en', 'es'])
    it(`matched plus every count left out is the number of listings checked (${lang})`, async () => {
      for (const answers of [couple, { ...couple, partnerPreferences: {} }, { seeking: 'individual' } as const]) {
        const result = rankTherapists(directory400, answers);
        const el = await shown(result, lang);
        const left = $$(el, '[part="exclusions"] li').map((li) => numbers(textOf(li))[0]);
        const sum = left.reduce((a, b) => a + b, 0);
        expect(result.matched + sum, JSON.stringify(answers)).to.equal(400);
        if (sum) {
          // The sentence above the list says the same, in words.
          expect(numbers(textOf($(el, '.tally')))).to.deep.equal([400, result.matched, sum]);
        } else expect($(el, '.tally')).to.equal(null);
      }
    });

  it('says so in words', async () => {
    const result = rankTherapists(directory400, couple);
    expect(result.matched).to.equal(0);
    const en = await shown(result, 'en');
    expect(textOf($(en, '.tally'))).to.equal('Of 400 listings checked, 0 match and 400 were left out:');
    const es = await shown(result, 'es');
    expect(textOf($(es, '.tally'))).to.equal('De 400 perfiles revisados, 0 encajan y 400 quedaron fuera:');
  });

  it('counts from the source’s total when the records are one page of it, and says how many were checked', async () => {
    const page = directory400.slice(0, 50);
    const result = rankTherapists(page, { seeking: 'individual' });
    const en = await shown(result, 'en', 9411);
    expect(textOf($(en, '[part~="count"]'))).to.equal(
      `${result.matched} therapists match your answers among the first 50 of 9,411 listings`,
    );
    const es = await shown(result, 'es', 9411);
    expect(textOf($(es, '[part~="count"]'))).to.match(
      new RegExp(
        `^${result.matched} terapeutas encajan con tus respuestas entre los primeros 50 de 9\\.?411 perfiles$`,
      ),
    );
    // A total no larger than what was checked (or none) leaves the plain count.
    expect(textOf($(await shown(result, 'en', 50), '[part~="count"]'))).to.equal(
      `${result.matched} therapists match your answers`,
    );
  });
});

describe('results a person can trust: availability', () => {
  const list = directory(
    record('a-full', { name: 'Alex Full', acceptingNewClients: false, bookingUrl: 'https://example.org/a' }),
    record('b-open', { name: 'Blair Open', acceptingNewClients: true, bookingUrl: 'https://example.org/b' }),
  );
  const words = {
    en: { full: 'Not accepting new clients right now', waitlist: 'Ask about a waiting list', book: 'Book a session' },
    es: {
      full: 'Ahora no acepta nuevos clientes',
      waitlist: 'Preguntar por la lista de espera',
      book: 'Reservar una sesión',
    },
  };
  for (const lang of ['en', 'es'] as const)
    it(`puts an accepting listing first at the same fit, and says what the other can still do (${lang})`, async () => {
      const result = rankTherapists(list, { seeking: 'individual' });
      expect(result.matches[0].score).to.equal(result.matches[1].score);
      const el = await shown(result, lang);
      const [open, full] = cardsIn(el);
      expect(textOf($(open, 'h3'))).to.equal('Blair Open');
      expect(textOf($(full, 'h3'))).to.equal('Alex Full');
      // Beside the strength, visible without opening anything, and the main action says so.
      expect(textOf($(full, '[part="score"] .full'))).to.equal(words[lang].full);
      expect(textOf($(full, 'a.book'))).to.match(new RegExp(`^${words[lang].waitlist} `));
      expect($(open, '[part="score"] .full')).to.equal(null);
      expect(textOf($(open, 'a.book'))).to.match(new RegExp(`^${words[lang].book} `));
    });
});

describe('results a person can trust: a listing that does not say whether it accepts', () => {
  const list = directory(
    record('a-unstated', { name: 'Ari Unstated', acceptingNewClients: undefined }),
    record('b-open', { name: 'Blair Open', acceptingNewClients: true }),
    record('c-full', { name: 'Cam Full', acceptingNewClients: false }),
  );
  const words = {
    en: {
      unstated: 'Does not say whether accepting new clients',
      open: 'Accepting new clients',
      filter: 'Accepting new clients',
      unknown: /\. 1 of your wishes is not stated in the listing$/,
    },
    es: {
      unstated: 'No indica si acepta nuevos clientes',
      open: 'Acepta nuevos clientes',
      filter: 'Aceptan nuevos clientes',
      unknown: /\. 1 de tus deseos no consta en el perfil$/,
    },
  };
  const availability = (card: Element) =>
    textOf(
      $$(card, '[part="facts"] > div')
        .find((row) => /Availability|Disponibilidad/.test(textOf(row.querySelector('dt'))))
        ?.querySelector('dd') ?? null,
    );
  for (const lang of ['en', 'es'] as const)
    it(`says it is not stated, ranks it below a listing that accepts, and the accepting filter leaves it out (${lang})`, async () => {
      // No wish about availability: the three fit equally; the one that says it accepts comes first,
      // the one that does not say before the one that is full, though its id sorts first.
      const result = rankTherapists(list, { seeking: 'individual' });
      expect(new Set(result.matches.map((m) => m.score)).size).to.equal(1);
      const el = await shown(result, lang);
      expect(cardsIn(el).map((card) => textOf($(card, 'h3')))).to.deep.equal([
        'Blair Open',
        'Ari Unstated',
        'Cam Full',
      ]);
      const [open, unstated] = cardsIn(el);
      expect(availability(unstated)).to.equal(words[lang].unstated);
      expect(availability(open)).to.contain(words[lang].open);
      // It never reads as accepting: no booking words for a full listing, and no "accepting" line.
      expect(availability(unstated)).not.to.equal(words[lang].open);

      const boxes = $$(el, '[part="tools"] fieldset input[type="checkbox"]') as HTMLInputElement[];
      const accepting = boxes.find((box) => textOf(box.closest('label')) === words[lang].filter)!;
      accepting.click();
      await el.updateComplete;
      expect(cardsIn(el).map((card) => textOf($(card, 'h3')))).to.deep.equal(['Blair Open']);
      // The line above the list counts the ranked matches that fit the filter: 1 of 3.
      expect(numbers(textOf($(el, '.summary > p.muted'))).slice(0, 2)).to.deep.equal([1, 3]);
    });

  for (const lang of ['en', 'es'] as const)
    it(`"only those accepting" leaves it out, counted once, and a wish for it is unmet and not stated (${lang})`, async () => {
      const required = rankTherapists(list, {
        seeking: 'individual',
        acceptingNewClients: { value: true, importance: 'required' },
      });
      expect(required.matches.map((m) => m.therapist.id)).to.deep.equal(['b-open']);
      const el = await shown(required, lang);
      // "Of 3 listings checked, 1 matches and 2 were left out": the arithmetic on screen.
      const [checked, matched, left] = numbers(textOf($(el, '.tally')));
      expect([checked, matched, left]).to.deep.equal([3, 1, 2]);
      expect(matched + left).to.equal(checked);

      const preferred = rankTherapists(list, {
        seeking: 'individual',
        acceptingNewClients: { value: true, importance: 'preferred' },
      });
      expect(preferred.matches[0].therapist.id).to.equal('b-open');
      const card = cardsIn(await shown(preferred, lang)).find((c) => textOf($(c, 'h3')) === 'Ari Unstated')!;
      expect(textOf($(card, '#score'))).to.match(words[lang].unknown);
      expect(preferred.matches.find((m) => m.therapist.id === 'a-unstated')!.score).to.be.lessThan(
        preferred.matches[0].score,
      );
    });
});

describe('results a person can trust: reasons that inform', () => {
  const list = directory(record('a', { languages: ['en'], communities: [] }));
  const answers: MatchAnswers = {
    seeking: 'individual',
    concerns: { primary: 'low-desire' },
    preferences: {
      languages: { value: ['es'], importance: 'preferred' },
      therapistGender: { value: ['woman'], importance: 'preferred' },
    },
  };
  const expected = {
    en: { met: /^✓ Met: /, missed: /^✗ Not met: Languages/, unused: /^– Not used: .*Budget.*,.* and / },
    es: { met: /^✓ Se cumple: /, missed: /^✗ No se cumple: Idiomas/, unused: /^– Sin usar: .*Presupuesto.*,.* y / },
  };
  for (const lang of ['en', 'es'] as const)
    it(`leads with what was met and missed, and names the criteria not used on one line (${lang})`, async () => {
      const result = rankTherapists(list, answers);
      const el = await shown(result, lang);
      const lines = $$(cardsIn(el)[0], '[part="reasons"] li').map(textOf);
      const used = result.matches[0].reasons.filter((reason) => reason.status !== 'unused');
      expect(lines).to.have.length(used.length + 1);
      expect(lines[0]).to.match(expected[lang].met);
      expect(lines.at(-2)).to.match(expected[lang].missed);
      expect(lines.at(-1)).to.match(expected[lang].unused);
      expect(lines.filter((line) => line.startsWith('–'))).to.have.length(1);
    });
});

describe('results a person can trust: words instead of codes', () => {
  const list = directory(
    record('a-bc', {
      name: 'Casey Coast',
      licenses: [{ type: 'RCC', jurisdiction: 'CA-BC' }],
      location: { city: 'Vancouver', region: 'CA-BC', country: 'CA', lat: 49.28, lng: -123.12 },
      telehealthJurisdictions: ['CA-BC'],
      clientTypes: ['individual', 'couple'],
    }),
    record('b-individuals', { clientTypes: ['individual'] }),
    record('c-adults', { ageGroups: ['adult'], clientTypes: ['individual', 'couple'] }),
  );
  const answers: MatchAnswers = {
    seeking: 'couple',
    formats: { value: ['telehealth'], importance: 'required' },
    location: { lat: 49.28, lng: -123.12, jurisdiction: 'CA-BC' },
  };
  const expected = {
    en: {
      // The licence that lets this therapist see the person by video leads (issue 14.5).
      licences: 'Licensed for video sessions where you live: RCC, Registered Clinical Counsellor (British Columbia)',
      location: /^Vancouver, British Columbia · /,
      excluded: ['1 does not work with Couples and partners', '1 not licensed in British Columbia for video sessions'],
    },
    es: {
      licences:
        'Con licencia para sesiones por vídeo donde vives: RCC, consejero clínico registrado (Columbia Británica)',
      location: /^Vancouver, Columbia Británica · /,
      excluded: ['1 no atiende a Parejas', '1 sin licencia en Columbia Británica para sesiones por vídeo'],
    },
  };
  for (const lang of ['en', 'es'] as const)
    it(`names places, licences and exclusions in words (${lang})`, async () => {
      const result = rankTherapists(list, answers);
      const el = await shown(result, lang);
      const card = cardsIn(el).find((c) => c.match!.therapist.id === 'a-bc')!;
      expect(textOf($(card, '[part="credentials"] p'))).to.equal(expected[lang].licences);
      expect(textOf($(card, 'dl > div:nth-child(2) dd'))).to.match(expected[lang].location);
      const excluded = $$(el, '[part="exclusions"] li').map(textOf);
      for (const line of expected[lang].excluded) expect(excluded).to.include(line);
      expect(el.shadowRoot!.textContent + card.shadowRoot!.textContent).not.to.match(/\bCA-BC\b/);
    });
});

describe('results a person can trust: wishes a listing does not state', () => {
  const list = directory(
    record('a-says', { gender: 'woman', fees: { currency: 'USD', min: 100, max: 120, slidingScale: false } }),
    record('b-silent', { gender: undefined, fees: undefined }),
  );
  const answers: MatchAnswers = {
    seeking: 'individual',
    preferences: { therapistGender: { value: ['woman'], importance: 'preferred' } },
    budget: { value: { max: 150, currency: 'USD' }, importance: 'preferred' },
  };
  const words = {
    en: /^Partial match, \d+\s?%\. 2 of your wishes are not stated in the listing$/,
    es: /^Coincidencia parcial, \d+\s?%\. 2 de tus deseos no constan en el perfil$/,
  };
  for (const lang of ['en', 'es'] as const)
    it(`counts them as unmet and says how many beside the percentage (${lang})`, async () => {
      const result = rankTherapists(list, answers);
      expect(result.matches.map((m) => m.therapist.id)).to.deep.equal(['a-says', 'b-silent']);
      const el = await shown(result, lang);
      const [says, silent] = cardsIn(el);
      expect(textOf($(silent, '#score'))).to.match(words[lang]);
      expect(textOf($(says, '#score'))).not.to.contain(lang === 'en' ? 'not stated' : 'no constan');
      // The meter shows the same share as the words.
      expect(($(silent, 'meter') as HTMLMeterElement).value).to.equal(result.matches[1].score);
    });
});
