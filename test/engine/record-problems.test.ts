// Two severities: a malformed optional field is left out with a warning and the listing kept; a
// required field that cannot be read is an error that drops the listing. Every problem names the
// record (index, id, line) and the field, and says what to do.
import { expect } from '@open-wc/testing';
import type { DataProblem } from '../../src/engine/index.js';
import { fixFor, lines, minimal, read, spreadsheetRow } from './read.js';

describe('a malformed optional field never drops the listing', () => {
  for (const [kind, field, value, path, message, without] of [
    [
      'url',
      'website',
      'javascript:alert(1)',
      'website',
      'must be an absolute http: or https: URL; it was left out (was "javascript:alert(1)")',
      'website',
    ],
    [
      'contact url',
      'bookingUrl',
      'ftp://example.org/book',
      'bookingUrl',
      'must be an absolute http:, https:, mailto: or tel: URL; it was left out (was "ftp://example.org/book")',
      'bookingUrl',
    ],
    [
      'email',
      'email',
      'ana at example dot org',
      'email',
      'must be an email address; it was left out (was "ana at example dot org")',
      'email',
    ],
    [
      'phone',
      'phone',
      'ask at the desk',
      'phone',
      'must be a phone number such as +1 415 555 0100; it was left out (was "ask at the desk")',
      'phone',
    ],
    [
      'date',
      'lastVerified',
      'last spring',
      'lastVerified',
      'must be an ISO 8601 date such as 2026, 2026-01 or 2026-01-31; it was left out (was "last spring")',
      'lastVerified',
    ],
    [
      'number',
      'fees',
      { currency: 'USD', min: 120, max: 'varies' },
      'fees.max',
      'must be a number; it was left out (was "varies")',
      null,
    ],
    ['list item', 'insurance', ['Aetna', { plan: 'Cigna' }], 'insurance.1', 'must be a string; it was left out', null],
    [
      'nested object',
      'location',
      'Oakland, CA',
      'location',
      'must be an object; it was left out (was "Oakland, CA")',
      'location',
    ],
    [
      'required field of a nested object',
      'fees',
      { min: 120 },
      'fees.currency',
      'is missing; fees was left out',
      'fees',
    ],
    [
      'licence beside a valid one',
      'licenses',
      [{ type: 'LMFT', jurisdiction: 'US-CA' }, { type: 'LPC' }],
      'licenses.1.jurisdiction',
      'is missing; licenses.1 was left out',
      null,
    ],
  ] as const) {
    it(`keeps the listing when ${kind} is malformed, leaving out only that`, async () => {
      const { therapists, problems } = await read([minimal({ [field]: value })]);
      expect(lines(problems)).to.deep.equal([`warning ${path}: ${message}`]);
      expect(problems[0]).to.include({ index: 0, id: 'th-1' });
      expect(problems[0].fix).to.equal(fixFor(...path.split('.').filter((segment) => !/^\d+$/.test(segment))));
      expect(therapists).to.have.length(1);
      if (without) expect(therapists[0]).to.not.have.property(without);
    });
  }

  it('keeps what is valid around the malformed part', async () => {
    const { therapists } = await read([
      minimal({
        fees: { currency: 'USD', min: 120, max: 'varies' },
        insurance: ['Aetna', { plan: 'Cigna' }],
        licenses: [{ type: 'LMFT', jurisdiction: 'US-CA' }, { type: 'LPC' }],
      }),
    ]);
    expect(therapists[0].fees).to.deep.equal({ currency: 'USD', min: 120 });
    expect(therapists[0].insurance).to.deep.equal(['Aetna']);
    expect(therapists[0].licenses).to.deep.equal([{ type: 'LMFT', jurisdiction: 'US-CA' }]);
  });
});

describe('a required field that cannot be read drops the listing', () => {
  it('is an error with the index, the id, the field and a fix', async () => {
    const { therapists, problems } = await read([
      minimal({ id: 'ok-1' }),
      minimal({ id: 'no-formats', formats: ['by carrier pigeon'] }),
      minimal({ id: 'ok-2' }),
      minimal({ id: 'no-licence', licenses: [{ type: 'LMFT' }] }),
    ]);
    expect(therapists.map((t) => t.id)).to.deep.equal(['ok-1', 'ok-2']);
    expect(problems).to.deep.equal([
      {
        severity: 'warning',
        index: 1,
        id: 'no-formats',
        path: 'formats.0',
        message: '"by carrier pigeon" is not one of "in-person", "telehealth"; it was ignored',
        fix: 'write one of in-person, telehealth',
      },
      {
        severity: 'error',
        index: 1,
        id: 'no-formats',
        path: 'formats',
        message: 'must list in-person, telehealth or both',
        fix: fixFor('formats'),
      },
      {
        severity: 'warning',
        index: 3,
        id: 'no-licence',
        path: 'licenses.0.jurisdiction',
        message: 'is missing; licenses.0 was left out',
        fix: fixFor('licenses', 'jurisdiction'),
      },
      {
        severity: 'error',
        index: 3,
        id: 'no-licence',
        path: 'licenses',
        message: 'must list at least one clinical licence',
        fix: fixFor('licenses'),
      },
    ]);
  });

  it('names the record by the id a spreadsheet gives it under another header', async () => {
    const { therapists, problems } = await read([spreadsheetRow({ 'Therapist ID': 'row-7', License: '' })]);
    expect(therapists).to.deep.equal([]);
    expect(problems.map((p) => [p.severity, p.id, p.path, p.message])).to.deep.equal([
      ['error', 'row-7', 'licenses', 'is missing'],
    ]);
  });
});

describe('locations without coordinates', () => {
  it('keeps a listing with a city but no coordinates, warning that distance is unknown', async () => {
    const { therapists, problems } = await read([
      minimal({ formats: ['in-person', 'telehealth'], City: 'Oakland', Zip: '94612' }),
    ]);
    expect(therapists[0].location).to.deep.equal({ city: 'Oakland', postalCode: '94612' });
    expect(problems).to.deep.equal([
      {
        severity: 'warning',
        index: 0,
        id: 'th-1',
        path: 'location',
        message:
          'has no coordinates: in-person distance is unknown, so a search with a distance limit leaves this office out',
        fix: "add location.lat and location.lng (the office's latitude and longitude)",
      },
    ]);
  });

  it('leaves out a latitude without a longitude, and keeps the city', async () => {
    const { therapists, problems } = await read([
      minimal({ formats: ['in-person'], City: 'Oakland', Latitude: '37.8044' }),
    ]);
    expect(therapists[0].location).to.deep.equal({ city: 'Oakland' });
    expect(lines(problems)).to.deep.equal([
      'warning location.lat: is given without lng; it was left out',
      'warning location: has no coordinates: in-person distance is unknown, so a search with a distance limit leaves this office out',
    ]);
    expect(problems[0].fix).to.equal('give both lat and lng, or neither');
  });

  it('leaves out coordinates that are not numbers in range, and keeps the city', async () => {
    for (const [lat, lng, path, shown] of [
      ['37,8', '-122.27', 'location.lat', '"37,8" is not a latitude (-90 to 90)'],
      [91, 0, 'location.lat', '91 is not a latitude (-90 to 90)'],
      [37.8, -190, 'location.lng', '-190 is not a longitude (-180 to 180)'],
    ] as const) {
      const { therapists, problems } = await read([minimal({ location: { city: 'Oakland', lat, lng } })]);
      expect(therapists[0].location, String(lat)).to.deep.equal({ city: 'Oakland' });
      expect(lines(problems)).to.deep.equal([`warning ${path}: ${shown}; lat and lng were left out`]);
    }
  });

  it('warns about an in-person listing with no location at all, and keeps it', async () => {
    const { therapists, problems } = await read([minimal({ formats: ['in-person'] })]);
    expect(therapists).to.have.length(1);
    expect(lines(problems)).to.deep.equal([
      'warning location: is missing although sessions are in person: distance is unknown',
    ]);
  });

  it('says nothing about coordinates for a listing that only meets by video', async () => {
    expect((await read([minimal({ City: 'Oakland' })])).problems).to.deep.equal([]);
  });
});

describe('problems name the line of the file', () => {
  it('gives every problem of a record the line where the record starts', async () => {
    const { problems } = await read(
      [
        spreadsheetRow({ 'Therapist ID': 'a' }),
        spreadsheetRow({ 'Therapist ID': 'b', 'Accepting New Clients': 'maybe', License: 'Sex Coach:US-CA' }),
        spreadsheetRow({ 'Therapist ID': 'c', Notes: 'x' }),
      ],
      { lines: [2, 3, 7] },
    );
    expect(problems.map((p: DataProblem) => [p.line, p.index, p.id, p.severity, p.path])).to.deep.equal([
      [3, 1, 'b', 'warning', 'acceptingNewClients'],
      [3, 1, 'b', 'error', 'licenses.0.type'],
      [7, 2, 'c', 'warning', 'Notes'],
    ]);
  });

  it('leaves line out when the source does not know it', async () => {
    const { problems } = await read([minimal({ Notes: 'x' })]);
    expect(problems[0]).to.not.have.property('line');
  });
});
