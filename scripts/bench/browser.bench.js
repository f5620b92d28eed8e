// `npm run bench:browser`: the drop-in (dist/cdn/therapist-match.js, as a site embeds it) in
// Debian's Chromium, at full speed and with the CPU throttled 4× (CDP
// Emulation.setCPUThrottlingRate), for the demo directory (300 records) and a generated 10,000:
// - script → quiz visible: from the moment the drop-in's file has arrived to the quiz's first
//   question on screen (and from navigation start, for context);
// - the longest task before the quiz is visible, and during the whole load (until the directory is
//   read, checked and indexed and the page has been quiet for a second), from PerformanceObserver
//   'longtask';
// - "Show my matches" → cards painted: from the click to the frame after the first match card is in
//   the results (a requestAnimationFrame then a task: the paint has happened).
// Fresh page for every run. TM_BENCH_RUNS (default 5) runs per row. TM_BENCH_COMPARE=path/to/dist
// (a copy of another build inside the project, e.g. under .test-results/) runs that build too,
// page by page in turn with this one, so a machine whose speed drifts slows both alike. Prints the
// machine and the targets with PASS/FAIL; never fails on timing.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startDevServer } from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import { generateTherapists } from '../../demo/sample/generate.js';
import { CHROMIUM_ARGS, findBrowsers } from '../../test/tools/browsers.mjs';

const root = resolve(import.meta.dirname, '../..');
const BUILDS = [join(root, 'dist'), ...(process.env.TM_BENCH_COMPARE ? [resolve(process.env.TM_BENCH_COMPARE)] : [])];
const RUNS = Number(process.env.TM_BENCH_RUNS ?? 5);
for (const dist of BUILDS) {
  if (!existsSync(join(dist, 'cdn/therapist-match.js'))) {
    console.error(
      `${dist}/cdn/therapist-match.js is missing: run \`npm run build\` first (npm run bench:browser does).`,
    );
    process.exit(1);
  }
  if (!dist.startsWith(`${root}/`)) {
    console.error('TM_BENCH_COMPARE must be inside the project folder (copy the other build under .test-results/).');
    process.exit(1);
  }
}

const dataDir = join(root, '.test-results');
await mkdir(dataDir, { recursive: true });
await writeFile(join(dataDir, 'bench-directory-10000.json'), JSON.stringify(generateTherapists(10000, 20261123)));
const DIRECTORIES = {
  'demo (300 records)': '/demo/data/therapists.json',
  '10,000 records': '/.test-results/bench-directory-10000.json',
};

/** Answers up to the last step (restored from the session), so one click shows the results. */
const answers = {
  seeking: 'individual',
  ageGroup: 'adult',
  concerns: { primary: 'low-desire', others: ['performance-anxiety'] },
  preferences: { therapistGender: { value: ['woman'], importance: 'preferred' } },
  formats: { value: ['in-person', 'telehealth'], importance: 'preferred' },
  location: { lat: 37.7749, lng: -122.4194, maxDistanceKm: 40, jurisdiction: 'US-CA' },
  acceptingNewClients: { value: true, importance: 'required' },
};

const page = (src, build) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>therapist-match browser bench</title>
    <script>
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    </script>
    <script type="module" src="/build${build}/cdn/therapist-match.js"></script>
  </head>
  <body>
    <main><therapist-match persist="session" src="${src}"></therapist-match></main>
  </body>
</html>`;

const server = await startDevServer({
  config: {
    rootDir: root,
    port: 0,
    middleware: [
      (ctx, next) => {
        if (ctx.path === '/bench.html') {
          ctx.type = 'text/html';
          ctx.body = page(String(ctx.query.src), Number(ctx.query.build));
          return;
        }
        // Each build under test at /build<n>/.
        const build = /^\/build(\d+)(\/.*)$/.exec(ctx.path);
        if (build) ctx.path = `/${join(BUILDS[Number(build[1])], build[2]).slice(root.length + 1)}`;
        return next();
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
  // Without it DevTools (puppeteer's own session) keeps a decoded copy of every response: for the
  // 13.5 MB directory a 100–200 ms task on the page's main thread that a visitor never runs.
  networkEnabled: false,
});

async function run(src, rate, build) {
  const tab = await browser.newPage();
  const cdp = await tab.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await tab.evaluateOnNewDocument(
    (snapshot) => {
      sessionStorage.setItem('therapist-match', snapshot);
    },
    JSON.stringify({ v: 1, answers, step: 'practical', view: 'quiz' }),
  );
  await tab.goto(`${base}/bench.html?build=${build}&src=${encodeURIComponent(src)}`);
  const result = await tab.evaluate(async () => {
    const el = document.querySelector('therapist-match');
    const deep = (root, selector) => {
      const found = root.querySelector(selector);
      if (found) return found;
      for (const host of root.querySelectorAll('*')) {
        const inner = host.shadowRoot && deep(host.shadowRoot, selector);
        if (inner) return inner;
      }
      return null;
    };
    const showButton = () =>
      [...(el.shadowRoot?.querySelector('tm-quiz')?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
        /Show my matches/.test(b.textContent),
      );
    const until = async (test, what) => {
      const start = performance.now();
      for (;;) {
        const value = test();
        if (value) return value;
        if (performance.now() - start > 60_000) throw new Error(`no ${what} after 60 s`);
        await new Promise((done) => requestAnimationFrame(done));
      }
    };
    // The quiz is visible when its step's question (a legend or heading) is laid out.
    await until(() => {
      const quiz = el.shadowRoot?.querySelector('tm-quiz');
      const q = quiz?.shadowRoot?.querySelector('legend, h2, h3, fieldset');
      return q && q.getBoundingClientRect().height > 0;
    }, 'quiz');
    const quizVisible = performance.now();
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/cdn/therapist-match.js'));
    // The data: read and checked, the engine loaded, then a quiet second (the index builds in idle time).
    await until(() => el.directory?.state?.status === 'ready' && showButton() && !showButton().disabled, 'directory');
    let quietSince = performance.now();
    let seen = window.longTasks.length;
    while (performance.now() - quietSince < 1000) {
      await new Promise((done) => setTimeout(done, 100));
      if (window.longTasks.length !== seen) [seen, quietSince] = [window.longTasks.length, performance.now()];
    }
    const loaded = performance.now();
    const tasksBefore = window.longTasks.filter((t) => t.start < quizVisible);
    const tasksLoad = window.longTasks.filter((t) => t.start < loaded);
    const clickTasksFrom = window.longTasks.length;
    const clicked = performance.now();
    showButton().click();
    await until(() => deep(el.shadowRoot, 'tm-match-card'), 'match card');
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const painted = performance.now();
    await new Promise((done) => setTimeout(done, 200));
    const longest = (tasks) => Math.max(0, ...tasks.map((t) => t.duration));
    return {
      fromNavigation: quizVisible,
      fromScript: script ? quizVisible - script.responseEnd : NaN,
      longestBeforeQuiz: longest(tasksBefore),
      longestLoad: longest(tasksLoad),
      toCards: painted - clicked,
      longestAfterClick: longest(window.longTasks.slice(clickTasksFrom)),
    };
  });
  await tab.close();
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)}` : '—');
const cpu = cpus();
const buildName = (k) => BUILDS[k].slice(root.length + 1);
console.log(
  `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}, ${await browser.version()} (headless); builds: ${BUILDS.map((_, k) => buildName(k)).join(' and ')}${BUILDS.length > 1 ? ', page by page in turn' : ''}`,
);
console.log(`Median of ${RUNS} fresh pages; ms.\n`);
console.log(
  '| build | directory | CPU | script → quiz visible | navigation → quiz visible | longest task before the quiz | longest task during load | "Show my matches" → cards painted | longest task after the click |',
);
console.log('|---|---|---|---:|---:|---:|---:|---:|---:|');
const rows = [];
try {
  for (const [name, src] of Object.entries(DIRECTORIES))
    for (const rate of [1, 4]) {
      const runs = BUILDS.map(() => []);
      for (let k = 0; k < RUNS; k++)
        for (let b = 0; b < BUILDS.length; b++) {
          const build = (b + k) % BUILDS.length; // alternate which build goes first
          const started = performance.now();
          runs[build].push(await run(src, rate, build));
          if (process.env.TM_BENCH_VERBOSE)
            console.error(`${buildName(build)} ${name} ${rate}×: ${(performance.now() - started).toFixed(0)} ms`);
        }
      for (let b = 0; b < BUILDS.length; b++) {
        const m = (key) => median(runs[b].map((r) => r[key]));
        const row = {
          build: b,
          name,
          rate,
          ...Object.fromEntries(Object.keys(runs[b][0]).map((key) => [key, m(key)])),
        };
        rows.push(row);
        console.log(
          `| ${buildName(b)} | ${name} | ${rate === 1 ? 'full speed' : `${rate}× slower`} | ${ms(row.fromScript)} | ${ms(row.fromNavigation)} | ${ms(row.longestBeforeQuiz)} | ${ms(row.longestLoad)} | ${ms(row.toCards)} | ${ms(row.longestAfterClick)} |`,
        );
      }
    }
} finally {
  await browser.close();
  await server.stop();
}

console.log(`\n| target (issue 12, full speed; build ${buildName(0)}) | this run | |`);
console.log('|---|---:|---|');
for (const row of rows.filter((r) => r.rate === 1 && r.build === 0)) {
  const before = row.longestBeforeQuiz;
  console.log(
    `| ${row.name}: no task over 50 ms before the quiz is usable | ${ms(before)} ms | ${before <= 50 ? 'PASS' : 'FAIL'} |`,
  );
}
const big = rows.find((r) => r.rate === 1 && r.build === 0 && r.name.startsWith('10,000'));
if (big)
  console.log(
    `| 10,000 records: cards painted ≤ 100 ms after the click | ${ms(big.toCards)} ms | ${big.toCards <= 100 ? 'PASS' : 'FAIL'} |`,
  );
console.log(
  `\nLoad average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}.`,
);
