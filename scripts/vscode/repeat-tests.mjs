#!/usr/bin/env node
// Runs the integration suite several times in a row, to find (or rule out) flaky tests.
//
//   usage: node scripts/vscode/repeat-tests.mjs [runs] [--load[=cores]] [--keep-logs]
//
//   runs          how many runs (default 10)
//   --load        keep one CPU core busy during the runs (a child process spinning), the way a
//                 loaded CI machine or a laptop compiling in the background would; --load=2
//                 keeps two cores busy
//   --keep-logs   keep the output of passing runs too (failing runs' output is always kept)
//
// Each run is a separate `node scripts/vscode/run-tests.mjs` (so a fresh code-server, a fresh
// copy of the test workspace and a fresh browser, exactly as `npm run test:integration`), with
// the same environment (PARTNERLINT_TEST_GREP etc. pass through). Build first (`npm run build`).
// Prints one line a run (with the failing tests' titles and first error line), then
// "repeat: N/M runs passed"; exits 1 if any run failed. A run's full output is written to
// .vscode-test/repeat-<time>/run-<n>.log.
//
// It deliberately never prints run-tests.mjs's closing "N passed, N failed" line (CI reads such
// lines as the result of one run).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const RUN_TESTS = path.join(HERE, 'run-tests.mjs');

function usage(message) {
  if (message) console.error(`repeat-tests: ${message}`);
  console.error('usage: node scripts/vscode/repeat-tests.mjs [runs] [--load[=cores]] [--keep-logs]');
  process.exit(2);
}

let runs = 10;
let loadCores = 0;
let keepLogs = false;
for (const arg of process.argv.slice(2)) {
  if (/^\d+$/.test(arg)) runs = Number(arg);
  else if (arg === '--load') loadCores = 1;
  else if (/^--load=\d+$/.test(arg)) loadCores = Number(arg.slice('--load='.length));
  else if (arg === '--keep-logs') keepLogs = true;
  else if (arg === '-h' || arg === '--help') usage();
  else usage(`unknown argument "${arg}"`);
}
if (!(runs >= 1)) usage('runs must be at least 1');

const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
const logDir = path.join(REPO_ROOT, '.vscode-test', `repeat-${stamp}`);
fs.mkdirSync(logDir, { recursive: true });

// ---------------------------------------------------------------------------
// Load: busy-looping child processes, one per core asked for, killed at the end.

const spinners = [];
function startLoad() {
  for (let i = 0; i < loadCores; i++) {
    const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    child.on('error', (error) => console.error(`repeat-tests: could not start a load process: ${error.message}`));
    spinners.push(child);
  }
}
function stopLoad() {
  for (const child of spinners.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
process.on('exit', stopLoad);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopLoad();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------
// One run

/** Runs run-tests.mjs once; resolves with its exit code, output and duration. */
function runOnce(index) {
  const logFile = path.join(logDir, `run-${String(index).padStart(2, '0')}.log`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUN_TESTS], { cwd: REPO_ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `\n[repeat-tests] could not start run-tests.mjs: ${error.message}\n`));
    child.on('close', (code, signal) => {
      fs.writeFileSync(logFile, output);
      resolve({ code: code ?? 1, signal, output, logFile, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/**
 * What a run's output says: the number of tests, the failing tests (full titles as the suite's
 * reporter lists them at the end, each with its error's first line) and run-tests.mjs's own
 * FAILED message (timeouts, a crashed page, no result).
 */
function summarize(output) {
  const lines = output.split('\n');
  const counts = /^(\d+) passing, (\d+) failing, (\d+) skipped$/;
  const at = lines.findIndex((l) => counts.test(l.trim()));
  const failures = [];
  if (at >= 0) {
    for (let i = at + 1; i < lines.length; i++) {
      const m = /^(\d+)\) (.+)$/.exec(lines[i]);
      if (!m) continue;
      const error = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
      failures.push({ title: m[2], error: error.trim() });
    }
  }
  const [, passing, failing] = at >= 0 ? counts.exec(lines[at].trim()) : [];
  const failed = lines.find((l) => l.startsWith('[vscode-test] FAILED:'))?.slice('[vscode-test] FAILED:'.length).trim();
  return { passing: passing === undefined ? undefined : Number(passing), failing: failing === undefined ? undefined : Number(failing), failures, failed };
}

// ---------------------------------------------------------------------------

async function main() {
  const cpus = os.cpus().length;
  console.log(`repeat-tests: ${runs} run${runs === 1 ? '' : 's'} of the integration suite, ${loadCores ? `${loadCores} of ${cpus} cores kept busy` : `no extra load (${cpus} cores)`}; logs in ${path.relative(REPO_ROOT, logDir)}/`);
  startLoad();
  let passed = 0;
  const started = Date.now();
  for (let i = 1; i <= runs; i++) {
    const run = await runOnce(i);
    const summary = summarize(run.output);
    const ok = run.code === 0;
    const label = `run ${String(i).padStart(String(runs).length)}/${runs}`;
    const tests = summary.passing === undefined ? 'no report' : `${summary.passing + (summary.failing ?? 0)} tests`;
    if (ok) {
      passed++;
      console.log(`${label}: PASS (${tests}, ${run.seconds.toFixed(0)} s)`);
      if (!keepLogs) fs.rmSync(run.logFile, { force: true });
    } else {
      console.log(`${label}: FAIL (${tests}, ${run.seconds.toFixed(0)} s, exit ${run.signal ?? run.code}; log: ${path.relative(REPO_ROOT, run.logFile)})`);
      for (const f of summary.failures) console.log(`    ✗ ${f.title}\n        ${f.error}`);
      if (summary.failures.length === 0 && summary.failed) console.log(`    ${summary.failed.split('\n')[0]}`);
    }
  }
  stopLoad();
  if (fs.readdirSync(logDir).length === 0) fs.rmSync(logDir, { recursive: true, force: true });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`repeat: ${passed}/${runs} runs passed (${loadCores ? `${loadCores} core${loadCores === 1 ? '' : 's'} kept busy` : 'no extra load'}, ${minutes} min)`);
  return passed === runs ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    stopLoad();
    console.error(`repeat-tests: ${error?.stack || error}`);
    process.exit(1);
  },
);
