/**
 * Whether a document is a template: a form to copy and fill in rather than a finished document.
 * Its blanks are the point of it, so they are summed up rather than reported one by one.
 */
import type { StrategyDocument } from '../core/document';

/** "Template" as a word of a title: "Partnership Charter Template", "Templates: partner profile". */
const TEMPLATE_WORD = /(?<![\p{L}\p{N}])templates?(?![\p{L}\p{N}])/iu;

/**
 * True when the document says it is a template: front matter `template: true`, "template" in its
 * title (the first level-1 heading or front matter `title:`), or in its file name.
 */
export function isTemplate(doc: StrategyDocument): boolean {
  if (doc.templateFile) return true;
  const data = doc.frontMatter?.data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const flag = (data as Record<string, unknown>)['template'];
    if (flag === true || (typeof flag === 'string' && /^(?:true|yes)$/i.test(flag.trim()))) return true;
  }
  return [doc.title?.title, doc.sniffed.title, doc.sniffed.titleField].some((t) => t !== undefined && TEMPLATE_WORD.test(t));
}
