import * as vscode from 'vscode';
import { Logger } from './log';
import { DocumentLinter } from './linting';
import { WorkspaceConfig } from './workspace-config';
import { CodeActions } from './code-actions';
import { registerCommands } from './commands';
import { StatusItem } from './status';
import { ConfigCompletion } from './config-completion';
import { WorkspaceTrees } from './workspace-trees';
import { DecisionWizard, DecisionCodeLens } from './wizard';

export { COMMANDS } from './commands';

/** What the extension exposes to its integration tests (and nothing else relies on). */
export interface PartnerLintApi {
  linter: DocumentLinter;
  status: StatusItem;
  wizard: DecisionWizard;
  /** Errors logged to the PartnerLint output channel since activation. */
  errorCount(): number;
}

export function activate(context: vscode.ExtensionContext): PartnerLintApi {
  const log = new Logger();
  const config = new WorkspaceConfig(log);
  const trees = new WorkspaceTrees(log);
  const linter = new DocumentLinter(config, trees, log);
  const status = new StatusItem(linter);
  const wizard = new DecisionWizard(trees);
  context.subscriptions.push(
    log,
    config,
    trees,
    linter,
    status,
    wizard,
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, new DecisionCodeLens()),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new CodeActions(linter), CodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(ConfigCompletion.selector, new ConfigCompletion(), ':', ' '),
  );
  registerCommands(context, linter, config, wizard, log);
  log.info(`PartnerLint ${context.extension.packageJSON.version} activated in VS Code ${vscode.version}`);
  return { linter, status, wizard, errorCount: () => log.errors };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
