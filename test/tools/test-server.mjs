// Real HTTP endpoints the browser tests talk to, served by the test runner's own server under
// `/test-api/`. Data-source tests use these instead of mocking fetch.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fhirAnswer } from './fhir-server.mjs';

/** A valid, clearly fictional record licensed in `jurisdiction`. */
export function testRecord(id, jurisdiction = 'US-CA', extra = {}) {
  return {
    id,
    name: `Test Therapist ${id}`,
    licenses: [{ type: 'LMFT', jurisdiction }],
    formats: ['telehealth'],
    telehealthJurisdictions: [jurisdiction],
    clientTypes: ['individual', 'couple'],
    concerns: ['desire-discrepancy'],
    ...extra,
  };
}

/** Three good records and four bad ones, each wrong in a way a clinic's file really is. */
const MIXED = [
  testRecord('good-1'),
  { ...testRecord('bad-jurisdiction'), licenses: [{ type: 'LMFT', jurisdiction: 'Atlantis' }] },
  testRecord('good-2'),
  { ...testRecord('no-licence'), licenses: undefined },
  { ...testRecord('bad-location'), formats: ['in-person'], location: { city: 'Oakland', lat: 'north', lng: -122.27 } },
  { ...testRecord('x'), id: undefined },
  testRecord('good-3'),
];

const QUOTED_CSV =
  '\uFEFF' +
  [
    'id,name,licenses,formats,telehealthJurisdictions,languages,bio,location.city,location.lat,location.lng,fees.currency,fees.min,fees.slidingScale,acceptingNewClients',
    'csv-1,"Rivera, Ana",LMFT:US-CA:SAMPLE-1;LCSW:US-OR,in-person;telehealth,US-CA;US-OR,en;es,"Talk therapy for couples.',
    'She says ""no judgement"", ever.",Oakland,37.8044,-122.2712,USD,120,yes,no',
    'csv-2,Ólafur Þórsson,PsyD:US-WA,telehealth,US-WA,,,,,,,,,TRUE',
  ].join('\r\n') +
  '\r\n';

/** A sign-in page with a secret-looking token: never for a visitor's eyes. */
const LOGIN_PAGE =
  '<!doctype html><html><head><title>Sign in to Example Intranet</title></head><body><form method="post"><input type="hidden" name="csrf" value="tok-3f9a"><label>Password <input type="password"></label></form></body></html>';

const counts = new Map();

const FIXTURES = new URL('../sources/fixtures/', import.meta.url);

/** A fixture's text as bytes the way a spreadsheet might save it. */
function encodeFixture(text, encoding = 'utf-8') {
  const utf16be = (buffer) => {
    for (let i = 0; i + 1 < buffer.length; i += 2) [buffer[i], buffer[i + 1]] = [buffer[i + 1], buffer[i]];
    return buffer;
  };
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.from('\uFEFF' + text, 'utf8');
    case 'utf-16le':
      return Buffer.from('\uFEFF' + text, 'utf16le');
    case 'utf-16le-nobom':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return utf16be(Buffer.from('\uFEFF' + text, 'utf16le'));
    case 'utf-16be-nobom':
      return utf16be(Buffer.from(text, 'utf16le'));
    case 'windows-1252':
      // Latin-1 and Windows-1252 agree on every letter the fixtures use.
      return Buffer.from(text, 'latin1');
  }
  throw new Error(`unknown test encoding ${encoding}`);
}

function records(count, prefix, jurisdiction) {
  return Array.from({ length: count }, (_, i) => testRecord(`${prefix}-${i + 1}`, jurisdiction));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function json(ctx, value, status = 200) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(value);
}

export async function testServerMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const route = ctx.path.slice('/test-api/'.length);
  const [name, arg] = route.split('/');
  ctx.set('cache-control', 'no-store');
  switch (name) {
    case 'echo': {
      const body = await readBody(ctx.req);
      return json(ctx, {
        method: ctx.method,
        query: ctx.query,
        body: body ? JSON.parse(body) : null,
        headers: { 'content-type': ctx.get('content-type'), 'x-api-key': ctx.get('x-api-key') },
      });
    }
    case 'therapists':
      return json(ctx, records(Number(ctx.query.count ?? 3), ctx.query.tag ?? 'json'));
    case 'wrapped':
      return json(ctx, { therapists: records(2, 'wrapped'), total: 40 });
    case 'mixed':
      return json(ctx, MIXED);
    case 'status':
      ctx.status = Number(arg);
      ctx.type = 'text/plain';
      ctx.body = `status ${arg}`;
      return;
    case 'invalid-json':
      ctx.type = 'application/json';
      ctx.body = '{"therapists": [{"id": "a",';
      return;
    case 'html':
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Directory</title><p>Welcome</p>';
      return;
    case 'login':
      // A sign-in page where data was expected: with 401, or with 200 as a proxy's redirect ends.
      ctx.status = arg === 'ok' ? 200 : 401;
      ctx.type = 'text/html';
      ctx.body = LOGIN_PAGE;
      return;
    case 'big':
      // A directory of `count` records (500 bytes each), as an array or wrapped in { therapists }.
      return json(
        ctx,
        ctx.query.wrapped
          ? { source: 'test', therapists: records(Number(ctx.query.count ?? 2000), 'big'), total: 1 }
          : records(Number(ctx.query.count ?? 2000), 'big'),
      );
    case 'wrong-shape':
      return json(ctx, { listings: [testRecord('a')], page: 1 });
    case 'slow':
      await delay(Number(ctx.query.ms ?? 3000));
      return json(ctx, records(1, ctx.query.tag ?? 'slow'));
    case 'drop':
      // The connection dies without an answer: the browser sees a network error.
      ctx.req.socket.destroy();
      ctx.respond = false;
      return;
    case 'csv':
      if (arg === 'quoted.csv') {
        ctx.type = 'text/csv; charset=utf-8';
        ctx.body = QUOTED_CSV;
        return;
      }
      if (arg === 'unclosed.csv') {
        ctx.type = 'text/csv';
        ctx.body = 'id,name\nc-1,"Unclosed name\nc-2,Other\n';
        return;
      }
      break;
    case 'file': {
      // /test-api/file/<fixture>[/any/path]?type=<content type>&encoding=<see encodeFixture>&crlf=1:
      // a file from test/sources/fixtures/, served as a spreadsheet or a server might send it.
      let text = readFileSync(new URL(basename(arg), FIXTURES), 'utf8');
      if (ctx.query.crlf) text = text.replace(/\n/g, '\r\n');
      // Set before the body, so Koa neither replaces it nor appends a charset.
      if (ctx.query.type) ctx.set('content-type', ctx.query.type);
      ctx.body = encodeFixture(text, ctx.query.encoding);
      if (!ctx.query.type) ctx.remove('content-type');
      return;
    }
    case 'fhir': {
      // /test-api/fhir/<key>/<dataset>/PractitionerRole: a FHIR server over the fixtures (fhir-server.mjs).
      const answer = fhirAnswer(route.slice('fhir/'.length), ctx.querystring, `${ctx.origin}/test-api`);
      if (answer.delayMs) await delay(answer.delayMs);
      ctx.status = answer.status;
      ctx.type = 'application/fhir+json';
      ctx.body = JSON.stringify(answer.body);
      return;
    }
    case 'counter':
      // Counts requests per key so cache tests can assert on what reached the server.
      counts.set(arg, (counts.get(arg) ?? 0) + 1);
      return json(ctx, records(2, `counted-${ctx.query.jurisdiction ?? 'all'}`));
    case 'count':
      return json(ctx, { count: counts.get(arg) ?? 0 });
    case 'search': {
      // A tiny search API: filters by jurisdiction server-side; `delay` slows the answer.
      if (ctx.query.delay) await delay(Number(ctx.query.delay));
      const jurisdiction = ctx.query.jurisdiction ?? 'US-CA';
      const found = records(2, `search-${jurisdiction}`, jurisdiction);
      ctx.set('x-total-count', '57');
      return json(ctx, found);
    }
  }
  ctx.status = 404;
  ctx.body = 'no such test route';
}
