// `npm run size`: raw and gzipped bytes of the CDN file as a browser downloads it; fails over budget.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const FILE = 'dist/cdn/therapist-match.js';
const BUDGET = 30000; // gzipped bytes; the long-term aim is under 20,000
if (!existsSync(FILE)) {
  console.error(`${FILE} does not exist: run \`npm run build\` first.`);
  process.exit(1);
}
const raw = readFileSync(FILE);
const gzip = gzipSync(raw, { level: 9 }).length;
const brotli = brotliCompressSync(raw).length;
console.log(`${FILE}`);
console.log(`  raw:    ${raw.length.toLocaleString('en')} bytes`);
console.log(`  gzip:   ${gzip.toLocaleString('en')} bytes (budget ${BUDGET.toLocaleString('en')}, aim 20,000)`);
console.log(`  brotli: ${brotli.toLocaleString('en')} bytes`);
if (gzip > BUDGET) {
  console.error(`Over budget by ${(gzip - BUDGET).toLocaleString('en')} gzipped bytes.`);
  process.exit(1);
}
