import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { activateExtension, closeAllEditors, waitForDiagnostics, workspaceUri, partnerlintDiagnostics } from './helpers';

const isGovernance = (d: vscode.Diagnostic) => /no Governance section/.test(d.message);

async function openCharter(name = 'charter-without-governance.md') {
  const uri = workspaceUri(name);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some(isGovernance));
  return { uri, document, editor, diagnostic: diagnostics.find(isGovernance)! };
}

/**
 * The code actions at `range`. The workbench's marker service receives diagnostics a moment
 * after the extension host publishes them, and code actions are computed from those markers,
 * so this asks again (for up to 5 s) until PartnerLint's actions are there.
 */
async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
    if (actions.some((a) => /partnerlint|Disable |Show documentation|Add /.test(a.title)) || Date.now() > deadline) return actions;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function revert(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('Code actions', () => {
  before(activateExtension);
  afterEach(async () => {
    await revert();
    await closeAllEditors();
  });

  it('offers, in order: the fix (preferred), disable for the line, disable for the file, documentation', async () => {
    const { uri, diagnostic } = await openCharter();
    const actions = (await actionsAt(uri, diagnostic.range)).filter((a) => /Governance|charter-missing-section/.test(a.title));
    assert.deepEqual(actions.map((a) => a.title), [
      'Add a Governance section',
      'Disable charter-missing-section for this line',
      'Disable charter-missing-section for this file',
      'Show documentation for charter-missing-section',
    ]);
    assert.equal(actions[0]!.isPreferred, true);
    assert.equal(actions[0]!.kind?.value, 'quickfix');
  });

  it('the fix inserts the section and its diagnostic goes away, keeping every word written', async () => {
    const { uri, document, diagnostic } = await openCharter();
    const before = document.getText();
    const [fix] = await actionsAt(uri, diagnostic.range);
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, (ds) => !ds.some(isGovernance));
    const after = document.getText();
    assert.match(after, /\n## Governance\n/);
    // Removing the inserted block gives back exactly what was there.
    assert.equal(after.replace(/\n\n## Governance\n\n(?:- .*\n?)+/, '\n'), before.endsWith('\n') ? before : before + '\n');
  });

  it('"disable for this line" writes a comment at the end of the line and the problem goes away', async () => {
    const { uri, document, diagnostic } = await openCharter();
    const action = (await actionsAt(uri, diagnostic.range)).find((a) => a.title === 'Disable charter-missing-section for this line')!;
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => /charter-missing-section/.test(String((d.code as { value: string }).value))));
    assert.match(document.lineAt(diagnostic.range.start.line).text, /^# .* <!-- partnerlint-disable-line charter-missing-section -->$/);
  });

  it('"disable for this file" writes a comment after the front matter and the problem goes away', async () => {
    const { uri, document, diagnostic } = await openCharter();
    const action = (await actionsAt(uri, diagnostic.range)).find((a) => a.title === 'Disable charter-missing-section for this file')!;
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    await waitForDiagnostics(uri, (ds) => !ds.some(isGovernance));
    assert.equal(document.lineAt(3).text, '<!-- partnerlint-disable-file charter-missing-section -->');
    assert.equal(document.lineAt(0).text, '---', 'front matter stays first');
  });

  it('"fix all" of one rule fixes every problem of that rule in the file', async () => {
    const uri = workspaceUri('charter-two-missing.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const found = await waitForDiagnostics(uri, (ds) => ds.filter((d) => /no .* section/.test(d.message)).length === 2);
    const action = (await actionsAt(uri, found[0]!.range)).find((a) => a.title === 'Fix all charter-missing-section problems in this file');
    assert.ok(action?.edit, 'a fix-all-of-this-rule action is offered when the rule has several problems');
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => /no .* section/.test(d.message)));
    assert.match(document.getText(), /## Measurement[\s\S]*## Governance/);
  });

  it('"show documentation" opens the rule page', async () => {
    const { uri, diagnostic } = await openCharter();
    const action = (await actionsAt(uri, diagnostic.range)).find((a) => a.title.startsWith('Show documentation'))!;
    assert.equal(action.command?.command, 'partnerlint.showRuleDocs');
    await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
  });

  it('fixes on save through editor.codeActionsOnSave: source.fixAll.partnerlint', async () => {
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await settings.update('codeActionsOnSave', { 'source.fixAll.partnerlint': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const uri = workspaceUri('charter-fix-on-save.md');
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await waitForDiagnostics(uri, (ds) => ds.some(isGovernance));
      await editor.edit((e) => e.insert(new vscode.Position(document.lineCount, 0), '\n'));
      await document.save();
      await waitForDiagnostics(uri, (ds) => !ds.some(isGovernance));
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(saved, /## Governance/);
      assert.equal(partnerlintDiagnostics(uri).filter(isGovernance).length, 0);
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
