// The whole test suite, as the README's test command runs it: type check, lint, unit and component
// tests (Vitest), production build, end-to-end tests in Debian's Chromium. Ends with one line
// "N passed, N failed" counting every test and check together.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

let passed = 0;
let failed = 0;
const node = process.execPath;
const bin = (name) => `node_modules/${name}`;

function run(label, args, env = {}) {
  console.log(`\n── ${label} ──`);
  const result = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, args) {
  if (run(label, args)) passed += 1;
  else {
    failed += 1;
    console.error(`✗ ${label} failed`);
  }
}

function countJson(file, label, ok) {
  if (!existsSync(file)) {
    failed += 1;
    console.error(`✗ ${label}: no results were written`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.numPassedTests !== undefined) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numFailedTests === 0 && !ok) failed += 1; // a suite that failed to load
  } else {
    const s = report.stats;
    passed += s.expected + (s.flaky ?? 0);
    failed += s.unexpected;
    if (s.unexpected === 0 && !ok) failed += 1;
  }
}

mkdirSync('test-results', { recursive: true });
check('type check', [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
check('lint', [bin('eslint/bin/eslint.js'), '.']);

rmSync('test-results/unit.json', { force: true });
const unitOk = run('unit and component tests', [
  bin('vitest/vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
countJson('test-results/unit.json', 'unit tests', unitOk);

if (run('production build', [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn'])) {
  ensureChromium();
  rmSync('test-results/e2e.json', { force: true });
  const e2eOk = run('end-to-end tests (Chromium)', [bin('@playwright/test/cli.js'), 'test']);
  countJson('test-results/e2e.json', 'end-to-end tests', e2eOk);
} else {
  failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
