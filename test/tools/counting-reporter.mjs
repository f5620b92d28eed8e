// A web-test-runner reporter that writes passed/failed counts per browser to a JSON file, so the
// test command can print one honest closing line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(suite, into) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) into.skipped++;
    else if (test.passed) into.passed++;
    else into.failed++;
  }
  for (const child of suite.suites ?? []) count(child, into);
}

export function countingReporter({ file }) {
  return {
    onTestRunFinished({ sessions }) {
      const browsers = {};
      for (const session of sessions) {
        const name = session.browser.name;
        const into = (browsers[name] ??= { passed: 0, failed: 0, skipped: 0, fileErrors: 0 });
        if (session.testResults) count(session.testResults, into);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) into.fileErrors++;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ browsers }, null, 2));
    },
  };
}
