// Fuzzing the public engine API (seeded: see test/fuzz.ts): random and hostile directories,
// answers, options, presets and stored snapshots. Nothing throws out of it, results keep their
// invariants, limits follow their documented ranges, and no prototype ever changes.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  applyRelaxation,
  createVocabulary,
  defaultVocabulary,
  distanceKm,
  indexTherapists,
  isTherapistIndex,
  labelOf,
  languageTag,
  licenceKind,
  needsPhysicianFirst,
  nonClinicalMention,
  parseTherapists,
  physicianFirstConcerns,
  rankTherapists,
  regionCode,
  resolveWeights,
  type MatchAnswers,
  type RankOptions,
  type RankResult,
} from '../../src/engine/index.js';
import { initialAnswers, readPreset, readSnapshot, serializeSnapshot } from '../../src/state/stored-answers.js';
import { generateTherapists } from '../../demo/sample/generate.js';
import { anyAnswers, arm, edgeNumber, fuzz, hostileObject, prototypeSnapshot, withTraps } from '../fuzz.js';

const sample = generateTherapists(40, 11);
const { therapists: valid } = parseTherapists(sample);

const anyOptions: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: withTraps(
      fc.record(
        {
          limit: edgeNumber,
          minMatches: edgeNumber,
          seed: edgeNumber,
          weights: fc.oneof(
            fc.dictionary(fc.constantFrom('languages', 'budget', 'distance'), edgeNumber),
            hostileObject,
          ),
          vocabulary: fc.oneof(fc.constant(defaultVocabulary), hostileObject, fc.anything({ maxDepth: 1 })),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { weight: 1, arbitrary: fc.oneof(hostileObject, fc.anything({ maxDepth: 1 })) },
);

// Directories: validated records, raw ones, and arrays holding anything. Records are generated as
// `{ '~sample': k }` (the k-th sample record) so a failure prints short.
const validIndices = fc.uniqueArray(fc.nat({ max: valid.length - 1 }), { maxLength: valid.length });
const sampleRecord = fc.nat({ max: sample.length - 1 }).map((k) => ({ '~sample': k }));
const anyDirectory: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: validIndices.map((list) => ({ '~valid': list })) },
  {
    weight: 3,
    arbitrary: fc.array(
      fc.oneof(
        sampleRecord,
        withTraps(sampleRecord),
        fc.constantFrom(null, undefined, 0, 'record', [], {}),
        hostileObject,
      ),
      { maxLength: 25 },
    ),
  },
  { weight: 1, arbitrary: fc.oneof(hostileObject, fc.anything({ maxDepth: 1 })) },
);

/** The directory a recipe describes: sample records put in, then traps armed. */
function directoryOf(recipe: unknown): unknown {
  const withRecords = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(withRecords);
    if (typeof value !== 'object' || value === null) return value;
    if ('~sample' in value) return structuredClone(sample[(value as { '~sample': number })['~sample']]);
    if ('~valid' in value) return (value as { '~valid': number[] })['~valid'].map((k) => valid[k]);
    if ('~trap' in value) return { ...value, value: withRecords((value as { value?: unknown }).value) };
    return value;
  };
  return arm(withRecords(recipe));
}

/** The documented `limit`: NaN or not a number → 20; ≤ 0 → 0; else rounded down (Infinity stays). */
function expectedLimit(options: unknown): number {
  let limit: unknown;
  try {
    limit = (options as RankOptions | undefined)?.limit;
  } catch {
    limit = undefined;
  }
  if (typeof limit !== 'number' || Number.isNaN(limit)) return 20;
  return limit <= 0 ? 0 : Math.floor(limit);
}

function expectResult(result: RankResult): void {
  expect(result.matched).to.be.within(0, result.total);
  expect(result.matches.length).to.be.at.most(result.matched);
  for (const match of result.matches) {
    expect(match.score).to.be.within(0, 1);
    expect(match.therapist).to.be.an('object');
    for (const reason of match.reasons) expect(Number.isFinite(reason.contribution), reason.criterion).to.equal(true);
  }
  for (const relaxation of result.relaxations) {
    expect(relaxation.additional).to.be.above(0);
    expect(relaxation.change).to.be.an('object');
  }
}

describe('fuzz: the public engine API', () => {
  let prototypesUnchanged: () => void;
  beforeEach(() => (prototypesUnchanged = prototypeSnapshot()));
  afterEach(() => prototypesUnchanged());

  it('rankTherapists never throws; counts, limits and scores keep their documented ranges', async () => {
    await fuzz(
      fc.property(anyDirectory, anyAnswers, anyOptions, (...recipes) => {
        const directory = directoryOf(recipes[0]);
        const [answers, options] = recipes.slice(1).map(arm);
        const result = rankTherapists(directory as never, answers as MatchAnswers, options as RankOptions);
        expectResult(result);
        expect(result.matches.length).to.equal(Math.min(expectedLimit(options), result.matched));
        const given = recipes[0] as { '~valid'?: number[] };
        expect(result.total).to.be.at.most(Array.isArray(given) ? given.length : (given?.['~valid']?.length ?? 0));
      }),
      300,
    );
  });

  it('applyRelaxation never throws, and each suggested change adds the matches it promised', async () => {
    await fuzz(
      fc.property(fc.uniqueArray(fc.nat({ max: valid.length - 1 }), { minLength: 5 }), anyAnswers, (picked, recipe) => {
        const directory = picked.map((k) => valid[k]);
        const answers = arm(recipe);
        const before = rankTherapists(directory, answers as MatchAnswers, { minMatches: 10 });
        for (const relaxation of before.relaxations) {
          const relaxed = applyRelaxation(answers as MatchAnswers, relaxation);
          expect(relaxed.seeking).to.be.oneOf(['individual', 'couple']);
          const after = rankTherapists(directory, relaxed, { minMatches: 10 });
          expect(after.matched, relaxation.criterion).to.equal(before.matched + relaxation.additional);
        }
      }),
      200,
    );
  });

  it('presets: any value reads as valid answers, read again the same, and starts a quiz', async () => {
    await fuzz(
      fc.property(anyAnswers, (recipe) => {
        const preset = arm(recipe);
        const { answers, dropped } = readPreset(preset);
        for (const path of dropped) expect(path).to.be.a('string');
        // What was kept is plain data that reads back whole.
        const copy = JSON.parse(JSON.stringify(answers)) as unknown;
        expect(readPreset(copy)).to.deep.equal({ answers: copy, dropped: [] });
        const start = initialAnswers(preset as Partial<MatchAnswers>);
        expect(start.seeking).to.be.oneOf(['individual', 'couple']);
        expect(readPreset(start).dropped).to.deep.equal([]);
      }),
      500,
    );
  });

  it('snapshots: any stored text is a snapshot that survives a round trip, or invalid; never both', async () => {
    const good = fc.record({
      v: fc.constantFrom(1, 1, 1, 2, '1'),
      answers: anyAnswers,
      step: fc.constantFrom('who', 'concerns', 'comfort', 'partner', 'practical', 'results', 5),
      view: fc.constantFrom('quiz', 'results', 'list'),
    });
    const stored = fc.oneof(
      good.map((snapshot) => JSON.stringify(snapshot)),
      fc.json(),
      fc.string({ maxLength: 20 }),
      fc.constantFrom(null, '', '{"v":1,"answers":{"seeking":"couple"},"step":"who","view":"quiz","__proto__":{}}'),
    );
    await fuzz(
      fc.property(stored, (text) => {
        const read = readSnapshot(text);
        expect(Boolean(read.snapshot && read.invalid), 'both a snapshot and invalid').to.equal(false);
        if (read.snapshot) expect(readSnapshot(serializeSnapshot(read.snapshot))).to.deep.equal(read);
        if (!text) expect(read).to.deep.equal({});
      }),
      500,
    );
  });

  it('the other public engine functions never throw for any input', async () => {
    const anything = fc.oneof(fc.anything({ maxDepth: 2 }), hostileObject, edgeNumber);
    await fuzz(
      fc.property(anything, anything, anything, (...recipes) => {
        const [a, b, c] = recipes.map(arm);
        needsPhysicianFirst(a as never, b as never);
        physicianFirstConcerns(a as never, b as never);
        resolveWeights(a as never);
        const index = indexTherapists(a as never);
        expect(isTherapistIndex(index)).to.equal(true);
        expect(isTherapistIndex(a)).to.equal(false);
        const vocabulary = createVocabulary(a as never, b as never);
        for (const list of Object.values(vocabulary)) expect(list).to.be.an('array');
        expect(labelOf(a as never, b as never, 'fallback')).to.be.a('string');
        expect(distanceKm(a as never, b as never, c as never, 0)).to.be.a('number');
        languageTag(a as never);
        regionCode(a as never);
        licenceKind(a as never, b as never);
        nonClinicalMention(a as never);
        applyRelaxation(a as never, b as never);
      }),
      300,
    );
  });
});
