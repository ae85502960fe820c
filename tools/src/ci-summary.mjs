// Prints vitest's JSON report as the plain closing line CI reads: "N passed, N failed".
// Usage: node tools/src/ci-summary.mjs <report.json> <exit status of the test command>
import { existsSync, readFileSync } from 'node:fs';

const [file = '.ci/vitest.json', status = '0'] = process.argv.slice(2);
if (!existsSync(file)) {
  // The type-check (or vitest itself) failed before any test ran.
  console.log('0 passed, 1 failed');
} else {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let failed = report.numFailedTests ?? 0;
  // A test file that fails to load counts as a failure even though no test in it ran.
  const brokenSuites = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  failed += brokenSuites;
  if (failed === 0 && status !== '0') failed = 1;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (skipped) console.log(`${skipped} skipped`);
  console.log(`${report.numPassedTests ?? 0} passed, ${failed} failed`);
}
