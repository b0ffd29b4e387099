import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';

export const EXTENSION_ID = 'partnerlint.partnerlint';

/** The test workspace folder (a fresh copy of test/integration/workspace). */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export function partnerlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'partnerlint');
}

/**
 * Resolves with the PartnerLint diagnostics of `uri` as soon as `accept` holds for them,
 * waiting on onDidChangeDiagnostics (not polling); rejects after `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = partnerlintDiagnostics(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out waiting for diagnostics on ${uri.path}; last seen: ${JSON.stringify(partnerlintDiagnostics(uri).map((d) => d.message))}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed in the extension host`);
  await extension.activate();
  // VS Code cancels a code-action request (the light bulb's, and the one codeActionsOnSave makes)
  // when a code-action provider for the document's language is registered while it runs. The
  // built-in Markdown extension registers its language server's providers once that server has
  // started, which on a loaded machine can be half a minute in; its activation resolves after
  // that, so the tests wait for it rather than race it.
  await vscode.extensions.getExtension(MARKDOWN_EXTENSION_ID)?.activate();
  // For the same reason, the built-in JSON extension: a test that changes a setting makes VS Code
  // open the workspace's .vscode/settings.json as a text model, which activates that extension,
  // and its language client registers a code-action provider once its server has started. The
  // first such test is the fix-on-save test, whose save then raced that registration.
  await vscode.extensions.getExtension(JSON_EXTENSION_ID)?.activate();
}

/** VS Code's built-in Markdown and JSON support (absent in a stripped-down build, which is fine). */
export const MARKDOWN_EXTENSION_ID = 'vscode.markdown-language-features';
export const JSON_EXTENSION_ID = 'vscode.json-language-features';

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Waits until `ready()` holds, checking every 50 ms; rejects with `what()` after `timeoutMs`. */
export async function waitUntil(ready: () => boolean, what: () => string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
