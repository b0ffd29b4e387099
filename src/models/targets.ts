/**
 * The figures a document states: an amount, a count or a percentage, with what it measures
 * (the metric's own words: "partner ARR", "enterprise customers", "revenue share"), the period it
 * is for ("by 2027", "Q4 2026", "end of 2026", a "2026 Targets" heading above it), and what sets
 * it apart from other statements of the same metric (a segment such as "Cloud platforms:" or
 * "via partners", a scenario such as "conservative" or "downside", an actual rather than a target).
 *
 * Read from prose (paragraphs and list items) and from tables (a cell measures what its column
 * header and its row label name together). Headings are read only for the period they give the
 * text under them. Code blocks are not read.
 *
 * Figures are read conservatively: a number whose metric or period cannot be told, a rate ("$2K
 * per customer"), a multiple ("3x"), a ratio ("30:1"), a duration ("6 months"), a starting point
 * ("from $5M") or a comparison ("vs $20M direct") is not a stated figure here.
 */
import type { Nodes, TableRow } from 'mdast';
import type { Range } from '../core/types';
import type { StrategyDocument, Section } from '../core/document';
import { itemsOf, type TextItem } from '../core/items';
import { innermostSection } from './section-lookup';

/** A ratio is "N:1" (a return on investment of 4:1). */
export type FigureUnit = 'money' | 'count' | 'percent' | 'ratio';

/** A value as written: one number, a range, or a bound. */
export interface FigureValue {
  unit: FigureUnit;
  low: number;
  high: number;
  /** point: "$25M", "10,000+"; range: "10-15%"; up-to: "up to 20%", "maximum 20%"; at-least: "at least 5". */
  form: 'point' | 'range' | 'up-to' | 'at-least';
  /** "about", "~", "roughly": compared with a tolerance. */
  approximate: boolean;
}

export interface StatedFigure {
  value: FigureValue;
  /** The value as written ("$42.5M", "10,000+"). */
  valueText: string;
  /** The metric's words as written, for messages ("Partner Channel ARR"). */
  metricText: string;
  /** What is measured, as a key: the metric's words, normalised, with its segment. */
  metric: string;
  /** The period as a key ("2026", "2026-Q4", "2027-2028"); undefined when none is said. */
  period: string | undefined;
  /** The period as written, for messages. */
  periodText: string | undefined;
  /** Whether the metric is a level at a point in time (ARR, customers), so that Q4 of a year is its end. */
  stock: boolean;
  /** A scenario or an actual ("conservative", "actual"); '' for a plain target. */
  scenario: string;
  /** True for a figure read from a table cell. */
  fromTable: boolean;
  /** The table it was read from (its offset), for a figure read from a table cell. */
  table: number | undefined;
  /** The tier the figure is for, when a heading above it or its table row or column names one ("gold", "tier-2"). */
  tier: string | undefined;
  /** The section (on `path`) whose heading names the figure's tier, when a heading does. */
  tierSection: Section | undefined;
  /** Offsets of the value in the document (a rule reporting it turns them into a range). */
  start: number;
  end: number;
  /** Index of the text item (paragraph, list item, table row) the figure is in. */
  item: number;
  /** The sections holding the figure, outermost first. */
  path: readonly Section[];
  /** The section (on `path`) whose heading gave the period, when a heading did. */
  periodSection: Section | undefined;
}

// ---------------------------------------------------------------------------------------------
// Words

/** Words that say nothing about which figure is meant: "Total Company ARR" is "ARR". */
const NEUTRAL = new Set([
  'total', 'company', 'overall', 'target', 'targets', 'goal', 'goals', 'objective', 'objectives', 'kpi', 'kpis', 'metric',
  'metrics', 'projected', 'projection', 'expected', 'planned', 'plan', 'estimated', 'forecast',
  'our', 'the', 'a', 'an', 'of', 'and', 'number', 'count', 'amount', 'level', 'figure', 'key', 'year', 'yearly', 'fy',
  'end', 'eoy', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'by', 'in', 'for', 'usd', 'dollars', 'reach', 'achieve', 'hit',
  'milestone', 'milestones', 'result', 'results', 'outcome', 'outcomes', 'summary', 'vision', 'term',
]);

/** Words written several ways for one thing. */
const SYNONYMS: Record<string, string> = {
  partners: 'partner', partnership: 'partner', partnerships: 'partner', channel: 'partner', channels: 'partner',
  customers: 'customer', clients: 'customer', client: 'customer', accounts: 'account', logos: 'logo',
  users: 'user', deals: 'deal', integrations: 'integration', references: 'reference', certifications: 'certification',
  'run-rate': 'arr', revenues: 'revenue', shares: 'share', members: 'member', sales: 'sale', enterprises: 'enterprise',
};

/** Heads of metrics that are levels at a point in time: their Q4 figure is their year-end figure. */
const STOCK_HEADS = new Set([
  'arr', 'mrr', 'customer', 'partner', 'user', 'account', 'logo', 'seat', 'member', 'consultant', 'employee', 'headcount',
  'fte', 'ftes', 'integration', 'installation', 'enterprise', 'share', 'developer', 'reseller', 'subscriber',
]);

/** Words after a number that end the metric's words. */
const STOP = new Set([
  'by', 'in', 'for', 'from', 'via', 'across', 'through', 'among', 'with', 'without', 'per', 'to', 'and', 'or', 'at', 'on',
  'vs', 'versus', 'over', 'within', 'each', 'every', 'a', 'an', 'the', 'will', 'would', 'is', 'are', 'be', 'was', 'were',
  'has', 'have', 'had', 'can', 'could', 'should', 'must', 'may', 'might', 'we', 'our', 'this', 'that', 'which', 'who',
  'if', 'when', 'than', 'more', 'less', 'as', 'into', 'under', 'after', 'before', 'during', 'of', 'it', 'its', 'their',
  'they', 'so', 'but', 'not', 'no', 'up', 'down', 'all', 'i', 'e', 'g', 'eg', 'ie', 'etc', 'then', 'while', 'until',
  'plus', 'including', 'about', 'around', 'growth', 'increase', 'decrease', 'reduction', 'faster', 'slower', 'higher',
  'lower', 'better', 'cheaper', 'return', 'roi', 'off', 'discount', 'margin',
]);

/** Words after a number that make it something other than a stated figure: a duration, a rate. */
const NOT_A_FIGURE_AFTER = /^\s*(?:(?:calendar\s+|business\s+|working\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|quarters?|years?|yrs?|sprints?)\b|x\b|×|:\s*\d|\/\s*[a-z\d]|per\b|each\b|a\s+(?:month|year|quarter|week|day)\b|times\b|fold\b|-fold\b|%\s*(?:of|faster|slower|more|less|higher|lower|better|increase|decrease|reduction|growth|discount|off)\b)/i;

/** Words before a number that make it a name (Phase 2, Tier 1) or a date, not a figure. */
const NOT_A_FIGURE_BEFORE = /(?:\b(?:phase|tier|level|step|stage|month|week|day|year|version|section|page|option|round|wave|cohort|sprint|no|number|rule|article|clause|appendix|item|part|chapter|figure|table|line|v|q|h|fy|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*|[#§]\s*|[A-Za-z\d.\-/:]|\.\s?)$/i;

/** Words just before a figure that make it a starting point or a comparison, not a statement. */
const COMPARISON_BEFORE = /\b(?:from|vs\.?|versus|compared\s+(?:to|with)|against|instead\s+of|rather\s+than|than|was|were|previously|formerly|down\s+from|up\s+from)\s*(?:~|about\s+|approximately\s+|roughly\s+|around\s+|nearly\s+|over\s+|under\s+)?$/i;

const UP_TO_BEFORE = /\b(?:up\s+to|maximum(?:\s+of)?|max\.?|at\s+most|no\s+more\s+than|capped\s+at|cap\s+of|ceiling\s+of)\s*:?\s*$|(?:≤|<=)\s*$/i;
const AT_LEAST_BEFORE = /\b(?:at\s+least|minimum(?:\s+of)?|min\.?|no\s+(?:less|fewer)\s+than|floor\s+of)\s*:?\s*$|(?:≥|>=)\s*$/i;
const APPROXIMATE_BEFORE = /(?:~|≈|\b(?:about|approximately|approx\.?|roughly|around|nearly|almost|some|circa|ca\.)\s*)$/i;

const SCENARIO_WORDS = /\b(?:conservative|optimistic|pessimistic|aggressive|realistic|moderate|base(?:line)?[- ]?case|best[- ]case|worst[- ]case|upside|downside|stretch|bull(?:ish)?|bear(?:ish)?|scenarios?|low[- ]case|high[- ]case|plan\s+[ab]\b|option\s+[a-z\d]\b|if|unless|without|assuming|otherwise|alternatively)\b/i;
const ACTUAL_WORDS = /\b(?:actuals?|currently|current|today|to\s+date|so\s+far|achieved|baseline|last\s+year|prior\s+year|previous|historical(?:ly)?|as\s+of|in\s+the\s+past|past|was|were|had|has|have|grew|reached|serves|serving|installed\s+base)\b/i;

// ---------------------------------------------------------------------------------------------
// Periods

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** One period named in a text: its key, its text and offsets. */
interface PeriodMention {
  key: string;
  text: string;
  start: number;
  end: number;
}

/**
 * "Q4 2026", "Q1-Q2 2026", "H2 2027", "FY2026", "FY26", "2027-2028", "2028+", "March 2026",
 * "Year 1", "2026". Linear: each alternative starts with a distinctive token.
 */
const PERIOD = /\b(?:(Q[1-4]|H[12])(?:\s*[-–]\s*(Q[1-4]|H[12]))?\s*(?:of\s+)?(?:FY\s?|CY\s?)?'?(20\d\d|\d\d)\b|FY\s?'?(20\d\d|\d\d)\b|(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(20\d\d)\b|(?:year|yr)[\s-]?([1-9])\b|month[\s-]?(\d{1,2})\b|(20\d\d)(?:\s*(?:[-–]|to|through)\s*((?:20)?\d\d)\b|(\+))?)/gi;

function periodsIn(text: string, offset = 0): PeriodMention[] {
  const out: PeriodMention[] = [];
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) {
    // "2000+ direct": a count, not the years from 2000 on.
    if (m[11] && /^\s*[a-z]/.test(text.slice(m.index + m[0].length))) continue;
    const key = periodKey(m);
    if (key) out.push({ key, text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

function fullYear(y: string): number {
  const n = Number(y.replace("'", ''));
  return n < 100 ? 2000 + n : n;
}

function periodKey(m: RegExpExecArray): string | undefined {
  if (m[1]) {
    const year = fullYear(m[3]!);
    const from = m[1].toUpperCase();
    return m[2] ? `${year}-${from}-${m[2].toUpperCase()}` : `${year}-${from}`;
  }
  if (m[4]) return String(fullYear(m[4]));
  if (m[5]) return `${m[6]}-${String(MONTHS[m[5].toLowerCase().slice(0, 3)]).padStart(2, '0')}`;
  if (m[7]) return `Y${m[7]}`;
  if (m[8]) return `M${Number(m[8])}`;
  if (m[9]) {
    const year = Number(m[9]);
    if (year < 1990 || year > 2100) return undefined;
    if (m[10]) {
      const to = fullYear(m[10]);
      if (to <= year || to > year + 20) return undefined;
      return `${year}-${to}`;
    }
    return m[11] ? `${year}+` : String(year);
  }
  return undefined;
}

/** The one period a text names, undefined when it names none or several different ones. */
function onePeriod(mentions: readonly PeriodMention[]): PeriodMention | undefined {
  if (mentions.length === 0) return undefined;
  const first = mentions[0]!;
  return mentions.every((p) => p.key === first.key) ? first : undefined;
}

/** The period key a stock metric's figure is compared under: Q4 of a year is the year's end. */
export function comparablePeriod(figure: StatedFigure): string | undefined {
  const p = figure.period;
  if (p && figure.stock) {
    const q4 = /^(\d{4})-(?:Q4|H2|Q3-Q4|12)$/.exec(p);
    if (q4) return q4[1];
    // Month 12 of a plan is the end of its Year 1, month 24 of its Year 2.
    const month = /^M(\d+)$/.exec(p);
    if (month && Number(month[1]) % 12 === 0) return `Y${Number(month[1]) / 12}`;
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Values

const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SUFFIX = String.raw`(?:\s?(?:k|mm|mn|m|bn|b)\b|\s(?:thousand|million|billion)\b)?`;
const CURRENCY = String.raw`(?:US\s?)?[$€£]`;
/**
 * A money amount ("$42.5M", "€1.2 million", "$5-10M", "$5M-$10M"), a percentage ("25%",
 * "10-15%", "25%+") or a plain number ("10,000+", "8000"). Groups: 1 currency, 2 number, 3 scale,
 * 4 range number, 5 range scale, 6 percent, 7 plus.
 */
const VALUE = new RegExp(
  String.raw`(${CURRENCY})?\s?(${NUM})(${SUFFIX})(?:\s?(?:[-–]|to)\s?(?:${CURRENCY})?\s?(${NUM})(${SUFFIX}))?\s?(%)?(\+)?`,
  'gi',
);

function scaleOf(suffix: string | undefined): number {
  const s = (suffix ?? '').trim().toLowerCase();
  return s ? SCALE[s] ?? 1 : 1;
}

function toNumber(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}

interface ValueMatch {
  value: FigureValue;
  text: string;
  start: number;
  end: number;
}

/** Values in `text` (masked item text), each with its offsets in the text. */
/** "4:1", "2.5:1": a ratio to one, not a time or a verse ("10:15", "1:1" meetings). */
const RATIO = /(?<![\d.:])(\d{1,3}(?:\.\d+)?)\s?:\s?1(?![\d.:])/g;

function valuesIn(text: string): ValueMatch[] {
  const out: ValueMatch[] = [];
  const ratios: Array<[number, number]> = [];
  if (text.includes(':')) {
    RATIO.lastIndex = 0;
    for (let m = RATIO.exec(text); m; m = RATIO.exec(text)) {
      const n = Number(m[1]);
      ratios.push([m.index, m.index + m[0].length]);
      if (n <= 1) continue;
      out.push({ value: { unit: 'ratio', low: n, high: n, form: 'point', approximate: false }, text: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  VALUE.lastIndex = 0;
  let r = 0;
  for (let m = VALUE.exec(text); m; m = VALUE.exec(text)) {
    // Numbers that are part of a ratio were read as the ratio (both lists are in text order).
    while (r < ratios.length && ratios[r]![1] <= m.index) r++;
    if (r < ratios.length && m.index < ratios[r]![1] && m.index + m[0].length > ratios[r]![0]) continue;
    if (m[0].trim() === '') {
      VALUE.lastIndex++;
      continue;
    }
    let start = m.index;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    let end = m.index + m[0].length;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    const currency = m[1];
    const percent = m[6];
    const unit: FigureUnit = currency ? 'money' : percent ? 'percent' : 'count';
    const scale = scaleOf(m[3]);
    // "$5-10M": the scale written once applies to both ends.
    const highScale = m[4] !== undefined ? scaleOf(m[5]) : scale;
    const lowScale = m[3]?.trim() ? scale : m[4] !== undefined ? highScale : scale;
    const low = toNumber(m[2]!) * lowScale;
    const high = m[4] !== undefined ? toNumber(m[4]) * highScale : low;
    if (unit === 'count' && (m[3]?.trim() || m[5]?.trim()) && !/thousand|million|billion/i.test(m[3] ?? '')) {
      // "5k", "10M" without a currency: a count with a scale ("10M users"); keep.
    }
    if (m[4] !== undefined && high <= low) continue;
    out.push({
      value: { unit, low, high, form: m[4] !== undefined ? 'range' : 'point', approximate: false },
      text: text.slice(start, end),
      start,
      end,
    });
  }
  if (ratios.length > 0) out.sort((a, b) => a.start - b.start);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Metric words

/** A numbered name ("Tier 2", "Level III", "Phase 1") is one word: "tier-2". */
const NUMBERED = /\b(tier|level|phase|stage|option|track|wave|cohort|step|year|region|zone|band|class)\s*[-#]?\s*(\d{1,2}|[ivx]{1,4}|[a-d])\b/gi;

function words(text: string): string[] {
  return text.toLowerCase().replace(NUMBERED, '$1-$2').match(/[a-z][a-z\d'&-]*/g) ?? [];
}

function normalise(word: string): string {
  const w = word.replace(/'s$/, '').replace(/^-+|-+$/g, '');
  if (SYNONYMS[w]) return SYNONYMS[w]!;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** The key of a metric's words: normalised, neutral words left out, in order of first use. */
function metricKey(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text.replace(PERIOD, ' '))) {
    const n = normalise(w);
    if (NEUTRAL.has(w) || NEUTRAL.has(n) || n.length < 2) continue;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** The words right after a value that name what it counts: "partner ARR" in "$25M partner ARR by 2026". */
function wordsAfter(text: string, from: number): { phrase: string; end: number } {
  const re = /[ \t]*([A-Za-z][A-Za-z'&-]*(?:[ \t]*[-#]?[ \t]*\d{1,2}\b)?)/y;
  re.lastIndex = from;
  const taken: string[] = [];
  let end = from;
  for (let m = re.exec(text); m && taken.length < 4; m = re.exec(text)) {
    const w = m[1]!.toLowerCase();
    if (STOP.has(w)) break;
    // A number after a word is a figure's name only in a numbered name ("Tier 1").
    if (/\d/.test(w) && !/^(?:tier|level|phase|stage|option|track|wave|cohort|step|region|zone|band|class)\b/.test(w)) break;
    taken.push(m[1]!);
    end = re.lastIndex;
  }
  return { phrase: taken.join(' '), end };
}

/** A segment the words after the metric name: "via partners", "across three clouds", "in EMEA", "from partnerships". */
function segmentAfter(text: string, from: number): string {
  const m = /^[ \t]*(?:via|across|through|among|from|in|for|within|at|on)\s+([^.,;:()|\n]{1,60})/i.exec(text.slice(from, from + 80));
  if (!m) return '';
  // A period ("in 2026", "by end of Q4") is not a segment.
  const rest = m[1]!.replace(PERIOD, ' ');
  return metricKey(rest.replace(/\b(?:the\s+)?end\s+of\b/gi, ' ')).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Markdown syntax inside an item's source, blanked to keep offsets: emphasis marks, link targets, code. */
function maskSource(source: string): string {
  return source
    .replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length))
    .replace(/\]\([^)\n]*\)/g, (m) => ']' + ' '.repeat(m.length - 1))
    .replace(/<[^>\n]*>/g, (m) => ' '.repeat(m.length))
    .replace(/[*_~[\]\\>]/g, ' ')
    .replace(/^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, (m) => ' '.repeat(m.length));
}

interface Context {
  doc: StrategyDocument;
  /** Tier names ("gold", "premier"), lower case. */
  tierNames: ReadonlySet<string>;
  /** Tier named by each heading, read once. */
  headingTiers: Map<Section, string | undefined>;
  /** Period mention of each heading, read once. */
  headingPeriods: Map<Section, PeriodMention | undefined>;
}

function headingPeriod(ctx: Context, section: Section): PeriodMention | undefined {
  if (!ctx.headingPeriods.has(section)) ctx.headingPeriods.set(section, onePeriod(periodsIn(section.title)));
  return ctx.headingPeriods.get(section);
}

/** The tier a text names: one tier name ("Gold Sponsor") or a numbered tier ("Tier 2: Resellers"); undefined for none or several. */
function tierIn(ctx: Context, text: string): string | undefined {
  const found = new Set<string>();
  for (const w of words(text)) {
    if (ctx.tierNames.has(w) || /^(?:tier|level)-/.test(w)) found.add(w);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The tier a heading names: a tier name or a numbered tier as its first words ("Gold Sponsor", "Tier 2: Resellers"). */
function headingTier(ctx: Context, path: readonly Section[]): { tier: string; section: Section } | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const section = path[i]!;
    if (section === ctx.doc.title) continue;
    if (!ctx.headingTiers.has(section)) {
      const first = words(section.title)[0];
      ctx.headingTiers.set(section, first && (ctx.tierNames.has(first) || /^(?:tier|level)-/.test(first)) ? first : undefined);
    }
    const tier = ctx.headingTiers.get(section);
    if (tier) return { tier, section };
  }
  return undefined;
}

function pathOf(section: Section | undefined): Section[] {
  const out: Section[] = [];
  for (let s = section; s; s = s.parent) out.push(s);
  return out.reverse();
}

/** The period the nearest heading above gives, with the section it heads. */
function periodFromHeadings(ctx: Context, path: readonly Section[]): { mention: PeriodMention; section: Section } | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const section = path[i]!;
    if (section === ctx.doc.title) continue;
    const mention = headingPeriod(ctx, section);
    if (mention) return { mention, section };
  }
  return undefined;
}

function headOf(key: readonly string[]): string | undefined {
  return key[key.length - 1];
}

function modifiers(before: string, value: FigureValue, valueText: string): FigureValue | undefined {
  if (COMPARISON_BEFORE.test(before)) return undefined;
  const form = UP_TO_BEFORE.test(before) ? 'up-to' : AT_LEAST_BEFORE.test(before) ? 'at-least' : value.form;
  if (form !== value.form && value.form === 'range') return undefined;
  return { ...value, form, approximate: APPROXIMATE_BEFORE.test(before) || /^~/.test(valueText) };
}

/** Whether the number at `start` in `text` is a figure at all, and not a name, a date, a duration or a rate. */
function isFigure(text: string, match: ValueMatch): boolean {
  if (match.value.unit === 'ratio') return !/[A-Za-z\d]$/.test(text.slice(Math.max(0, match.start - 1), match.start));
  const before = text.slice(Math.max(0, match.start - 14), match.start);
  const after = text.slice(match.end, match.end + 24);
  if (match.value.unit !== 'money' && NOT_A_FIGURE_BEFORE.test(before)) return false;
  // A count right after a capitalised word is part of a name: "Fortune 500", "Series 2".
  if (match.value.unit === 'count' && /[A-Za-z]\s+[A-Z][a-z]+\s$/.test(before)) return false;
  if (match.value.unit === 'money' && /[A-Za-z\d]$/.test(before)) return false;
  if (NOT_A_FIGURE_AFTER.test(after)) return false;
  // A year on its own ("2026", "2027-2028") is a period, not a count.
  if (match.value.unit === 'count' && !match.text.includes(',') && !match.text.endsWith('+')) {
    if (match.value.low >= 1990 && match.value.low <= 2100 && Number.isInteger(match.value.low)) return false;
  }
  if (match.value.unit === 'count' && match.value.form === 'range' && match.value.low >= 1990 && match.value.high <= 2100) return false;
  // A date or a version: "12/31", "1.2.3", "25,".
  if (/^[./]\d/.test(after)) return false;
  return true;
}

/** How far a clause is looked for around a figure: figures are read in linear time whatever the text. */
const CLAUSE_REACH = 240;

/** Where the clause holding a figure starts: after the nearest `;`, `(`, line break or sentence end before it. */
function clauseStartBefore(text: string, at: number): number {
  const stop = Math.max(0, at - CLAUSE_REACH);
  for (let i = at - 1; i >= stop; i--) {
    const c = text[i];
    if (c === ';' || c === '\n' || c === '(' || (c === '.' && /\s/.test(text[i + 1] ?? ''))) return i + 1;
  }
  return stop;
}

/** Where the clause holding a figure ends: at the nearest `;`, `(`, line break or sentence end after it. */
function clauseEndAfter(text: string, at: number): number {
  const stop = Math.min(text.length, at + CLAUSE_REACH);
  for (let i = at; i < stop; i++) {
    const c = text[i];
    if (c === ';' || c === '\n' || c === '(' || (c === '.' && /\s/.test(text[i + 1] ?? ''))) return i;
  }
  return stop;
}

/** The label a figure follows directly ("Partner ARR: $25M"), with where the label starts. */
function labelBefore(text: string, valueStart: number): { label: string; start: number } | undefined {
  // A label is short: only the text just before the figure is looked at, without a regex that
  // could be tried at every position.
  const near = Math.max(0, valueStart - 30);
  const qualifier = LABEL_QUALIFIER.exec(text.slice(near, valueStart));
  let colon = near + (qualifier ? qualifier.index : valueStart - near) - 1;
  while (colon >= 0 && (text[colon] === ' ' || text[colon] === '\t')) colon--;
  if (colon < 0 || text[colon] !== ':') return undefined;
  const stop = Math.max(0, colon - 80);
  let start = colon;
  while (start > stop && !':;|()\n.'.includes(text[start - 1]!)) start--;
  if (start === stop && stop > 0 && !':;|()\n.'.includes(text[start - 1]!)) return undefined;
  const label = text.slice(start, colon).trim();
  if (label === '' || label.split(/\s+/).length > 7) return undefined;
  return { label, start };
}

/** Words between a label's colon and its figure: "Revenue share: up to 20%". */
const LABEL_QUALIFIER = /(?:~|about\s+|approximately\s+|up\s+to\s+|at\s+least\s+|min(?:imum)?\.?\s+|max(?:imum)?\.?\s+)?$/i;

function scenarioOf(text: string): string {
  const scenario = SCENARIO_WORDS.exec(text);
  if (scenario) return scenario[0].toLowerCase().replace(/[\s-]+/g, ' ');
  if (ACTUAL_WORDS.test(text)) return 'actual';
  return '';
}

/** Every figure `doc` states, in document order. */
export function findFigures(doc: StrategyDocument, tierNames: readonly string[] = []): StatedFigure[] {
  const ctx: Context = { doc, headingPeriods: new Map(), tierNames: new Set(tierNames.map((t) => t.toLowerCase())), headingTiers: new Map() };
  const items = itemsOf(doc, doc.root.children);
  const out: StatedFigure[] = [];
  const tiersKey = [...ctx.tierNames].join('\u0001');
  let header: { cells: string[]; row: TableRow; table: number } | undefined;
  /** Each section's heading path and its titles, worked out once for all the items under it. */
  const places = new Map<Section | undefined, { path: readonly Section[]; titles: string }>();
  items.forEach((item, index) => {
    if (item.kind === 'table-header') {
      const row = item.node as TableRow;
      header = { cells: row.children.map((cell) => cellText(doc, cell)), row, table: item.start };
      return;
    }
    if (item.kind === 'table-row' && !header) return;
    const section = innermostSection(doc.sections, item.start, false);
    let place = places.get(section);
    if (!place) {
      const sections = pathOf(section);
      place = { path: sections, titles: sections.map((s) => s.title).join('\u0001') };
      places.set(section, place);
    }
    const { path } = place;
    // What an item's figures depend on: its text, the headings above it, the tier names, and for
    // a row its table's header (and where that starts); for prose, where a pseudo-section's text starts.
    const key = [
      item.kind,
      doc.text.slice(item.start, item.end),
      place.titles,
      tiersKey,
      item.kind === 'table-row' ? `${header!.cells.join('\u0001')}\u0002${item.start - header!.table}` : section?.pseudo ? String(section.contentStart - item.start) : '',
    ].join('\u0000');
    const kept = FIGURES_BY_ITEM.get(key);
    if (kept) {
      for (const f of kept) out.push(rebind(f, item.start, index, path));
      return;
    }
    const from = out.length;
    if (item.kind === 'table-row') readRow(ctx, item, index, header!.cells, header!.table, path, out);
    else readProse(ctx, item, index, section, path, out);
    if (FIGURES_BY_ITEM.size >= FIGURES_MEMO_LIMIT) FIGURES_BY_ITEM.clear();
    FIGURES_BY_ITEM.set(key, out.slice(from).map((f) => unbind(f, item.start, path)));
  });
  return out;
}

/** A figure as read from one item, with its offsets relative to the item and its sections as places in the item's heading path. */
interface ItemFigure extends Omit<StatedFigure, 'start' | 'end' | 'item' | 'path' | 'periodSection' | 'tierSection' | 'table'> {
  at: number;
  length: number;
  tableAt: number | undefined;
  periodSectionAt: number;
  tierSectionAt: number;
}

/**
 * The figures of an item, by what they depend on (findFigures): while a document is edited, only
 * the items that changed are read again. Cleared when full; entries are small.
 */
const FIGURES_BY_ITEM = new Map<string, readonly ItemFigure[]>();
const FIGURES_MEMO_LIMIT = 20_000;

/** Forgets the figures kept per item (for tests that compare with a reading from scratch). */
export function forgetFigures(): void {
  FIGURES_BY_ITEM.clear();
}

function unbind(f: StatedFigure, itemStart: number, path: readonly Section[]): ItemFigure {
  const { start, end, item: _item, path: _path, periodSection, tierSection, table, ...rest } = f;
  return {
    ...rest,
    at: start - itemStart,
    length: end - start,
    tableAt: table === undefined ? undefined : table - itemStart,
    periodSectionAt: periodSection ? path.indexOf(periodSection) : -1,
    tierSectionAt: tierSection ? path.indexOf(tierSection) : -1,
  };
}

function rebind(f: ItemFigure, itemStart: number, item: number, path: readonly Section[]): StatedFigure {
  const start = itemStart + f.at;
  const end = start + f.length;
  return {
    value: f.value,
    valueText: f.valueText,
    metricText: f.metricText,
    metric: f.metric,
    period: f.period,
    periodText: f.periodText,
    stock: f.stock,
    scenario: f.scenario,
    fromTable: f.fromTable,
    tier: f.tier,
    start,
    end,
    item,
    path,
    table: f.tableAt === undefined ? undefined : itemStart + f.tableAt,
    periodSection: f.periodSectionAt >= 0 ? path[f.periodSectionAt] : undefined,
    tierSection: f.tierSectionAt >= 0 ? path[f.tierSectionAt] : undefined,
  };
}

function cellText(doc: StrategyDocument, cell: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  const start = cell.position?.start.offset ?? 0;
  const end = cell.position?.end.offset ?? start;
  return maskSource(doc.text.slice(start, end)).replace(/\|/g, ' ').replace(/\s+/g, ' ').trim();
}

function readProse(ctx: Context, item: TextItem, index: number, section: Section | undefined, path: readonly Section[], out: StatedFigure[]): void {
  const { doc } = ctx;
  let start = item.start;
  if (section?.pseudo && start < section.contentStart) start = section.contentStart;
  if (start >= item.end) return;
  const text = maskSource(doc.text.slice(start, item.end));
  if (!/\d/.test(text)) return;
  const itemPeriods = periodsIn(text);
  const fromHeadings = periodFromHeadings(ctx, path);
  const headingScenario = path.map((s) => scenarioOf(s.title)).find((s) => s !== '') ?? '';
  for (const match of valuesIn(text)) {
    if (!isFigure(text, match)) continue;
    // The clause the figure is in: between the separators around it.
    const clauseStart = clauseStartBefore(text, match.start);
    const clauseEnd = clauseEndAfter(text, match.end);
    const before = text.slice(Math.max(clauseStart, match.start - 60), match.start);
    // A figure in parentheses after another ("8000+ (50% via partners)") qualifies that one.
    if (text[clauseStart - 1] === '(' && /\d/.test(text.slice(Math.max(0, clauseStart - 41), clauseStart - 1))) continue;
    const value = modifiers(before, match.value, match.text);
    if (!value) continue;
    const after = wordsAfter(text, match.end);
    const label = labelBefore(text, match.start);
    let metricText: string;
    let segment: string[] = [];
    const labelKey = label ? metricKey(label.label) : [];
    if (after.phrase) {
      metricText = after.phrase;
      // "Cloud platforms: 1000+ customers": the label names whose customers.
      if (label) segment = labelKey;
    } else if (label && labelKey.length > 0) {
      metricText = label.label;
    } else continue;
    if (value.unit === 'percent' && /^\s*of\b/i.test(text.slice(match.end))) continue;
    let key = metricKey(metricText);
    if (after.phrase && label && labelKey.length > 0 && key.length === 0) continue;
    if (key.length === 0) continue;
    // A label that is itself a scenario or a period is not a segment.
    if (label && scenarioOf(label.label)) segment = [];
    segment = segment.filter((w) => !key.includes(w));
    const segmentWords = segmentAfter(text, after.phrase ? after.end : match.end);
    // The figure's period: in its clause, else the item's one period, else the heading's.
    const clause = text.slice(clauseStart, clauseEnd);
    const clausePeriods = periodsIn(clause);
    const labelPeriods = label ? periodsIn(label.label) : [];
    let period: PeriodMention | undefined;
    let periodSection: Section | undefined;
    if (clausePeriods.length > 0 || labelPeriods.length > 0) {
      period = onePeriod([...clausePeriods, ...labelPeriods]);
      if (!period) continue;
    } else if (itemPeriods.length > 0) {
      period = onePeriod(itemPeriods);
      if (!period) continue;
    } else if (fromHeadings) {
      period = fromHeadings.mention;
      periodSection = fromHeadings.section;
    }
    const scenario = scenarioOf(clause) || (label ? scenarioOf(label.label) : '') || headingScenario;
    // The tier a heading above names is part of what the figure measures ("Gold" > "Annual fee: $5,000").
    const named = key.some((w) => ctx.tierNames.has(w) || /^(?:tier|level)-/.test(w)) ? undefined : headingTier(ctx, path);
    if (named) key = [...key, named.tier];
    const tier = named?.tier ?? tierIn(ctx, key.join(' '));
    key = [...key, ...segment.map((w) => `@${w}`), ...(segmentWords ? segmentWords.split(' ').map((w) => `@${w}`) : [])];
    const head = headOf(metricKey(metricText));
    const startOffset = start + match.start;
    out.push({
      value,
      valueText: match.text,
      metricText: metricText.replace(/\s+/g, ' ').trim(),
      metric: `${value.unit}|${[...key].sort().join(' ')}`,
      period: period?.key,
      periodText: period?.text,
      stock: head !== undefined && STOCK_HEADS.has(head),
      scenario,
      fromTable: false,
      table: undefined,
      tier,
      tierSection: named?.section,
      start: startOffset,
      end: startOffset + match.text.length,
      item: index,
      path,
      periodSection,
    });
  }
}

function readRow(ctx: Context, item: TextItem, index: number, headerCells: readonly string[], table: number, path: readonly Section[], out: StatedFigure[]): void {
  const { doc } = ctx;
  const row = item.node as TableRow;
  const cells = row.children;
  if (cells.length < 2) return;
  const rowLabel = cellText(doc, cells[0]!);
  const rowPeriods = periodsIn(rowLabel);
  const rowKey = metricKey(rowLabel);
  const fromHeadings = periodFromHeadings(ctx, path);
  const rowScenario = scenarioOf(rowLabel);
  for (let c = 1; c < cells.length; c++) {
    const cell = cells[c]!;
    const cellStart = cell.position?.start.offset ?? 0;
    const cellEnd = cell.position?.end.offset ?? cellStart;
    const text = maskSource(doc.text.slice(cellStart, cellEnd)).replace(/\|/g, ' ');
    const values = valuesIn(text).filter((v) => isFigure(text, v));
    // One figure per cell: a cell with several is a list, not a figure.
    if (values.length !== 1) continue;
    const match = values[0]!;
    const value = modifiers(text.slice(0, match.start), match.value, match.text);
    if (!value) continue;
    // Only the cell's own words besides the figure: a cell of prose is not a figure.
    const rest = text.slice(0, match.start) + ' ' + text.slice(match.end);
    if (words(rest).filter((w) => !STOP.has(w)).length > 3) continue;
    const head = headerCells[c] ?? '';
    const headPeriods = periodsIn(head);
    let metricWords: string[];
    let period: PeriodMention | undefined;
    let periodSection: Section | undefined;
    if (headPeriods.length > 0 && rowPeriods.length > 0) continue;
    if (headPeriods.length > 0) {
      period = onePeriod(headPeriods);
      metricWords = rowKey;
    } else if (rowPeriods.length > 0) {
      period = onePeriod(rowPeriods);
      metricWords = metricKey(head);
    } else {
      metricWords = [...metricKey(head), ...rowKey.filter((w) => !metricKey(head).includes(w))];
      if (fromHeadings) {
        period = fromHeadings.mention;
        periodSection = fromHeadings.section;
      }
    }
    if ((headPeriods.length > 0 || rowPeriods.length > 0) && !period) continue;
    if (metricWords.length === 0 || rowKey.length === 0 && headPeriods.length === 0) continue;
    const scenario = rowScenario || scenarioOf(head) || (path.map((s) => scenarioOf(s.title)).find((s) => s !== '') ?? '');
    const startOffset = cellStart + match.start;
    const metricText = headPeriods.length > 0 ? rowLabel : rowPeriods.length > 0 ? head : `${head} for ${rowLabel}`;
    out.push({
      value,
      valueText: match.text,
      metricText,
      metric: `${value.unit}|${[...metricWords].sort().join(' ')}`,
      period: period?.key,
      periodText: period?.text,
      stock: STOCK_HEADS.has(headOf(metricKey(headPeriods.length > 0 ? rowLabel : head)) ?? ''),
      scenario,
      fromTable: true,
      table,
      tier: tierIn(ctx, metricWords.join(' ')),
      tierSection: undefined,
      start: startOffset,
      end: startOffset + match.text.length,
      item: index,
      path,
      periodSection,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Comparing

/** Whether two values say the same thing, or cannot be told apart (a point inside a range…). */
export function sameValue(a: FigureValue, b: FigureValue): boolean {
  if (a.unit !== b.unit) return true;
  const close = (x: number, y: number) => {
    const tolerance = a.approximate || b.approximate ? 0.1 : 0.005;
    return Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y), 1e-9);
  };
  const bound = (f: FigureValue) => f.form === 'up-to' || f.form === 'at-least';
  if (a.form === 'range' && b.form === 'range') return close(a.low, b.low) && close(a.high, b.high);
  // A range against a maximum: the top of the range is the maximum.
  if (a.form === 'range' && b.form === 'up-to') return close(a.high, b.high);
  if (b.form === 'range' && a.form === 'up-to') return close(a.high, b.high);
  if (a.form === 'range' && b.form === 'at-least') return close(a.low, b.low);
  if (b.form === 'range' && a.form === 'at-least') return close(a.low, b.low);
  // A single figure against a range may be one case within it.
  if (a.form === 'range' || b.form === 'range') return true;
  if (bound(a) !== bound(b)) return true;
  return close(a.low, b.low);
}

// ---------------------------------------------------------------------------------------------
// Totals

/** A cell of a table read as one figure. */
export interface FigureCell {
  value: FigureValue;
  valueText: string;
  range: Range;
}

/** A table's total row, column by column, with the rows above it that it adds up. */
export interface TableTotal {
  /** The column's header as written. */
  header: string;
  total: FigureCell;
  parts: FigureCell[];
  /** What the parts add up to. */
  sum: number;
}

const TOTAL_LABEL = /^\s*(?:grand\s+)?totals?\b/i;
const NOT_ALL_ROWS = /\b(?:sub-?totals?|other|others|misc(?:ellaneous)?|average|avg|mean|median|per|each)\b/i;

/**
 * Tables whose last row is a total ("Total", "**TOTAL**"): for each column of amounts or counts,
 * the total and the cells above it. A column is read only when every row above the total holds
 * one figure of the total's unit, none a range; percentages are not added up.
 */
export function findTableTotals(doc: StrategyDocument): TableTotal[] {
  const out: TableTotal[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'table') {
      const [header, ...rows] = node.children;
      if (header) readTotals(doc, header, rows, out);
      return;
    }
    // A table is flow content: it is never inside a paragraph's or a heading's text, so their
    // words are not walked (on every keystroke, in a long charter, most of the tree is words).
    if (node.type === 'paragraph' || node.type === 'heading') return;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(doc.root);
  return out;
}

function cellFigure(doc: StrategyDocument, cell: TableRow['children'][number]): FigureCell | undefined {
  const start = cell.position?.start.offset ?? 0;
  const end = cell.position?.end.offset ?? start;
  const text = maskSource(doc.text.slice(start, end)).replace(/\|/g, ' ');
  const values = valuesIn(text).filter((v) => isFigure(text, v) || v.value.unit === 'money');
  if (values.length !== 1) return undefined;
  const match = values[0]!;
  const rest = text.slice(0, match.start) + ' ' + text.slice(match.end);
  if (words(rest).length > 3 || /\b(?:per|each)\b|\//i.test(rest)) return undefined;
  const from = start + match.start;
  return { value: match.value, valueText: match.text, range: doc.index.rangeOf(from, from + match.text.length) };
}

function readTotals(doc: StrategyDocument, header: TableRow, rows: readonly TableRow[], out: TableTotal[]): void {
  if (rows.length < 3) return;
  // Most tables have no total row: look at the last row's label before reading the others.
  const lastLabel = rows[rows.length - 1]!.children[0];
  if (!lastLabel || !TOTAL_LABEL.test(cellText(doc, lastLabel))) return;
  const labels = rows.map((row) => (row.children[0] ? cellText(doc, row.children[0]) : ''));
  const last = labels.length - 1;
  if (!TOTAL_LABEL.test(labels[last]!) || labels.slice(0, last).some((l) => TOTAL_LABEL.test(l) || NOT_ALL_ROWS.test(l))) return;
  for (let c = 1; c < header.children.length; c++) {
    const totalCell = rows[last]!.children[c];
    if (!totalCell) continue;
    const total = cellFigure(doc, totalCell);
    if (!total || total.value.unit === 'percent' || total.value.unit === 'ratio' || total.value.form !== 'point') continue;
    const parts: FigureCell[] = [];
    for (let r = 0; r < last; r++) {
      const cell = rows[r]!.children[c];
      const part = cell ? cellFigure(doc, cell) : undefined;
      if (!part || part.value.unit !== total.value.unit || part.value.form !== 'point') {
        parts.length = 0;
        break;
      }
      parts.push(part);
    }
    if (parts.length < 2) continue;
    const sum = parts.reduce((acc, p) => acc + p.value.low, 0);
    out.push({ header: cellText(doc, header.children[c]!), total, parts, sum });
  }
}
