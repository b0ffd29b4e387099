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
function cuesOf(kind: KindDefinition, headings: readonly string[]): string[] {
  const found: string[] = [];
  for (const cue of kind.headingCues) {
    const heading = headings.find((h) => cue.test(h));
    if (heading !== undefined) found.push(heading);
  }
  return found;
}

/**
 * The kind the body of `text` (from offset `from`) makes the case for, or undefined. When several
 * kinds make it, the one with the most cues beyond its minimum wins; a program-level strategy
 * holds several models, so it wins a tie.
 */
export function kindFromBody(text: string, from = 0): BodyEvidence | undefined {
  if (!talksAboutPartners(text, from)) return undefined;
  const headings = headingLines(text, from);
  if (headings.length < 3) return undefined;
  let best: { kind: DocumentKind; cues: string[]; margin: number } | undefined;
  for (const kind of KINDS) {
    const cues = cuesOf(kind, headings);
    const margin = cues.length - kind.minHeadingCues;
    if (margin < 0) continue;
    if (!best || margin > best.margin || (margin === best.margin && kind.id === 'partnership-strategy')) best = { kind: kind.id, cues, margin };
  }
  return best && { kind: best.kind, cues: best.cues.slice(0, 4) };
}
