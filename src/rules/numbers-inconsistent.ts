import type { Rule } from '../core/rule';
import type { Section } from '../core/document';
import { comparablePeriod, models, sameValue, type StatedFigure } from '../models';

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
 */
export const numbersInconsistent: Rule = {
  meta: {
    id: 'numbers-inconsistent',
    description: 'The same target, share or requirement is stated with different values in one document.',
    defaultSeverity: 'warning',
    kinds: ['partnership-strategy', 'rollout-plan', 'partner-tiering', 'partnership-charter', 'launch-plan'],
  },
  check({ doc, vocabulary, report }) {
    const figures = models(doc, vocabulary).figures();
    const groups = new Map<string, StatedFigure[]>();
    for (const figure of figures) {
      const period = comparablePeriod(figure);
      if (period === undefined && !figure.fromTable) continue;
      const key = `${figure.metric}\u0000${period ?? ''}\u0000${figure.scenario}`;
      const group = groups.get(key);
      if (group) group.push(figure);
      else groups.set(key, [figure]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const reported = new Set<StatedFigure>();
      for (let i = 0; i < group.length; i++) {
        const first = group[i]!;
        if (reported.has(first)) continue;
        const others = group.slice(i + 1).filter((other) => !reported.has(other) && contradicts(first, other));
        if (others.length === 0) continue;
        // Only the statements that disagree with the first are given; those that agree with it
        // are not, and are not reported again.
        for (const other of group) if (!others.includes(other) && sameValue(first.value, other.value)) reported.add(other);
        for (const other of others) reported.add(other);
        reported.add(first);
        const line = (f: StatedFigure) => f.range.start.line + 1;
        const what = first.periodText ? `${first.metricText} for ${first.periodText}` : first.metricText;
        const elsewhere = others.map((o) => `${o.valueText} on line ${line(o)}`).join(', ');
        report({
          message: `${what} is given as ${first.valueText} here but as ${elsewhere}. Settle on one figure and use it everywhere; if both are meant, say what differs (a scenario, a segment, a date).`,
          range: first.range,
          relatedInformation: others.map((o) => ({ message: `${o.metricText} given as ${o.valueText} here`, range: o.range })),
        });
      }
    }
  },
};

function contradicts(a: StatedFigure, b: StatedFigure): boolean {
  if (a.item === b.item) return false;
  if (sameValue(a.value, b.value)) return false;
  // Without a period, only a figure in one table against the same figure in another.
  if (comparablePeriod(a) === undefined && !(a.fromTable && b.fromTable)) return false;
  return !parallelSections(a, b);
}

/** Words of a heading that tell what it is about (numbers and filler left out). */
function titleWords(section: Section): Set<string> {
  const words = section.title.toLowerCase().replace(/\d+/g, ' ').match(/[a-z][a-z-]+/g) ?? [];
  return new Set(words.filter((w) => !FILLER.has(w)).map((w) => w.replace(/s$/, '')));
}

const FILLER = new Set(['the', 'and', 'of', 'for', 'to', 'in', 'on', 'a', 'an', 'with', 'by', 'our', 'vs', 'or', 'at']);

/** Headings above a figure up to (not including) the one that gives its period. */
function segmentHeadings(branch: readonly Section[], figure: StatedFigure): Section[] {
  const at = figure.periodSection ? branch.indexOf(figure.periodSection) : -1;
  return at < 0 ? branch.slice() : branch.slice(0, at);
}

const ENUMERATED = /^\s*(?:[A-Z\d]{1,3}[.):]\s|(?:tier|phase|stage|option|scenario|track|region|segment|partner|level|wave|step)\b)/i;

/**
 * Whether two figures sit in sections that may be about different things: one per partner, per
 * tier, per region. Below the sections they share, each has its own branch of headings; a branch
 * whose heading gives the figure's period is explained by it (a "2026 Targets" heading against a
 * "Q4 2026" one). What is left is compared: a subsection against its parent may be a part of the
 * whole, and sibling headings that share words ("AWS Partnership", "Azure Partnership") or are
 * numbered alike read as parallel.
 */
function parallelSections(a: StatedFigure, b: StatedFigure): boolean {
  let i = 0;
  while (i < a.path.length && i < b.path.length && a.path[i] === b.path[i]) i++;
  const restA = a.path.slice(i);
  const restB = b.path.slice(i);
  if (restA.length === 0 && restB.length === 0) return false;
  if (restA.length === 0 || restB.length === 0) {
    // A subsection against the text of its parent: a part against the whole, unless the
    // subsection's heading gives the period.
    const [deeper, figure] = restA.length > 0 ? [restA, a] : [restB, b];
    const explained = figure.periodSection !== undefined && deeper.includes(figure.periodSection);
    return !explained || segmentHeadings(deeper, figure).length > 0;
  }
  const branchA = segmentHeadings(restA, a);
  const branchB = segmentHeadings(restB, b);
  if (branchA.length === 0 || branchB.length === 0) return false;
  const headA = branchA[0]!;
  const headB = branchB[0]!;
  if (ENUMERATED.test(headA.title) && ENUMERATED.test(headB.title)) return true;
  const wordsB = titleWords(headB);
  for (const w of titleWords(headA)) if (wordsB.has(w)) return true;
  return false;
}
