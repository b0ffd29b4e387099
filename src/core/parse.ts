import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

/**
 * The only module that runs the Markdown parser. Everything else works on the mdast tree
 * (https://github.com/syntax-tree/mdast) it returns, with offsets into the original text.
 */
const processor = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
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
