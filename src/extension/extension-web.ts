/**
 * The web extension's entry (package.json `browser`, dist/web/extension.js), for vscode.dev,
 * github.dev and other browser-hosted VS Code: runs in VS Code's web worker extension host, with
 * no Node API. It lints in a Web Worker (dist/web/lint-worker.js) and reads every file through
 * vscode.workspace.fs, like the desktop extension. scripts/build.mjs fails the build when anything
 * here pulls in a Node module.
 */
import * as vscode from 'vscode';
import { activateOn, type PartnerLintApi } from './activate';
import { webTransport } from '../worker/lint-transport-web';

export { COMMANDS } from './commands';
export type { PartnerLintApi } from './activate';

export function activate(context: vscode.ExtensionContext): PartnerLintApi {
  const worker = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'lint-worker.js');
  return activateOn(context, { transport: webTransport(worker.toString(true)), name: 'web' });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
