import type { Root, RootContent, Heading, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocumentKind, Range } from './types';
import { kindInfo, type KindDefinition } from './kinds';
import { TextIndex } from './text';
import type { FrontMatter, KindSource, SniffResult } from './sniff';

/**
 * A heading and everything under it up to the next heading of the same or a higher level.
 * A bold line on its own (`**Governance:**`) counts as a heading one level below the
 * heading it sits under, because that is how many charters are written.
 */
export interface Section {
  /** The heading's text as written, without `#` marks or bold markers. */
  title: string;
  /** 1–6 for headings; pseudo-headings sit one level below their parent (up to 7). */
  depth: number;
  /** True for a bold line standing in for a heading. */
  pseudo: boolean;
  /** The heading line itself. */
  headingRange: Range;
  /** Offsets: the section runs from its heading to the start of the next sibling-or-higher heading. */
  start: number;
  end: number;
  /** Offset just after the heading. */
  contentStart: number;
  /** The top-level blocks of the section's own content, subsections excluded. */
  blocks: RootContent[];
  /** The top-level blocks of the section including its subsections' (headings excluded). */
  allBlocks: RootContent[];
  children: Section[];
  parent: Section | undefined;
}

/** A parsed strategy document: the text, its tree, front matter and sections. */
export interface StrategyDocument {
  text: string;
  index: TextIndex;
  kind: DocumentKind;
  kindSource: KindSource;
  frontMatter: FrontMatter | undefined;
  /** What the cheap first look found: declared `type:`, whether the kind is a guess, the title. */
  sniffed: SniffResult;
  root: Root;
  /** Every section in document order. */
  sections: Section[];
  /** Sections not nested in another. */
  outline: Section[];
  /** The document's first level-1 heading, if any. */
  title: Section | undefined;
  /** True when the document's file name says it is a template (`ResolvedConfig.templateFile`). */
  templateFile?: boolean;
}

/**
 * True when the document is written to the framework's outline for its kind: the author said what
 * it is (front matter `type:`, or `documents:` in `.partnerlint.yaml`), or its title names the
 * framework's own document ("Partnership Charter"). Then a piece of the outline that is missing
 * (a section, the signature block) is a gap. A document recognised from another title (an
 * agreement, an MOU) or from its headings is written in its author's own form: checks of the
 * outline's pieces speak there only where it follows the outline in part.
 */
export function followsOutline(doc: StrategyDocument): boolean {
  if (doc.kindSource === 'front-matter' || doc.kindSource === 'settings') return true;
  const title = doc.sniffed.title ?? doc.sniffed.titleField;
  const outline = (kindInfo(doc.kind) as KindDefinition).outlineTitle;
  return title !== undefined && outline !== undefined && outline.test(title);
}

/**
 * A paragraph whose first line is only bold text (optionally with a colon) acts as a heading:
 * `**Governance:**`, with the section's text on the lines that follow (in the same paragraph
 * or in the next blocks). Returns the title and where the title line ends.
 */
function pseudoHeading(node: Paragraph, text: string): { title: string; end: number; rest: boolean } | undefined {
  const first = node.children[0];
  if (!first || first.type !== 'strong' || !first.position || !node.position) return undefined;
  const start = node.position.start.offset ?? 0;
  const paragraphEnd = node.position.end.offset ?? 0;
  const strongEnd = first.position.end.offset ?? 0;
  if (/[\r\n]/.test(text.slice(start, strongEnd))) return undefined;
  const after = /^[ \t]*:?[ \t]*(?:\r\n|\r|\n|$)/.exec(text.slice(strongEnd, paragraphEnd));
  if (!after) return undefined;
  const title = toString(first, { includeHtml: false }).trim().replace(/:$/, '').trim();
  if (title.length === 0 || title.length > 80) return undefined;
  const titleLine = after[0].replace(/(\r\n|\r|\n)$/, '');
  return { title, end: strongEnd + titleLine.length, rest: strongEnd + after[0].length < paragraphEnd };
}

/** Builds the section tree from the top-level blocks of `root`. */
export function buildSections(root: Root, index: TextIndex): { sections: Section[]; outline: Section[] } {
  const sections: Section[] = [];
  const outline: Section[] = [];
  const open: Section[] = [];
  const textEnd = index.text.length;

  const close = (section: Section, end: number) => {
    section.end = end;
  };

  for (const node of root.children) {
    const start = node.position?.start.offset ?? 0;
    let title: string | undefined;
    let depth = 0;
    let pseudo = false;
    let headingEnd = node.position?.end.offset ?? start;
    let rest = false;
    if (node.type === 'heading') {
      title = toString(node as Heading, { includeHtml: false }).trim();
      depth = (node as Heading).depth;
    } else if (node.type === 'paragraph') {
      const found = pseudoHeading(node, index.text);
      if (found) {
        ({ title, rest } = found);
        headingEnd = found.end;
        pseudo = true;
        const enclosing = open[open.length - 1];
        depth = Math.min(7, (enclosing?.depth ?? 0) + 1);
        // A bold line under another bold line is a sibling, not a child.
        if (enclosing?.pseudo) depth = enclosing.depth;
      }
    }
    if (title !== undefined) {
      while (open.length > 0 && open[open.length - 1]!.depth >= depth) close(open.pop()!, start);
      const parent = open[open.length - 1];
      const section: Section = {
        title,
        depth,
        pseudo,
        headingRange: index.rangeOf(start, headingEnd),
        start,
        end: textEnd,
        contentStart: headingEnd,
        blocks: [],
        allBlocks: [],
        children: [],
        parent,
      };
      if (parent) parent.children.push(section);
      else outline.push(section);
      sections.push(section);
      open.push(section);
      if (!rest) continue;
    }
    const owner = open[open.length - 1];
    if (owner) {
      owner.blocks.push(node);
      for (const s of open) s.allBlocks.push(node);
    }
  }
  for (const s of open) close(s, textEnd);
  return { sections, outline };
}

/** The text of a section's content (after its heading), subsections included. */
export function sectionText(doc: StrategyDocument, section: Section): string {
  return doc.text.slice(section.contentStart, section.end);
}

const previousVersions = new WeakMap<StrategyDocument, StrategyDocument>();

/**
 * Records that `doc` is the next version of `previous` (the incremental linter does, for each
 * update), so that data derived from the previous version can be reused where that is exact.
 * Only one version back is kept: `previous` forgets its own predecessor.
 */
export function linkVersions(previous: StrategyDocument | undefined, doc: StrategyDocument): void {
  if (!previous || previous === doc) return;
  previousVersions.delete(previous);
  previousVersions.set(doc, previous);
}

/**
 * The previous version of `doc`, when the incremental linter produced it (the model layer,
 * src/models/, reuses what it read from it). Its tree is no longer
 * valid (its nodes were moved into `doc`'s tree); its text and data derived from the text are.
 */
export function previousVersion(doc: StrategyDocument): StrategyDocument | undefined {
  return previousVersions.get(doc);
}
