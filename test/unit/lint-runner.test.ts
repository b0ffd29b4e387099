import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { LintRunner } from '../../src/worker/lint-runner';
import { nodeTransport } from '../../src/worker/lint-transport-node';
import { DEFAULT_CONFIG, lintText, RULES } from '../../src/core';
import { bigCharter } from './big-charter';
import type { Logger } from '../../src/worker/lint-runner';

// The worker the desktop extension starts (lint-transport-node.ts): the web extension's bundle, in a worker thread.
const WORKER = join(process.cwd(), 'dist', 'web', 'lint-worker.js');
const CHARTER = '---\ntype: partnership-charter\n---\n# Charter\n\n## Governance\n\nOwners.\n';

function logger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, errors: 0, info: (m: string) => lines.push(m), error: (m: string) => lines.push(`error: ${m}`) } as unknown as Logger & { lines: string[] };
}

/**
 * The time budget for checks that must finish: the default (TIME_BUDGET_MS, 5 s of wall time) is
 * the editor's, and a machine loaded by other work can take longer than that to start a worker and
 * check a long charter. Only the test of the budget itself uses a small one.
 */
const ROOMY = 120_000;

describe('the lint worker runner', function () {
  this.timeout(180_000);
  before(function () {
    if (!existsSync(WORKER)) throw new Error('dist/web/lint-worker.js is missing: run npm run build first');
  });

  it('lints off this thread and returns the core result', async () => {
    const runner = new LintRunner(logger(), nodeTransport(WORKER));
    try {
      const outcome = await runner.lint('a', CHARTER, DEFAULT_CONFIG, ROOMY);
      assert.equal(outcome.kind, 'done');
      assert.ok(outcome.kind === 'done' && outcome.result.diagnostics.some((d) => d.ruleId === 'charter-missing-section'));
    } finally {
      runner.dispose();
    }
  });

  it('keeps only the newest waiting version of a document', async () => {
    const runner = new LintRunner(logger(), nodeTransport(WORKER));
    try {
      const first = runner.lint('a', CHARTER, DEFAULT_CONFIG, ROOMY); // starts at once
      const second = runner.lint('a', CHARTER + 'x', DEFAULT_CONFIG, ROOMY); // waits…
      const third = runner.lint('a', CHARTER + 'xy', DEFAULT_CONFIG, ROOMY); // …and replaces it
      assert.equal((await second).kind, 'superseded');
      assert.equal((await first).kind, 'done');
      assert.equal((await third).kind, 'done');
    } finally {
      runner.dispose();
    }
  });

  it('lints the versions of one document incrementally, with the same result as a fresh lint', async () => {
    const runner = new LintRunner(logger(), nodeTransport(WORKER));
    try {
      const v1 = bigCharter(200);
      const at = v1.indexOf('\n\n', Math.floor(v1.length / 2)) + 2;
      const v2 = `${v1.slice(0, at)}We will dedicate resources to the launch.\n\n${v1.slice(at)}`;
      const first = await runner.lint('doc', v1, DEFAULT_CONFIG, ROOMY);
      assert.ok(first.kind === 'done');
      assert.equal(first.update?.parse, 'full');
      const second = await runner.lint('doc', v2, DEFAULT_CONFIG, ROOMY);
      assert.ok(second.kind === 'done');
      assert.equal(second.update?.parse, 'incremental', 'only the blocks around the edit were parsed again');
      assert.deepEqual(second.result, lintText(v2, RULES, DEFAULT_CONFIG));
      // A copy of the configuration (every message makes one) still lints incrementally (lint-session.test.ts checks the rules get one object).
      const third = await runner.lint('doc', v1, structuredClone(DEFAULT_CONFIG), ROOMY);
      assert.ok(third.kind === 'done');
      assert.equal(third.update?.parse, 'incremental');
      assert.deepEqual(third.result, lintText(v1, RULES, DEFAULT_CONFIG));
      // Closing forgets the state: the next version is parsed whole.
      runner.close('doc');
      const fourth = await runner.lint('doc', v2, DEFAULT_CONFIG, ROOMY);
      assert.ok(fourth.kind === 'done');
      assert.equal(fourth.update?.parse, 'full');
      // Another queue key can share the document's state (code actions do).
      const fifth = await runner.lint('doc#actions', v1, DEFAULT_CONFIG, ROOMY, 'doc');
      assert.ok(fifth.kind === 'done');
      assert.equal(fifth.update?.parse, 'incremental');
    } finally {
      runner.dispose();
    }
  });

  it('falls back to this thread, still incrementally, when no worker can start', async () => {
    const log = logger();
    const runner = new LintRunner(log, nodeTransport(join(process.cwd(), 'no-such-worker.js')));
    try {
      const v1 = bigCharter(100);
      const first = await runner.lint('doc', v1, DEFAULT_CONFIG, ROOMY);
      const second = await runner.lint('doc', `${v1}\nOne more line.\n`, DEFAULT_CONFIG, ROOMY);
      assert.deepEqual([first.kind, second.kind], ['done', 'done'], log.lines.join('\n'));
      assert.ok(second.kind === 'done');
      assert.equal(second.update?.parse, 'incremental');
      assert.deepEqual(second.result, lintText(`${v1}\nOne more line.\n`, RULES, DEFAULT_CONFIG));
    } finally {
      runner.dispose();
    }
  });

  it('starts its worker with the young generation of src/worker/options.ts', async () => {
    // A stand-in worker that answers each check with the limits it was started with.
    const dir = mkdtempSync(join(tmpdir(), 'partnerlint-runner-'));
    const script = join(dir, 'limits-worker.js');
    writeFileSync(script, [
      "const { parentPort, resourceLimits } = require('node:worker_threads');",
      'parentPort.postMessage({ ready: true });',
      "parentPort.on('message', (r) => { if ('id' in r) parentPort.postMessage({ id: r.id, result: { diagnostics: [], limits: resourceLimits } }); });",
    ].join('\n'));
    const runner = new LintRunner(logger(), nodeTransport(script));
    try {
      const outcome = await runner.lint('a', CHARTER, DEFAULT_CONFIG, ROOMY);
      assert.equal(outcome.kind, 'done');
      const limits = outcome.kind === 'done' ? (outcome.result as unknown as { limits: { maxYoungGenerationSizeMb: number } }).limits : undefined;
      assert.equal(limits?.maxYoungGenerationSizeMb, 96);
    } finally {
      runner.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('abandons a check over its time budget, restarts the worker and carries on', async () => {
    const log = logger();
    const runner = new LintRunner(log, nodeTransport(WORKER));
    try {
      const big = CHARTER + '- We will dedicate engineering resources to the integration.\n'.repeat(20_000);
      assert.equal((await runner.lint('big', big, DEFAULT_CONFIG, 1)).kind, 'timeout');
      assert.ok(log.lines.some((l) => /Abandoned a check/.test(l)));
      assert.equal((await runner.lint('small', CHARTER, DEFAULT_CONFIG, ROOMY)).kind, 'done', 'a fresh worker took over');
    } finally {
      runner.dispose();
    }
  });
});
