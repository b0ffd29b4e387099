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
import type { Nodes, Root } from 'mdast';

/**
 * The only module that runs the Markdown parser. Everything else works on the mdast tree
 * (https://github.com/syntax-tree/mdast) it returns, with offsets into the original text.
 *
 * The tree is the one `remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm)` gives, but each
 * syntax extension is only loaded when the text holds the characters without which it cannot
 * produce anything: a document without `|` cannot have a table, without `~` no strikethrough,
 * and so on (see `syntaxFeatures`). The extensions are tried at every character they could start
 * at, so leaving out the ones a document cannot use saves their cost; the literal-autolink one
 * (tried at every letter and digit, then a search over the whole tree) is the dearest.
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
 * Parses `text` with the given syntax extensions: by default the ones it may need. A piece of a
 * document that does not start at its beginning is parsed with `syntaxFeatures(piece, false)`,
 * so that a `---` line at its top is not read as front matter.
 */
export function parseMarkdown(text: string, features = syntaxFeatures(text)): Root {
  const root = fromMarkdown(text, parserOptions(features));
  // micromark drops a byte order mark before it counts: every position would be one character
  // early (and one column early on the first line). Put them back on the document's characters.
  if (text.charCodeAt(0) === 0xfeff) shiftPastByteOrderMark(root);
  return root;
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
