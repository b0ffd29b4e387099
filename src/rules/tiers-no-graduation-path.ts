import type { Rule } from '../core/rule';
import { hasPhrase } from '../core/vocabulary';
import { models, graduationTerms, itemsOutsideTiers, type Tier } from '../models';

/** A price per period: "$500/month", "USD 2,000 per year", "€100/mo". */
const PRICED = /(?:[$€£]|\b(?:usd|eur|gbp)\s*\$?)\s?\d[\d,.]*\s*[kKmM]?\+?\s*(?:\/|per\s+|a\s+)(?:mo\b|month|yr\b|year|annum|quarter)/i;

/** A criteria cell that says nothing: empty, a dash, "n/a", "none". */
const EMPTY_CELL = /^(?:|[-–—]+|n\/?a|none|tbd|tbc|\?+)$/i;

function describesGraduation(tier: Tier, terms: readonly string[]): boolean {
  if (hasPhrase(tier.text, terms)) return true;
  return tier.criteriaCell !== undefined && !EMPTY_CELL.test(tier.criteriaCell.trim());
}

/**
 * Policy, chosen to stay quiet unless the gap is plain:
 * - graduation wording anywhere outside the tier descriptions (a "Graduation path" section, a
 *   decision tree, an intro sentence) counts as a path for the whole model: nothing is reported;
 * - no tier and nothing else mentions graduation: one report, on the heading the tiers sit
 *   under (or the title);
 * - otherwise a step between two neighbouring tiers is missing only when neither of them says
 *   anything about moving up (the criteria may be written as the lower tier's exit or the
 *   higher tier's entry): one report per such step, on the second tier's name.
 */
export const tiersNoGraduationPath: Rule = {
  meta: {
    id: 'tiers-no-graduation-path',
    description: 'Every step between partner tiers needs criteria that say how a partner earns the next tier.',
    defaultSeverity: 'warning',
    kinds: ['partner-tiering', 'partnership-strategy'],
  },
  check({ doc, vocabulary, report }) {
    const model = models(doc, vocabulary).tiers();
    if (!model) return;
    // Graduation presupposes a ladder. Tiers named only by what the partners are (a table of
    // partner categories introduced as tiers) are not rungs; and where every tier is bought at a
    // price (sponsor levels per month or year), the price is the way up.
    if (model.tiers.every((t) => t.key.startsWith('cell:')) || model.tiers.every((t) => PRICED.test(t.text))) return;
    const terms = graduationTerms(vocabulary);

    const outside = itemsOutsideTiers(doc, model).map((i) => i.text);
    const headings = doc.sections
      .filter((s) => s !== doc.title && !model.extents.some(([start, end]) => s.start >= start && s.start < end))
      .map((s) => s.title);
    if ([...outside, ...headings].some((text) => hasPhrase(text, terms))) return;

    const covered = model.tiers.map((t) => describesGraduation(t, terms));
    if (!covered.some(Boolean)) {
      report({
        message: `None of these ${model.tiers.length} tiers says how a partner earns the next one. Write down what it takes to move up each step (for example a number of live joint customers, certified staff, or two quarters in the tier below).`,
        range: model.container?.headingRange ?? doc.title?.headingRange ?? model.tiers[0]!.range,
      });
      return;
    }
    for (let i = 1; i < model.tiers.length; i++) {
      if (covered[i - 1] || covered[i]) continue;
      const lower = model.tiers[i - 1]!;
      const upper = model.tiers[i]!;
      report({
        message: `Nothing says how a partner gets from "${lower.label}" to "${upper.label}". State what earns that step, as the other tiers do: joint customers, certified staff, time in the tier, or revenue.`,
        range: upper.range,
      });
    }
  },
};
