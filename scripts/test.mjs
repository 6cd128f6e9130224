// npm test — every check in one command: native build for Node, type-check of every part,
// lint, layering, vitest, Playwright. Runs them all, then closes with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureNodeBuild } from './native.mjs';

ensureNodeBuild();
fs.mkdirSync('test-results', { recursive: true });

const steps = [
  ['typecheck (electron, db, domain, server, tests, bench)', 'npx tsc -p tsconfig.json'],
  ['typecheck (renderer)', 'npx tsc -p tsconfig.renderer.json'],
  ['typecheck (e2e tests)', 'npx tsc -p tsconfig.e2e.json'],
  ['lint', 'npx eslint . --max-warnings 0'],
  ['layering', 'node scripts/layering.mjs'],
  ['electronegativity', 'node scripts/electronegativity.mjs'],
  ['file sizes', 'node scripts/fileSizes.mjs'],
  ['vitest', 'npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json'],
  ['playwright', 'npx playwright test'],
  // The city's console against a real `npm run server` and a desk (issue #14).
  ['playwright (console)', 'npx playwright test -c playwright.console.config.ts'],
];

const failed = [];
for (const [name, cmd] of steps) {
  console.log(`\n▶ ${name}: ${cmd}`);
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit' });
  if (r.status !== 0) failed.push(name);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
const v = readJson('test-results/vitest.json');
const p = readJson('test-results/playwright.json');
const pc = readJson('test-results/playwright-console.json');
const vitest = { passed: v?.numPassedTests ?? 0, failed: v?.numFailedTests ?? 0, skipped: (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) };
const stat = (r, k) => (p?.stats?.[k] ?? 0) + (r?.stats?.[k] ?? 0);
const pw = { passed: stat(pc, 'expected'), failed: stat(pc, 'unexpected') + stat(pc, 'flaky'), skipped: stat(pc, 'skipped') };

console.log(`\nvitest ${vitest.passed} passed, ${vitest.failed} failed, ${vitest.skipped} skipped; playwright ${pw.passed} passed, ${pw.failed} failed, ${pw.skipped} skipped`);
if (failed.length) console.log(`failed steps: ${failed.join(', ')}`);
// A failed step whose runner reported no failing test (typecheck, lint, layering, a runner
// that crashed before reporting) counts as one failure.
const counted = { vitest: vitest.failed, playwright: (p?.stats?.unexpected ?? 0) + (p?.stats?.flaky ?? 0), 'playwright (console)': (pc?.stats?.unexpected ?? 0) + (pc?.stats?.flaky ?? 0) };
const stepFailures = failed.filter((f) => !(counted[f] > 0)).length;
console.log(`total: ${vitest.passed + pw.passed} passed, ${vitest.failed + pw.failed + stepFailures} failed, ${vitest.skipped + pw.skipped} skipped`);
process.exit(failed.length ? 1 : 0);
