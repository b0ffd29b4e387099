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
import type { LintTransport } from '../worker/lint-transport';

export { COMMANDS } from './commands';

/** What the extension exposes to its integration tests (and nothing else relies on). */
export interface PartnerLintApi {
  linter: DocumentLinter;
  status: StatusItem;
  wizard: DecisionWizard;
  /** Where it runs: `desktop` (Node extension host) or `web` (web worker extension host). */
  host: string;
  /** Errors logged to the PartnerLint output channel since activation. */
  errorCount(): number;
}

/** What differs between the desktop extension (extension.ts) and the web one (extension-web.ts). */
export interface Host {
  /** How lint workers are started: a Node worker thread, or a Web Worker. */
  transport: LintTransport;
  /** Also write log lines to the console (PARTNERLINT_LOG_TO_CONSOLE on the desktop). */
  echoToConsole?: boolean;
  /** Where it runs, for the log's first line. */
  name: string;
}

/** Activates PartnerLint: the same extension on the desktop and on the web, apart from `host`. */
export function activateOn(context: vscode.ExtensionContext, host: Host): PartnerLintApi {
  const log = new Logger(host.echoToConsole ?? false);
  const config = new WorkspaceConfig(log);
  const trees = new WorkspaceTrees(log);
  const linter = new DocumentLinter(config, trees, log, host.transport);
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
  log.info(`PartnerLint ${context.extension.packageJSON.version} activated in VS Code ${vscode.version} (${host.name})`);
  return { linter, status, wizard, host: host.name, errorCount: () => log.errors };
}
