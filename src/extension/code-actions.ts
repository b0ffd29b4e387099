import * as vscode from 'vscode';
import { selectFixes, type Fix, type LintDiagnostic } from '../core';
import { toRange, SOURCE } from './convert';
import { DocumentLinter } from './linting';
import { COMMANDS } from './commands';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('partnerlint');

function edit(doc: vscode.TextDocument, fixes: readonly Fix[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const fix of fixes) for (const e of fix.edits) workspaceEdit.replace(doc.uri, toRange(e.range), e.newText);
  return workspaceEdit;
}

/** Where the front matter ends (the line after its closing fence), or 0. */
function afterFrontMatter(doc: vscode.TextDocument): number {
  if (doc.lineCount < 2 || !/^\uFEFF?---\s*$/.test(doc.lineAt(0).text)) return 0;
  for (let line = 1; line < doc.lineCount; line++) if (/^---\s*$/.test(doc.lineAt(line).text)) return line + 1;
  return 0;
}

/**
 * "Disable for this line": an HTML comment at the end of the line the problem starts on
 * (`<!-- partnerlint-disable-line id -->`). At the end of the line it works inside list items,
 * table cells, headings and paragraphs alike, and changes nothing a reader sees. Returns
 * undefined for a line where an HTML comment would not be Markdown (front matter).
 */
export function disableLineEdit(doc: vscode.TextDocument, line: number, ruleId: string): vscode.WorkspaceEdit | undefined {
  if (line < afterFrontMatter(doc)) return undefined;
  const text = doc.lineAt(line).text;
  const existing = /<!--\s*partnerlint-disable-line\b([^>]*?)\s*-->\s*$/.exec(text);
  const workspaceEdit = new vscode.WorkspaceEdit();
  if (existing) {
    const at = new vscode.Position(line, existing.index + existing[0].lastIndexOf('-->'));
    workspaceEdit.insert(doc.uri, at, `${/\s$/.test(text.slice(0, at.character)) ? '' : ' '}${ruleId} `);
  } else {
    const end = text.replace(/\s+$/, '').length;
    workspaceEdit.insert(doc.uri, new vscode.Position(line, end), ` <!-- partnerlint-disable-line ${ruleId} -->`);
  }
  return workspaceEdit;
}

/** "Disable for this file": a comment on its own line after the front matter (or at the top). */
export function disableFileEdit(doc: vscode.TextDocument, ruleId: string): vscode.WorkspaceEdit {
  const line = afterFrontMatter(doc);
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.insert(doc.uri, new vscode.Position(line, 0), `<!-- partnerlint-disable-file ${ruleId} -->${eol}${eol}`);
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
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const problem = DocumentLinter.problemIn(state, diagnostic);
      if (!problem) continue;
      actions.push(...this.actionsFor(doc, diagnostic, problem, all, seenRules));
    }
    return actions;
  }

  private actionsFor(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, problem: LintDiagnostic, all: readonly LintDiagnostic[], seenRules: Set<string>): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const id = problem.ruleId;
    if (problem.fix) {
      const action = new vscode.CodeAction(problem.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = edit(doc, [problem.fix]);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    for (const suggestion of problem.suggestions ?? []) {
      const action = new vscode.CodeAction(suggestion.title, vscode.CodeActionKind.QuickFix);
      action.edit = edit(doc, [suggestion]);
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    if (seenRules.has(id)) return actions;
    seenRules.add(id);
    const sameRule = all.filter((d) => d.ruleId === id && d.fix);
    if (sameRule.length > 1) {
      const action = new vscode.CodeAction(`Fix all ${id} problems in this file`, vscode.CodeActionKind.QuickFix);
      action.edit = edit(doc, selectFixes(doc.getText(), sameRule.map((d) => d.fix!)));
      actions.push(action);
    }
    const line = disableLineEdit(doc, problem.range.start.line, id);
    if (line) {
      const action = new vscode.CodeAction(`Disable ${id} for this line`, vscode.CodeActionKind.QuickFix);
      action.edit = line;
      actions.push(action);
    }
    const file = new vscode.CodeAction(`Disable ${id} for this file`, vscode.CodeActionKind.QuickFix);
    file.edit = disableFileEdit(doc, id);
    actions.push(file);
    const docs = new vscode.CodeAction(`Show documentation for ${id}`, vscode.CodeActionKind.QuickFix);
    docs.command = { command: COMMANDS.showRuleDocs, title: docs.title, arguments: [id] };
    actions.push(docs);
    return actions;
  }

  private fixAll(doc: vscode.TextDocument, all: readonly LintDiagnostic[]): vscode.CodeAction[] {
    const fixes = selectFixes(doc.getText(), all.flatMap((d) => (d.fix ? [d.fix] : [])));
    if (fixes.length === 0) return [];
    const action = new vscode.CodeAction('Fix all PartnerLint problems', FIX_ALL_KIND);
    action.edit = edit(doc, fixes);
    return [action];
  }
}
