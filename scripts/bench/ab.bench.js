// `node --expose-gc scripts/bench/ab.bench.js OLD_DIST [SIZE]`: the engine of this build against
// another build's (a copy of `dist/` made before a change), in one process, interleaved run by run,
// so a machine whose speed drifts slows both alike. Prints validation, index build, first query, the
// first ranking after the idle-time build (`indexWhenIdle`, then a full collection) and
// each warm query, median ms of both and the ratio, in wall time and in this process's CPU time
// (steadier on a shared machine), and checks that both rank identically.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateTherapists } from '../../demo/sample/generate.js';
import { QUERIES } from './queries.js';
import { settle } from './settle.js';

const [oldDist, sizeArg] = process.argv.slice(2);
if (!oldDist) throw new Error('usage: ab.bench.js OLD_DIST [SIZE]');
const SIZE = Number(sizeArg ?? 100000);
const RUNS = Number(process.env.TM_BENCH_RUNS ?? 15);
const load = async (dist) => ({
  ...(await import(pathToFileURL(resolve(dist, 'engine/index.js')).href)),
  // The widget's build off the click path (not public; a build before it existed has none).
  ...(await import(pathToFileURL(resolve(dist, 'engine/idle.js')).href).catch(() => ({}))),
});
const engines = { before: await load(oldDist), after: await load(resolve(import.meta.dirname, '../../dist')) };
const raw = generateTherapists(SIZE, 20261123);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const samples = {};
/** CPU time of this process, per step: on a machine shared with other work, less noisy than wall time. */
const cpu = {};
const add = (key, who, [ms, cpuMs]) => {
  (samples[key] ??= { before: [], after: [] })[who].push(ms);
  (cpu[key] ??= { before: [], after: [] })[who].push(cpuMs);
};
const time = (fn) => {
  const usage = process.cpuUsage();
  const start = performance.now();
  fn();
  const elapsed = performance.now() - start;
  const { user, system } = process.cpuUsage(usage);
  return [elapsed, (user + system) / 1000];
};
const parsed = {};
const indexes = {};
for (const who of ['before', 'after']) {
  parsed[who] = engines[who].parseTherapists(raw).therapists;
  indexes[who] = engines[who].indexTherapists(parsed[who]);
}
for (const [name, answers] of Object.entries(QUERIES)) {
  const a = engines.before.rankTherapists(indexes.before, answers);
  const b = engines.after.rankTherapists(indexes.after, answers);
  const strip = (r) => JSON.stringify({ ...r, matches: r.matches.map((m) => ({ ...m, therapist: m.therapist.id })) });
  if (strip(a) !== strip(b)) {
    console.log(`${name}: the two builds rank differently`);
    process.exitCode = 1;
  }
}
const buildRuns = SIZE >= 100000 ? Math.min(RUNS, 7) : RUNS;
for (let k = 0; k < buildRuns; k++)
  for (const who of k % 2 ? ['after', 'before'] : ['before', 'after']) {
    const e = engines[who];
    if (SIZE <= 100000)
      add(
        'validate',
        who,
        time(() => e.parseTherapists(raw)),
      );
    const fresh = parsed[who].slice();
    await settle();
    add(
      'index build',
      who,
      time(() => e.indexTherapists(fresh)),
    );
    const again = parsed[who].slice();
    await settle();
    add(
      'first query, index included',
      who,
      time(() => e.rankTherapists(again, QUERIES.individual)),
    );
    if (!e.indexWhenIdle) continue;
    // What a visitor waits for: the index built in idle time, a full collection, then the click.
    const idle = parsed[who].slice();
    await e.indexWhenIdle(idle);
    await settle();
    add(
      'first ranking after the idle-time build',
      who,
      time(() => e.rankTherapists(idle, QUERIES.individual)),
    );
  }
// Warm: the same warm-up rounds for both (at least 2, and at least TM_BENCH_WARMUP_MS, as in
// rank.bench.js), so that at small sizes the code that runs once per ranking is optimised before it
// is timed; then RUNS timed rounds.
const WARMUP_MS = Number(process.env.TM_BENCH_WARMUP_MS ?? 500);
const round = (k, timed) => {
  for (const [name, answers] of Object.entries(QUERIES))
    for (const who of k % 2 ? ['after', 'before'] : ['before', 'after']) {
      const times = time(() => engines[who].rankTherapists(indexes[who], answers));
      if (timed) add(`warm: ${name}`, who, times);
    }
};
let warmup = 0;
for (const end = performance.now() + WARMUP_MS; warmup < 2 || performance.now() < end;) round(warmup++, false);
for (let k = 0; k < RUNS; k++) round(k, true);
console.log(
  `${SIZE.toLocaleString('en')} records, median ms of ${RUNS} interleaved runs (builds: ${buildRuns}; warm after ${warmup} warm-up rounds)\n`,
);
console.log('| step | before | after | after / before | CPU ms: before | after | after / before |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
const ms = (x) => (x >= 10 ? x.toFixed(1) : x.toPrecision(3));
const cells = ({ before, after }) =>
  `${ms(median(before))} | ${ms(median(after))} | ${(median(after) / median(before)).toFixed(2)}`;
for (const key of Object.keys(samples)) console.log(`| ${key} | ${cells(samples[key])} | ${cells(cpu[key])} |`);
console.log(
  `\nLoad average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
