/**
 * Counts a document states for what it is about to list: "our three partner types are:" followed
 * by a list, "the program offers two certifications:" followed by a table, "the plan rests on
 * three pillars:" followed by a subsection each. Read strictly: the count and its plural noun end
 * the paragraph (a colon, "as follows", "below", "are:" may close it), and the list, the Markdown
 * or HTML table, or the section's subsections (after a colon, "as follows" or "below") come right
 * after it. A count in passing ("three of our partners joined in May") or one not followed by an
 * enumeration is not read.
 *
 * Bounds ("at least two", "up to five"), parts ("the first three steps", "two more benefits")
 * and durations ("three months") are not counts of what follows.
 */
import type { Nodes, RootContent } from 'mdast';
import type { Section, StrategyDocument } from '../core/document';
import { blankComments } from './masking';

/** A count stated for an enumeration that follows it. */
export interface StatedCount {
  /** The number the text states. */
  count: number;
  /** The count and its noun as written ("three primary partner types"). */
  text: string;
  /** Offsets of the count and its noun. */
  start: number;
  end: number;
  /** What follows: a list, a table (Markdown or HTML), or the subsections of its section. */
  enumeration: 'list' | 'table' | 'sections';
  /** Offsets of the enumeration. */
  listStart: number;
  listEnd: number;
  /** A list's items; a table's rows below its header. */
  entries: number;
  /** The sizes the enumeration can be read to have: a table lists its things by row or by column. */
  sizes: readonly number[];
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/** Nouns that measure rather than name things one lists: durations, repetitions, amounts. */
const NOT_LISTED = new Set([
  'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years', 'times', 'percent', 'points',
  'dollars', 'euros', 'pounds', 'hundreds', 'thousands', 'millions', 'billions', 'ones',
]);

/** Words before a count that make it a bound or a part of what follows, not its size. */
const NOT_THE_WHOLE = new Set([
  'least', 'most', 'than', 'to', 'up', 'over', 'under', 'about', 'around', 'approximately', 'roughly', 'some', 'first',
  'last', 'next', 'other', 'another', 'additional', 'further', 'extra', 'more', 'of', 'any', 'min', 'max', 'minimum',
  'maximum', 'every', 'per', 'each', 'remaining',
]);

/** Words that cannot sit between a count and its noun: the count belongs to something else. */
const BREAKS = new Set([
  'of', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'with', 'and', 'or', 'per', 'than', 'that', 'which', 'who',
  'are', 'is', 'were', 'was', 'will', 'have', 'has', 'more', 'less', 'fewer',
]);

/**
 * What may close the introduction after the noun: "are", "include", "as follows", "below", then
 * a colon or a full stop. Anchored at the end of the paragraph; every part is a fixed word.
 */
const CLOSING = /(?:\s+(?:are|include|includes|is|comprise|consist\s+of))?(?:\s+(?:as\s+follows|below|listed\s+below|shown\s+below|described\s+below|here))?\s*[:.]?\s*$/i;

/** Emphasis and code marks, blanked (same length) so that offsets hold. */
function unmark(source: string): string {
  return source.replace(/[*_`]/g, ' ');
}

/** Every count `doc` states for the list, table or subsections right after it, in document order. */
export function findStatedCounts(doc: StrategyDocument): StatedCount[] {
  const out: StatedCount[] = [];
  // A section's last paragraph introduces its subsections: "Three pillars carry the plan:" over
  // a "###" heading each.
  const introducing = new Map<RootContent, Section>();
  for (const section of doc.sections) {
    const last = section.blocks[section.blocks.length - 1];
    if (last && section.children.length > 0 && !section.children.some((c) => c.pseudo)) introducing.set(last, section);
  }
  const visit = (children: readonly RootContent[]): void => {
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type === 'paragraph' && i + 1 < children.length) {
        const found = countBefore(doc, node, children[i + 1]!, introducing.get(node));
        if (found) out.push(found);
      }
      if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') visit(node.children as RootContent[]);
    }
  };
  visit(doc.root.children);
  return out;
}

function countBefore(doc: StrategyDocument, paragraph: Nodes, next: RootContent, parent: Section | undefined): StatedCount | undefined {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const subsections = next.type === 'heading' && parent !== undefined;
  if (next.type !== 'list' && next.type !== 'table' && next.type !== 'html' && !subsections) return undefined;
  // Only the paragraph's last words are read: the closing, and before it the noun and its count.
  const offset = Math.max(0, end - start - 160);
  const source = unmark(doc.text.slice(start + offset, end));
  const closing = CLOSING.exec(source);
  if (!closing) return undefined;
  // Headings are further from their introduction than a list: only a colon or "as follows" / "below" hands over to them.
  if (subsections && !/:\s*$|\b(?:follows|below)\s*[:.]?\s*$/i.test(closing[0])) return undefined;
  const words = [...source.slice(0, closing.index).matchAll(/[\p{L}\p{N}][\p{L}\p{N}&'’-]*|\((\d{1,2})\)/gu)];
  if (words.length < 2) return undefined;
  const noun = words[words.length - 1]!;
  const nounText = noun[0].toLowerCase();
  if (!/^\p{L}[\p{L}-]*[^s]s$/u.test(nounText) || NOT_LISTED.has(nounText)) return undefined;
  for (let back = 2; back <= 5 && back <= words.length; back++) {
    const word = words[words.length - back]!;
    const count = numberOf(word[0]);
    if (count === undefined) {
      if (word[1] !== undefined) continue; // "three (3) badges": the figure in brackets repeats the count
      if (BREAKS.has(word[0].toLowerCase()) || /^\d/.test(word[0])) return undefined;
      continue;
    }
    // The count must open its phrase and not be a bound or a part: "at least three", "the first two".
    const before = words[words.length - back - 1];
    if (before && NOT_THE_WHOLE.has(before[0].toLowerCase())) return undefined;
    // Nothing but words between the count and the noun: a sentence break leaves the count behind.
    const from = word.index!;
    const to = noun.index! + noun[0].length;
    if (/[.;:!?,()[\]]/.test(source.slice(from + word[0].length, to).replace(/\(\d{1,2}\)/, ''))) return undefined;
    const enumeration = subsections ? sectionsOf(doc, parent!) : enumerationOf(doc, next);
    if (!enumeration) return undefined;
    const at = start + offset;
    return {
      count,
      text: doc.text.slice(at + from, at + to).replace(/[*_`]/g, '').replace(/\s+/g, ' '),
      start: at + from,
      end: at + to,
      ...enumeration,
    };
  }
  return undefined;
}

function numberOf(word: string): number | undefined {
  const named = NUMBER_WORDS[word.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d{1,2}$/.test(word)) return undefined;
  const n = Number(word);
  return n >= 2 && n <= 20 ? n : undefined;
}

type Enumeration = Pick<StatedCount, 'enumeration' | 'listStart' | 'listEnd' | 'entries' | 'sizes'>;

/** The subsections of `section`, from the first one's heading to the section's end. */
function sectionsOf(doc: StrategyDocument, section: Section): Enumeration {
  const first = section.children[0]!;
  const count = section.children.length;
  return { enumeration: 'sections', listStart: doc.index.offsetAt(first.headingRange.start), listEnd: section.end, entries: count, sizes: [count] };
}

/** The list or table `node` is, with its size; undefined for anything else. */
function enumerationOf(doc: StrategyDocument, node: RootContent): Enumeration | undefined {
  const listStart = node.position?.start.offset;
  const nodeEnd = node.position?.end.offset;
  if (listStart === undefined || nodeEnd === undefined) return undefined;
  if (node.type === 'list') return { enumeration: 'list', listStart, listEnd: nodeEnd, entries: node.children.length, sizes: [node.children.length] };
  if (node.type === 'table') {
    // By row below the header, or by column with or without a label column.
    const [header, ...rows] = node.children;
    const columns = header?.children.length ?? 0;
    return { enumeration: 'table', listStart, listEnd: nodeEnd, entries: rows.length, sizes: [rows.length, columns, columns - 1] };
  }
  if (node.type === 'html' && /^\s*<table\b/i.test(node.value)) return htmlTable(doc.text, listStart);
  return undefined;
}

/**
 * An HTML table's rows and cells, read from the source: blank lines split an HTML table into
 * several blocks, so the whole of it is read up to its closing tag. A table holding another
 * table is not read.
 */
function htmlTable(text: string, from: number): Enumeration | undefined {
  const close = /<\/table\s*>/i.exec(text.slice(from, from + 50_000));
  if (!close) return undefined;
  const source = blankComments(text.slice(from, from + close.index));
  if (/<table\b/i.test(source.slice(1))) return undefined;
  const rows = source.split(/<tr\b/i).slice(1);
  if (rows.length === 0 || rows.length > 200) return undefined;
  const columns = Math.max(...rows.map((row) => (row.match(/<t[dh]\b/gi) ?? []).length));
  // By row, with or without a first row of labels (HTML tables often set them in <td>), or by
  // column, with or without a label column.
  return {
    enumeration: 'table', listStart: from, listEnd: from + close.index + close[0].length,
    entries: rows.length, sizes: [rows.length, rows.length - 1, columns, columns - 1],
  };
}

/** Whether the enumeration can be read to have as many entries as the count says. */
export function countMatches(found: StatedCount): boolean {
  return found.sizes.includes(found.count);
}
