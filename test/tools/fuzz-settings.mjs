// Fuzz settings the browser tests ask the test runner for (`executeServerCommand('tm-fuzz-settings')`):
// one seed for every property, fixed by default so CI runs are reproducible, and a factor on the
// number of runs. `TM_FUZZ_SEED=<seed>` replays a failure printed by a fuzz test;
// `TM_FUZZ_RUNS=10` runs ten times as many cases (for a long local run).
export const DEFAULT_FUZZ_SEED = 20261010;

export function fuzzSettings(env = process.env) {
  const seed = Number(env.TM_FUZZ_SEED ?? DEFAULT_FUZZ_SEED);
  const runs = Number(env.TM_FUZZ_RUNS ?? 1);
  return {
    seed: Number.isInteger(seed) ? seed : DEFAULT_FUZZ_SEED,
    runs: Number.isFinite(runs) && runs > 0 ? runs : 1,
  };
}

/** The test-runner plugin that answers the browser's command. */
export function fuzzSettingsPlugin() {
  return {
    name: 'tm-fuzz-settings',
    executeCommand({ command }) {
      return command === 'tm-fuzz-settings' ? fuzzSettings() : undefined;
    },
  };
}
