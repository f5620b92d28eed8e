// fhirSource in Node, from the published package, against a node:http FHIR server over the same
// Plan-Net-style fixtures as the browser tests (test/tools/fhir-server.mjs), with the same suite
// (test/sources/fhir-cases.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename } from 'node:path';
import {
  BEHAVIOURAL_HEALTH_TAXONOMY,
  fhirSource,
  parseTherapists,
  queryFromAnswers,
  SourceError,
} from 'therapist-match';
import { fhirAnswer } from '../tools/fhir-server.mjs';
import { fhirCases } from '../sources/fhir-cases.js';

const FIXTURES = new URL('../sources/fixtures/', import.meta.url);
let server;
let origin;
let keys = 0;

before(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url, origin);
    if (url.pathname.startsWith('/fhir/')) {
      const answer = fhirAnswer(url.pathname.slice('/fhir/'.length), url.search.slice(1), origin);
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': 'application/fhir+json' });
      res.end(JSON.stringify(answer.body));
    } else if (url.pathname.startsWith('/file/')) {
      res.writeHead(200, { 'content-type': 'application/fhir+json' });
      res.end(readFileSync(new URL(basename(url.pathname), FIXTURES)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

const harness = {
  fhirSource,
  parseTherapists,
  queryFromAnswers,
  SourceError,
  server: () => `${origin}/fhir/node-${++keys}`,
  file: (name) => `${origin}/file/${name}`,
  same: (actual, expected, message) => assert.deepEqual(actual, expected, message),
  ok: (value, message) => assert.ok(value, message),
};

for (const { name, run } of fhirCases(harness)) test(name, run);

test('a Bundle given as an object needs no request, and something else is a shape error', async () => {
  const bundle = JSON.parse(readFileSync(new URL('fhir-plan-net.json', FIXTURES), 'utf8'));
  const result = await fhirSource({ bundle }).search({}, { signal: new AbortController().signal });
  assert.equal(result.records.length, 4);
  await assert.rejects(
    fhirSource({ bundle: { resourceType: 'Practitioner' } }).search({}, { signal: new AbortController().signal }),
    (error) =>
      error instanceof SourceError && error.kind === 'shape' && /a FHIR Practitioner, not a Bundle/.test(error.message),
  );
});

test('docs/fhir.md lists exactly the codes, labels and licence types of BEHAVIOURAL_HEALTH_TAXONOMY', () => {
  const doc = readFileSync(new URL('../../docs/fhir.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `(\w{10})` \| ([^|]+?) +\| `([^`]+)` +\|/gm)].map(([, code, label, type]) => [
    code,
    label,
    type,
  ]);
  assert.deepEqual(
    rows,
    Object.entries(BEHAVIOURAL_HEALTH_TAXONOMY).map(([code, entry]) => [code, entry.label, entry.licenseType]),
  );
});

test('keys from the data never reach a prototype: a Practitioner with the id __proto__ is read like any other', async () => {
  const bundle = JSON.parse(`{
    "resourceType": "Bundle",
    "__proto__": { "polluted": true },
    "entry": [
      { "resource": { "resourceType": "Practitioner", "id": "__proto__", "name": [{ "given": ["Ada"], "family": "Quinn" }],
        "qualification": [{ "code": { "text": "LMFT" }, "issuer": { "display": "State of Oregon" }, "__proto__": { "x": 1 } }] } },
      { "resource": { "resourceType": "PractitionerRole", "id": "constructor", "practitioner": { "reference": "Practitioner/__proto__" },
        "specialty": [{ "coding": [{ "code": "106H00000X" }] }],
        "healthcareService": [{ "reference": "#virtual" }],
        "contained": [{ "resourceType": "HealthcareService", "id": "virtual", "type": [{ "text": "Telehealth counseling" }] }] } }
    ]
  }`);
  const result = await fhirSource({ bundle }).search({}, { signal: new AbortController().signal });
  assert.deepEqual(result.records, [
    {
      id: 'constructor',
      name: 'Ada Quinn',
      licenses: [{ type: 'LMFT', jurisdiction: 'US-OR' }],
      clientTypes: ['individual', 'couple', 'family'],
      formats: ['telehealth'],
    },
  ]);
  assert.equal({}.polluted, undefined);
  assert.equal({}.x, undefined);
});

test('US Core qualifications without Plan-Net extensions: a state board licenses, a national board certifies', async () => {
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        resource: {
          resourceType: 'Organization',
          id: 'bbs',
          name: 'California Board of Behavioral Sciences',
        },
      },
      {
        resource: {
          resourceType: 'Practitioner',
          id: 'p1',
          name: [{ use: 'official', prefix: ['Dr.'], given: ['Rosa'], family: 'Medina' }],
          communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es' }] } }, { text: 'English' }],
          qualification: [
            { code: { text: 'LMFT' }, issuer: { reference: 'Organization/bbs' }, identifier: [{ value: '54321' }] },
            { code: { text: 'Certified Sex Therapist' }, issuer: { display: 'AASECT' } },
            {
              code: { text: 'LPCC' },
              issuer: { display: 'California Board of Behavioral Sciences' },
              period: { end: '2020-01-31' },
            },
          ],
        },
      },
      {
        resource: {
          resourceType: 'PractitionerRole',
          id: 'r1',
          practitioner: { reference: 'Practitioner/p1' },
          specialty: [{ coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '106H00000X' }] }],
          location: [{ reference: 'Location/l1' }],
        },
      },
      {
        resource: {
          resourceType: 'Location',
          id: 'l1',
          address: { city: 'Oakland', state: 'CA', postalCode: '94612', country: 'USA' },
        },
      },
    ],
  };
  const [record] = (await fhirSource({ bundle }).search({}, { signal: new AbortController().signal })).records;
  assert.equal(record.name, 'Dr. Rosa Medina');
  assert.deepEqual(record.languages, ['es', 'English']);
  assert.deepEqual(
    record.licenses,
    [{ type: 'LMFT', jurisdiction: 'US-CA', number: '54321' }],
    'the expired LPCC is left out',
  );
  assert.deepEqual(record.certifications, [{ body: 'AASECT', name: 'Certified Sex Therapist' }]);
  assert.deepEqual(record.location, { city: 'Oakland', region: 'CA', postalCode: '94612', country: 'US' });
  const { therapists, problems } = parseTherapists([record]);
  assert.equal(therapists[0].languages.join(), 'es,en');
  assert.equal(therapists[0].certifications[0].body, 'AASECT');
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error'),
    [],
  );
});

test('invalid options are replaced by their defaults with a console warning naming them', async (t) => {
  const warnings = [];
  t.mock.method(console, 'warn', (message) => warnings.push(message));
  const base = `${origin}/fhir/options-${++keys}`;
  const source = fhirSource({
    server: `${base}/plan-net`,
    pageSize: 'many',
    maxPages: 500,
    searchParameters: ['active', 'gender'],
    taxonomies: [' 106H00000X ', 7],
    mapRecord: 'concerns',
  });
  const result = await source.search({}, { signal: new AbortController().signal });
  assert.deepEqual(warnings, [
    'therapist-match: ' + base + '/plan-net: pageSize "many" is not a finite number; using the default, 100.',
    'therapist-match: ' + base + '/plan-net: maxPages 500 is outside 1–100; using 100.',
    'therapist-match: ' +
      base +
      '/plan-net: searchParameters may only name active, specialty, near, address-state; the others are ignored.',
    'therapist-match: ' + base + '/plan-net: mapRecord is string, not a function; it is ignored.',
  ]);
  assert.deepEqual(
    result.records.map((r) => r.id),
    ['marcus-lee-hartford'],
    'only the marriage and family therapist, by the trimmed code',
  );
  const [asked] = await (await fetch(`${base}/requests`)).json();
  const params = new URL(asked, origin).searchParams;
  assert.equal(params.get('_count'), '100');
  assert.equal(params.get('specialty'), null, 'specialty is not among the parameters asked for');
  assert.equal(params.get('active'), 'true');
});
