// The privacy line says what really happens (issue 13.4 and 13.8): generated from the configuration
// in use (a file read whole, or a source that receives the search's constraints and the answers a
// site chose to share; memory or the tab's storage), checked against what the source received.
// Also the words that care on every step: the visible talk-therapy sentence and a readable
// urgent-help note. English and Spanish.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import { arraySource } from '../../src/sources/array.js';
import { jsonSource } from '../../src/sources/json.js';
import { fhirSource } from '../../src/sources/fhir/index.js';
import type { SourceQuery } from '../../src/sources/types.js';
import { generateTherapists } from '../../demo/sample/generate.js';
import { toResults } from './therapist-match-helpers.js';

const records = generateTherapists(30, 5);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const privacy = (el: TherapistMatch) => text(el.shadowRoot!.querySelector('[part~="privacy"]'));

/** A source that records every query it receives: what a directory's server would see. */
function recordingSource() {
  const queries: SourceQuery[] = [];
  const inner = arraySource(records);
  return {
    queries,
    source: {
      label: 'recording',
      search: (query: SourceQuery, options: { signal: AbortSignal }) => {
        queries.push(structuredClone(query));
        return inner.search(query, options);
      },
    },
  };
}

const WORDS = {
  en: {
    local: 'Your answers stay in this browser tab. They are not stored or shared.',
    session: 'Your answers are kept in this browser tab until you close it or start over.',
    kept: 'Your answers are not stored.',
    search:
      'Your answers are not stored. To search, this site’s directory receives who is coming, the session format, your area and availability needs; nothing else.',
    shared:
      'Your answers are not stored. To search, this site’s directory receives who is coming, the session format, your area, availability needs and the answers this site chose to share.',
    talk: 'Sex therapy is talk therapy: there is never physical contact',
  },
  es: {
    local: 'Tus respuestas se quedan en esta pestaña del navegador. No se guardan ni se comparten.',
    session: 'Tus respuestas se guardan en esta pestaña hasta que la cierres o empieces de nuevo.',
    kept: 'Tus respuestas no se guardan.',
    search:
      'Tus respuestas no se guardan. Para buscar, el directorio de este sitio recibe quién viene, el formato de las sesiones, tu zona y tus necesidades de disponibilidad; nada más.',
    shared:
      'Tus respuestas no se guardan. Para buscar, el directorio de este sitio recibe quién viene, el formato de las sesiones, tu zona, tus necesidades de disponibilidad y las respuestas que este sitio decidió compartir.',
    talk: 'La terapia sexual es terapia conversacional: nunca hay contacto físico',
  },
};

async function mount(template: ReturnType<typeof html>, lang: 'en' | 'es'): Promise<TherapistMatch> {
  const el = await fixture<TherapistMatch>(template);
  await el.updateComplete;
  if (lang === 'es') await waitUntil(() => /Tus respuestas/.test(privacy(el)), 'no Spanish', { timeout: 5000 });
  return el;
}

/** The query keys that carry the person's answers (the quiz's own first load carries none). */
const HARD = ['clientType', 'formats', 'jurisdiction', 'near', 'acceptingNewClients'];

describe('the privacy line says what really happens', () => {
  afterEach(() => {
    // The widgets first: one still on the page could store its snapshot again once cleared.
    fixtureCleanup();
    sessionStorage.clear();
  });

  for (const lang of ['en', 'es'] as const) {
    const w = WORDS[lang];

    it(`a file read whole: nothing stored, nothing shared, before and after the results (${lang})`, async () => {
      const el = await mount(
        html`<therapist-match src="/demo/data/therapists.json" lang=${lang}></therapist-match>`,
        lang,
      );
      expect(privacy(el)).to.equal(w.local);
      await toResults(el);
      expect(privacy(el)).to.equal(w.local);
    });

    it(`persist="session" says the answers are kept until the tab closes (${lang})`, async () => {
      const el = await mount(
        html`<therapist-match src="/demo/data/therapists.json" persist="session" lang=${lang}></therapist-match>`,
        lang,
      );
      expect(privacy(el)).to.equal(w.session);
    });

    it(`a source: says what it receives before anything is sent, and it receives no more (${lang})`, async () => {
      const { source, queries } = recordingSource();
      const el = await mount(
        html`<therapist-match .source=${source} lang=${lang} steps="who"></therapist-match>`,
        lang,
      );
      // Before the person answers, the source has had only the quiz's fixed first query.
      expect(queries.every((q) => JSON.stringify(q) === '{"clientType":"individual"}')).to.equal(true);
      expect([w.kept, w.search]).to.include(privacy(el));
      el.shadowRoot!.querySelector('tm-quiz')!
        .shadowRoot!.querySelector<HTMLInputElement>('input[value="couple"]')!
        .click();
      await el.updateComplete;
      await waitUntil(() => privacy(el) === w.search, 'the line never said what the source receives', {
        timeout: 5000,
      });
      const before = queries.length;
      await toResults(el);
      expect(queries.length).to.be.above(before);
      for (const query of queries.slice(before)) {
        expect(
          Object.keys(query).every((key) => HARD.includes(key)),
          JSON.stringify(query),
        ).to.equal(true);
        expect(query.clientType).to.equal('couple');
      }
      expect(privacy(el)).to.equal(w.search);
    });

    it(`a source with source-share: says other answers go too, and they do (${lang})`, async () => {
      const { source, queries } = recordingSource();
      const el = await mount(
        html`<therapist-match .source=${source} source-share="seeking" lang=${lang} steps="who"></therapist-match>`,
        lang,
      );
      await toResults(el);
      expect(privacy(el)).to.equal(w.shared);
      expect(queries.at(-1)!.shared).to.deep.equal({ seeking: 'individual' });
    });

    it(`a source that sends nothing on (records in memory, a file): as private as src (${lang})`, async () => {
      for (const source of [arraySource(records), jsonSource('/demo/data/therapists.json')]) {
        expect(source.sends).to.equal('nothing');
        const el = await mount(
          html`<therapist-match .source=${source} lang=${lang} steps="who"></therapist-match>`,
          lang,
        );
        expect(privacy(el)).to.equal(w.local);
        await toResults(el);
        expect(privacy(el)).to.equal(w.local);
      }
    });

    it(`a source that never passes on shared answers: source-share does not make the line claim it (${lang})`, async () => {
      const { source, queries } = recordingSource();
      const el = await mount(
        html`<therapist-match
          .source=${{ ...source, sends: 'constraints' }}
          source-share="seeking"
          lang=${lang}
          steps="who"
        ></therapist-match>`,
        lang,
      );
      await toResults(el);
      expect(queries.length).to.be.above(0);
      expect(privacy(el)).to.equal(w.search);
      // fhirSource is such a source when it searches a server, and sends nothing when it reads a bundle.
      expect(fhirSource({ server: 'https://fhir.example.org/r4' }).sends).to.equal('constraints');
      expect(fhirSource({ bundle: 'https://fhir.example.org/bundle.json' }).sends).to.equal('nothing');
    });

    it(`says sex therapy is talk therapy on the first step, visibly, and the urgent-help note reads at full size (${lang})`, async () => {
      const el = await mount(html`<therapist-match lang=${lang}></therapist-match>`, lang);
      await waitUntil(() => text(el.shadowRoot!.querySelector('summary')) === w.talk, 'no visible sentence', {
        timeout: 5000,
      });
      const summary = el.shadowRoot!.querySelector('summary')!;
      expect(summary.checkVisibility()).to.equal(true);
      const safety = el.shadowRoot!.querySelector<HTMLElement>('[part~="safety"] p')!;
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      expect(getComputedStyle(safety).fontSize).to.equal(getComputedStyle(base).fontSize);
      expect(getComputedStyle(safety).color).to.equal(getComputedStyle(base).color);
      const line = el.shadowRoot!.querySelector<HTMLElement>('[part~="privacy"]')!;
      expect(parseFloat(getComputedStyle(line).fontSize)).to.be.below(parseFloat(getComputedStyle(base).fontSize));
    });
  }
});
