import * as vscode from 'vscode';
import { RULES, selectFixes, type LintResult } from '../core';
import { isMarkdown, type DocumentLinter } from './linting';
import type { WorkspaceConfig } from './workspace-config';
import type { Logger } from './log';
import type { DecisionWizard } from './wizard';
import { fixAllSummary, templateChoices, workspaceSummary, type WorkspaceRun } from './summaries';

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
  insertTemplate: 'partnerlint.insertTemplate',
} as const;

/** Shows `text` with a "Show Problems" button; does not wait for the user (the command returns). */
function summarise(text: string): void {
  void vscode.window.showInformationMessage(text, 'Show Problems').then((action) => {
    if (action === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}

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

    run(COMMANDS.showRuleDocs, async (ruleId?: string) => {
      // From the command palette there is no rule yet: ask for one.
      const id = typeof ruleId === 'string' ? ruleId : (await vscode.window.showQuickPick(RULES.map((r) => ({ label: r.meta.id, detail: r.meta.description })), { title: 'PartnerLint: Show Rule Documentation', placeHolder: 'Which rule?', matchOnDetail: true }))?.label;
      if (!id) return;
      const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
      if (!/^[a-z0-9-]+$/.test(id) || !(await vscode.workspace.fs.stat(page).then(() => true, () => false))) {
        void vscode.window.showInformationMessage(`PartnerLint has no rule called "${id}".`);
        return;
      }
      // A locked preview: a plain one follows the active editor and is replaced on the next switch.
      await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', page);
    }),

    run(COMMANDS.newCharter, () => newDocument(context.extensionUri, 'charter')),

    run(COMMANDS.newStrategy, () => newDocument(context.extensionUri, 'partner-strategy')),

    // Markdown has quick suggestions off, so typing a snippet's prefix shows nothing until
    // Ctrl+Space: this finds every template by name instead.
    run(COMMANDS.insertTemplate, async (prefix?: string) => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'snippets', 'markdown.json'));
      const choices = templateChoices(new TextDecoder().decode(bytes));
      const chosen =
        typeof prefix === 'string'
          ? choices.find((c) => c.prefix === prefix)
          : await vscode.window.showQuickPick(
              choices.map((c) => ({ label: c.label, description: c.prefix, detail: c.detail, choice: c })),
              { title: 'PartnerLint: Insert Template', placeHolder: 'Which template? (in a Markdown file, Ctrl+Space after its prefix does the same)', matchOnDescription: true, matchOnDetail: true },
            ).then((item) => item?.choice);
      if (!chosen) return undefined;
      let editor = vscode.window.activeTextEditor;
      if (!editor || !isMarkdown(editor.document)) {
        editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: '' }));
      }
      await editor.insertSnippet(new vscode.SnippetString(chosen.body));
      return chosen.prefix;
    }),

    run(COMMANDS.fixAll, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !isMarkdown(editor.document)) return;
      const doc = editor.document;
      let before: LintResult['diagnostics'] | undefined;
      let after: LintResult['diagnostics'] = [];
      let applied = 0;
      // Fix, re-lint, repeat: a fix can make room for another (at most 10 passes).
      for (let pass = 0; pass < 10; pass++) {
        await linter.lint(doc, true);
        after = linter.stateOf(doc)?.result?.diagnostics ?? [];
        before ??= after;
        const fixes = selectFixes(doc.getText(), after.flatMap((d) => (d.fix ? [d.fix] : [])));
        if (fixes.length === 0) break;
        const ok = await editor.edit((builder) => {
          for (const fix of fixes) for (const e of fix.edits) builder.replace(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
        });
        if (!ok) break;
        applied += fixes.length;
      }
      const text = fixAllSummary(applied, before ?? [], after);
      summarise(text);
      return { applied, before: before?.length ?? 0, after: after.length, text };
    }),

    run(COMMANDS.lintWorkspace, async () => {
      return vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'PartnerLint: checking the workspace', cancellable: true },
        async (progress, token) => {
          // files.exclude applies when no exclude is given.
          const files = await vscode.workspace.findFiles('**/*.{md,markdown}', undefined, undefined, token);
          let checked = 0;
          let problems = 0;
          let seen = 0;
          let failed = 0;
          for (const [i, uri] of files.entries()) {
            if (token.isCancellationRequested) break;
            seen++;
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
              return { failed: 'failed' };
            });
            if (checkedClosed && 'failed' in checkedClosed) {
              failed++;
            } else if (checkedClosed) {
              checked++;
              problems += checkedClosed.problems;
            }
            if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
          }
          log.info(`Lint Workspace: ${files.length} Markdown files, ${checked} strategy documents, ${problems} problems${token.isCancellationRequested ? ' (cancelled)' : ''}.`);
          const summary: WorkspaceRun = { checked, problems, skipped: seen - checked, failed, cancelled: token.isCancellationRequested };
          summarise(workspaceSummary(summary));
          return { ...summary, text: workspaceSummary(summary) };
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
