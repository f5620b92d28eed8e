// `npm run size`: raw, gzipped and brotli bytes of the drop-in as a browser downloads it, grouped by
// when a visitor's browser asks for each file, with the budgets `.ci/run` enforces:
// - the main file (dist/cdn/therapist-match.js): what every page that embeds the widget loads;
// - a first visit: a page with `<therapist-match src="….json">` in English, up to a usable quiz with
//   its directory read and checked (the main file, the file reader and the record check);
// - once the person starts answering: the later quiz steps, the ranking engine and the results view;
// - on demand: Spanish, the CSV reader, zod to explain invalid records, the option readers, ….
// The FHIR source (dist/cdn/fhir.js, a page imports it beside the main file) is measured on its own:
// fhir.js, its reader chunk and what they load that the main file does not hold.
// Which chunk a file is comes from the build's own import graph (each chunk's static imports), not
// from a list kept here. The directory checker (dist/cdn/check.js) is a separate build with its own
// budget; it never counts towards the widget's.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const DIR = 'dist/cdn';
const FILE = 'therapist-match.js';
const MAIN_BUDGET = 20000; // gzipped bytes of the main file
const FIRST_VISIT_BUDGET = 30000; // gzipped bytes of a first visit in English
const FHIR = 'fhir.js';
const FHIR_BUDGET = 16000; // gzipped bytes fhirSource adds to a page: fhir.js, its reader and the HTTP code
const CHECKER = 'check.js';
const CHECKER_BUDGET = 55000; // gzipped bytes of check.js (it carries the whole engine: reading, rules, ranking)

if (!existsSync(join(DIR, FILE))) {
  console.error(`${join(DIR, FILE)} does not exist: run \`npm run build\` first.`);
  process.exit(1);
}
const measure = (file) => {
  const raw = readFileSync(join(DIR, file));
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: brotliCompressSync(raw).length };
};
const n = (value) => value.toLocaleString('en').padStart(8);
const chunks = existsSync(join(DIR, 'chunks'))
  ? readdirSync(join(DIR, 'chunks'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `chunks/${f}`)
  : [];

/** A file and every file it imports statically (what the browser fetches before running it). */
function withStaticImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(DIR, file), 'utf8');
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  for (const [, path] of code.matchAll(
    /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
  )) {
    const resolved = new URL(path, `file:///${base}`).pathname.slice(1);
    if (resolved !== FILE) withStaticImports(resolved, seen);
  }
  return seen;
}
const chunkNamed = (name) => chunks.find((file) => file.startsWith(`chunks/${name}-`));
const group = (names) => {
  const files = new Set();
  for (const name of names) {
    const chunk = chunkNamed(name);
    if (!chunk) throw new Error(`no chunks/${name}-*.js in the build: update scripts/size.mjs`);
    for (const file of withStaticImports(chunk)) files.add(file);
  }
  return files;
};

const main = measure(FILE);
const start = group(['from-src', 'record-check']);
const fhirFiles = existsSync(join(DIR, FHIR))
  ? new Set([...withStaticImports(FHIR), ...group(['fhir-reader'])].filter((f) => f !== FILE))
  : new Set();
const answering = new Set([...group(['later-steps', 'rank', 'results-view'])].filter((f) => !start.has(f)));
const widgetChunks = chunks.filter((f) => !f.startsWith('chunks/check-'));
const onDemand = widgetChunks.filter((f) => !start.has(f) && !answering.has(f) && !fhirFiles.has(f));

console.log(`${'file'.padEnd(48)}      raw     gzip   brotli`);
console.log(`${FILE.padEnd(48)} ${n(main.raw)} ${n(main.gzip)} ${n(main.brotli)}`);
const total = (files, label) => {
  let gzip = 0;
  for (const file of [...files].sort()) {
    const size = measure(file);
    gzip += size.gzip;
    console.log(`${`  ${label}: ${file}`.padEnd(48)} ${n(size.raw)} ${n(size.gzip)} ${n(size.brotli)}`);
  }
  return gzip;
};
const firstVisit = main.gzip + total(start, 'first visit');
const throughResults = firstVisit + total(answering, 'answering');
total(onDemand, 'on demand');

console.log(
  `\nmain file: ${main.gzip.toLocaleString('en')} gzipped bytes (budget ${MAIN_BUDGET.toLocaleString('en')})`,
);
console.log(
  `first visit in English with a JSON directory (main + file reader + record check): ${firstVisit.toLocaleString('en')} gzipped bytes (budget ${FIRST_VISIT_BUDGET.toLocaleString('en')})`,
);
console.log(
  `through to the results (+ later steps, engine, results view, loaded once the person starts answering): ${throughResults.toLocaleString('en')} gzipped bytes`,
);
let failed = false;
if (fhirFiles.size) {
  console.log('');
  const fhir = total(fhirFiles, 'fhirSource');
  console.log(
    `FHIR source (fhir.js, its reader and the HTTP code it shares with the file reader; on top of the main file): ${fhir.toLocaleString('en')} gzipped bytes (budget ${FHIR_BUDGET.toLocaleString('en')})`,
  );
  if (fhir > FHIR_BUDGET) {
    console.error(`The FHIR source is over budget by ${(fhir - FHIR_BUDGET).toLocaleString('en')} gzipped bytes.`);
    failed = true;
  }
}
if (main.gzip > MAIN_BUDGET) {
  console.error(`The main file is over budget by ${(main.gzip - MAIN_BUDGET).toLocaleString('en')} gzipped bytes.`);
  failed = true;
}
if (firstVisit > FIRST_VISIT_BUDGET) {
  console.error(
    `A first visit is over budget by ${(firstVisit - FIRST_VISIT_BUDGET).toLocaleString('en')} gzipped bytes.`,
  );
  failed = true;
}

if (existsSync(join(DIR, CHECKER))) {
  const checker = measure(CHECKER);
  console.log(`\n${CHECKER.padEnd(48)} ${n(checker.raw)} ${n(checker.gzip)} ${n(checker.brotli)}`);
  total(
    chunks.filter((f) => f.startsWith('chunks/check-')),
    'on demand',
  );
  console.log(
    `directory checker: ${checker.gzip.toLocaleString('en')} gzipped bytes (budget ${CHECKER_BUDGET.toLocaleString('en')}; not part of the widget)`,
  );
  if (checker.gzip > CHECKER_BUDGET) {
    console.error(
      `The checker is over budget by ${(checker.gzip - CHECKER_BUDGET).toLocaleString('en')} gzipped bytes.`,
    );
    failed = true;
  }
}
if (failed) process.exit(1);
