// parseTherapists: untrusted records are validated one by one, and every problem is reported with
// its severity: an error drops the record, a warning drops or changes one field and keeps it.
import { expect } from '@open-wc/testing';
import { parseTherapists, TherapistSchema, type DataProblem } from '../../src/engine/index.js';
import { acceptRecordFast } from '../../src/engine/accept.js';
import { normalizeRecord } from '../../src/engine/normalize.js';
import { validateRecord } from '../../src/engine/schema.js';
import { generateTherapists } from '../../demo/sample/generate.js';
import { record } from './records.js';

const problemsOf = (...records: unknown[]) => parseTherapists(records).problems;
const only = (problems: DataProblem[]) =>
  problems.map(({ severity, path, message }) => `${severity} ${path}: ${message}`);
const fixOf = (description: string) => `write it as docs/records.md describes: ${description}`;

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

  it('reports a wrong top-level shape as one error, never a throw', () => {
    for (const [input, shape] of [
      [null, 'null'],
      [undefined, 'undefined'],
      ['[]', 'string'],
      [42, 'number'],
      [{ records: [] }, 'an object with keys records'],
      [{}, 'an empty object'],
    ] as const) {
      const { therapists, problems } = parseTherapists(input);
      expect(therapists).to.deep.equal([]);
      expect(problems).to.deep.equal([
        {
          severity: 'error',
          index: -1,
          path: '',
          message: `expected an array of therapist records or { "therapists": [...] }, got ${shape}`,
          fix: 'give a JSON array of records, or an object with a "therapists" array',
        },
      ]);
    }
  });

  it('keeps the good records when one is bad, naming the bad one by index, id and fix', () => {
    const { therapists, problems } = parseTherapists([record('a'), { ...record('b'), licenses: [] }, record('c')]);
    expect(therapists.map((t) => t.id)).to.deep.equal(['a', 'c']);
    expect(problems).to.deep.equal([
      {
        severity: 'error',
        index: 1,
        id: 'b',
        path: 'licenses',
        message: 'must list at least one clinical licence',
        fix: fixOf(
          'At least one clinical licence. In a CSV cell: `TYPE:JURISDICTION[:NUMBER]`, several separated by `;` (e.g. `LMFT:US-CA:12345; LPC:US-NV`).',
        ),
      },
    ]);
  });

  it('reports missing required fields as errors', () => {
    const { id: _id, name: _name, licenses: _licenses, formats: _formats, ...rest } = record('x');
    const { therapists, problems } = parseTherapists([rest]);
    expect(therapists).to.deep.equal([]);
    expect(only(problems)).to.deep.equal([
      'error id: is missing',
      'error name: is missing',
      'error licenses: is missing',
      'error formats: is missing',
    ]);
    expect(problems.every((p) => p.index === 0 && p.id === undefined && p.fix?.startsWith('write it as'))).to.equal(
      true,
    );
  });

  it('drops a record whose required field has a type it cannot read', () => {
    const { therapists, problems } = parseTherapists([{ ...record('x'), name: { first: 'Ana' }, formats: 7 }]);
    expect(therapists).to.deep.equal([]);
    expect(only(problems)).to.deep.equal(['error name: must be a string', 'error formats: must be an array']);
  });

  it('keeps a record whose optional fields have the wrong type, leaving out only those fields', () => {
    const { therapists, problems } = parseTherapists([
      {
        ...record('x'),
        languages: 42,
        acceptingNewClients: 'maybe',
        fees: { currency: 'USD', min: -5 },
        clientTypes: ['toddlers', 'couple'],
      },
    ]);
    expect(only(problems)).to.deep.equal([
      'warning clientTypes.0: "toddlers" is not one of "individual", "couple", "family", "group"; it was ignored',
      'warning languages: must be an array; it was left out (was 42)',
      'warning fees.min: must not be negative; fees was left out',
      'warning acceptingNewClients: must be a boolean; it was left out (was "maybe")',
    ]);
    expect(therapists).to.have.length(1);
    const [t] = therapists;
    expect(t.clientTypes).to.deep.equal(['couple']);
    for (const field of ['languages', 'fees', 'acceptingNewClients']) expect(t, field).to.not.have.property(field);
    expect(t.location).to.deep.equal(record('x').location);
  });

  it('rejects records that are not objects', () => {
    const problems = problemsOf(null, 'therapist', [record('a')], 7);
    expect(problems.map((p) => [p.severity, p.index, p.path, p.message])).to.deep.equal([
      ['error', 0, '', 'must be an object'],
      ['error', 1, '', 'must be an object'],
      ['error', 2, '', 'must be an object'],
      ['error', 3, '', 'must be an object'],
    ]);
  });

  it('never lets a hostile URL through: the field is left out with a warning, the record kept', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\u0000script:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example',
      'not a url',
    ]) {
      for (const field of ['website', 'photoUrl', 'bookingUrl'] as const) {
        const { therapists, problems } = parseTherapists([{ ...record('x'), [field]: url }]);
        expect(therapists.map((t) => t.id)).to.deep.equal(['x']);
        expect(therapists[0], `${field} ${url}`).to.not.have.property(field);
        const about = problems.filter((p) => p.path === field && /must be an absolute http/.test(p.message));
        expect(
          about.map((p) => p.severity),
          `${field} ${url}`,
        ).to.deep.equal(['warning']);
        expect(about[0].message).to.match(/; it was left out \(was "/);
      }
    }
    const { therapists, problems } = parseTherapists([
      {
        ...record('x'),
        licenses: [
          { type: 'LMFT', jurisdiction: 'US-OR', verifyUrl: 'javascript:void(0)' },
          { type: 'LPC', jurisdiction: 'US-WA', verifyUrl: 'https://verify.example.org/' },
        ],
      },
    ]);
    expect(only(problems)).to.deep.equal([
      'warning licenses.0.verifyUrl: must be an absolute http: or https: URL; it was left out (was "javascript:void(0)")',
    ]);
    expect(therapists[0].licenses).to.deep.equal([
      { type: 'LMFT', jurisdiction: 'US-OR' },
      { type: 'LPC', jurisdiction: 'US-WA', verifyUrl: 'https://verify.example.org/' },
    ]);
  });

  it('accepts mailto: and tel: only for the booking link', () => {
    expect(problemsOf({ ...record('x'), bookingUrl: 'mailto:care@example.org' })).to.deep.equal([]);
    expect(problemsOf({ ...record('x'), bookingUrl: 'tel:+15550100' })).to.deep.equal([]);
    const { therapists, problems } = parseTherapists([{ ...record('x'), website: 'mailto:care@example.org' }]);
    expect(only(problems)).to.deep.equal([
      'warning website: must be an absolute http: or https: URL; it was left out (was "mailto:care@example.org")',
    ]);
    expect(therapists[0]).to.not.have.property('website');
  });

  it('drops a record whose name is huge, and only the field when an optional text or list is', () => {
    expect(only(problemsOf({ ...record('x'), name: 'n'.repeat(10_000) }))).to.deep.equal([
      'error name: must be at most 160 characters',
    ]);
    const { therapists, problems } = parseTherapists([
      {
        ...record('x'),
        bio: 'b'.repeat(6000),
        website: `https://example.org/${'p'.repeat(3000)}`,
        insurance: Array.from({ length: 101 }, (_, k) => `Plan ${k}`),
      },
    ]);
    expect(only(problems)).to.deep.equal([
      'warning insurance: has 101 entries; only the first 100 were kept',
      `warning bio: must be at most 5000 characters; it was left out (was "${'b'.repeat(79)})`,
      `warning website: must be at most 2000 characters; it was left out (was "https://example.org/${'p'.repeat(59)})`,
    ]);
    expect(therapists[0].insurance).to.have.length(100);
    expect(therapists[0].insurance?.at(-1)).to.equal('Plan 99');
    expect(therapists[0]).to.not.have.property('bio');
    expect(therapists[0]).to.not.have.property('website');
  });

  it('names each malformed code, email, phone and date, and keeps the record', () => {
    const { therapists, problems } = parseTherapists([
      {
        ...record('x'),
        licenses: [
          { type: 'LMFT', jurisdiction: 'US-OR' },
          { type: 'LPC', jurisdiction: 'Atlantis' },
        ],
        email: 'not-an-email',
        phone: 'call me',
        lastVerified: '2026-02-31',
        languages: ['en', 'english!'],
      },
    ]);
    expect(only(problems)).to.deep.equal([
      'warning languages.1: "english!" is not a language this widget knows; it was ignored',
      'warning licenses.1.jurisdiction: must be an ISO 3166-2 code such as US-CA or CA-ON; licenses.1 was left out',
      'warning email: must be an email address; it was left out (was "not-an-email")',
      'warning phone: must be a phone number such as +1 415 555 0100; it was left out (was "call me")',
      'warning lastVerified: must be an ISO 8601 date such as 2026, 2026-01 or 2026-01-31; it was left out (was "2026-02-31")',
    ]);
    const [t] = therapists;
    expect(t.licenses).to.deep.equal([{ type: 'LMFT', jurisdiction: 'US-OR' }]);
    expect(t.languages).to.deep.equal(['en']);
    for (const field of ['email', 'phone', 'lastVerified']) expect(t, field).to.not.have.property(field);
  });

  it('drops a record whose name is blank', () => {
    expect(only(problemsOf({ ...record('x'), name: '   ' }))).to.deep.equal(['error name: is missing']);
  });

  it('trims text and reports unknown fields', () => {
    const { therapists, problems } = parseTherapists([
      { ...record(' a '), name: '  Dr. Ana  ', favouriteColour: 'blue' },
    ]);
    expect(therapists[0].id).to.equal('a');
    expect(therapists[0].name).to.equal('Dr. Ana');
    expect(therapists[0]).to.not.have.property('favouriteColour');
    expect(problems).to.deep.equal([
      {
        severity: 'warning',
        index: 0,
        id: 'a',
        path: 'favouriteColour',
        message: 'is not a field of the record format; it was ignored',
        fix: 'rename it to a documented field (docs/records.md) or remove it',
      },
    ]);
  });

  it('keeps the first of duplicated ids and reports the others', () => {
    const { therapists, problems } = parseTherapists([record('a', { name: 'First' }), record('a', { name: 'Second' })]);
    expect(therapists.map((t) => t.name)).to.deep.equal(['First']);
    expect(problems).to.deep.equal([
      {
        severity: 'error',
        index: 1,
        id: 'a',
        path: 'id',
        message: 'duplicates the id of an earlier record; this one is skipped',
        fix: 'give every listing its own id',
      },
    ]);
  });

  it('does not echo an unreadable id', () => {
    const problems = problemsOf({ ...record('x'), id: 'i'.repeat(500) });
    expect(problems).to.deep.equal([
      {
        severity: 'error',
        index: 0,
        path: 'id',
        message: 'must be at most 200 characters',
        fix: fixOf('Stable unique id of the listing. The first record with an id wins; later duplicates are errors.'),
      },
    ]);
  });
});

describe('parseTherapists fast path', () => {
  const extras: unknown[] = [
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
    { ...record('n'), lastVerified: '2026-03' },
    { ...record('o'), certifications: [{ body: 'AASECT', name: 'Certified Sex Therapist', since: '2018' }] },
    { ...record('p'), name: 'Ana\u200BRuiz' },
    { ...record('q'), name: '\u3164' },
    { ...record('r'), name: 'Ana \u202Eziur' },
    { ...record('s'), extra: 'x' },
  ];
  const idOf = (input: unknown) => (input as { id: string }).id;

  it('accepts only what the zod schema accepts, with the same output', () => {
    const records = [...generateTherapists(500, 21), ...extras];
    for (const input of records) {
      const accepted = acceptRecordFast(input);
      const zod = TherapistSchema.safeParse(input);
      if (accepted) {
        expect(zod.success, JSON.stringify(input)).to.equal(true);
        expect(accepted).to.deep.equal(zod.data);
        // The same fields (a clean record is accepted as it is, so its key order is the input's).
        expect(Object.keys(accepted).sort()).to.deep.equal(Object.keys(zod.data as object).sort());
      }
    }
    // Every sample record: the fast path is the common case.
    expect(records.slice(0, 500).filter((r) => acceptRecordFast(r))).to.have.length(500);
    // (Punycode labels such as xn--a are up to each engine's URL parser: Firefox rejects, Chromium accepts.)
    const others = extras.filter((r) => idOf(r) !== 'b');
    expect(others.filter((r) => acceptRecordFast(r)).map(idOf)).to.deep.equal(['c', 'd', 'h', 'k', 'n', 'o']);
    // Left to the normaliser although zod would take them: an explicit undefined, a prototype,
    // invisible or direction-changing characters, a field the format does not have.
    const normalised = others.filter((r) => !acceptRecordFast(r) && TherapistSchema.safeParse(r).success);
    expect(normalised.map(idOf)).to.deep.equal(['e', 'm', 'p', 'r', 's']);
  });

  it('leaves the rest to the normaliser and zod, whose verdicts keep the record or name why not', () => {
    const { therapists, problems } = parseTherapists(extras);
    expect(
      problems.filter((p) => p.id !== 'b').map((p) => `${p.severity} ${p.id} ${p.path}: ${p.message}`),
    ).to.deep.equal([
      'warning a website: must be an absolute http: or https: URL; it was left out (was "https://999.999.999.999/")',
      'warning f location.lat: 91 is not a latitude (-90 to 90); lat and lng were left out',
      'warning f location: is missing although sessions are in person: distance is unknown',
      'warning g fees.min: must be a number; fees was left out',
      'warning i lastVerified: must be an ISO 8601 date such as 2026, 2026-01 or 2026-01-31; it was left out (was "2023-02-29")',
      'warning j lastVerified: must be an ISO 8601 date such as 2026, 2026-01 or 2026-01-31; it was left out (was "2026-04-31T10:00:00Z")',
      'warning l email: must be an email address; it was left out (was "a..b@example.org")',
      'error q name: has no visible characters',
      'warning r name: had control or direction-changing characters; they were removed',
      'warning s extra: is not a field of the record format; it was ignored',
    ]);
    expect(therapists.map((t) => t.id)).to.deep.equal(extras.map(idOf).filter((id) => id !== 'q'));
    const byId = new Map(therapists.map((t) => [t.id, t]));
    expect(byId.get('m')).to.deep.equal(record('m'));
    expect(Object.getPrototypeOf(byId.get('m'))).to.equal(Object.prototype);
    expect(byId.get('p')!.name).to.equal('Ana\u200BRuiz');
    expect(byId.get('r')!.name).to.equal('Ana ziur');
    expect(byId.get('s')).to.deep.equal(record('s'));
  });
});

describe('parseTherapists fast path, copies', () => {
  it('keeps a clean record as it is and copies one it trims', () => {
    const clean = {
      id: 'c1',
      name: 'Avery',
      licenses: [{ type: 'LMFT', jurisdiction: 'US-CA' }],
      formats: ['telehealth'],
    };
    expect(acceptRecordFast(clean)).to.equal(clean);
    const padded = { ...clean, name: '  Avery  ' };
    const accepted = acceptRecordFast(padded)!;
    expect(accepted).to.not.equal(padded);
    expect(accepted.name).to.equal('Avery');
    expect(accepted.licenses).to.equal(padded.licenses); // an unchanged list is shared, not copied
  });
});

describe('parseTherapists fast path, what it keeps as written', () => {
  /** The record as the normaliser and zod read it, with the normaliser's warnings: the slow path. */
  const slowly = (input: unknown) => {
    const warnings: string[] = [];
    const normalised = normalizeRecord(input, (p) => warnings.push(`${p.path}: ${p.message}`));
    return { therapist: validateRecord(normalised).therapist, warnings };
  };

  it('keeps a therapist’s own word for their gender, and reads other words for an id, as the normaliser does', () => {
    const genders = [
      'woman',
      'non-binary',
      'genderfluid',
      'Two-Spirit',
      'agender',
      'constructor',
      'toString',
      '__proto__',
      'Woman',
      'FEMALE',
      'non binary',
      'Non_Binary',
      'n/b',
      'f',
      'Mujer',
      'no binarie',
      'ｆｅｍａｌｅ',
      'Féminin',
      'Masculino',
    ];
    for (const gender of genders) {
      const input = { ...record(`g-${gender}`), gender };
      const { therapists, problems } = parseTherapists([input]);
      const expected = slowly(input);
      expect(therapists, gender).to.deep.equal([expected.therapist]);
      expect(
        problems.map((p) => `${p.path}: ${p.message}`),
        gender,
      ).to.deep.equal(expected.warnings);
    }
    // Nothing a record holds is a gender word by way of the prototype.
    expect(parseTherapists([{ ...record('c'), gender: 'constructor' }]).therapists[0].gender).to.equal('constructor');
  });
});
