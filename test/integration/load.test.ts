import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import type { PartnerLintApi } from '../../src/extension/extension';
import { lintText, RULES, DEFAULT_CONFIG } from '../../src/core';
import { EXTENSION_ID, activateExtension, closeAllEditors, partnerlintDiagnostics, waitForDiagnostics, workspaceUri } from './helpers';

const api = () => vscode.extensions.getExtension<PartnerLintApi>(EXTENSION_ID)!.exports;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const shape = (ds: readonly { message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[], code: (i: number) => string) =>
  ds.map((d, i) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${code(i)} ${d.message}`).sort();

describe('Under load', () => {
  before(activateExtension);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('after 1,000 rapid edits, the diagnostics equal a fresh lint of the final text, with no error logged', async function () {
    this.timeout(180_000);
    const uri = workspaceUri('charter-under-load.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri, (ds) => ds.length > 0);
    const errorsBefore = api().errorCount();
    const next = random(20261121);
    const pieces = ['a', ' ', '\n', '#', '- ', '$200K ', 'TBD', '3 engineers', 'Governance', '|', '**', '`', '> ', '2027-01-11', 'webinar'];
    for (let i = 0; i < 1000; i++) {
      const offset = Math.floor(next() * (doc.getText().length + 1));
      const at = doc.positionAt(offset);
      const roll = next();
      await editor.edit((e) => {
        if (roll < 0.25 && offset < doc.getText().length) e.delete(new vscode.Range(at, doc.positionAt(offset + 1)));
        else e.insert(at, pieces[Math.floor(next() * pieces.length)]!);
      }, { undoStopBefore: false, undoStopAfter: false });
    }
    const finalVersion = doc.version;
    const deadline = Date.now() + 30_000;
    while (api().linter.stateOf(doc)?.version !== finalVersion) {
      assert.ok(Date.now() < deadline, 'the final version was linted');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const fresh = lintText(doc.getText(), RULES, DEFAULT_CONFIG).diagnostics;
    const shown = partnerlintDiagnostics(uri);
    assert.deepEqual(shape(shown, (i) => String((shown[i]!.code as { value: string }).value)), shape(fresh, (i) => fresh[i]!.ruleId));
    assert.equal(api().errorCount(), errorsBefore, 'nothing was logged as an error');
  });

  it('leaves Markdown that is not a strategy document to the lint worker too, however large its front matter', async () => {
    // Telling what a document is means parsing its front matter (1.1 s for 120 KB): not on the
    // extension host, which every extension shares.
    const uri = workspaceUri('notes-with-large-front-matter.md');
    const front = Array.from({ length: 4000 }, (_, i) => `field${i}: ${'some value '.repeat(3)}`).join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`---\ntitle: Notes\n${front}\n---\n# Meeting notes\n\nNothing to check.\n`));
    try {
      const before = api().linter.workerChecks;
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      for (let waited = 0; waited < 10_000 && api().linter.workerChecks === before; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(api().linter.workerChecks > before, 'checked in the worker');
      assert.deepEqual(partnerlintDiagnostics(uri), []);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('abandons a check that runs over the time budget, with one information message instead of blocking', async function () {
    this.timeout(120_000);
    // A check that certainly takes longer than the 1 ms budget: a long charter the lint worker has
    // not seen (a full check of ~100,000 characters takes a few hundred milliseconds). A small
    // document is no good here: its check takes about as long as the budget, and when the
    // extension host is busy for a moment the answer is already there when the budget is looked
    // at, and is used (as it should be).
    const uri = workspaceUri('charter-over-budget.md');
    const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('charter-under-load.md')));
    const notes = Array.from({ length: 600 }, (_, i) => `\n## Note ${i + 1}\n\nAcme commits 3 engineers and $200K to the pilot by 2027-01-11; Globex runs a webinar for TBD customers.\n\n- Owner: the partner manager\n- Metric: a 20% gain in joint customers\n`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(base + notes.join('')));
    const settings = vscode.workspace.getConfiguration('partnerlint');
    await settings.update('timeBudget', 1, vscode.ConfigurationTarget.Workspace);
    try {
      try {
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc);
        const [only] = await waitForDiagnostics(uri, (ds) => ds.length === 1 && /stopped analysing/.test(ds[0]!.message));
        assert.equal(only!.severity, vscode.DiagnosticSeverity.Information);
        assert.match(api().status.text, /took longer than/);
        // Edits (which change the length) do not start another check that would run out of time
        // too: not until the document is saved.
        const checks = api().linter.workerChecks;
        const editor = vscode.window.activeTextEditor!;
        for (const text of ['\nMore.', '\nAnd more text.']) {
          await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount, 0), text));
          await new Promise((resolve) => setTimeout(resolve, 700));
        }
        assert.equal(api().linter.workerChecks, checks, 'no check after an edit');
        assert.match(partnerlintDiagnostics(uri)[0]?.message ?? '', /stopped analysing/);
        await doc.save();
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.ok(api().linter.workerChecks > checks, 'saving tries again');
      } finally {
        // The largest budget the setting allows, not the 5 s default: on a machine loaded by other
        // work a fresh worker can take longer than that over this long charter.
        await settings.update('timeBudget', 60_000, vscode.ConfigurationTarget.Workspace);
      }
      // With a budget it can meet, the document is checked in full.
      await waitForDiagnostics(uri, (ds) => ds.length > 1, 60_000);
    } finally {
      await settings.update('timeBudget', undefined, vscode.ConfigurationTarget.Workspace);
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });
});
