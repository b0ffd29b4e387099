import type { RootContent, Table, TableRow, Nodes } from 'mdast';
import type { Range } from '../core/types';
import type { StrategyDocument, Section } from '../core/document';
import { itemsOf, plain, type TextItem } from '../core/items';
import { findPhrases, isNonAnswer, listsOrDefaults, type Vocabulary } from '../core/vocabulary';
import { findDates, findDurations, lengthOfNoun, startOf, endOf, type DateMention, type DatePoint, type DurationMention } from '../core/time';
import { innermostSection, sectionsHolding } from './section-lookup';

/**
 * The phases of a crawl-walk-run rollout, as written in a rollout plan (anywhere in it) or in a
 * charter's Timeline section: headings named after a phase (`## Phase 1: Crawl`,
 * `### Crawl (weeks 1-6)`, `## 🐛 Crawl`, a bold line `**Walk**`), and list items, table rows
 * and paragraphs that open with a phase label (`- **Crawl** (…)`, `Crawl phase: …`,
 * `| Crawl | … |`). Numbered phases that are not crawl, walk or run (`Phase 2: Expansion`) are
 * found too, as kind `other`.
 *
 * A label must stand as a label: followed by nothing, a colon, a bracket, a dash with space, a
 * table cell break, or the word "phase". "Run the integration…", "Crawl, walk, run is our
 * approach" and a title like "Crawl-Walk-Run Plan" are prose, not phases.
 */

export type PhaseKind = 'crawl' | 'walk' | 'run' | 'other';

/**
 * Words the phase model reads. Not yet part of `Vocabulary`: each list is read from the
 * configured vocabulary when a team has set it there, and falls back to these defaults.
 */
export interface PhaseVocabulary {
  /** Names of the three framework phases. */
  phaseNames: { crawl: string[]; walk: string[]; run: string[] };
  /** Words that number a phase: "Phase 2", "Stage 3", "Wave 1". */
  phaseWords: string[];
  /** What states a go/no-go criterion: gate words, and `/…/` patterns for thresholds ("20%+", "at least 70%"). */
  goNoGoTerms: string[];
  /** Words saying a phase has no end: "ongoing", "continuous". */
  ongoingTerms: string[];
  /** Words that start one phase off the end of another: "after walk", "once walk passes". */
  afterWords: string[];
  /** Steps that come before any pilot: a numbered phase named after one cannot be a crawl under another name. */
  prePilotSteps: string[];
}

// vocabulary candidate
export const PHASE_VOCABULARY: PhaseVocabulary = {
  // The framework's names, and the names real plans give the same steps: a pilot or proof of
  // concept is a crawl, a beta, early access or expansion (to more customers) a walk, a launch,
  // general availability or scale a run.
  phaseNames: {
    crawl: ['crawl', 'pilot', 'pilots', 'proof of concept', 'poc'],
    walk: ['walk', 'beta', 'early access', 'limited availability', 'limited release', 'expansion'],
    run: ['run', 'launch', 'launches', 'full launch', 'general availability', 'ga', 'scale', 'scaling', 'full rollout'],
  },
  phaseWords: ['phase', 'stage', 'wave'],
  goNoGoTerms: [
    'go/no-go', 'go / no-go', 'go-no-go', 'go no go', 'go/nogo', 'gate', 'gates', 'gating criteria', 'exit criteria',
    'exit criterion', 'success criteria', 'success criterion', 'proceed if', 'proceed when', 'proceed only if',
    'advance when', 'advance if', 'advance only if', 'graduate when', 'graduation criteria', 'promotion criteria',
    'move to walk when', 'move to walk if', 'move to run when', 'move to run if', 'kill criteria', 'exit when', 'exit if', 'exit once',
    '/\\d+(?:\\.\\d+)?\\s*%\\s*\\+/',
    '/(?:≥|>=|⩾|\\bat\\s+least|\\bminimum(?:\\s+of)?|\\bno\\s+less\\s+than|\\bmore\\s+than|\\bover)\\s*\\d+(?:\\.\\d+)?\\s*%/',
    '/\\d+(?:\\.\\d+)?\\s*%\\s*(?:or\\s+(?:more|higher|better|above)|and\\s+(?:above|up))/',
    '/\\d+(?:\\.\\d+)?\\s*%\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:adoption|adopt|adopted|improvement|increase|reduction|decrease|lift|uplift|growth|gain|conversion|retention|activation|faster|fewer)(?![\\p{L}])/',
    '/\\d+(?:\\.\\d+)?\\s*%\\s+of\\s+(?:the\\s+)?(?:invited|pilot|participating|target|eligible|enrolled)(?![\\p{L}])/',
  ],
  ongoingTerms: ['ongoing', 'continuous', 'continuing', 'open-ended', 'open ended', 'indefinite', 'indefinitely', 'evergreen', 'steady state'],
  afterWords: ['after', 'once', 'following', 'upon', 'when', 'post'],
  prePilotSteps: [
    'discovery', 'identify', 'identification', 'qualification', 'qualify', 'engage', 'outreach', 'introduction', 'proposal',
    'negotiation', 'negotiate', 'contracting', 'contract', 'agreement', 'signing', 'legal review', 'onboarding', 'kickoff',
    'kick-off', 'planning', 'plan', 'recruitment', 'due diligence',
  ],
};

const resolved = new WeakMap<Vocabulary, PhaseVocabulary>();

/** The phase lists of `vocabulary`, with defaults for any a team has not set. */
export function phaseVocabulary(vocabulary: Vocabulary): PhaseVocabulary {
  let found = resolved.get(vocabulary);
  if (!found) {
    found = listsOrDefaults(vocabulary, PHASE_VOCABULARY);
    resolved.set(vocabulary, found);
  }
  return found;
}

/** One place a phase is written: its heading, or the item that opens with its label. */
export interface PhaseMention {
  source: 'heading' | 'list-item' | 'paragraph' | 'table-row';
  /** Offsets and range of the label words (`Crawl`, `Phase 1: Crawl`, `Phase 2`). */
  labelStart: number;
  labelEnd: number;
  labelRange: Range;
  /** The line that names the phase: a heading's title, an item's first line, a whole table row. */
  head: string;
  /** All of the phase's text here: the head and what belongs to it, lines joined with `\n`. */
  text: string;
  /** Under a heading about go/no-go criteria: all of its text is a criterion. */
  inGateSection: boolean;
  /** For a phase heading: the first answer under a go/no-go subheading of its own (`### Exit criteria`). */
  gateSubsection?: string;
  section?: Section;
  item?: TextItem;
  /** The table, for a table row. */
  table?: Table;
}

/** Where a phase's dates are: the first line of it that states a date or a length. */
export interface PhaseTiming {
  line: string;
  dates: DateMention[];
  /** Lengths of the phase itself (relative ones like "within 2 weeks of launch" left out). */
  durations: DurationMention[];
  /** The phase's first and last dates as written there, when on the calendar or the plan's weeks. */
  start?: DatePoint;
  end?: DatePoint;
}

export interface Phase {
  kind: PhaseKind;
  /** For messages: "crawl", "walk", "run", or the label of another phase ("Phase 2"). */
  name: string;
  /** Where the phase is first named; diagnostics go on this label. */
  labelStart: number;
  labelEnd: number;
  labelRange: Range;
  /** Every place the phase is written, first one first (a summary table and a section, say). */
  mentions: PhaseMention[];
  /** The phase's text from all its mentions. */
  text: string;
  /** Every date and duration in its text. */
  dates: DateMention[];
  durations: DurationMention[];
  timing: PhaseTiming | undefined;
  /** The go/no-go criterion as written, when there is one. */
  goNoGo: string | undefined;
}

// ---------------------------------------------------------------------------------------------
// Labels

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(phrases: readonly string[]): string {
  return phrases.map((p) => p.trim().split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+')).join('|');
}

interface LabelPatterns {
  /** Parses a label at the start of plain text. */
  head: RegExp;
  names: Array<[Exclude<PhaseKind, 'other'>, RegExp]>;
  /** Finds the label in raw Markdown, for its range. */
  raw: RegExp;
  anyName: RegExp;
  /** A phase name anywhere in a title, as a word of its own (not "run-rate"). */
  inTitle: RegExp;
}

/** A label that opens with a period: a quarter, a half, a year or years, plan months, weeks or days. */
const DATE_LED = /^[\s*_#>]*(?:Q[1-4](?:\s*(?:FY)?\s*['’]?\d{2,4})?|H[12]\s*\d{4}|20\d{2}(?:\s*[-–]\s*(?:20)?\d{2})?\+?|(?:months?|weeks?|days?)\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?)\s*(?:[:–—]|\s-\s)\s*(?<title>\S.*)$/iu;

const patternCache = new WeakMap<PhaseVocabulary, LabelPatterns>();

const NUMBER = '(?:\\d{1,2}|[ivx]{1,4}|one|two|three|four|five|six)';
/** What may follow a label: nothing, a colon, a bracket, a spaced dash, a cell break. */
const AFTER_LABEL = /^(?:\s*$|\s*[:([|]|\s*[–—]|\s+-\s|\s*-\s)/u;

function patternsFor(pv: PhaseVocabulary): LabelPatterns {
  let p = patternCache.get(pv);
  if (p) return p;
  const words = alternation(pv.phaseWords);
  const allNames = alternation([...pv.phaseNames.crawl, ...pv.phaseNames.walk, ...pv.phaseNames.run]);
  const head = new RegExp(
    '^[\\s\\p{Extended_Pictographic}\\u{FE0F}\\u{200D}*_>#]*' +
    '(?:(?:\\d+(?:\\.\\d+)*|[ivx]{1,4}|[a-z])[.)]\\s+)?' +
    // "Step 1 — Crawl": a numbered step that names a phase (a step on its own is not a phase).
    `(?:(?:step|part)\\s*${NUMBER}\\s*[:.)\\-–—]?\\s*(?=(?:${allNames})(?![\\p{L}\\p{N}_])))?` +
    `(?:(?<generic>(?:${words})\\s*${NUMBER}(?![\\p{L}\\p{N}]))(?<sep>\\s*[:.)\\-–—]\\s*|\\s+)?)?` +
    `(?:(?<name>${allNames})(?![\\p{L}\\p{N}_])(?<suffix>[\\s-]+(?:${words})(?![\\p{L}\\p{N}_]))?)?`,
    'iu',
  );
  const names: Array<[Exclude<PhaseKind, 'other'>, RegExp]> = (['crawl', 'walk', 'run'] as const).map((k) => [
    k, new RegExp(`^(?:${alternation(pv.phaseNames[k])})$`, 'iu'),
  ]);
  const raw = new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:(?:${words})\\s*${NUMBER}(?![\\p{L}\\p{N}])(?:\\s*[:.)\\-–—]\\s*|\\s+)?(?:\\*\\*|__)?)?(?:${allNames})(?![\\p{L}\\p{N}_])(?:[\\s-]+(?:${words})(?![\\p{L}\\p{N}_]))?` +
    `|(?<![\\p{L}\\p{N}_])(?:${words})\\s*${NUMBER}(?![\\p{L}\\p{N}])`,
    'iu',
  );
  const anyName = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${allNames})(?![\\p{L}\\p{N}_])`, 'giu');
  const inTitle = new RegExp(`(?<![\\p{L}\\p{N}_-])(${allNames})(?![\\p{L}\\p{N}_]|-\\p{L})`, 'iu');
  p = { head, names, raw, anyName, inTitle };
  patternCache.set(pv, p);
  return p;
}

interface ParsedLabel {
  kind: PhaseKind;
  /** "crawl" or, for other phases, the numbered label as written ("Phase 2"). */
  name: string;
  /** Merge key: "crawl", "phase 2". */
  key: string;
  /**
   * For a numbered phase whose title names a framework phase ("Phase 2: Program Expansion"):
   * the numbered label, to fall back on when two numbered phases name the same one.
   */
  numbered?: { name: string; key: string };
}

function kindOfName(name: string, p: LabelPatterns): Exclude<PhaseKind, 'other'> | undefined {
  const n = name.replace(/[\s-]+/g, ' ');
  for (const [kind, re] of p.names) if (re.test(n)) return kind;
  return undefined;
}

/** The phase a label at the start of `text` names, if the text opens with one. */
export function parseLabel(text: string, pv: PhaseVocabulary): ParsedLabel | undefined {
  const p = patternsFor(pv);
  const m = p.head.exec(text);
  if (!m || !m.groups) return undefined;
  const { generic, sep, name, suffix } = m.groups;
  const rest = text.slice(m.index + m[0].length);
  if (name) {
    // "Crawl-Walk-Run", "Crawl → Walk": an overview of the framework, not one phase.
    const overview = new RegExp(`^\\s*[-–—/,&+>→]+\\s*(?:${p.anyName.source})`, 'iu');
    if (overview.test(rest)) return undefined;
    const kind = kindOfName(name, p);
    if (kind && (suffix || AFTER_LABEL.test(rest))) return { kind, name: kind, key: kind };
    // "Phase 1: Pilot with two hospitals": the number makes it a label; its title is read below.
    if (!generic) return undefined;
  }
  if (!generic) {
    // "Q2 2026: Pilot Projects", "Months 4-9 — Scale": a period, then a title that names a phase.
    const dated = DATE_LED.exec(text);
    const named = dated ? p.inTitle.exec(dated.groups!['title']!) : null;
    const kind = named ? kindOfName(named[1]!, p) : undefined;
    if (kind) return { kind, name: kind, key: kind };
    // "2-week pilot plan", "A six-week beta": a crawl or walk named with its length.
    const sized = lengthLed(text, p);
    if (sized) return { kind: sized, name: sized, key: sized };
  }
  if (generic) {
    const afterGeneric = (sep ?? '') + (name ? text.slice(m.index + m[0].length - name.length - (suffix?.length ?? 0)) : rest);
    if (!AFTER_LABEL.test(afterGeneric) && !/^\s*[.)]/.test(afterGeneric)) return undefined;
    const label = generic.replace(/\s+/g, ' ').trim();
    const display = label.charAt(0).toUpperCase() + label.slice(1);
    // "Phase 2: Program Expansion": a numbered phase whose title names a framework phase.
    const kind = titleKind(afterGeneric.replace(/^\s*[:.)\-–—|]\s*/, ''), p);
    if (kind) return { kind, name: kind, key: kind, numbered: { name: display, key: label.toLowerCase() } };
    return { kind: 'other', name: display, key: label.toLowerCase() };
  }
  return undefined;
}

/** Words before a phase name in a title that make it preparation for the phase, not the phase ("Prepare the launch"). */
const PREPARES_BEFORE = /(?:\b(?:pre|prepare|preparing|preparation\s+for|towards?|before|planning\s+(?:for|the))\s+(?:the\s+|a\s+)?)$/i;
const PREPARES_AFTER = /^\s+(?:readiness|prep|preparation|planning|prerequisites|design)\b/i;

/** The framework phase a title names as a word of its own, when it names one and not preparation for it. */
function titleKind(title: string, p: LabelPatterns): Exclude<PhaseKind, 'other'> | undefined {
  const named = p.inTitle.exec(title);
  if (!named) return undefined;
  const before = title.slice(0, named.index);
  const after = title.slice(named.index + named[0].length);
  if (PREPARES_BEFORE.test(before) || PREPARES_AFTER.test(after)) return undefined;
  return kindOfName(named[1]!, p);
}

/** Numbering, an emoji or markup before a label, and an article before a length ("a 2-week pilot"). */
const LENGTH_LEAD = /^[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}*_>#]*(?:(?:\d+(?:\.\d+)*|[ivx]{1,4}|[a-z])[.)]\s+)?(?:(?:an?|the|our|one)\s+)?/iu;

/** A crawl or walk named with its length at the start of `text`: "2-week pilot skeleton", "Six-week beta". */
function lengthLed(text: string, p: LabelPatterns): 'crawl' | 'walk' | undefined {
  const lead = LENGTH_LEAD.exec(text)![0].length;
  const rest = text.slice(lead);
  const first = findDurations(rest)[0];
  if (!first || first.start !== 0 || first.relative) return undefined;
  const named = /^(?:[\s-]*long)?[\s-]+/i.exec(rest.slice(first.end));
  if (!named) return undefined;
  const after = rest.slice(first.end + named[0].length);
  p.anyName.lastIndex = 0;
  const name = p.anyName.exec(after);
  if (!name || name.index !== 0) return undefined;
  const kind = kindOfName(name[0], p);
  return kind === 'crawl' || kind === 'walk' ? kind : undefined;
}

/** Where a crawl or walk is named with its length inside a sentence: "we can run a 2-week pilot first". */
interface SizedMention {
  kind: 'crawl' | 'walk';
  /** Offsets of the name in the text searched. */
  start: number;
  end: number;
  /** The words that name it with its length, for the phase's timing: "2-week pilot". */
  phrase: string;
}

/** The first crawl or walk of each kind that `text` names together with its length. */
function sizedMentions(text: string, p: LabelPatterns): SizedMention[] {
  const out: SizedMention[] = [];
  const durations = findDurations(text);
  if (durations.length === 0) return out;
  p.anyName.lastIndex = 0;
  for (let m = p.anyName.exec(text); m; m = p.anyName.exec(text)) {
    const kind = kindOfName(m[0], p);
    if ((kind !== 'crawl' && kind !== 'walk') || out.some((o) => o.kind === kind)) continue;
    const end = m.index + m[0].length;
    const length = lengthOfNoun(text, m.index, end, durations);
    if (!length) continue;
    out.push({ kind, start: m.index, end, phrase: text.slice(Math.min(length.start, m.index), Math.max(length.end, end)) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scope and items

interface Scope {
  blocks: RootContent[];
  /** Sections whose headings may name phases. */
  sections: Section[];
  /** Sections whose titles count as enclosing context (the scope's own heading included). */
  context: Section[];
  /** True for a whole rollout plan, false for a charter's Timeline section. */
  whole: boolean;
}

/**
 * Where phases are looked for: the whole document (a rollout plan, with lone numbered items left
 * out), or one section (a charter's Timeline, a roadmap inside a strategy).
 */
function scopeOf(doc: StrategyDocument, region: PhaseRegion): Scope {
  if (region === 'document') {
    const sections = doc.sections.filter((s) => s !== doc.title);
    return { blocks: doc.root.children, sections, context: sections, whole: true };
  }
  const inside = doc.sections.filter((s) => s !== region && s.start >= region.contentStart && s.start < region.end);
  return { blocks: region.allBlocks, sections: inside, context: [region, ...inside], whole: false };
}

interface Entry {
  item: TextItem;
  /** Text the phase model reads: table rows carry their column headers ("Go/no-go: 20%+"). */
  text: string;
  /** The first line: for a table row, the whole row. */
  head: string;
  block: RootContent;
  table?: Table;
  /** The innermost section holding it. */
  section: Section | undefined;
  /** The text after a bold line that stands as a heading (the bold line is that heading's). */
  afterPseudoHeading: boolean;
}

function innermost(sections: readonly Section[], offset: number): Section | undefined {
  return innermostSection(sections, offset, true);
}

/** Index of the first of `sorted` (ascending) that is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function cellsOf(row: TableRow): string[] {
  return row.children.map((cell) => plain(cell).trim());
}

function entriesOf(doc: StrategyDocument, scope: Scope): Entry[] {
  const out: Entry[] = [];
  const pseudo = scope.context.filter((s) => s.pseudo);
  const pseudoStarts = pseudo.map((s) => s.start);
  const pseudoAt = new Set(pseudoStarts);
  /** The first bold-line heading (in order) whose line starts inside the item and whose text goes on in it. */
  const ownerOf = (item: TextItem): Section | undefined => {
    for (let i = lowerBound(pseudoStarts, item.start); i < pseudo.length && pseudo[i]!.start < item.end; i++) {
      const s = pseudo[i]!;
      if (item.start < s.contentStart && s.contentStart < item.end) return s;
    }
    return undefined;
  };
  for (const block of scope.blocks) {
    const header = block.type === 'table' ? cellsOf(block.children[0]!) : undefined;
    for (const raw of itemsOf(doc, [block])) {
      if (raw.kind === 'table-header') continue;
      let item = raw;
      // A bold line standing as a heading shares its paragraph with the text after it.
      const owner = ownerOf(item);
      if (owner) {
        const text = doc.text.slice(owner.contentStart, item.end).trim();
        if (!text) continue;
        item = { kind: item.kind, text, start: owner.contentStart, end: item.end, range: doc.index.rangeOf(owner.contentStart, item.end), checked: item.checked, node: item.node };
      } else if (pseudoAt.has(item.start)) {
        continue;
      }
      let text = item.text;
      let head = text.split(/\r\n|\r|\n/)[0] ?? '';
      if (item.kind === 'table-row' && header) {
        const cells = cellsOf(item.node as TableRow);
        text = cells.map((c, i) => (header[i] ? `${header[i]}: ${c}` : c)).join('\n');
        head = cells.join(' | ');
      }
      out.push({
        item, text, head, block,
        ...(block.type === 'table' ? { table: block } : {}),
        section: innermost(scope.context, item.start),
        afterPseudoHeading: owner !== undefined,
      });
    }
  }
  return out;
}

/** The first inline node of a list item or paragraph, to read a bold label. */
function firstInline(node: Nodes): Nodes | undefined {
  if (node.type === 'paragraph') return node.children[0];
  if (node.type === 'listItem') {
    const first = node.children[0];
    return first?.type === 'paragraph' ? first.children[0] : undefined;
  }
  return undefined;
}

function labelOfEntry(entry: Entry, pv: PhaseVocabulary): ParsedLabel | undefined {
  if (entry.item.kind === 'table-row') {
    const cells = cellsOf(entry.item.node as TableRow);
    const header = entry.table ? cellsOf(entry.table.children[0]!) : [];
    const phaseColumn = header.findIndex((h) => parseLabel(h, pv) === undefined && new RegExp(`^(?:${alternation(pv.phaseWords)})s?$`, 'iu').test(h));
    const candidates = [cells[0] ?? '', ...(phaseColumn > 0 ? [cells[phaseColumn] ?? ''] : [])];
    for (const cell of candidates) {
      const found = parseLabel(cell, pv);
      if (found) return found;
    }
    return undefined;
  }
  const found = parseLabel(entry.head, pv);
  if (found) return found;
  // "**Crawl** 2 pilot customers": a bold label needs no colon.
  const first = entry.afterPseudoHeading ? undefined : firstInline(entry.item.node);
  if (first && (first.type === 'strong' || first.type === 'emphasis')) return parseLabel(plain(first).trim(), pv);
  return undefined;
}

function labelRangeIn(doc: StrategyDocument, from: number, to: number, p: LabelPatterns): { start: number; end: number } {
  const lineEnd = doc.index.lineEnd(doc.index.positionAt(from).line);
  const limit = Math.min(to, lineEnd);
  const slice = doc.text.slice(from, limit);
  const m = p.raw.exec(slice);
  if (m) return { start: from + m.index, end: from + m.index + m[0].length };
  return { start: from, end: limit };
}

/** Where `name` is written in an item's Markdown (case aside); the item's first line when it cannot be found. */
function nameRangeIn(doc: StrategyDocument, item: TextItem, name: string): { start: number; end: number } {
  const raw = doc.text.slice(item.start, item.end);
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])${name.split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+')}(?![\\p{L}\\p{N}_])`, 'iu');
  const m = re.exec(raw);
  if (m) return { start: item.start + m.index, end: item.start + m.index + m[0].length };
  const lineEnd = doc.index.lineEnd(doc.index.positionAt(item.start).line);
  return { start: item.start, end: Math.min(item.end, lineEnd) };
}

// ---------------------------------------------------------------------------------------------
// Go/no-go



/** Nouns for the occasion of a go/no-go call rather than its bar: "go/no-go review", "gate meeting". */
const GATE_EVENT = /^[\s*_]*(?:decisions?|reviews?|summary|summaries|meetings?|calls?|checkpoints?|sessions?|discussions?|reports?|points?|dates?|milestones?|workshops?|memos?|assessments?|evaluations?)(?![\p{L}\p{N}])[\s*_]*/iu;
/** What introduces the bar after such a noun: a colon or dash, or "if", "when", "based on"... */
const BAR_INTRO = /^(?:[:=–—]|\s-\s|(?:\s*,\s*|\s+)(?:if|when|once|unless|based\s+on|against|on\s+whether|requires?|requiring|needs?)(?![\p{L}]))/iu;

/** The go/no-go criterion `text` states, if any: a threshold, or a gate word with an answer after it. */
export function findGoNoGo(text: string, pv: PhaseVocabulary, vocabulary: Vocabulary): string | undefined {
  for (const hit of findPhrases(text, pv.goNoGoTerms)) {
    const lineStart = text.lastIndexOf('\n', hit.start) + 1;
    const nextBreak = text.indexOf('\n', hit.end);
    const lineEnd = nextBreak < 0 ? text.length : nextBreak;
    const before = text.slice(lineStart, hit.start);
    if (/\b(?:no|without|missing|lacks?|lacking)\s+(?:an?\s+|clear\s+)?$/i.test(before)) continue;
    if (/\d/.test(hit.text)) return text.slice(lineStart, lineEnd).trim();
    let after = text.slice(hit.end, lineEnd);
    // "a go/no-go review", "produce the go/no-go summary": a meeting or a document where the call
    // is made, not the bar it is made against, unless the bar follows ("go/no-go review: 20% lift").
    const event = GATE_EVENT.exec(after);
    if (event) {
      const rest = after.slice(event[0].length);
      const bar = BAR_INTRO.exec(rest);
      if (!bar) continue;
      after = rest.slice(bar[0].length);
    }
    const answer = after.split(/[.;|](?:\s|$)/)[0]!.replace(/^[\s:*_=\-–—]+/, '').replace(/^(?:is|are|will\s+be)\s+/i, '');
    if (!isNonAnswer(answer, vocabulary)) return text.slice(hit.start, lineEnd).trim();
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Timing

function timingOf(mention: PhaseMention): PhaseTiming | undefined {
  const lines = [mention.head, ...mention.text.split(/\r\n|\r|\n/).slice(1)];
  for (const line of lines) {
    const dates = findDates(line);
    const durations = findDurations(line).filter((d) => !d.relative);
    // A date a duration sits inside ("weeks 1-6" vs "6 weeks") is one mention; dates win the tie.
    const lengths = durations.filter((d) => !dates.some((x) => x.start < d.end && d.start < x.end));
    if (dates.length === 0 && lengths.length === 0) continue;
    const placed = dates.filter((d) => d.from !== undefined);
    const first = placed.find((d) => d.bound !== 'end');
    const last = [...placed].reverse().find((d) => d.bound !== 'start');
    const start = first ? startOf(first) : undefined;
    const end = last ? endOf(last) : undefined;
    return { line, dates, durations: lengths, ...(start ? { start } : {}), ...(end ? { end } : {}) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The model

function gateTitle(title: string, pv: PhaseVocabulary): boolean {
  return findPhrases(title, pv.goNoGoTerms).length > 0;
}

const contextSets = new WeakMap<Scope, Set<Section>>();

function ancestorsIn(section: Section | undefined, scope: Scope): Section[] {
  let context = contextSets.get(scope);
  if (!context) {
    context = new Set(scope.context);
    contextSets.set(scope, context);
  }
  const out: Section[] = [];
  for (let s = section; s; s = s.parent) if (context.has(s)) out.push(s);
  return out;
}

/** Where a rollout is read from: the whole document, or one section of it. */
export type PhaseRegion = Section | 'document';

/**
 * The phases written in `region`, in the order they are first named, one per phase (a phase
 * named in a summary table and again in its own section is one phase with two mentions).
 */
export function findPhases(doc: StrategyDocument, vocabulary: Vocabulary, region: PhaseRegion): Phase[] {
  const scope = scopeOf(doc, region);
  const pv = phaseVocabulary(vocabulary);
  const patterns = patternsFor(pv);
  const entries = entriesOf(doc, scope);
  const entryStarts = entries.map((e) => e.item.start);
  const inOrder = entryStarts.every((start, i) => i === 0 || entryStarts[i - 1]! <= start);
  /** The entries whose item starts in [from, to), in order (a binary search: entries come in document order). */
  const entriesBetween = (from: number, to: number): Entry[] => {
    if (!inOrder) return entries.filter((e) => e.item.start >= from && e.item.start < to);
    const out: Entry[] = [];
    for (let i = lowerBound(entryStarts, from); i < entries.length && entries[i]!.item.start < to; i++) out.push(entries[i]!);
    return out;
  };
  const found: Array<{ label: ParsedLabel; mention: PhaseMention; order: number }> = [];
  /** A phase written in an entry's item, its label or name at [start, end). */
  const mentionOf = (entry: Entry, start: number, end: number, head: string, text: string): PhaseMention => ({
    source: entry.item.kind === 'table-row' ? 'table-row' : entry.item.kind === 'list-item' ? 'list-item' : 'paragraph',
    labelStart: start,
    labelEnd: end,
    labelRange: doc.index.rangeOf(start, end),
    head,
    text,
    inGateSection: ancestorsIn(entry.section, scope).some((s) => gateTitle(s.title, pv)),
    item: entry.item,
    ...(entry.section ? { section: entry.section } : {}),
    ...(entry.table ? { table: entry.table } : {}),
  });

  // Headings.
  const headingPhases = new Set<Section>();
  for (const section of scope.sections) {
    const label = parseLabel(section.title, pv);
    if (!label) continue;
    headingPhases.add(section);
    const own = entriesBetween(section.contentStart, section.end);
    const { start, end } = labelRangeIn(doc, section.start, section.contentStart, patterns);
    const underGate = (e: Entry) => {
      for (let s = e.section; s && s !== section; s = s.parent) if (gateTitle(s.title, pv)) return true;
      return false;
    };
    const gateSubsection = own.find((e) => underGate(e) && !isNonAnswer(e.text, vocabulary))?.text.trim();
    found.push({
      label,
      order: section.start,
      mention: {
        source: 'heading',
        labelStart: start,
        labelEnd: end,
        labelRange: doc.index.rangeOf(start, end),
        head: section.title,
        text: [section.title, ...own.map((e) => e.text)].join('\n'),
        inGateSection: ancestorsIn(section.parent, scope).some((s) => gateTitle(s.title, pv)),
        ...(gateSubsection ? { gateSubsection } : {}),
        section,
      },
    });
  }

  // Items. Across a whole plan, a lone numbered item ("- Phase 3: not planned" in a list of
  // risks) is not taken for a phase unless the same list or table names another phase.
  const labels = entries.map((e) => labelOfEntry(e, pv));
  if (scope.whole) {
    const perBlock = new Map<RootContent, number>();
    labels.forEach((label, i) => {
      if (label) perBlock.set(entries[i]!.block, (perBlock.get(entries[i]!.block) ?? 0) + 1);
    });
    labels.forEach((label, i) => {
      if ((label?.kind === 'other' || label?.numbered) && perBlock.get(entries[i]!.block) === 1) labels[i] = undefined;
    });
  }
  entries.forEach((entry, i) => {
    const label = labels[i];
    if (!label) return;
    const parts = [entry];
    for (let j = i + 1; j < entries.length; j++) {
      const next = entries[j]!;
      if (labels[j] || next.section !== entry.section) break;
      if (entry.item.kind !== 'paragraph' && next.block !== entry.block) break;
      if (entry.item.kind === 'table-row') break;
      parts.push(next);
    }
    const { start, end } = labelRangeIn(doc, entry.item.start, entry.item.end, patterns);
    found.push({ label, order: entry.item.start, mention: mentionOf(entry, start, end, entry.head, parts.map((e) => e.text).join('\n')) });
  });

  // A numbered phase whose title names a framework phase that something else names too (another
  // numbered phase, "Phase 1: Pilot setup" and "Phase 2: Pilot run", or a label of its own,
  // "Phase 2: Walk" and "Phase 4: EMEA expansion") is told apart by its number, as another phase.
  const numberedKeys = new Map<PhaseKind, Set<string>>();
  for (const { label } of found) {
    const identity = label.numbered ? label.numbered.key : ' named';
    numberedKeys.set(label.kind, (numberedKeys.get(label.kind) ?? new Set()).add(identity));
  }
  for (const f of found) {
    const numbered = f.label.numbered;
    if (numbered && numberedKeys.get(f.label.kind)!.size > 1) f.label = { kind: 'other', name: numbered.name, key: numbered.key };
  }

  // A crawl or walk no label names may still be written in a sentence with its length: "we run
  // a 2-week pilot before the wider launch". Its first such mention stands for it. Not when a
  // numbered phase of another name is planned: the sentence may describe part of that phase.
  const labelled = new Set(entries.filter((_, i) => labels[i]));
  const numberedOther = found.some((f) => f.label.kind === 'other');
  for (const kind of ['crawl', 'walk'] as const) {
    if (numberedOther || found.some((f) => f.label.kind === kind)) continue;
    for (const entry of entries) {
      const sized = sizedMentions(entry.text, patterns).find((m) => m.kind === kind);
      if (!sized) continue;
      const { start, end } = nameRangeIn(doc, entry.item, entry.text.slice(sized.start, sized.end));
      found.push({ label: { kind, name: kind, key: kind }, order: entry.item.start, mention: mentionOf(entry, start, end, sized.phrase, entry.text) });
      break;
    }
  }

  found.sort((a, b) => a.order - b.order);
  const byKey = new Map<string, Phase>();
  for (const { label, mention } of found) {
    let phase = byKey.get(label.key);
    if (!phase) {
      phase = {
        kind: label.kind,
        name: label.name,
        labelStart: mention.labelStart,
        labelEnd: mention.labelEnd,
        labelRange: mention.labelRange,
        mentions: [],
        text: '',
        dates: [],
        durations: [],
        timing: undefined,
        goNoGo: undefined,
      };
      byKey.set(label.key, phase);
    }
    phase.mentions.push(mention);
  }

  const phases = [...byKey.values()];
  for (const phase of phases) {
    phase.text = phase.mentions.map((m) => m.text).join('\n');
    phase.dates = findDates(phase.text);
    phase.durations = findDurations(phase.text);
    for (const mention of phase.mentions) {
      phase.timing = timingOf(mention);
      if (phase.timing) break;
    }
    for (const mention of phase.mentions) {
      const criterion = findGoNoGo(mention.text, pv, vocabulary)
        ?? mention.gateSubsection
        ?? (mention.inGateSection && !isNonAnswer(stripLabel(mention.text, patterns), vocabulary) ? mention.text.trim() : undefined);
      if (criterion) {
        phase.goNoGo = criterion;
        break;
      }
    }
  }

  // Criteria written apart from the phases: "## Go/no-go gates" / "- After crawl: 20%+ …".
  const headingPhaseList = [...headingPhases];
  for (const entry of entries) {
    if (labelled.has(entry)) continue;
    if (sectionsHolding(headingPhaseList, entry.item.start).length > 0) continue;
    const titles = ancestorsIn(entry.section, scope).map((s) => s.title);
    const inGate = titles.some((t) => gateTitle(t, pv));
    const criterion = inGate ? (isNonAnswer(entry.text, vocabulary) ? undefined : entry.text.trim()) : findGoNoGo(entry.text, pv, vocabulary);
    if (!criterion) continue;
    const named = new Set<Exclude<PhaseKind, 'other'>>();
    for (const source of [entry.text, ...(inGate ? titles : [])]) {
      for (const m of source.matchAll(patterns.anyName)) {
        const kind = kindOfName(m[0], patterns);
        if (kind) named.add(kind);
      }
    }
    for (const phase of phases) if (phase.kind !== 'other' && named.has(phase.kind) && !phase.goNoGo) phase.goNoGo = criterion;
    // "Week 6: go/no-go review" in the phase, and its bar under "## Success criteria", naming no phase.
    if (inGate && named.size === 0) {
      for (const phase of phases) if (phase.kind !== 'other' && !phase.goNoGo && callsGate(phase.text, pv)) phase.goNoGo = criterion;
    }
  }
  return phases;
}

/** Whether `text` holds a go/no-go occasion ("the go/no-go review"), whose bar may be written elsewhere. */
function callsGate(text: string, pv: PhaseVocabulary): boolean {
  return findPhrases(text, pv.goNoGoTerms).some((hit) => GATE_EVENT.test(text.slice(hit.end, hit.end + 40)));
}

function stripLabel(text: string, p: LabelPatterns): string {
  const m = p.raw.exec(text);
  return m ? text.slice(0, m.index) + text.slice(m.index + m[0].length) : text;
}

/** Whether a phase says nothing beyond its label: "Run: TBD", "Walk: none", "**Crawl**". */
export function saysNothing(phase: Phase, vocabulary: Vocabulary): boolean {
  const pv = phaseVocabulary(vocabulary);
  const p = patternsFor(pv);
  return phase.mentions.every((m) => isNonAnswer(stripLabel(m.text, p), vocabulary));
}

/** Whether a phase says it has no end ("ongoing", "continuous"). */
export function isOngoing(phase: Phase, vocabulary: Vocabulary): boolean {
  const pv = phaseVocabulary(vocabulary);
  return findPhrases(phase.text, pv.ongoingTerms).length > 0 || phase.durations.some((d) => d.ongoing);
}

/** Whether a phase starts off another's end: "after walk", "once walk passes its gate". */
export function startsAfter(phase: Phase, other: Exclude<PhaseKind, 'other'>, vocabulary: Vocabulary): boolean {
  const pv = phaseVocabulary(vocabulary);
  const names = alternation(pv.phaseNames[other]);
  const words = alternation(pv.afterWords);
  return new RegExp(`(?<![\\p{L}])(?:${words})(?![\\p{L}])[^.\\n]{0,40}?(?<![\\p{L}])(?:${names})(?![\\p{L}])`, 'iu').test(phase.text);
}

/**
 * Whether a numbered phase is a step that comes before any pilot ("Phase 1: Discovery", "Phase 3:
 * Contracting (1-4 weeks)"): its title names only such steps and nothing a pilot would do.
 */
export function isPrePilotStep(phase: Phase, vocabulary: Vocabulary): boolean {
  if (phase.kind !== 'other') return false;
  const pv = phaseVocabulary(vocabulary);
  const title = stripLabel(phase.mentions[0]!.head, patternsFor(pv)).replace(/\([^)]*\)/g, ' ');
  const steps = findPhrases(title, pv.prePilotSteps);
  if (steps.length === 0) return false;
  // Nothing but the steps, joiners and punctuation: "Discovery", "Proposal & negotiation".
  let rest = title;
  for (const hit of [...steps].reverse()) rest = rest.slice(0, hit.start) + ' ' + rest.slice(hit.end);
  return !/[\p{L}\p{N}]/u.test(rest.replace(/\b(?:and|or|the|of|&)\b/gi, ' '));
}

/** Words that put one phase beside another instead of after it: "in parallel with", "alongside". */
const PARALLEL_LEAD = '(?:in\\s+parallel\\s+(?:with|to)|parallel\\s+to|concurrently\\s+with|simultaneously\\s+with|at\\s+the\\s+same\\s+time\\s+as|alongside|side[\\s-]+by[\\s-]+side\\s+with|overlapping(?:\\s+with)?|overlaps(?:\\s+with)?)';
/** Words just before them that deny it: "not in parallel with the pilot", "rather than alongside the beta". */
const PARALLEL_DENIED = /(?:\b(?:not|never|rather\s+than|instead\s+of|no\s+longer|avoid|avoids|avoiding|without|nor)\b[^.;\n]{0,12})$/i;

/** Nouns after a phase name that make it a modifier, not the phase: "alongside the pilot customers". */
const NOT_THE_PHASE = '(?:customers?|partners?|accounts?|users?|teams?|cohorts?|groups?|sites?|stores?|participants?|results?|data|findings?|learnings?|feedback|program(?:me)?s?)';

const parallelPatterns = new WeakMap<PhaseVocabulary, Map<string, RegExp>>();

/**
 * The words by which `phase` says it runs at the same time as the `other` phase, if it does:
 * "Walk: onboard ten more customers in parallel with the pilot", "Launch while the beta is still
 * running". A denial just before ("not in parallel with the pilot") does not count.
 */
export function runsAlongside(phase: Phase, other: Exclude<PhaseKind, 'other'>, vocabulary: Vocabulary): string | undefined {
  const pv = phaseVocabulary(vocabulary);
  let cache = parallelPatterns.get(pv);
  if (!cache) {
    cache = new Map();
    parallelPatterns.set(pv, cache);
  }
  let re = cache.get(other);
  if (!re) {
    const names = alternation(pv.phaseNames[other]);
    const article = '(?:the\\s+|our\\s+|its\\s+|their\\s+|a\\s+)?';
    re = new RegExp(
      `(?<![\\p{L}])${PARALLEL_LEAD}\\s+${article}(?:${names})(?![\\p{L}\\p{N}_])(?![\\s-]+(?:into|${NOT_THE_PHASE})(?![\\p{L}]))` +
      `|(?<![\\p{L}])while\\s+${article}(?:${names})\\s+(?:is|are|runs?|continues?|still)(?![\\p{L}])`,
      'giu',
    );
    cache.set(other, re);
  }
  for (const m of phase.text.matchAll(re)) {
    const lineStart = phase.text.lastIndexOf('\n', m.index) + 1;
    if (PARALLEL_DENIED.test(phase.text.slice(Math.max(lineStart, m.index - 40), m.index))) continue;
    return m[0].replace(/\s+/g, ' ');
  }
  return undefined;
}

/** Whether `text` states a go/no-go criterion anywhere: a threshold, or a gate word with an answer. */
export function statesGoNoGo(text: string, vocabulary: Vocabulary): boolean {
  return findGoNoGo(text, phaseVocabulary(vocabulary), vocabulary) !== undefined;
}
