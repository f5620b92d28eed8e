// parseTherapists: untrusted records are validated one by one, and every problem is reported.
import { expect } from '@open-wc/testing';
import { acceptRecordFast, parseTherapists, TherapistSchema, type DataProblem } from '../../src/engine/index.js';
import { generateTherapists } from '../../demo/sample/generate.js';
import { record } from './records.js';

const problemsOf = (...records: unknown[]) => parseTherapists(records).problems;
const only = (problems: DataProblem[]) => problems.map(({ path, message }) => `${path}: ${message}`);

describe('parseTherapists', () => {
  it('accepts the sample directory unchanged', () => {
    const input = generateTherapists(200, 11);
    const { therapists, problems } = parseTherapists(input);
    expect(problems).to.deep.equal([]);
    expect(therapists).to.deep.equal(input);
  });

  it('accepts { therapists: [...] } as well as an array', () => {
    const { therapists } = parseTherapists({ therapists: [record('a'), record('b')] });
    expect(therapists.map((t) => t.id)).to.deep.equal(['a', 'b']);
  });

  it('reports a wrong top-level shape as one problem, never a throw', () => {
    for (const [input, shape] of [
      [null, 'null'],
      [undefined, 'undefined'],
      ['[]', 'string'],
      [42, 'number'],
      [{ records: [] }, 'an object with keys records'],
      [{}, 'an object with keys (none)'],
    ] as const) {
      const { therapists, problems } = parseTherapists(input);
      expect(therapists).to.deep.equal([]);
      expect(problems).to.deep.equal([
        {
          index: -1,
          path: '',
          message: `expected an array of therapist records or { "therapists": [...] }, got ${shape}`,
        },
      ]);
    }
  });

  it('keeps the good records when one is bad, naming the bad one by index and id', () => {
    const { therapists, problems } = parseTherapists([record('a'), { ...record('b'), licenses: [] }, record('c')]);
    expect(therapists.map((t) => t.id)).to.deep.equal(['a', 'c']);
    expect(problems).to.deep.equal([
      { index: 1, id: 'b', path: 'licenses', message: 'must list at least one clinical licence' },
    ]);
  });

  it('reports missing required fields', () => {
    const { id: _id, name: _name, licenses: _licenses, formats: _formats, ...rest } = record('x');
    expect(only(problemsOf(rest))).to.deep.equal([
      'id: is required (string)',
      'name: is required (string)',
      'licenses: is required (array)',
      'formats: is required (array)',
    ]);
  });

  it('reports fields of the wrong type', () => {
    const bad = {
      ...record('x'),
      name: 42,
      languages: 'en',
      acceptingNewClients: 'yes',
      location: { lat: '45', lng: -122 },
      fees: { currency: 'USD', min: -5 },
      clientTypes: ['couples'],
    };
    expect(only(problemsOf(bad))).to.deep.equal([
      'name: must be a string',
      'clientTypes.0: must be one of "individual", "couple", "family", "group"',
      'languages: must be an array',
      'location.lat: must be a number',
      'fees.min: must not be negative',
      'acceptingNewClients: must be a boolean',
    ]);
  });

  it('rejects records that are not objects', () => {
    const problems = problemsOf(null, 'therapist', [record('a')], 7);
    expect(problems.map((p) => [p.index, p.path, p.message])).to.deep.equal([
      [0, '', 'must be an object'],
      [1, '', 'must be an object'],
      [2, '', 'must be an object'],
      [3, '', 'must be an object'],
    ]);
  });

  it('rejects hostile URLs and keeps the record out', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example',
      'not a url',
    ]) {
      for (const field of ['website', 'photoUrl', 'bookingUrl'] as const) {
        const { therapists, problems } = parseTherapists([{ ...record('x'), [field]: url }]);
        expect(therapists, `${field} ${url}`).to.deep.equal([]);
        expect(problems[0].path).to.equal(field);
        expect(problems[0].message).to.match(/must be an absolute http/);
      }
    }
    const licence = problemsOf({
      ...record('x'),
      licenses: [{ type: 'LMFT', jurisdiction: 'US-OR', verifyUrl: 'javascript:void(0)' }],
    });
    expect(only(licence)).to.deep.equal(['licenses.0.verifyUrl: must be an absolute http: or https: URL']);
  });

  it('accepts mailto: and tel: only for the booking link', () => {
    expect(problemsOf({ ...record('x'), bookingUrl: 'mailto:care@example.org' })).to.deep.equal([]);
    expect(problemsOf({ ...record('x'), bookingUrl: 'tel:+15550100' })).to.deep.equal([]);
    expect(only(problemsOf({ ...record('x'), website: 'mailto:care@example.org' }))).to.deep.equal([
      'website: must be an absolute http: or https: URL',
    ]);
  });

  it('rejects huge strings and lists', () => {
    const problems = problemsOf({
      ...record('x'),
      name: 'n'.repeat(10_000),
      bio: 'b'.repeat(6000),
      website: `https://example.org/${'p'.repeat(3000)}`,
      concerns: Array.from({ length: 101 }, (_, k) => `c${k}`),
    });
    expect(only(problems)).to.deep.equal([
      'name: must be at most 160 characters',
      'bio: must be at most 5000 characters',
      'concerns: must have at most 100 entries',
      'website: must be at most 2000 characters',
    ]);
  });

  it('rejects empty text, bad codes, emails, phones and dates', () => {
    const problems = problemsOf({
      ...record('x'),
      name: '   ',
      licenses: [{ type: 'LMFT', jurisdiction: 'Oregon' }],
      email: 'not-an-email',
      phone: 'call me',
      lastVerified: '2026-02-31',
      languages: ['english!'],
    });
    expect(only(problems)).to.deep.equal([
      'name: must not be empty',
      'licenses.0.jurisdiction: must be an ISO 3166-2 code such as US-CA or CA-ON',
      'languages.0: must be a BCP 47 language tag such as en or es-MX',
      'email: must be an email address',
      'phone: must be a phone number such as +1 415 555 0100',
      'lastVerified: must be a real date',
    ]);
  });

  it('trims text and drops unknown fields', () => {
    const { therapists } = parseTherapists([{ ...record(' a '), name: '  Dr. Ana  ', favouriteColour: 'blue' }]);
    expect(therapists[0].id).to.equal('a');
    expect(therapists[0].name).to.equal('Dr. Ana');
    expect(therapists[0]).to.not.have.property('favouriteColour');
  });

  it('keeps the first of duplicated ids and reports the others', () => {
    const { therapists, problems } = parseTherapists([record('a', { name: 'First' }), record('a', { name: 'Second' })]);
    expect(therapists.map((t) => t.name)).to.deep.equal(['First']);
    expect(problems).to.deep.equal([
      { index: 1, id: 'a', path: 'id', message: 'duplicates the id of an earlier record; this one is skipped' },
    ]);
  });

  it('does not echo an unreadable id', () => {
    const problems = problemsOf({ ...record('x'), id: 'i'.repeat(500) });
    expect(problems[0]).to.deep.equal({
      index: 0,
      id: undefined,
      path: 'id',
      message: 'must be at most 200 characters',
    });
  });
});

describe('parseTherapists fast path', () => {
  it('accepts exactly what the zod schema accepts, with the same output', () => {
    const records: unknown[] = [
      ...generateTherapists(500, 21),
      { ...record('a'), website: 'https://999.999.999.999/' },
      { ...record('b'), website: 'https://xn--a.example/' },
      { ...record('c'), website: 'HTTPS://EXAMPLE.ORG/Path?q=1#top' },
      { ...record('d'), bookingUrl: 'mailto:care@example.org' },
      { ...record('e'), pronouns: undefined },
      { ...record('f'), location: { lat: 91, lng: 0 } },
      { ...record('g'), fees: { currency: 'USD', min: Infinity } },
      { ...record('h'), lastVerified: '2024-02-29' },
      { ...record('i'), lastVerified: '2023-02-29' },
      { ...record('j'), lastVerified: '2026-04-31T10:00:00Z' },
      { ...record('k'), email: 'first.last+tag@example.co.uk' },
      { ...record('l'), email: 'a..b@example.org' },
      Object.assign(Object.create({ inherited: true }), record('m')),
    ];
    let fast = 0;
    for (const input of records) {
      const accepted = acceptRecordFast(input);
      const zod = TherapistSchema.safeParse(input);
      if (accepted) {
        fast++;
        expect(zod.success, JSON.stringify(input)).to.equal(true);
        expect(accepted).to.deep.equal(zod.data);
        // The same fields (a clean record is accepted as it is, so its key order is the input's).
        expect(Object.keys(accepted).sort()).to.deep.equal(Object.keys(zod.data as object).sort());
      }
    }
    expect(fast).to.be.greaterThan(500);
    // What the fast path leaves to zod still gets zod's verdict.
    const { problems } = parseTherapists(records.slice(500));
    // (Punycode labels such as xn--a are up to each engine's URL parser: Firefox rejects, Chromium accepts.)
    expect(problems.map((p) => p.id).filter((id) => id !== 'b')).to.deep.equal(['a', 'f', 'g', 'i', 'j', 'l']);
    expect(acceptRecordFast(records[501]) !== undefined).to.equal(TherapistSchema.safeParse(records[501]).success);
  });
});

describe('parseTherapists fast path, copies', () => {
  it('keeps a clean record as it is and copies one it trims or strips', () => {
    const clean = {
      id: 'c1',
      name: 'Avery',
      licenses: [{ type: 'LMFT', jurisdiction: 'US-CA' }],
      formats: ['telehealth'],
    };
    expect(acceptRecordFast(clean)).to.equal(clean);
    const padded = { ...clean, name: '  Avery  ', extra: 'dropped' };
    const accepted = acceptRecordFast(padded)!;
    expect(accepted).to.not.equal(padded);
    expect(accepted.name).to.equal('Avery');
    expect(accepted).to.not.have.property('extra');
    expect(accepted.licenses).to.equal(padded.licenses); // an unchanged list is shared, not copied
  });
});
