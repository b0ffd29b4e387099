import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import type { PartnerLintApi } from '../../src/extension/extension';
import { EXTENSION_ID, activateExtension, closeAllEditors, waitForDiagnostics, workspaceUri, partnerlintDiagnostics, waitUntil } from './helpers';

const isGovernance = (d: vscode.Diagnostic) => /no Governance section/.test(d.message);
const api = () => vscode.extensions.getExtension<PartnerLintApi>(EXTENSION_ID)!.exports;

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('partnerlint').update(key, value, vscode.ConfigurationTarget.Workspace);
}

async function open(name: string) {
  const uri = workspaceUri(name);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  return { uri, document, editor };
}

describe('Settings, configuration files, commands and status', () => {
  before(activateExtension);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('lints an untitled document and updates while typing', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\ntype: partnership-charter\n---\n# Charter\n' });
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (ds) => ds.filter((d) => /no .* section/.test(d.message)).length === 5);
    await editor.edit((e) => e.insert(new vscode.Position(4, 0), '\n## Governance\n\nOwners.\n'));
    await waitForDiagnostics(document.uri, (ds) => ds.filter((d) => /no .* section/.test(d.message)).length === 4);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('applies a severity from settings without a reload, and stops when disabled', async () => {
    const { uri } = await open('charter-without-governance.md');
    await waitForDiagnostics(uri, (ds) => ds.some((d) => isGovernance(d) && d.severity === vscode.DiagnosticSeverity.Warning));
    try {
      await setSetting('rules', { 'charter-missing-section': 'error' });
      await waitForDiagnostics(uri, (ds) => ds.some((d) => isGovernance(d) && d.severity === vscode.DiagnosticSeverity.Error));
      await setSetting('enable', false);
      await waitForDiagnostics(uri, (ds) => ds.length === 0);
      assert.match(api().status.text, /switched off/);
    } finally {
      await setSetting('rules', undefined);
      await setSetting('enable', undefined);
    }
    await waitForDiagnostics(uri, (ds) => ds.some((d) => isGovernance(d) && d.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('with run: onSave, waits for the save', async () => {
    const { uri, document, editor } = await open('charter-on-save.md');
    await waitForDiagnostics(uri, (ds) => ds.some(isGovernance));
    await setSetting('run', 'onSave');
    try {
      await editor.edit((e) => e.insert(new vscode.Position(document.lineCount, 0), '\n## Governance\n\nOwners: Dana and Lee.\n'));
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.ok(partnerlintDiagnostics(uri).some(isGovernance), 'not re-checked before the save');
      await document.save();
      await waitForDiagnostics(uri, (ds) => !ds.some(isGovernance));
    } finally {
      await setSetting('run', undefined);
    }
  });

  it('reads .partnerlint.yaml, re-reads it when it changes, and reports a broken one on the file while using defaults', async () => {
    const { uri } = await open('charter-without-governance.md');
    await waitForDiagnostics(uri, (ds) => ds.some((d) => isGovernance(d) && d.severity === vscode.DiagnosticSeverity.Warning));
    const config = workspaceUri('.partnerlint.yaml');
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  charter-missing-section: info\n'));
      await waitForDiagnostics(uri, (ds) => ds.some((d) => isGovernance(d) && d.severity === vscode.DiagnosticSeverity.Information));
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  charter-missing-section: [info\n'));
      await waitForDiagnostics(uri, (ds) => ds.some((d) => isGovernance(d) && d.severity === vscode.DiagnosticSeverity.Warning));
      const onConfig = await waitForDiagnostics(config, (ds) => ds.length > 0);
      assert.match(onConfig[0]!.message, /not valid YAML/);
      assert.equal((onConfig[0]!.code as { value: string }).value, 'config-invalid');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitForDiagnostics(config, (ds) => ds.length === 0);
  });

  it('validates .partnerlint.yaml while it is edited, and completes rule ids', async () => {
    const config = workspaceUri('sub', '.partnerlint.yaml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  \n'));
    try {
      const document = await vscode.workspace.openTextDocument(config);
      const editor = await vscode.window.showTextDocument(document);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', config, new vscode.Position(1, 2));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('charter-missing-section'), `rule ids offered: ${labels.slice(0, 10).join(', ')}`);
      await editor.edit((e) => e.insert(new vscode.Position(1, 2), 'no-such-rule: error'));
      assert.deepEqual(partnerlintDiagnostics(config), [], 'an empty rules: is fine while writing');
      const problems = await waitForDiagnostics(config, (ds) => ds.some((d) => /"no-such-rule" is not a PartnerLint rule/.test(d.message)));
      assert.equal(problems[0]!.range.start.line, 1);
      // A misspelt option is reported at its key, with the option meant.
      await editor.edit((e) => e.replace(new vscode.Range(1, 0, 1, document.lineAt(1).text.length), '  tiers-too-many:\n    options:\n      maxTeirs: 4'));
      const option = await waitForDiagnostics(config, (ds) => ds.some((d) => /did you mean "maxTiers"/.test(d.message)));
      assert.deepEqual([option[0]!.range.start.line, option[0]!.range.start.character], [3, 6]);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(config);
    }
  });

  it('shows the kind and problem count in the language status item, or why a document is not checked', async () => {
    const { uri } = await open('charter-without-governance.md');
    await waitForDiagnostics(uri, (ds) => ds.some(isGovernance));
    const count = partnerlintDiagnostics(uri).length;
    assert.match(api().status.text, new RegExp(`Partnership charter — PartnerLint: ${count} problems? · from type: in its front matter$`));
    await open('README.md');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.match(api().status.text, /Not checked: not recognised as a partnership document \(add type: partnership-charter, or another kind, to its front matter to check it\)/);
  });

  it('New Partnership Charter opens an untitled charter from the template', async () => {
    await vscode.commands.executeCommand('partnerlint.newCharter');
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /type: partnership-charter/);
    for (const section of ['Mutual Goals', 'Value Exchange', 'Timeline', 'Measurement', 'Governance']) assert.match(document.getText(), new RegExp(`## ${section}`));
    // Who signs, and for how much, is left for the author: blanks, not someone else's example.
    assert.match(document.getText(), /\| \[Partner\] \| \[Partner's decision owner\] \| \[role\] \| \[date signed\] \|/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('New Partnership Strategy opens an untitled partnership strategy whose blanks are reported until filled in', async () => {
    await vscode.commands.executeCommand('partnerlint.newStrategy');
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.isUntitled, true);
    assert.match(document.getText(), /^---\ntype: partnership-strategy\n/);
    for (const section of ['Partner categories and economics', 'Tiers', 'Rollout', 'Governance', 'Targets']) assert.match(document.getText(), new RegExp(`## ${section}`));
    const blanks = () => partnerlintDiagnostics(document.uri).filter((d) => typeof d.code === 'object' && d.code.value === 'placeholder-left');
    await waitUntil(() => blanks().length > 0, () => `status: ${api().status.text}; diagnostics: ${JSON.stringify(partnerlintDiagnostics(document.uri).map((d) => d.message))}`);
    for (const d of blanks()) assert.match(document.getText(d.range), /^\[[^\]]+\]$/);
    assert.match(api().status.text, /Partnership strategy — PartnerLint: \d+ problems · from type: in its front matter$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Fix All Problems applies every fix in the active document', async () => {
    const { uri, document } = await open('charter-two-missing.md');
    await waitForDiagnostics(uri, (ds) => ds.filter((d) => /no .* section/.test(d.message)).length === 2);
    const result = await vscode.commands.executeCommand<{ applied: number; before: number; after: number; text: string }>('partnerlint.fixAll');
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => /no .* section/.test(d.message)));
    assert.match(document.getText(), /## Measurement/);
    // The inserted sections carry blanks to fill in: the count goes up, and the summary says why.
    assert.ok(result.applied >= 2, `${result.applied} fixes applied`);
    assert.ok(result.after > result.before, `${result.before} problems before, ${result.after} after`);
    assert.match(result.text, new RegExp(`^PartnerLint applied ${result.applied} fixes\\.`));
    assert.match(result.text, / \d+ new problems came with the text the fixes added \([^)]*placeholder-left ×\d+/);
  });

  it('Lint Workspace reports problems in files that are not open, and ends with a summary', async () => {
    const closed = workspaceUri('nested', 'closed-charter.md');
    assert.equal(partnerlintDiagnostics(closed).length, 0);
    const summary = await vscode.commands.executeCommand<{ checked: number; problems: number; skipped: number; text: string }>('partnerlint.lintWorkspace');
    await waitForDiagnostics(closed, (ds) => ds.some(isGovernance));
    assert.deepEqual(partnerlintDiagnostics(workspaceUri('README.md')), []);
    assert.ok(summary.checked >= 2 && summary.skipped >= 1 && summary.problems >= 1, JSON.stringify(summary));
    assert.equal(summary.text, `PartnerLint: ${summary.checked} partnership documents checked, ${summary.problems} problems found, ${summary.skipped} other Markdown file${summary.skipped === 1 ? '' : 's'} skipped.`);
  });

  it('Insert Template… inserts any template, by prefix or from its quick pick', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('partnerlint.insertTemplate', 'partner-tiers'), 'partner-tiers');
    assert.match(document.getText(), /^---\ntype: partner-tiering\n[\s\S]*## Tier 1/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const other = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(other);
    const running = vscode.commands.executeCommand<string | undefined>('partnerlint.insertTemplate');
    // The quick pick has no handle here: accept its first entry (the charter) once it is up.
    await waitUntil(() => {
      void vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return other.getText().length > 0;
    }, () => 'the template quick pick was never accepted');
    assert.equal(await running, 'charter');
    assert.match(other.getText(), /^---\ntype: partnership-charter\n/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Show Rule Documentation opens a preview that stays when the active editor changes', async () => {
    const isRulePage = (tab: vscode.Tab) => /placeholder-left\.md/.test(tab.label);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    await open('charter-without-governance.md');
    await vscode.commands.executeCommand('partnerlint.showRuleDocs', 'placeholder-left');
    await waitUntil(() => tabs().some(isRulePage), () => `tabs: ${tabs().map((t) => t.label).join(', ')}`);
    await open('keep-me.md');
    await open('charter-two-missing.md');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.ok(tabs().some(isRulePage), `the rule page is still open; tabs: ${tabs().map((t) => t.label).join(', ')}`);
    assert.equal(await vscode.commands.executeCommand('partnerlint.showRuleDocs', 'no-such-rule'), undefined);
  });

  it('Lint Workspace honours partnerlint.rules and partnerlint.ignore, and keeps closed files up to date', async () => {
    const closed = workspaceUri('nested', 'closed-charter.md');
    const original = await vscode.workspace.fs.readFile(closed);
    const draft = workspaceUri('nested', 'drafts', 'draft-charter.md');
    await vscode.workspace.fs.writeFile(draft, original);
    try {
      await setSetting('rules', { 'charter-missing-section': 'error' });
      await setSetting('ignore', ['nested/drafts/**']);
      await vscode.commands.executeCommand('partnerlint.lintWorkspace');
      // The editor's settings apply to closed files too, and an ignored file gets nothing.
      await waitForDiagnostics(closed, (ds) => ds.some((d) => isGovernance(d) && d.severity === vscode.DiagnosticSeverity.Error));
      assert.deepEqual(partnerlintDiagnostics(draft), []);
      // A change of settings re-checks the closed file.
      await setSetting('rules', { 'charter-missing-section': 'off' });
      await waitForDiagnostics(closed, (ds) => ds.length > 0 && !ds.some(isGovernance));
      // So does a change on disk: without its title and type it is no longer a charter.
      await vscode.workspace.fs.writeFile(closed, new TextEncoder().encode('# Notes\n\nNothing to see.\n'));
      await waitForDiagnostics(closed, (ds) => ds.length === 0);
    } finally {
      await vscode.workspace.fs.writeFile(closed, original);
      await vscode.workspace.fs.delete(workspaceUri('nested', 'drafts'), { recursive: true });
      await setSetting('rules', undefined);
      await setSetting('ignore', undefined);
    }
  });

  it('inserts a contributed snippet by name', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Charter: signatures' });
    assert.match(document.getText(), /\| Party \| Name \| Role \| Date \|/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Show Output runs without error', async () => {
    await vscode.commands.executeCommand('partnerlint.showOutput');
  });
});
