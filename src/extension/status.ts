import * as vscode from 'vscode';
import { kindName, KIND_SOURCE_WORDS } from '../core';
import { isMarkdown, type DocumentLinter } from './linting';


/**
 * A language status item for Markdown: the kind of document PartnerLint sees and how many
 * problems it has, or why it is not checking the document. Never a notification.
 */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('partnerlint.status', { language: 'markdown' });
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly linter: DocumentLinter) {
    this.item.name = 'PartnerLint';
    this.item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      linter.onDidChangeState((uri) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.update();
      }),
    );
    this.update();
  }

  /** The item's current text, for tests. */
  get text(): string {
    return `${this.item.text} — ${this.item.detail ?? ''}`;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isMarkdown(doc)) return;
    const state = this.linter.stateOf(doc);
    const kind = state?.result?.kind;
    // Lets package.json show commands only where they apply (e.g. re-running a decision).
    void vscode.commands.executeCommand('setContext', 'partnerlint.documentKind', state?.skipped ? undefined : kind);
    if (state?.result && kind && !state.skipped) {
      const count = state.result.diagnostics.length;
      this.item.text = `$(checklist) ${kindName(kind)}`;
      const problems = count === 0 ? 'PartnerLint: no problems' : `PartnerLint: ${count} problem${count === 1 ? '' : 's'}`;
      const source = state.result.kindSource;
      const change = source === 'front-matter' ? '' : source === 'settings' ? '' : ' (type: in front matter changes it)';
      this.item.detail = `${problems} · ${KIND_SOURCE_WORDS[source]}${change}`;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
    } else {
      this.item.text = '$(circle-slash) PartnerLint';
      this.item.detail = state?.skipped
        ? `Not checked: ${state.skipped}${/not recognised|not a kind/.test(state.skipped) ? ' (add type: partnership-charter, or another kind, to its front matter to check it)' : ''}`
        : 'Waiting for the first check';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
