#!/usr/bin/env node
// `npm test`: type-check, unit tests (vitest), end-to-end tests (Playwright in Chromium),
// the package check, then one line "N passed, N failed[, N skipped]" summed over every runner.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findChromiumAsync } from './chromium.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Types: a type error is one failure (tests are type-checked too).
console.log('\n== type-check ==');
if (run('npm', ['run', '--silent', 'typecheck']) === 0) totals.passed += 1;
else {
  totals.failed += 1;
  console.log('type-check: failed');
}

// 2. Unit tests.
console.log('\n== unit tests (vitest) ==');
const unitJson = path.join(tmp, 'vitest.json');
rmSync(unitJson, { force: true });
const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
const unit = readJson(unitJson);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  if (unitStatus !== 0 && unit.numFailedTests === 0) totals.failed += 1; // a suite that failed to load
} else {
  totals.failed += 1;
  console.log('unit tests: vitest produced no report');
}

// 3. End-to-end tests in Chromium through the browser host.
console.log('\n== end-to-end tests (Playwright) ==');
const chromium = await findChromiumAsync({ install: true });
if (!chromium.path) {
  console.log(`e2e: ${chromium.message}`);
  totals.failed += 1;
} else {
  console.log(`e2e: using ${chromium.path}`);
  // The whole app is built: the renderer for the browser host, the main process for the
  // Electron project (which runs where the Electron binary exists).
  if (run('npm', ['run', '--silent', 'build']) !== 0) {
    totals.failed += 1;
    console.log('e2e: the app did not build');
  } else {
    const e2eJson = path.join(tmp, 'playwright.json');
    rmSync(e2eJson, { force: true });
    // Electron needs a display; on a headless Linux machine run under a virtual one.
    const headless = process.platform === 'linux' && !process.env.DISPLAY && hasCommand('xvfb-run');
    const [cmd, ...args] = [...(headless ? ['xvfb-run', '-a'] : []), 'npx', 'playwright', 'test', '--reporter=list,json'];
    const status = run(cmd, args, {
      CHROMIUM_PATH: chromium.path,
      PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
    });
    const e2e = readJson(e2eJson);
    if (e2e?.stats) {
      totals.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
      totals.failed += e2e.stats.unexpected;
      totals.skipped += e2e.stats.skipped;
      if (status !== 0 && e2e.stats.unexpected === 0) totals.failed += 1;
    } else {
      totals.failed += 1;
      console.log('e2e: Playwright produced no report');
    }
  }
}

// 4. The packaged app (issue 14): electron-builder offline on what was built above, with a
// stand-in Electron where the real binary cannot be downloaded. Each of its checks (what
// app.asar holds, the fuses, the .gloss association, the Windows resources) counts as a test.
console.log('\n== package check (electron-builder, offline) ==');
const packaged = spawnSync('npx', ['tsx', 'scripts/package-check.ts', '--no-build'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(packaged.stdout ?? '');
const checkLines = (packaged.stdout ?? '').split('\n');
const checksPassed = checkLines.filter((l) => l.startsWith('✓ ')).length;
const checksFailed = checkLines.filter((l) => l.startsWith('✗ ')).length;
totals.passed += checksPassed;
totals.failed += checksFailed;
// A run that stopped before its checks (a build or packaging failure) is one failure.
if (packaged.status !== 0 && checksFailed === 0) totals.failed += 1;

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
