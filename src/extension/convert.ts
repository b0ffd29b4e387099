import * as vscode from 'vscode';
import type { LintDiagnostic, Range, Severity } from '../core';

/** Where each rule's documentation lives; the diagnostic's code links there. */
export const DOCS_BASE = 'https://github.com/partnerlint/partnerlint/blob/main/docs/rules/';

export function docsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`${DOCS_BASE}${ruleId}.md`);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The source every PartnerLint diagnostic carries. */
export const SOURCE = 'partnerlint';

export function toDiagnostic(problem: LintDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, SEVERITY[problem.severity]);
  diagnostic.source = SOURCE;
  diagnostic.code = { value: problem.ruleId, target: docsUri(problem.ruleId) };
  return diagnostic;
}
