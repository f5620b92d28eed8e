// The record format's four faces agree: RECORD_FIELDS, the validator (parseTherapists), the JSON
// Schema shipped as therapist-match/schema.json, and docs/records.md with docs/template.csv. A field
// added, renamed or made required in one place and not the others fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RECORD_FIELDS, parseTherapists, resolveFieldPath } from 'therapist-match/engine';
import { csvToRecords } from 'therapist-match';
import { generateTherapists } from '../../demo/sample/generate.js';
import { checkJsonSchema } from '../tools/json-schema-check.mjs';
import { directoryJsonSchema, recordJsonSchema } from '../../scripts/record-schema.mjs';
import { DOC, TEMPLATE, exampleRecord, recordsDoc, templateColumns, templateCsv } from '../../scripts/records-doc.mjs';

const published = (name) =>
  JSON.parse(readFileSync(fileURLToPath(import.meta.resolve(`therapist-match/${name}`)), 'utf8'));
const schema = published('schema.json');
const directorySchema = published('directory.schema.json');
const doc = readFileSync(DOC, 'utf8');
const template = readFileSync(TEMPLATE, 'utf8');

const clone = (value) => structuredClone(value);
const at = (value, path) => path.reduce((node, key) => node?.[key], value);
function setAt(record, path, value) {
  const copy = clone(record);
  const keys = path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  const parent = at(copy, keys.slice(0, -1));
  if (value === undefined) delete parent[keys.at(-1)];
  else parent[keys.at(-1)] = value;
  return copy;
}
const describe = (problems) => problems.map((p) => `${p.severity} ${p.path}: ${p.message}`).join('\n');

/** The fields as a tree of { name, required, fields }, from RECORD_FIELDS. */
const specTree = (fields) =>
  fields.map((spec) => ({
    name: spec.name,
    required: !!spec.required,
    ...(spec.fields ? { fields: specTree(spec.fields) } : {}),
  }));

/** The same tree read from a JSON Schema object node. */
function schemaTree(node) {
  return Object.entries(node.properties).map(([name, property]) => {
    const inner = property.type === 'array' && property.items.type === 'object' ? property.items : property;
    return {
      name,
      required: (node.required ?? []).includes(name),
      ...(inner.type === 'object' ? { fields: schemaTree(inner) } : {}),
    };
  });
}

/** The same tree read from docs/records.md: `### \`name\`` sections and their nested field tables. */
function docsTree(markdown) {
  const fields = markdown.slice(markdown.indexOf('<!-- fields:start'), markdown.indexOf('<!-- fields:end'));
  return fields
    .split(/^### /m)
    .slice(1)
    .map((section) => {
      const name = /^`(\w+)`/.exec(section)[1];
      const required = /^- \*\*Type:\*\* .*, (required|optional)$/m.exec(section)[1] === 'required';
      const rows = [...section.matchAll(/^\| `(\w+)` +\| [^|]+\| (yes|no) +\|/gm)];
      return {
        name,
        required,
        ...(rows.length ? { fields: rows.map(([, inner, req]) => ({ name: inner, required: req === 'yes' })) } : {}),
      };
    });
}

test('the JSON Schema and docs/records.md have exactly the fields of RECORD_FIELDS, with the same required ones', () => {
  const expected = specTree(RECORD_FIELDS);
  assert.deepEqual(schemaTree(schema), expected);
  assert.deepEqual(docsTree(doc), expected);
  assert.deepEqual(schemaTree(directorySchema.$defs.therapist), expected);
});

test('what RECORD_FIELDS calls required, the validator requires, and only that', () => {
  // Two licences, so that a licence losing a required field is not the record's last one.
  const record = exampleRecord();
  record.licenses.push({ type: 'LPC', jurisdiction: 'US-NV' });
  for (const spec of RECORD_FIELDS) {
    const result = parseTherapists([setAt(record, spec.name, undefined)]);
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (spec.required) {
      assert.equal(result.therapists.length, 0, `${spec.name} is required: its record must be dropped`);
      assert.ok(
        errors.some((p) => p.path.startsWith(spec.name)),
        `${spec.name}: ${describe(result.problems)}`,
      );
    } else assert.deepEqual(errors, [], `${spec.name} is optional`);
    for (const inner of spec.fields ?? []) {
      const path = spec.kind === 'records' ? `${spec.name}.0.${inner.name}` : `${spec.name}.${inner.name}`;
      // lat and lng go together: leave both out to test either.
      const partner = { lat: 'lng', lng: 'lat' }[inner.name];
      let without = setAt(record, path, undefined);
      if (partner && spec.name === 'location') without = setAt(without, `${spec.name}.${partner}`, undefined);
      const nested = parseTherapists([without]);
      assert.equal(nested.therapists.length, 1, `${path}: a nested field never drops the record`);
      const reported = nested.problems.filter((p) => p.path.startsWith(path.replace(/\.\w+$/, '')));
      if (inner.required) {
        assert.ok(reported.length > 0, `${path} is required within ${spec.name}`);
        // The entry (a licence, a certification) or the object (fees) that lacks it goes.
        if (spec.kind === 'records')
          assert.equal(
            nested.therapists[0][spec.name]?.length ?? 0,
            record[spec.name].length - 1,
            `${path}: the entry goes`,
          );
        else assert.equal(nested.therapists[0][spec.name], undefined, `${path}: ${spec.name} goes`);
      } else
        assert.deepEqual(
          nested.problems.filter((p) => p.severity === 'error'),
          [],
          path,
        );
    }
  }
});

test('every documented example, assembled into a record, is valid for parseTherapists and for the JSON Schema', () => {
  const assembled = exampleRecord();
  const asListed = Object.fromEntries(RECORD_FIELDS.map((spec) => [spec.name, spec.example]));
  for (const record of [assembled, asListed]) {
    const result = parseTherapists([record]);
    assert.equal(describe(result.problems), '');
    assert.deepEqual(result.therapists, [record]);
    assert.deepEqual(checkJsonSchema(schema, record), []);
  }
  assert.deepEqual(checkJsonSchema(directorySchema, [assembled]), []);
  assert.deepEqual(checkJsonSchema(directorySchema, { therapists: [assembled, asListed] }), []);
  assert.notDeepEqual(checkJsonSchema(directorySchema, { records: [assembled] }), []);
  // The complete record docs/records.md shows is this one.
  const shown = /<!-- example:start[^\n]*\n+```json\n([\s\S]*?)```/.exec(doc)[1];
  assert.deepEqual(JSON.parse(shown), assembled);
});

test('every record the validator keeps from the sample directory is valid against the JSON Schema', () => {
  const { therapists, problems } = parseTherapists(generateTherapists(400));
  assert.equal(problems.filter((p) => p.severity === 'error').length, 0);
  assert.equal(therapists.length, 400);
  for (const therapist of therapists) assert.deepEqual(checkJsonSchema(schema, therapist), [], therapist.id);
  assert.deepEqual(checkJsonSchema(directorySchema, { therapists }), []);
});

/** Values not even the forgiving reader can use: the validator drops them, and so does the schema. */
const INVALID = [
  ['id', ''],
  ['id', 'x'.repeat(201)],
  ['name', '   '],
  ['name', 'x'.repeat(161)],
  ['pronouns', 'x'.repeat(41)],
  ['gender', 'x'.repeat(61)],
  ['photoUrl', 'ftp://example.org/ana.jpg'],
  ['photoUrl', 'javascript:alert(1)'],
  ['bio', 'x'.repeat(5001)],
  ['licenses', []],
  ['licenses.0.jurisdiction', 'Atlantis'],
  ['licenses.0.jurisdiction', undefined],
  ['licenses.0.type', ''],
  ['licenses.0.verifyUrl', 'search.dca.ca.gov lookup'],
  ['certifications.0.name', undefined],
  ['certifications.0.since', 'June 2018'],
  ['certifications.0.expires', '2027-13'],
  ['concerns', ['x'.repeat(81)]],
  ['clientTypes', ['therapists']],
  ['ageGroups', ['toddlers']],
  ['languages', ['Klingon']],
  ['formats', []],
  ['formats', ['by post']],
  ['location.lat', 95],
  ['location.lng', undefined],
  ['location.country', 'USA'],
  ['telehealthJurisdictions', ['Atlantis']],
  ['fees.currency', 'dollars'],
  ['fees.min', -5],
  ['fees.min', 'free'],
  ['insurance', ['x'.repeat(121)]],
  ['acceptingNewClients', 'maybe'],
  ['freeConsultation', 'sometimes'],
  ['collaboratesWithMedical', 2],
  ['bookingUrl', 'ftp://example.org/book'],
  ['email', 'ana@'],
  ['phone', 'call me'],
  ['website', 'mailto:ana@example.org'],
  ['lastVerified', 'last week'],
  ['lastVerified', '26-03-14'],
];

test('values the validator refuses, the JSON Schema refuses too', () => {
  const record = exampleRecord();
  for (const [path, value] of INVALID) {
    const bad = setAt(record, path, value);
    const label = `${path} = ${JSON.stringify(value)?.slice(0, 40)}`;
    const result = parseTherapists([bad]);
    const field = path.split('.')[0];
    assert.ok(
      result.problems.some((p) => p.path.startsWith(field)),
      `${label}: the validator says nothing`,
    );
    const kept = result.therapists[0];
    if (kept && value !== undefined) assert.notDeepEqual(at(kept, path.split('.')), value, `${label} was kept`);
    assert.notDeepEqual(checkJsonSchema(schema, bad), [], `${label}: the JSON Schema accepts it`);
  }
});

test('dates and links: the JSON Schema accepts what the validator accepts, and the one difference is documented', () => {
  const record = exampleRecord();
  const agree = (field, value) => {
    const validator = parseTherapists([{ ...record, [field]: value }]);
    const accepted = validator.problems.length === 0 && validator.therapists[0][field] === value;
    const bySchema = checkJsonSchema(schema, { ...record, [field]: value }).length === 0;
    assert.equal(bySchema, accepted, `${field} = ${value}: schema ${bySchema}, validator ${accepted}`);
  };
  for (const date of [
    '2018',
    '2018-06',
    '2018-06-30',
    '2018-06-30T14:00',
    '2018-06-30T14:00:05.123+02:00',
    '2018-06-30 23:59:59Z',
    '2024-02-29',
    '18',
    '0999',
    '2018-6',
    '2018-00',
    '2018-13',
    '2018-06-32',
    '2018-06-30T24:00',
    '2018-06-30Z',
    'June 2018',
  ])
    agree('lastVerified', date);
  for (const url of [
    'https://example.org/ana',
    'HTTP://EXAMPLE.ORG/ana',
    'https://xn--bcher-kva.example/',
    'ftp://example.org/',
    'javascript:alert(1)',
    'https://',
    '/ana',
  ]) {
    agree('website', url);
    agree('bookingUrl', url);
  }
  for (const contact of ['mailto:ana@example.org', 'tel:+14155550100']) {
    agree('bookingUrl', contact);
    agree('website', contact);
  }
  // A day the calendar does not have passes the pattern; the schema's description says so.
  assert.deepEqual(checkJsonSchema(schema, { ...record, lastVerified: '2026-02-30' }), []);
  assert.equal(parseTherapists([{ ...record, lastVerified: '2026-02-30' }]).therapists[0].lastVerified, undefined);
  assert.match(schema.properties.lastVerified.description, /2026-02-30/);
});

test('docs/records.md and docs/template.csv are current (node scripts/records-doc.mjs regenerates them)', async () => {
  assert.equal(await recordsDoc(doc), doc, `${DOC} is stale`);
  assert.equal(templateCsv(), template, `${TEMPLATE} is stale`);
  assert.deepEqual(schema, recordJsonSchema(), 'dist/schema.json is stale: npm run build');
  assert.deepEqual(directorySchema, directoryJsonSchema(), 'dist/directory.schema.json is stale: npm run build');
});

test('the CSV template has a column for every field and reads with zero problems', () => {
  const columns = template.split('\n')[0].split(',');
  assert.deepEqual(columns, templateColumns());
  const leaves = RECORD_FIELDS.flatMap((spec) =>
    spec.fields ? spec.fields.map((inner) => `${spec.name}.${inner.name}`) : [spec.name],
  );
  // A compact cell holds these fields: `TYPE:JURISDICTION[:NUMBER]`, `BODY:NAME`.
  const compact = { licenses: ['type', 'jurisdiction', 'number'], certifications: ['body', 'name'] };
  const covered = new Set(
    columns.flatMap((column) => {
      if (compact[column]) return compact[column].map((name) => `${column}.${name}`);
      const resolved = resolveFieldPath(column);
      assert.ok(resolved, `${column} is not a field`);
      return [resolved.path.filter((key) => typeof key === 'string').join('.')];
    }),
  );
  assert.deepEqual(
    leaves.filter((leaf) => !covered.has(leaf)),
    [],
  );

  const records = csvToRecords(template);
  const { therapists, problems } = parseTherapists(records);
  assert.equal(describe(problems), '');
  assert.equal(therapists.length, 2);
  const [inPerson, video] = therapists;
  assert.deepEqual(inPerson.clientTypes, ['individual']);
  assert.deepEqual(inPerson.formats, ['in-person']);
  assert.deepEqual(video.clientTypes, ['individual', 'couple']);
  assert.deepEqual(video.formats, ['telehealth']);
  // Every filled cell lands in its field.
  records.forEach((record, i) => {
    for (const column of columns) {
      const { path } = resolveFieldPath(column);
      if (at(record, path) === undefined) continue;
      assert.notEqual(at(therapists[i], path), undefined, `${therapists[i].id}: ${column} was lost`);
    }
    assert.deepEqual(checkJsonSchema(schema, therapists[i]), []);
  });
});

test('every alias docs/records.md lists reads as its field', () => {
  for (const spec of RECORD_FIELDS) {
    for (const alias of spec.aliases ?? [])
      assert.equal(resolveFieldPath(alias)?.spec, spec, `${alias} → ${spec.name}`);
    for (const inner of spec.fields ?? [])
      for (const alias of inner.aliases ?? []) {
        const path = spec.kind === 'records' ? `${spec.name}.0.${alias}` : `${spec.name}.${alias}`;
        assert.equal(resolveFieldPath(path)?.spec, inner, `${path} → ${spec.name}.${inner.name}`);
      }
  }
});

test('imports are read as docs/records.md says', () => {
  const record = exampleRecord();
  const read = (patch) => {
    const { therapists, problems } = parseTherapists([{ ...record, ...patch }]);
    return { therapist: therapists[0], problems };
  };
  for (const word of ['true', 'yes', 'Y', '1', 'sí', 'SI', 'x', 'on'])
    assert.equal(read({ freeConsultation: word }).therapist.freeConsultation, true, word);
  for (const word of ['false', 'No', 'n', '0', 'off'])
    assert.equal(read({ freeConsultation: word }).therapist.freeConsultation, false, word);
  // Names in any spelling, flat names for nested fields.
  const { id: _id, acceptingNewClients: _a, location: _l, ...rest } = record;
  const renamed = parseTherapists([{ ...rest, ID: 'a-1', accepting_new_clients: 'no', City: 'Oakland', Zip: '94612' }]);
  assert.equal(describe(renamed.problems.filter((p) => p.severity === 'error')), '');
  assert.equal(renamed.therapists[0].acceptingNewClients, false);
  assert.deepEqual(renamed.therapists[0].location, { city: 'Oakland', postalCode: '94612' });
  // Dates at any precision; other separators read with a warning; impossible ones left out.
  for (const date of ['2018', '2018-06', '2018-06-30', '2018-06-30T14:00', '2018-06-30T14:00:00Z'])
    assert.deepEqual(read({ lastVerified: date }), { therapist: { ...record, lastVerified: date }, problems: [] });
  const slashed = read({ lastVerified: '2018/06/30' });
  assert.equal(slashed.therapist.lastVerified, '2018-06-30');
  assert.equal(slashed.problems[0].severity, 'warning');
  assert.equal(read({ lastVerified: 'June 2018' }).therapist.lastVerified, undefined);
  // Lists: ; | and line breaks; commas for fixed lists; never for insurance.
  assert.deepEqual(read({ concerns: 'low-desire; body-image|sexual-trauma\npain-with-sex' }).therapist.concerns, [
    'low-desire',
    'body-image',
    'sexual-trauma',
    'pain-with-sex',
  ]);
  assert.deepEqual(read({ clientTypes: 'Individuals, Couples' }).therapist.clientTypes, ['individual', 'couple']);
  assert.deepEqual(read({ languages: 'English, Español, Deutsch' }).therapist.languages, ['en', 'es', 'de']);
  assert.deepEqual(read({ insurance: 'Aetna, Inc.; Kaiser' }).therapist.insurance, ['Aetna, Inc.', 'Kaiser']);
  // Labels in English and Spanish, and common words.
  assert.deepEqual(read({ concerns: 'Low desire; Deseo bajo' }).therapist.concerns, ['low-desire']);
  assert.deepEqual(read({ formats: 'In person | Online' }).therapist.formats, ['in-person', 'telehealth']);
  assert.deepEqual(read({ ageGroups: 'Teens' }).therapist.ageGroups, ['adolescent']);
  assert.equal(read({ gender: 'female' }).therapist.gender, 'woman');
  // Unknown fixed values go; unknown concerns stay, with a warning.
  assert.deepEqual(read({ clientTypes: 'couple; therapists' }).therapist.clientTypes, ['couple']);
  const custom = read({ concerns: 'low-desire; fertility' });
  assert.deepEqual(custom.therapist.concerns, ['low-desire', 'fertility']);
  assert.deepEqual(
    custom.problems.map((p) => p.severity),
    ['warning'],
  );
  // Compact licence and certification cells.
  assert.deepEqual(read({ licenses: 'LMFT:US-CA:123456; LPC:us-nv' }).therapist.licenses, [
    { type: 'LMFT', jurisdiction: 'US-CA', number: '123456' },
    { type: 'LPC', jurisdiction: 'US-NV' },
  ]);
  assert.deepEqual(read({ certifications: 'AASECT:Certified Sex Therapist' }).therapist.certifications, [
    { body: 'AASECT', name: 'Certified Sex Therapist' },
  ]);
  // Numbers and links written for people.
  assert.deepEqual(read({ fees: { currency: 'USD', min: '$150', max: '1,200' } }).therapist.fees, {
    currency: 'USD',
    min: 150,
    max: 1200,
  });
  assert.equal(read({ website: 'www.example.org' }).therapist.website, 'https://www.example.org');
  // A malformed optional field never drops the record; one bad licence of two goes alone.
  const twoLicences = read({ licenses: [{ type: 'LMFT', jurisdiction: 'Atlantis' }, ...record.licenses] });
  assert.deepEqual(twoLicences.therapist.licenses, record.licenses);
  assert.deepEqual(
    twoLicences.problems.map((p) => [p.severity, p.path]),
    [['warning', 'licenses.0.jurisdiction']],
  );
  assert.equal(read({ name: '\u200b\u200b' }).problems[0].severity, 'error');
});

test('clinical licences only: non-clinical roles are refused, mentions are left for review, as documented', () => {
  const record = exampleRecord();
  const licence = (type) => parseTherapists([{ ...record, licenses: [{ type, jurisdiction: 'US-CA' }] }]);
  for (const type of ['LMFT', 'lcsw', 'LMFT #12345', 'Licensed Clinical Social Worker', 'Psicóloga', 'PsyD'])
    assert.deepEqual(licence(type).problems, [], type);
  for (const type of [
    'Sexual surrogate',
    'Surrogate partner (IPSA)',
    'Sexological bodyworker',
    'Hands-on healer',
    'Tantra practitioner',
    'Erotic massage',
    'Intimacy practitioner',
    'Sex worker',
    'Escort',
    'Sex coach',
  ]) {
    const result = licence(type);
    assert.equal(result.therapists.length, 0, type);
    assert.deepEqual(
      result.problems.map((p) => [p.severity, p.path]),
      [['error', 'licenses.0.type']],
      type,
    );
  }
  const unknown = licence('Sexologist');
  assert.equal(unknown.therapists.length, 1);
  assert.deepEqual(
    unknown.problems.map((p) => p.severity),
    ['warning'],
  );
  const certification = (body, name) =>
    parseTherapists([{ ...record, certifications: [{ body, name }] }]).problems.map((p) => p.severity);
  assert.deepEqual(certification('IPSA', 'Surrogate Partner'), ['error']);
  assert.deepEqual(certification('Tantra Institute', 'Tantra Teacher'), ['error']);
  assert.deepEqual(certification('ICF', 'Certified Sex Coach'), ['warning']);
  const bio = parseTherapists([{ ...record, bio: 'I do not offer bodywork: sessions are talk therapy.' }]);
  assert.equal(bio.therapists.length, 1);
  assert.deepEqual(
    bio.problems.map((p) => [p.severity, p.path]),
    [['warning', 'bio']],
  );
});
