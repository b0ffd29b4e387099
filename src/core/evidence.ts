import { KINDS, type DocumentKind, type KindDefinition } from './kinds';

/**
 * Recognising a partnership document that has no front matter and no telling title, from what
 * its body holds: the headings (and bold lines and first table cells standing in for them) that
 * belong to a kind (kinds.ts). Precision first: a document must talk about partners throughout,
 * and a kind needs several of its own headings, not one.
 *
 * Cheap by construction: one regular-expression test decides most ordinary Markdown (no partner
 * vocabulary, or too little of it); only documents that pass it have their heading lines read, and
 * nothing is parsed.
 */

/** Words of partnership work; a document needs `MIN_MENTIONS` of them to be read further. */
const PARTNER_WORDS = /\b(?:partner(?:s|ship|ships|ed|ing)?|alliances?|resellers?|sponsors?(?:hip|ships)?|memberships?|member\s+organi[sz]ations?|co-?sell(?:ing)?|co-?marketing|memorandum\s+of\s+understanding|both\s+parties|the\s+parties)\b|パートナー|アライアンス|партн[её]р/gi;
const MIN_MENTIONS = 5;
/** How many mentions are counted at most (enough to pass; counting on costs time on long files). */
const MENTION_CAP = MIN_MENTIONS;

/**
 * Heading-like lines: ATX headings, bold lines on their own, a table's header row (all its cells:
 * tier matrices name the tiers there), any other table row's first cell, and an HTML table's
 * header cells.
 */
const HEADING_LINE = /^ {0,3}(?:#{1,6}[ \t]+([^\r\n]+)|\*\*([^*\r\n]{2,100})\*\*:?[ \t]*$|\|([^\r\n]{1,400})\|[ \t]*(?=\r?\n[ \t]*\|?[ \t]*:?-{2,})|\|[ \t]*([^|\r\n]{1,80})\|)|<th\b[^>\r\n]*>([^<\r\n]{1,80})<\/th>/gim;
/** Heading lines read at most, so that a huge file still costs little. */
const MAX_HEADINGS = 400;

export interface BodyEvidence {
  kind: DocumentKind;
  /** The headings that made the case, in a few words for the status bar's hover. */
  cues: string[];
}

function headingLines(text: string, from: number): string[] {
  const lines: string[] = [];
  HEADING_LINE.lastIndex = from;
  for (let match = HEADING_LINE.exec(text); match && lines.length < MAX_HEADINGS; match = HEADING_LINE.exec(text)) {
    const line = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').replace(/[*_`#]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (line.length > 0 && !/^:?-{2,}:?$/.test(line)) lines.push(line);
  }
  return lines;
}

/** Whether `text` from `from` holds at least `count` heading-like lines. */
export function hasHeadings(text: string, from: number, count: number): boolean {
  HEADING_LINE.lastIndex = from;
  let found = 0;
  while (found < count && HEADING_LINE.exec(text)) found++;
  HEADING_LINE.lastIndex = 0;
  return found >= count;
}

/** Whether `text` says partner (or the like) at least MIN_MENTIONS times after `from`. */
export function talksAboutPartners(text: string, from = 0): boolean {
  PARTNER_WORDS.lastIndex = from;
  let count = 0;
  while (count < MENTION_CAP && PARTNER_WORDS.exec(text)) count++;
  PARTNER_WORDS.lastIndex = 0;
  return count >= MIN_MENTIONS;
}

/** The headings matching each of a kind's cues: one heading per cue that matched. */
function cuesOf(kind: Pick<KindDefinition, 'headingCues'>, headings: readonly string[], joined = headings.join('\n')): string[] {
  const found: string[] = [];
  for (const cue of kind.headingCues) {
    // One scan of all the headings at once rejects a cue that none of them holds (the usual
    // case) faster than a test per heading; cues have no anchors, and `.` stops at a line break.
    if (cue instanceof RegExp && !cue.test(joined)) continue;
    const heading = headings.find((h) => cue.test(h));
    if (heading !== undefined) found.push(heading);
  }
  return found;
}

/** How each kind's case stands on a document's headings: the best kind, and every kind's margin. */
interface BodyCase {
  best: BodyEvidence | undefined;
  /** Cues found minus the kind's minimum, per kind (negative: the case is not made). */
  margins: Map<DocumentKind, number>;
}

function bodyCase(headings: readonly string[], withMargins = false): BodyCase {
  const margins = new Map<DocumentKind, number>();
  let best: { kind: DocumentKind; cues: string[]; margin: number } | undefined;
  const joined = headings.join('\n');
  for (const kind of KINDS) {
    const cues = cuesOf(kind, headings, joined);
    const margin = cues.length - kind.minHeadingCues;
    if (withMargins) margins.set(kind.id, margin);
    if (margin < 0) continue;
    if (!best || margin > best.margin || (margin === best.margin && kind.id === 'partnership-strategy')) best = { kind: kind.id, cues, margin };
  }
  return { best: best && { kind: best.kind, cues: best.cues.slice(0, 4) }, margins };
}

/**
 * The kind the body of `text` (from offset `from`) makes the case for, or undefined. When several
 * kinds make it, the one with the most cues beyond its minimum wins; a program-level strategy
 * holds several models, so it wins a tie. `title` is a title kept outside the body (front matter
 * `title:`): it counts as one more heading.
 */
export function kindFromBody(text: string, from = 0, title?: string): BodyEvidence | undefined {
  if (!talksAboutPartners(text, from)) return undefined;
  const headings = headingLines(text, from);
  if (title !== undefined) headings.push(title);
  if (headings.length < 3) return undefined;
  return bodyCase(headings).best;
}

/**
 * For a document whose title names a kind only weakly (a program's name: titleNeedsBody), the
 * kind its body makes the case for instead: a "Channel Program Guide" that is a table of levels,
 * requirements and benefits is a tier model. Undefined when the body does not make another kind's
 * case while failing the title's.
 */
export function kindOverTitle(text: string, from: number, titleKind: DocumentKind): BodyEvidence | undefined {
  if (!talksAboutPartners(text, from)) return undefined;
  const { best, margins } = bodyCase(headingLines(text, from), true);
  if (!best || best.kind === titleKind || (margins.get(titleKind) ?? -1) >= 0) return undefined;
  return best;
}

/** Whether a heading of the body names partners (or partnering): "Buy/Partner Option Analysis". */
export function headingNamesPartners(text: string, from: number): boolean {
  return headingLines(text, from).some((heading) => /\bpartner(?:s|ship|ships|ing)?\b/i.test(heading));
}

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+([^\r\n]+)/gm;

/** The sections of a README that describes a template or a package rather than being one. */
const README_SECTION = /^(?:\d+[.)]\s*)?(?:source|sources|fields|template\s+fields|variables|parameters|placeholders|usage|how\s+to\s+use(?:\s+(?:it|this(?:\s+template)?))?|installation|install|attribution|licen[cs]e|contributing|files|changelog)\s*:?$/i;

/**
 * Whether a document whose title names an agreement is the README of a template of it: sections
 * that describe the template (its fields, its source, its licence) and little of the kind's own.
 * "Acme Partnership Agreement" over "Fields", "Source" and "Attribution" documents a form; it is
 * not an agreement anyone signed.
 */
export function describesTemplate(text: string, from: number, kind: DocumentKind): boolean {
  // Section headings only: a template's README lists its fields in a table, and field names
  // ("term_duration", "signatory_name") read like a charter's sections.
  const headings: string[] = [];
  ATX_HEADING.lastIndex = from;
  for (let match = ATX_HEADING.exec(text); match && headings.length < MAX_HEADINGS; match = ATX_HEADING.exec(text)) headings.push(match[1]!.replace(/[*_`#]+/g, ' ').replace(/\s+/g, ' ').trim());
  ATX_HEADING.lastIndex = 0;
  let readmeSections = 0;
  for (const heading of headings) if (README_SECTION.test(heading)) readmeSections++;
  if (readmeSections < 2) return false;
  const definition = KINDS.find((k) => k.id === kind)!;
  return cuesOf(definition, headings).length <= 1;
}
