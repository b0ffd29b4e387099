import type { TextItem } from '../core/items';
import type { CharterText, Match, Span } from './commitments';
import { headingSpan } from './commitments';

/**
 * Questions about where a phrase sits, for readings that scan the whole document: the masked
 * text keeps fenced code blocks; the text items (paragraphs, list items, table rows) and the
 * headings do not.
 */

/**
 * The span of `spans` holding `span`, if any: text items or clauses, in document order and rarely
 * overlapping (a binary search, then a scan for the overlaps).
 */
export function spanAt<T extends Span>(spans: readonly T[], span: Span): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const found = spans[mid]!;
    if (found.end < span.end) lo = mid + 1;
    else if (found.start > span.start) hi = mid - 1;
    else return found;
  }
  // A list item with text after its nested list overlaps the nested items: look at each.
  return spans.find((s) => s.start <= span.start && span.end <= s.end);
}

/** The text item holding `span`, if any. */
export function itemAt(items: readonly Span[], span: Span): TextItem | undefined {
  return spanAt(items, span) as TextItem | undefined;
}

/** Heading lines of the document, in order, per reading. */
const headingsOf = new WeakMap<CharterText, Span[]>();

function headings(text: CharterText): Span[] {
  let found = headingsOf.get(text);
  if (!found) {
    found = text.doc.sections.map((s) => headingSpan(text.doc, s)).sort((a, b) => a.start - b.start);
    headingsOf.set(text, found);
  }
  return found;
}

/** Matches of `list` in `span` that sit in prose (a text item or a heading), not in code. */
export function findInProse(text: CharterText, list: readonly string[], span: Span): Match[] {
  return text.find(list, span).filter((m) => itemAt(text.items, m) !== undefined || itemAt(headings(text), m) !== undefined);
}
