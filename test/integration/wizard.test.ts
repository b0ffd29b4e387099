import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PartnerLintApi } from '../../src/extension/extension';
import type { WizardView } from '../../src/extension/wizard';
import { EXTENSION_ID, activateExtension, closeAllEditors, waitForDiagnostics, workspaceUri, partnerlintDiagnostics } from './helpers';

/** A team's own tree, valid. */
const PILOT_TREE = [
  'id: pilot-budget',
  'title: Fund the pilot?',
  'description: Whether a pilot gets budget this quarter.',
  'start: has-sponsor',
  'questions:',
  '  has-sponsor:',
  '    text: Does an executive sponsor the pilot?',
  '    answers:',
  '      yes: { label: "Yes", hint: "Yes, a named sponsor", outcome: fund }',
  '      no: { label: "No", hint: "No sponsor yet", outcome: wait }',
  'outcomes:',
  '  fund: { title: Fund it, rationale: A sponsor will carry it. }',
  '  wait: { title: Wait, rationale: Find a sponsor first. }',
  '',
].join('\n');

/** A tree file with problems (a question that loops to itself, an unknown outcome). */
const BROKEN_TREE = 'id: broken\ntitle: Broken\ndescription: x\nstart: a\nquestions:\n  a:\n    text: A?\n    answers:\n      yes: { label: "Yes", hint: "y", next: a }\n      no: { label: "No", hint: "n", outcome: nowhere }\noutcomes: {}\n';

const api = () => vscode.extensions.getExtension<PartnerLintApi>(EXTENSION_ID)!.exports;

/** Waits until the wizard's QuickPick shows something `accept` likes. */
async function waitForView(accept: (view: WizardView) => boolean, what: string, timeoutMs = 10_000): Promise<WizardView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = api().wizard.view();
    if (view && accept(view)) return view;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the wizard to show ${what}; it shows ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Picks an item the way a keyboard user does: move the highlight onto it, then Enter. */
async function choose(label: string | RegExp): Promise<void> {
  const view = await waitForView((v) => v.items.some((i) => (typeof label === 'string' ? i === label : label.test(i))), `an item ${label}`);
  const target = view.items.findIndex((i) => (typeof label === 'string' ? i === label : label.test(i)));
  let current = view.items.indexOf(view.active ?? view.items[0]!);
  while (current > target) {
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectPrevious');
    current--;
  }
  while (current < target) {
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    current++;
  }
  await waitForView((v) => v.active === view.items[target], `the highlight on ${view.items[target]}`);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

async function waitForLint(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + 10_000;
  while (!api().linter.stateOf(doc)) {
    if (Date.now() > deadline) throw new Error('the document was not linted');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return partnerlintDiagnostics(doc.uri);
}

describe('Decision trees in the command palette', () => {
  before(activateExtension);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
  });

  it('walks build-vs-partner through the real QuickPick and inserts a record that lints clean', async () => {
    // A file, not an untitled document: untitled names are reused after closing, which blurs tests.
    const doc = await vscode.workspace.openTextDocument(workspaceUri('empty-decision.md'));
    await vscode.window.showTextDocument(doc);
    const running = vscode.commands.executeCommand<string>('partnerlint.runDecisionTree');
    await choose(/^Build or partner/i);
    const first = await waitForView((v) => /step 1 of 3/.test(v.title), 'step 1');
    // The whole question is the title (the placeholder is cut at about 80 characters); the
    // question's hint is on the About button in full, and each answer's hint is its detail.
    assert.match(first.title, /Is this capability part of what makes our product different from the alternatives\?$/);
    assert.doesNotMatch(first.placeholder, /what makes our product different/i);
    assert.match(first.about ?? '', /^Ask whether customers pick you because of it\..*not differentiation\.$/);
    assert.deepEqual(first.items, ['Yes', 'No']);
    assert.match(first.details[1] ?? '', /does not set us apart/);
    await choose('No');
    const second = await waitForView((v) => /step 2 of 3/.test(v.title), 'step 2');
    assert.match(second.title, /six months\?$/i);
    await choose('Yes');
    const outcome = await waitForView((v) => v.items.some((i) => /Insert the decision record/.test(i)), 'the outcome');
    assert.match(outcome.title, /Partner/);
    assert.ok((outcome.about ?? '').length > 80, 'the rationale is there in full');
    await choose(/Insert the decision record/);
    assert.equal(await running, 'inserted');
    const text = doc.getText();
    assert.match(text, /^---\ntype: decision-record\n/);
    assert.match(text, /tree: build-vs-partner/);
    assert.match(text, /outcome: partner/);
    assert.deepEqual((await waitForLint(doc)).map((d) => d.message), []);
    assert.equal(api().linter.stateOf(doc)?.result?.kind, 'decision-record');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Back returns to the previous question with its answer kept; Escape cancels and writes nothing', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('keep-me.md'));
    await vscode.window.showTextDocument(doc);
    const running = vscode.commands.executeCommand<string>('partnerlint.runDecisionTree', 'build-vs-partner');
    await waitForView((v) => /step 1 of 3/.test(v.title), 'step 1');
    await choose('No');
    await waitForView((v) => /step 2 of 3/.test(v.title), 'step 2');
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
    const again = await waitForView((v) => /step 1 of 3/.test(v.title), 'step 1 again');
    assert.equal(again.active, 'No', 'the earlier answer is kept');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await running, 'cancelled');
    assert.equal(doc.getText(), 'keep me\n');
    assert.equal(api().wizard.view(), undefined);
    assert.equal(doc.isDirty, false);
  });

  it('lists a team\u2019s own tree as soon as it is added, and reports a broken tree file on the file', async function () {
    // Two waits on file watching, each allowed 30 s on a loaded machine.
    this.timeout(90_000);
    const good = workspaceUri('.partnerlint', 'trees', 'pilot-budget.yaml');
    const broken = workspaceUri('.partnerlint', 'trees', 'broken.yaml');
    await vscode.workspace.fs.writeFile(good, new TextEncoder().encode(PILOT_TREE));
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode(BROKEN_TREE));
    try {
      // File watching can lag by seconds on a loaded machine.
      const problems = await waitForDiagnostics(broken, (ds) => ds.length > 0, 30_000);
      assert.ok(problems.every((d) => (d.code as { value: string }).value === 'tree-invalid'));
      const running = vscode.commands.executeCommand<string>('partnerlint.runDecisionTree');
      const list = await waitForView((v) => v.items.includes('Fund the pilot?'), 'the custom tree', 30_000);
      assert.ok(list.items.includes('Build or partner?') || list.items.some((i) => /build/i.test(i)), 'built-ins are still there');
      assert.ok(!list.items.includes('Broken'), 'a broken tree is not offered');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await running, 'cancelled');
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('.partnerlint'), { recursive: true });
      // Leave no problems behind for the next test to mistake for its own.
      await waitForDiagnostics(broken, (ds) => ds.length === 0);
    }
  });

  it('lists trees that arrive together with their folder from outside the editor (git checkout, unzip)', async function () {
    // The folder and its files are created microseconds apart, as git or unzip do: a file
    // watcher cannot have started watching the new folder before the files are in it.
    const folder = workspaceUri('.partnerlint', 'trees');
    if (folder.scheme !== 'file') this.skip();
    this.timeout(60_000);
    // File names of their own, so nothing left from another test can satisfy the waits.
    const broken = vscode.Uri.joinPath(folder, 'checked-out-broken.yaml');
    mkdirSync(folder.fsPath, { recursive: true });
    writeFileSync(broken.fsPath, BROKEN_TREE);
    writeFileSync(join(folder.fsPath, 'checked-out-pilot.yaml'), PILOT_TREE);
    try {
      const problems = await waitForDiagnostics(broken, (ds) => ds.length > 0, 30_000);
      assert.ok(problems.every((d) => (d.code as { value: string }).value === 'tree-invalid'));
      const running = vscode.commands.executeCommand<string>('partnerlint.runDecisionTree');
      await waitForView((v) => v.items.includes('Fund the pilot?'), 'the custom tree', 30_000);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await running, 'cancelled');
    } finally {
      rmSync(workspaceUri('.partnerlint').fsPath, { recursive: true, force: true });
      await waitForDiagnostics(broken, (ds) => ds.length === 0);
    }
  });

  it('offers "Re-run this decision" on a record, with the recorded answers preselected', async () => {
    const uri = workspaceUri('decision-sso.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((l) => l.command?.title === 'Re-run this decision');
    assert.ok(lens, 'the CodeLens is there');
    const running = vscode.commands.executeCommand<string>(lens.command!.command, ...(lens.command!.arguments ?? []));
    const first = await waitForView((v) => /step 1 of 3/.test(v.title), 'step 1');
    assert.equal(first.active, 'No', 'the recorded answer is preselected');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await running, 'cancelled');
  });

  it('when an answer changes, the contradiction fix updates the outcome', async () => {
    const uri = workspaceUri('decision-sso.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => /core-differentiation: no/.test(l));
    await editor.edit((e) => e.replace(new vscode.Range(line, 0, line, doc.lineAt(line).text.length), '  core-differentiation: yes'));
    const [problem] = await waitForDiagnostics(uri, (ds) => ds.some((d) => (d.code as { value: string }).value === 'decision-contradicts-tree'));
    const contradiction = partnerlintDiagnostics(uri).find((d) => (d.code as { value: string }).value === 'decision-contradicts-tree') ?? problem!;
    const deadline = Date.now() + 5000;
    let fix: vscode.CodeAction | undefined;
    while (!fix && Date.now() < deadline) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, contradiction.range);
      fix = actions.find((a) => a.isPreferred);
      if (!fix) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(fix?.edit, 'the contradiction has a fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => (d.code as { value: string }).value === 'decision-contradicts-tree'));
    assert.match(doc.getText(), /^outcome: build$/m);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
