// Property tests: no input, however odd, makes parsing or ranking throw; every record is kept or
// dropped with an error; the fast path never accepts what zod rejects; reading is idempotent.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  parseTherapists,
  rankTherapists,
  TherapistSchema,
  validateTherapists,
  type MatchAnswers,
  type ParseResult,
} from '../../src/engine/index.js';
import { acceptRecordFast } from '../../src/engine/accept.js';
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
  partnerPreferences: fc.oneof(personal, fc.array(fc.oneof(personal, fc.anything()), { maxLength: 12 })),
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
const fieldNames = [...new Set(sample.flatMap((t) => Object.keys(t)))];

/** Text as directories hold it: letters, spaces, separators, and the characters that hide or reorder text. */
const oddText = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    ' ',
    ';',
    ',',
    ':',
    '-',
    'é',
    '\u0301',
    '😀',
    '\n',
    '\t',
    '\u0000',
    '\u0007',
    '\u00AD',
    '\u200B',
    '\u200D',
    '\u202E',
    '\u2066',
    '\u3164',
    '\uFEFF',
    '\uD800',
    '\uDC00',
  ),
  maxLength: 12,
});
/** Values an export might hold in any field: the sample's own values, words, numbers, odd text, anything. */
const cellValue = fc.oneof(
  fc.constantFrom('yes', 'no', 'Sí', 'TRUE', '0', '2018', '2026-03', '2026-02-30', 'English, Español', 'Low desire'),
  fc.constantFrom('https://example.org/', 'javascript:alert(1)', 'US-CA', 'us-ca', 'LMFT:US-CA', '37.8', '-122.2'),
  oddText,
  fc.double(),
  fc.anything({ maxDepth: 2 }),
);
/** Spreadsheet headers, hostile keys and unknown names, next to the format's own. */
const anyKey = fc.oneof(
  fc.constantFrom(...fieldNames, 'licenses', 'location'),
  fc.constantFrom('Full Name', 'Accepting New Clients', 'Zip', 'Latitude', 'Longitude', 'Languages', 'Specialties'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'Favourite colour'),
);

/** A sample record with one to three fields replaced (or added), as JSON.parse would build it. */
const mutated = fc
  .tuple(fc.nat(sample.length - 1), fc.array(fc.tuple(anyKey, cellValue), { minLength: 1, maxLength: 3 }))
  .map(([k, changes]) => {
    const copy: Record<string, unknown> = { ...sample[k] };
    // defineProperty, like JSON.parse: a key named __proto__ is the record's own, not its prototype.
    for (const [key, value] of changes)
      Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  });

/** Indices of the records a result dropped (those with an error). */
const dropped = (result: ParseResult) =>
  new Set(result.problems.filter((p) => p.severity === 'error').map((p) => p.index));

/** Plain data all the way down: ordinary prototypes, no inherited or forbidden keys. */
function expectPlain(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  expect([Object.prototype, Array.prototype]).to.include(Object.getPrototypeOf(value));
  for (const key in value) expect(Object.hasOwn(value, key), key).to.equal(true);
  for (const key of ['__proto__', 'constructor', 'prototype']) expect(Object.hasOwn(value, key), key).to.equal(false);
  for (const item of Object.values(value)) expectPlain(item);
}

describe('properties', () => {
  it('parseTherapists never throws and keeps or drops every record, naming each one', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(fc.oneof(mutated, fc.anything()), { maxLength: 20 })), (input) => {
        const result = parseTherapists(input);
        const { therapists, problems } = result;
        for (const p of problems) {
          expect(['error', 'warning']).to.include(p.severity);
          expect(p.message).to.be.a('string').and.not.equal('');
          expect(p.path).to.be.a('string');
        }
        if (!Array.isArray(input)) {
          expect(problems.length).to.be.at.least(therapists.length ? 0 : 1);
          return;
        }
        const errors = dropped(result);
        expect(therapists.length + errors.size).to.equal(input.length);
        for (const p of problems) expect(p.index).to.be.within(0, input.length - 1);
        // The k-th kept record is the k-th record without an error; its problems name its id.
        const kept = input.map((_, i) => i).filter((i) => !errors.has(i));
        kept.forEach((index, k) => {
          for (const p of problems.filter((q) => q.index === index)) expect(p.id).to.equal(therapists[k].id);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the fast path never accepts what zod rejects, and gives what zod gives', () => {
    fc.assert(
      fc.property(mutated, (input) => {
        const accepted = acceptRecordFast(input);
        if (!accepted) return;
        const zod = TherapistSchema.safeParse(input);
        expect(zod.success, JSON.stringify(input)).to.equal(true);
        expect(accepted).to.deep.equal(zod.data);
      }),
      { numRuns: 500 },
    );
  });

  it('validateTherapists gives what parseTherapists gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutated, { maxLength: 8 }), async (input) => {
        expect(await validateTherapists(input)).to.deep.equal(parseTherapists(input));
      }),
      { numRuns: 100 },
    );
  });

  it('reading is idempotent: kept records read again come back the same, with no error', () => {
    fc.assert(
      fc.property(fc.array(mutated, { maxLength: 8 }), (input) => {
        const first = parseTherapists(input).therapists;
        const again = parseTherapists(first);
        expect(again.therapists).to.deep.equal(first);
        expect(again.problems.filter((p) => p.severity === 'error')).to.deep.equal([]);
      }),
      { numRuns: 200 },
    );
  });

  it('no key in any record ever reaches a prototype', () => {
    const before = {
      object: Object.getOwnPropertyNames(Object.prototype),
      array: Object.getOwnPropertyNames(Array.prototype),
    };
    fc.assert(
      fc.property(fc.array(mutated, { maxLength: 8 }), (input) => {
        const { therapists } = parseTherapists(input);
        for (const t of therapists) expectPlain(t);
      }),
      { numRuns: 200 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype)).to.deep.equal(before.object);
    expect(Object.getOwnPropertyNames(Array.prototype)).to.deep.equal(before.array);
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
