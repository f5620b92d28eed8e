// warmWhenIdle: the ranking's code warmed in idle time changes nothing a developer or a person
// receives, leaves no trace (no request, nothing stored, the URL unchanged) and runs once per page. How much
// faster the first ranking gets is printed by `npm run bench` ("A page's first ranking"), not
// asserted here.
import { expect } from '@open-wc/testing';
import { parseTherapists, rankTherapists, type MatchAnswers } from '../../src/engine/index.js';
import { warmWhenIdle } from '../../src/engine/warm.js';
import { generateTherapists } from '../../demo/sample/generate.js';

const ANSWERS: MatchAnswers[] = [
  { seeking: 'individual' },
  {
    seeking: 'couple',
    ageGroup: 'adult',
    concerns: { primary: 'desire-discrepancy', others: ['communication-about-sex'] },
    preferences: { therapistGender: { value: ['woman'], importance: 'required' } },
    partnerPreferences: { communities: { value: ['lgbtq'], importance: 'preferred' } },
    therapyStyle: { lead: 'therapist' },
    formats: { value: ['in-person', 'telehealth'], importance: 'required' },
    location: { lat: 40.7411, lng: -74.0018, maxDistanceKm: 40, jurisdiction: 'US-NY' },
  },
  {
    seeking: 'individual',
    ageGroup: 'older-adult',
    concerns: { primary: 'erectile-concerns' },
    formats: { value: ['in-person'], importance: 'required' },
    location: { lat: 41.8781, lng: -87.6298, maxDistanceKm: 5 },
    acceptingNewClients: { value: true, importance: 'required' },
  },
];

describe('warmWhenIdle', () => {
  it('changes no ranking, makes no request, stores nothing and runs once per page', async () => {
    const { therapists } = parseTherapists(generateTherapists(600, 7));
    // The same directory and answers ranked before the warm-up (the module's first rankings).
    const before = ANSWERS.map((answers) => JSON.stringify(rankTherapists(therapists, answers, { seed: 3 })));

    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => requests.push(...list.getEntries().map((e) => e.name)));
    observer.observe({ type: 'resource' });
    const stored = [localStorage.length, sessionStorage.length, document.cookie];
    const url = location.href;
    try {
      const warming = warmWhenIdle(therapists);
      // Once per page: a second call, even with another directory, is the first call's promise.
      expect(warmWhenIdle([])).to.equal(warming);
      expect(await warming).to.equal(undefined);
      await new Promise((done) => setTimeout(done, 50)); // resource entries are delivered late
    } finally {
      observer.disconnect();
    }
    expect(requests).to.deep.equal([]);
    expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal(stored);
    expect(location.href).to.equal(url);

    const after = ANSWERS.map((answers) => JSON.stringify(rankTherapists(therapists, answers, { seed: 3 })));
    expect(after).to.deep.equal(before);
  });
});
