// Property tests: no input, however odd, makes parsing or ranking throw.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseTherapists, rankTherapists, type MatchAnswers } from '../../src/engine/index.js';
import { generateTherapists } from '../../demo/sample/generate.js';

const importance = fc.constantFrom('required', 'preferred', 'none', 'sometimes', undefined);
const words = fc.array(
  fc.oneof(
    fc.constantFrom('woman', 'man', 'es', 'en', 'lgbtq', 'cbt', 'Aetna', 'in-person', 'telehealth'),
    fc.string(),
  ),
  { maxLength: 4 },
);
const pref = <T>(value: fc.Arbitrary<T>) => fc.option(fc.record({ value, importance }), { nil: undefined });
const personal = fc.option(
  fc.record({
    therapistGender: pref(words),
    languages: pref(words),
    communities: pref(words),
    modalities: pref(words),
  }),
  { nil: undefined },
);
const answers = fc.record({
  seeking: fc.constantFrom('individual', 'couple', 'other'),
  ageGroup: fc.option(fc.constantFrom('adolescent', 'adult', 'older-adult', 'toddler'), { nil: undefined }),
  concerns: fc.option(
    fc.record({ primary: fc.option(fc.string(), { nil: undefined }), others: fc.option(words, { nil: undefined }) }),
    { nil: undefined },
  ),
  preferences: personal,
  partnerPreferences: personal,
  formats: pref(words),
  location: fc.option(
    fc.record({
      lat: fc.option(fc.double(), { nil: undefined }),
      lng: fc.option(fc.double(), { nil: undefined }),
      maxDistanceKm: fc.option(fc.double(), { nil: undefined }),
      jurisdiction: fc.option(fc.constantFrom('US-OR', 'US-CA', 'CA-ON', 'XX', ''), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  budget: pref(fc.record({ max: fc.double(), currency: fc.constantFrom('USD', 'CAD', 'eur') })),
  insurance: pref(words),
  slidingScale: pref(fc.constant(true)),
  acceptingNewClients: pref(fc.oneof(fc.constant(true), fc.anything())),
  freeConsultation: pref(fc.constant(true)),
}) as unknown as fc.Arbitrary<MatchAnswers>;

const sample = generateTherapists(60, 5);
/** A sample record with one field replaced by anything. */
const mutated = fc
  .tuple(fc.nat(sample.length - 1), fc.constantFrom(...Object.keys(sample[0]), 'licenses', 'location'), fc.anything())
  .map(([k, field, value]) => ({ ...sample[k], [field]: value }));

describe('properties', () => {
  it('parseTherapists never throws and accounts for every record', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(fc.oneof(mutated, fc.anything()), { maxLength: 20 })), (input) => {
        const { therapists, problems } = parseTherapists(input);
        if (Array.isArray(input)) {
          const rejected = new Set(problems.map((p) => p.index));
          expect(therapists.length + rejected.size).to.equal(input.length);
        } else expect(problems.length).to.be.at.least(therapists.length ? 0 : 1);
      }),
      { numRuns: 300 },
    );
  });

  it('rankTherapists never throws and keeps its invariants for any answers and records', () => {
    fc.assert(
      fc.property(
        fc.array(mutated, { maxLength: 30 }),
        answers,
        fc.option(fc.integer(), { nil: undefined }),
        (records, a, seed) => {
          const { therapists } = parseTherapists(records);
          const result = rankTherapists(therapists, a, { seed, limit: 10 });
          expect(result.total).to.equal(therapists.length);
          expect(result.matched).to.be.at.most(therapists.length);
          expect(result.matches.length).to.equal(Math.min(10, result.matched));
          for (const m of result.matches) expect(m.score).to.be.within(0, 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rankTherapists survives answers that are not even objects', () => {
    const { therapists } = parseTherapists(sample);
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, options) => {
        const result = rankTherapists(therapists, a as MatchAnswers, options as object);
        expect(result.total).to.equal(sample.length);
      }),
      { numRuns: 200 },
    );
  });
});
