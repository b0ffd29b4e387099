import { ruleMeta, type Rule } from '../core/rule';
import { models } from '../models';

/** The most tiers a program should have before the differences between them blur. */
export const DEFAULT_MAX_TIERS = 3;

function maxTiersOption(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_MAX_TIERS;
}

/**
 * Counts the tiers of every ladder in the document: a program that runs two ladders side by
 * side (Tier 1-3 and Platinum/Gold/Silver, or a co-marketing and a co-selling ladder) asks
 * partners and the team to keep all their levels apart. The same ladder written twice (headings
 * and a summary table) is one ladder. The report goes on the first tier past the limit, in
 * document order: the one that is one too many.
 */
export const tiersTooMany: Rule = {
  meta: ruleMeta({
    id: 'tiers-too-many',
    description: 'A partner program works best with two or three tiers; more blur what each tier gets and set expectations the team cannot meet.',
    defaultSeverity: 'warning',
    checks: ['tiers'],
    options: { maxTiers: { type: 'integer', minimum: 1, default: DEFAULT_MAX_TIERS, description: 'The most tiers a program may have before the rule reports.' } },
  }),
  check({ doc, vocabulary, options, report }) {
    const max = maxTiersOption(options['maxTiers']);
    const ladders = models(doc, vocabulary).tierLadders();
    const tiers = ladders.flatMap((l) => l.tiers);
    if (tiers.length <= max) return;
    const first = tiers[max]!;
    const own = ladders[0]!.tiers.length;
    if (ladders.length === 1 || own > max) {
      // The first ladder is too long on its own: say so, whatever the others add.
      report({
        message: `This program has ${own} partner tiers; past ${max}, partners stop seeing what sets one tier apart from the next and expect support you cannot staff. Merge tiers until at most ${max} remain, each with a clearly different level of commitment.`,
        range: first.range,
      });
      return;
    }
    const sizes = ladders.map((l) => l.tiers.length).join(' + ');
    report({
      message: `This program runs ${ladders.length} tier ladders with ${tiers.length} partner tiers in all (${sizes}); "${first.label}" is tier ${max + 1}. Partners cannot tell how the ladders relate or what each level gets them. Fold them into one ladder of at most ${max} tiers, or say how each level of one maps onto the other.`,
      range: first.range,
    });
  },
};
