// `npm run bench:browser` (after browser.bench.js): loads a 10,000-record directory into
// <therapist-match> in Debian's Chromium and reports how long the main thread was blocked: tasks
// over 50 ms (PerformanceObserver 'longtask'), the longest of them, and the longest gap of a
// heartbeat timer (which also sees blocks under 50 ms). Then the pieces a directory load is made of,
// each timed as one synchronous block, to show which of them could not be split.
// Serves the tsc output (dist/, `npm run build:lib`) and demo/data through @web/dev-server.
// TM_BENCH_RECORDS (default 10000), TM_BENCH_RUNS (default 5), TM_BENCH_VERBOSE=1 lists every long task.
import { existsSync } from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startDevServer } from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import { generateTherapists } from '../../demo/sample/generate.js';
import { CHROMIUM_ARGS, findBrowsers } from '../../test/tools/browsers.mjs';

const root = resolve(import.meta.dirname, '../..');
const COUNT = Number(process.env.TM_BENCH_RECORDS ?? 10000);
const RUNS = Number(process.env.TM_BENCH_RUNS ?? 5);

/** A couple in San Francisco (as rank.bench.js): several requirements, several preferences. */
const answers = {
  seeking: 'couple',
  ageGroup: 'adult',
  concerns: { primary: 'desire-discrepancy', others: ['communication-about-sex', 'erectile-concerns'] },
  preferences: {
    therapistGender: { value: ['woman', 'non-binary'], importance: 'required' },
    languages: { value: ['es'], importance: 'preferred' },
  },
  formats: { value: ['in-person', 'telehealth'], importance: 'required' },
  location: { lat: 37.7749, lng: -122.4194, maxDistanceKm: 40, jurisdiction: 'US-CA' },
  budget: { value: { max: 180, currency: 'USD' }, importance: 'preferred' },
  acceptingNewClients: { value: true, importance: 'required' },
};

if (!existsSync(join(root, 'dist/define.js'))) {
  console.error('dist/ is missing: run `npm run build:lib` first (npm run bench:browser does).');
  process.exit(1);
}

// A fresh directory of the requested size (the demo's 10k file is gitignored and may be absent).
const dataDir = join(root, '.test-results');
await mkdir(dataDir, { recursive: true });
const dataFile = `bench-directory-${COUNT}.json`;
const directoryJson = JSON.stringify(generateTherapists(COUNT, 20261123));
await writeFile(join(dataDir, dataFile), directoryJson);

const page = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>therapist-match load bench</title></head>
  <body><main></main>
    <script type="module">
      import '/dist/define.js';
      window.benchReady = true;
    </script>
  </body>
</html>`;

const server = await startDevServer({
  config: {
    rootDir: root,
    port: 0,
    nodeResolve: true,
    middleware: [
      (ctx, next) => {
        if (ctx.path !== '/bench.html') return next();
        ctx.type = 'text/html';
        ctx.body = page;
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const base = `http://localhost:${server.server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: findBrowsers().chromium ?? '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});

/**
 * A page without puppeteer's network instrumentation: with it, DevTools keeps a decoded copy of
 * every response body, a long task of its own (about 120 ms for the 14 MB file) that a visitor's
 * browser never runs.
 */
async function newPage() {
  const tab = await browser.newPage();
  await tab._client().send('Network.disable');
  return tab;
}

/**
 * One fresh page: the element loads the directory and shows results for `answers` (restored from
 * the session). Tasks are split at the moment the directory's records are validated (the root's
 * DirectoryController becomes ready): before it, fetching, decoding, parsing and validating
 * (src/sources, records.ts); from it, indexing, ranking and rendering the results.
 */
async function loadIntoElement() {
  const tab = await newPage();
  await tab.goto(`${base}/bench.html`);
  await tab.waitForFunction(() => window.benchReady === true);
  const result = await tab.evaluate(
    async (src, answers) => {
      sessionStorage.setItem('therapist-match', JSON.stringify({ v: 1, answers, step: 'practical', view: 'results' }));
      const longTasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
      });
      observer.observe({ type: 'longtask' });
      // A heartbeat: the gaps between its beats are the blocks, however short.
      let last = performance.now();
      const gaps = [];
      let beating = true;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const now = performance.now();
        gaps.push({ start: last, duration: now - last });
        last = now;
        if (beating) setTimeout(() => channel.port2.postMessage(0), 0);
      };
      channel.port2.postMessage(0);

      const started = performance.now();
      const el = document.createElement('therapist-match');
      // The moment the records are validated: a bench may look at the private controller.
      let validatedAt = Infinity;
      const directory = el.directory;
      const set = directory.set.bind(directory);
      directory.set = (state) => {
        if (state.status === 'ready' && validatedAt === Infinity) validatedAt = performance.now();
        set(state);
      };
      el.setAttribute('persist', 'session');
      el.setAttribute('src', src);
      document.querySelector('main').append(el);
      const shown = () => {
        const results = el.shadowRoot?.querySelector('tm-results');
        return results?.state === 'ready' && results.shadowRoot?.querySelector('tm-match-card') ? true : results?.state;
      };
      let state;
      while ((state = shown()) !== true) {
        if (state === 'error') throw new Error('the element shows its error state');
        if (performance.now() - started > 60_000) throw new Error('no results after 60 s');
        await new Promise((done) => setTimeout(done, 5));
      }
      const toResults = performance.now() - started;
      // Let anything still queued (a last render) finish inside the window.
      await new Promise((done) => setTimeout(done, 300));
      beating = false;
      observer.disconnect();
      /** Blocks before validation ended, the one it ended in counted up to that moment. */
      const before = (blocks) =>
        blocks
          .filter((b) => b.start >= started && b.start < validatedAt)
          .map((b) => Math.min(b.duration, validatedAt - b.start));
      const after = (blocks) => blocks.filter((b) => b.start + b.duration > validatedAt).map((b) => b.duration);
      return {
        toResults,
        toValidated: validatedAt - started,
        // Each long task as [start after the element was created, duration], for TM_BENCH_VERBOSE.
        tasks: longTasks.map((task) => [Math.round(task.start - started), Math.round(task.duration)]),
        load: { longTasks: before(longTasks).filter((d) => d > 50), gaps: before(gaps) },
        results: { longTasks: after(longTasks), gaps: after(gaps) },
      };
    },
    `/.test-results/${dataFile}`,
    answers,
  );
  await tab.close();
  return result;
}

/** The pieces of a load, each timed as one synchronous block in the page. */
async function pieces() {
  const tab = await newPage();
  await tab.goto(`${base}/bench.html`);
  await tab.waitForFunction(() => window.benchReady === true);
  const result = await tab.evaluate(async (src) => {
    const { parseTherapists } = await import('/dist/engine/schema.js');
    const bytes = await (await fetch(src)).arrayBuffer();
    const time = (fn) => {
      const start = performance.now();
      const value = fn();
      return [performance.now() - start, value];
    };
    const [decode, text] = time(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const [parse, json] = time(() => JSON.parse(text));
    const [responseJson] = await (async () => {
      const response = new Response(bytes);
      const start = performance.now();
      await response.json();
      return [performance.now() - start];
    })();
    const [validate] = time(() => parseTherapists(json));
    // The widget's own steps, where this build has them: tasks over 50 ms while each runs.
    const longTasksWhile = async (run) => {
      const durations = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const start = performance.now();
      await run();
      const total = performance.now() - start;
      await new Promise((done) => setTimeout(done, 100));
      observer.disconnect();
      return { total, count: durations.length, longest: Math.max(0, ...durations) };
    };
    const http = await import('/dist/sources/http.js');
    const { validateTherapists } = await import('/dist/engine/records.js');
    const sliced = {
      parse: http.jsonOf
        ? await longTasksWhile(() => http.jsonOf(new http.ResponseBody(bytes), new Response(''), 'bench'))
        : undefined,
      validate: await longTasksWhile(() => validateTherapists(json)),
    };
    return { megabytes: bytes.byteLength / 1024 / 1024, decode, parse, responseJson, validate, sliced };
  }, `/.test-results/${dataFile}`);
  await tab.close();
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;
const longest = (values) => (values.length ? Math.max(...values) : 0);

try {
  const runs = [];
  for (let k = 0; k < RUNS; k++) runs.push(await loadIntoElement());
  const piece = await pieces();
  console.log(
    `\nLoading ${COUNT.toLocaleString('en')} records (${piece.megabytes.toFixed(1)} MB of JSON) into <therapist-match> until results show, Chromium, ${RUNS} fresh pages.`,
  );
  console.log(
    'Fetch, decode, parse and validate end when the records are validated; indexing, ranking and rendering follow.\n',
  );
  console.log(
    '| run | to validated | to results | fetch→validated: tasks > 50 ms | longest task | longest wait of a 0 ms timer | index, rank, render: longest task |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const row = (name, r) =>
    `| ${name} | ${ms(r.toValidated)} | ${ms(r.toResults)} | ${r.load.longTasks.length} | ${r.load.longTasks.length ? ms(longest(r.load.longTasks)) : 'none'} | ${ms(longest(r.load.gaps))} | ${ms(longest(r.results.longTasks))} |`;
  runs.forEach((run, k) => console.log(row(String(k + 1), run)));
  if (process.env.TM_BENCH_VERBOSE)
    runs.forEach((run, k) =>
      console.log(
        `run ${k + 1}: validated at ${Math.round(run.toValidated)} ms; long tasks [start, ms]: ${JSON.stringify(run.tasks)}`,
      ),
    );
  const mid = (pick) => median(runs.map(pick));
  console.log(
    `| median | ${ms(mid((r) => r.toValidated))} | ${ms(mid((r) => r.toResults))} | ${mid((r) => r.load.longTasks.length)} | ${ms(mid((r) => longest(r.load.longTasks)))} | ${ms(mid((r) => longest(r.load.gaps)))} | ${ms(mid((r) => longest(r.results.longTasks)))} |`,
  );
  console.log('\nEach piece as one synchronous block in the page, for comparison:\n');
  console.log(`| TextDecoder (UTF-8) | JSON.parse | Response.json() | parseTherapists (sync) |`);
  console.log('| ---: | ---: | ---: | ---: |');
  console.log(`| ${ms(piece.decode)} | ${ms(piece.parse)} | ${ms(piece.responseJson)} | ${ms(piece.validate)} |`);
  console.log('\nThe widget’s own steps alone (total time; tasks over 50 ms, the longest):\n');
  console.log('| step | total | tasks > 50 ms | longest |');
  console.log('| --- | ---: | ---: | ---: |');
  const step = (name, r) =>
    r && console.log(`| ${name} | ${ms(r.total)} | ${r.count} | ${r.count ? ms(r.longest) : 'none'} |`);
  step('decode + JSON (`jsonOf`)', piece.sliced.parse);
  step('validate (`validateTherapists`)', piece.sliced.validate);
} finally {
  await browser.close();
  await server.stop();
}
