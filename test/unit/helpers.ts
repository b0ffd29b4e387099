import { lintText, RULES, DEFAULT_CONFIG, type LintDiagnostic, type TextEdit, TextIndex } from '../../src/core';

/** Joins lines with `\n`, so documents read naturally inside tests. */
export function md(...lines: string[]): string {
  return lines.join('\n');
}

export function lint(text: string) {
  return lintText(text, RULES, DEFAULT_CONFIG);
}

export function ofRule(text: string, ruleId: string): LintDiagnostic[] {
  return lint(text).diagnostics.filter((d) => d.ruleId === ruleId);
}

/** Applies non-overlapping edits computed on `text`, last first. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new TextIndex(text);
  const sorted = edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
