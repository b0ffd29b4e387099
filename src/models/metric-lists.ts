/**
 * Lists of metrics: a section titled for what is measured ("KPIs", "Success Metrics", "Key
 * Performance Indicators", "Partner Scorecard"), wherever it sits in a strategy or a plan, with
 * its items and whether any of them sets a numeric target. Also the one test of "a number to hit"
 * that the measurement readings share (`isNumericTarget`).
 *
 * A list is taken at its outermost titled section: "### KPIs" holding "#### Financial KPIs" and
 * "#### Operational KPIs" is one list.
 */
import type { StrategyDocument, Section } from '../core/document';
import { hasNumber } from '../core/quantity';
import { findDates } from '../core/dates';
import { findPhrases, hasPhrase, listsOrDefaults, type Vocabulary } from '../core/vocabulary';
import type { CharterVocabulary } from './charter-vocabulary';
import { withoutPlaceholders, type ContentItem } from './charter-content';
import { itemsOf, type TextItem } from '../core/items';
import type { Code, Nodes } from 'mdast';
import type { Range } from '../core/types';
import { sectionAtOffset } from './section-lookup';

/**
 * Words the metric-list reading uses. Not yet part of `Vocabulary`: each list is read from the
 * configured vocabulary when a team has set it there, and falls back to these defaults.
 */
export interface MetricListVocabulary {
  /** Heading words that say a section lists what is measured. */
  metricListTitles: string[];
  /** Heading words for a section that sets the numbers: "Targets", "Goals", "Milestones" ("Target partners" is an audience, not a number). */
  targetTitles: string[];
  /** Heading words for a list of goals, which the framework wants measurable too. */
  goalListTitles: string[];
}

// vocabulary candidate
export const METRIC_LIST_VOCABULARY: MetricListVocabulary = {
  metricListTitles: [
    'kpi', 'kpis', 'key performance indicator', 'key performance indicators', 'performance indicators', 'metrics',
    'success metrics', 'success measures', 'measures of success', 'scorecard',
  ],
  targetTitles: ['targets', 'goals', 'objectives', 'okrs', 'milestones', 'projections', 'forecast'],
  goalListTitles: ['goals', 'objectives', 'okrs', 'success criteria', 'definition of success'],
};

/** Numbers that label rather than measure: "Phase 1", "Q3", "FY27", "H2", a year. */
const LABEL_NUMBERS = /\b(?:phase|stage|tier|step|wave|level|version|v|q|h|fy|cy|sprint|section|part)\s*-?\d+\b|\b(?:19|20)\d{2}\b/gi;
/** A period named, not counted: "this quarter", "each half", "the next year". */
const PERIOD_NAMES = /\b(?:this|next|last|each|per|every|a|the)\s+(?:(?:next|last|first|current)\s+)?(?:quarter|half|year|month|week)\b/gi;
/** A number written as a target: a percentage, an amount, a multiple, a bound or a range. */
const TARGET_SHAPE = /\d\s*%|[$€£¥]\s?\d|\d[\d,.]*\s*(?:k|m|mm|bn|x)\b|\b(?:from|at least|or more|up to|more than|fewer than|less than|under|over|above|below|down|up)\b[^.;\r\n]{0,30}\d|[≥≤<>]=?\s*\d|\d\s*\+/i;

function blank(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/** `text` with what only looks like a number blanked: dates, cadences, named periods, labels ("Phase 1"). */
function measuredPart(text: string, charter: CharterVocabulary): string {
  let rest = blank(text, findDates(text));
  rest = blank(rest, findPhrases(rest, charter.reviewCadenceTerms));
  rest = rest.replace(PERIOD_NAMES, (m) => ' '.repeat(m.length));
  return rest.replace(LABEL_NUMBERS, (m) => ' '.repeat(m.length));
}

/** Whether `text` sets a numeric target: a number next to a metric, or a number shaped like a target. */
export function isNumericTarget(text: string, charter: CharterVocabulary): boolean {
  const rest = measuredPart(text, charter);
  if (!hasNumber(rest)) return false;
  return hasPhrase(rest, charter.metricTerms) || TARGET_SHAPE.test(rest);
}

/** A target in words: "double partner-sourced pipeline", "halve setup time", "zero escalations". */
const MULTIPLE = /\b(?:double|doubles|doubling|triple|triples|tripling|quadruple|halve|halves|halving|zero)\b/i;

/** Verbs and comparatives that set out to move a measure. */
const MOVES = /\b(?:grow|grows|growing|increase|increases|increasing|raise|boost|drive|drives|driving|improve|improves|improving|reduce|reduces|reducing|cut|cuts|lower|lowers|shorten|expand|expands|accelerate|maximi[sz]e|minimi[sz]e|more|higher|faster|fewer|less)\b/i;

/** A section that lists what is measured, or goals. */
export interface MetricList {
  /** `metrics`: "KPIs", "Success Metrics"; `goals`: "Goals", "Objectives", where at least one item names a measure. */
  kind: 'metrics' | 'goals';
  /** The section that is the list, or, for a list drawn in a code block, the section the block sits in. */
  section: Section;
  /** What the list is called: the section's title, or the line a drawn list hangs from ("Success Metrics:"). */
  title: string;
  /** Where to point at the list: the section's heading, or that line. */
  range: Range;
  /** Its items with written content, subsections included, in context. */
  items: ContentItem[];
  /**
   * The first item that holds a number (or a target in words); else, for metrics, one that names a metric a target
   * section elsewhere puts a number on, and for goals, any numeric target in a metrics or target section.
   */
  target: ContentItem | undefined;
}

function metricWords(text: string, charter: CharterVocabulary): string[] {
  return findPhrases(text, charter.metricTerms)
    .map((m) => m.text.toLowerCase().replace(/[\s-]+/g, ' '))
    // "metric", "KPI", "target" name the list, not what is measured.
    .filter((w) => !/^(?:metrics?|kpis?|targets?|goal)$/.test(w));
}

/**
 * The metric lists of `doc`: each outermost section whose title names a list of measures and
 * that holds at least two items. `content` gives a section's items in context (the models'
 * shared reading).
 */
export function findMetricLists(
  doc: StrategyDocument,
  vocabulary: Vocabulary,
  charter: CharterVocabulary,
  content: (section: Section) => readonly ContentItem[],
): MetricList[] {
  const mv = listsOrDefaults(vocabulary, METRIC_LIST_VOCABULARY);
  const isMetrics = (s: Section) => hasPhrase(s.title, mv.metricListTitles);
  const isList = (s: Section) => isMetrics(s) || hasPhrase(s.title, mv.goalListTitles);
  const lists: MetricList[] = [];
  let targetsElsewhere: ContentItem[] | undefined;
  for (const section of doc.sections) {
    if (section === doc.title || !isList(section)) continue;
    let nested = false;
    for (let p = section.parent; p && p !== doc.title; p = p.parent) if (isList(p)) nested = true;
    if (nested) continue;
    const items = content(section).filter((c) => c.substantive);
    if (items.length < 2) continue;
    const kind = isMetrics(section) ? 'metrics' : 'goals';
    // Goals must set out to move a measure ("grow pipeline", "cut setup time"); goals that move
    // nothing measurable ("be the integration customers trust") are a vision, not a missed target.
    if (kind === 'goals' && !items.some((c) => MOVES.test(c.item.text) && metricWords(c.item.text, charter).length > 0)) continue;
    // The item's own words: a numbered subsection title ("2. Financial KPIs") is not a target.
    // Any number counts here ("Active resellers: 45"): the list is reported only when it has none.
    let target = items.find((c) => hasNumber(measuredPart(withoutPlaceholders(c.item.text, vocabulary, charter), charter)) || MULTIPLE.test(c.item.text));
    if (!target) {
      // "Partner-sourced revenue" listed here, "$2M partner-sourced revenue" under "## Targets";
      // goals in words here, their numbers under "## KPIs".
      targetsElsewhere ??= doc.sections
        .filter((s) => s !== doc.title && s !== section && (isMetrics(s) || hasPhrase(s.title, mv.targetTitles)))
        .flatMap((s) => content(s).filter((c) => c.substantive && isNumericTarget(c.clean, charter)));
      const elsewhere = new Set(targetsElsewhere.flatMap((c) => metricWords(c.clean, charter)));
      target = kind === 'goals' ? targetsElsewhere[0] : items.find((c) => metricWords(c.clean, charter).some((w) => elsewhere.has(w)));
    }
    lists.push({ kind, section, title: section.title, range: section.headingRange, items, target });
  }
  for (const list of drawnMetricLists(doc, mv.metricListTitles, charter)) {
    // Inside a section that is a list already: that list covers it.
    if (lists.some((l) => list.range.start.line >= l.section.headingRange.start.line && doc.index.offsetAt(list.range.start) < l.section.end)) continue;
    lists.push(list);
  }
  return lists;
}

/** A line a drawn list hangs from: "Success Metrics:", "Partner KPIs:" (a few words, then a colon, nothing after). */
const DRAWN_LEAD = /^[ \t]*((?:[\p{L}&/-]+[ \t]+){0,4}[\p{L}&/-]+)[ \t]*:[ \t]*$/u;
/** A branch of a drawn tree: "├── Name", "└── Name", "|-- Name", "+-- Name". */
const DRAWN_BRANCH = /^([ \t│|]*)(?:├──|└──|\|--|`--|\+--)[ \t]*(.*)$/u;
/** Languages of a code block that may hold a drawing; a block in a programming or data language is code. */
const DRAWING_LANGUAGES = /^(?:text|txt|plain|plaintext|none|ascii|tree)$/i;

/**
 * Metric lists drawn as a tree in a code block, as outlines in plain text are often written:
 *
 *     Success Metrics:
 *     ├── Partner-sourced pipeline: deals registered by partners
 *     └── Time to first deal: days from signing to first close
 *
 * The lead line must name a list of measures; its first-level branches are the items.
 */
function drawnMetricLists(doc: StrategyDocument, titles: readonly string[], charter: CharterVocabulary): MetricList[] {
  const out: MetricList[] = [];
  const stack: Nodes[] = [...doc.root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'code') {
      // Code blocks sit in lists, list items and quotes, never in paragraphs, headings or tables.
      if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') for (const child of node.children as Nodes[]) stack.push(child);
      continue;
    }
    const code: Code = node;
    if (code.lang && !DRAWING_LANGUAGES.test(code.lang)) continue;
    // The block's text as written (its first line is the fence).
    const blockStart = code.position?.start.offset ?? 0;
    const blockEnd = code.position?.end.offset ?? blockStart;
    const lines: Array<{ text: string; at: number }> = [];
    let at = blockStart;
    for (const raw of doc.text.slice(blockStart, blockEnd).split('\n')) {
      lines.push({ text: raw.replace(/\r$/, ''), at });
      at += raw.length + 1;
    }
    for (let i = 1; i < lines.length - 1; i++) {
      const lead = DRAWN_LEAD.exec(lines[i]!.text);
      if (!lead || !hasPhrase(lead[1]!, titles)) continue;
      const items: ContentItem[] = [];
      let indent: number | undefined;
      let j = i + 1;
      for (; j < lines.length; j++) {
        const line = lines[j]!;
        const branch = DRAWN_BRANCH.exec(line.text);
        if (!branch) break;
        const depth = branch[1]!.length;
        indent ??= depth;
        if (depth < indent) break;
        const text = branch[2]!.trim();
        if (depth > indent) {
          // A deeper branch belongs to the item above it.
          const last = items[items.length - 1];
          if (last) last.text = last.clean = `${last.text} ${text}`;
          continue;
        }
        const start = line.at + line.text.length - branch[2]!.length;
        const item: TextItem = { kind: 'paragraph', text, start, end: line.at + line.text.length, range: doc.index.rangeOf(start, line.at + line.text.length), node: code };
        items.push({ item, text, clean: text, substantive: /[\p{L}\p{N}]/u.test(text) });
      }
      if (items.length >= 2) {
        const leadAt = lines[i]!.at + lines[i]!.text.indexOf(lead[1]!);
        const section = sectionAtOffset(doc, blockStart) ?? doc.title ?? doc.sections[0];
        if (section) {
          const target = items.find((c) => hasNumber(measuredPart(c.text, charter)) || MULTIPLE.test(c.text));
          out.push({ kind: 'metrics', section, title: lead[1]!, range: doc.index.rangeOf(leadAt, leadAt + lead[1]!.length), items, target });
        }
      }
      i = j - 1;
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** A line labelled as a target or quota: "Sales targets: …", "Quarterly quota: …". */
const TARGET_LABEL = /^\s*([^:\r\n]{0,60}?\b(?:targets?|quotas?))\s*:\s*(\S[^\r\n]*)$/i;
/** A value that points to where the number is: "see the table below", "in Appendix B". */
const POINTS_ELSEWHERE = /\b(?:see|below|above|appendix|table|attached|per\s+the|as\s+in|listed|linked)\b/i;

/**
 * The lines of `doc` labelled as targets or quotas whose answer holds no number ("Sales targets:
 * achievement of agreed sales targets"), in document order. Placeholders ("Target: TBD") and
 * pointers to where the numbers are ("Targets: see the table below") are left out.
 */
export function findUnsetTargets(doc: StrategyDocument, vocabulary: Vocabulary, charter: CharterVocabulary): TextItem[] {
  const out: TextItem[] = [];
  for (const item of itemsOf(doc, doc.root.children)) {
    if (item.kind !== 'list-item' && item.kind !== 'paragraph') continue;
    const first = item.text.split(/\r\n|\r|\n/)[0]!;
    const m = TARGET_LABEL.exec(first);
    if (!m || m[1]!.trim().split(/\s+/).length > 5) continue;
    const answer = withoutPlaceholders(m[2]!, vocabulary, charter);
    if (!/[\p{L}]/u.test(answer) || hasNumber(answer) || MULTIPLE.test(answer) || POINTS_ELSEWHERE.test(answer)) continue;
    out.push(item);
  }
  return out;
}
