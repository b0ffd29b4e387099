import type { Nodes, RootContent, Table, TableRow } from 'mdast';
import type { StrategyDocument, Section } from '../core/document';
import { sideNames, type SideNames } from './parties';
import { findMixedPhrasesAgain, textDifference, type PhraseScan, type TextDifference } from '../core/phrase-scan';
import { itemsOf, type TextItem } from '../core/items';
import { isNonAnswer, type Vocabulary } from '../core/vocabulary';
import { maskDocument, remask } from './masking';
import { hasQuantity } from '../core/quantity';
import { isSpace } from '../core/text';
import { sectionAtOffset } from './section-lookup';

/**
 * Shared reading of a charter for the "skin in the game" rules (economic-commitment-missing,
 * commitment-unquantified, failure-cost-missing, leverage-co-marketing-only): which side a
 * sentence speaks for, where sentences start and end, which words are commitments, economic
 * terms, failure costs.
 *
 * Everything works on a same-length "masked" copy of the document in which Markdown syntax,
 * HTML comments, code and template placeholders are blanked out, so an offset found in the
 * masked text is an offset in the document. Each word list is matched once against the whole
 * masked text; clauses, headings and sections then ask for the matches inside their range.
 */

/** The two sides of a partnership. */
export type Side = 'ours' | 'partner';
/** Who a clause says puts something in: one side, both, or nobody we can tell. */
export type Giver = Side | 'both' | 'none';

/** A stretch of the document: [start, end) offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A phrase found in the document, with document offsets. */
export interface Match extends Span {
  text: string;
}

/**
 * The line a charter uses to state what each side loses if the partnership fails. The Value
 * Exchange template of charter-missing-section should use this same line.
 */
export { FAILURE_COST_PROMPT } from './sections';

// vocabulary candidate: ourSideWords — how a charter refers to the author's own company.
export const OUR_SIDE_WORDS: readonly string[] = ['we', 'our', 'ours', 'us', 'ourselves', 'our side', 'our company', 'our team'];

// vocabulary candidate: partnerSideWords — how a charter refers to the partner without naming it.
// A bare "partner" only counts as the subject of a verb ("Partner commits: …"), since "partner
// page", "partner manager" and "partner program" are not the partner.
export const PARTNER_SIDE_WORDS: readonly string[] = [
  'the partner', 'our partner', "the partner's", "partner's", 'the partner side', 'they', 'their', 'theirs', 'them',
  '/partner(?=\\s+(?:will|shall|must|commits?|gives?|provides?|contributes?|invests?|funds?|pays?|loses?|side|brings?|puts|offers?|dedicates?|allocates?|assigns?|covers?|agrees?)\\b)/',
];

// vocabulary candidate: jointWords — phrases that make a sentence speak for both sides at once.
export const JOINT_WORDS: readonly string[] = [
  'both', 'each side', 'both sides', 'each company', 'both companies', 'each party', 'both parties', 'both teams',
  'jointly', 'the two companies', 'the two sides', 'each of us', 'both of us',
];

// vocabulary candidate: receiveWords — verbs after which the subject receives rather than gives.
export const RECEIVE_WORDS: readonly string[] = ['get', 'gets', 'receive', 'receives', 'gain', 'gains', 'earn', 'earns', 'benefit', 'benefits'];

// vocabulary candidate: failureCostTerms — phrases that say what is lost if the partnership fails.
export const FAILURE_COST_TERMS: readonly string[] = [
  'if this fails', 'if it fails', 'if the partnership fails', 'if this partnership fails', 'if we fail', 'if the pilot fails',
  'if either side walks away', 'if either side walks', 'what each side loses', 'what we lose', 'what they lose',
  'at stake', 'at risk', 'lose', 'loses', 'would lose', 'cost of failure', 'failure cost', 'failure costs', 'write off',
  'writes off', 'written off', 'forfeit', 'forfeits', 'sunk cost', 'skin in the game',
];
/** Of FAILURE_COST_TERMS, the verbs that say a loss without framing it as the cost of failure. */
export const LOSS_VERBS: readonly string[] = ['lose', 'loses', 'would lose', 'write off', 'writes off', 'written off', 'forfeit', 'forfeits', 'sunk cost'];
// vocabulary candidate: weakFailureTerms — count as a failure cost only with both sides named.
export const WEAK_FAILURE_TERMS: readonly string[] = ['downside', 'downsides', 'risk to each side', 'mutual risk', 'penalty', 'penalties', 'clawback'];

// vocabulary candidate: externalTermsWords — the economics are written down in another document.
export const EXTERNAL_TERMS_WORDS: readonly string[] = [
  'appendix', 'annex', 'exhibit', 'MSA', 'master services agreement', 'order form', 'statement of work', 'SOW', 'term sheet',
  'attached agreement', 'commercial agreement',
];

const PREPOSITIONS = new Set([
  'for', 'to', 'with', 'of', 'on', 'in', 'into', 'at', 'about', 'among', 'across', 'between', 'than', 'like', 'toward',
  'towards', 'per', 'via', 'alongside', 'beside', 'under', 'over', 'through', 'against', 'onto', 'upon', 'within', 'behind',
]);
const GIVER_PREPOSITIONS = new Set(['from', 'by']);
/** Words after which a verb-like economic word ("funds", "invests") is really a verb. */
const SUBJECT_LEAD = /(?:^|[\s(])(?:will|shall|must|can|to|also|each|both|jointly)\s+(?:[\p{L}]+ly\s+)?$/iu;
const DETERMINERS = new Set(['the', 'these', 'those', 'this', 'that', 'any', 'all', 'some', 'our', 'their', 'its', 'his', 'her', 'a', 'an', 'no', 'such', 'other', 'more', 'extra', 'additional']);
const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|inc|ltd|corp|co|no|approx|est|mr|mrs|ms|dr|st|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|[a-z])$/i;
/** What ends the reach of a commitment word within a sentence. */
/**
 * People named as those a thing is for ("a way for developers to publish", "recognition to
 * developers"): the beneficiaries of a promise, not staff put into it.
 */
const RECIPIENT_LEAD = /\b(?:for|to)\s+(?:(?:the|all|other|more|many|individual|independent|external|third-party)\s+)?$/i;
const PEOPLE = /^(?:developers?|engineers?|researchers?|maintainers?)$/i;

const CLAUSE_BREAK = /[;!?]|\.(?:\s|$)|—|\b(?:which|who|whom|whose|where|while|because|although|unless|whereas|but)\b/i;
/** An answer that gives nothing: "**Funding:** no", "**Budget:** 0" (non-answers are `isNonAnswer`'s). */
const ZERO_ANSWER = /^[\s.!:;,—–-]*(?:nothing|no|0)[\s.!;,—–-]*$/iu;

/** A sentence of a list item or paragraph, or one cell of a table row. */
export interface Clause extends Span {
  /** The masked text of [start, end). */
  text: string;
  /** A bold lead-in such as `**Acme commits:**` the clause opens with (its text, without the asterisks). */
  label: Span | undefined;
  /** Where a quantity counts for this clause: the sentence itself, or a table cell's whole row. */
  scope: Span;
  item: TextItem;
  /**
   * What the clause sits under, nearest first: its item's first sentence, parent items, lead-in
   * lines, table headers, headings. Shared between clauses (and kept from one version of the
   * document to the next): never changed.
   */
  readonly context: readonly Span[];
  /** The next sentence of the same item, if any. */
  next: Clause | undefined;
}

interface Token extends Span {
  side: Side | 'both';
}

/** A list item's or paragraph's sentences and the lead-in label each opens with, relative to the item's start. */
interface ItemSentences {
  spans: Span[];
  labels: Array<Span | undefined>;
  /** Where the item starts in its node, and its length: what the offsets are relative to. */
  offsetInNode: number;
  length: number;
  /** The reading (CharterText.serial) of the version they are known to be right for. */
  version: number;
}

/**
 * Sentences per item node. The incremental parser keeps the nodes of unchanged blocks (moving
 * them), so an item the edit did not reach is not split again: what it was computed from (its
 * masked text, and its source from the `*`/`_` marks a label backs up over to ten characters past
 * its end) is checked to be unchanged against the previous version (`CharterText.unchanged`).
 * Only a version number is kept, so nothing here keeps a document's text alive.
 */
const itemSentences = new WeakMap<Nodes, ItemSentences>();
/** The clauses of each item, with the reading (CharterText.serial) they were last right for. */
const itemClauses = new WeakMap<TextItem, { version: number; clauses: Clause[] }>();
let nextSerial = 1;

/**
 * Splits [start, end) of `masked` into sentences and semicolon clauses. A sentence ends at `.`,
 * `!` or `?` followed by white space and a capital, a digit or an opening mark (abbreviations
 * and decimals do not end one), at a `;`, or at a line break followed by a bold lead-in in the
 * source.
 */
function computeSentences(source: string, masked: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let from = start;
  const push = (s: number, e: number) => {
    let a = s;
    let b = e;
    while (a < b && isSpace(masked.charCodeAt(a))) a++;
    while (b > a && isSpace(masked.charCodeAt(b - 1))) b--;
    if (/[\p{L}\p{N}$€£¥%]/u.test(masked.slice(a, b))) out.push({ start: a, end: b });
  };
  // Where the last non-blank character is: "is there more text after this full stop?" is then
  // one comparison, not a scan to the end of the item at every full stop.
  let lastText = end - 1;
  while (lastText >= start && isSpace(masked.charCodeAt(lastText))) lastText--;
  for (let i = start; i < end; i++) {
    const c = masked[i]!;
    if (c === ';') {
      push(from, i + 1);
      from = i + 1;
    } else if (c === '.' || c === '!' || c === '?') {
      const after = /^\s+(?=["'“‘(]?[\p{Lu}\p{N}$€£])/u.test(masked.slice(i + 1, Math.min(end, i + 40)));
      if (!after && lastText > i) continue;
      if (c === '.' && ABBREVIATIONS.test(masked.slice(Math.max(start, i - 8), i))) continue;
      push(from, i + 1);
      from = i + 1;
    } else if (c === '\n' && i + 1 < end && /^[ \t]*(?:\*\*|__)/.test(source.slice(i + 1, i + 10))) {
      push(from, i);
      from = i + 1;
    }
  }
  push(from, end);
  return out;
}

/** The bold lead-in (`**Acme commits:**`, `**Budget**:`) a clause opens with, if any. */
function leadLabel(source: string, start: number, end: number): Span | undefined {
  // Masking blanked the asterisks: back up over them.
  let s = start;
  while (s > 0 && (source[s - 1] === '*' || source[s - 1] === '_')) s--;
  const m = /^(\*\*|__)([^*_\r\n]{1,80}?)(\*\*|__)[ \t]*(:?)/.exec(source.slice(s, end));
  if (!m || (!/:\s*$/.test(m[2]!) && m[4] !== ':')) return undefined;
  const labelStart = s + m[1]!.length;
  return { start: labelStart, end: labelStart + m[2]!.length };
}

/** Every prose item of the document (pseudo-heading lines excluded), in order. */
function documentItems(doc: StrategyDocument): TextItem[] {
  const pseudo = new Map<number, Section>();
  for (const s of doc.sections) if (s.pseudo && !pseudo.has(s.start)) pseudo.set(s.start, s);
  const out: TextItem[] = [];
  for (const item of itemsOf(doc, doc.root.children)) {
    const heading = item.kind === 'paragraph' ? pseudo.get(item.start) : undefined;
    if (!heading) {
      out.push(item);
      continue;
    }
    let start = heading.contentStart;
    while (start < item.end && isSpace(doc.text.charCodeAt(start))) start++;
    // Object literals with named fields throughout this file: a spread followed by more fields
    // (\`{ ...item, start }\`) is a slow path in V8, about ten times the cost, and these run per item.
    if (start < item.end) out.push({ kind: item.kind, text: item.text, start, end: item.end, range: doc.index.rangeOf(start, item.end), checked: item.checked, node: item.node });
  }
  return out;
}

/** The innermost section containing `offset`. */
export function sectionAt(doc: StrategyDocument, offset: number): Section | undefined {
  return sectionAtOffset(doc, offset);
}

/** The range of a section's heading line(s) in the document. */
export function headingSpan(doc: StrategyDocument, section: Section): Span {
  return { start: doc.index.offsetAt(section.headingRange.start), end: doc.index.offsetAt(section.headingRange.end) };
}

function spanOf(node: Nodes): Span {
  if (node.type === 'listItem') {
    let last: Nodes | undefined;
    for (let i = node.children.length - 1; i >= 0 && !last; i--) if (node.children[i]!.type !== 'list') last = node.children[i];
    return { start: node.position?.start.offset ?? 0, end: last?.position?.end.offset ?? node.position?.start.offset ?? 0 };
  }
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** True when a negation ("no", "not", "never", "without", "n't") sits up to three words before `offset`, after `from`. */
export function negated(text: string, offset: number, from = 0): boolean {
  const before = text.slice(Math.max(from, offset - 60), offset);
  return /(?:(?<![\p{L}])(?:no|not|never|without|non|zero|nor|neither)|n['’]t)\s+(?:[\p{L}\p{N}$€£¥'’-]+\s+){0,2}$/iu.test(before);
}

/**
 * A commitment counts as quantified when a number, amount, percentage or period sits in the
 * same sentence (hasQuantity), when it names one person ("a dedicated engineer"), or when it
 * names a period in words ("for the first year").
 */
export function hasCommitmentQuantity(text: string): boolean {
  if (hasQuantity(text)) return true;
  if (/\b(?:an?|single)\s+(?:(?:full[- ]time|part[- ]time|dedicated|senior|named|additional)\s+)*(?:engineer|developer|architect|solutions?\s+architect|partner\s+manager|manager|FTE|person|hire|headcount)\b/i.test(text)) return true;
  return /\b(?:first|second|next|initial|whole|entire|full)\s+(?:(?:calendar|fiscal|contract)\s+)?(?:week|month|quarter|year|sprint|phase|term)s?\b|\bFTEs?\b/i.test(text);
}

/**
 * The parsed charter, read once per document and vocabulary (models() in index.ts keeps it per
 * lint) and shared by the rules that use it.
 */
export class CharterText {
  /** The masked copy of the document (see masking.ts): the layer's own; rules read `slice` and `negatedAt`. */
  readonly masked: string;
  readonly names: SideNames;
  readonly items: TextItem[];
  readonly clauses: Clause[];
  private readonly contextOf = new Map<Nodes, Nodes>();
  private readonly found = new Map<readonly string[], Match[]>();
  private sideTokens: Token[] | undefined;

  /**
   * `previous`: the reading of the previous version of `doc` with the same vocabulary, when the
   * incremental linter linked one (`previousVersion`); what it derived is reused where exact.
   */
  constructor(readonly doc: StrategyDocument, readonly vocabulary: Vocabulary, previous?: CharterText) {
    // Only one version back is used: cut the chain, or every version ever linted stays alive.
    if (previous) previous.previous = undefined;
    this.previous = previous;
    // Only the chunks an edit touched are masked again (masking.ts).
    if (previous) {
      const again = remask({ text: previous.doc.text, masked: previous.masked }, doc.text, vocabulary.placeholders);
      this.masked = again.masked;
      this.edit = { prefix: again.prefix, changeEnd: doc.text.length - again.suffix, maskFrom: again.from, maskTo: again.to };
    } else {
      this.masked = maskDocument(doc.text, vocabulary.placeholders);
    }
    this.names = sideNames(doc);
    this.items = documentItems(doc);
    this.linkContexts(doc.root.children, undefined);
    this.clauses = this.items.flatMap((item) => this.clausesOf(item));
  }

  /** The prose of `span`: its text with Markdown marks, comments, code and placeholders blanked out (offsets kept). */
  slice(span: Span): string {
    return this.masked.slice(span.start, span.end);
  }

  /** True when a negation ("no", "not", "without", "n't") sits up to three words before `offset`, after `from`. */
  negatedAt(offset: number, from = 0): boolean {
    return negated(this.masked, offset, from);
  }

  /** Matches of a word list inside `span` (the list is matched against the whole document once). */
  find(list: readonly string[], span: Span): Match[] {
    let all = this.found.get(list);
    if (!all) {
      all = findMixedPhrasesAgain((l) => this.previousScan(l), this.masked, list, this.maskedDifference(), (l, matches) => this.found.set(l, matches));
      this.found.set(list, all);
    }
    return inside(all, span);
  }

  /** The previous version's reading, when the incremental linter keeps one (see findPhrasesAgain). */
  private previous: CharterText | undefined;
  private difference: TextDifference | undefined;

  private previousScan(list: readonly string[]): PhraseScan | undefined {
    const matches = this.previous?.found.get(list);
    return matches && this.previous ? { text: this.previous.masked, phrases: list, matches } : undefined;
  }

  private maskedDifference(): TextDifference | undefined {
    if (!this.previous) return undefined;
    this.difference ??= textDifference(this.previous.masked, this.masked);
    return this.difference;
  }

  has(list: readonly string[], span: Span): boolean {
    // `find(list, span).length > 0`, without building the array (asked for every clause and its context).
    let all = this.found.get(list);
    if (!all) {
      this.find(list, span);
      all = this.found.get(list)!;
    }
    for (let i = firstStartingAtOrAfter(all, span.start); i < all.length && all[i]!.start < span.end; i++) if (all[i]!.end <= span.end) return true;
    return false;
  }

  /** Records, for each list item, the item or lead-in line (`We give:`) its list sits under. */
  private linkContexts(children: readonly RootContent[], parent: Nodes | undefined): void {
    children.forEach((child, i) => {
      if (child.type === 'list') {
        const previous = children[i - 1];
        const lead = previous?.type === 'paragraph' && /:\s*$/.test(this.slice(spanOf(previous))) ? previous : undefined;
        for (const li of child.children) {
          const context = lead ?? parent;
          if (context) this.contextOf.set(li, context);
          this.linkContexts(li.children, li);
        }
      } else if (child.type === 'blockquote') {
        this.linkContexts(child.children, parent);
      }
    });
  }

  /** Headings that frame `offset`, nearest first; the document title is not one. */
  private headingContext(offset: number): readonly Span[] {
    const innermost = sectionAt(this.doc, offset);
    let out = this.headingContexts.get(innermost);
    if (!out) {
      out = [];
      for (let s = innermost; s; s = s.parent) {
        if (s !== this.doc.title && s.depth > 1) out.push(headingSpan(this.doc, s));
      }
      this.headingContexts.set(innermost, out);
    }
    return out;
  }

  /** The sentences of a list item or paragraph, and the lead-in label each opens with, relative to its start (see `itemSentences`). */
  private sentencesOf(item: TextItem): ItemSentences {
    const source = this.doc.text;
    const { start, end } = item;
    const offsetInNode = start - (item.node.position?.start.offset ?? 0);
    let known = itemSentences.get(item.node);
    if (!(known && known.offsetInNode === offsetInNode && known.length === end - start && (known.version === this.serial || (known.version === this.previous?.serial && this.unchanged(item))))) {
      const spans = computeSentences(source, this.masked, start, end);
      known = {
        spans: spans.map((span) => ({ start: span.start - start, end: span.end - start })),
        labels: spans.map((span) => {
          const label = leadLabel(source, span.start, span.end);
          return label && { start: label.start - start, end: label.end - start };
        }),
        offsetInNode,
        length: end - start,
        version: this.serial,
      };
      itemSentences.set(item.node, known);
    }
    known.version = this.serial;
    return known;
  }

  /**
   * Whether what an item's sentences are computed from is the same as in the previous version:
   * its source from the marks before it to ten characters past its end, and its mask.
   */
  private unchanged(item: TextItem): boolean {
    const edit = this.edit;
    if (!edit) return false;
    let from = item.start;
    while (from > 0 && (this.doc.text[from - 1] === '*' || this.doc.text[from - 1] === '_')) from--;
    // (Past the change, strictly: the character before `from` decides where a label stops backing up.)
    const sourceSame = item.end + 10 <= edit.prefix || from > edit.changeEnd;
    return sourceSame && (item.end <= edit.maskFrom || item.start >= edit.maskTo);
  }

  /** A number of its own, for each reading. */
  private readonly serial = nextSerial++;
  /** How this version differs from the previous one, in its text and in its mask (new offsets). */
  private readonly edit: { prefix: number; changeEnd: number; maskFrom: number; maskTo: number } | undefined;

  /** `headingContext` of each innermost section (the items of a section share it). */
  private readonly headingContexts = new Map<Section | undefined, Span[]>();

  private clausesOf(item: TextItem): Clause[] {
    if (item.kind === 'table-header') return [];
    // An item before the edit (the same item object: its block was neither moved nor changed)
    // keeps its clauses: everything they are made of (its text and mask, the lines and headings
    // it sits under) comes before the edit.
    const kept = itemClauses.get(item);
    const edit = this.edit;
    if (kept && kept.version === this.previous?.serial && edit && item.end + 10 <= edit.prefix && item.end <= edit.maskFrom) {
      kept.version = this.serial;
      // The same text, sliced from this version's mask (a slice keeps the string it was cut from alive).
      for (const clause of kept.clauses) clause.text = this.masked.slice(clause.start, clause.end);
      return kept.clauses;
    }
    const clauses = this.buildClauses(item);
    itemClauses.set(item, { version: this.serial, clauses });
    return clauses;
  }

  private buildClauses(item: TextItem): Clause[] {
    // Parent items and lead-in lines (up to three), then headings (this runs for every item: no spreads).
    const around: Span[] = [];
    let outer = 0;
    for (let node = this.contextOf.get(item.node); node && outer < 3; node = this.contextOf.get(node), outer++) around.push(spanOf(node));
    for (const heading of this.headingContext(item.start)) around.push(heading);
    if (item.kind === 'table-row') return this.cellClauses(item, around);
    const { spans, labels } = this.sentencesOf(item);
    const at = item.start;
    const clauses: Clause[] = [];
    for (let index = 0; index < spans.length; index++) {
      const relative = spans[index]!;
      const span = { start: relative.start + at, end: relative.end + at };
      const label = labels[index];
      // The later sentences of an item share one context: its first sentence, then what it sits under.
      let context: readonly Span[] = around;
      if (index === 1) {
        const own = [clauses[0]!.scope];
        for (const a of around) own.push(a);
        context = own;
      } else if (index > 1) {
        context = clauses[1]!.context;
      }
      const clause: Clause = {
        start: span.start, end: span.end, text: this.slice(span), label: label && { start: label.start + at, end: label.end + at }, scope: span, item, context, next: undefined,
      };
      if (index > 0) clauses[index - 1]!.next = clause;
      clauses.push(clause);
    }
    return clauses;
  }

  private tableOfRow: Map<TableRow, Table> | undefined;

  /** The top-level table a row belongs to (tables nested in lists or quotes have none here). */
  private topLevelTableOf(row: TableRow): Table | undefined {
    if (!this.tableOfRow) {
      this.tableOfRow = new Map();
      for (const block of this.doc.root.children) if (block.type === 'table') for (const r of block.children) this.tableOfRow.set(r, block);
    }
    return this.tableOfRow.get(row);
  }

  private cellClauses(item: TextItem, around: Span[]): Clause[] {
    const row = item.node as TableRow;
    const header = this.topLevelTableOf(row)?.children[0];
    const first = row.children[0];
    const out: Clause[] = [];
    row.children.forEach((cell, i) => {
      let start = cell.position?.start.offset ?? item.start;
      let end = cell.position?.end.offset ?? item.end;
      while (start < end && isSpace(this.masked.charCodeAt(start))) start++;
      while (end > start && isSpace(this.masked.charCodeAt(end - 1))) end--;
      if (!/[\p{L}\p{N}$€£¥]/u.test(this.masked.slice(start, end))) return;
      const headerCell = header && header !== row ? header.children[i] : undefined;
      const context = [...(headerCell ? [spanOf(headerCell)] : []), ...(i > 0 && first ? [spanOf(first)] : []), ...around];
      out.push({
        start, end, text: this.masked.slice(start, end), label: leadLabel(this.doc.text, start, end), scope: { start: item.start, end: item.end },
        item, context, next: undefined,
      });
    });
    return out;
  }

  /** Clauses whose start lies in the content of `section` (its subsections included). */
  clausesIn(section: Section): Clause[] {
    return this.clauses.filter((c) => c.start >= section.contentStart && c.start < section.end);
  }

  /** Side-naming tokens inside `span`, in order; overlapping matches keep the longest. */
  tokens(span: Span): Token[] {
    if (!this.sideTokens) {
      const raw: Token[] = [];
      const whole = { start: 0, end: this.masked.length };
      for (const m of this.find(OUR_SIDE_WORDS, whole)) if (m.text !== 'US') raw.push({ start: m.start, end: m.end, side: 'ours' });
      for (const m of this.find(PARTNER_SIDE_WORDS, whole)) raw.push({ start: m.start, end: m.end, side: 'partner' });
      for (const m of this.find(JOINT_WORDS, whole)) raw.push({ start: m.start, end: m.end, side: 'both' });
      for (const [side, forms] of [['ours', this.names.ours], ['partner', this.names.partner]] as const) {
        for (const form of forms) {
          const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
          const regex = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'gu');
          for (let m = regex.exec(this.masked); m; m = regex.exec(this.masked)) raw.push({ start: m.index, end: m.index + m[0].length, side });
        }
      }
      raw.sort((a, b) => a.start - b.start || b.end - a.end);
      this.sideTokens = [];
      for (const t of raw) {
        const last = this.sideTokens[this.sideTokens.length - 1];
        if (!last || t.start >= last.end) this.sideTokens.push(t);
      }
    }
    return inside(this.sideTokens, span);
  }

  /** Which sides `span` mentions at all ("each side", "both sides" count as both; a bare "both" does not). */
  mentions(span: Span): Set<Side> {
    const sides = new Set<Side>();
    for (const t of this.tokens(span)) {
      if (t.side !== 'both') sides.add(t.side);
      else if (t.end - t.start > 4) {
        sides.add('ours');
        sides.add('partner');
      }
    }
    return sides;
  }

  /**
   * Who `span` says gives: its subject ("Initech will promote us" is Initech's), a joint subject
   * ("Both companies…", "We and Initech…"), a giver named with "from"/"by", or the other side of
   * a receiver ("We get a $200K credit pool" is the partner's). Undefined when no side is named
   * in a position that decides it.
   */
  subjectSide(span: Span): Giver | undefined {
    const tokens = this.tokens(span);
    let subject: Token | undefined;
    for (const t of tokens) {
      const word = /([\p{L}]+)\s*$/u.exec(this.masked.slice(Math.max(span.start, t.start - 20), t.start))?.[1]?.toLowerCase();
      if (word && GIVER_PREPOSITIONS.has(word) && t.side !== 'both') return t.side;
      if (subject || (word && PREPOSITIONS.has(word))) continue;
      const said = this.masked.slice(t.start, t.end).toLowerCase();
      if (said !== 'us' && said !== 'them') subject = t;
    }
    if (!subject) return undefined;
    if (subject.side === 'both') return 'both';
    const other: Side = subject.side === 'ours' ? 'partner' : 'ours';
    const rest = this.masked.slice(subject.end, span.end);
    const joined = /^\s*(?:and|&|\+)\s+/.exec(rest);
    if (joined) {
      const next = this.tokens({ start: subject.end + joined[0].length, end: span.end })[0];
      if (next && next.start === subject.end + joined[0].length && next.side === other) return 'both';
    }
    if (new RegExp(`^(?:['’]s)?\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${RECEIVE_WORDS.join('|')})\\b`, 'iu').test(rest)) return other;
    return subject.side;
  }

  /** The giver of a clause: its own subject, else what it sits under; 'none' when unclear. */
  giver(clause: Clause): Giver {
    const own = this.subjectSide(clause);
    if (own) return own;
    // "Allocate $1.4M for partner programs": an instruction in our own document is our doing.
    if (IMPERATIVE_COMMITMENT.test(clause.text) && clause.context.every((c) => this.subjectSide(c) === undefined)) return 'ours';
    for (const context of clause.context) {
      const side = this.subjectSide(context);
      if (side === undefined) continue;
      // A heading or lead-in that names both sides says nothing about one item.
      if (side !== 'both' && this.mentions(context).size > 1) return 'none';
      return side;
    }
    return 'none';
  }

  /** Economic terms of `span` that are not negated ("no budget", "will not fund"). */
  economicTerms(span: Span): Match[] {
    return this.find(this.vocabulary.economicTerms, span).filter((m) => !negated(this.masked, m.start, span.start));
  }

  /**
   * Commitment words of `span` that commit to something: not negated, not part of a longer
   * economic noun ("revenue guarantees", "minimum commit"), and, when the word is itself an
   * economic term ("funds", "invest"), used as a verb ("Globex funds…", "we invest…").
   */
  commitmentWords(span: Span): Match[] {
    const economic = this.find(this.vocabulary.economicTerms, span);
    return this.find(this.vocabulary.commitmentWords, span).filter((c) => {
      if (negated(this.masked, c.start, span.start)) return false;
      // "Ability to invest in training": a capability asked of someone, not a commitment.
      if (CAPABILITY_BEFORE.test(this.masked.slice(Math.max(span.start, c.start - 30), c.start))) return false;
      // Matches of one list never overlap, so only the last economic term starting at or before
      // the word can hold it (a search, not a scan: a clause may hold thousands of terms).
      const e = economic[lastStartingAtOrBefore(economic, c.start)];
      const holds = e !== undefined && c.end <= e.end;
      if (holds && e.end - e.start > c.end - c.start) return false;
      if (!(holds && e.start === c.start && e.end === c.end)) return true;
      const before = this.masked.slice(Math.max(span.start, c.start - 40), c.start);
      if (SUBJECT_LEAD.test(before)) return true;
      if (this.tokens({ start: c.start - Math.min(40, c.start - span.start), end: c.start }).some((t) => /^\s*$/.test(this.masked.slice(t.end, c.start)))) return true;
      // "Contoso funds a pilot pool": a name, then the word in lower case ("Development Funds" is a name).
      const name = /([\p{Lu}][\p{L}\p{N}&.'’-]*)\s+$/u.exec(before)?.[1];
      return name !== undefined && !DETERMINERS.has(name.toLowerCase()) && c.text === c.text.toLowerCase();
    });
  }

  /**
   * The economic terms a commitment word in the clause reaches: after it in the same clause
   * ("we will dedicate engineering resources"), or just before it ("budget is committed"), with
   * no clause break ("…, which allows developers") in between.
   */
  committedTerms(clause: Clause): Match[] {
    const commits = this.commitmentWords(clause);
    if (commits.length === 0) return [];
    // A commitment word reaches a term when it overlaps it, or when at most 12 words (4 after
    // the term) and no clause break lie between them. The nearest word on each side decides:
    // a farther one has the nearer one's gap inside its own, so it cannot do better. (Commitment
    // words never overlap one another, so they are in order by both ends.)
    const reaches = (from: number, to: number, limit: number) =>
      wordsBetween(this.masked, from, to, limit) <= limit && !CLAUSE_BREAK.test(this.masked.slice(from, to));
    return this.economicTerms(clause).filter((e) => {
      if (this.namesBeneficiary(clause, e)) return false;
      const before = lastEndingAtOrBefore(commits, e.start);
      let after = before + 1;
      while (after < commits.length && commits[after]!.start < e.end) after++;
      if (after > before + 1) return true; // a commitment word overlaps the term
      if (before >= 0 && reaches(commits[before]!.end, e.start, 12)) return true;
      return after < commits.length && reaches(e.end, commits[after]!.start, 4);
    });
  }

  /** True when `term` names people a thing is for ("a way for developers to publish"), not staff put in. */
  namesBeneficiary(clause: Span, term: Match): boolean {
    return PEOPLE.test(term.text) && RECIPIENT_LEAD.test(this.masked.slice(Math.max(clause.start, term.start - 40), term.start));
  }

  /** True when the clause, or what it sits under, is about what is lost if the partnership fails. */
  isFailureCost(clause: Clause): boolean {
    return this.has(FAILURE_COST_TERMS, clause) || clause.context.some((c) => this.has(FAILURE_COST_TERMS, c));
  }

  /**
   * True for a table cell under a column of projections ("Annual potential", "Forecast",
   * "Target"): an amount there is what someone expects to happen, not what anyone puts in.
   */
  isProjection(clause: Clause): boolean {
    if (clause.item.kind !== 'table-row') return false;
    const header = clause.context[0];
    return header !== undefined && header.end <= clause.item.start && PROJECTION_COLUMN.test(this.masked.slice(header.start, header.end));
  }

  /**
   * True for a table cell under a column of what will be done ("Mitigation", "Response",
   * "Contingency"): what it names is promised, as in Value Exchange.
   */
  inCommitmentColumn(clause: Clause): boolean {
    if (clause.item.kind !== 'table-row') return false;
    const header = clause.context[0];
    return header !== undefined && header.end <= clause.item.start && COMMITMENT_COLUMN.test(this.masked.slice(header.start, header.end));
  }

  /** True when the clause is a question ("Will we fund the pilot?"). */
  isQuestion(clause: Clause): boolean {
    return /\?\s*$/.test(clause.text);
  }

  /** True for a labelled line with no real answer: "**Budget:** to be decided", "**Funding:** none". */
  unanswered(clause: Clause): boolean {
    if (clause.label === undefined) return false;
    const answer = this.masked.slice(clause.label.end, clause.end);
    return ZERO_ANSWER.test(answer) || isNonAnswer(answer, this.vocabulary);
  }

  /**
   * The economic commitments of a clause. In Value Exchange an economic term is enough ("**Acme
   * commits:** 3 engineers", "- $60K launch fund"); elsewhere a commitment word must reach it.
   * Statements of what is lost on failure, questions and unanswered labels are not commitments.
   */
  economicCommitment(clause: Clause, inValueExchange: boolean): readonly Match[] {
    // Two rules ask of every clause (economic-commitment-missing, commitment-unquantified).
    const memo = inValueExchange ? this.inValueExchange : this.elsewhere;
    let terms = memo.get(clause);
    if (!terms) {
      // Most clauses name no economic term at all: settled without building any array.
      terms = !this.has(this.vocabulary.economicTerms, clause) || this.isQuestion(clause) || this.isFailureCost(clause) || this.unanswered(clause) || this.isProjection(clause)
        ? NO_MATCHES
        : inValueExchange ? this.economicTerms(clause) : this.committedTerms(clause);
      memo.set(clause, terms);
    }
    return terms;
  }

  /** `economicCommitment` of the clauses asked about, read as in Value Exchange and as elsewhere. */
  private readonly inValueExchange = new Map<Clause, readonly Match[]>();
  private readonly elsewhere = new Map<Clause, readonly Match[]>();

  /** True for "co-investment", "joint fund", "shared budget": money both sides put in. */
  isJointTerm(match: Match): boolean {
    if (/^co[\s-]/i.test(match.text)) return true;
    return /\b(?:joint(?:ly)?|shared|matched|matching)\s+$/i.test(this.masked.slice(Math.max(0, match.start - 20), match.start));
  }
}

/** Words before a commitment word that make it a capability, not a promise. */
const CAPABILITY_BEFORE = /\b(?:ability|capacity|able|willingness|willing|readiness|ready)\s+to\s+$/i;

/** Column headers of what will be done. */
const COMMITMENT_COLUMN = /\b(?:mitigations?|responses?|contingenc(?:y|ies)|countermeasures?)\b/i;

/** Column headers of projections, not commitments. */
const PROJECTION_COLUMN = /\b(?:potential|forecasts?|projected|projections?|targets?|estimated?|estimates|expected|opportunity|market\s+size|tam|pipeline)\b/i;

/** A clause that opens with a commitment verb in the imperative: "Allocate …", "Hire 2 engineers". */
const IMPERATIVE_COMMITMENT = /^[\s*_]*(?:\d+[.)]\s*)?(?:allocate|commit|dedicate|invest|fund|assign|hire|staff|set\s+aside|reserve|spend|pay|budget)\b/i;

/** Index of the last of `sorted` (by start) starting at or before `offset`; -1 if none. */
function lastStartingAtOrBefore(sorted: readonly Span[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.start <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Index of the last of `sorted` (non-overlapping, so in order by end too) ending at or before `offset`; -1 if none. */
function lastEndingAtOrBefore(sorted: readonly Span[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * How many words (runs of non-blank characters) start in [from, to) of `text`, counting no
 * further than `limit + 1`: the same as `gap.trim().split(/\s+/).length` for a non-blank gap, at
 * a cost bounded by the words it reads.
 */
function wordsBetween(text: string, from: number, to: number, limit: number): number {
  let count = 0;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    if (++count > limit) return count;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
  }
  return count;
}

/** Index of the first of `sorted` (by start) starting at or after `offset`; `sorted.length` if none. */
function firstStartingAtOrAfter(sorted: readonly Span[], offset: number): number {
  return lastStartingAtOrBefore(sorted, offset - 1) + 1;
}

/** The matches of a sorted list that lie inside `span`. */
function inside<T extends Span>(sorted: readonly T[], span: Span): T[] {
  const out: T[] = [];
  for (let i = firstStartingAtOrAfter(sorted, span.start); i < sorted.length && sorted[i]!.start < span.end; i++) if (sorted[i]!.end <= span.end) out.push(sorted[i]!);
  return out;
}


/** No match: shared, never changed. */
const NO_MATCHES: readonly Match[] = Object.freeze([]);

/** True when `offset` lies in the section's content. */
export function inSection(section: Section | undefined, offset: number): boolean {
  return section !== undefined && offset >= section.contentStart && offset < section.end;
}
