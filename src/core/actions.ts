import { selectFixes } from './fixes';
import { TextIndex } from './text';
import type { LintDiagnostic, Range, TextEdit } from './types';

/**
 * The code actions PartnerLint offers on its problems, as plain data, for every editor: the VS Code
 * extension (src/extension/code-actions.ts) and the language server (src/server/code-actions.ts)
 * turn them into their own types and nothing more.
 */

/** The `source` of every diagnostic PartnerLint gives, in VS Code and through the language server. */
export const DIAGNOSTIC_SOURCE = 'partnerlint';

/** Where each rule's documentation lives; every diagnostic's code links there. */
export const DOCS_BASE = 'https://github.com/partnerlint/partnerlint/blob/main/docs/rules/';

/** The documentation page of a rule (or of one of the engine's own ids). */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/**
 * One action on one problem. `fix` is the rule's own safe fix (preferred); `suggestion` may change
 * meaning and is only applied when picked; `fix-rule` fixes every problem of the same rule in the
 * document; `disable-line` / `disable-file` insert a disable comment; `docs` opens the rule's page.
 */
export type ProblemAction =
  | { kind: 'fix' | 'suggestion' | 'fix-rule' | 'disable-line' | 'disable-file'; title: string; edits: TextEdit[] }
  | { kind: 'docs'; title: string; ruleId: string };

/** Where the front matter ends (the line after its closing fence), or 0. */
function afterFrontMatter(index: TextIndex): number {
  if (index.lineCount < 2 || !/^\uFEFF?---\s*$/.test(index.lineText(0))) return 0;
  for (let line = 1; line < index.lineCount; line++) if (/^---\s*$/.test(index.lineText(line))) return line + 1;
  return 0;
}

/**
 * "Disable for this line": an HTML comment at the end of the line the problem starts on
 * (`<!-- partnerlint-disable-line id -->`), or the id added to one already there. At the end of the
 * line it works inside list items, table cells, headings and paragraphs alike, and changes nothing
 * a reader sees. Undefined for a line where an HTML comment would not be Markdown (front matter).
 */
export function disableLineEdit(text: string | TextIndex, line: number, ruleId: string): TextEdit | undefined {
  const index = typeof text === 'string' ? new TextIndex(text) : text;
  if (line < afterFrontMatter(index) || line >= index.lineCount) return undefined;
  const lineText = index.lineText(line);
  const existing = /<!--\s*partnerlint-disable-line\b([^>]*?)\s*-->\s*$/.exec(lineText);
  if (existing) {
    const character = existing.index + existing[0].lastIndexOf('-->');
    const at = { line, character };
    return { range: { start: at, end: at }, newText: `${/\s$/.test(lineText.slice(0, character)) ? '' : ' '}${ruleId} ` };
  }
  const at = { line, character: lineText.replace(/\s+$/, '').length };
  return { range: { start: at, end: at }, newText: ` <!-- partnerlint-disable-line ${ruleId} -->` };
}

/** "Disable for this file": a comment on its own line after the front matter (or at the top). */
export function disableFileEdit(text: string | TextIndex, ruleId: string): TextEdit {
  const index = typeof text === 'string' ? new TextIndex(text) : text;
  const at = { line: afterFrontMatter(index), character: 0 };
  const eol = index.eol;
  return { range: { start: at, end: at }, newText: `<!-- partnerlint-disable-file ${ruleId} -->${eol}${eol}` };
}

/**
 * The actions on `problem`, always in this order: the rule's fix or its suggestions; then, the
 * first time a rule is seen (`seenRules` is shared across the problems of one request), fix all
 * of that rule's problems in the file (when there are several), disable the rule for the line,
 * for the file, and show its documentation.
 */
export function problemActions(text: string | TextIndex, problem: LintDiagnostic, all: readonly LintDiagnostic[], seenRules: Set<string>): ProblemAction[] {
  const index = typeof text === 'string' ? new TextIndex(text) : text;
  const actions: ProblemAction[] = [];
  const id = problem.ruleId;
  if (problem.fix) actions.push({ kind: 'fix', title: problem.fix.title, edits: problem.fix.edits });
  for (const suggestion of problem.suggestions ?? []) actions.push({ kind: 'suggestion', title: suggestion.title, edits: suggestion.edits });
  if (seenRules.has(id)) return actions;
  seenRules.add(id);
  const sameRule = all.filter((d) => d.ruleId === id && d.fix);
  if (sameRule.length > 1) {
    actions.push({ kind: 'fix-rule', title: `Fix all ${id} problems in this file`, edits: selectFixes(index.text, sameRule.map((d) => d.fix!)).flatMap((f) => f.edits) });
  }
  const line = disableLineEdit(index, problem.range.start.line, id);
  if (line) actions.push({ kind: 'disable-line', title: `Disable ${id} for this line`, edits: [line] });
  actions.push({ kind: 'disable-file', title: `Disable ${id} for this file`, edits: [disableFileEdit(index, id)] });
  actions.push({ kind: 'docs', title: `Show documentation for ${id}`, ruleId: id });
  return actions;
}

/** The title of the one "fix everything" action per document. */
export const FIX_ALL_TITLE = 'Fix all PartnerLint problems';

/**
 * The edits of "fix all" on save (`source.fixAll.partnerlint`): the document's own fixes that can
 * be applied together, never suggestions, and nothing more (no second pass).
 */
export function fixAllEdits(text: string, all: readonly LintDiagnostic[]): TextEdit[] {
  return selectFixes(text, all.flatMap((d) => (d.fix ? [d.fix] : []))).flatMap((f) => f.edits);
}

/**
 * The problem behind a diagnostic an editor hands back with a code action request: the same rule
 * (`code`, the diagnostic's code as a string), message and range. Undefined when the text changed
 * since, or when the diagnostic is not one of these problems.
 */
export function problemBehind(problems: readonly LintDiagnostic[], diagnostic: { code: string | undefined; message: string; range: Range }): LintDiagnostic | undefined {
  const r = diagnostic.range;
  return problems.find((d) => d.ruleId === diagnostic.code && d.message === diagnostic.message
    && d.range.start.line === r.start.line && d.range.start.character === r.start.character
    && d.range.end.line === r.end.line && d.range.end.character === r.end.character);
}
