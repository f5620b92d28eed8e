// `npm run size`: raw and gzipped bytes of the CDN file as a browser downloads it, and of each
// chunk beside it; fails when the main file is over budget. Chunks are of two kinds: the results
// view and the ranking engine load at start, in parallel with the directory data; Spanish, the CSV
// reader and zod (to explain invalid records) load only when a page needs them. The directory
// checker (dist/cdn/check.js, demo/check.html) is a separate build with its own check-* chunks and
// its own budget; it never counts towards the widget's.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const FILE = 'dist/cdn/therapist-match.js';
const CHUNKS = 'dist/cdn/chunks';
const BUDGET = 30000; // gzipped bytes of the main file; the long-term aim is under 20,000
if (!existsSync(FILE)) {
  console.error(`${FILE} does not exist: run \`npm run build\` first.`);
  process.exit(1);
}
const measure = (file) => {
  const raw = readFileSync(file);
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: brotliCompressSync(raw).length };
};
const n = (value) => value.toLocaleString('en').padStart(8);
const main = measure(FILE);
console.log(`${'file'.padEnd(44)}      raw     gzip   brotli`);
console.log(`${FILE.padEnd(44)} ${n(main.raw)} ${n(main.gzip)} ${n(main.brotli)}`);
// Loaded by every first visit: the engine and results view at start, the record check with the data.
const EAGER = /^(rank|results-view|records)-/;
const CHECKER = 'dist/cdn/check.js';
const CHECKER_BUDGET = 55000; // gzipped bytes of check.js (it carries the whole engine: reading, rules, ranking)
const isChecker = (chunk) => chunk.startsWith('check-');
const allChunks = existsSync(CHUNKS) ? readdirSync(CHUNKS).filter((f) => f.endsWith('.js')) : [];
const chunks = allChunks.filter((chunk) => !isChecker(chunk));
let firstVisit = main.gzip;
for (const chunk of chunks.sort((a, b) => Number(EAGER.test(b)) - Number(EAGER.test(a)))) {
  const size = measure(join(CHUNKS, chunk));
  const eager = EAGER.test(chunk);
  if (eager) firstVisit += size.gzip;
  const label = `  ${eager ? 'at start' : 'on demand'}: chunks/${chunk}`;
  console.log(`${label.padEnd(44)} ${n(size.raw)} ${n(size.gzip)} ${n(size.brotli)}`);
}
console.log(
  `\nmain file: ${main.gzip.toLocaleString('en')} gzipped bytes (budget ${BUDGET.toLocaleString('en')}, aim 20,000)`,
);
console.log(
  `first visit in English with valid data (main + chunks loaded at start): ${firstVisit.toLocaleString('en')} gzipped bytes`,
);
let failed = false;
if (main.gzip > BUDGET) {
  console.error(`Over budget by ${(main.gzip - BUDGET).toLocaleString('en')} gzipped bytes.`);
  failed = true;
}

if (existsSync(CHECKER)) {
  const checker = measure(CHECKER);
  console.log(`\n${CHECKER.padEnd(44)} ${n(checker.raw)} ${n(checker.gzip)} ${n(checker.brotli)}`);
  for (const chunk of allChunks.filter(isChecker).sort()) {
    const size = measure(join(CHUNKS, chunk));
    console.log(`${`  on demand: chunks/${chunk}`.padEnd(44)} ${n(size.raw)} ${n(size.gzip)} ${n(size.brotli)}`);
  }
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
