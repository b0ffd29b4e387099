import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { LintRunner } from '../../src/extension/lint-runner';
import { DEFAULT_CONFIG } from '../../src/core';
import type { Logger } from '../../src/extension/log';

const WORKER = join(process.cwd(), 'dist', 'lint-worker.js');
const CHARTER = '---\ntype: partnership-charter\n---\n# Charter\n\n## Governance\n\nOwners.\n';

function logger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, errors: 0, info: (m: string) => lines.push(m), error: (m: string) => lines.push(`error: ${m}`) } as unknown as Logger & { lines: string[] };
}

describe('the lint worker runner', function () {
  this.timeout(30_000);
  before(function () {
    if (!existsSync(WORKER)) throw new Error('dist/lint-worker.js is missing: run npm run build first');
  });

  it('lints off this thread and returns the core result', async () => {
    const runner = new LintRunner(logger(), WORKER);
    try {
      const outcome = await runner.lint('a', CHARTER, DEFAULT_CONFIG);
      assert.equal(outcome.kind, 'done');
      assert.ok(outcome.kind === 'done' && outcome.result.diagnostics.some((d) => d.ruleId === 'charter-missing-section'));
    } finally {
      runner.dispose();
    }
  });

  it('keeps only the newest waiting version of a document', async () => {
    const runner = new LintRunner(logger(), WORKER);
    try {
      const first = runner.lint('a', CHARTER, DEFAULT_CONFIG); // starts at once
      const second = runner.lint('a', CHARTER + 'x', DEFAULT_CONFIG); // waits…
      const third = runner.lint('a', CHARTER + 'xy', DEFAULT_CONFIG); // …and replaces it
      assert.equal((await second).kind, 'superseded');
      assert.equal((await first).kind, 'done');
      assert.equal((await third).kind, 'done');
    } finally {
      runner.dispose();
    }
  });

  it('abandons a check over its time budget, restarts the worker and carries on', async () => {
    const log = logger();
    const runner = new LintRunner(log, WORKER);
    try {
      const big = CHARTER + '- We will dedicate engineering resources to the integration.\n'.repeat(20_000);
      assert.equal((await runner.lint('big', big, DEFAULT_CONFIG, 1)).kind, 'timeout');
      assert.ok(log.lines.some((l) => /Abandoned a check/.test(l)));
      assert.equal((await runner.lint('small', CHARTER, DEFAULT_CONFIG)).kind, 'done', 'a fresh worker took over');
    } finally {
      runner.dispose();
    }
  });
});
