import type { Rule } from '../core/rule';
import { models } from '../models';

/** The most tiers a program should have before the differences between them blur. */
export const DEFAULT_MAX_TIERS = 3;

function maxTiersOption(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_MAX_TIERS;
}

export const tiersTooMany: Rule = {
  meta: {
    id: 'tiers-too-many',
    description: 'A partner program works best with two or three tiers; more blur what each tier gets and set expectations the team cannot meet.',
    defaultSeverity: 'warning',
    kinds: ['partner-tiering', 'partnership-strategy'],
  },
  check({ doc, vocabulary, options, report }) {
    const max = maxTiersOption(options['maxTiers']);
    const model = models(doc, vocabulary).tiers();
    if (!model || model.tiers.length <= max) return;
    const first = model.tiers[max]!;
    report({
      message: `This program has ${model.tiers.length} partner tiers; past ${max}, partners stop seeing what sets one tier apart from the next and expect support you cannot staff. Merge tiers until at most ${max} remain, each with a clearly different level of commitment.`,
      range: first.range,
    });
  },
};
