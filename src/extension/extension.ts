import * as vscode from 'vscode';
import { Logger } from './log';
import { DocumentLinter } from './linting';
import { WorkspaceConfig } from './workspace-config';
import { CodeActions } from './code-actions';
import { registerCommands } from './commands';
import { StatusItem } from './status';
import { ConfigCompletion } from './config-completion';

export { COMMANDS } from './commands';

/** What the extension exposes to its integration tests (and nothing else relies on). */
export interface PartnerLintApi {
  linter: DocumentLinter;
  status: StatusItem;
}

export function activate(context: vscode.ExtensionContext): PartnerLintApi {
  const log = new Logger();
  const config = new WorkspaceConfig(log);
  const linter = new DocumentLinter(config, log);
  const status = new StatusItem(linter);
  context.subscriptions.push(
    log,
    config,
    linter,
    status,
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new CodeActions(linter), CodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(ConfigCompletion.selector, new ConfigCompletion(), ':', ' '),
  );
  registerCommands(context, linter, config, log);
  log.info(`PartnerLint ${context.extension.packageJSON.version} activated in VS Code ${vscode.version}`);
  return { linter, status };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
