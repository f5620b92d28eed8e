// Every partner (issue 14.6): couples and people with more than one partner state each partner's
// wishes. `partnerPreferences` is one object (one partner, as before) or a list (one per partner);
// each wish is scored and explained with whose it is, conflicts are reported per pair, and answers
// from outside (a preset, a stored session, a caller) are read as hostile input.
import { expect } from '@open-wc/testing';
import {
  applyRelaxation,
  MAX_PARTNERS,
  partnersOf,
  rankTherapists,
  type MatchAnswers,
  type MatchReason,
  type PersonalPreferences,
  type RankResult,
} from '../../src/engine/index.js';
import { readAnswers } from '../../src/engine/read-answers.js';
import { directory, ids, record } from './records.js';

const list = directory(
  record('woman-es', { gender: 'woman', languages: ['en', 'es'] }),
  record('man-es', { gender: 'man', languages: ['en', 'es'] }),
  record('man-en', { gender: 'man', languages: ['en'] }),
  record('non-binary', { gender: 'non-binary', languages: ['en'] }),
);
const gender = (value: string[], importance: 'required' | 'preferred' = 'preferred'): PersonalPreferences => ({
  therapistGender: { value, importance },
});
/** Each gender reason of a match: who, which partner, status and what was wanted. */
const genderReasons = (result: RankResult, id: string) =>
  result.matches
    .find((m) => m.therapist.id === id)!
    .reasons.filter((r) => r.criterion === 'therapistGender')
    .map((r: MatchReason) => [r.who, r.partner, r.status, r.details?.wanted]);

describe('partnersOf: either shape as a list', () => {
  it('reads one object as one partner and a list as each partner, in order', () => {
    expect(partnersOf({ partnerPreferences: gender(['man']) })).to.deep.equal([gender(['man'])]);
    expect(partnersOf({ partnerPreferences: [gender(['man']), {}, gender(['woman'])] })).to.deep.equal([
      gender(['man']),
      {},
      gender(['woman']),
    ]);
    expect(partnersOf({})).to.deep.equal([]);
    expect(partnersOf(undefined)).to.deep.equal([]);
  });

  it('keeps positions for entries that are not objects, reads at most MAX_PARTNERS, never throws', () => {
    const odd = [null, 'x', gender(['man']), [gender(['woman'])]] as unknown as PersonalPreferences[];
    expect(partnersOf({ partnerPreferences: odd })).to.deep.equal([{}, {}, gender(['man']), {}]);
    const many = Array.from({ length: 50 }, () => gender(['man']));
    expect(partnersOf({ partnerPreferences: many })).to.have.length(MAX_PARTNERS);
    const hostile = Object.defineProperty({}, 'partnerPreferences', {
      get() {
        throw new Error('no');
      },
    });
    expect(partnersOf(hostile)).to.deep.equal([]);
    const revoked = Proxy.revocable([], {});
    revoked.revoke();
    expect(partnersOf({ partnerPreferences: revoked.proxy })).to.deep.equal([]);
  });
});

describe('readAnswers: partners from outside (a preset, a stored session)', () => {
  it('reads a list of partners; a bad entry becomes {} and is named, so partner 3 stays third', () => {
    const { answers, dropped } = readAnswers({
      seeking: 'couple',
      partnerPreferences: [gender(['man']), { therapistGender: 'woman', __proto__x: 1 } as never, gender(['woman'])],
    });
    expect(answers.partnerPreferences).to.deep.equal([gender(['man']), {}, gender(['woman'])]);
    expect(dropped).to.deep.equal(['partnerPreferences.1.therapistGender', 'partnerPreferences.1.__proto__x']);
  });

  it('still reads one object (answers stored before lists), and leaves out what is neither', () => {
    expect(readAnswers({ partnerPreferences: gender(['man']) }).answers.partnerPreferences).to.deep.equal(
      gender(['man']),
    );
    const { answers, dropped } = readAnswers({ partnerPreferences: 'man' });
    expect(answers).to.deep.equal({});
    expect(dropped).to.deep.equal(['partnerPreferences']);
  });

  it('leaves out partners past MAX_PARTNERS and a list that kept nothing, naming them', () => {
    const many = readAnswers({ partnerPreferences: Array.from({ length: 12 }, () => gender(['man'])) });
    expect(many.answers.partnerPreferences).to.have.length(MAX_PARTNERS);
    expect(many.dropped).to.deep.equal(['partnerPreferences']);
    const nothing = readAnswers({ partnerPreferences: [1, 'x'] });
    expect(nothing.answers).to.deep.equal({});
    expect(nothing.dropped).to.deep.equal(['partnerPreferences.0', 'partnerPreferences.1']);
    const proto = readAnswers(JSON.parse('{"partnerPreferences":[{"__proto__":{"polluted":1}}]}'));
    expect(proto.dropped).to.deep.equal(['partnerPreferences.0.__proto__']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

describe('rankTherapists: several partners', () => {
  it('scores and explains each partner’s wish, naming partner 1 and partner 2', () => {
    const result = rankTherapists(list, {
      seeking: 'couple',
      preferences: gender(['woman', 'man']),
      partnerPreferences: [gender(['man']), gender(['non-binary', 'man'])],
    });
    // Everyone's wish met ranks first.
    expect(ids(result.matches).slice(0, 2).sort()).to.deep.equal(['man-en', 'man-es']);
    expect(genderReasons(result, 'man-es')).to.deep.equal([
      ['you', undefined, 'met', ['woman', 'man']],
      ['partner', 1, 'met', ['man']],
      ['partner', 2, 'met', ['non-binary', 'man']],
    ]);
    expect(genderReasons(result, 'woman-es')).to.deep.equal([
      ['you', undefined, 'met', ['woman', 'man']],
      ['partner', 1, 'not-met', ['man']],
      ['partner', 2, 'not-met', ['non-binary', 'man']],
    ]);
    // The three preferences share the criterion's weight: a third of it each.
    const contributions = result.matches[0].reasons.filter((r) => r.criterion === 'therapistGender');
    expect(new Set(contributions.map((r) => r.contribution)).size).to.equal(1);
  });

  it('makes any partner’s requirement a requirement', () => {
    const result = rankTherapists(list, {
      seeking: 'couple',
      partnerPreferences: [{}, { languages: { value: ['es'], importance: 'required' } }],
    });
    expect(ids(result.matches).sort()).to.deep.equal(['man-es', 'woman-es']);
    expect(result.exclusions).to.deep.equal([{ criterion: 'languages', count: 2, details: { required: 'es' } }]);
    const languages = result.matches[0].reasons.find((r) => r.criterion === 'languages');
    expect(languages).to.include({ who: 'partner', partner: 2, importance: 'required', status: 'met' });
  });

  it('scores everyone’s same wish once, as everyone’s (`all`)', () => {
    const same = gender(['man'], 'required');
    const result = rankTherapists(list, { seeking: 'couple', preferences: same, partnerPreferences: [same, same] });
    expect(ids(result.matches).sort()).to.deep.equal(['man-en', 'man-es']);
    expect(genderReasons(result, 'man-es')).to.deep.equal([['all', undefined, 'met', ['man']]]);
    expect(result.conflicts).to.deep.equal([]);
    // Nobody stated languages: unused, for all of them.
    const unused = result.matches[0].reasons.find((r) => r.criterion === 'languages');
    expect(unused).to.include({ status: 'unused', who: 'all' });
  });

  it('reports a conflict per pair whose wishes no one therapist can meet', () => {
    const result = rankTherapists(list, {
      seeking: 'couple',
      preferences: gender(['woman'], 'required'),
      partnerPreferences: [gender(['man'], 'required'), gender(['woman', 'non-binary'])],
    });
    expect(result.conflicts).to.deep.equal([
      { criterion: 'therapistGender', you: ['woman'], partner: ['man'], importance: 'required', between: [0, 1] },
      {
        criterion: 'therapistGender',
        you: ['man'],
        partner: ['woman', 'non-binary'],
        importance: 'preferred',
        between: [1, 2],
      },
    ]);
    expect(result.matched).to.equal(0);
  });

  it('softens each partner’s requirement in a relaxation, in the list’s shape, and adds what it says', () => {
    const answers: MatchAnswers = {
      seeking: 'couple',
      partnerPreferences: [gender(['woman']), { languages: { value: ['fr'], importance: 'required' } }],
    };
    const result = rankTherapists(list, answers, { minMatches: 2 });
    expect(result.matched).to.equal(0);
    const relaxation = result.relaxations.find((r) => r.criterion === 'languages')!;
    expect(relaxation.change.partnerPreferences).to.deep.equal([
      gender(['woman']),
      { languages: { value: ['fr'], importance: 'preferred' } },
    ]);
    const relaxed = rankTherapists(list, applyRelaxation(answers, relaxation));
    expect(relaxed.matched).to.equal(relaxation.additional);
    expect(relaxed.matched).to.equal(4);
  });

  it('ranks one partner the same as before, as an object or a list of one (or with empty forms after it)', () => {
    const one = gender(['man']);
    const base = { seeking: 'couple' as const, preferences: gender(['woman']) };
    const asObject = rankTherapists(list, { ...base, partnerPreferences: one });
    expect(rankTherapists(list, { ...base, partnerPreferences: [one] })).to.deep.equal(asObject);
    expect(rankTherapists(list, { ...base, partnerPreferences: [one, {}, {}] })).to.deep.equal(asObject);
    expect(genderReasons(asObject, 'man-es')).to.deep.equal([
      ['you', undefined, 'not-met', ['woman']],
      ['partner', undefined, 'met', ['man']],
    ]);
    expect(asObject.conflicts).to.deep.equal([
      { criterion: 'therapistGender', you: ['woman'], partner: ['man'], importance: 'preferred' },
    ]);
  });

  it('ignores partners for a person seeking alone', () => {
    const result = rankTherapists(list, {
      seeking: 'individual',
      partnerPreferences: [gender(['man'], 'required'), gender(['woman'], 'required')],
    });
    expect(result.matched).to.equal(4);
    expect(result.conflicts).to.deep.equal([]);
  });
});
