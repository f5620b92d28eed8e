// One helper of the benchmarks (rank.bench.js, ab.bench.js, first-visit.js).

/**
 * A full collection, then a wait until the process is idle again (under 1 ms of CPU in 10 ms, at
 * most 2 s), so that the collection's concurrent sweeping, which runs on other threads after
 * `gc()` returns, is not timed as part of the next cold run (on 2 cores it took 20-50% of the
 * engine's cold build at 100,000 records). Nothing without `--expose-gc`.
 */
export async function settle() {
  if (!globalThis.gc) return;
  globalThis.gc();
  for (const end = performance.now() + 2000; performance.now() < end;) {
    const usage = process.cpuUsage();
    await new Promise((done) => setTimeout(done, 10));
    const { user, system } = process.cpuUsage(usage);
    if (user + system < 1000) return;
  }
}
