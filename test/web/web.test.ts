/**
 * PartnerLint as a web extension, in VS Code's web worker extension host (the one vscode.dev and
 * github.dev run extensions in): loaded from package.json's `browser` entry, linting in a Web
 * Worker, reading settings files through vscode.workspace.fs. Runs in a browser bundle: chai for
 * assertions, no Node.
 */
import * as vscode from 'vscode';
import { assert } from 'chai';
import type { PartnerLintApi } from '../../src/extension/activate';

const EXTENSION_ID = 'partnerlint.partnerlint';
const MISSING_SECTION = 'charter-missing-section';

function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

const partnerlintDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'partnerlint');
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));

/** Resolves with PartnerLint's diagnostics of `uri` once `accept` holds for them (waits on events). */
function waitForDiagnostics(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = partnerlintDiagnostics(uri);
      if (!accept(current)) return;
      done();
      resolve(current);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`Timed out waiting for diagnostics on ${uri.path}; last seen: ${JSON.stringify(partnerlintDiagnostics(uri).map(ruleOf))}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Waits until `ready()` holds (a hang guard, not a timing assertion). */
async function waitUntil(ready: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  for (let waited = 0; !ready(); waited += 50) {
    if (waited > timeoutMs) throw new Error(`Timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function open(...segments: string[]): Promise<{ uri: vscode.Uri; document: vscode.TextDocument }> {
  const uri = workspaceUri(...segments);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return { uri, document };
}

describe('PartnerLint in the web worker extension host', () => {
  let api: PartnerLintApi;
  before(async () => {
    const extension = vscode.extensions.getExtension<PartnerLintApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    api = await extension!.activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs from its browser entry in a web worker, without Node', () => {
    assert.equal(api.host, 'web', 'activated from dist/web/extension.js');
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node `process` here');
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a Web Worker global scope');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)!.extensionKind, vscode.ExtensionKind.UI, 'web extensions run beside the UI');
  });

  it('reports a missing section with its rule id, and lints in a Web Worker', async () => {
    const { uri } = await open('charter-without-governance.md');
    const found = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === MISSING_SECTION));
    const d = found.find((x) => ruleOf(x) === MISSING_SECTION)!;
    assert.match(d.message, /no Governance section/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(String((d.code as { target: vscode.Uri }).target), /docs\/rules\/charter-missing-section\.md$/);
    assert.isTrue(api.linter.lintsInWorker(), 'the check ran in a Web Worker, not on the extension host thread');
    assert.equal(api.errorCount(), 0, 'nothing was logged as an error (a worker that failed to start would be)');
  });

  it('applies a quick fix, and the problem goes away', async () => {
    const { uri, document } = await open('charter-without-governance.md');
    const [diagnostic] = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === MISSING_SECTION));
    let fix: vscode.CodeAction | undefined;
    // Code actions come from the workbench's markers, which arrive a moment after the diagnostics.
    for (let tries = 0; tries < 50 && !fix; tries++) {
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range)) ?? [];
      fix = actions.find((a) => a.title === 'Add a Governance section');
      if (!fix) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(fix?.edit, 'the fix "Add a Governance section" is offered');
    assert.isTrue(await vscode.workspace.applyEdit(fix!.edit!));
    assert.match(document.getText(), /^## Governance/m);
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === MISSING_SECTION));
  });

  it('reads .partnerlint.yaml through vscode.workspace.fs: a rule turned off, a rule made an error', async () => {
    const strict = await open('strict', 'charter-without-governance.md');
    const [error] = await waitForDiagnostics(strict.uri, (ds) => ds.some((d) => ruleOf(d) === MISSING_SECTION));
    assert.equal(error!.severity, vscode.DiagnosticSeverity.Error, 'strict/.partnerlint.yaml was read');

    const quiet = await open('quiet', 'charter-without-governance.md');
    await waitUntil(() => api.linter.stateOf(quiet.document)?.result !== undefined, 'quiet/charter-without-governance.md is linted');
    assert.strictEqual(api.linter.stateOf(quiet.document)!.result!.kind, 'partnership-charter', 'linted as a charter');
    assert.deepEqual(partnerlintDiagnostics(quiet.uri).map(ruleOf).filter((r) => r === MISSING_SECTION), [], 'quiet/.partnerlint.yaml turned it off');
  });

  it('needs Node for no command: every command is registered and Lint Workspace and New Charter work', async () => {
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'every contributed command is registered on the web');

    // Closed files: found with findFiles, read with workspace.fs, their settings files too.
    const run = await vscode.commands.executeCommand<{ checked: number; failed: number; problems: number }>('partnerlint.lintWorkspace');
    assert.equal(run.failed, 0);
    assert.equal(run.checked, 3, 'the three charters (not the README)');
    const strictDiagnostics = partnerlintDiagnostics(workspaceUri('strict', 'charter-without-governance.md'));
    assert.ok(strictDiagnostics.some((d) => ruleOf(d) === MISSING_SECTION && d.severity === vscode.DiagnosticSeverity.Error));

    // The template comes from the extension's own files (snippets/markdown.json) through workspace.fs.
    await vscode.commands.executeCommand('partnerlint.newCharter');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'a new document is open');
    await waitUntil(() => /Governance/.test(editor!.document.getText()), 'the charter template is inserted');
    assert.equal(editor!.document.languageId, 'markdown');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal(api.errorCount(), 0);
  });
});
