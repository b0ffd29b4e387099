import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';

const reference = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/**
 * The tree `remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm)` gives (the parser
 * PartnerLint used before parse.ts), with one correction PartnerLint makes on purpose: after a
 * byte order mark, remark's positions are one character early (micromark drops the mark before
 * counting).
 */
export function referenceParse(text: string): Root {
  const root = reference.parse(text);
  if (text.charCodeAt(0) !== 0xfeff) return root;
  const points = new Set<{ line: number; column: number; offset?: number | undefined }>();
  const visit = (node: Nodes) => {
    if (node.position) points.add(node.position.start).add(node.position.end);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(root);
  for (const point of points) {
    point.offset! += 1;
    if (point.line === 1) point.column += 1;
  }
  return root;
}

/** The `.md` files in `dir` (and below it, when `recursive`), sorted; none when it does not exist. */
export function markdownIn(dir: string, recursive = false): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}
