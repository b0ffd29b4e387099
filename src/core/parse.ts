import { fromMarkdown, type Extension as MdastExtension } from 'mdast-util-from-markdown';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Nodes, Root, RootContent } from 'mdast';

/**
 * The only module that runs the Markdown parser. Everything else works on the mdast tree
 * (https://github.com/syntax-tree/mdast) it returns, with offsets into the original text.
 *
 * The tree is the one `remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm)` gives, but each
 * syntax extension is only loaded when the text holds the characters without which it cannot
 * produce anything: a document without `|` cannot have a table, without `~` no strikethrough,
 * and so on (see `syntaxFeatures`). The extensions are tried at every character they could start
 * at, so leaving out the ones a document cannot use saves their cost; the literal-autolink one
 * (tried at every letter and digit, then a search over the whole tree) is the dearest. A long
 * text is parsed in pieces cut at block boundaries, each with the extensions it needs itself.
 * test/unit/incremental.test.ts proves on the fixtures, examples and the public corpus that the
 * trees are identical to the full set's.
 */

/** Syntax extensions, as bits of a feature set. */
export const FEATURE = {
  frontmatter: 1,
  table: 2,
  strikethrough: 4,
  footnote: 8,
  autolinkLiteral: 16,
  taskListItem: 32,
} as const;
export const ALL_FEATURES = 63;

/**
 * The syntax extensions `text` may need. Each test is a necessary condition of its syntax (read
 * from the extensions' tokenizers):
 * - front matter: a `---` fence at the very start;
 * - table: a delimiter row needs a `|`, or a colon next to its dashes (`:--`, `--:`);
 * - strikethrough: `~`;
 * - footnotes: definitions and calls both start with `[^`;
 * - literal autolinks: `www.`, `http://`/`https://` (any case) or the `@` of an e-mail address
 *   (`mailto:` and `xmpp:` ones too). The tree pass that finds them reads decoded text, so a
 *   character reference (`&#64;`) or an escaped `@`, `.`, `:` or `/` counts too;
 * - task list items: `[ ]`, `[x]` or `[X]` (a tab or line break in the brackets counts).
 */
export function syntaxFeatures(text: string, atStart = true): number {
  let features = 0;
  if (atStart && /^\uFEFF?---/.test(text)) features |= FEATURE.frontmatter;
  if (text.includes('|') || text.includes(':-') || text.includes('-:')) features |= FEATURE.table;
  if (text.includes('~')) features |= FEATURE.strikethrough;
  if (text.includes('[^')) features |= FEATURE.footnote;
  if (text.includes('@') || /www\.|https?:\/\/|&(?:#|[a-z][a-z\d]*;)|\\[.:/]/i.test(text)) features |= FEATURE.autolinkLiteral;
  if (/\[(?:[ \t\nxX]|\r\n?)\]/.test(text)) features |= FEATURE.taskListItem;
  return features;
}

interface ParserOptions {
  extensions: MicromarkExtension[];
  mdastExtensions: MdastExtension[];
}

const optionsByFeatures = new Map<number, ParserOptions>();

function parserOptions(features: number): ParserOptions {
  let options = optionsByFeatures.get(features);
  if (!options) {
    // In remark's order: front matter first, then GFM's own order (literal autolinks, footnotes,
    // strikethrough, tables, task lists), so constructs that share a character are tried alike.
    options = { extensions: [], mdastExtensions: [] };
    if (features & FEATURE.frontmatter) {
      options.extensions.push(frontmatter(['yaml']));
      options.mdastExtensions.push(frontmatterFromMarkdown(['yaml']));
    }
    if (features & FEATURE.autolinkLiteral) {
      options.extensions.push(gfmAutolinkLiteral());
      options.mdastExtensions.push(gfmAutolinkLiteralFromMarkdown());
    }
    if (features & FEATURE.footnote) {
      options.extensions.push(gfmFootnote());
      options.mdastExtensions.push(gfmFootnoteFromMarkdown());
    }
    if (features & FEATURE.strikethrough) {
      options.extensions.push(gfmStrikethrough());
      options.mdastExtensions.push(gfmStrikethroughFromMarkdown());
    }
    if (features & FEATURE.table) {
      options.extensions.push(gfmTable());
      options.mdastExtensions.push(gfmTableFromMarkdown());
    }
    if (features & FEATURE.taskListItem) {
      options.extensions.push(gfmTaskListItem());
      options.mdastExtensions.push(gfmTaskListItemFromMarkdown());
    }
    optionsByFeatures.set(features, options);
  }
  return options;
}

/**
 * Pieces of a long text are parsed one at a time (see `parseMarkdown`): at least this many
 * characters each, so that the cost of starting a parse is spread over enough text.
 */
export const PIECE_SIZE = 1024;

/**
 * Parses `text` with the given syntax extensions: by default the ones it may need. A piece of a
 * document that does not start at its beginning is parsed with `syntaxFeatures(piece, false)`,
 * so that a `---` line at its top is not read as front matter.
 *
 * A long text is parsed in pieces of about `pieceSize` characters, cut where a block boundary
 * lets nothing from above reach below (see `cutAfter`), and the pieces' blocks are moved to
 * their places in the text. The tree is the one a single parse gives, positions included
 * (test/unit/parse-pieces.test.ts compares them on the fixtures, the corpus, every CommonMark
 * example and random documents, cutting as often as possible); it is cheaper to get:
 * - each piece loads only the syntax extensions its own text may need (a charter with one
 *   table in a corner no longer tries the table construct on every line);
 * - micromark's working data (events, tokens, chunks) of one piece is garbage once the piece's
 *   tree is built, so the garbage collector copies far less live data than while one event
 *   list for the whole text is being built (the collector took a quarter of a cold lint of
 *   the 1,000-line charter, most of it during the parse).
 * Link reference and footnote definitions make a parse global (a `[label]` anywhere refers to
 * a definition anywhere): a text with one is parsed whole.
 */
export function parseMarkdown(text: string, features = syntaxFeatures(text), pieceSize = PIECE_SIZE): Root {
  if (text.length < 2 * pieceSize) return parseOne(text, features);
  const children: RootContent[] = [];
  let first: Root | undefined;
  let last: Root | undefined;
  let start = 0;
  /** Line breaks before `start`. */
  let lines = 0;
  let want = pieceSize;
  if (features & FEATURE.frontmatter) {
    // Front matter must stay in the first piece: its closing fence may lie past a blank line.
    // A front matter fence that is never closed is global: micromark reads the whole text as
    // front matter before giving up, and does not open lists or block quotes in it again.
    const close = frontMatterEnd(text);
    if (close === 0) return parseOne(text, features);
    want = Math.max(want, close);
  }
  while (start < text.length) {
    const cut = want < text.length - start ? nextCut(text, start + want) : undefined;
    const end = cut ? cut.at : text.length;
    const slice = start === 0 && end === text.length ? text : text.slice(start, end);
    const pieceFeatures = syntaxFeatures(slice, start === 0) & features;
    const piece = parseOne(slice, pieceFeatures);
    // Every definition has a `]:` (after its label): most pieces are settled without a walk.
    if (slice.includes(']:') && hasDefinitions(piece)) return parseOne(text, features);
    if (cut && !cutAfter(piece, text, cut, start)) {
      // The last block may run on past the cut (an open fence, say): try a piece twice as long.
      want = 2 * (end - start);
      continue;
    }
    if (start === 0) first = piece;
    else for (const node of piece.children) shift(node, start, lines);
    for (const node of piece.children) children.push(node);
    last = piece;
    if (end === text.length) break;
    lines += lineBreaks(slice);
    start = end;
    want = pieceSize;
  }
  if (last === first) return first!;
  const pieceEnd = last!.position!.end;
  const root: Root = { type: 'root', children };
  root.position = {
    start: first!.position!.start,
    end: { line: pieceEnd.line + lines, column: pieceEnd.column, offset: pieceEnd.offset === undefined ? undefined : pieceEnd.offset + start },
  };
  return root;
}

/** One call of the parser on `text`. */
function parseOne(text: string, features: number): Root {
  const root = fromMarkdown(text, parserOptions(features));
  // micromark drops a byte order mark before it counts: every position would be one character
  // early (and one column early on the first line). Put them back on the document's characters.
  if (text.charCodeAt(0) === 0xfeff) shiftPastByteOrderMark(root);
  return root;
}

/**
 * A place the text may be cut: the start of a line after a blank line (see `isCut`), or the start
 * of an ATX heading line (`heading`, see `cutAfter`).
 */
interface Cut {
  at: number;
  heading: boolean;
}

/**
 * The first line at or after `from` that starts with neither white space nor a byte order mark
 * (nor a list marker) and follows a blank line that follows another line, or that opens an ATX
 * heading in its first column. Whether the text may be cut there depends on the block before it
 * (`cutAfter`).
 */
function nextCut(text: string, from: number): Cut | undefined {
  let at = from;
  // To the start of the next line, unless `from` is one.
  if (!isLineStart(text, at)) {
    while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
    at = skipLineBreak(text, at);
  }
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff && !LIST_MARKER.test(text.slice(at, at + 12))) {
      if (blankLineBefore(text, at) !== undefined) return { at, heading: false };
      if (c === 35 && at > 0 && ATX_HEADING.test(text.slice(at, at + 8))) return { at, heading: true };
    }
    while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
    at = skipLineBreak(text, at);
  }
  return undefined;
}

/** An ATX heading's opening: one to six `#`, then a space, a tab or the end of the line. */
const ATX_HEADING = /^#{1,6}(?:[ \t\r\n]|$)/;

/** A line that could be a list item (or a footnote definition's continuation after a list). */
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t\r\n]|$)/;

function isLineStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const previous = text.charCodeAt(at - 1);
  return previous === 10 || (previous === 13 && text.charCodeAt(at) !== 10);
}

function skipLineBreak(text: string, at: number): number {
  if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) return at + 2;
  return at + 1;
}

/**
 * Where the blank line (spaces and tabs only) just before the line at `at` starts, when there is
 * one and another line comes before it.
 */
function blankLineBefore(text: string, at: number): number | undefined {
  const previous = text.charCodeAt(at - 1);
  if (previous !== 10 && previous !== 13) return undefined;
  let k = at - 1;
  if (previous === 10 && text.charCodeAt(k - 1) === 13) k--;
  let b = k - 1;
  while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
  if (b < 0) return undefined;
  const breakChar = text.charCodeAt(b);
  if (breakChar !== 10 && breakChar !== 13) return undefined;
  return b + 1;
}

/**
 * Whether parsing may stop at `cut` after `piece` (the tree of the text from `base` to the cut):
 * its last block ended before the blank line, so the blank line ended it, and it is no block a
 * blank line does not end (fenced code and the HTML blocks that run to their closing mark: cut
 * off, they look ended). A list or footnote definition would go on with a list item below, but
 * `nextCut` never stops at a line that could be one. From such a line on, parsing the rest of the
 * text alone gives the blocks that parsing the whole text gives there (the same reasoning as the
 * incremental re-parse's, in incremental.ts).
 *
 * An ATX heading in the first column ends every block above it but fenced code and HTML blocks,
 * blank line or not: it interrupts a paragraph, it is never a lazy continuation line of a block
 * quote or list item, it breaks a table, and it is not indented enough to belong to a list item.
 * So a text without blank lines (a long run of headings, each with a line of text under it) is
 * cut there too, instead of being parsed in one piece, on which micromark is slower than linear.
 */
function cutAfter(piece: Root, text: string, cut: Cut, base: number): boolean {
  const before = piece.children[piece.children.length - 1];
  if (before === undefined || before.type === 'code' || before.type === 'html') return false;
  if (!cut.heading) return isCut(text, cut.at, before, base);
  const end = before.position?.end.offset;
  return end !== undefined && base + end < cut.at;
}

/**
 * Whether `at` is a cut in `text`: the start of a line that follows a blank line and starts with
 * neither white space nor a byte order mark, after `before` (the block before it, whose offsets
 * are relative to `base`) has ended; after a list or footnote definition, a line that could be
 * another list item does not count. Shared by the piece-wise parse (above) and the incremental
 * re-parse (incremental.ts), which both rely on the same reasoning.
 */
export function isCut(text: string, at: number, before: Nodes, base = 0): boolean {
  if (at <= 0 || at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) return false;
  const blankLine = blankLineBefore(text, at);
  if (blankLine === undefined) return false;
  const end = before.position?.end.offset;
  if (end === undefined || base + end > blankLine) return false;
  return !((before.type === 'list' || before.type === 'footnoteDefinition') && LIST_MARKER.test(text.slice(at, at + 12)));
}

/**
 * Where the front matter's closing fence line ends (the text starts with `---`): the first line
 * after the opening one that is `---` and spaces or tabs, as micromark-extension-frontmatter
 * reads it; 0 when there is none.
 */
function frontMatterEnd(text: string): number {
  const close = /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/g;
  close.lastIndex = 3;
  return close.exec(text) ? close.lastIndex : 0;
}

/** Whether the tree holds a link reference or footnote definition. */
function hasDefinitions(root: Root): boolean {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

/** Counts line breaks (`\r\n`, `\r`, `\n`) in `text`. */
export function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

/** Moves every position in `node` (and its descendants) by `offset` characters and `lines` lines. */
export function shift(node: Nodes, offset: number, lines: number): void {
  // An explicit stack: deeply nested inline marks must not overflow the call stack.
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const position = current.position;
    if (position) {
      position.start.line += lines;
      position.end.line += lines;
      if (position.start.offset !== undefined) position.start.offset += offset;
      if (position.end.offset !== undefined) position.end.offset += offset;
    }
    if ('children' in current) for (const child of current.children) stack.push(child);
  }
}

function shiftPastByteOrderMark(root: Root): void {
  const seen = new Set<object>();
  const move = (point: { line: number; column: number; offset?: number | undefined }) => {
    if (seen.has(point)) return;
    seen.add(point);
    if (point.offset !== undefined) point.offset += 1;
    if (point.line === 1) point.column += 1;
  };
  // An explicit stack: deeply nested inline marks must not overflow the call stack.
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/**
 * Estimates the deepest container nesting (block quotes and list items) in `text` without
 * parsing it: per line, the `>` and list markers that open it, plus the indentation in front of
 * a list marker (two columns per level). It is an upper-bound style estimate that is exact for
 * the pathological shapes (`- - - - x`, `>>>>> x`, staircases of indented items) and cheap:
 * one pass over the text.
 */
export function estimateNesting(text: string, stopAt = Infinity): number {
  let deepest = 0;
  const prefix = /^([ \t]*)((?:>[ \t]*|(?:[*+-]|\d{1,9}[.)])(?:[ \t]+|$))*)/;
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    // Only the head of a line can open containers; a long line is not scanned to its end.
    const head = text.slice(start, Math.min(end, start + 20000));
    const match = prefix.exec(head);
    if (match && match[2]) {
      const markers = match[2].match(/>|[*+-]|\d{1,9}[.)]/g)?.length ?? 0;
      const indent = match[1]!.replace(/\t/g, '    ').length;
      const depth = markers + Math.floor(indent / 2);
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
    }
    if (end >= text.length) break;
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return deepest;
}
