// The FHIR source's behaviour as one suite, run by the browser tests (test/sources/fhir.test.ts,
// the test runner's server) and the Node tests (test/node/fhir.test.js, a node:http server): both
// serve the Plan-Net-style fixtures through test/tools/fhir-server.mjs over real HTTP.

/**
 * @typedef {object} Harness
 * @property {(options: object) => any} fhirSource
 * @property {(records: unknown) => { therapists: any[]; problems: any[] }} parseTherapists
 * @property {(answers: any, options?: any) => object} queryFromAnswers
 * @property {Function} SourceError
 * @property {() => string} server a fresh FHIR base URL (its own request log)
 * @property {(name: string) => string} file the URL of a fixture file
 * @property {(actual: unknown, expected: unknown, message?: string) => void} same deep equality
 * @property {(value: unknown, message?: string) => unknown} ok
 */

const signal = () => new AbortController().signal;
const byId = (records) => new Map(records.map((record) => [record.id, record]));

/** What the server received: each request's path and query. */
async function requestsTo(base) {
  return (await fetch(`${base}/requests`)).json();
}

/** The SourceError a promise rejects with. */
async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the search to fail');
}

/** @param {Harness} h @returns {{ name: string; run: () => Promise<void> }[]} */
export function fhirCases(h) {
  const { fhirSource, same, ok } = h;
  return [
    {
      name: 'a Plan-Net Bundle file: practitioners with qualifications valid in a state become licences there',
      async run() {
        const result = await fhirSource({ bundle: h.file('fhir-plan-net.json') }).search({}, { signal: signal() });
        const records = byId(result.records);
        same(records.get('susie-rivera-virtual').licenses, [
          { type: 'LPC', jurisdiction: 'US-CT', number: 'LPC.0004121' },
          { type: 'LPC', jurisdiction: 'US-NY', number: 'LPC.0004121' },
        ]);
        // Licensed by its issuer's state (no whereValid); the inactive New York licence is left out.
        same(records.get('dana-okafor-new-haven').licenses, [{ type: 'LCSW', jurisdiction: 'US-CT' }]);
        // A licence coded MD (v2-0360) in a state; a board's certification is a certification.
        same(records.get('priya-natarajan-hartford').licenses, [
          { type: 'MD', jurisdiction: 'US-CT', number: 'MD-055512' },
        ]);
        same(records.get('priya-natarajan-hartford').certifications, [
          { body: 'American Board of Psychiatry and Neurology', name: 'Board Certified Psychiatry' },
        ]);
        same(
          records.get('susie-rivera-virtual').name,
          'Susie Rivera',
          'given + family, without the credentials of name.text',
        );
        same(records.get('susie-rivera-virtual').languages, ['en', 'es']);
        same(records.get('susie-rivera-virtual').gender, 'woman');
        same(records.get('susie-rivera-virtual').lastVerified, '2026-09-14');
        same(records.get('susie-rivera-virtual').insurance, ['ACME CT Preferred Provider Network']);
        // Every record the source made is one the widget keeps.
        const { therapists, problems } = h.parseTherapists(result.records);
        same(
          therapists.map((t) => t.id),
          result.records.map((r) => r.id),
        );
        same(
          problems.filter((p) => p.severity === 'error'),
          [],
        );
      },
    },
    {
      name: 'a virtual counselling service is telehealth only; a clinic with a virtual service too is both',
      async run() {
        const result = await fhirSource({ bundle: h.file('fhir-plan-net.json') }).search({}, { signal: signal() });
        const records = byId(result.records);
        same(records.get('susie-rivera-virtual').formats, ['telehealth']);
        same(records.get('susie-rivera-virtual').location, undefined);
        same(records.get('susie-rivera-virtual').website, 'https://harbor.example.org/susie-rivera');
        same(records.get('dana-okafor-new-haven').formats, ['in-person', 'telehealth']);
      },
    },
    {
      name: 'a location accepting existing patients only is not accepting new clients; newpt is',
      async run() {
        const result = await fhirSource({ bundle: h.file('fhir-plan-net.json') }).search({}, { signal: signal() });
        const records = byId(result.records);
        const marcus = records.get('marcus-lee-hartford');
        same(marcus.acceptingNewClients, false);
        same(marcus.formats, ['in-person']);
        same(marcus.location, {
          city: 'Hartford',
          region: 'CT',
          postalCode: '06103',
          country: 'US',
          lat: 41.7658,
          lng: -72.6734,
        });
        same(marcus.phone, '(860) 555-0141');
        same(marcus.clientTypes, ['individual', 'couple', 'family'], 'a marriage and family therapist sees couples');
        same(records.get('dana-okafor-new-haven').acceptingNewClients, true);
      },
    },
    {
      name: 'roles that are not behavioural health, or inactive, are skipped and counted, not errors',
      async run() {
        const result = await fhirSource({ bundle: h.file('fhir-plan-net.json') }).search({}, { signal: signal() });
        same(
          result.records.map((r) => r.id),
          ['susie-rivera-virtual', 'marcus-lee-hartford', 'dana-okafor-new-haven', 'priya-natarajan-hartford'],
        );
        same(result.skipped, 2);
        same(
          result.problems.map((p) => [p.severity, p.index, p.message]),
          [
            [
              'warning',
              -1,
              'fhir-plan-net.json: 2 of 6 PractitionerRoles skipped (1 not behavioural health, 1 inactive); they are not errors.',
            ],
          ],
        );
        // The taxonomy list is the site's to change: every role with 'all'.
        const all = await fhirSource({ bundle: h.file('fhir-plan-net.json'), taxonomies: 'all' }).search(
          {},
          { signal: signal() },
        );
        ok(
          all.records.some((r) => r.id === 'joe-smith-internal-medicine'),
          'the internist is kept with taxonomies: all',
        );
        same(all.skipped, 1);
      },
    },
    {
      name: 'a server: the PractitionerRole search with _include, followed page by page',
      async run() {
        const base = h.server();
        const source = fhirSource({ server: `${base}/plan-net`, pageSize: 2 });
        const result = await source.search({}, { signal: signal() });
        same(
          result.records.map((r) => r.id),
          ['susie-rivera-virtual', 'marcus-lee-hartford', 'dana-okafor-new-haven', 'priya-natarajan-hartford'],
        );
        same(result.problems, [], 'the server filtered by specialty and active: nothing to skip');
        const asked = await requestsTo(base);
        same(asked.length, 2);
        const first = new URL(asked[0], 'http://x');
        same(first.pathname.endsWith('/plan-net/PractitionerRole'), true);
        same(first.searchParams.getAll('_include'), [
          'PractitionerRole:practitioner',
          'PractitionerRole:location',
          'PractitionerRole:organization',
          'PractitionerRole:service',
          'PractitionerRole:network',
        ]);
        same(first.searchParams.get('active'), 'true');
        same(first.searchParams.get('_count'), '2');
        ok(first.searchParams.get('specialty').includes('http://nucc.org/provider-taxonomy|106H00000X'));
        same(new URL(asked[1], 'http://x').searchParams.get('_offset'), '2', 'the next link was followed');
      },
    },
    {
      name: 'paging stops at maxPages with a warning; the records read so far are kept',
      async run() {
        const base = h.server();
        const result = await fhirSource({ server: `${base}/plan-net`, pageSize: 1, maxPages: 3 }).search(
          {},
          { signal: signal() },
        );
        same(result.records.length, 3);
        same((await requestsTo(base)).length, 3);
        same(result.total, 4, "the server's total says how many there are");
        ok(
          result.problems.some((p) => /stopped after 3 pages \(maxPages\)/.test(p.message)),
          'a warning names maxPages',
        );
      },
    },
    {
      name: 'a next link to another site, or back to a page already read, is not followed',
      async run() {
        const elsewhere = h.server();
        const away = await fhirSource({ server: `${elsewhere}/elsewhere`, pageSize: 2 }).search(
          {},
          { signal: signal() },
        );
        same(away.records.length, 2);
        same((await requestsTo(elsewhere)).length, 1);
        ok(away.problems.some((p) => /leads to another site \(https:\/\/elsewhere\.example\.net/.test(p.message)));
        const loop = h.server();
        const round = await fhirSource({ server: `${loop}/loop`, pageSize: 2 }).search({}, { signal: signal() });
        same(round.records.length, 2);
        same((await requestsTo(loop)).length, 1);
        ok(round.problems.some((p) => /one already read/.test(p.message)));
      },
    },
    {
      name: 'a Bundle with missing references and malformed resources keeps every good record',
      async run() {
        const result = await fhirSource({ bundle: h.file('fhir-missing-references.json') }).search(
          {},
          { signal: signal() },
        );
        same(
          result.records.map((r) => r.id),
          ['good-role', 'lost-office'],
        );
        const lost = byId(result.records).get('lost-office');
        same(lost.formats, ['in-person'], 'it still has an office, though not where');
        same(lost.location, undefined);
        same(
          result.problems.map((p) => [p.severity, p.index, p.id, p.path]),
          [
            ['warning', -1, undefined, 'entry'],
            ['error', -1, 'no-practitioner', 'practitioner'],
            ['warning', 1, 'lost-office', 'location'],
            ['warning', 1, 'lost-office', 'healthcareService'],
            ['error', -1, 'broken-practitioner', 'practitioner.name'],
          ],
        );
        ok(
          result.problems[1].message.includes('"Practitioner/someone-else", which is not in the Bundle'),
          result.problems[1].message,
        );
        same(
          h.parseTherapists(result.records).therapists.map((t) => t.id),
          ['good-role', 'lost-office'],
        );
      },
    },
    {
      name: 'an OperationOutcome becomes an error that says what the server said',
      async run() {
        const failed = await rejection(
          fhirSource({ server: `${h.server()}/outcome` }).search({}, { signal: signal() }),
        );
        ok(failed instanceof h.SourceError, String(failed));
        same(failed.kind, 'http');
        same(failed.status, 400);
        ok(
          /answered HTTP 400 with an OperationOutcome: error \(not-supported\): Unknown search parameter 'location\.near' for PractitionerRole\. If it names a search parameter, leave it out of searchParameters/.test(
            failed.message,
          ),
          failed.message,
        );
        same(failed.url?.endsWith('/outcome/PractitionerRole'), true, 'the URL, without its query');
        const ok200 = await rejection(
          fhirSource({ server: `${h.server()}/outcome-ok` }).search({}, { signal: signal() }),
        );
        same(ok200.kind, 'http');
        ok(/an OperationOutcome instead of a Bundle: error \(too-costly\): Search too broad/.test(ok200.message));
        const notFhir = await rejection(
          fhirSource({ server: `${h.server()}/not-fhir` }).search({}, { signal: signal() }),
        );
        same(notFhir.kind, 'shape');
        ok(/not a FHIR Bundle/.test(notFhir.message), notFhir.message);
      },
    },
    {
      name: 'a slow server times out; an aborted search rejects as aborted; a missing server or bundle is an adapter error',
      async run() {
        const controller = new AbortController();
        controller.abort();
        const aborted = await rejection(
          fhirSource({ server: `${h.server()}/plan-net` }).search({}, { signal: controller.signal }),
        );
        same(aborted.kind, 'aborted');
        const slow = `${h.server()}/slow`;
        const late = await rejection(fhirSource({ server: slow, timeoutMs: 1000 }).search({}, { signal: signal() }));
        same(late.kind, 'timeout');
        ok(/\/slow did not answer within 1 s: check the server, or raise timeoutMs/.test(late.message), late.message);
        const leaving = new AbortController();
        const left = rejection(fhirSource({ server: slow }).search({}, { signal: leaving.signal }));
        setTimeout(() => leaving.abort(), 200);
        same((await left).kind, 'aborted');
        const nothing = await rejection(fhirSource({}).search({}, { signal: signal() }));
        same(nothing.kind, 'adapter');
        ok(/give fhirSource a server .* or a bundle/.test(nothing.message), nothing.message);
      },
    },
    {
      name: 'search parameters: near only when in person is required, address-state only when asked, no answer beyond source-share',
      async run() {
        const answers = {
          seeking: 'couple',
          concerns: { primary: 'desire-discrepancy' },
          preferences: { therapistGender: { value: ['woman'], importance: 'preferred' } },
          location: { jurisdiction: 'US-CT', lat: 41.765, lng: -72.673, maxDistanceKm: 30 },
          formats: { value: ['in-person'], importance: 'required' },
        };
        const base = h.server();
        const source = fhirSource({
          server: `${base}/plan-net`,
          searchParameters: ['active', 'near', 'address-state'],
        });
        // The site shares concerns with its source: a FHIR server is asked none of them all the same.
        const query = h.queryFromAnswers(answers, { share: ['concerns', 'preferences'] });
        const warnings = [];
        const warn = console.warn;
        console.warn = (message) => warnings.push(message);
        try {
          await source.search(query, { signal: signal() });
        } finally {
          console.warn = warn;
        }
        ok(
          warnings.some((w) => /never sent the shared answers \(concerns, preferences\)/.test(w)),
          'a warning says source-share has no effect',
        );
        const either = h.queryFromAnswers({ ...answers, formats: undefined });
        await source.search(either, { signal: signal() });
        const [inPerson, anyFormat] = await requestsTo(base);
        const params = new URL(inPerson, 'http://x').searchParams;
        same(params.get('location.near'), '41.77|-72.67|32|km');
        same(new URL(anyFormat, 'http://x').searchParams.get('location.near'), null, 'video is fine: no window');
        same(new URL(anyFormat, 'http://x').searchParams.get('location.address-state'), 'CT');
        for (const url of [inPerson, anyFormat])
          for (const answer of ['desire', 'discrepancy', 'woman', 'couple', 'concern', 'gender'])
            ok(!decodeURIComponent(url).toLowerCase().includes(answer), `${answer} is not in ${url}`);
        const plain = h.server();
        await fhirSource({ server: `${plain}/plan-net` }).search(either, { signal: signal() });
        same(new URL((await requestsTo(plain))[0], 'http://x').searchParams.get('location.address-state'), null);
      },
    },
    {
      name: "a site's mapRecord reads any extension into concerns; one that throws loses only that role",
      async run() {
        const source = fhirSource({
          bundle: h.file('fhir-plan-net.json'),
          mapRecord(record, context) {
            if (record.id === 'priya-natarajan-hartford') throw new Error('no mapping for psychiatrists');
            const modes = context.extensionValues(
              'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/delivery-method',
            );
            const virtual = JSON.stringify(modes).includes('"video"');
            return { ...record, concerns: virtual ? ['communication-about-sex'] : ['desire-discrepancy'] };
          },
        });
        const result = await source.search({}, { signal: signal() });
        const records = byId(result.records);
        same(records.get('susie-rivera-virtual').concerns, ['communication-about-sex']);
        same(records.get('marcus-lee-hartford').concerns, ['desire-discrepancy']);
        same(records.has('priya-natarajan-hartford'), false);
        const thrown = result.problems.find((p) => p.id === 'priya-natarajan-hartford');
        same(thrown.severity, 'error');
        ok(/mapRecord threw Error: no mapping for psychiatrists/.test(thrown.message), thrown.message);
      },
    },
  ];
}
