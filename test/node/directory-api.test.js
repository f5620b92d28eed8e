// The demo's directory API (the package's handler over the sample) over real HTTP: pushed-down hard
// constraints are applied server-side.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevServer } from '@web/dev-server';
import { readFileSync } from 'node:fs';
import { parseTherapists, rankTherapists } from 'therapist-match/engine';
import { directoryApiMiddleware } from '../../demo/server/directory-api.mjs';
import { fits } from 'therapist-match/server';
import { queryFromAnswers } from '../../dist/sources/query.js';
import { queryParameters } from '../../dist/sources/rest.js';

let server;
let base;

before(async () => {
  server = await startDevServer({
    config: { rootDir: '.', port: 0, middleware: [directoryApiMiddleware] },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  base = `http://127.0.0.1:${server.server.address().port}/api/therapists`;
});
after(() => server?.stop());

async function get(query) {
  const response = await fetch(`${base}${query}`);
  return { status: response.status, total: response.headers.get('x-total-count'), body: await response.json() };
}

test('with no constraints every record is a candidate', async () => {
  const { status, body } = await get('?limit=5000');
  assert.equal(status, 200);
  assert.equal(body.total, 10000);
  assert.equal(body.therapists.length, 5000);
});

test('couples, in person within 27 km of San Francisco: all fit, nearest first', async () => {
  const { body, total } = await get('?clientType=couple&formats=in-person&lat=37.76&lng=-122.41&radiusKm=27');
  assert.ok(body.total > 0 && body.total < 10000, `total ${body.total}`);
  assert.equal(total, String(body.total));
  for (const t of body.therapists) {
    assert.ok(t.clientTypes.includes('couple'), t.id);
    assert.ok(t.formats.includes('in-person'), t.id);
    assert.ok(Math.abs(t.location.lat - 37.76) < 0.5 && Math.abs(t.location.lng + 122.41) < 0.5, t.id);
  }
});

test('telehealth for Oregon returns only therapists licensed there for video', async () => {
  const { body } = await get('?formats=telehealth&jurisdiction=US-OR&acceptingNewClients=true');
  assert.ok(body.total > 0);
  for (const t of body.therapists) {
    assert.ok(t.formats.includes('telehealth'), t.id);
    assert.ok(t.telehealthJurisdictions.includes('US-OR'), t.id);
    assert.notEqual(t.acceptingNewClients, false, t.id);
  }
});

test('bad parameters get HTTP 400 naming the parameter; unknown ids 404', async () => {
  const bad = await get('?lat=abc&lng=1&radiusKm=5');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /lat must be a number/);
  const missing = await get('/nobody');
  assert.equal(missing.status, 404);
  const one = await get('/sample-000001');
  assert.equal(one.body.id, 'sample-000001');
});

test('the server never drops a therapist the engine would match (pushed-down query from real answers)', async () => {
  const answers = {
    seeking: 'couple',
    formats: { value: ['in-person', 'telehealth'], importance: 'required' },
    location: { lat: 37.76, lng: -122.41, maxDistanceKm: 30, jurisdiction: 'US-OR' },
    acceptingNewClients: { value: true, importance: 'required' },
  };
  const params = queryParameters(queryFromAnswers(answers));
  params.set('limit', '5000');
  const { body } = await get(`?${params}`);
  const served = new Set(body.therapists.map((t) => t.id));
  const all = JSON.parse(readFileSync('demo/data/therapists-10k.json', 'utf8'));
  const { matches, matched } = rankTherapists(parseTherapists(all).therapists, answers, { limit: 10000 });
  assert.ok(matched > 0);
  assert.ok(served.size < 10000, 'the server narrowed nothing');
  assert.deepEqual(
    matches.map((m) => m.therapist.id).filter((id) => !served.has(id)),
    [],
  );
});

test('licensing follows the engine: licences when no telehealth list, and country-wide licences', () => {
  const base = { formats: ['telehealth'], licenses: [{ type: 'LMFT', jurisdiction: 'US-OR' }] };
  const query = { formats: ['telehealth'], jurisdiction: 'US-OR' };
  assert.ok(fits({ ...base, telehealthJurisdictions: [] }, query));
  assert.ok(fits(base, query));
  assert.equal(fits({ ...base, telehealthJurisdictions: ['US-WA'] }, query), undefined);
  assert.ok(fits({ ...base, licenses: [{ type: 'RP', jurisdiction: 'NZ' }] }, { ...query, jurisdiction: 'NZ-AUK' }));
});
