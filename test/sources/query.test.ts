// What leaves the page: the query a source receives holds hard constraints only, unless the site
// owner opts in field by field; and equal answers give equal queries (so results are reused).
import { expect } from '@open-wc/testing';
import type { MatchAnswers } from '../../src/engine/answers.js';
import { queryFromAnswers, queryKey, restSource, type SourceQuery } from '../../src/sources/index.js';
import { failOnUnhandledRejections, signal } from './helpers.js';

/** A couple who answered everything, including the most sensitive questions. */
const answers: MatchAnswers = {
  seeking: 'couple',
  ageGroup: 'adult',
  concerns: { primary: 'erectile-concerns', others: ['sexual-trauma', 'infidelity-recovery'] },
  preferences: {
    therapistGender: { value: ['woman'], importance: 'required' },
    languages: { value: ['es'], importance: 'preferred' },
    communities: { value: ['kink', 'polyamory'], importance: 'required' },
    modalities: { value: ['sensate-focus'], importance: 'preferred' },
  },
  partnerPreferences: { therapistGender: { value: ['non-binary'], importance: 'preferred' } },
  formats: { value: ['telehealth', 'in-person'], importance: 'required' },
  location: { lat: 37.759912, lng: -122.414834, maxDistanceKm: 25, jurisdiction: 'us-ca', label: '94110' },
  budget: { value: { max: 150, currency: 'USD' }, importance: 'required' },
  insurance: { value: ['Aetna'], importance: 'preferred' },
  slidingScale: { value: true, importance: 'preferred' },
  acceptingNewClients: { value: true, importance: 'required' },
  freeConsultation: { value: true, importance: 'preferred' },
};

/** Words from the answers that must never reach a source unless shared. */
const SENSITIVE = [
  'erectile',
  'trauma',
  'infidelity',
  'woman',
  'non-binary',
  'kink',
  'polyamory',
  'sensate',
  'Aetna',
  '94110',
  'adult',
  '"es"',
];

interface Echo {
  method: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
}

async function sentBy(method: 'GET' | 'POST', query: SourceQuery): Promise<Echo> {
  const source = restSource({ url: '/test-api/echo', method, mapResponse: (json) => [json] });
  const [echo] = (await source.search(query, { signal: signal() })) as Echo[];
  return echo;
}

describe('queryFromAnswers', () => {
  failOnUnhandledRejections();

  it('keeps only the hard constraints, with the location coarsened to a search window', () => {
    expect(queryFromAnswers(answers)).to.deep.equal({
      clientType: 'couple',
      formats: ['in-person', 'telehealth'],
      jurisdiction: 'US-CA',
      near: { lat: 37.76, lng: -122.41, radiusKm: 27 },
      acceptingNewClients: true,
    });
  });

  it('sends no concern or identity answer to a source by default, by GET or POST', async () => {
    const query = queryFromAnswers(answers);
    for (const method of ['GET', 'POST'] as const) {
      const echo = await sentBy(method, query);
      const received = JSON.stringify(echo.query) + JSON.stringify(echo.body);
      expect(received, method).to.contain('US-CA');
      for (const word of SENSITIVE) expect(received, `${method} leaked ${word}`).not.to.contain(word);
    }
  });

  it('shares exactly the fields the site owner opts in to, and only by POST', async () => {
    const query = queryFromAnswers(answers, { share: ['concerns', 'preferences'] });
    expect(query.shared).to.deep.equal({ concerns: answers.concerns, preferences: answers.preferences });
    const posted = await sentBy('POST', query);
    expect(posted.body!.shared).to.deep.equal({ concerns: answers.concerns, preferences: answers.preferences });
    expect(JSON.stringify(posted.body)).not.to.contain('non-binary');

    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      const got = await sentBy('GET', query);
      expect(JSON.stringify(got.query)).not.to.contain('erectile');
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.match(
      /shared answers \(concerns, preferences\) are not sent: answers never go in a URL/,
    );
  });

  it('asks only for what matters: preferred formats and wishes are left to the engine', () => {
    expect(
      queryFromAnswers({
        seeking: 'individual',
        formats: { value: ['in-person'], importance: 'preferred' },
        acceptingNewClients: { value: true, importance: 'preferred' },
        location: { jurisdiction: 'US-OR' },
      }),
    ).to.deep.equal({ clientType: 'individual', jurisdiction: 'US-OR' });
  });

  it('leaves out the jurisdiction for in-person only, and the window for telehealth only', () => {
    const location = { lat: 45.5, lng: -122.6, maxDistanceKm: 10, jurisdiction: 'US-OR' };
    expect(
      queryFromAnswers({ seeking: 'individual', location, formats: { value: ['in-person'], importance: 'required' } }),
    ).to.deep.equal({
      clientType: 'individual',
      formats: ['in-person'],
      near: { lat: 45.5, lng: -122.6, radiusKm: 12 },
    });
    expect(
      queryFromAnswers({ seeking: 'individual', location, formats: { value: ['telehealth'], importance: 'required' } }),
    ).to.deep.equal({ clientType: 'individual', formats: ['telehealth'], jurisdiction: 'US-OR' });
  });

  it('gives equal keys for equal answers written in a different order', () => {
    const reordered: MatchAnswers = {
      acceptingNewClients: { importance: 'required', value: true },
      location: { maxDistanceKm: 25, jurisdiction: 'US-CA', lng: -122.4148, lat: 37.7599 },
      formats: { importance: 'required', value: ['in-person', 'telehealth'] },
      seeking: 'couple',
      concerns: { others: ['infidelity-recovery', 'sexual-trauma'], primary: 'erectile-concerns' },
    };
    expect(queryKey(queryFromAnswers(reordered))).to.equal(queryKey(queryFromAnswers(answers)));
    expect(queryKey(queryFromAnswers(reordered, { share: ['concerns'] }))).not.to.equal(
      queryKey(queryFromAnswers(answers)),
    );
    expect(queryKey({ near: { radiusKm: 5, lng: 1, lat: 2 } })).to.equal(
      queryKey({ near: { lat: 2, lng: 1, radiusKm: 5 } }),
    );
  });
});
