import * as vscode from 'vscode';
import { TextIndex, type LintDiagnostic, type TextEdit } from '../core';
import { FIX_ALL_TITLE, fixAllEdits, problemActions } from '../core/actions';
import { toRange, SOURCE } from './convert';
import { DocumentLinter } from './linting';
import { COMMANDS } from './commands';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('partnerlint');

function edit(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const e of edits) workspaceEdit.replace(doc.uri, toRange(e.range), e.newText);
  return workspaceEdit;
}

/**
 * Code actions on PartnerLint's diagnostics, always in this order: the rule's fix (preferred)
 * or its suggestions; fix all of that rule's problems in the file; disable the rule for the
 * line; for the file; show its documentation. And, once per document, `source.fixAll.partnerlint`
 * for `editor.codeActionsOnSave`, which applies the document's own fixes and nothing more.
 */
export class CodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly linter: DocumentLinter) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    // On save, or right after typing, the debounced lint may not have seen this version yet.
    const state = await this.linter.currentState(doc);
    if (!state?.result) return [];
    const all = state.result.diagnostics;
    // On save, `only` is source.fixAll (or ours); the light bulb asks without `only`.
    if (context.only?.contains(FIX_ALL_KIND)) return this.fixAll(doc, all);
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    const index = new TextIndex(doc.getText());
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const problem = DocumentLinter.problemIn(state, diagnostic);
      if (!problem) continue;
      actions.push(...this.actionsFor(doc, index, diagnostic, problem, all, seenRules));
    }
    return actions;
  }

  /** The core's actions on one problem (src/core/actions.ts), as VS Code code actions. */
  private actionsFor(doc: vscode.TextDocument, index: TextIndex, diagnostic: vscode.Diagnostic, problem: LintDiagnostic, all: readonly LintDiagnostic[], seenRules: Set<string>): vscode.CodeAction[] {
    return problemActions(index, problem, all, seenRules).map((planned) => {
      const action = new vscode.CodeAction(planned.title, vscode.CodeActionKind.QuickFix);
      if (planned.kind === 'docs') {
        action.command = { command: COMMANDS.showRuleDocs, title: planned.title, arguments: [planned.ruleId] };
        return action;
      }
      action.edit = edit(doc, planned.edits);
      if (planned.kind === 'fix' || planned.kind === 'suggestion') action.diagnostics = [diagnostic];
      if (planned.kind === 'fix') action.isPreferred = true;
      return action;
    });
  }

  private fixAll(doc: vscode.TextDocument, all: readonly LintDiagnostic[]): vscode.CodeAction[] {
    const edits = fixAllEdits(doc.getText(), all);
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction(FIX_ALL_TITLE, FIX_ALL_KIND);
    action.edit = edit(doc, edits);
    return [action];
  }
}
