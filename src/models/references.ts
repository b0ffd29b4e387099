import type { Nodes, Paragraph } from 'mdast';
import type { StrategyDocument } from '../core/document';
import type { Span } from './commitments';

/**
 * Paragraphs that are nothing but one link, usually list items under "News", "Announcements" or
 * "See also": `* [Initial press release](https://…)`. They point at something already published
 * about the partnership; their words ("press release", "blog post", "webinar") name what is
 * linked to, not what either side offers. Spans of the whole paragraph, in document order.
 */
export function findReferences(doc: StrategyDocument): readonly Span[] {
  const out: Span[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph') {
      if (isOnlyALink(node) && node.position) out.push({ start: node.position.start.offset ?? 0, end: node.position.end.offset ?? 0 });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(doc.root);
  return out;
}

function isOnlyALink(paragraph: Paragraph): boolean {
  const content = paragraph.children.filter((c) => !(c.type === 'text' && /^[\s.,;:—–-]*$/.test(c.value)));
  return content.length === 1 && (content[0]!.type === 'link' || content[0]!.type === 'linkReference');
}
