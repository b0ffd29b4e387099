import * as vscode from 'vscode';
import type { LintDiagnostic, Range, Severity } from '../core';
import { docsUrl } from '../core/actions';

/** The rule's documentation page (the same link the language server gives). */
export function docsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(docsUrl(ruleId));
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
import { DIAGNOSTIC_SOURCE as SOURCE } from '../core/actions';
export { SOURCE };

/**
 * The editor's diagnostic for `problem`. With the document's `uri`, the other places the problem
 * involves (`relatedInformation`) are shown under it and can be clicked; without one (a problem
 * of a file whose URI the caller does not have) they are left out.
 */
export function toDiagnostic(problem: LintDiagnostic, uri?: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, SEVERITY[problem.severity]);
  diagnostic.source = SOURCE;
  diagnostic.code = { value: problem.ruleId, target: docsUri(problem.ruleId) };
  if (uri && problem.relatedInformation?.length) {
    diagnostic.relatedInformation = problem.relatedInformation.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message),
    );
  }
  return diagnostic;
}
