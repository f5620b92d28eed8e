// `npm start`'s dev server over real HTTP: only the demo's files, on localhost only, and the demo
// API answers malformed paths and parameters with 400, never 500.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';

let child;
let port;

before(async () => {
  child = spawn(process.execPath, ['demo/server/start.mjs'], {
    env: { ...process.env, PORT: '0', HOST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Demo: http:\/\/localhost:(\d+)\/demo\/ \(listening on 127\.0\.0\.1;/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the demo server exited (${code}): ${output}`)));
  });
});
after(() => child?.kill());

/** A GET with the path sent exactly as written (no `..` or `%2e` normalised away). */
function get(path, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the demo pages and the built drop-in are served', async () => {
  const page = await get('/demo/directory.html');
  assert.equal(page.status, 200);
  assert.match(page.body, /<therapist-match/);
  const dropIn = await get('/dist/cdn/therapist-match.js');
  assert.equal(dropIn.status, 200);
  assert.match(dropIn.type, /javascript/);
  assert.equal((await get('/')).status, 302);
});

test('the repository, dotfiles and anything the demo does not need are not served', async () => {
  for (const path of [
    '/.git/HEAD',
    '/.git/config',
    '/%2egit/HEAD',
    '/%2Egit/config',
    '/demo/../.git/HEAD',
    '/demo/%2e%2e/.git/HEAD',
    '/demo/..%2f.git/HEAD',
    '/demo/.hidden',
    '/package.json',
    '/src/index.ts',
    '/node_modules/lit/package.json',
    '/dist/index.js',
    '/.ci/run',
  ]) {
    const { status, body } = await get(path);
    assert.equal(status, 404, `${path} answered ${status}`);
    assert.doesNotMatch(body, /ref:|\[core\]|"name"|import /, path);
  }
});

test('it listens on the loopback interface only', async (t) => {
  const outside = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal);
  if (!outside) return t.skip('this machine has no non-loopback IPv4 address to try');
  await assert.rejects(get('/demo/', outside.address), /ECONNREFUSED/);
});

test('the demo API answers malformed paths and parameters with 400 and a message', async () => {
  for (const path of [
    '/api/therapists/%',
    '/api/therapists/%E0%A4%A',
    '/api/therapists?lat=abc&lng=1&radiusKm=5',
    '/api/therapists?lat=1',
    '/api/therapists?limit=lots',
    '/api/therapists?clientType=pets',
    '/api/therapists?formats=carrier-pigeon',
    '/api/therapists?jurisdiction=%3Cscript%3E',
    '/api/therapists?acceptingNewClients=maybe',
    '/api/therapists?clientType=couple&clientType=individual',
    '/api/therapists?lat=91&lng=0&radiusKm=5',
  ]) {
    const { status, type, body } = await get(path);
    assert.equal(status, 400, `${path} answered ${status}: ${body}`);
    assert.match(type, /application\/json/);
    assert.ok(JSON.parse(body).error.length > 10, path);
  }
  const ok = await get('/api/therapists?clientType=couple&limit=3');
  assert.equal(ok.status, 200);
  assert.equal(JSON.parse(ok.body).therapists.length, 3);
});
