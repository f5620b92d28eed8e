// Fixtures for the results and match card tests: literal RankResult objects built from real sample
// records (so the tests do not depend on the ranker's output), text helpers and axe with WCAG 2.2 tags.
import { generateTherapists } from '../../demo/sample/generate.js';
import type { Match, MatchReason, RankResult } from '../../src/engine/types.js';
import { parseTherapists, type Therapist } from '../../src/engine/schema.js';
import type { TmMatchCard } from '../../src/components/match-card/match-card.js';

export const sample = parseTherapists(generateTherapists(40)).therapists;

/** A real sample record with fields fixed so the tests can assert exact text. */
export function therapist(overrides: Partial<Therapist> = {}): Therapist {
  return {
    ...structuredClone(sample[0]),
    id: 'sample-test-1',
    name: 'Dr. Avery Brightwater',
    pronouns: 'she/her',
    photoUrl: undefined,
    licenses: [
      { type: 'LMFT', jurisdiction: 'US-OR', number: 'SAMPLE-1', verifyUrl: 'https://licensing.example.org/verify/1' },
      { type: 'LMFT', jurisdiction: 'US-WA' },
      { type: 'PsyD', jurisdiction: 'US-CA' },
    ],
    certifications: [{ body: 'AASECT', name: 'Certified Sex Therapist', since: '2015-03-15', expires: '2099-06-30' }],
    languages: ['en', 'es'],
    formats: ['in-person', 'telehealth'],
    location: { city: 'Portland', region: 'US-OR', country: 'US', lat: 45.5, lng: -122.6 },
    telehealthJurisdictions: ['US-OR', 'US-WA'],
    fees: { currency: 'USD', min: 120, max: 180, slidingScale: true },
    insurance: ['Aetna', 'Cigna'],
    acceptingNewClients: true,
    freeConsultation: true,
    bookingUrl: 'https://booking.example.org/avery-1',
    email: 'therapist1@example.org',
    phone: '+1 555 0101',
    website: 'https://example.org/therapists/1',
    lastVerified: '2026-03-05',
    bio: 'Avery is a fictional LMFT who works with individuals and partners in talk therapy.',
    modalities: ['cbt', 'sensate-focus'],
    communities: ['lgbtq'],
    ...overrides,
  };
}

export const coupleReasons: MatchReason[] = [
  {
    criterion: 'primaryConcern',
    status: 'met',
    who: 'both',
    importance: 'preferred',
    contribution: 0.4,
    details: { concern: 'desire-discrepancy' },
  },
  {
    criterion: 'therapistGender',
    status: 'not-met',
    who: 'partner',
    importance: 'preferred',
    contribution: 0,
    details: { gender: 'woman' },
  },
  {
    criterion: 'languages',
    status: 'met',
    who: 'you',
    importance: 'preferred',
    contribution: 0.1,
    details: { matched: ['es'] },
  },
  {
    criterion: 'communities',
    status: 'partly-met',
    who: 'you',
    importance: 'preferred',
    contribution: 0.05,
    details: { matched: ['lgbtq'], missing: ['kink'] },
  },
  { criterion: 'distance', status: 'met', importance: 'preferred', contribution: 0.1, details: { km: 12.3 } },
  { criterion: 'budget', status: 'unused', importance: 'none', contribution: 0 },
];

export function matchOf(t: Therapist = therapist(), overrides: Partial<Match> = {}): Match {
  return {
    therapist: t,
    score: 0.86,
    reasons: coupleReasons,
    distanceKm: 12.3,
    telehealthEligible: true,
    ...overrides,
  };
}

/** Three matches from the sample directory, plus everything the summary shows. */
export function rankResult(overrides: Partial<RankResult> = {}): RankResult {
  const matches = [
    matchOf(),
    matchOf(sample[1], { score: 0.62 }),
    matchOf(sample[2], { score: 0.41, distanceKm: undefined }),
  ];
  return {
    matches,
    total: 20,
    matched: 3,
    exclusions: [
      { criterion: 'telehealthJurisdiction', count: 12, details: { jurisdiction: 'US-OR' } },
      { criterion: 'therapistGender', count: 5, details: { required: 'woman,non-binary' } },
    ],
    relaxations: [
      {
        criterion: 'formats',
        additional: 7,
        change: { formats: { value: ['in-person', 'telehealth'], importance: 'required' } },
      },
      { criterion: 'distance', additional: 3, change: { location: { lat: 45.5, lng: -122.6, maxDistanceKm: 50 } } },
      {
        criterion: 'therapistGender',
        additional: 1,
        change: { preferences: { therapistGender: { value: ['woman'], importance: 'preferred' } } },
      },
    ],
    conflicts: [{ criterion: 'therapistGender', you: ['woman'], partner: ['man'], importance: 'preferred' }],
    ...overrides,
  };
}

/** Text as a person reads it: whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function cardsIn(root: Element): TmMatchCard[] {
  return [...root.shadowRoot!.querySelectorAll('tm-match-card')];
}

/** chai-a11y-axe's default rules, then axe with the WCAG 2.2 AA tags: one helper for every element's tests. */
export { expectAccessible } from './quiz-helpers.js';
