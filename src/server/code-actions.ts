import { CodeActionKind, type ClientCapabilities, type CodeAction, type CodeActionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextIndex, type LintDiagnostic } from '../core';
import { FIX_ALL_TITLE, fixAllEdits, problemActions, problemBehind } from '../core/actions';
import { SOURCE } from './linting';

/** `source.fixAll.partnerlint`: the document's own fixes, for fix-on-save. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.partnerlint`;

/** The server's commands (named apart from the VS Code extension's, so both can be installed). */
export const COMMANDS = {
  /** Arguments: [document URI]. Applies every fix in the document. */
  fixAll: 'partnerlint-ls.fixAll',
  /** Arguments: [rule id]. Opens the rule's documentation (window/showDocument). */
  showRuleDocs: 'partnerlint-ls.showRuleDocs',
} as const;

/** Whether an action of `kind` answers a request for `requested` (LSP kinds are hierarchical: `source` covers `source.fixAll.x`). */
function covers(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(requested + '.');
}

function workspaceEdit(doc: TextDocument, edits: readonly TextEdit[], capabilities: ClientCapabilities): WorkspaceEdit {
  // With document changes the client can refuse an edit made for an older version of the text.
  if (capabilities.workspace?.workspaceEdit?.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: [...edits] }] };
  }
  return { changes: { [doc.uri]: [...edits] } };
}

/** The fix-all edit of a document, or undefined when nothing in it can be fixed. */
export function fixAllEdit(doc: TextDocument, problems: readonly LintDiagnostic[], capabilities: ClientCapabilities): WorkspaceEdit | undefined {
  const edits = fixAllEdits(doc.getText(), problems);
  return edits.length === 0 ? undefined : workspaceEdit(doc, edits, capabilities);
}

/**
 * Code actions, in the extension's order (src/core/actions.ts): for each PartnerLint diagnostic in
 * the request, its fix (preferred) or suggestions, fix all of that rule, disable for the line, for
 * the file, and the rule's documentation (only when the client can open a document on the server's
 * request); then, when asked for `source.fixAll` (or `source`, or nothing in particular),
 * `source.fixAll.partnerlint` with the document's own fixes.
 */
export function codeActions(doc: TextDocument, problems: readonly LintDiagnostic[], params: CodeActionParams, capabilities: ClientCapabilities): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => covers(requested, kind));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const index = new TextIndex(doc.getText());
    const seenRules = new Set<string>();
    const canShowDocument = capabilities.window?.showDocument?.support === true;
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const problem = problemBehind(problems, { code: diagnostic.code === undefined ? undefined : String(diagnostic.code), message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value, range: diagnostic.range });
      if (!problem) continue;
      for (const planned of problemActions(index, problem, problems, seenRules)) {
        if (planned.kind === 'docs') {
          if (canShowDocument) actions.push({ title: planned.title, kind: CodeActionKind.QuickFix, command: { title: planned.title, command: COMMANDS.showRuleDocs, arguments: [planned.ruleId] } });
          continue;
        }
        actions.push({
          title: planned.title,
          kind: CodeActionKind.QuickFix,
          edit: workspaceEdit(doc, planned.edits, capabilities),
          ...(planned.kind === 'fix' || planned.kind === 'suggestion' ? { diagnostics: [diagnostic] } : {}),
          ...(planned.kind === 'fix' ? { isPreferred: true } : {}),
        });
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edit = fixAllEdit(doc, problems, capabilities);
    if (edit) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit });
  }
  return actions;
}
