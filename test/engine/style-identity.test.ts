// Therapy style (issue 14.1) and the therapist's identity and culture (issue 14.2): records state
// them, matching scores agreement (style never excludes), reasons name the wish and the listing's
// words, and identity requirements exclude and are counted like gender.
import { expect } from '@open-wc/testing';
import {
  DEFAULT_WEIGHTS,
  applyRelaxation,
  parseTherapists,
  rankTherapists,
  type MatchAnswers,
  type MatchReason,
  type RankResult,
} from '../../src/engine/index.js';
import { readAnswers } from '../../src/engine/read-answers.js';
import { acceptRecordFast } from '../../src/engine/accept.js';
import { directory, ids, record } from './records.js';

const reason = (result: RankResult, id: string, criterion: MatchReason['criterion'], who?: string): MatchReason =>
  result.matches
    .find((m) => m.therapist.id === id)!
    .reasons.find((r) => r.criterion === criterion && (!who || r.who === who))!;

describe('rankTherapists: therapy style', () => {
  const list = directory(
    record('a-unstated'),
    record('b-opposite', { therapyStyle: { lead: 'client', intensity: 'intense' } }),
    record('c-balanced', { therapyStyle: { lead: 'balanced', intensity: 'balanced' } }),
    record('d-same', { therapyStyle: { lead: 'therapist', intensity: 'gentle', focus: 'past' } }),
    record('e-half', { therapyStyle: { lead: 'therapist', intensity: 'intense' } }),
  );
  const answers: MatchAnswers = { seeking: 'individual', therapyStyle: { lead: 'therapist', intensity: 'gentle' } };

  it('scores agreement on each dimension asked, and never leaves a listing out', () => {
    const result = rankTherapists(list, answers);
    expect(result.matched).to.equal(5);
    expect(result.exclusions).to.deep.equal([]);
    // Same poles, then one of two or balanced on both (half), then nothing in common.
    expect(ids(result.matches).slice(0, 1)).to.deep.equal(['d-same']);
    expect(ids(result.matches).slice(1, 3).sort()).to.deep.equal(['c-balanced', 'e-half']);
    expect(ids(result.matches).slice(3).sort()).to.deep.equal(['a-unstated', 'b-opposite']);
    const total = DEFAULT_WEIGHTS.clientType + DEFAULT_WEIGHTS.therapyStyle;
    expect(reason(result, 'd-same', 'therapyStyle')).to.deep.equal({
      criterion: 'therapyStyle',
      status: 'met',
      importance: 'preferred',
      contribution: Math.round((DEFAULT_WEIGHTS.therapyStyle / total) * 1e9) / 1e9,
      details: { wanted: ['lead.therapist', 'intensity.gentle'], therapist: ['lead.therapist', 'intensity.gentle'] },
    });
    expect(reason(result, 'e-half', 'therapyStyle')).to.deep.include({ status: 'partly-met' });
    expect(reason(result, 'e-half', 'therapyStyle').contribution).to.be.closeTo(
      (0.5 * DEFAULT_WEIGHTS.therapyStyle) / total,
      1e-9,
    );
    expect(reason(result, 'c-balanced', 'therapyStyle').details).to.deep.equal({
      wanted: ['lead.therapist', 'intensity.gentle'],
      therapist: ['lead.balanced', 'intensity.balanced'],
    });
    expect(reason(result, 'b-opposite', 'therapyStyle')).to.deep.include({ status: 'not-met', contribution: 0 });
    // A listing that does not state a style counts as unknown: not met, and says so.
    expect(reason(result, 'a-unstated', 'therapyStyle')).to.deep.include({
      status: 'not-met',
      details: { wanted: ['lead.therapist', 'intensity.gentle'], stated: false },
    });
  });

  it('is unused without an answer, and a weight of 0 keeps the reasons without changing the order', () => {
    const none = rankTherapists(list, { seeking: 'individual' });
    expect(reason(none, 'd-same', 'therapyStyle')).to.deep.equal({
      criterion: 'therapyStyle',
      status: 'unused',
      importance: 'none',
      contribution: 0,
    });
    const unweighted = rankTherapists(list, answers, { weights: { therapyStyle: 0 } });
    expect(ids(unweighted.matches)).to.deep.equal(ids(none.matches));
    expect(reason(unweighted, 'd-same', 'therapyStyle')).to.deep.include({ status: 'met', contribution: 0 });
  });

  it('reads a hostile style answer as unanswered, dimension by dimension', () => {
    const thrower = {
      get lead(): string {
        throw new Error('no');
      },
    };
    const hostile = [thrower, 'gentle', null, ['lead'], { lead: 'balanced' }, { lead: 'THERAPIST' }];
    hostile.forEach((therapyStyle, k) => {
      const result = rankTherapists(list, { seeking: 'individual', therapyStyle } as unknown as MatchAnswers);
      expect(reason(result, 'd-same', 'therapyStyle').status, `answer ${k}`).to.equal('unused');
    });
    const partly = { seeking: 'individual', therapyStyle: { lead: 'therapist', focus: 42, extra: 'x' } };
    const result = rankTherapists(list, partly as unknown as MatchAnswers);
    expect(reason(result, 'd-same', 'therapyStyle').details).to.deep.equal({
      wanted: ['lead.therapist'],
      therapist: ['lead.therapist'],
    });
    // readAnswers keeps the good dimensions and names the rest.
    expect(readAnswers(partly)).to.deep.equal({
      answers: { seeking: 'individual', therapyStyle: { lead: 'therapist' } },
      dropped: ['therapyStyle.focus', 'therapyStyle.extra'],
    });
  });
});

describe('rankTherapists: the therapist’s faith, culture and identity', () => {
  const list = directory(
    record('a-none'),
    record('b-jewish', { faith: ['Jewish'], identities: ['LGBTQ+'], culturalBackground: ['Latino'] }),
    record('c-secular', { faith: ['secular'], identities: ['trans', 'lgbtq'] }),
    record('d-muslim', { faith: ['Muslim'], culturalBackground: ['Middle Eastern'] }),
  );

  it('a requirement leaves out listings that do not state it, counts them, and suggests relaxing it', () => {
    const answers: MatchAnswers = {
      seeking: 'individual',
      preferences: { therapistIdentity: { value: ['lgbtq'], importance: 'required' } },
    };
    const result = rankTherapists(list, answers, { minMatches: 3 });
    // Case, spaces and punctuation do not matter: "LGBTQ+" is lgbtq.
    expect(ids(result.matches).sort()).to.deep.equal(['b-jewish', 'c-secular']);
    expect(result.exclusions).to.deep.equal([
      { criterion: 'therapistIdentity', count: 2, details: { required: 'lgbtq' } },
    ]);
    expect(reason(result, 'b-jewish', 'therapistIdentity')).to.deep.include({
      status: 'met',
      who: 'you',
      importance: 'required',
      details: { wanted: ['lgbtq'], therapist: ['LGBTQ+'] },
    });
    const relax = result.relaxations.find((r) => r.criterion === 'therapistIdentity')!;
    expect(relax.additional).to.equal(2);
    expect(relax.change.preferences?.therapistIdentity).to.deep.equal({ value: ['lgbtq'], importance: 'preferred' });
    expect(rankTherapists(list, applyRelaxation(answers, relax)).matched).to.equal(4);
  });

  it('a preference scores any of the wished backgrounds, and says when a listing does not state one', () => {
    const result = rankTherapists(list, {
      seeking: 'individual',
      preferences: {
        therapistFaith: { value: ['jewish', 'muslim'], importance: 'preferred' },
        therapistCulture: { value: ['middle-eastern'], importance: 'preferred' },
      },
    });
    expect(result.matched).to.equal(4);
    expect(ids(result.matches)[0]).to.equal('d-muslim');
    expect(reason(result, 'b-jewish', 'therapistFaith')).to.deep.include({
      status: 'met',
      details: { wanted: ['jewish', 'muslim'], therapist: ['Jewish'] },
    });
    expect(reason(result, 'c-secular', 'therapistFaith')).to.deep.include({
      status: 'not-met',
      details: { wanted: ['jewish', 'muslim'], therapist: ['secular'] },
    });
    expect(reason(result, 'a-none', 'therapistFaith')).to.deep.include({
      status: 'not-met',
      details: { wanted: ['jewish', 'muslim'], stated: false },
    });
    expect(reason(result, 'd-muslim', 'therapistCulture').status).to.equal('met');
    expect(reason(result, 'b-jewish', 'therapistIdentity').status).to.equal('unused');
  });

  it('each partner states their own; a requirement from either is a requirement', () => {
    const result = rankTherapists(directory(...list.map((t) => ({ ...t, clientTypes: ['couple' as const] }))), {
      seeking: 'couple',
      preferences: { therapistFaith: { value: ['jewish'], importance: 'preferred' } },
      partnerPreferences: { therapistFaith: { value: ['secular'], importance: 'required' } },
    });
    expect(ids(result.matches)).to.deep.equal(['c-secular']);
    expect(result.exclusions).to.deep.equal([
      { criterion: 'therapistFaith', count: 3, details: { required: 'secular' } },
    ]);
    expect(reason(result, 'c-secular', 'therapistFaith', 'partner').status).to.equal('met');
    expect(reason(result, 'c-secular', 'therapistFaith', 'you').status).to.equal('not-met');
  });
});

describe('records: therapy style and identity fields', () => {
  const base = record('x');

  it('keep a record whose style or identity field is bad, dropping only that field with a clear warning', () => {
    const { therapists, problems } = parseTherapists([
      {
        ...base,
        therapyStyle: { lead: 'whoever', intensity: 'Suave', focus: 'Present', __proto__: { approach: 'x' } },
        faith: 'Jewish; secular',
        identities: ['LGBTQ+', 42],
      },
    ]);
    expect(therapists).to.have.length(1);
    const t = therapists[0];
    expect(t.therapyStyle).to.deep.equal({ intensity: 'gentle', focus: 'present' });
    expect(Object.getPrototypeOf(t.therapyStyle)).to.equal(Object.prototype);
    expect(t.faith).to.deep.equal(['Jewish', 'secular']);
    expect(t.identities).to.deep.equal(['LGBTQ+']);
    const lead = problems.find((p) => p.path === 'therapyStyle.lead')!;
    expect(lead.severity).to.equal('warning');
    expect(lead.message).to.contain('"therapist", "client", "balanced"');
    expect(lead.message).to.contain('left out');
    expect(problems.find((p) => p.path === 'therapyStyle.intensity')?.message).to.equal('"Suave" was read as "gentle"');
    expect(problems.some((p) => p.path.startsWith('identities') && p.severity === 'warning')).to.equal(true);
    expect(problems.every((p) => p.severity === 'warning')).to.equal(true);
  });

  it('accept the documented values at once', () => {
    const input = {
      ...base,
      faith: ['jewish'],
      culturalBackground: ['latino'],
      identities: ['lgbtq'],
      therapyStyle: { lead: 'balanced', intensity: 'gentle', focus: 'present', approach: 'support' },
    };
    const { therapists, problems } = parseTherapists([input]);
    expect(problems).to.deep.equal([]);
    expect(therapists[0]).to.deep.include({
      faith: ['jewish'],
      culturalBackground: ['latino'],
      identities: ['lgbtq'],
      therapyStyle: input.therapyStyle,
    });
  });

  it('the fast path accepts a style only where zod does, pole by dimension', () => {
    const good = { ...base, therapyStyle: { lead: 'client', approach: 'balanced' } };
    expect(acceptRecordFast(good)).to.deep.equal(parseTherapists([good]).therapists[0]);
    for (const therapyStyle of [
      { lead: 'gentle' },
      { focus: 'Past' },
      { approach: ['support'] },
      { tone: 'warm' },
      'gentle',
    ]) {
      const input = { ...base, therapyStyle };
      expect(acceptRecordFast(input), JSON.stringify(therapyStyle)).to.equal(undefined);
      const { therapists, problems } = parseTherapists([input]);
      expect(therapists, JSON.stringify(therapyStyle)).to.have.length(1);
      expect(problems.length).to.be.greaterThan(0);
    }
  });
});
