import type { Fix, LintDiagnostic, TextEdit } from './types';
import { TextIndex } from './text';

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

function toOffsets(index: TextIndex, edits: readonly TextEdit[]): OffsetEdit[] {
  return edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }));
}

/**
 * Applies fixes computed on `text`. Fixes are taken in order; a fix any of whose edits overlaps
 * an edit already taken is skipped whole (it is applied on the next pass, after a re-lint).
 * Two insertions at the same point both apply, in the order given.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const index = new TextIndex(text);
  const chosen = selectFixes(text, fixes);
  const taken = toOffsets(index, chosen.flatMap((f) => f.edits));
  const applied = chosen.length;
  // Apply from the end so earlier offsets stay valid; equal insertion points keep their order.
  const ordered = taken.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of ordered) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied };
}

/**
 * The fixes that can be applied together in one go: in order, skipping any fix whose edits
 * overlap one already chosen (an insertion strictly inside a replaced range counts; touching
 * does not). The editor applies the chosen edits as one change.
 */
export function selectFixes(text: string, fixes: readonly Fix[]): Fix[] {
  const index = new TextIndex(text);
  const taken: OffsetEdit[] = [];
  const chosen: Fix[] = [];
  for (const fix of fixes) {
    const edits = toOffsets(index, fix.edits);
    if (edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end))) continue;
    taken.push(...edits);
    chosen.push(fix);
  }
  return chosen;
}

/**
 * "Fix all": applies every diagnostic's fix (never suggestions), re-lints and repeats until
 * nothing fixable is left or `maxPasses` is reached.
 */
export function fixAll(
  text: string,
  lint: (text: string) => readonly LintDiagnostic[],
  maxPasses = 10,
): { text: string; passes: number; fixed: number } {
  let current = text;
  let fixed = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const fixes = lint(current).flatMap((d) => (d.fix ? [d.fix] : []));
    if (fixes.length === 0) return { text: current, passes: pass - 1, fixed };
    const result = applyFixes(current, fixes);
    if (result.applied === 0 || result.text === current) return { text: current, passes: pass, fixed };
    fixed += result.applied;
    current = result.text;
  }
  return { text: current, passes: maxPasses, fixed };
}
