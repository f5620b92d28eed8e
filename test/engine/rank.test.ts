// rankTherapists: requirements exclude, preferences score, reasons explain, couples, relaxations.
import { expect } from '@open-wc/testing';
import {
  applyRelaxation,
  DEFAULT_WEIGHTS,
  indexTherapists,
  needsPhysicianFirst,
  physicianFirstConcerns,
  rankTherapists,
  type Importance,
  type MatchAnswers,
  type MatchReason,
  type PersonalPreferences,
  type RankResult,
  type TherapistInput,
} from '../../src/engine/index.js';
import { generateTherapists } from '../../demo/sample/generate.js';
import { parseTherapists } from '../../src/engine/schema.js';
import { directory, ids, PORTLAND, PORTLAND_EAST, record, SEATTLE } from './records.js';

const individual: MatchAnswers = { seeking: 'individual' };

function reason(result: RankResult, id: string, criterion: string, who?: string): MatchReason {
  const match = result.matches.find((m) => m.therapist.id === id);
  if (!match) throw new Error(`${id} is not among the matches ${ids(result.matches)}`);
  const found = match.reasons.find((r) => r.criterion === criterion && (!who || r.who === who));
  if (!found) throw new Error(`${id} has no ${criterion} reason`);
  return found;
}

const excluded = (result: RankResult, criterion: string) =>
  result.exclusions.find((e) => e.criterion === criterion)?.count ?? 0;

describe('rankTherapists: who is seeking help', () => {
  const list = directory(
    record('individuals-only', { clientTypes: ['individual'] }),
    record('couples-too', { clientTypes: ['individual', 'couple'] }),
    record('couples-only', { clientTypes: ['couple'] }),
    record('unstated', { clientTypes: undefined }),
  );

  it('gives couples only therapists who see couples', () => {
    const result = rankTherapists(list, { seeking: 'couple' });
    expect(ids(result.matches).sort()).to.deep.equal(['couples-only', 'couples-too']);
    expect(result.exclusions).to.deep.equal([{ criterion: 'clientType', count: 2, details: { required: 'couple' } }]);
  });

  it('gives individuals therapists who see individuals, reading a missing clientTypes as individuals', () => {
    const result = rankTherapists(list, individual);
    expect(ids(result.matches).sort()).to.deep.equal(['couples-too', 'individuals-only', 'unstated']);
    expect(reason(result, 'unstated', 'clientType')).to.include({ status: 'met', importance: 'required' });
  });

  it('requires the age group, reading a missing ageGroups as adults', () => {
    const ages = directory(
      record('teens', { ageGroups: ['adolescent'] }),
      record('older', { ageGroups: ['adult', 'older-adult'] }),
      record('unstated', { ageGroups: undefined }),
    );
    expect(ids(rankTherapists(ages, { seeking: 'individual', ageGroup: 'adolescent' }).matches)).to.deep.equal([
      'teens',
    ]);
    expect(ids(rankTherapists(ages, { seeking: 'individual', ageGroup: 'adult' }).matches)).to.deep.equal([
      'older',
      'unstated',
    ]);
    const result = rankTherapists(ages, individual);
    expect(result.matched).to.equal(3);
    expect(reason(result, 'teens', 'ageGroup')).to.include({ status: 'unused', importance: 'none' });
  });
});

describe('rankTherapists: concerns', () => {
  const list = directory(
    record('a-none', { concerns: ['body-image'] }),
    record('b-primary', { concerns: ['erectile-concerns'] }),
    record('c-others', { concerns: ['performance-anxiety', 'communication-about-sex'] }),
    record('d-primary-and-one', { concerns: ['erectile-concerns', 'performance-anxiety'] }),
  );
  const answers: MatchAnswers = {
    seeking: 'individual',
    concerns: { primary: 'erectile-concerns', others: ['performance-anxiety', 'communication-about-sex'] },
  };

  it('puts fit to the primary concern first, then the other concerns', () => {
    const result = rankTherapists(list, answers);
    expect(ids(result.matches)).to.deep.equal(['d-primary-and-one', 'b-primary', 'c-others', 'a-none']);
    expect(reason(result, 'b-primary', 'primaryConcern')).to.include({ status: 'met' });
    expect(reason(result, 'c-others', 'primaryConcern')).to.include({ status: 'not-met', contribution: 0 });
    const others = reason(result, 'd-primary-and-one', 'otherConcerns');
    expect(others.status).to.equal('partly-met');
    expect(others.details).to.deep.equal({
      matched: ['performance-anxiety'],
      missing: ['communication-about-sex'],
    });
  });

  it('never excludes for concerns and reports them unused when none are given', () => {
    const result = rankTherapists(list, individual);
    expect(result.matched).to.equal(4);
    expect(reason(result, 'a-none', 'primaryConcern').status).to.equal('unused');
    expect(reason(result, 'a-none', 'otherConcerns').status).to.equal('unused');
  });

  it('adds collaboration with medical specialists as a small plus for function concerns', () => {
    const medical = directory(
      record('a-alone', { concerns: ['erectile-concerns'] }),
      record('b-with-urology', { concerns: ['erectile-concerns'], collaboratesWithMedical: true }),
    );
    const result = rankTherapists(medical, answers);
    expect(ids(result.matches)).to.deep.equal(['b-with-urology', 'a-alone']);
    expect(reason(result, 'b-with-urology', 'medicalCollaboration')).to.include({ status: 'met' });
    expect(reason(result, 'a-alone', 'medicalCollaboration')).to.include({ status: 'not-met' });
    const desire = rankTherapists(medical, { seeking: 'individual', concerns: { primary: 'low-desire' } });
    expect(desire.matches[0].reasons.some((r) => r.criterion === 'medicalCollaboration')).to.equal(false);
  });

  it('tells the UI when a physician should be seen first', () => {
    expect(needsPhysicianFirst(answers)).to.equal(true);
    expect(physicianFirstConcerns(answers)).to.deep.equal(['erectile-concerns']);
    expect(needsPhysicianFirst({ seeking: 'individual', concerns: { primary: 'low-desire' } })).to.equal(false);
    expect(needsPhysicianFirst({ seeking: 'individual', concerns: { others: ['pain-with-sex'] } })).to.equal(true);
    const custom = {
      concerns: [{ id: 'low-desire', group: 'desire' as const, physicianFirst: true, labels: { en: 'x' } }],
    };
    expect(needsPhysicianFirst({ seeking: 'individual', concerns: { primary: 'low-desire' } }, custom)).to.equal(true);
  });
});

/** For each list preference: records that fit and do not, and the answers that ask for it. */
const listKinds: {
  criterion: 'therapistGender' | 'languages' | 'communities' | 'modalities';
  fits: Partial<TherapistInput>;
  misses: Partial<TherapistInput>;
  value: string[];
}[] = [
  {
    criterion: 'therapistGender',
    fits: { gender: 'non-binary' },
    misses: { gender: 'man' },
    value: ['woman', 'non-binary'],
  },
  // Language tags match by their primary subtag: es-MX fits es.
  { criterion: 'languages', fits: { languages: ['en', 'es-MX'] }, misses: { languages: ['en', 'fr'] }, value: ['es'] },
  {
    criterion: 'communities',
    fits: { communities: ['lgbtq', 'kink', 'faith'] },
    misses: { communities: ['lgbtq'] },
    value: ['lgbtq', 'kink'],
  },
  {
    criterion: 'modalities',
    fits: { modalities: ['sensate-focus'] },
    misses: { modalities: ['narrative'] },
    value: ['sensate-focus', 'mindfulness'],
  },
];

describe('rankTherapists: personal preferences', () => {
  for (const kind of listKinds) {
    const list = directory(record('a-misses', kind.misses), record('b-fits', kind.fits));
    const ask = (importance: Importance): MatchAnswers => ({
      seeking: 'individual',
      preferences: { [kind.criterion]: { value: [...kind.value], importance } },
    });

    it(`${kind.criterion} required: excludes those who do not fit`, () => {
      const result = rankTherapists(list, ask('required'));
      expect(ids(result.matches)).to.deep.equal(['b-fits']);
      expect(reason(result, 'b-fits', kind.criterion)).to.include({
        status: 'met',
        importance: 'required',
        who: 'you',
      });
      expect(result.exclusions).to.deep.equal([
        { criterion: kind.criterion, count: 1, details: { required: kind.value.join(',') } },
      ]);
    });

    it(`${kind.criterion} preferred: ranks those who fit first, keeps the others`, () => {
      const result = rankTherapists(list, ask('preferred'));
      expect(ids(result.matches)).to.deep.equal(['b-fits', 'a-misses']);
      expect(reason(result, 'b-fits', kind.criterion)).to.include({ status: 'met', importance: 'preferred' });
      expect(reason(result, 'a-misses', kind.criterion).status).to.be.oneOf(['not-met', 'partly-met']);
      expect(result.matches[0].score).to.be.greaterThan(result.matches[1].score);
    });

    it(`${kind.criterion} none: reported unused, no effect on the order`, () => {
      const result = rankTherapists(list, ask('none'));
      expect(ids(result.matches)).to.deep.equal(['a-misses', 'b-fits']);
      expect(result.matches[0].score).to.equal(result.matches[1].score);
      expect(reason(result, 'b-fits', kind.criterion)).to.include({ status: 'unused', importance: 'none' });
    });
  }

  it('scores communities by the share that fits', () => {
    const list = directory(record('half', { communities: ['lgbtq'] }));
    const result = rankTherapists(list, {
      seeking: 'individual',
      preferences: { communities: { value: ['lgbtq', 'kink'], importance: 'preferred' } },
    });
    const r = reason(result, 'half', 'communities');
    expect(r.status).to.equal('partly-met');
    expect(r.details).to.deep.equal({ matched: ['lgbtq'], missing: ['kink'] });
    expect(r.contribution).to.be.closeTo(DEFAULT_WEIGHTS.communities / 2 / (1 + DEFAULT_WEIGHTS.communities), 1e-6);
  });

  it('treats a wish nobody in the directory lists as unmet, not as an error', () => {
    const list = directory(record('a'));
    const result = rankTherapists(list, {
      seeking: 'individual',
      preferences: { languages: { value: ['xh'], importance: 'required' } },
    });
    expect(result.matched).to.equal(0);
    expect(result.exclusions[0]).to.deep.equal({ criterion: 'languages', count: 1, details: { required: 'xh' } });
  });
});

describe('rankTherapists: couples', () => {
  const list = directory(
    record('a-man-es', { gender: 'man', languages: ['en', 'es'] }),
    record('b-woman', { gender: 'woman' }),
    record('c-nonbinary-es', { gender: 'non-binary', languages: ['es'] }),
    record('d-woman-individuals', { gender: 'woman', clientTypes: ['individual'] }),
  );

  it('merges identical wishes of both partners into one reason', () => {
    const both = { therapistGender: { value: ['woman'], importance: 'required' as const } };
    const result = rankTherapists(list, { seeking: 'couple', preferences: both, partnerPreferences: both });
    expect(ids(result.matches)).to.deep.equal(['b-woman']);
    expect(reason(result, 'b-woman', 'therapistGender')).to.include({ who: 'both', status: 'met' });
    expect(result.conflicts).to.deep.equal([]);
  });

  it('makes a requirement of either partner a requirement, and scores both partners preferences', () => {
    const result = rankTherapists(list, {
      seeking: 'couple',
      preferences: { languages: { value: ['es'], importance: 'preferred' } },
      partnerPreferences: { therapistGender: { value: ['man', 'non-binary'], importance: 'required' } },
    });
    expect(ids(result.matches)).to.deep.equal(['a-man-es', 'c-nonbinary-es']);
    expect(reason(result, 'a-man-es', 'therapistGender')).to.include({ who: 'partner', importance: 'required' });
    expect(reason(result, 'a-man-es', 'languages')).to.include({ who: 'you', status: 'met' });
  });

  it('ignores partner preferences for an individual', () => {
    const result = rankTherapists(list, {
      seeking: 'individual',
      partnerPreferences: { therapistGender: { value: ['man'], importance: 'required' } },
    });
    expect(result.matched).to.equal(4);
  });

  it('reports partners who require disjoint genders, and how to resolve it', () => {
    const answers: MatchAnswers = {
      seeking: 'couple',
      preferences: { therapistGender: { value: ['woman'], importance: 'required' } },
      partnerPreferences: { therapistGender: { value: ['man'], importance: 'required' } },
    };
    const result = rankTherapists(list, answers, { minMatches: 2 });
    expect(result.matched).to.equal(0);
    expect(result.conflicts).to.deep.equal([
      { criterion: 'therapistGender', you: ['woman'], partner: ['man'], importance: 'required' },
    ]);
    expect(result.relaxations.map((r) => r.criterion)).to.deep.equal(['therapistGender']);
    const relaxed = rankTherapists(list, applyRelaxation(answers, result.relaxations[0]));
    expect(relaxed.matched).to.equal(result.relaxations[0].additional);
    expect(relaxed.matched).to.equal(3);
  });

  it('reports a conflict between a requirement and a preference without excluding for the preference', () => {
    const result = rankTherapists(list, {
      seeking: 'couple',
      preferences: { therapistGender: { value: ['woman'], importance: 'required' } },
      partnerPreferences: { therapistGender: { value: ['man'], importance: 'preferred' } },
    });
    expect(ids(result.matches)).to.deep.equal(['b-woman']);
    expect(result.conflicts).to.deep.equal([
      { criterion: 'therapistGender', you: ['woman'], partner: ['man'], importance: 'preferred' },
    ]);
    expect(reason(result, 'b-woman', 'therapistGender', 'partner')).to.include({ status: 'not-met' });
  });

  it('does not call different language wishes a conflict: one therapist can speak both', () => {
    const result = rankTherapists(list, {
      seeking: 'couple',
      preferences: { languages: { value: ['en'], importance: 'required' } },
      partnerPreferences: { languages: { value: ['es'], importance: 'required' } },
    });
    expect(result.conflicts).to.deep.equal([]);
    expect(ids(result.matches)).to.deep.equal(['a-man-es']);
  });
});

describe('rankTherapists: format, distance and licences', () => {
  const list = directory(
    record('near-both', { location: { ...PORTLAND_EAST } }),
    record('far-in-person', {
      formats: ['in-person'],
      location: { ...SEATTLE },
      licenses: [{ type: 'LMFT', jurisdiction: 'US-WA' }],
      telehealthJurisdictions: [],
    }),
    record('far-video-or', {
      formats: ['telehealth'],
      location: { ...SEATTLE },
      licenses: [
        { type: 'LMFT', jurisdiction: 'US-WA' },
        { type: 'LMFT', jurisdiction: 'US-OR' },
      ],
      telehealthJurisdictions: ['US-WA', 'US-OR'],
    }),
    record('far-video-wa', {
      formats: ['telehealth'],
      location: { ...SEATTLE },
      licenses: [{ type: 'LMFT', jurisdiction: 'US-WA' }],
      telehealthJurisdictions: ['US-WA'],
    }),
    record('video-licence-only', {
      formats: ['telehealth'],
      location: undefined,
      licenses: [{ type: 'PsyD', jurisdiction: 'US-OR' }],
      telehealthJurisdictions: undefined,
    }),
  );
  const where = { ...PORTLAND, maxDistanceKm: 25, jurisdiction: 'US-OR' };

  it('keeps in-person therapists within the limit and video therapists licensed in the jurisdiction', () => {
    const result = rankTherapists(list, { seeking: 'individual', location: where });
    expect(ids(result.matches).sort()).to.deep.equal(['far-video-or', 'near-both', 'video-licence-only']);
    expect(result.exclusions).to.deep.equal([
      { criterion: 'distance', count: 1, details: { maxDistanceKm: 25 } },
      { criterion: 'telehealthJurisdiction', count: 1, details: { jurisdiction: 'US-OR' } },
    ]);
    const near = result.matches.find((m) => m.therapist.id === 'near-both');
    expect(near?.distanceKm).to.be.closeTo(3.8, 0.1);
    expect(near?.telehealthEligible).to.equal(true);
    expect(result.matches.find((m) => m.therapist.id === 'far-video-or')?.distanceKm).to.equal(undefined);
    // Closer is better: the in-person therapist next door scores its distance; video ones do not.
    expect(reason(result, 'near-both', 'distance')).to.include({ status: 'met' });
    expect(reason(result, 'far-video-or', 'distance')).to.include({ status: 'not-met', contribution: 0 });
    expect(ids(result.matches)[0]).to.equal('near-both');
  });

  it('requires the in-person format', () => {
    const result = rankTherapists(list, {
      seeking: 'individual',
      location: where,
      formats: { value: ['in-person'], importance: 'required' },
    });
    expect(ids(result.matches)).to.deep.equal(['near-both']);
    expect(excluded(result, 'formats')).to.equal(3);
    expect(excluded(result, 'distance')).to.equal(1);
  });

  it('requires telehealth, licensed where the person lives', () => {
    const result = rankTherapists(list, {
      seeking: 'individual',
      location: where,
      formats: { value: ['telehealth'], importance: 'required' },
    });
    expect(ids(result.matches).sort()).to.deep.equal(['far-video-or', 'near-both', 'video-licence-only']);
    expect(result.exclusions).to.deep.equal([
      { criterion: 'formats', count: 1, details: { formats: 'telehealth' } },
      { criterion: 'telehealthJurisdiction', count: 1, details: { jurisdiction: 'US-OR' } },
    ]);
    expect(reason(result, 'far-video-or', 'formats').details).to.deep.equal({ inPerson: false, telehealth: true });
  });

  it('leaves a result as it was when the next ranking runs (the engine keeps nothing of it)', () => {
    const answers: MatchAnswers = {
      seeking: 'individual',
      location: where,
      formats: { value: ['telehealth'], importance: 'required' },
    };
    const result = rankTherapists(list, answers);
    const before = JSON.stringify(result);
    rankTherapists(list, { seeking: 'individual', location: { jurisdiction: 'US-WA', ...SEATTLE } });
    rankTherapists(list, individual);
    expect(JSON.stringify(result)).to.equal(before);
    expect(result.exclusions).to.deep.include({
      criterion: 'telehealthJurisdiction',
      count: 1,
      details: { jurisdiction: 'US-OR' },
    });
    expect(JSON.stringify(rankTherapists(list, answers))).to.equal(before);
  });

  it('scores a preferred format without excluding', () => {
    const result = rankTherapists(list, {
      seeking: 'individual',
      location: { jurisdiction: 'US-WA', ...SEATTLE },
      formats: { value: ['in-person'], importance: 'preferred' },
    });
    expect(result.matched).to.equal(4);
    expect(reason(result, 'far-in-person', 'formats')).to.include({ status: 'met' });
    expect(reason(result, 'far-video-wa', 'formats')).to.include({ status: 'not-met' });
    expect(excluded(result, 'telehealthJurisdiction')).to.equal(1);
  });

  it('with no location, an in-person-only listing waits for the place; distance is unused', () => {
    const result = rankTherapists(list, individual);
    // It could be in another city or country: not a match until the person says where they are.
    expect(result.matched).to.equal(4);
    expect(ids(result.matches)).not.to.include('far-in-person');
    expect(result.exclusions).to.deep.equal([{ criterion: 'distance', count: 1, details: { location: 'unknown' } }]);
    const placed = rankTherapists(list, { seeking: 'individual', location: { ...PORTLAND } });
    expect(ids(placed.matches)).to.include('far-in-person');
    expect(reason(result, 'near-both', 'distance').status).to.equal('unused');
    expect(reason(result, 'near-both', 'formats').status).to.equal('unused');
    expect(result.matches[0].telehealthEligible).to.equal(undefined);
  });

  it('accepts a country-wide licence for a subdivision', () => {
    const nz = directory(
      record('nz', {
        formats: ['telehealth'],
        licenses: [{ type: 'Registered Psychologist', jurisdiction: 'NZ' }],
        telehealthJurisdictions: undefined,
      }),
    );
    expect(rankTherapists(nz, { seeking: 'individual', location: { jurisdiction: 'NZ-AUK' } }).matched).to.equal(1);
    expect(rankTherapists(nz, { seeking: 'individual', location: { jurisdiction: 'AU-NSW' } }).matched).to.equal(0);
  });
});

describe('rankTherapists: cost and availability', () => {
  const list = directory(
    record('a-cheap', { fees: { currency: 'USD', min: 90 }, insurance: ['Aetna'] }),
    record('b-sliding', { fees: { currency: 'USD', min: 200, slidingScale: true }, freeConsultation: true }),
    record('c-dear', { fees: { currency: 'USD', min: 220 }, acceptingNewClients: false }),
    record('d-cad', { fees: { currency: 'CAD', min: 50 } }),
    record('e-no-fees', { fees: undefined, acceptingNewClients: undefined }),
  );
  const budget = (importance: Importance): MatchAnswers => ({
    seeking: 'individual',
    budget: { value: { max: 150, currency: 'usd' }, importance },
  });

  it('budget required keeps fees within reach, and sliding scales as worth asking', () => {
    const result = rankTherapists(list, budget('required'));
    expect(ids(result.matches)).to.deep.equal(['a-cheap', 'b-sliding']);
    expect(reason(result, 'a-cheap', 'budget')).to.include({ status: 'met' });
    expect(reason(result, 'b-sliding', 'budget')).to.include({ status: 'partly-met' });
    expect(reason(result, 'b-sliding', 'budget').details).to.deep.equal({
      min: 200,
      currency: 'USD',
      slidingScale: true,
    });
    expect(excluded(result, 'budget')).to.equal(3);
  });

  it('budget preferred orders by it; none leaves it unused', () => {
    expect(ids(rankTherapists(list, budget('preferred')).matches).slice(0, 2)).to.deep.equal(['a-cheap', 'b-sliding']);
    const none = rankTherapists(list, budget('none'));
    expect(none.matched).to.equal(5);
    expect(reason(none, 'a-cheap', 'budget').status).to.equal('unused');
    expect(reason(none, 'e-no-fees', 'budget').status).to.equal('unused');
  });

  it('insurance matches plan names case-insensitively', () => {
    const ask = (importance: Importance): MatchAnswers => ({
      seeking: 'individual',
      insurance: { value: ['aetna', 'Cigna'], importance },
    });
    const required = rankTherapists(list, ask('required'));
    expect(ids(required.matches)).to.deep.equal(['a-cheap']);
    expect(reason(required, 'a-cheap', 'insurance').details).to.deep.equal({ matched: ['aetna'] });
    expect(ids(rankTherapists(list, ask('preferred')).matches)[0]).to.equal('a-cheap');
    expect(reason(rankTherapists(list, ask('none')), 'a-cheap', 'insurance').status).to.equal('unused');
  });

  for (const [criterion, fits] of [
    ['slidingScale', 'b-sliding'],
    ['freeConsultation', 'b-sliding'],
  ] as const) {
    it(`${criterion}: required, preferred and none`, () => {
      const ask = (importance: Importance): MatchAnswers => ({
        seeking: 'individual',
        [criterion]: { value: true, importance },
      });
      expect(ids(rankTherapists(list, ask('required')).matches)).to.deep.equal([fits]);
      expect(ids(rankTherapists(list, ask('preferred')).matches)[0]).to.equal(fits);
      expect(rankTherapists(list, ask('preferred')).matched).to.equal(5);
      expect(reason(rankTherapists(list, ask('none')), fits, criterion).status).to.equal('unused');
    });
  }

  it('acceptingNewClients: required keeps only those who say they accept; not saying is not accepting', () => {
    const required = rankTherapists(list, {
      seeking: 'individual',
      acceptingNewClients: { value: true, importance: 'required' },
    });
    expect(ids(required.matches)).to.deep.equal(['a-cheap', 'b-sliding', 'd-cad']);
    // The one that is full and the one that does not say, each counted once, add up to the directory.
    expect(required.exclusions).to.deep.equal([{ criterion: 'acceptingNewClients', count: 2 }]);
    expect(required.matched + 2).to.equal(required.total);
    const preferred = rankTherapists(list, {
      seeking: 'individual',
      acceptingNewClients: { value: true, importance: 'preferred' },
    });
    expect(ids(preferred.matches).slice(-2).sort()).to.deep.equal(['c-dear', 'e-no-fees']);
    // The listing that does not say: the wish is unmet, and the reason says it is not stated.
    expect(reason(preferred, 'e-no-fees', 'acceptingNewClients')).to.deep.include({
      status: 'not-met',
      details: { unknown: true },
    });
    expect(reason(preferred, 'c-dear', 'acceptingNewClients').details).to.equal(undefined);
    expect(reason(preferred, 'a-cheap', 'acceptingNewClients').status).to.equal('met');
  });
});

describe('rankTherapists: availability at the same fit', () => {
  const list = directory(
    record('a-full', { acceptingNewClients: false }),
    record('b-open', { acceptingNewClients: true }),
    record('c-unstated', { acceptingNewClients: undefined }),
    record('d-full', { acceptingNewClients: false }),
  );

  it('at the same score: accepting first, then not saying, then not accepting, whatever the seed', () => {
    const result = rankTherapists(list, individual);
    expect(new Set(result.matches.map((m) => m.score)).size).to.equal(1);
    expect(ids(result.matches)).to.deep.equal(['b-open', 'c-unstated', 'a-full', 'd-full']);
    for (const seed of [1, 2, 3, 42, 1234]) {
      const seeded = ids(rankTherapists(list, individual, { seed }).matches);
      expect(seeded.slice(0, 2), `seed ${seed}`).to.deep.equal(['b-open', 'c-unstated']);
      expect(seeded.slice(2).sort(), `seed ${seed}`).to.deep.equal(['a-full', 'd-full']);
    }
    expect(ids(rankTherapists(list, individual, { limit: 2 }).matches)).to.deep.equal(['b-open', 'c-unstated']);
  });

  it('a listing that does not say ranks below one that says it accepts, even when its id comes first', () => {
    const result = rankTherapists(
      directory(
        record('a-unstated', { acceptingNewClients: undefined }),
        record('b-open', { acceptingNewClients: true }),
      ),
      individual,
    );
    expect(result.matches[0].score).to.equal(result.matches[1].score);
    expect(ids(result.matches)).to.deep.equal(['b-open', 'a-unstated']);
  });

  it('still ranks a better fit first, whether it is accepting or not', () => {
    const result = rankTherapists(
      directory(record('a-full-fits', { acceptingNewClients: false }), record('b-open-misses', { languages: ['fr'] })),
      { seeking: 'individual', preferences: { languages: { value: ['en'], importance: 'preferred' } } },
    );
    expect(ids(result.matches)).to.deep.equal(['a-full-fits', 'b-open-misses']);
  });
});

describe('rankTherapists: scores and weights', () => {
  const list = directory(...parseTherapists(generateTherapists(300, 7)).therapists);
  const answers: MatchAnswers = {
    seeking: 'couple',
    ageGroup: 'adult',
    concerns: { primary: 'desire-discrepancy', others: ['communication-about-sex', 'pain-with-sex'] },
    preferences: { languages: { value: ['es'], importance: 'preferred' } },
    partnerPreferences: { therapistGender: { value: ['woman'], importance: 'preferred' } },
    formats: { value: ['in-person', 'telehealth'], importance: 'preferred' },
    location: { lat: 37.77, lng: -122.42, maxDistanceKm: 30, jurisdiction: 'US-CA' },
    budget: { value: { max: 170, currency: 'USD' }, importance: 'preferred' },
    freeConsultation: { value: true, importance: 'preferred' },
  };

  it('scores in [0, 1], with reasons whose contributions add up to the score', () => {
    const result = rankTherapists(list, answers, { limit: 1000 });
    expect(result.matches.length).to.equal(result.matched);
    expect(result.matched).to.be.greaterThan(10);
    for (const m of result.matches) {
      expect(m.score).to.be.within(0, 1);
      const sum = m.reasons.reduce((s, r) => s + r.contribution, 0);
      expect(sum).to.be.closeTo(m.score, 1e-6);
    }
    const scores = result.matches.map((m) => m.score);
    expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
  });

  it('returns the same top matches as a full sort, whatever the limit', () => {
    const all = rankTherapists(list, answers, { limit: 1000 });
    const top = rankTherapists(list, answers, { limit: 7 });
    expect(ids(top.matches)).to.deep.equal(ids(all.matches).slice(0, 7));
    expect(top.matched).to.equal(all.matched);
    expect(rankTherapists(list, answers, { limit: 0 }).matches).to.deep.equal([]);
    expect(rankTherapists(list, answers).matches.length).to.equal(20);
  });

  it('ranks the same from a prebuilt index', () => {
    const index = indexTherapists(list);
    expect(rankTherapists(index, answers)).to.deep.equal(rankTherapists(list, answers));
  });

  it('lets weights change what counts most', () => {
    const normal = rankTherapists(list, answers, { limit: 1000 });
    const concernBlind = rankTherapists(list, answers, { limit: 1000, weights: { primaryConcern: 0 } });
    expect(ids(concernBlind.matches)).to.not.deep.equal(ids(normal.matches));
    expect(reason(concernBlind, ids(concernBlind.matches)[0], 'primaryConcern').contribution).to.equal(0);
    // Invalid overrides are ignored.
    const invalid = rankTherapists(list, answers, { limit: 1000, weights: { primaryConcern: -1, languages: NaN } });
    expect(ids(invalid.matches)).to.deep.equal(ids(normal.matches));
  });
});

describe('rankTherapists: ties and seeds', () => {
  const list = directory(
    ...['e', 'c', 'a', 'f', 'b', 'd', 'g', 'h'].map((id) => record(`tie-${id}`)),
    record('best', { concerns: ['low-desire', 'body-image'] }),
  );
  const answers: MatchAnswers = { seeking: 'individual', concerns: { primary: 'low-desire', others: ['body-image'] } };

  it('breaks ties by id without a seed', () => {
    const result = rankTherapists(list, answers);
    expect(ids(result.matches)).to.deep.equal(['best', ...'abcdefgh'.split('').map((c) => `tie-${c}`)]);
  });

  it('rotates equal scores with a seed, the same way for the same seed, never above a better score', () => {
    const orders = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      const order = ids(rankTherapists(list, answers, { seed }).matches);
      expect(order[0]).to.equal('best');
      expect([...order].sort()).to.deep.equal([...ids(rankTherapists(list, answers).matches)].sort());
      expect(ids(rankTherapists(list, answers, { seed }).matches)).to.deep.equal(order);
      orders.add(order.join());
    }
    expect(orders.size).to.be.greaterThan(4);
  });

  it('rotates fairly: each tied record leads for some seed', () => {
    const leaders = new Set<string>();
    for (let seed = 0; seed < 200; seed++) leaders.add(ids(rankTherapists(list, answers, { seed }).matches)[1]);
    expect(leaders.size).to.equal(8);
  });

  it('keeps seeded selection of the top k consistent with the full seeded order', () => {
    const full = ids(rankTherapists(list, answers, { seed: 42, limit: 100 }).matches);
    expect(ids(rankTherapists(list, answers, { seed: 42, limit: 3 }).matches)).to.deep.equal(full.slice(0, 3));
  });
});

describe('rankTherapists: relaxations', () => {
  const list = directory(...parseTherapists(generateTherapists(400, 3)).therapists);
  const strict: MatchAnswers = {
    seeking: 'couple',
    concerns: { primary: 'pain-with-sex' },
    preferences: {
      therapistGender: { value: ['woman'], importance: 'required' },
      languages: { value: ['es'], importance: 'preferred' },
    },
    partnerPreferences: { communities: { value: ['lgbtq'], importance: 'required' } },
    formats: { value: ['in-person'], importance: 'required' },
    location: { lat: 45.5152, lng: -122.6784, maxDistanceKm: 15, jurisdiction: 'US-OR' },
    acceptingNewClients: { value: true, importance: 'required' },
    freeConsultation: { value: true, importance: 'required' },
  };
  const result = rankTherapists(list, strict, { minMatches: 5 });

  it('suggests relaxations, the best first, only when too few match', () => {
    expect(result.matched).to.be.lessThan(5);
    expect(result.relaxations.length).to.be.greaterThan(1);
    const gains = result.relaxations.map((r) => r.additional);
    expect(gains).to.deep.equal([...gains].sort((a, b) => b - a));
    expect(gains.every((g) => g > 0)).to.equal(true);
    expect(rankTherapists(list, strict, { minMatches: 0 }).relaxations).to.deep.equal([]);
  });

  it('each change, applied, adds exactly the promised matches', () => {
    for (const relaxation of result.relaxations) {
      const relaxed = rankTherapists(list, applyRelaxation(strict, relaxation), { minMatches: 5 });
      expect(relaxed.matched, relaxation.criterion).to.equal(result.matched + relaxation.additional);
    }
  });

  it('suggests telehealth, a longer distance and softer wishes as patches of the answers', () => {
    const byCriterion = Object.fromEntries(result.relaxations.map((r) => [r.criterion, r.change]));
    expect(byCriterion.formats).to.deep.equal({
      formats: { value: ['in-person', 'telehealth'], importance: 'required' },
    });
    expect(byCriterion.distance?.location?.maxDistanceKm).to.be.greaterThan(15);
    // The partner's requirement softens (one partner stays one object); the other wishes stay as they were.
    const partner = byCriterion.communities?.partnerPreferences as PersonalPreferences | undefined;
    expect(partner?.communities).to.deep.equal({
      value: ['lgbtq'],
      importance: 'preferred',
    });
    expect(byCriterion.communities?.preferences?.therapistGender?.importance).to.equal('required');
    expect(result.relaxations.map((r) => r.criterion)).to.deep.equal(['distance', 'communities', 'formats']);
    expect(result.relaxations.some((r) => r.criterion === 'clientType')).to.equal(false);
  });

  it('counts each excluded record once, under its first failing requirement: the counts add up', () => {
    const sum = result.exclusions.reduce((s, e) => s + e.count, 0);
    expect(result.total).to.equal(400);
    expect(result.matched + sum).to.equal(result.total);
    // Every requirement that excluded someone first is listed; none is listed with nobody.
    expect(result.exclusions.every((e) => e.count > 0)).to.equal(true);
    expect(result.exclusions.map((e) => e.count)).to.deep.equal(
      result.exclusions.map((e) => e.count).sort((a, b) => b - a),
    );
  });
});
