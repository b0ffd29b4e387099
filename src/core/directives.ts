import type { Html, Nodes, Root } from 'mdast';
import type { LintDiagnostic, Range } from './types';
import type { StrategyDocument } from './document';

/**
 * Inline comments that switch rules off, read from the parsed tree's HTML nodes (so a comment
 * shown inside a code block is not a directive):
 *
 *   <!-- partnerlint-disable rule-a rule-b -->      off from this line on (no ids: every rule)
 *   <!-- partnerlint-enable rule-a -->              back on from this line on
 *   <!-- partnerlint-disable-next-line rule-a -->   off for the line after the comment
 *   <!-- partnerlint-disable-line rule-a -->        off for the comment's own line
 *   <!-- partnerlint-disable-file rule-a -->        off for the whole document
 *
 * Ids are separated by spaces or commas. Unknown ids are reported, never silently ignored.
 */

export const UNKNOWN_RULE_ID = 'unknown-rule';

type Kind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

interface Directive {
  kind: Kind;
  /** Rule ids it names; empty means every rule. */
  ids: string[];
  /** Zero-based lines the comment starts and ends on. */
  line: number;
  endLine: number;
}

const COMMENT = /<!--\s*partnerlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

/** Every directive comment in the document, with the range of each. */
export function readDirectives(doc: StrategyDocument): { directives: Directive[]; ranges: Map<Directive, Range> } {
  const directives: Directive[] = [];
  const ranges = new Map<Directive, Range>();
  for (const node of htmlNodes(doc.root)) {
    const base = node.position?.start.offset ?? 0;
    for (const m of node.value.matchAll(COMMENT)) {
      const start = base + (m.index ?? 0);
      const range = doc.index.rangeOf(start, start + m[0].length);
      const directive: Directive = {
        kind: m[1] as Kind,
        ids: m[2]!.split(/[\s,]+/).filter(Boolean),
        line: range.start.line,
        endLine: range.end.line,
      };
      directives.push(directive);
      ranges.set(directive, range);
    }
  }
  return { directives, ranges };
}

/** The HTML nodes of a tree in document order, found without recursion (deep nesting cannot overflow the stack). */
function htmlNodes(root: Root): Html[] {
  const out: Html[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') out.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return out;
}

/**
 * Drops the diagnostics that directives switch off and adds one `unknown-rule` warning per id
 * that names no rule. `knownIds` are every rule id the engine can report.
 */
export function applyDirectives(doc: StrategyDocument, diagnostics: LintDiagnostic[], knownIds: ReadonlySet<string>): LintDiagnostic[] {
  if (!doc.text.includes('partnerlint-')) return diagnostics;
  const { directives, ranges } = readDirectives(doc);
  if (directives.length === 0) return diagnostics;
  const problems: LintDiagnostic[] = [];
  for (const d of directives) {
    for (const id of d.ids) {
      if (!knownIds.has(id)) {
        problems.push({
          ruleId: UNKNOWN_RULE_ID,
          severity: 'warning',
          message: `"${id}" is not a PartnerLint rule, so this comment switches nothing off. Check the spelling against the rule list.`,
          range: ranges.get(d)!,
        });
      }
    }
  }
  const names = (d: Directive, ruleId: string) => d.ids.length === 0 || d.ids.includes(ruleId);
  const ordered = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.line - b.line);
  const kept = diagnostics.filter((diagnostic) => {
    const line = diagnostic.range.start.line;
    const id = diagnostic.ruleId;
    for (const d of directives) {
      if (!names(d, id)) continue;
      if (d.kind === 'disable-file') return false;
      if (d.kind === 'disable-next-line' && line === d.endLine + 1) return false;
      if (d.kind === 'disable-line' && line >= d.line && line <= d.endLine) return false;
    }
    let disabled = false;
    for (const d of ordered) {
      if (d.line > line) break;
      if (names(d, id)) disabled = d.kind === 'disable';
    }
    return !disabled;
  });
  return [...kept, ...problems].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
