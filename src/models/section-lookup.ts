import type { StrategyDocument, Section } from '../core/document';

/**
 * Finding the section that holds an offset, in logarithmic time. Rules ask this once per list
 * item, sentence or table row; a linear scan of every section per question made documents with
 * thousands of headings take seconds.
 *
 * Sections nest: a section's range lies inside its parent's, siblings do not overlap, and
 * `doc.sections` is in document order. So the sections holding an offset form one chain of
 * parents, and its innermost link is the last section starting at or before the offset, or one
 * of that section's ancestors.
 */

const starts = new WeakMap<readonly Section[], number[]>();
const memberSets = new WeakMap<readonly Section[], Set<Section>>();

/** Index of the last section of `sections` (document order) starting at or before `offset`; -1 if none. */
function lastStartingAtOrBefore(sections: readonly Section[], offset: number): number {
  let list = starts.get(sections);
  if (!list) {
    list = sections.map((s) => s.start);
    starts.set(sections, list);
  }
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * The innermost section of `sections` whose range (`content` false: heading included; true:
 * content only) contains `offset`. `sections` must be in document order and closed under
 * "innermost": every section of the document holding the offset between two members is either a
 * member or not a candidate. Candidates that are not members are skipped by walking up parents.
 */
export function innermostSection(sections: readonly Section[], offset: number, content = false): Section | undefined {
  const i = lastStartingAtOrBefore(sections, offset);
  if (i < 0) return undefined;
  let members = memberSets.get(sections);
  if (!members) {
    members = new Set(sections);
    memberSets.set(sections, members);
  }
  for (let s: Section | undefined = sections[i]; s; s = s.parent) {
    const from = content ? s.contentStart : s.start;
    if (members.has(s) && from <= offset && offset < s.end) return s;
  }
  return undefined;
}

/** The innermost section of `doc` whose range, heading included, holds `offset`. */
export function sectionAtOffset(doc: StrategyDocument, offset: number): Section | undefined {
  return innermostSection(doc.sections, offset, false);
}

/**
 * Every section of `sections` whose content holds `offset`, outermost first (the same as
 * filtering `sections` for `contentStart <= offset < end`, without visiting them all).
 */
export function sectionsHolding(sections: readonly Section[], offset: number): Section[] {
  const out: Section[] = [];
  const innermost = innermostSection(sections, offset, true);
  const members = memberSets.get(sections);
  for (let s = innermost; s && members; s = s.parent) {
    if (members.has(s) && s.contentStart <= offset && offset < s.end) out.push(s);
  }
  return out.reverse();
}
