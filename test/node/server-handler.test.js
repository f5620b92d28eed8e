// therapist-match/server over real HTTP: the handler on node:http with the memory store, asked by
// the package's own restSource (GET and POST), by raw requests for every limit and bad parameter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { parseTherapists, rankTherapists } from 'therapist-match/engine';
import { createHandler, memoryStore, MAX_BODY_BYTES, MAX_URL_LENGTH } from 'therapist-match/server';
import { restSource, queryFromAnswers } from 'therapist-match';
import { generateTherapists } from '../../demo/sample/generate.js';

const { therapists } = parseTherapists(generateTherapists(3000, 16));
let server;
let base;

before(async () => {
  const handle = createHandler({ store: memoryStore(therapists), maxLimit: 2000, defaultLimit: 500 });
  server = createServer((req, res) => void handle(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/api/therapists`;
});
after(() => server?.close());

/** A request sent as written; resolves with status, headers and the body (gunzipped when gzip). */
function raw(path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(`${base.replace('/api/therapists', '')}${path}`, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        let bytes = Buffer.concat(chunks);
        const wire = bytes.length;
        if (res.headers['content-encoding'] === 'gzip') bytes = gunzipSync(bytes);
        const text = bytes.toString('utf8');
        resolve({ status: res.statusCode, headers: res.headers, wire, json: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const signal = () => new AbortController().signal;
const answers = {
  seeking: 'couple',
  formats: { value: ['in-person', 'telehealth'], importance: 'required' },
  location: { lat: 37.76, lng: -122.41, maxDistanceKm: 40, jurisdiction: 'US-CA' },
  acceptingNewClients: { value: true, importance: 'required' },
};

test('restSource over GET gets the page of candidates and the total; nothing the engine matches is dropped', async () => {
  const source = restSource({ url: base, pageSize: 2000 });
  const result = await source.search(queryFromAnswers(answers), { signal: signal() });
  assert.ok(result.total > 0 && result.total < therapists.length, `total ${result.total}`);
  assert.equal(result.records.length, Math.min(2000, result.total));
  const served = new Set(result.records.map((r) => r.id));
  const { matches, matched } = rankTherapists(therapists, answers, { limit: Infinity });
  assert.ok(matched > 0);
  assert.deepEqual(
    matches.map((m) => m.therapist.id).filter((id) => !served.has(id)),
    [],
  );
});

test('restSource over POST sends the same query as JSON and gets the same page', async () => {
  const query = queryFromAnswers(answers);
  const viaGet = await restSource({ url: base }).search(query, { signal: signal() });
  const viaPost = await restSource({ url: base, method: 'POST' }).search(query, { signal: signal() });
  assert.equal(viaPost.total, viaGet.total);
  assert.deepEqual(
    viaPost.records.map((r) => r.id),
    viaGet.records.map((r) => r.id),
  );
});

test('shared answers over POST: the engine ranks a wider window and the best come first, marked ranked', async () => {
  const withConcerns = { ...answers, concerns: { primary: 'erectile-concerns', others: ['low-desire'] } };
  const query = queryFromAnswers(withConcerns, { share: ['concerns'] });
  // A page of 1000 ranks a window of 4000 candidates: here every candidate of the directory.
  const result = await restSource({ url: base, method: 'POST', pageSize: 1000 }).search(query, { signal: signal() });
  assert.equal(result.ranked, true);
  const { matches, matched } = rankTherapists(therapists, withConcerns, { limit: 20 });
  assert.ok(matched > 20);
  assert.deepEqual(
    result.records.slice(0, 20).map((r) => r.id),
    matches.map((m) => m.therapist.id),
  );
  // Without the shared answers the page is nearest first instead, and not marked ranked.
  const unranked = await restSource({ url: base, method: 'POST', pageSize: 1000 }).search(queryFromAnswers(answers), {
    signal: signal(),
  });
  assert.equal(unranked.ranked, undefined);
  assert.notDeepEqual(
    unranked.records.slice(0, 20).map((r) => r.id),
    matches.map((m) => m.therapist.id),
  );
});

test('itemUrl: one record by id, with any character in the id; unknown ids are undefined (404)', async () => {
  const source = restSource({ url: base, itemUrl: (id) => `${base}/${encodeURIComponent(id)}` });
  const one = await source.get(therapists[7].id, { signal: signal() });
  assert.deepEqual(one, JSON.parse(JSON.stringify(therapists[7])));
  assert.equal(await source.get('nobody/../../etc %?#', { signal: signal() }), undefined);
});

test('responses are compact: gzip when accepted, no-store, nosniff, and the page limit holds', async () => {
  const plain = await raw('/api/therapists?limit=2000');
  const zipped = await raw('/api/therapists?limit=2000', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(plain.json.therapists.length, 2000);
  assert.equal(plain.headers['x-total-count'], String(therapists.length));
  assert.deepEqual(zipped.json, plain.json);
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.ok(zipped.wire * 4 < plain.wire, `gzip ${zipped.wire} bytes vs ${plain.wire}`);
  assert.equal(plain.headers['cache-control'], 'private, no-store');
  assert.equal(plain.headers['x-content-type-options'], 'nosniff');
  // Above the server's maxLimit is clamped, not refused; without limit the default applies.
  assert.equal((await raw('/api/therapists?limit=100000')).json.therapists.length, 2000);
  assert.equal((await raw('/api/therapists')).json.therapists.length, 500);
});

test('bad parameters get 400 with a message naming the parameter', async () => {
  const cases = {
    '?lat=abc&lng=1&radiusKm=5': /lat must be a number/,
    '?lat=1&lng=2': /lat, lng and radiusKm go together/,
    '?lat=1&lng=200&radiusKm=5': /lng must be from -180 to 180/,
    '?lat=1&lng=2&radiusKm=-1': /radiusKm must be from 0/,
    '?limit=0': /limit must be from 1/,
    '?limit=ten': /limit must be a number/,
    '?clientType=pets': /clientType must be one of individual, couple, family, group/,
    '?formats=in-person,fax': /formats must list in-person and\/or telehealth; got "fax"/,
    '?jurisdiction=California': /jurisdiction must be an ISO 3166 code/,
    '?acceptingNewClients=yes': /acceptingNewClients must be true or false/,
    '?formats=telehealth&formats=in-person': /formats is given 2 times/,
    '/%': /not valid percent-encoding/,
    '/a/b': /give one therapist id/,
    [`/${'x'.repeat(300)}`]: /at most 200 characters/,
  };
  for (const [suffix, message] of Object.entries(cases)) {
    const { status, json } = await raw(`/api/therapists${suffix}`);
    assert.equal(status, 400, `${suffix}: ${status}`);
    assert.match(json.error, message, suffix);
  }
});

test('POST bodies are checked: JSON object, content type, size', async () => {
  const post = (body, headers = { 'content-type': 'application/json' }) =>
    raw('/api/therapists', { method: 'POST', headers, body });
  assert.equal((await post('{"clientType":')).status, 400);
  assert.match((await post('[1,2]')).json.error, /JSON object/);
  assert.match((await post('{"near":[1,2]}')).json.error, /near must be an object/);
  assert.match((await post('{"formats":"telehealth,fax"}')).json.error, /got "fax"/);
  assert.match((await post('{"shared":"concerns"}')).json.error, /shared must be an object/);
  const proto = await post('{"__proto__":{"clientType":"pets"},"shared":{"__proto__":{"x":1}},"limit":2}');
  assert.equal(proto.status, 200);
  assert.equal(proto.json.therapists.length, 2);
  assert.equal((await post('{}', { 'content-type': 'text/plain' })).status, 415);
  const big = await post(JSON.stringify({ shared: { note: 'x'.repeat(MAX_BODY_BYTES) } }));
  assert.equal(big.status, 413);
  assert.match(big.json.error, /larger than 16384 bytes/);
});

test('limits and methods: long URLs 414, other methods 405 with Allow, other paths 404', async () => {
  const long = await raw(`/api/therapists?clientType=couple&pad=${'x'.repeat(MAX_URL_LENGTH)}`);
  assert.equal(long.status, 414);
  const put = await raw('/api/therapists', { method: 'PUT' });
  assert.equal(put.status, 405);
  assert.equal(put.headers.allow, 'GET, POST');
  assert.equal((await raw('/api/therapists/x', { method: 'DELETE' })).status, 405);
  assert.equal((await raw('/elsewhere')).status, 404);
});

test('a store that fails gives 500 with a plain message, and the log holds no query string', async () => {
  const logged = [];
  const handle = createHandler({
    store: {
      search: async () => {
        throw new Error('connection refused');
      },
      get: async () => undefined,
    },
    onError: (error, where) => logged.push({ message: error.message, ...where }),
  });
  const failing = createServer((req, res) => void handle(req, res));
  await new Promise((resolve) => failing.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(
      `http://127.0.0.1:${failing.address().port}/api/therapists?lat=37.7&lng=-122.4&radiusKm=9`,
    );
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), { error: 'the directory could not answer; try again later' });
    assert.deepEqual(logged, [{ message: 'connection refused', method: 'GET', path: '/api/therapists' }]);
  } finally {
    failing.close();
  }
});

test('createHandler without a store throws a TypeError that says what to pass', () => {
  assert.throws(() => createHandler({}), /needs \{ store \}/);
});

test('behind a body parser (express.json() style) the parsed body is used', async () => {
  const handle = createHandler({ store: memoryStore(therapists) });
  const parsing = createServer(async (req, res) => {
    // What a body-parsing middleware leaves: the stream read to its end and `req.body` set.
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    if (chunks.length) req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    await handle(req, res);
  });
  await new Promise((resolve) => parsing.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${parsing.address().port}/api/therapists`;
    const result = await restSource({ url, method: 'POST', pageSize: 3 }).search(
      { clientType: 'couple', jurisdiction: 'US-OR' },
      { signal: signal() },
    );
    assert.equal(result.records.length, 3);
    assert.ok(result.total > 3);
  } finally {
    parsing.close();
  }
});
