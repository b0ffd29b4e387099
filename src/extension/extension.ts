/**
 * The desktop extension's entry (package.json `main`, dist/extension.js): lints in a Node
 * worker thread. The web extension's entry is extension-web.ts; both activate the same way.
 */
import type * as vscode from 'vscode';
import { join } from 'node:path';
import { activateOn, type PartnerLintApi } from './activate';
import { nodeTransport } from '../worker/lint-transport-node';

export { COMMANDS } from './commands';
export type { PartnerLintApi } from './activate';

export function activate(context: vscode.ExtensionContext): PartnerLintApi {
  return activateOn(context, { transport: nodeTransport(join(__dirname, 'web', 'lint-worker.js')), echoToConsole: Boolean(process.env['PARTNERLINT_LOG_TO_CONSOLE']), name: 'desktop' });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
