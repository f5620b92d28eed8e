// `npm run size`: raw and gzipped bytes of the CDN file as a browser downloads it, and of each
// chunk beside it; fails when the main file is over budget. Chunks are of two kinds: the results
// view and the ranking engine load at start, in parallel with the directory data; Spanish, the CSV
// reader and zod (to explain invalid records) load only when a page needs them.
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
const EAGER = /^(rank|results-view)-/;
const chunks = existsSync(CHUNKS) ? readdirSync(CHUNKS).filter((f) => f.endsWith('.js')) : [];
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
if (main.gzip > BUDGET) {
  console.error(`Over budget by ${(main.gzip - BUDGET).toLocaleString('en')} gzipped bytes.`);
  process.exit(1);
}
