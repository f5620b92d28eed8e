// `npm run screenshots`: PNGs of every quiz step and the results at 375 px and 1280 px (plus one
// phone screen of the concerns step, and the results sorted by distance with a quick filter), the theme
// gallery, the directory checker with a problem file, and the embed builder, taken with Debian's Chromium from the
// built CDN files, into screenshots/ (gitignored). No network but localhost.
// `node scripts/screenshots.mjs checker` takes only the checker's (after a build), `builder` only the
// embed builder's, `readme` only the README's picture of the results (docs/images/results.png).
import { createServer } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowsers } from '../test/tools/browsers.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'screenshots');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>therapist-match screenshots</title>
    <link rel="stylesheet" href="/demo/demo.css" />
    <script type="module" src="/dist/cdn/therapist-match.js"></script>
  </head>
  <body>
    <main><therapist-match src="/demo/data/therapists.json"></therapist-match></main>
  </body>
</html>`;

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  if (path === '/' || path === '/screens.html') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    return;
  }
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: findBrowsers().chromium ?? '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});

/** Waits until the quiz shows `selector` (a later step's controls arrive with its chunk). */
function quizControl(tab, selector) {
  return tab.waitForFunction(
    (s) =>
      document.querySelector('therapist-match')?.shadowRoot?.querySelector('tm-quiz')?.shadowRoot?.querySelector(s),
    {},
    selector,
  );
}

/** Runs `fn(quizShadowRoot, rootShadowRoot)` in the page and waits for rendering to settle. */
async function inQuiz(tab, fn, arg) {
  await tab.evaluate(
    async (source, arg) => {
      const el = document.querySelector('therapist-match');
      const quiz = el.shadowRoot.querySelector('tm-quiz');
      await new Function('quiz', 'root', 'arg', `return (${source})(quiz, root, arg)`)(
        quiz?.shadowRoot,
        el.shadowRoot,
        arg,
      );
      await el.updateComplete;
      await el.shadowRoot.querySelector('tm-quiz')?.updateComplete;
    },
    fn.toString(),
    arg,
  );
}

const steps = [
  ['1-who', ['input[value="couple"]', 'input[value="adult"]']],
  ['2-concerns', ['input[value="desire-discrepancy"]', 'input[value="erectile-concerns"]']],
  ['3-comfort', ['input[value="woman"]', 'input[value="lgbtq"]']],
  ['4-partner', ['input[value="non-binary"]']],
  ['5-practical', ['input[value="in-person"]', 'input[value="sliding-scale"]']],
];

await mkdir(out, { recursive: true });
let written = 0;
const only = process.argv[2];
const readme = only === 'readme';
try {
  for (const width of readme ? [1280] : only && only !== 'quiz' ? [] : [375, 1280]) {
    const tab = await browser.newPage();
    await tab.setViewport({ width, height: 900 });
    const problems = [];
    tab.on('pageerror', (error) => problems.push(error.message));
    await tab.goto(`${base}/screens.html`, { waitUntil: 'networkidle0' });
    // The first step is on screen (the later steps, and with them the directory's places, load once
    // the person starts answering).
    await quizControl(tab, 'input[value="couple"]');
    for (const [name, selectors] of steps) {
      for (const selector of selectors) {
        await quizControl(tab, selector);
        await inQuiz(tab, (quiz, _r, s) => quiz.querySelector(s).click(), selector);
      }
      if (name === '1-who') {
        // Where the person is, asked first: typing starts the answering, the directory's places
        // arrive with the later steps, and the place is found on the page.
        await inQuiz(tab, (quiz) => {
          const place = quiz.querySelector('#place');
          place.value = '10011';
          place.dispatchEvent(new Event('input'));
        });
        await tab.waitForFunction(
          () => document.querySelector('therapist-match').shadowRoot.querySelector('tm-quiz').places.length > 0,
        );
        await inQuiz(tab, (quiz) => quiz.querySelector('#place').dispatchEvent(new Event('change')));
      }
      if (name === '5-practical')
        await inQuiz(tab, (quiz) => {
          const budget = quiz.querySelector('#budget');
          budget.value = '150';
          budget.dispatchEvent(new Event('change'));
        });
      if (!readme) await tab.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
      written += readme ? 0 : 1;
      if (!readme && name === '2-concerns' && width === 375) {
        // One phone screen (375 × 667) at the top of the step: Next stays on screen (sticky).
        await tab.setViewport({ width, height: 667 });
        await tab.evaluate(() => window.scrollTo(0, document.querySelector('therapist-match').offsetTop));
        await tab.screenshot({ path: join(out, '2-concerns-375-screen.png') });
        await tab.setViewport({ width, height: 900 });
        written++;
      }
      await inQuiz(tab, (quiz) => quiz.querySelector('button[type="submit"]').click());
    }
    await tab.waitForFunction(
      () => document.querySelector('therapist-match').shadowRoot.querySelector('tm-results')?.state === 'ready',
    );
    await new Promise((done) => setTimeout(done, 300)); // photos fall back to initials
    // The top of the list: the whole list is many screens long.
    const height = Math.min(await tab.evaluate(() => document.documentElement.scrollHeight), readme ? 1000 : 2200);
    await tab.screenshot({
      path: readme ? join(root, 'docs/images/results.png') : join(out, `6-results-${width}.png`),
      clip: { x: 0, y: 0, width, height },
      captureBeyondViewport: true,
    });
    written++;
    if (!readme) {
      // The same results sorted by distance and narrowed to sliding-scale fees, without asking again.
      await tab.evaluate(async () => {
        const results = document.querySelector('therapist-match').shadowRoot.querySelector('tm-results');
        const select = results.shadowRoot.querySelector('[part~="tools"] select');
        select.value = 'nearest';
        select.dispatchEvent(new Event('change'));
        await results.updateComplete;
        results.shadowRoot.querySelectorAll('[part~="tools"] input[type="checkbox"]')[3].click();
        await results.updateComplete;
      });
      await new Promise((done) => setTimeout(done, 300));
      await tab.screenshot({
        path: join(out, `7-results-arranged-${width}.png`),
        clip: {
          x: 0,
          y: 0,
          width,
          height: Math.min(await tab.evaluate(() => document.documentElement.scrollHeight), 2200),
        },
        captureBeyondViewport: true,
      });
      written++;
    }
    if (problems.length) throw new Error(`page errors at ${width}px:\n${problems.join('\n')}`);
    await tab.close();
  }
  // Each theme of the gallery (demo/themes/): its first step, then its results after Next to the end.
  for (const theme of only && only !== 'themes' ? [] : ['clinic', 'directory', 'high-contrast', 'dark']) {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    await tab.goto(`${base}/demo/themes/${theme}.html`, { waitUntil: 'networkidle0' });
    // The first step is on screen (the later steps, and with them the directory's places, load once
    // the person starts answering).
    await quizControl(tab, 'input[value="couple"]');
    await tab.screenshot({ path: join(out, `theme-${theme}-quiz.png`), fullPage: true });
    for (const [, selectors] of steps) {
      for (const selector of selectors) {
        await quizControl(tab, selector);
        await inQuiz(tab, (quiz, _r, s) => quiz.querySelector(s).click(), selector);
      }
      await inQuiz(tab, (quiz) => quiz.querySelector('button[type="submit"]').click());
    }
    await tab.waitForFunction(
      () => document.querySelector('therapist-match').shadowRoot.querySelector('tm-results')?.state === 'ready',
    );
    await new Promise((done) => setTimeout(done, 300));
    await tab.screenshot({
      path: join(out, `theme-${theme}-results.png`),
      clip: { x: 0, y: 0, width: 1280, height: 1400 },
    });
    written += 2;
    await tab.close();
  }
  // The directory checker (demo/check.html) after picking the demo's problem file.
  for (const width of only && only !== 'checker' ? [] : [1280, 375]) {
    const tab = await browser.newPage();
    await tab.setViewport({ width, height: 900 });
    const problems = [];
    tab.on('pageerror', (error) => problems.push(error.message));
    await tab.goto(`${base}/demo/check.html`, { waitUntil: 'networkidle0' });
    const input = await tab.waitForFunction(() =>
      document.querySelector('tm-directory-check')?.shadowRoot?.querySelector('input[type="file"]'),
    );
    await input.uploadFile(join(root, 'demo/data/directory-with-problems.csv'));
    await tab.waitForFunction(() =>
      document
        .querySelector('tm-directory-check')
        .shadowRoot.querySelector('[role="status"]')
        ?.textContent.startsWith('Checked'),
    );
    await new Promise((done) => setTimeout(done, 300));
    await tab.screenshot({ path: join(out, `checker-${width}.png`), fullPage: true });
    written++;
    if (problems.length) throw new Error(`page errors on the checker at ${width}px:\n${problems.join('\n')}`);
    await tab.close();
  }
  // The embed builder (demo/builder.html) with a few choices made: video only, an own safety note
  // with a link, a brand colour and rounder corners.
  for (const width of only && only !== 'builder' ? [] : [1280, 375]) {
    const tab = await browser.newPage();
    await tab.setViewport({ width, height: 900 });
    const problems = [];
    tab.on('pageerror', (error) => problems.push(error.message));
    await tab.goto(`${base}/demo/builder.html`, { waitUntil: 'networkidle0' });
    await tab.evaluate(() => {
      const pick = (selector) => document.querySelector(selector).click();
      const type = (selector, value, event = 'change') => {
        const input = document.querySelector(selector);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event(event, { bubbles: true }));
      };
      pick('input[name="format"][value="telehealth"]');
      pick('input[name="safety"][value="own"]');
      type('#safety-text', 'In danger now? Call 911, or');
      type('#safety-link', 'tel:988');
      type('#safety-link-text', 'call or text 988');
      type('#colour-primary', '#7a1f5c');
      type('#radius', '14');
    });
    await tab.waitForFunction(() =>
      document
        .querySelector('therapist-match')
        ?.shadowRoot?.querySelector('tm-quiz')
        ?.shadowRoot?.querySelector('[part~="next"]'),
    );
    await new Promise((done) => setTimeout(done, 300));
    await tab.screenshot({ path: join(out, `builder-${width}.png`), fullPage: true });
    written++;
    if (problems.length) throw new Error(`page errors on the builder at ${width}px:\n${problems.join('\n')}`);
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${written} screenshots in ${out}`);
