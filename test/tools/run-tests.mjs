// `npm test`: type-check, lint, format check, browser tests in Chromium and Firefox with coverage
// thresholds, Node tests of the built package; then one closing line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { missingBrowsers } from './browsers.mjs';
import { checkCoverage } from './coverage.mjs';

const results = []; // { name, passed, failed }
const bin = (name) => `node_modules/.bin/${name}`;

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(name, ok) {
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  if (!ok) console.error(`✖ ${name} failed`);
}

const missing = missingBrowsers();
if (missing.length) {
  console.error('\nThe browser tests need Chromium and Firefox:\n' + missing.map((m) => `  - ${m}`).join('\n'));
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

check('type check', run('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.test.json']));
check('lint', run('lint', bin('eslint'), ['--max-warnings=0', '.']));
check('format', run('format', bin('prettier'), ['--check', '--log-level=warn', '.']));
// The full build: the drop-in tests load dist/cdn, the Node tests import dist/ by package name.
check('build', run('build', 'npm', ['run', '--silent', 'build']));

// Browser tests. The runner's summary is printed as it goes; counts come from our reporter.
rmSync('.test-results', { recursive: true, force: true });
const browserOk = run('browser tests (Chromium, Firefox)', bin('wtr'), [
  '--config',
  'web-test-runner.config.mjs',
  '--coverage',
]);
const perBrowser = existsSync('.test-results/browsers.json')
  ? JSON.parse(readFileSync('.test-results/browsers.json', 'utf8')).browsers
  : {};
let browserPassed = 0;
let browserFailed = 0;
for (const c of Object.values(perBrowser)) {
  browserPassed += c.passed;
  browserFailed += c.failed + c.fileErrors;
}
if (!browserOk && browserFailed === 0) browserFailed = 1; // the runner failed without a test result
results.push({ name: 'browser tests', passed: browserPassed, failed: browserFailed });

const coverage = checkCoverage('coverage/lcov.info');
console.log('\n' + coverage.lines.join('\n'));
check('coverage thresholds', coverage.ok);

// Node: the engine is importable as `therapist-match/engine` on a server.
const node = spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'test/node/'], { encoding: 'utf8' });
process.stdout.write(node.stdout);
process.stderr.write(node.stderr);
const nodePassed = Number(/ℹ pass (\d+)/.exec(node.stdout)?.[1] ?? 0);
let nodeFailed = Number(/ℹ fail (\d+)/.exec(node.stdout)?.[1] ?? 0);
if (node.status !== 0 && nodeFailed === 0) nodeFailed = 1;
results.push({ name: 'node tests', passed: nodePassed, failed: nodeFailed });

console.log('\nSummary');
for (const [browser, c] of Object.entries(perBrowser))
  console.log(`  ${browser}: ${c.passed} passed, ${c.failed + c.fileErrors} failed, ${c.skipped} skipped`);
console.log(`  Node: ${nodePassed} passed, ${nodeFailed} failed`);
for (const r of results.filter((r) => r.name !== 'browser tests' && r.name !== 'node tests'))
  console.log(`  ${r.name}: ${r.failed ? 'FAILED' : 'ok'}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
