import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { activateExtension, closeAllEditors, partnerlintDiagnostics, waitForDiagnostics, workspaceUri } from './helpers';

describe('Diagnostics in a real editor', () => {
  before(activateExtension);
  afterEach(async () => {
    // A failed test must not leave a modified document behind for the next one.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('warns that a charter has no Governance section, with range, severity, source and code', async () => {
    const uri = workspaceUri('charter-without-governance.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const found = await waitForDiagnostics(uri, (ds) => ds.some((d) => /no Governance section/.test(d.message)));
    const governance = found.filter((d) => /no Governance section/.test(d.message));
    assert.equal(governance.length, 1);
    const [d] = governance;
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d!.source, 'partnerlint');
    assert.ok(typeof d!.code === 'object' && d!.code !== null);
    const code = d!.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'charter-missing-section');
    assert.match(code.target.toString(), /docs\/rules\/charter-missing-section\.md$/);
    // The title heading "# Acme × Globex Partnership Charter" on line 5 (0-based 4).
    const titleLine = document.lineAt(4);
    assert.match(titleLine.text, /^# /);
    assert.deepEqual(
      [d!.range.start.line, d!.range.start.character, d!.range.end.line, d!.range.end.character],
      [4, 0, 4, titleLine.text.length],
    );
  });

  it('clears the warning as the user types the missing section in', async () => {
    const uri = workspaceUri('charter-without-governance.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => /no Governance section/.test(d.message)));
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\n\n## Governance\n\nOwners: Dana (Acme), Lee (Globex).\n'));
    const after = await waitForDiagnostics(uri, (ds) => !ds.some((d) => /no Governance section/.test(d.message)));
    assert.equal(after.filter((d) => /no Governance section/.test(d.message)).length, 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('says nothing about an ordinary README that mentions partners', async () => {
    const uri = workspaceUri('README.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    // Give the linter its chance: an edit forces a lint of a new version.
    const charter = workspaceUri('charter-without-governance.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(charter));
    await waitForDiagnostics(charter, (ds) => ds.length > 0);
    assert.deepEqual(partnerlintDiagnostics(uri), []);
  });

  it('clears diagnostics when the document is closed', async () => {
    const uri = workspaceUri('charter-without-governance.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostics(uri, (ds) => ds.length > 0);
    await closeAllEditors();
    // Closing the editor does not close the TextDocument at once; VS Code disposes it later.
    // Untitled documents are disposed when their editor closes and are the reliable probe.
    const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\ntype: partnership-charter\n---\n# Charter\n' });
    await vscode.window.showTextDocument(untitled);
    await waitForDiagnostics(untitled.uri, (ds) => ds.filter((d) => /no .* section/.test(d.message)).length === 5);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics(untitled.uri, (ds) => ds.length === 0);
  });

  it('shows the other statement of a contradicted figure as related information', async () => {
    const content = '---\ntype: partnership-strategy\n---\n# Strategy\n\n## 2027 Targets\n\n- Joint customers: 900\n\n## Roadmap\n\nBy end of 2027: 700 joint customers.\n';
    const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(untitled);
    const found = await waitForDiagnostics(untitled.uri, (ds) => ds.some((d) => (d.code as { value?: string } | undefined)?.value === 'numbers-inconsistent'));
    const d = found.find((x) => (x.code as { value?: string } | undefined)?.value === 'numbers-inconsistent')!;
    assert.equal(d.range.start.line, 7);
    assert.equal(d.relatedInformation?.length, 1);
    const related = d.relatedInformation![0]!;
    assert.equal(related.location.uri.toString(), untitled.uri.toString());
    assert.equal(related.location.range.start.line, 11);
    assert.match(related.message, /700/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
