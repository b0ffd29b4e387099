import type { RootContent, Nodes } from 'mdast';
import type { Range } from './types';
import type { StrategyDocument, Section } from './document';

/**
 * The units rules reason about: a list item's own text (nested lists are items of their own),
 * a paragraph, a table row. Each has exact offsets and a range, so a diagnostic lands on the
 * offending line and never on the whole document.
 */
export interface TextItem {
  kind: 'list-item' | 'paragraph' | 'table-row' | 'table-header';
  /** Plain text (Markdown syntax removed; table cells joined with ` | `). */
  text: string;
  start: number;
  end: number;
  range: Range;
  /** Checkbox state of a task list item (`- [ ]` / `- [x]`), when it is one. */
  checked?: boolean | null;
  node: Nodes;
}

/**
 * Text without Markdown syntax; inline HTML (comments included) is not prose. The same as
 * mdast-util-to-string with `includeHtml: false`, but without recursion, so that thousands of
 * nested emphasis marks cannot overflow the stack.
 */
export function plain(node: Nodes): string {
  let text = plainTexts.get(node);
  if (text === undefined) {
    text = computePlain(node);
    plainTexts.set(node, text);
  }
  return text;
}

/**
 * `plain` of each node, kept while the node lives. The text of a node never changes: the
 * incremental parser reuses the nodes of unchanged blocks in the next version's tree (moving
 * only their positions), so this carries over from one version of a document to the next.
 */
const plainTexts = new WeakMap<Nodes, string>();

function computePlain(node: Nodes): string {
  const out: string[] = [];
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push(current[i]);
      continue;
    }
    const n = current as { type?: string; value?: unknown; alt?: unknown; children?: unknown };
    if ('value' in n) {
      if (n.type !== 'html' && n.value !== null && n.value !== undefined) out.push(String(n.value));
    } else if ('alt' in n && n.alt) {
      out.push(String(n.alt));
    } else if ('children' in n && Array.isArray(n.children)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  return out.join('');
}

function offsets(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

function collect(doc: StrategyDocument, node: Nodes, out: TextItem[]): void {
  switch (node.type) {
    case 'paragraph': {
      const [start, end] = offsets(node);
      out.push({ kind: 'paragraph', text: plain(node), start, end, range: doc.index.rangeOf(start, end), node });
      return;
    }
    case 'list':
      for (const item of node.children) collect(doc, item, out);
      return;
    case 'listItem': {
      const own = node.children.filter((c) => c.type !== 'list');
      if (own.length > 0) {
        const start = offsets(node)[0];
        const end = offsets(own[own.length - 1]!)[1];
        const text = own.map((c) => plain(c)).join('\n');
        out.push({ kind: 'list-item', text, start, end, range: doc.index.rangeOf(start, end), checked: node.checked ?? null, node });
      }
      for (const child of node.children) if (child.type === 'list') collect(doc, child, out);
      return;
    }
    case 'table':
      node.children.forEach((row, i) => {
        const [start, end] = offsets(row);
        const text = row.children.map((cell) => plain(cell).trim()).join(' | ');
        out.push({ kind: i === 0 ? 'table-header' : 'table-row', text, start, end, range: doc.index.rangeOf(start, end), node: row });
      });
      return;
    case 'blockquote':
      for (const child of node.children) collect(doc, child, out);
      return;
    default:
      // Code, HTML, thematic breaks, definitions and front matter are not prose.
      return;
  }
}

/** The text items of `blocks`, in document order. */
export function itemsOf(doc: StrategyDocument, blocks: readonly RootContent[]): TextItem[] {
  if (blocks.length === 1) return blockItems(doc, blocks[0]!).slice();
  const out: TextItem[] = [];
  for (const block of blocks) for (const item of blockItems(doc, block)) out.push(item);
  return out;
}

/**
 * The items of one block, kept per block node. They are reused for as long as the block is at
 * the same place (offset and line): in the same document, which many rules read, and in the
 * next version of it, when the edit was after the block (the incremental parser keeps such
 * blocks as they are; a block after the edit is moved, and its items are computed again).
 * Callers get the items themselves and must not change them.
 */
function blockItems(doc: StrategyDocument, block: RootContent): readonly TextItem[] {
  const start = block.position?.start.offset;
  const end = block.position?.end.offset;
  const line = block.position?.start.line;
  if (start === undefined || end === undefined || line === undefined) {
    const items: TextItem[] = [];
    collect(doc, block, items);
    return items;
  }
  const cached = itemCache.get(block);
  // The block's own text is compared, not its document: the cache must not keep documents alive.
  if (cached && cached.offset === start && cached.line === line && cached.text === doc.text.slice(start, end)) return cached.items;
  const items: TextItem[] = [];
  collect(doc, block, items);
  itemCache.set(block, { offset: start, line, text: doc.text.slice(start, end), items });
  return items;
}

const itemCache = new WeakMap<RootContent, { offset: number; line: number; text: string; items: TextItem[] }>();

/** The text items of a section, its subsections included. */
export function sectionItems(doc: StrategyDocument, section: Section): TextItem[] {
  const out = itemsOf(doc, section.allBlocks);
  // A pseudo-heading's own paragraph holds the title line too; keep only the text after it.
  return out.map((item) => (item.start < section.contentStart && item.end > section.contentStart
    ? { ...item, text: doc.text.slice(section.contentStart, item.end).trim(), start: section.contentStart, range: doc.index.rangeOf(section.contentStart, item.end) }
    : item));
}
