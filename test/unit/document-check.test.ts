/** One check of one version of an open document, as the VS Code extension and the language server ask it (src/worker/document-check.ts). */
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../src/core';
import { normalizeSettings, type Settings } from '../../src/core/editor-settings';
import type { ConfigSources } from '../../src/core/lint-file';
import { DocumentChecker, type CheckRequest } from '../../src/worker/document-check';
import { lintHandler, type WorkerMessage } from '../../src/worker/lint-handler';
import type { LintTransport } from '../../src/worker/lint-transport';

const CHARTER = '---\ntype: partnership-charter\n---\n# Charter\n\n## Governance\n\nOwners.\n';
const README = '# A library\n\nInstall it with npm.\n';

/** The worker's own handler, answering on this thread (or never, with `silent`): what the checker does around it is under test. */
function transport(options: { silent?: boolean } = {}): LintTransport & { posted: number } {
  const t = {
    posted: 0,
    start(events: { message(m: WorkerMessage): void }) {
      const handle = lintHandler();
      setImmediate(() => events.message({ ready: true }));
      return {
        post(request: Parameters<ReturnType<typeof lintHandler>>[0]) {
          t.posted++;
          if (options.silent) return;
          setImmediate(() => {
            const answer = handle(request);
            if (answer) events.message(answer);
          });
        },
        terminate() {},
      };
    },
    afterPending: (fn: () => void) => void setImmediate(fn),
  };
  return t as unknown as LintTransport & { posted: number };
}

const sources: ConfigSources = { settingsFor: async () => ({ config: DEFAULT_CONFIG, files: [], problems: [] }), treesFor: async () => [] };
const log = { info() {}, error() {}, trace() {} };

function request(text: string, settings: Partial<Settings> = {}, current = () => true): CheckRequest {
  return { key: 'file:///w/doc.md', name: '/w/doc.md', version: 1, purpose: 'publish', path: '/w/doc.md', folder: '/w', sources, settings: { ...normalizeSettings(undefined), ...settings }, text: () => text, current };
}

describe('checking one version of an open document', () => {
  it('checks a strategy document in the worker and answers with its result and configuration', async () => {
    const t = transport();
    const checker = new DocumentChecker({ log, logName: 'the log' }, t);
    try {
      const outcome = await checker.check(request(CHARTER));
      assert.equal(outcome.kind, 'checked');
      assert.ok(outcome.kind === 'checked' && outcome.result.diagnostics.some((d) => d.ruleId === 'charter-missing-section'));
      assert.equal(t.posted, 1);
      assert.equal(checker.workerChecks, 1);
    } finally {
      checker.dispose();
    }
  });

  it('says why it did not check: switched off, ignored, a kind left out, too large (with a notice only on what looks like a strategy document)', async () => {
    const t = transport();
    const checker = new DocumentChecker({ log, logName: 'the log' }, t);
    try {
      assert.deepEqual(await checker.check(request(CHARTER, { enable: false })), { kind: 'skipped', reason: 'PartnerLint is switched off (partnerlint.enable)' });
      const ignored = await checker.check(request(CHARTER, { ignore: ['*.md'] }));
      assert.ok(ignored.kind === 'skipped' && /partnerlint\.ignore/.test(ignored.reason) && ignored.notice === undefined);
      assert.equal(t.posted, 0, 'nothing sent to the worker so far');
      const kinds = await checker.check(request(CHARTER, { kinds: ['decision-record'] }));
      assert.ok(kinds.kind === 'skipped' && /partnership-charter documents are not checked/.test(kinds.reason));
      const large = await checker.check(request(CHARTER, { maxFileSize: 10 }));
      assert.ok(large.kind === 'skipped' && /maxFileSize/.test(large.reason) && /did not check this document/.test(large.notice ?? ''));
      const largeReadme = await checker.check(request(README, { maxFileSize: 10 }));
      assert.ok(largeReadme.kind === 'skipped' && largeReadme.notice === undefined, 'no notice on ordinary Markdown');
    } finally {
      checker.dispose();
    }
  });

  it('drops the answer for a version that is no longer current', async () => {
    const checker = new DocumentChecker({ log, logName: 'the log' }, transport());
    try {
      assert.deepEqual(await checker.check(request(CHARTER, {}, () => false)), { kind: 'stale' });
    } finally {
      checker.dispose();
    }
  });

  it('stops a document that ran out of time until it is retried, without sending it to the worker again', async () => {
    const t = transport({ silent: true });
    const checker = new DocumentChecker({ log, logName: 'the log' }, t);
    try {
      const first = await checker.check(request(CHARTER, { timeBudget: 50 }));
      assert.ok(first.kind === 'skipped' && /took longer than 50 ms/.test(first.reason) && /partnerlint\.timeBudget/.test(first.notice ?? ''));
      const posted = t.posted;
      const again = await checker.check(request(CHARTER, { timeBudget: 50 }));
      assert.deepEqual(again, first, 'the same answer');
      assert.equal(t.posted, posted, 'not sent again');
      assert.equal(checker.retry('file:///w/doc.md'), true);
      await checker.check(request(CHARTER, { timeBudget: 50 }));
      assert.equal(t.posted, posted + 1, 'saving tries again');
    } finally {
      checker.dispose();
    }
  });
});
