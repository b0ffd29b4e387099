import { ruleMeta, type Rule } from '../core/rule';
import type { Section } from '../core/document';
import { comparablePeriod, countMatches, models, sameValue, type StatedCount, type StatedFigure } from '../models';

/**
 * A plan that states one target with two values ("partner ARR for 2026: $42.5M" here, "$25M partner
 * ARR by end of 2026" there) leaves its readers to guess which one the partnership is held to.
 * Two statements of the same metric for the same period, in the same scenario and segment, whose
 * values differ are reported once, on the first, with the others as related information.
 *
 * Precision first: figures for different periods, segments (a "Cloud platforms:" label, "via
 * partners", sections that read as parallel, such as one per partner), scenarios ("conservative",
 * "downside", "if…") or actuals are never compared; nor a figure against a range it may sit in; nor
 * two figures in one sentence, list item or table row (a change "from $5M to $25M"). A figure with
 * no period is compared only between tables (a tier's requirement in two tier tables).
 *
 * A count stated for the list or table right after it ("our three partner types are:" over four
 * items) is held to that list: reported on the count, with the list as related information.
 */
export const numbersInconsistent: Rule = {
  meta: ruleMeta({
    id: 'numbers-inconsistent',
    description: 'The same target, share or requirement is stated with different values in one document.',
    defaultSeverity: 'warning',
    checks: ['figures'],
  }),
  check({ doc, vocabulary, report }) {
    const read = models(doc, vocabulary);
    for (const total of read.tableTotals()) {
      const tolerance = 0.005 * Math.max(total.sum, total.total.value.low);
      if (Math.abs(total.sum - total.total.value.low) <= tolerance) continue;
      const unit = total.total.value.unit;
      const plus = total.parts.some((p) => p.valueText.endsWith('+')) ? '+' : '';
      report({
        message: `The total ${total.header ? `${total.header} ` : ''}is ${total.total.valueText}, but the ${total.parts.length} rows above it add up to ${formatAmount(total.sum, unit, total.total.valueText)}${plus}. Correct the total or the rows, or add the row that makes up the difference.`,
        range: total.total.range,
        relatedInformation: total.parts.map((p) => ({ message: `${p.valueText}, one of the rows the total adds up`, range: p.range })),
      });
    }
    for (const stated of read.statedCounts()) {
      if (countMatches(stated)) continue;
      report({
        message: countMessage(stated),
        range: doc.index.rangeOf(stated.start, stated.end),
        relatedInformation: [{ message: `The ${stated.enumeration} the count is for`, range: doc.index.rangeOf(stated.listStart, stated.listEnd) }],
      });
    }
    const figures = read.figures();
    const groups = new Map<string, StatedFigure[]>();
    for (const figure of figures) {
      const period = comparablePeriod(figure);
      if (period === undefined && !figure.fromTable && !figure.tier) continue;
      const key = `${figure.metric}\u0000${period ?? ''}\u0000${figure.scenario}`;
      const group = groups.get(key);
      if (group) group.push(figure);
      else groups.set(key, [figure]);
    }
    for (const whole of groups.values()) {
      if (whole.length < 2) continue;
      // Pairs are compared: a metric stated hundreds of times is read for its first statements only.
      const group = whole.slice(0, MAX_STATEMENTS);
      const reported = new Set<StatedFigure>();
      for (let i = 0; i < group.length; i++) {
        const first = group[i]!;
        if (reported.has(first)) continue;
        const others = group.slice(i + 1).filter((other) => !reported.has(other) && contradicts(first, other));
        if (others.length === 0) continue;
        // Only the statements that disagree with the first are given; those that agree with it
        // are not, and are not reported again.
        const disagreeing = new Set(others);
        for (const other of group) if (!disagreeing.has(other) && sameValue(first.value, other.value)) reported.add(other);
        for (const other of others) reported.add(other);
        reported.add(first);
        const place = (f: StatedFigure) => doc.index.rangeOf(f.start, f.end);
        const line = (f: StatedFigure) => place(f).start.line + 1;
        const what = first.periodText ? `${first.metricText} for ${first.periodText}` : first.metricText;
        const elsewhere = others.map((o) => `${o.valueText} on line ${line(o)}`).join(', ');
        report({
          message: `${what.charAt(0).toUpperCase()}${what.slice(1)}: ${first.valueText} here, but ${elsewhere}. Settle on one figure and use it everywhere, or say what sets them apart (a scenario, a segment, a date).`,
          range: place(first),
          relatedInformation: others.map((o) => ({ message: `${o.metricText}: ${o.valueText} here`, range: place(o) })),
        });
      }
    }
  },
};

/** "This says three partner types, but the list below it has 4 items." */
function countMessage(stated: StatedCount): string {
  const what = stated.enumeration === 'list'
    ? `the list below it has ${stated.entries} ${stated.entries === 1 ? 'item' : 'items'}`
    : stated.enumeration === 'table'
      ? `the table below it has neither ${stated.count} rows nor ${stated.count} columns`
      : `${stated.entries} ${stated.entries === 1 ? 'section follows' : 'sections follow'} it`;
  const parts = stated.enumeration === 'list' ? 'items' : stated.enumeration === 'table' ? 'rows' : 'sections';
  return `This says ${stated.text}, but ${what}. Correct the count, or add or remove ${parts} until the two agree.`;
}

/** `value` written the way `like` is: "$135M" for a total written "$140M+", "1,250" for "1,300". */
function formatAmount(value: number, unit: string, like: string): string {
  const currency = unit === 'money' ? (/[$€£]/.exec(like)?.[0] ?? '$') : '';
  const written = /\d\s?(k|m|mm|bn|b|thousand|million|billion)\b/i.exec(like);
  if (written) {
    const letter = written[1]!.toLowerCase();
    const scale = letter.startsWith('b') ? 1e9 : letter.startsWith('m') ? 1e6 : 1e3;
    const suffix = written[1]!.length > 2 ? ` ${written[1]}` : written[1]!;
    return `${currency}${Number((value / scale).toFixed(2))}${suffix}`;
  }
  return `${currency}${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

const MAX_STATEMENTS = 120;

function contradicts(a: StatedFigure, b: StatedFigure): boolean {
  if (a.item === b.item) return false;
  // Rows of one table are one statement each: two of them with the same words are two cases.
  if (a.table !== undefined && a.table === b.table) return false;
  if (sameValue(a.value, b.value)) return false;
  // Without a period: a figure in one table against the same figure in another, or one tier's figure stated twice.
  if (comparablePeriod(a) === undefined && !(a.fromTable && b.fromTable) && !(a.tier && b.tier)) return false;
  return !parallelSections(a, b);
}

/** Words of a heading, numbers and filler left out, in order. */
function titleWords(section: Section): string[] {
  let found = titleWordsOf.get(section);
  if (!found) {
    const words = section.title.toLowerCase().match(/[a-z][a-z-]*|\d+/g) ?? [];
    found = words.filter((w) => !FILLER.has(w)).map((w) => w.replace(/s$/, ''));
    titleWordsOf.set(section, found);
  }
  return found;
}

const titleWordsOf = new WeakMap<Section, string[]>();

const FILLER = new Set(['the', 'and', 'of', 'for', 'to', 'in', 'on', 'a', 'an', 'with', 'by', 'our', 'vs', 'or', 'at']);

/** Headings that say what a figure is about: the one giving its period, the one naming its tier. */
function explaining(figure: StatedFigure): Section[] {
  return [figure.periodSection, figure.tierSection].filter((s): s is Section => s !== undefined);
}

/** Headings of a branch above the first that explains the figure. */
function segmentHeadings(branch: readonly Section[], figure: StatedFigure): Section[] {
  const explains = explaining(figure);
  const at = branch.findIndex((s) => explains.includes(s));
  return at < 0 ? branch.slice() : branch.slice(0, at);
}

/** Headings that name one of several like things: "Tier 2", "Phase 1: Pilot", "Option B". */
const ENUMERATED = /^\W*(?:tier|phase|stage|option|scenario|track|region|segment|level|wave|step|cohort)\s*[-#]?\s*(?:\d{1,2}|[ivx]{1,4}|[a-d])\b/i;
/** Sections that restate figures given elsewhere. */
const SUMMARY = /\b(?:summary|overview|at\s+a\s+glance|highlights|key\s+(?:figures|numbers|metrics|takeaways)|conclusion|recommendations?|targets?|goals?|objectives?|metrics|kpis?|projections?|financials?|financial|forecast|outlook|impact|opportunity|vision|roadmap|timeline|milestones|budget|economics|business\s+case)\b/i;

/** Words naming a part of a document rather than a subject. */
const VIEW_WORDS = new Set([
  'overview', 'summary', 'detail', 'comparison', 'breakdown', 'table', 'list', 'glance', 'description', 'requirement',
  'benefit', 'matrix', 'structure', 'model', 'definition', 'highlight', 'appendix', 'reference', 'terms', 'term',
]);

/** Titles of two words or more that differ in exactly one: "AWS Partnership" and "Azure Partnership". */
function sameShape(a: Section, b: Section): boolean {
  const wa = titleWords(a);
  const wb = titleWords(b);
  if (wa.length !== wb.length || wa.length < 2) return false;
  let differ = 0;
  for (let i = 0; i < wa.length; i++) {
    if (wa[i] === wb[i]) continue;
    // "Tier Overview" and "Tier Details" are two views of one thing, not two things.
    if (VIEW_WORDS.has(wa[i]!) || VIEW_WORDS.has(wb[i]!)) return false;
    differ++;
  }
  return differ === 1;
}

/**
 * Whether two figures sit in sections that may be about different things: one per partner, per
 * tier, per region. Below the sections they share, each has its own branch of headings; a heading
 * that gives the figure's period or names its tier explains the branch from there down (a "2026
 * Targets" heading against a "Q4 2026" one). A subsection against its parent's text may be a part
 * of the whole; sibling headings numbered alike or differing in one word ("AWS Partnership",
 * "Azure Partnership") read as parallel, and so do any two that neither explain nor summarise.
 */
function parallelSections(a: StatedFigure, b: StatedFigure): boolean {
  let i = 0;
  while (i < a.path.length && i < b.path.length && a.path[i] === b.path[i]) i++;
  const restA = a.path.slice(i);
  const restB = b.path.slice(i);
  if (restA.length === 0 && restB.length === 0) return false;
  if (restA.length === 0 || restB.length === 0) {
    const [deeper, figure] = restA.length > 0 ? [restA, a] : [restB, b];
    return segmentHeadings(deeper, figure).length > 0;
  }
  // Sibling headings numbered alike or differing in one word are parallel, even when each gives
  // the period too ("Contoso: 2027 targets", "Fabrikam: 2027 targets").
  if (ENUMERATED.test(restA[0]!.title) && ENUMERATED.test(restB[0]!.title)) return true;
  if (sameShape(restA[0]!, restB[0]!)) return true;
  const branchA = segmentHeadings(restA, a);
  const branchB = segmentHeadings(restB, b);
  if (branchA.length === 0 || branchB.length === 0) return false;
  const headA = branchA[0]!;
  const headB = branchB[0]!;
  const explainedA = branchA.length < restA.length;
  const explainedB = branchB.length < restB.length;
  if (explainedA || explainedB) return false;
  return !SUMMARY.test(headA.title) && !SUMMARY.test(headB.title);
}
