import * as vscode from 'vscode';
import { selectFixes } from '../core';
import { isMarkdown, type DocumentLinter } from './linting';
import type { WorkspaceConfig } from './workspace-config';
import type { Logger } from './log';
import type { DecisionWizard } from './wizard';

/** Command ids, as contributed in package.json. */
export const COMMANDS = {
  showOutput: 'partnerlint.showOutput',
  newCharter: 'partnerlint.newCharter',
  newStrategy: 'partnerlint.newStrategy',
  fixAll: 'partnerlint.fixAll',
  lintWorkspace: 'partnerlint.lintWorkspace',
  showRuleDocs: 'partnerlint.showRuleDocs',
  createConfig: 'partnerlint.createConfig',
  runDecisionTree: 'partnerlint.runDecisionTree',
  rerunDecision: 'partnerlint.rerunDecision',
} as const;

/**
 * The snippet a new document starts from (snippets/markdown.json, by one of its prefixes), so
 * that each kind has one template: `charter` for a charter, `partner-strategy` for a strategy.
 */
async function template(extensionUri: vscode.Uri, prefix: string): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'markdown.json'));
  const snippets = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, { prefix: string | string[]; body: string | string[] }>;
  const found = Object.values(snippets).find((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(prefix));
  if (!found) throw new Error(`snippets/markdown.json has no snippet with the prefix "${prefix}"`);
  return Array.isArray(found.body) ? found.body.join('\n') : found.body;
}

/** Opens an untitled Markdown document and expands the template snippet `prefix` in it. */
async function newDocument(extensionUri: vscode.Uri, prefix: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(await template(extensionUri, prefix)));
}

const STARTER_CONFIG = `# PartnerLint settings for this folder and the folders below it.
# Rules: off, info, warning or error. Vocabulary lists add to PartnerLint's own words.
rules:
  placeholder-left: warning
vocabulary:
  coMarketingTerms: []
`;

export function registerCommands(context: vscode.ExtensionContext, linter: DocumentLinter, _config: WorkspaceConfig, wizard: DecisionWizard, log: Logger): void {
  const run = (id: string, handler: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        log.error(`The command ${id} failed`, error);
        void vscode.window.showErrorMessage(`PartnerLint: ${error instanceof Error ? error.message : String(error)} (details in the PartnerLint output).`);
        return undefined;
      }
    });

  context.subscriptions.push(
    run(COMMANDS.showOutput, () => log.channel.show()),

    run(COMMANDS.runDecisionTree, (treeId?: string) => wizard.run(typeof treeId === 'string' ? { treeId } : {})),

    run(COMMANDS.rerunDecision, (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return undefined;
      return wizard.rerun(target);
    }),

    run(COMMANDS.showRuleDocs, async (ruleId: string) => {
      const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
      await vscode.commands.executeCommand('markdown.showPreview', page);
    }),

    run(COMMANDS.newCharter, () => newDocument(context.extensionUri, 'charter')),

    run(COMMANDS.newStrategy, () => newDocument(context.extensionUri, 'partner-strategy')),

    run(COMMANDS.fixAll, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !isMarkdown(editor.document)) return;
      const doc = editor.document;
      // Fix, re-lint, repeat: a fix can make room for another (at most 10 passes).
      for (let pass = 0; pass < 10; pass++) {
        await linter.lint(doc, true);
        const state = linter.stateOf(doc);
        const fixes = selectFixes(doc.getText(), (state?.result?.diagnostics ?? []).flatMap((d) => (d.fix ? [d.fix] : [])));
        if (fixes.length === 0) break;
        const applied = await editor.edit((builder) => {
          for (const fix of fixes) for (const e of fix.edits) builder.replace(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
        });
        if (!applied) break;
      }
    }),

    run(COMMANDS.lintWorkspace, async () => {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'PartnerLint: checking the workspace', cancellable: true },
        async (progress, token) => {
          // files.exclude applies when no exclude is given.
          const files = await vscode.workspace.findFiles('**/*.{md,markdown}', undefined, undefined, token);
          let checked = 0;
          let problems = 0;
          for (const [i, uri] of files.entries()) {
            if (token.isCancellationRequested) break;
            progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
            const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
            if (open) {
              await linter.lint(open, true);
              problems += linter.stateOf(open)?.result?.diagnostics.length ?? 0;
              checked += linter.stateOf(open)?.result?.kind ? 1 : 0;
              continue;
            }
            // Closed files go through the same configuration pipeline and lint worker as open ones.
            const checkedClosed = await linter.lintClosed(uri).catch((error: unknown) => {
              log.error(`Checking ${uri.toString(true)} failed`, error);
              return undefined;
            });
            if (checkedClosed) {
              checked++;
              problems += checkedClosed.problems;
            }
            if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
          }
          log.info(`Lint Workspace: ${files.length} Markdown files, ${checked} strategy documents, ${problems} problems${token.isCancellationRequested ? ' (cancelled)' : ''}.`);
          if (!token.isCancellationRequested) await vscode.commands.executeCommand('workbench.actions.view.problems');
        },
      );
    }),

    run(COMMANDS.createConfig, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showInformationMessage('PartnerLint: open a folder first; the settings file goes at its top.');
        return;
      }
      const uri = vscode.Uri.joinPath(folder.uri, '.partnerlint.yaml');
      const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
      if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(STARTER_CONFIG));
      await vscode.window.showTextDocument(uri);
    }),
  );
}
