import type { LintDiagnostic } from '../core/types';
import { TextIndex } from '../core/text';
import type { TreeProblem } from './types';
import { loadTree } from './load';

/**
 * Problems in a decision tree file (`.partnerlint/trees/*.yaml`) as the diagnostics the editor and
 * the CLI show: YAML that does not parse, missing or unknown fields, ids that are not kebab-case,
 * answers that lead nowhere, cycles, unreachable questions and outcomes. Errors make the tree
 * unusable (records naming it are then checked as if it did not exist); warnings leave it usable.
 */

import { TREE_RULE_ID } from '../core/engine';

/** Problems in decision tree files are reported under this engine id (like config-invalid). */
export { TREE_RULE_ID };

/** Where a problem is shown: its offsets, with a bare point widened so it can be seen. */
function rangeFor(index: TextIndex, problem: TreeProblem): LintDiagnostic['range'] {
  const text = index.text;
  const start = Math.max(0, Math.min(problem.range?.start ?? 0, text.length));
  let end = Math.max(start, Math.min(problem.range?.end ?? start, text.length));
  if (end === start) {
    // A point (an error at the end of the text, a file too large to read): mark the rest of its
    // line, or the line itself when the point is at its end.
    const line = index.positionAt(start).line;
    const lineEnd = index.lineEnd(line);
    if (lineEnd > start) end = lineEnd;
    else return index.lineRange(line);
  }
  return index.rangeOf(start, end);
}

/** Turns tree problems (with offsets into `text`) into diagnostics, in document order. */
export function treeProblemsToDiagnostics(text: string, problems: readonly TreeProblem[]): LintDiagnostic[] {
  const index = new TextIndex(text);
  const seen = new Set<string>();
  const out: LintDiagnostic[] = [];
  for (const problem of problems) {
    const range = rangeFor(index, problem);
    const key = `${range.start.line}:${range.start.character}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ruleId: TREE_RULE_ID, severity: problem.severity, message: problem.message, range });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

/** Checks the text of one decision tree file. Never throws. */
export function lintTreeFile(text: string): LintDiagnostic[] {
  let problems: TreeProblem[];
  try {
    problems = loadTree(text).problems;
  } catch (error) {
    // loadTree does not throw; this is a last line of defence for the editor.
    problems = [{ code: 'yaml-syntax', severity: 'error', message: `PartnerLint could not check this tree (${error instanceof Error ? error.message : String(error)}).`, path: [], range: { start: 0, end: 0 } }];
  }
  return treeProblemsToDiagnostics(text, problems);
}
