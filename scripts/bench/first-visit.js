// A page's first ranking, each in a fresh Node process: nothing compiled, nothing cached, as on a
// visitor's page load. `firstVisits` (used by rank.bench.js) runs this file as a child once per
// method and repetition, in a rotating order; the child reads the directory, does the method's
// work before the person asks (below), collects garbage until the process is idle, then times one
// first query and prints its ms.
//
// - `widget`: the engine as the widget runs it: the index built in idle slices (`indexWhenIdle`)
//   and the ranking's code warmed in idle slices (`warmWhenIdle`), both while the person answers.
// - `engine`: the engine called first thing, nothing before (a developer's first `rankTherapists`,
//   the index built in it and every function compiled as it runs).
// - `reference`: the plain filter, scorer and heap (reference.js); it has nothing to do before.
// - `orama`: Orama's database built before; its first search and the scorer.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { settle } from './settle.js';

export const FIRST_VISIT_METHODS = ['widget', 'engine', 'reference', 'orama'];
const self = fileURLToPath(import.meta.url);

/**
 * Medians' inputs for each method at each size: `runs(size)` fresh processes per method, the
 * methods in a rotating order. Orama only where `withOrama(size)`.
 */
export async function firstVisits(sizes, { runs, withOrama, query }) {
  const run = promisify(execFile);
  const out = {};
  for (const size of sizes) {
    const times = (out[size] = Object.fromEntries(FIRST_VISIT_METHODS.map((m) => [m, []])));
    const methods = FIRST_VISIT_METHODS.filter((m) => m !== 'orama' || withOrama(size));
    for (let k = 0; k < runs(size); k++) {
      const order = methods.slice(k % methods.length).concat(methods.slice(0, k % methods.length));
      for (const method of order) {
        const { stdout } = await run(process.execPath, ['--expose-gc', self, method, String(size), query], {
          maxBuffer: 1 << 20,
        });
        times[method].push(Number(stdout.trim()));
      }
    }
  }
  return out;
}

async function child(method, size, query) {
  // Every module is loaded first, whatever the method, so that all start alike.
  const { parseTherapists, rankTherapists } = await import('therapist-match/engine');
  const { indexWhenIdle } = await import('../../dist/engine/idle.js');
  const { warmWhenIdle } = await import('../../dist/engine/warm.js');
  const { generateTherapists } = await import('../../demo/sample/generate.js');
  const { QUERIES } = await import('./queries.js');
  const { referenceRank } = await import('./reference.js');
  const { buildOrama, oramaRank } = await import('./orama.js');
  const answers = QUERIES[query];
  if (!answers) throw new Error(`no query named ${query}`);
  const { therapists } = parseTherapists(generateTherapists(size, 20261123));
  let db;
  if (method === 'widget') {
    await indexWhenIdle(therapists);
    await warmWhenIdle(therapists);
  } else if (method === 'orama') db = await buildOrama(therapists);
  await settle();
  const start = performance.now();
  if (method === 'widget' || method === 'engine') rankTherapists(therapists, answers, { limit: 20 });
  else if (method === 'reference') referenceRank(therapists, answers, 20);
  else await oramaRank(db, therapists, answers);
  const elapsed = performance.now() - start;
  process.stdout.write(`${elapsed}\n`);
}

if (process.argv[1] === self) {
  const [method, size, query] = process.argv.slice(2);
  if (!FIRST_VISIT_METHODS.includes(method))
    throw new Error(`usage: first-visit.js ${FIRST_VISIT_METHODS.join('|')} SIZE QUERY`);
  await child(method, Number(size), query);
}
