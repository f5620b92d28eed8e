// Writes the sample directories: `node demo/sample/write.js [--if-missing]`.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTherapists } from './generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const outputs = [
  { file: join(here, '..', 'data', 'therapists.json'), count: 300 },
  { file: join(here, '..', 'data', 'therapists-10k.json'), count: 10000 },
];
const ifMissing = process.argv.includes('--if-missing');
for (const { file, count } of outputs) {
  if (ifMissing && existsSync(file)) continue;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(generateTherapists(count), null, count > 1000 ? 0 : 1) + '\n');
  console.log(`wrote ${count} fictional therapists to ${file}`);
}
