// CSV as clinics really export it, read over real HTTP: spreadsheet labels and yes/no columns,
// semicolons and tabs, byte-order marks and UTF-16, unknown, repeated and hostile columns, cells
// across lines; and a parser that stays linear on input built to make it slow.
import { expect } from '@open-wc/testing';
import { csvSource, parseCsv, readCsv, type SourceResult } from '../../src/sources/index.js';
import { parseTherapists } from '../../src/engine/index.js';
import { failOnUnhandledRejections, signal } from './helpers.js';

const search = (url: string) => csvSource(url).search({}, { signal: signal() }) as Promise<SourceResult>;
/** A fixture file served over HTTP (`type`: Content-Type; `encoding`, `crlf`: see test/tools/test-server.mjs). */
const fixture = (name: string, query: Record<string, string> = {}) =>
  `/test-api/file/${name}?${new URLSearchParams(query)}`;
const messages = (result: { problems?: { message: string }[] }) => (result.problems ?? []).map((p) => p.message);

const SPREADSHEET_RECORDS = [
  {
    id: 'sx-1',
    name: 'Dr. Ana Ruiz',
    pronouns: 'she/her',
    licenses: [{ type: 'LMFT', jurisdiction: 'US-CA', number: '123456' }],
    concerns: ['Low desire', 'Desire discrepancy'],
    languages: ['English', 'Spanish'],
    formats: ['In person', 'Video'],
    clientTypes: ['Individual', 'Couple'],
    location: { city: 'Oakland', region: 'CA', postalCode: '94612', lat: 37.8044, lng: -122.2712 },
    fees: { min: 150, currency: 'USD', slidingScale: true },
    acceptingNewClients: false,
    freeConsultation: true,
    bookingUrl: 'https://example.org/book/ana',
    bio: 'I help couples talk about sex without blame.\nEvenings, "most" weekends.',
  },
  {
    id: 'sx-2',
    name: 'Ben Okafor',
    pronouns: 'he/him',
    licenses: [
      { type: 'LPC', jurisdiction: 'US-TX' },
      { type: 'LMFT', jurisdiction: 'US-CA' },
    ],
    concerns: ['Erectile concerns'],
    languages: ['English'],
    formats: ['Video'],
    clientTypes: ['Individual'],
    fees: { min: 120, currency: 'USD', slidingScale: false },
    acceptingNewClients: true,
    freeConsultation: false,
    bookingUrl: 'mailto:ben@example.org',
  },
];

describe('csvSource: spreadsheet exports', () => {
  failOnUnhandledRejections();

  it('reads labels, yes/no columns, flat location and fee columns, and the line each row starts on', async () => {
    const result = await search(fixture('spreadsheet-export.csv', { type: 'text/csv' }));
    expect(result.records).to.deep.equal(SPREADSHEET_RECORDS);
    // sx-1 spans lines 2–4 (two cells hold line breaks); line 5 is a row of empty cells.
    expect(result.lines).to.deep.equal([2, 6]);
    expect(result.problems).to.deep.equal([
      {
        severity: 'warning',
        index: -1,
        path: 'Internal notes',
        message: 'Column 21 (U) "Internal notes" is not a field of the record format; its values are ignored.',
        fix: "Rename it to a record field's name or alias (docs/records.md), or remove the column.",
      },
    ]);
  });

  it('counts lines the same with Windows line ends, and keeps them inside quoted cells', async () => {
    const result = await search(fixture('spreadsheet-export.csv', { crlf: '1' }));
    expect(result.lines).to.deep.equal([2, 6]);
    const [first] = result.records as { bio: string; formats: string[] }[];
    expect(first.bio).to.equal('I help couples talk about sex without blame.\r\nEvenings, "most" weekends.');
    expect(first.formats).to.deep.equal(['In person', 'Video']);
  });

  it('reads a semicolon-separated export (European Excel): decimal commas, Sí and VERDADERO', async () => {
    const result = await search(fixture('semicolon.csv', { type: 'text/csv; charset=utf-8' }));
    expect(result.records).to.deep.equal([
      {
        id: 'es-1',
        name: 'María Núñez',
        licenses: [{ type: 'PsyD', jurisdiction: 'US-FL' }],
        concerns: ['Bajo deseo', 'Dolor sexual'],
        languages: ['Español'],
        formats: ['Video'],
        location: { city: 'Miami', lat: 25.7617, lng: -80.1918 },
        acceptingNewClients: true,
        freeConsultation: true,
      },
      {
        id: 'es-2',
        name: 'José Peña',
        licenses: [{ type: 'LMHC', jurisdiction: 'US-FL' }],
        concerns: ['Comunicación'],
        languages: ['Español', 'Inglés'],
        formats: ['En persona'],
        location: { city: 'Tampa', lat: 27.9506, lng: -82.4572 },
        acceptingNewClients: false,
        freeConsultation: false,
      },
    ]);
    expect(result.lines).to.deep.equal([2, 3]);
    expect(result.problems).to.equal(undefined);
  });

  it('reads a file Excel saved as Windows-1252 "CSV", and says it guessed the encoding', async () => {
    const result = await search(fixture('semicolon.csv', { encoding: 'windows-1252', type: 'text/csv' }));
    expect((result.records as { name: string }[]).map((r) => r.name)).to.deep.equal(['María Núñez', 'José Peña']);
    expect(result.problems).to.deep.equal([
      {
        severity: 'warning',
        index: -1,
        path: '',
        message: 'semicolon.csv is not UTF-8; it was read as Windows-1252 (what Excel on Windows saves as "CSV").',
        fix: 'Check accented letters in names. To be sure, save it as "CSV UTF-8" in Excel, or download it as CSV from Google Sheets.',
      },
    ]);
  });

  it('honours a charset the server declares for bytes that are not UTF-8, without a warning', async () => {
    const result = await search(
      fixture('semicolon.csv', { encoding: 'windows-1252', type: 'text/csv; charset=ISO-8859-1' }),
    );
    expect((result.records as { name: string }[]).map((r) => r.name)).to.deep.equal(['María Núñez', 'José Peña']);
    expect(result.problems).to.equal(undefined);
  });

  const TSV_RECORDS = [
    {
      id: 'tsv-1',
      name: 'Zoë Ångström',
      licenses: [{ type: 'LMFT', jurisdiction: 'US-WA' }],
      formats: ['telehealth'],
      telehealthJurisdictions: ['US-WA', 'US-OR'],
      concerns: ['low-desire'],
      clientTypes: ['individual', 'couple'],
      bio: 'Tabs\tand "quotes" are fine.',
    },
    {
      id: 'tsv-2',
      name: '李 明',
      licenses: [{ type: 'LCSW', jurisdiction: 'US-NY' }],
      formats: ['telehealth'],
      telehealthJurisdictions: ['US-NY'],
      concerns: ['desire-discrepancy'],
      clientTypes: ['couple'],
    },
  ];

  for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'utf-16le-nobom', 'utf-16be-nobom']) {
    it(`reads a tab-separated export in ${encoding}`, async () => {
      const result = await search(fixture('sheet.tsv', { encoding, type: 'text/tab-separated-values' }));
      expect(result.records).to.deep.equal(TSV_RECORDS);
      expect(result.lines).to.deep.equal([2, 3]);
      expect(result.problems).to.equal(undefined);
    });
  }

  it('ignores a repeated column with a warning: the first column for a field wins', async () => {
    const result = await search(fixture('duplicates.csv'));
    expect(result.records).to.deep.equal([
      {
        id: 'd-1',
        name: 'Ana',
        location: { postalCode: '94612' },
        licenses: [{ type: 'LMFT', jurisdiction: 'US-CA' }],
        formats: ['telehealth'],
      },
    ]);
    expect(result.problems!.map((p) => [p.severity, p.index, p.path])).to.deep.equal([
      ['warning', -1, 'Full Name'],
      ['warning', -1, 'Postal code'],
      ['warning', -1, 'location.postalCode'],
    ]);
    expect(messages(result)).to.deep.equal([
      'Column 3 (C) "Full Name" fills the same field (name) as column 2 (B) "Name"; its values are ignored (the first column wins).',
      'Column 5 (E) "Postal code" fills the same field (location.postalCode) as column 4 (D) "Zip"; its values are ignored (the first column wins).',
      'Column 6 (F) "location.postalCode" fills the same field (location.postalCode) as column 4 (D) "Zip"; its values are ignored (the first column wins).',
    ]);
  });
});

describe('csvSource: hostile headers', () => {
  failOnUnhandledRejections();

  const ownNames = (target: object) => Object.getOwnPropertyNames(target).sort();

  it('never writes to Object.prototype or Array.prototype, and warns about every such column', async () => {
    const objectBefore = ownNames(Object.prototype);
    const arrayBefore = ownNames(Array.prototype);
    const result = await search(fixture('hostile.csv', { type: 'text/csv' }));

    expect(ownNames(Object.prototype)).to.deep.equal(objectBefore);
    expect(ownNames(Array.prototype)).to.deep.equal(arrayBefore);
    const plain = {} as Record<string, unknown>;
    expect([
      plain.bookingUrl,
      plain.polluted,
      plain.isAdmin,
      ([] as unknown as Record<string, unknown>).polluted,
    ]).to.deep.equal([undefined, undefined, undefined, undefined]);

    const [record] = result.records as Record<string, unknown>[];
    expect(record).to.deep.equal({
      id: 'h-1',
      name: 'Safe Name',
      licenses: [{ type: 'LMFT', jurisdiction: 'US-CA' }],
      formats: ['telehealth'],
      clientTypes: ['couple'],
    });
    expect(Object.getPrototypeOf(record)).to.equal(Object.prototype);
    expect(Object.getPrototypeOf((record.licenses as object[])[0])).to.equal(Object.prototype);
    expect(record.toString).to.equal(Object.prototype.toString);

    const reserved = [
      '__proto__.bookingUrl',
      'constructor.prototype.bookingUrl',
      '__proto__',
      'prototype',
      'location.__proto__',
      'licenses.__proto__',
      'licenses.0.__proto__.polluted',
      'Constructor',
      '__PROTO__.isAdmin',
    ];
    expect(result.problems!.map((p) => p.path)).to.deep.equal([...reserved, 'toString', 'hasOwnProperty', 'valueOf']);
    expect(result.problems!.every((p) => p.severity === 'warning' && p.index === -1)).to.equal(true);
    expect(messages(result)[0]).to.equal(
      'Column 6 (F) "__proto__.bookingUrl" uses a reserved name (__proto__, constructor or prototype); its values are ignored.',
    );
    expect(messages(result)[9]).to.equal(
      'Column 15 (O) "toString" is not a field of the record format; its values are ignored.',
    );
  });

  it('keeps prototypes untouched through readCsv with every spelling of a reserved name', () => {
    const objectBefore = ownNames(Object.prototype);
    const headers = [
      '__proto__',
      ' __proto__ ',
      '__Proto__.x',
      'fees.constructor',
      'PROTOTYPE.y',
      'certifications.__proto__',
    ];
    const { records, problems } = readCsv(`id,${headers.join(',')}\nr-1,${headers.map(() => 'bad').join(',')}\n`);
    expect(records).to.deep.equal([{ id: 'r-1' }]);
    expect(problems.map((p) => p.path)).to.deep.equal(headers.map((h) => h.trim()));
    expect(ownNames(Object.prototype)).to.deep.equal(objectBefore);
    expect(({} as Record<string, unknown>).x).to.equal(undefined);
  });
});

describe('readCsv', () => {
  it('splits list cells on ;, | and line breaks, and listSeparator replaces ; and |', () => {
    const text = 'id,languages,insurance\nr-1,"en; es|fr\nde",Aetna | Blue Shield;  ;Kaiser\n';
    expect(readCsv(text).records).to.deep.equal([
      { id: 'r-1', languages: ['en', 'es', 'fr', 'de'], insurance: ['Aetna', 'Blue Shield', 'Kaiser'] },
    ]);
    const custom = readCsv('id,languages,insurance\nr-1,"en, es\nde","Blue Cross; Blue Shield|PPO"\n', {
      listSeparator: ',',
    });
    expect(custom.records).to.deep.equal([
      { id: 'r-1', languages: ['en', 'es', 'de'], insurance: ['Blue Cross; Blue Shield|PPO'] },
    ]);
  });

  it('reads compact licences and certifications, and merges indexed columns into them', () => {
    const { records } = readCsv(
      [
        'id,licenses,licenses.0.verifyUrl,License.1.Number,certifications,certifications.0.since',
        'r-1,LMFT:US-CA:A-1:x | LPC:US-NV,https://verify.example/1,N-2,AASECT:Certified Sex Therapist: Level 2,2018',
      ].join('\n'),
    );
    expect(records[0]).to.deep.equal({
      id: 'r-1',
      licenses: [
        { type: 'LMFT', jurisdiction: 'US-CA', number: 'A-1:x', verifyUrl: 'https://verify.example/1' },
        { type: 'LPC', jurisdiction: 'US-NV', number: 'N-2' },
      ],
      certifications: [{ body: 'AASECT', name: 'Certified Sex Therapist: Level 2', since: '2018' }],
    });
  });

  it('reads "licenses.type" as the first licence, without a warning', () => {
    const { records, problems } = readCsv('id,licenses.type,licenses.jurisdiction\nr-1,LMFT,US-CA\n');
    expect(records).to.deep.equal([{ id: 'r-1', licenses: [{ type: 'LMFT', jurisdiction: 'US-CA' }] }]);
    expect(problems).to.deep.equal([]);
  });

  it('reads the therapist’s background and style from spreadsheet columns, words and labels included', () => {
    const { records, problems } = readCsv(
      'id,name,licenses,formats,Religion,Ethnicity,Identities,Who leads,Style intensity,Style focus,Style approach\n' +
        'r-1,Ana,LMFT:US-CA,Video,Jewish,Latina; Black,LGBTQ+; trans,Therapist leads,Suave,present,sometimes\n',
    );
    expect(problems).to.deep.equal([]);
    const { therapists, problems: read } = parseTherapists(records);
    expect(therapists[0]).to.deep.include({
      faith: ['Jewish'],
      culturalBackground: ['Latina', 'Black'],
      identities: ['LGBTQ+', 'trans'],
      therapyStyle: { lead: 'therapist', intensity: 'gentle', focus: 'present' },
    });
    // A word that is no pole is left out with a warning naming the poles; the record stays.
    const approach = read.find((p) => p.path === 'therapyStyle.approach')!;
    expect(approach.severity).to.equal('warning');
    expect(approach.message).to.contain('"support", "challenge", "balanced"');
    expect(read.find((p) => p.path === 'therapyStyle.lead')?.message).to.equal(
      '"Therapist leads" was read as "therapist"',
    );
  });

  it('converts numbers and yes/no, leaves other values as trimmed text and empty cells out', () => {
    const { records } = readCsv(
      'id,name,fees.min,fees.max,acceptingNewClients,freeConsultation,collaboratesWithMedical,fees.slidingScale\n' +
        'r-1,  Ana  ,1e2,ninety,sí,N,maybe,\n' +
        'r-2,Bo,.5,-3,TRUE,0,Falso, \n',
    );
    expect(records).to.deep.equal([
      {
        id: 'r-1',
        name: 'Ana',
        fees: { min: 100, max: 'ninety' },
        acceptingNewClients: true,
        freeConsultation: false,
        collaboratesWithMedical: 'maybe',
      },
      {
        id: 'r-2',
        name: 'Bo',
        fees: { min: 0.5, max: -3 },
        acceptingNewClients: true,
        freeConsultation: false,
        collaboratesWithMedical: false,
      },
    ]);
    // A decimal comma is a number only where the comma cannot be the delimiter.
    expect(readCsv('id;location.lat\nr-1;37,5\n').records[0]).to.deep.equal({ id: 'r-1', location: { lat: 37.5 } });
    expect(readCsv('id\tlocation.lat\nr-1\t37,5\n').records[0]).to.deep.equal({ id: 'r-1', location: { lat: '37,5' } });
  });

  it('sniffs the delimiter from the header outside quotes; `delimiter` and an Excel sep= line override it', () => {
    expect(readCsv('"id;x;y",name\nr-1;q;w,Ana\n').records).to.deep.equal([{ name: 'Ana' }]);
    expect(readCsv('id;name,x\nr-1;Ana,B\n', { delimiter: ',' }).delimiter).to.equal(',');
    const excel = readCsv('sep=,\r\nid;x,name\r\nr-1;y,Ana\r\n');
    expect(excel.records).to.deep.equal([{ name: 'Ana' }]);
    expect(excel.lines).to.deep.equal([3]);
    expect(() => readCsv('id\n', { delimiter: '::' })).to.throw(TypeError, /one character/);
  });

  it('gives every record the line it starts on: blank rows skipped, quoted line breaks counted, any line ends', () => {
    const text = '\n\nid,bio\r\n\r\nr-1,"one\r\ntwo\rthree\nfour"\rr-2,plain\n  ,  \nr-3,"x"\n';
    const { records, lines } = readCsv(text);
    expect(records.map((r) => r.id)).to.deep.equal(['r-1', 'r-2', 'r-3']);
    expect(lines).to.deep.equal([5, 9, 11]);
    expect(records[0].bio).to.equal('one\r\ntwo\rthree\nfour');
  });

  it('warns about a row with more cells than headers, and a column without a header that holds values', () => {
    const { records, problems } = readCsv('id,name,,\nr-1,"Ruiz, Ana",,\nr-2,Ruiz, Ana\nr-3,Bo,,,extra\n');
    expect(records.map((r) => r.name)).to.deep.equal(['Ruiz, Ana', 'Ruiz', 'Bo']);
    expect(problems).to.deep.equal([
      {
        severity: 'warning',
        index: -1,
        path: '',
        message: 'Column 3 (C) has no header; its values are ignored.',
        fix: 'Give the column the name of a record field, or remove it.',
      },
      {
        severity: 'warning',
        index: 2,
        id: 'r-3',
        line: 4,
        path: '',
        message:
          'The row on line 4 has 5 cells but the header names 4 columns; the cells past column 4 (D) are ignored.',
        fix: 'Quote cells that contain the delimiter ("Oakland, CA"), or give the extra column a header.',
      },
    ]);
  });

  it('warns about a column naming a group of fields', () => {
    const { records, problems } = readCsv('id,Location\nr-1,"Oakland, CA"\n');
    expect(records).to.deep.equal([{ id: 'r-1' }]);
    expect(problems[0].message).to.equal(
      'Column 2 (B) "Location" names a group of fields (location), not one value; its values are ignored.',
    );
    expect(problems[0].fix).to.match(
      /^Use one column per part: location\.city, location\.region, location\.postalCode/,
    );
  });

  it('lists the first hundred ignored columns, then sums up the rest in one warning', () => {
    const headers = Array.from({ length: 250 }, (_, k) => (k % 2 ? `extra ${k}` : ''));
    const values = headers.map((_, k) => (k < 20 ? 'x' : ''));
    const { problems } = readCsv(`id,${headers.join(',')}\nr-1,${values.join(',')}\n`);
    expect(problems).to.have.length(101);
    // By position: headerless columns with a value (columns 2, 4, ... 20) among the unknown ones.
    expect(problems.slice(0, 3).map((p) => p.message)).to.deep.equal([
      'Column 2 (B) has no header; its values are ignored.',
      'Column 3 (C) "extra 1" is not a field of the record format; its values are ignored.',
      'Column 4 (D) has no header; its values are ignored.',
    ]);
    expect(problems[100]).to.deep.equal({
      severity: 'warning',
      index: -1,
      path: '',
      message: '35 more columns are ignored, for the same kinds of reasons as the ones above.',
      fix: 'Check that the first row of the file is the header row, and remove the columns that are not record fields.',
    });
  });

  it('reports a quoted cell that never closes, naming its line', () => {
    expect(() => readCsv('id,bio\nr-1,"fine"\nr-2,"one\ntwo\n')).to.throw(
      /a quoted cell starting on line 3 is never closed: check for a missing " in the CSV/,
    );
  });

  it('gives nothing for an empty file or a header alone', () => {
    expect(readCsv('')).to.deep.equal({ records: [], lines: [], problems: [], delimiter: ',' });
    expect(readCsv('\uFEFFid,name\r\n').records).to.deep.equal([]);
  });
});

describe('parseCsv on hostile input', () => {
  const MB = 1024 * 1024;

  /** Milliseconds to parse `text`: the best of three, to keep a busy machine out of it. */
  function time(text: string): number {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const start = performance.now();
      parseCsv(text);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  // A quadratic parser takes minutes on 2 MB of these; a linear one a few milliseconds.
  const cases: [string, string, (rows: string[][]) => void][] = [
    [
      'spaces then quotes',
      'id,bio\nr-1,' + ' '.repeat(MB) + '"'.repeat(MB + 2),
      (rows) => expect(rows[1][1].length).to.equal(MB / 2),
    ],
    [
      'text then quotes',
      'id,bio\nr-1,x' + '"'.repeat(2 * MB),
      (rows) => expect(rows[1][1].length).to.equal(2 * MB + 1),
    ],
    ['one line of many cells', 'a,'.repeat(MB), (rows) => expect(rows[0].length).to.equal(MB + 1)],
    [
      'many quoted cells with line breaks',
      '"a\nb",'.repeat(MB / 3) + '\n',
      (rows) => expect(rows[0][0]).to.equal('a\nb'),
    ],
    ['spaces in every cell', ' ,'.repeat(MB), (rows) => expect(rows).to.deep.equal([])],
  ];
  for (const [name, text, check] of cases) {
    it(`parses 2 MB of ${name} in linear time`, () => {
      check(parseCsv(text));
      const ms = time(text);
      expect(ms, `${(text.length / MB / (ms / 1000)).toFixed(0)} MB/s`).to.be.below(1500);
    });
  }
});
