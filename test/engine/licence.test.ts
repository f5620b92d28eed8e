// Match.license (issue 14.5): the licence that lets a therapist see this person, for video where the
// person lives and in person where the office is.
import { expect } from '@open-wc/testing';
import { rankTherapists, type MatchAnswers } from '../../src/engine/index.js';
import { directory, PORTLAND, record } from './records.js';

// Licensed first in New York, then California and Oregon; the office is in Oregon.
const list = directory(
  record('multi', {
    licenses: [
      { type: 'LCSW', jurisdiction: 'US-NY', number: 'NY-1', verifyUrl: 'https://ny.example.org/1' },
      { type: 'LMFT', jurisdiction: 'US-CA', number: 'CA-2', verifyUrl: 'https://ca.example.org/2' },
      { type: 'LMFT', jurisdiction: 'US-OR' },
    ],
    telehealthJurisdictions: undefined,
  }),
);
const licenceOf = (answers: Partial<MatchAnswers>) =>
  rankTherapists(list, { seeking: 'individual', ...answers }).matches[0]?.license;

describe('rankTherapists: the licence that lets the therapist see this person', () => {
  it('names the licence for video where the person lives, not the first one listed', () => {
    expect(licenceOf({ location: { jurisdiction: 'US-CA' } })).to.deep.equal({ index: 1, for: 'telehealth' });
    expect(licenceOf({ location: { jurisdiction: 'us-ny' } })).to.deep.equal({ index: 0, for: 'telehealth' });
  });

  it('names the office’s licence for someone who wants only in-person sessions', () => {
    const answers: Partial<MatchAnswers> = {
      formats: { value: ['in-person'], importance: 'required' },
      location: { ...PORTLAND, jurisdiction: 'US-CA' },
    };
    expect(licenceOf(answers)).to.deep.equal({ index: 2, for: 'in-person' });
  });

  it('falls back to the office when the person is not covered for video, and to nothing without a place', () => {
    // Video is still possible (telehealthJurisdictions says so) but no licence names Washington.
    const wa = directory(record('wa', { telehealthJurisdictions: ['US-WA'] }));
    const match = rankTherapists(wa, { seeking: 'individual', location: { ...PORTLAND, jurisdiction: 'US-WA' } })
      .matches[0];
    expect(match.telehealthEligible).to.equal(true);
    expect(match.license).to.deep.equal({ index: 0, for: 'in-person' });
    expect(licenceOf({})).to.equal(undefined);
  });

  it('counts a country-wide licence for a region of that country', () => {
    const nz = directory(
      record('nz', {
        licenses: [{ type: 'RP', jurisdiction: 'NZ' }],
        telehealthJurisdictions: undefined,
        formats: ['telehealth'],
        location: undefined,
      }),
    );
    const match = rankTherapists(nz, { seeking: 'individual', location: { jurisdiction: 'NZ-AUK' } }).matches[0];
    expect(match.license).to.deep.equal({ index: 0, for: 'telehealth' });
  });
});
