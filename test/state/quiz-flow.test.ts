// The quiz flow, without a DOM: steps, navigation, presets, answers for the engine, places, snapshots.
import { expect } from '@open-wc/testing';
import { REGIONS, locationFromRegion, placesFromTherapists, resolveLocation } from '../../src/engine/places.js';
import {
  QUIZ_STEPS,
  applicableSteps,
  applyChange,
  clearStep,
  nextStep,
  parseSteps,
  previousStep,
  selectedConcerns,
  settleStep,
  toMatchAnswers,
} from '../../src/state/quiz-flow.js';
import { wantsInPerson, withConcerns } from '../../src/state/step-answers.js';
import { initialAnswers, parseSnapshot, serializeSnapshot } from '../../src/state/stored-answers.js';
import type { MatchAnswers } from '../../src/engine/answers.js';
import type { Therapist } from '../../src/engine/schema.js';

const therapist = (id: string, location: Therapist['location']): Therapist =>
  ({
    id,
    name: id,
    licenses: [{ type: 'LMFT', jurisdiction: 'US-CA' }],
    formats: ['in-person'],
    location,
  }) as Therapist;

const directory = [
  therapist('a', {
    city: 'San Francisco',
    region: 'US-CA',
    postalCode: '94110',
    country: 'US',
    lat: 37.75,
    lng: -122.41,
  }),
  therapist('b', { city: 'Toronto', region: 'Ontario', postalCode: 'M5V 2T6', country: 'CA', lat: 43.64, lng: -79.39 }),
  therapist('c', { city: 'San Francisco', region: 'US-CA', postalCode: '94110', country: 'US', lat: 1, lng: 1 }),
  therapist('d', undefined),
];

describe('quiz flow: steps', () => {
  it('reads a site step list, dropping unknown and repeated names', () => {
    expect(parseSteps('practical, who,bogus who')).to.deep.equal(['practical', 'who']);
    expect(parseSteps(['concerns'])).to.deep.equal(['concerns']);
    expect(parseSteps('')).to.deep.equal([...QUIZ_STEPS]);
    expect(parseSteps(undefined)).to.deep.equal([...QUIZ_STEPS]);
  });

  it('asks the partner step only of couples', () => {
    expect(applicableSteps(QUIZ_STEPS, { seeking: 'individual' })).to.deep.equal([
      'who',
      'concerns',
      'comfort',
      'practical',
    ]);
    expect(applicableSteps(QUIZ_STEPS, { seeking: 'couple' })).to.include('partner');
  });

  it('moves forward and back, ending in the results', () => {
    const steps = applicableSteps(QUIZ_STEPS, { seeking: 'couple' });
    expect(nextStep(steps, 'comfort')).to.equal('partner');
    expect(nextStep(steps, 'practical')).to.equal(undefined);
    expect(previousStep(steps, 'concerns')).to.equal('who');
    expect(previousStep(steps, 'who')).to.equal(undefined);
    expect(nextStep(['concerns', 'practical'], 'who')).to.equal('concerns');
  });

  it('settles on the next applicable step when the current one no longer applies', () => {
    expect(settleStep(QUIZ_STEPS, { seeking: 'individual' }, 'partner')).to.equal('practical');
    expect(settleStep(QUIZ_STEPS, { seeking: 'couple' }, 'partner')).to.equal('partner');
    expect(settleStep(['who', 'partner'], { seeking: 'individual' }, 'partner')).to.equal('who');
  });
});

describe('quiz flow: answers', () => {
  it('starts as "just me" within 50 km, with the site preset applied, without sharing the preset object', () => {
    const preset: Partial<MatchAnswers> = { formats: { value: ['telehealth'], importance: 'required' } };
    const answers = initialAnswers(preset);
    expect(answers).to.deep.equal({
      seeking: 'individual',
      location: { maxDistanceKm: 50 },
      formats: { value: ['telehealth'], importance: 'required' },
    });
    expect(initialAnswers({ location: { jurisdiction: 'US-OR' } }).location).to.deep.equal({ jurisdiction: 'US-OR' });
    answers.formats!.value.push('in-person');
    expect(preset.formats!.value).to.deep.equal(['telehealth']);
  });

  it('applies a relaxation patch: replaces keys and removes the ones set to undefined', () => {
    const answers: MatchAnswers = { seeking: 'individual', formats: { value: ['in-person'], importance: 'required' } };
    const relaxed = applyChange(answers, {
      formats: undefined,
      acceptingNewClients: { value: true, importance: 'preferred' },
    });
    expect(relaxed).to.deep.equal({
      seeking: 'individual',
      acceptingNewClients: { value: true, importance: 'preferred' },
    });
    expect(answers.formats).to.deep.equal({ value: ['in-person'], importance: 'required' });
  });

  it('skipping a step clears what it asks, and brings back the preset', () => {
    const answers: MatchAnswers = {
      seeking: 'couple',
      concerns: { primary: 'low-desire' },
      formats: { value: ['in-person'], importance: 'required' },
      budget: { value: { max: 100, currency: 'USD' }, importance: 'required' },
    };
    expect(clearStep(answers, 'concerns')).to.deep.equal({
      seeking: 'couple',
      formats: answers.formats,
      budget: answers.budget,
    });
    const preset: Partial<MatchAnswers> = { formats: { value: ['telehealth'], importance: 'required' } };
    const cleared = clearStep(answers, 'practical', preset);
    expect(cleared.formats).to.deep.equal(preset.formats);
    expect(cleared.budget).to.equal(undefined);
    expect(cleared.concerns).to.deep.equal({ primary: 'low-desire' });
  });

  it('keeps the primary concern first and picks a new one when it is unticked', () => {
    let answers = withConcerns({ seeking: 'individual' }, ['low-desire', 'pain-with-sex']);
    expect(answers.concerns).to.deep.equal({ primary: 'low-desire', others: ['pain-with-sex'] });
    answers = withConcerns(answers, ['low-desire', 'pain-with-sex'], 'pain-with-sex');
    expect(selectedConcerns(answers)).to.deep.equal(['pain-with-sex', 'low-desire']);
    answers = withConcerns(answers, ['low-desire']);
    expect(answers.concerns).to.deep.equal({ primary: 'low-desire', others: [] });
    expect(withConcerns(answers, []).concerns).to.equal(undefined);
  });

  it('gives the engine only answers that say something', () => {
    const answers: MatchAnswers = {
      seeking: 'individual',
      concerns: { others: ['body-image'] },
      preferences: {
        therapistGender: { value: [], importance: 'required' },
        languages: { value: ['es'], importance: 'none' },
        communities: { value: ['lgbtq'], importance: 'preferred' },
      },
      partnerPreferences: { therapistGender: { value: ['woman'], importance: 'required' } },
      formats: { value: ['telehealth'], importance: 'required' },
      location: { lat: 1, lng: 2, jurisdiction: 'US-CA', maxDistanceKm: 25, label: '94110' },
      budget: { value: { max: 0, currency: 'USD' }, importance: 'required' },
      slidingScale: { value: true, importance: 'none' },
      acceptingNewClients: { value: true, importance: 'required' },
    };
    expect(toMatchAnswers(answers)).to.deep.equal({
      seeking: 'individual',
      concerns: { primary: 'body-image', others: [] },
      preferences: { communities: { value: ['lgbtq'], importance: 'preferred' } },
      formats: { value: ['telehealth'], importance: 'required' },
      location: { lat: 1, lng: 2, jurisdiction: 'US-CA', label: '94110' },
      acceptingNewClients: { value: true, importance: 'required' },
    });
  });

  it("counts the partner's wishes for couples and keeps distance when in person is possible", () => {
    const out = toMatchAnswers({
      seeking: 'couple',
      partnerPreferences: { therapistGender: { value: ['woman'], importance: 'required' } },
      location: { lat: 1, lng: 2, maxDistanceKm: 25 },
      budget: { value: { max: 120, currency: 'CAD' }, importance: 'preferred' },
    });
    expect(out.partnerPreferences).to.deep.equal({ therapistGender: { value: ['woman'], importance: 'required' } });
    expect(out.location!.maxDistanceKm).to.equal(25);
    expect(out.budget!.value).to.deep.equal({ max: 120, currency: 'CAD' });
    expect(toMatchAnswers({ seeking: 'individual', location: { label: 'nowhere' } }).location).to.equal(undefined);
  });

  it('keeps each partner of a list in place, with only the wishes that say something', () => {
    const partners = [
      { therapistGender: { value: ['man'], importance: 'none' as const } },
      {
        therapistGender: { value: ['woman'], importance: 'preferred' as const },
        languages: { value: [], importance: 'required' as const },
      },
    ];
    expect(toMatchAnswers({ seeking: 'couple', partnerPreferences: partners }).partnerPreferences).to.deep.equal([
      {},
      { therapistGender: { value: ['woman'], importance: 'preferred' } },
    ]);
    expect(toMatchAnswers({ seeking: 'individual', partnerPreferences: partners }).partnerPreferences).to.equal(
      undefined,
    );
  });

  it('knows when in-person details matter', () => {
    expect(wantsInPerson({ seeking: 'individual' })).to.equal(true);
    expect(
      wantsInPerson({ seeking: 'individual', formats: { value: ['telehealth'], importance: 'required' } }),
    ).to.equal(false);
    expect(
      wantsInPerson({ seeking: 'individual', formats: { value: ['telehealth'], importance: 'preferred' } }),
    ).to.equal(true);
  });
});

describe('quiz flow: location without a network', () => {
  const places = placesFromTherapists(directory);

  it('collects one place per postal code, with an ISO 3166-2 jurisdiction', () => {
    expect(places).to.have.length(2);
    expect(places[1]).to.deep.include({ jurisdiction: 'CA-ON', postalCode: 'M5V 2T6', lat: 43.64 });
  });

  it('resolves an exact postal code, ignoring case and spaces', () => {
    expect(resolveLocation(' m5v2t6 ', places)).to.deep.equal({
      lat: 43.64,
      lng: -79.39,
      jurisdiction: 'CA-ON',
      label: 'm5v2t6',
    });
  });

  it('resolves a nearby postal code from the same postal area, and a city name', () => {
    expect(resolveLocation('94103', places)).to.deep.include({ jurisdiction: 'US-CA', lat: 37.75 });
    expect(resolveLocation('M5V 3L9', places)).to.deep.include({ jurisdiction: 'CA-ON' });
    expect(resolveLocation('san francisco', places)).to.deep.include({ jurisdiction: 'US-CA' });
  });

  it('resolves a region by name or code, and gives up on anything else', () => {
    expect(resolveLocation('Québec', places)).to.deep.include({ jurisdiction: 'CA-QC', label: 'Québec' });
    expect(resolveLocation('tx', places)).to.deep.include({ jurisdiction: 'US-TX' });
    expect(resolveLocation('US-OR', places)).to.deep.include({ jurisdiction: 'US-OR' });
    expect(resolveLocation('00000', places)).to.equal(undefined);
    expect(resolveLocation('   ', places)).to.equal(undefined);
  });

  it('lists every US state, DC and Canadian province and territory', () => {
    expect(REGIONS).to.have.length(51 + 13);
    expect(new Set(REGIONS.map((r) => r.code)).size).to.equal(64);
    for (const r of REGIONS) expect(r.code).to.match(/^(US|CA)-[A-Z]{2}$/);
    expect(locationFromRegion('US-NY')).to.deep.include({ jurisdiction: 'US-NY', label: 'New York' });
    expect(locationFromRegion('XX-YY')).to.equal(undefined);
  });
});

describe('quiz flow: session snapshot', () => {
  it('round-trips and rejects anything unexpected', () => {
    const snapshot = { answers: { seeking: 'couple' as const }, step: 'partner' as const, view: 'quiz' as const };
    expect(parseSnapshot(serializeSnapshot(snapshot))).to.deep.equal(snapshot);
    expect(parseSnapshot(null)).to.equal(undefined);
    expect(parseSnapshot('{')).to.equal(undefined);
    expect(parseSnapshot(JSON.stringify({ ...snapshot, v: 2 }))).to.equal(undefined);
    expect(parseSnapshot(JSON.stringify({ v: 1, ...snapshot, step: 'other' }))).to.equal(undefined);
    expect(parseSnapshot(JSON.stringify({ v: 1, ...snapshot, answers: { seeking: 'group' } }))).to.equal(undefined);
  });
});
