import * as vscode from 'vscode';
import { Logger } from './log';
import { DocumentLinter } from './linting';

/** Command ids, as contributed in package.json. */
export const COMMANDS = {
  showOutput: 'partnerlint.showOutput',
} as const;

export function activate(context: vscode.ExtensionContext): void {
  const log = new Logger();
  const linter = new DocumentLinter(log);
  context.subscriptions.push(
    log,
    linter,
    vscode.commands.registerCommand(COMMANDS.showOutput, () => log.channel.show()),
  );
  log.info(`PartnerLint ${context.extension.packageJSON.version} activated in VS Code ${vscode.version}`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
