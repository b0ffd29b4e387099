import { TextCache } from './memo';
import { parseDocument, isMap, type Document } from 'yaml';
import { DOCUMENT_KINDS, KINDS, isDocumentKind, kindFromTitle, kindInfo, type DocumentKind, type KindDefinition } from './kinds';
import { describesTemplate, hasHeadings, headingNamesPartners, kindFromBody, kindOverTitle } from './evidence';

/**
 * Deciding what a document is must be cheap: most Markdown files a user opens are READMEs and
 * notes that PartnerLint should leave alone, and they must cost next to nothing. `sniff` reads
 * only the front matter block and the lines up to the first top-level heading; it never runs
 * the Markdown parser.
 */

/** The YAML front matter block at the very top of a document. */
export interface FrontMatter {
  /** Offsets of the YAML text between the fences. */
  contentStart: number;
  contentEnd: number;
  /** Offsets of the whole block, fences included. */
  blockEnd: number;
  yaml: Document.Parsed;
  /** The parsed value, when the YAML is valid. */
  data: unknown;
  /**
   * True when the block is larger than PartnerLint reads (FRONT_MATTER_LIMIT): `yaml` is then an
   * empty document and only a `type:` line is read from the text.
   */
  tooLarge?: boolean;
  /** Why valid YAML could not be turned into data (an alias bomb, say); only `type:` is read then. */
  readError?: string;
}

/**
 * Where a document's kind came from: its front matter's `type:`; its title (the first heading, or
 * front matter `title:` when there is no heading); what its body holds (evidence.ts); the
 * `documents:` map of `.partnerlint.yaml`; or nowhere (`none`, also for `partnerlint: off`).
 */
export type KindSource = 'front-matter' | 'heading' | 'title-field' | 'body' | 'settings' | 'none';

/** Where a kind came from, in words for a person: "from its title". Empty for `none`. */
export const KIND_SOURCE_WORDS: Readonly<Record<KindSource, string>> = {
  'front-matter': 'from type: in its front matter',
  heading: 'from its title',
  'title-field': 'from title: in its front matter',
  body: 'from its headings',
  settings: 'from documents: in .partnerlint.yaml',
  none: '',
};

export interface SniffResult {
  kind: DocumentKind | undefined;
  source: KindSource;
  frontMatter: FrontMatter | undefined;
  /** `type:` from front matter when it is a string, known or not (recovered from broken YAML too). */
  declaredType: string | undefined;
  /**
   * True when `kind` is a guess from a `type:` PartnerLint does not know but which is close to a
   * kind it does (`partnership_charter`, `partnership-charter-v2`): the document is checked as
   * that kind, and the unknown type is reported.
   */
  kindGuessed: boolean;
  /** The first level-1 heading's text, when one was found near the top. */
  title: string | undefined;
  /** Front matter `title:`, when it is a string (static-site generators keep the title there). */
  titleField?: string;
  /** True when front matter says `partnerlint: off`: the document is never checked. */
  off?: boolean;
  /** For a kind read from the body: the headings that made the case. */
  cues?: string[];
  /**
   * True when the document opens a front matter block that is never closed, and the `type:` read
   * from it is what `kind` comes from (frontmatter-invalid says the block needs its closing line).
   */
  unclosedFrontMatter?: boolean;
}

/** How far `sniff` looks for a first heading, so that a huge file still costs little. */
const HEADING_SCAN_LIMIT = 16 * 1024;
/** Front matter beyond this size is not parsed by `sniff` (the YAML parser's cost grows with it). */
export const FRONT_MATTER_LIMIT = 256 * 1024;

const FENCE_OPEN = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const LINE = /([^\r\n]*)(\r\n|\r|\n|$)/y;

/** The YAML block fenced by `---` lines at the very top (the form remark-frontmatter reads). */
export function findFrontMatter(text: string): FrontMatter | undefined {
  const open = FENCE_OPEN.exec(text);
  if (!open) return undefined;
  const contentStart = open[0].length;
  let offset = contentStart;
  while (offset <= text.length) {
    LINE.lastIndex = offset;
    const line = LINE.exec(text);
    if (!line) return undefined;
    if (/^---[ \t]*$/.test(line[1]!)) {
      const contentEnd = offset;
      const blockEnd = offset + line[0].length;
      if (contentEnd - contentStart > FRONT_MATTER_LIMIT) {
        // Still front matter (the parser reads it as such), but not parsed: an empty document
        // stands in, and the rule frontmatter-invalid says why its fields are not read.
        return { contentStart, contentEnd, blockEnd, yaml: parseDocument(''), data: undefined, tooLarge: true };
      }
      return parseFrontMatter(text, contentStart, contentEnd, blockEnd);
    }
    if (line[2] === '') return undefined; // end of text without a closing fence
    offset += line[0].length;
  }
  return undefined;
}

/**
 * Front matter read lately, by the text of the whole block (which fixes every offset too): while
 * someone types in the body, each version has the same front matter, and YAML parsing it was a
 * good part of a keystroke's cost. Callers share the result and must not change it.
 */
const recentFrontMatter = new TextCache<FrontMatter>(16);

function parseFrontMatter(text: string, contentStart: number, contentEnd: number, blockEnd: number): FrontMatter {
  return recentFrontMatter.get(text.slice(0, blockEnd), () => readFrontMatter(text, contentStart, contentEnd, blockEnd));
}

function readFrontMatter(text: string, contentStart: number, contentEnd: number, blockEnd: number): FrontMatter {
  // The YAML parser does not take a lone CR for a line break; as a LF it parses the same, and
  // offsets do not move (one character for one).
  const yaml = parseDocument(text.slice(contentStart, contentEnd).replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: false });
  let data: unknown;
  let readError: string | undefined;
  if (yaml.errors.length === 0) {
    try {
      // maxAliasCount guards against "billion laughs" alias bombs.
      data = yaml.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      data = undefined;
      readError = error instanceof Error ? error.message : String(error);
    }
  }
  return { contentStart, contentEnd, blockEnd, yaml, data, ...(readError !== undefined ? { readError } : {}) };
}

export { kindFromTitle };

/** A title as a reader sees it: an HTML comment on the heading line (a note, a lint mark) is not part of it. */
function withoutComments(title: string): string {
  return title.replace(/<!--[\s\S]*?-->/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The first level-1 heading (ATX or setext) near the top, skipping fenced code. */
export function findTitle(text: string, from: number): string | undefined {
  const head = text.slice(from, from + HEADING_SCAN_LIMIT);
  const lines = head.split(/\r\n|\r|\n/);
  let fence: string | undefined;
  /** Whether a line with text came before: only the first one may be an unspaced "#Title". */
  let seenText = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const atx = /^ {0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) return withoutComments(atx[1] ?? '');
    // "#Memorandum of Understanding" on the first line: Markdown reads a paragraph (no space after
    // the #), but the author meant a title, and the title is what says what the document is.
    if (!seenText) {
      const unspaced = /^#([^#\s][^\r\n]*?)[ \t]*$/.exec(line);
      if (unspaced) return withoutComments(unspaced[1]!);
    }
    if (line.trim() !== '') seenText = true;
    const next = lines[i + 1];
    if (next !== undefined && line.trim() !== '' && /^ {0,3}=+[ \t]*$/.test(next) && !/^ {0,3}([-*+>]|\d+[.)])\s/.test(line)) {
      return withoutComments(line);
    }
  }
  return undefined;
}

/** Levenshtein distance, for near-miss `type:` values; bounded inputs only. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known kind an unknown `type:` value most likely means, if it is close to one. */
export function closestKind(declared: string): DocumentKind | undefined {
  const value = declared.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (value.length > 60) return undefined;
  for (const kind of DOCUMENT_KINDS) {
    if (value === kind || value.startsWith(kind + '-') || editDistance(value, kind) <= 3) return kind;
  }
  return undefined;
}

/** `type:` read line by line, for front matter whose YAML does not parse. */
function recoverType(text: string, frontMatter: FrontMatter): string | undefined {
  const raw = text.slice(frontMatter.contentStart, frontMatter.contentEnd);
  return /^type[ \t]*:[ \t]*["']?([\w.-]+)/m.exec(raw)?.[1];
}

/** How far into an unclosed front matter block `sniff` looks for its `type:` line. */
const UNCLOSED_SCAN_LIMIT = 4 * 1024;

/**
 * The `type:` of a front matter block that opens at the top but is never closed (a forgotten
 * `---`): read from the lines right after the opening fence, up to the first blank line.
 */
function unclosedType(text: string): string | undefined {
  const open = FENCE_OPEN.exec(text);
  if (!open) return undefined;
  const head = text.slice(open[0].length, open[0].length + UNCLOSED_SCAN_LIMIT).split(/\r\n|\r|\n/);
  for (const line of head) {
    if (line.trim() === '') return undefined;
    const type = /^type[ \t]*:[ \t]*["']?([\w.-]+)/.exec(line)?.[1];
    if (type !== undefined) return type;
  }
  return undefined;
}

/**
 * The kind a title names, read against the body where the title alone could mislead: the README
 * of an agreement's template is not the agreement; a program's name over a table of levels is a
 * tier model; a build-vs-buy title is a partnership decision when a heading names partnering.
 */
function titleKind(text: string, bodyStart: number, title: string, hasBody: () => boolean): { kind: DocumentKind; cues?: string[] } | undefined {
  const kind = kindFromTitle(title, hasBody);
  if (kind) {
    if (describesTemplate(text, bodyStart, kind)) return undefined;
    if (kindInfo(kind).titleNeedsBody) {
      const instead = kindOverTitle(text, bodyStart, kind);
      if (instead) return { kind: instead.kind, cues: instead.cues };
    }
    return { kind };
  }
  for (const definition of KINDS as readonly KindDefinition[]) {
    if (definition.titlesWithPartnerHeading?.some((pattern) => pattern.test(title)) && headingNamesPartners(text, bodyStart)) return { kind: definition.id as DocumentKind };
  }
  return undefined;
}

export function sniff(text: string): SniffResult {
  const frontMatter = findFrontMatter(text);
  const data = frontMatter?.data;
  let declared: unknown;
  let unclosed = false;
  if (!frontMatter) {
    // A forgotten closing `---`: Markdown shows the fields as text, but `type:` still says what
    // the document is meant to be, when it names a kind PartnerLint knows (or nearly).
    const type = unclosedType(text);
    if (type !== undefined && (isDocumentKind(type) || closestKind(type) !== undefined)) {
      declared = type;
      unclosed = true;
    }
  }
  // Broken, oversized or unreadable YAML: its `type:` line still says what the document is.
  if (frontMatter && (frontMatter.yaml.errors.length > 0 || frontMatter.tooLarge || frontMatter.readError !== undefined)) declared = recoverType(text, frontMatter);
  else if (isMap(frontMatter?.yaml.contents) && data && typeof data === 'object') declared = (data as Record<string, unknown>)['type'];
  const declaredType = typeof declared === 'string' ? declared.trim() : undefined;
  const title = findTitle(text, frontMatter?.blockEnd ?? 0);
  const fields = frontMatter && isMap(frontMatter.yaml.contents) && data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  const titleField = typeof fields?.['title'] === 'string' ? (fields['title'] as string).trim() : undefined;
  const off = fields !== undefined && (fields['partnerlint'] === 'off' || fields['partnerlint'] === false);
  const base = {
    frontMatter, declaredType, title, ...(titleField ? { titleField } : {}), ...(unclosed ? { unclosedFrontMatter: true } : {}), ...(off ? { off: true } : {}),
  };
  if (off) return { ...base, kind: undefined, source: 'none', kindGuessed: false };
  if (isDocumentKind(declaredType)) return { ...base, kind: declaredType, source: 'front-matter', kindGuessed: false };
  const guessed = declaredType !== undefined ? closestKind(declaredType) : undefined;
  if (guessed) return { ...base, kind: guessed, source: 'front-matter', kindGuessed: true };
  // Another tool's `type:` (`type: post`, `type: docs`) says nothing about partnerships: the title
  // and the body still do.
  const bodyStart = frontMatter?.blockEnd ?? 0;
  // A first heading is itself a heading line: the body needs a few more than that.
  const hasBody = () => hasHeadings(text, bodyStart, title !== undefined ? 4 : 3);
  const fromHeading = title !== undefined ? titleKind(text, bodyStart, title, hasBody) : undefined;
  if (fromHeading) return { ...base, ...fromHeading, source: 'heading', kindGuessed: false };
  const fromField = title === undefined && titleField !== undefined ? titleKind(text, bodyStart, titleField, hasBody) : undefined;
  if (fromField) return { ...base, ...fromField, source: 'title-field', kindGuessed: false };
  // A title kept in front matter is the document's first heading as a reader sees it.
  const body = kindFromBody(text, bodyStart, title === undefined ? titleField : undefined);
  if (body) return { ...base, kind: body.kind, source: 'body', kindGuessed: false, cues: body.cues };
  return { ...base, kind: undefined, source: 'none', kindGuessed: false };
}
