// The adapter guide works: docs/adapters.md shows docs/examples/ word for word, that code compiles
// against the package's published types, and the adapters it builds serve individuals and couples
// from a real HTTP API and fail with the SourceError messages the guide lists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { SourceError, distanceKm, parseTherapists, queryFromAnswers, rankTherapists } from 'therapist-match';

const GUIDE = 'docs/adapters.md';
const EXAMPLES = 'docs/examples';
/** Where docs/examples/tsconfig.json writes the compiled guide. */
const OUT = '.test-results/adapter-guide';
/** The origin and key the guide's page uses; the tests put the local server's origin back. */
const GUIDE_ORIGIN = 'https://api.example.org';
const API_KEY = 'pk_public_example';

const guide = readFileSync(GUIDE, 'utf8');
const page = JSON.parse(readFileSync(`${EXAMPLES}/providers-page.json`, 'utf8'));

// ── The fictional Example Directory API, over real HTTP ──────────────────────────────────────────
let mode = 'ok';
/** Every request the API received: its URL, and whether the client hung up before the answer. */
const requests = [];
let server;
let origin;

/** The API's documented filters, combined with AND, as a real server would apply them. */
function providers(params) {
  return page.items.filter((p) => {
    if (params.has('sees') && !p.sees?.includes(params.get('sees'))) return false;
    if (params.get('accepting') === 'true' && !p.accepting_new_clients) return false;
    if (params.has('video_state') && !p.video_states?.includes(params.get('video_state'))) return false;
    if (params.has('lat')) {
      if (!p.office) return false;
      const km = distanceKm(Number(params.get('lat')), Number(params.get('lng')), p.office.lat, p.office.lng);
      if (km > Number(params.get('radius_mi')) * 1.609344) return false;
    }
    return true;
  });
}

function answer(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const received = { url, abandoned: false };
  requests.push(received);
  res.on('close', () => (received.abandoned = !res.writableEnded));
  if (url.pathname !== '/v2/providers') return void res.writeHead(404).end();
  if (req.headers['x-api-key'] !== API_KEY) return void res.writeHead(401).end();
  switch (mode) {
    case 'ok': {
      const items = providers(url.searchParams);
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ items, total: items.length }));
    }
    case 'down':
      return void res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
    case 'html':
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Example</title>');
    case 'v1':
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ providers: page.items }));
    case 'slow': // answers only after the client has given up
      return void setTimeout(() => res.writeHead(200).end('[]'), 3000).unref();
  }
}

let compiled;

before(async () => {
  server = createServer(answer);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  compiled = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `${EXAMPLES}/tsconfig.json`], {
    encoding: 'utf8',
  });
});
after(() => server?.close());

/** The compiled guide (docs/examples/providers-source.ts). */
async function guideModule() {
  assert.equal(compiled.status, 0, 'the guide does not compile (see the type-check test)');
  return import(pathToFileURL(`${OUT}/providers-source.js`).href);
}

/** The guide's sources, pointed at the local API. */
async function sources(options = {}) {
  const { providersSource, providersRestSource } = await guideModule();
  const settings = { baseUrl: origin, apiKey: API_KEY, ...options };
  return { providersSource: providersSource(settings), providersRestSource: providersRestSource(settings) };
}

const search = (source, query, signal = new AbortController().signal) => source.search(query, { signal });

/** A message as the guide shows it: the guide's origin instead of the local server's. */
const asInGuide = (message) => message.replaceAll(origin, GUIDE_ORIGIN);

// ── The guide's text and its code ────────────────────────────────────────────────────────────────

test('every ts and json block of the guide is docs/examples/ word for word', () => {
  const blocks = new Map();
  const fences = [...guide.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)];
  const checked = fences.filter(([, lang]) => lang === 'ts' || lang === 'json');
  assert.ok(checked.length >= 5, `only ${checked.length} ts/json blocks in ${GUIDE}`);
  for (const fence of checked) {
    const before = guide.slice(0, fence.index).trimEnd();
    const marker = /<!-- file: ([\w./-]+) -->$/.exec(before);
    assert.ok(marker, `the block at offset ${fence.index} of ${GUIDE} has no <!-- file: … --> line above it`);
    blocks.set(marker[1], [...(blocks.get(marker[1]) ?? []), fence[2].trimEnd()]);
  }
  assert.deepEqual([...blocks.keys()].sort(), ['page.ts', 'providers-page.json', 'providers-source.ts']);
  for (const [file, parts] of blocks)
    assert.equal(
      parts.join('\n\n') + '\n',
      readFileSync(`${EXAMPLES}/${file}`, 'utf8'),
      `${GUIDE}'s blocks for ${file} differ from ${EXAMPLES}/${file}`,
    );
});

test("the guide's code type-checks against the package's published types (tsc, strict)", () => {
  assert.equal(compiled.error, undefined);
  assert.equal(
    compiled.status,
    0,
    `tsc -p ${EXAMPLES}/tsconfig.json failed (run npm run build first if dist/ is missing):\n${compiled.stdout}${compiled.stderr}`,
  );
});

// ── What it does over HTTP ───────────────────────────────────────────────────────────────────────

test("every record the adapter makes from the API's sample answer is valid", async () => {
  mode = 'ok';
  for (const source of Object.values(await sources())) {
    const result = await search(source, {});
    assert.equal(result.total, page.items.length);
    const { therapists, problems } = parseTherapists(result.records);
    assert.deepEqual(problems, [], `${source.label}: ${JSON.stringify(problems)}`);
    assert.equal(therapists.length, page.items.length);
    assert.deepEqual(therapists.map((t) => t.clientTypes).sort(), [
      ['couple'],
      ['individual'],
      ['individual', 'couple'],
    ]);
  }
});

test('at page load the widget asks for individuals; the API is asked for sees=individuals', async () => {
  mode = 'ok';
  const query = queryFromAnswers({ seeking: 'individual' });
  assert.deepEqual(query, { clientType: 'individual' }); // the query the guide says the widget sends first
  assert.ok(guide.includes("{ clientType: 'individual' }"));
  for (const source of Object.values(await sources())) {
    requests.length = 0;
    const { records } = await search(source, query);
    assert.equal(requests.length, 1);
    assert.deepEqual(Object.fromEntries(requests[0].url.searchParams), { page_size: '500', sees: 'individuals' });
    assert.deepEqual(
      records.map((r) => r.id),
      ['npi-1093817465', 'npi-1548263901'],
    );
  }
});

test('couples get matches: by video in Oregon and in person near Oakland', async () => {
  mode = 'ok';
  const couples = [
    {
      answers: {
        seeking: 'couple',
        concerns: { primary: 'desire-discrepancy' },
        formats: { value: ['telehealth'], importance: 'required' },
        location: { jurisdiction: 'US-OR' },
      },
      params: { page_size: '500', sees: 'couples', video_state: 'OR' },
      ids: ['npi-1326049187'],
    },
    {
      answers: {
        seeking: 'couple',
        concerns: { primary: 'infidelity-recovery' },
        formats: { value: ['in-person'], importance: 'required' },
        location: { lat: 37.81, lng: -122.25, maxDistanceKm: 25, jurisdiction: 'US-CA' },
        acceptingNewClients: { value: true, importance: 'required' },
      },
      params: { page_size: '500', sees: 'couples', accepting: 'true', lat: '37.81', lng: '-122.25', radius_mi: '17' },
      ids: ['npi-1093817465'],
    },
  ];
  for (const source of Object.values(await sources())) {
    for (const { answers, params, ids } of couples) {
      requests.length = 0;
      const result = await search(source, queryFromAnswers(answers));
      assert.deepEqual(Object.fromEntries(requests[0].url.searchParams), params);
      const { therapists, problems } = parseTherapists(result.records);
      assert.deepEqual(problems, []);
      const ranked = rankTherapists(therapists, answers);
      assert.deepEqual(
        ranked.matches.map((m) => m.therapist.id),
        ids,
        `${source.label}, ${JSON.stringify(answers.location)}`,
      );
      assert.ok(ranked.matches.every((m) => m.therapist.clientTypes.includes('couple')));
      // The same records without clientTypes (the old guide's mistake) match no couple at all.
      const withoutClientTypes = therapists.map(({ clientTypes: _, ...rest }) => rest);
      assert.equal(rankTherapists(withoutClientTypes, answers).matches.length, 0);
    }
  }
});

test('a person who accepts both formats: the API is not narrowed by place, so nobody is dropped', async () => {
  mode = 'ok';
  const answers = {
    seeking: 'couple',
    location: { lat: 37.81, lng: -122.25, maxDistanceKm: 25, jurisdiction: 'US-OR' },
  };
  const query = queryFromAnswers(answers);
  assert.ok(query.near && query.jurisdiction);
  for (const source of Object.values(await sources())) {
    requests.length = 0;
    const { records } = await search(source, query);
    assert.deepEqual(Object.fromEntries(requests[0].url.searchParams), { page_size: '500', sees: 'couples' });
    const ranked = rankTherapists(parseTherapists(records).therapists, answers);
    // In person in Oakland (CA) or by video in Oregon: one of each.
    assert.deepEqual(ranked.matches.map((m) => m.therapist.id).sort(), ['npi-1093817465', 'npi-1326049187']);
  }
});

test('a server failure is a SourceError with the message the guide documents', async () => {
  mode = 'down';
  const { providersSource, providersRestSource } = await sources();
  const expected = {
    'by hand': [
      providersSource,
      'Example Directory API answered HTTP 503: the API failed; check its status page, then press Retry',
    ],
    restSource: [
      providersRestSource,
      'Example Directory API answered HTTP 503 Service Unavailable: the server failed: check its logs, then Retry',
    ],
  };
  for (const [name, [source, message]] of Object.entries(expected)) {
    const error = await search(source, { clientType: 'couple' }).then(
      () => assert.fail(`${name} resolved`),
      (e) => e,
    );
    assert.ok(error instanceof SourceError, `${name}: ${error}`);
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 503);
    assert.equal(error.message, message);
    assert.ok(guide.includes(message), `${GUIDE} does not show "${message}"`);
  }
});

test("the hand-written source's other failures: each kind with the guide's message", async () => {
  const cases = [
    { mode: 'ok', options: { apiKey: 'wrong' }, kind: 'http', status: 401 },
    { mode: 'html', kind: 'parse' },
    { mode: 'v1', kind: 'shape' },
    { mode: 'slow', options: { timeoutMs: 100 }, kind: 'timeout' },
    { mode: 'ok', options: { baseUrl: 'http://127.0.0.1:9' }, kind: 'network', guideOrigin: 'http://127.0.0.1:9' },
  ];
  for (const c of cases) {
    mode = c.mode;
    const { providersSource } = await sources(c.options);
    const error = await search(providersSource, {}).then(
      () => assert.fail(`${c.kind}: resolved`),
      (e) => e,
    );
    assert.ok(error instanceof SourceError, String(error));
    assert.equal(error.kind, c.kind, error.message);
    assert.equal(error.status, c.status);
    const shown = asInGuide(error.message)
      .replace(c.guideOrigin ?? '\0', GUIDE_ORIGIN)
      .replace(/within \d+ ms/, 'within 10000 ms');
    assert.ok(guide.includes(shown), `${GUIDE} does not show "${shown}"`);
  }
});

test('an aborted search stops the request and rejects with kind "aborted"', async () => {
  mode = 'slow';
  for (const source of Object.values(await sources())) {
    const controller = new AbortController();
    const pending = search(source, { clientType: 'couple' }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await pending.then(
      () => assert.fail(`${source.label} resolved`),
      (e) => e,
    );
    assert.ok(error instanceof SourceError, String(error));
    assert.equal(error.kind, 'aborted');
    assert.ok(Date.now() - started < 1000, 'the search waited for the server');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(requests.at(-1).abandoned, true, 'the request was left open');
  }
});
