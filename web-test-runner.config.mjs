// Browser tests: every test file runs in Debian's Chromium and Firefox (headless), TypeScript
// compiled by esbuild on the fly. `npm test` wraps this and prints the counts.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { CHROMIUM_ARGS, findBrowsers } from './test/tools/browsers.mjs';
import { countingReporter } from './test/tools/counting-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { testServerMiddleware } from './test/tools/test-server.mjs';
import { strictCspMiddleware } from './demo/server/csp.mjs';
import { embeddingTestMiddleware } from './test/embedding/server.mjs';
import { fuzzSettingsPlugin } from './test/tools/fuzz-settings.mjs';

const { chromium, firefox } = findBrowsers();
const only = process.env.TM_BROWSERS?.split(',');

const browsers = [];
if (!only || only.includes('chromium'))
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  );
if (!only || only.includes('firefox'))
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: firefox, headless: true },
    }),
  );

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 1,
  browsers,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 20 * 60 * 1000,
  plugins: [
    esbuildPlugin({ ts: true, js: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    // The seed and run factor of the fuzz tests (TM_FUZZ_SEED, TM_FUZZ_RUNS).
    fuzzSettingsPlugin(),
  ],
  middleware: [testServerMiddleware, strictCspMiddleware, embeddingTestMiddleware],
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
    reporters: ['lcovonly', 'text-summary'],
  },
  reporters: [defaultReporter(), countingReporter({ file: '.test-results/browsers.json' })],
};
