// The engine under hostile calls: answers with throwing getters and Proxies, limits out of range,
// directories holding nulls, fake indexes; presets and stored snapshots read field by field.
// Each case once threw or answered wrongly; now each has a defined answer.
import { expect } from '@open-wc/testing';
import {
  applyRelaxation,
  indexTherapists,
  isTherapistIndex,
  needsPhysicianFirst,
  rankTherapists,
  resolveWeights,
  DEFAULT_WEIGHTS,
  type MatchAnswers,
  type RankOptions,
  type Therapist,
} from '../../src/engine/index.js';
import { initialAnswers, readPreset, readSnapshot, serializeSnapshot } from '../../src/state/stored-answers.js';
import { directory, ids, record } from './records.js';

const list = directory(
  record('a', { concerns: ['low-desire'] }),
  record('b', { concerns: ['body-image'] }),
  record('c', { concerns: ['sexual-shame'] }),
);
const individual: MatchAnswers = { seeking: 'individual' };

/** A copy of `object` whose `keys` are getters that throw. */
function throwing<T extends object>(object: T, ...keys: string[]): T {
  const copy = { ...object };
  for (const key of keys)
    Object.defineProperty(copy, key, {
      enumerable: true,
      get() {
        throw new Error(`${key} getter`);
      },
    });
  return copy;
}
const trap = () => {
  throw new Error('trap');
};
/** A Proxy whose every trap throws: reading anything of it fails. */
const hostileProxy = () =>
  new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });

describe('rankTherapists: hostile answers', () => {
  it('reads an answers object whose getter throws as if that answer were not given', () => {
    const answers = throwing({ seeking: 'individual', concerns: { primary: 'low-desire' } }, 'ageGroup');
    const result = rankTherapists(list, answers as MatchAnswers);
    expect(ids(result.matches)).to.deep.equal(['a', 'b', 'c']);
    expect(result.matches[0].reasons.find((r) => r.criterion === 'ageGroup')?.status).to.equal('unused');
  });

  it('reads a throwing nested getter as that field missing, keeping the others', () => {
    const concerns = throwing({ primary: 'low-desire' }, 'others');
    const result = rankTherapists(list, { seeking: 'individual', concerns } as MatchAnswers);
    expect(ids(result.matches)[0]).to.equal('a');
  });

  it('ranks for a Proxy whose traps all throw as for no answers', () => {
    const result = rankTherapists(list, hostileProxy() as MatchAnswers);
    expect(result.total).to.equal(3);
    expect(ids(result.matches)).to.deep.equal(ids(rankTherapists(list, individual).matches));
  });

  it('never throws for options with throwing getters; each one counts as left out', () => {
    const options = throwing({ seed: 3 }, 'limit', 'weights', 'minMatches', 'vocabulary') as RankOptions;
    expect(rankTherapists(list, individual, options).matches).to.have.length(3);
    expect(rankTherapists(list, individual, hostileProxy() as RankOptions).matches).to.have.length(3);
  });

  it('reads a field of the wrong shape as not given: an unknown age group no longer excludes everyone', () => {
    const answers = { seeking: 'individual', ageGroup: 'toddler' } as unknown as MatchAnswers;
    expect(rankTherapists(list, answers).matched).to.equal(3);
  });
});

describe('rankTherapists: limits and minimums are clamped', () => {
  const many = directory(...Array.from({ length: 30 }, (_, k) => record(`t${String(k).padStart(2, '0')}`, {})));

  it('returns every match for a limit above the directory size ({ limit: 1e10 } threw a RangeError)', () => {
    const result = rankTherapists(many, individual, { limit: 1e10 });
    expect(result.matches).to.have.length(30);
    expect(rankTherapists(many, individual, { limit: Infinity }).matches).to.have.length(30);
    expect(rankTherapists(many, individual, { limit: 2 ** 31 }).matches).to.have.length(30);
  });

  it('gives no matches (and still counts them) for 0 or a negative limit, the default for NaN', () => {
    for (const limit of [0, -1, -Infinity, 0.5]) {
      const result = rankTherapists(many, individual, { limit });
      expect(result.matches, String(limit)).to.have.length(0);
      expect(result.matched).to.equal(30);
    }
    expect(rankTherapists(many, individual, { limit: NaN }).matches).to.have.length(20);
    expect(rankTherapists(many, individual, { limit: '5' as unknown as number }).matches).to.have.length(20);
    expect(rankTherapists(many, individual, { limit: 7.9 }).matches).to.have.length(7);
  });

  it('suggests relaxations by a whole minimum: fractions round up, negative never, Infinity always', () => {
    const answers: MatchAnswers = {
      seeking: 'individual',
      location: { lat: 45.5, lng: -122.6, maxDistanceKm: 1 },
      formats: { value: ['in-person'], importance: 'required' },
    };
    const far = directory(
      record('near', { formats: ['in-person'], location: { city: 'P', country: 'US', lat: 45.5, lng: -122.6 } }),
      record('far', { formats: ['in-person'], location: { city: 'Q', country: 'US', lat: 45.6, lng: -122.6 } }),
    );
    expect(rankTherapists(far, answers, { minMatches: 1 }).relaxations).to.deep.equal([]);
    const half = rankTherapists(far, answers, { minMatches: 1.5 }).relaxations;
    expect(half.map((r) => [r.criterion, r.additional])).to.deep.equal([['distance', 1]]);
    expect(half[0].change.location?.maxDistanceKm).to.be.a('number').and.satisfy(Number.isFinite);
    expect(rankTherapists(far, answers, { minMatches: -3 }).relaxations).to.deep.equal([]);
    expect(rankTherapists(far, answers, { minMatches: NaN }).relaxations).to.have.length(1);
    const always = rankTherapists(far, answers, { minMatches: Infinity }).relaxations;
    expect(always.map((r) => [r.criterion, r.additional])).to.deep.equal([['distance', 1]]);
  });
});

describe('rankTherapists and indexTherapists: directories that are not clean arrays', () => {
  it('leaves out items that are not objects (null threw a TypeError)', () => {
    const mixed = [null, list[0], 'x', 3, undefined, list[1], [], list[2]] as unknown as Therapist[];
    const result = rankTherapists(mixed, individual);
    expect(result.total).to.equal(4); // the empty array is an object, read as a record with nothing
    expect(ids(result.matches).filter(Boolean)).to.deep.equal(['a', 'b', 'c']);
  });

  it('leaves out a record whose getters throw, and a Proxy record', () => {
    const bad = throwing(list[0], 'formats');
    const result = rankTherapists([bad, hostileProxy(), list[1]] as Therapist[], individual);
    expect(result.total).to.equal(1);
    expect(ids(result.matches)).to.deep.equal(['b']);
  });

  it('leaves out a record whose getter throws after some of its terms were read, and nothing of it reaches the next record', () => {
    // concerns are read before languages: the first record's concern must not stay in the index,
    // neither in the row the next record takes nor as a term of the directory.
    const [bad, good] = directory(
      record('bad', { concerns: ['low-desire', 'sexual-shame'] }),
      record('good', { concerns: ['body-image'] }),
    );
    const index = indexTherapists([throwing(bad, 'languages'), good]);
    expect(index.size).to.equal(1);
    expect([...index.concerns.ids.keys()]).to.deep.equal(['body-image']);
    const result = rankTherapists(index, { seeking: 'individual', concerns: { primary: 'low-desire' } });
    expect(ids(result.matches)).to.deep.equal(['good']);
    const reason = result.matches[0].reasons.find((r) => r.criterion === 'primaryConcern');
    expect(reason?.status).to.equal('not-met');
  });

  it('leaves out a record whose modalities getter throws, though modalities are read on first use', () => {
    const bad = throwing(list[0], 'modalities');
    const result = rankTherapists([bad, list[1]] as Therapist[], {
      seeking: 'individual',
      preferences: { modalities: { value: ['cbt'], importance: 'preferred' } },
    });
    expect(result.total).to.equal(1);
    expect(ids(result.matches)).to.deep.equal(['b']);
  });

  it('reads a list whose items throw when first needed as empty, and keeps the record', () => {
    const items = new Proxy(['cbt'], {
      get: (target, key) => {
        if (key === '0') throw new Error('no');
        return Reflect.get(target, key) as unknown;
      },
    });
    const odd = { ...list[0], modalities: items } as Therapist;
    const result = rankTherapists([odd, { ...list[1], modalities: ['cbt'] }], {
      seeking: 'individual',
      preferences: { modalities: { value: ['cbt'], importance: 'preferred' } },
    });
    expect(result.total).to.equal(2);
    const statuses = Object.fromEntries(
      result.matches.map((m) => [m.therapist.id, m.reasons.find((r) => r.criterion === 'modalities')?.status]),
    );
    expect(statuses).to.deep.equal({ a: 'not-met', b: 'met' });
  });

  it('leaves out a record whose therapy style getter throws, though the style is read on first use', () => {
    const bad = throwing(record('s', { therapyStyle: { lead: 'therapist' } }), 'therapyStyle');
    const result = rankTherapists([bad, list[1]] as Therapist[], {
      seeking: 'individual',
      therapyStyle: { lead: 'therapist' },
    });
    expect(result.total).to.equal(1);
    expect(ids(result.matches)).to.deep.equal(['b']);
  });

  it('reads a style whose parts throw when first needed as unstated, and keeps the record', () => {
    const style = throwing({ lead: 'therapist' as const, intensity: 'gentle' as const }, 'intensity');
    const odd = record('odd', { therapyStyle: style });
    const index = indexTherapists([odd, record('same', { therapyStyle: { lead: 'therapist' } })] as Therapist[]);
    const result = rankTherapists(index, { seeking: 'individual', therapyStyle: { lead: 'therapist' } });
    expect(result.total).to.equal(2);
    const statuses = Object.fromEntries(
      result.matches.map((m) => [m.therapist.id, m.reasons.find((r) => r.criterion === 'therapyStyle')?.status]),
    );
    expect(statuses).to.deep.equal({ odd: 'not-met', same: 'met' });
  });

  it('ranks an empty directory for anything that is not an array', () => {
    for (const value of [undefined, null, 42, 'text', {}, hostileProxy(), new Map()]) {
      const result = rankTherapists(value as unknown as Therapist[], individual);
      expect(result).to.deep.include({ total: 0, matched: 0, matches: [] });
      expect(indexTherapists(value as unknown as Therapist[]).size).to.equal(0);
    }
  });

  it('indexes a Proxy array that throws as an empty directory', () => {
    const array = new Proxy([list[0]], { get: trap });
    expect(indexTherapists(array).size).to.equal(0);
  });

  it('indexes a Proxy array whose third item throws as an empty directory, though the first two were read', () => {
    const array = new Proxy([...list], {
      get: (target, key) => {
        if (key === '2') throw new Error('no');
        return Reflect.get(target, key) as unknown;
      },
    });
    const index = indexTherapists(array);
    expect([index.size, index.therapists.length, index.concerns.ids.size]).to.deep.equal([0, 0, 0]);
    expect(rankTherapists(array, individual)).to.deep.include({ total: 0, matched: 0, matches: [] });
  });

  it('trusts only its own indexes: a look-alike is indexed again from its therapists', () => {
    const fake = { kind: 'therapist-index', therapists: list, size: 99 };
    expect(isTherapistIndex(fake)).to.equal(false);
    expect(isTherapistIndex(indexTherapists(list))).to.equal(true);
    expect(ids(rankTherapists(fake as never, individual).matches)).to.deep.equal(['a', 'b', 'c']);
    expect(rankTherapists({ kind: 'therapist-index' } as never, individual).total).to.equal(0);
  });

  it('keeps reasons right when a record is read only once (details come from the index)', () => {
    let reads = 0;
    const once = Object.defineProperty({ ...list[0] }, 'concerns', {
      enumerable: true,
      get() {
        if (++reads > 2) throw new Error('read again');
        return ['low-desire'];
      },
    });
    const result = rankTherapists([once] as Therapist[], {
      seeking: 'individual',
      concerns: { primary: 'body-image', others: ['low-desire'] },
    });
    const reason = result.matches[0].reasons.find((r) => r.criterion === 'otherConcerns');
    expect(reason?.details).to.deep.equal({ matched: ['low-desire'], missing: [] });
  });
});

describe('other engine functions never throw', () => {
  it('applyRelaxation reads both sides like rankTherapists', () => {
    expect(applyRelaxation(individual, undefined as never)).to.deep.equal(individual);
    expect(applyRelaxation(null as never, { change: { ageGroup: 'adult' } })).to.deep.equal({
      seeking: 'individual',
      ageGroup: 'adult',
    });
    expect(applyRelaxation(hostileProxy() as never, hostileProxy() as never)).to.deep.equal({ seeking: 'individual' });
    const relaxed = applyRelaxation(
      { seeking: 'couple', ageGroup: 'adult' },
      { change: { ageGroup: 'x' as never, insurance: { value: ['Aetna'], importance: 'preferred' } } },
    );
    expect(relaxed).to.deep.equal({
      seeking: 'couple',
      ageGroup: 'adult',
      insurance: { value: ['Aetna'], importance: 'preferred' },
    });
  });

  it('needsPhysicianFirst and resolveWeights read what they can', () => {
    expect(needsPhysicianFirst(hostileProxy() as never)).to.equal(false);
    const answers: MatchAnswers = { seeking: 'individual', concerns: { primary: 'erectile-concerns' } };
    expect(needsPhysicianFirst(answers)).to.equal(true);
    expect(needsPhysicianFirst(answers, hostileProxy() as never)).to.equal(false);
    expect(resolveWeights(hostileProxy() as never)).to.deep.equal(DEFAULT_WEIGHTS);
    expect(resolveWeights(throwing({ languages: 9 }, 'budget') as never).languages).to.equal(9);
  });
});

describe('presets, read field by field', () => {
  it('keeps the valid fields of a malformed preset and names the others', () => {
    const concerns = readPreset({ concerns: { primary: 'low-desire', others: 'x' } });
    expect(concerns).to.deep.equal({ answers: { concerns: { primary: 'low-desire' } }, dropped: ['concerns.others'] });
    expect(readPreset({ budget: { importance: 'preferred' } })).to.deep.equal({
      answers: {},
      dropped: ['budget.value'],
    });
    expect(readPreset({ location: { jurisdiction: 5 }, ageGroup: 'adult' })).to.deep.equal({
      answers: { ageGroup: 'adult' },
      dropped: ['location.jurisdiction'],
    });
  });

  it('keeps the good items of a list and drops a preference with an unknown importance', () => {
    const read = readPreset({
      formats: { value: ['telehealth', 'carrier pigeon'], importance: 'required' },
      insurance: { value: ['Aetna'], importance: 'sometimes' },
      extra: true,
    });
    expect(read.answers).to.deep.equal({ formats: { value: ['telehealth'], importance: 'required' } });
    expect(read.dropped).to.deep.equal(['formats.value', 'insurance.importance', 'extra']);
  });

  it('reads null as no preset, anything else that is not an object as nothing, and never throws', () => {
    expect(readPreset(null)).to.deep.equal({ answers: {}, dropped: [] });
    expect(readPreset('formats')).to.deep.equal({ answers: {}, dropped: [''] });
    expect(readPreset(hostileProxy()).answers).to.deep.equal({});
    expect(readPreset(throwing({ ageGroup: 'adult' }, 'seeking'))).to.deep.equal({
      answers: { ageGroup: 'adult' },
      dropped: ['seeking'],
    });
  });

  it('starts the quiz from the valid part of a preset', () => {
    const answers = initialAnswers({ concerns: { primary: 'low-desire', others: 'x' } } as never);
    expect(answers).to.deep.equal({
      seeking: 'individual',
      location: { maxDistanceKm: 50 },
      concerns: { primary: 'low-desire' },
    });
    expect(initialAnswers({ location: { jurisdiction: 5 } } as never).location).to.deep.equal({ maxDistanceKm: 50 });
  });

  it('copies own keys only: a "__proto__" key is named, never applied', () => {
    const read = readPreset(JSON.parse('{"__proto__": {"polluted": true}, "ageGroup": "adult"}'));
    expect(read).to.deep.equal({ answers: { ageGroup: 'adult' }, dropped: ['__proto__'] });
    expect(Object.getPrototypeOf(read.answers)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

describe('session snapshots, all or nothing', () => {
  const good = {
    answers: { seeking: 'couple' as const, ageGroup: 'adult' as const },
    step: 'who' as const,
    view: 'quiz' as const,
  };

  it('reads back what it wrote', () => {
    expect(readSnapshot(serializeSnapshot(good))).to.deep.equal({ snapshot: good });
    expect(readSnapshot(null)).to.deep.equal({});
  });

  it('names what is wrong in a tampered snapshot (which parseSnapshot accepted before)', () => {
    const tampered = JSON.stringify({ v: 1, ...good, answers: { seeking: 'couple', concerns: 'x', budget: 5 } });
    expect(readSnapshot(tampered)).to.deep.equal({ invalid: ['answers.concerns', 'answers.budget'] });
  });

  it('says invalid, with no field, for text that is not a snapshot', () => {
    for (const text of ['{', '"text"', '[1]', 'null', '5'])
      expect(readSnapshot(text), text).to.deep.equal({ invalid: [] });
    expect(readSnapshot(JSON.stringify({ ...good, v: 2 }))).to.deep.equal({ invalid: ['v'] });
    expect(readSnapshot(JSON.stringify({ v: 1, answers: {}, step: 'x', view: 'y', more: 1 }))).to.deep.equal({
      invalid: ['more', 'answers.seeking', 'step', 'view'],
    });
  });
});
