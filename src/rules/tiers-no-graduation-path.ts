import { ruleMeta, type Rule } from '../core/rule';
import { hasPhrase, isNonAnswer, type Vocabulary } from '../core/vocabulary';
import { models, graduationTerms, itemsOutsideTiers, GENERIC_GRADUATION_TERMS, type Tier, type TierModel } from '../models';


/** The security certification "Common Criteria" is not a criterion for moving up. */
const NOT_GRADUATION = /\bcommon\s+criteria\b/gi;

function mentionsGraduation(text: string, terms: readonly string[]): boolean {
  return hasPhrase(text.replace(NOT_GRADUATION, ''), terms);
}

/** Whether a sentence names a tier: the word tier or level, or the name of one of the ladders' tiers. */
function namesATier(text: string, tierNames: readonly string[]): boolean {
  return /\b(?:tiers?|levels?)\b/i.test(text) || hasPhrase(text, tierNames);
}

/**
 * Graduation wording outside the tiers' own descriptions: a specific phrase ("move up",
 * "graduation", "evaluated for") anywhere, a generic one ("requirements", "criteria") only in a
 * sentence that names a tier.
 */
function saysHowToMoveUp(text: string, specific: readonly string[], generic: readonly string[], tierNames: readonly string[]): boolean {
  if (mentionsGraduation(text, specific)) return true;
  if (generic.length === 0 || !mentionsGraduation(text, generic)) return false;
  return text.split(/(?<=[.!?;])\s+/).some((sentence) => mentionsGraduation(sentence, generic) && namesATier(sentence, tierNames));
}

/** The word a tier is known by: "gold" for "name:gold", "express" for "x:express"; numbered tiers say "tier". */
function tierWord(tier: Tier): string | undefined {
  const m = /^(?:name|x|cell):(.+)$/.exec(tier.key);
  return m ? m[1] : undefined;
}

function describesGraduation(tier: Tier, terms: readonly string[], vocabulary: Vocabulary): boolean {
  if (mentionsGraduation(tier.text, terms)) return true;
  // A criteria cell that says nothing ("", "—", "?", "n/a", "none", "TBD") is no way up.
  return tier.criteriaCell !== undefined && !isNonAnswer(tier.criteriaCell, vocabulary);
}

/**
 * Where the tiers are bought at a price (sponsor levels per month or year, a membership fee
 * column), the price is the way up. A price list may leave its top or bottom level unpriced
 * ("one exclusive sponsor, get in touch", "free community level") and still be one, as long as
 * three or more levels carry a price.
 */
function boughtAtAPrice(tiers: readonly Tier[]): boolean {
  const priced = tiers.filter((t) => t.priced).length;
  if (priced === tiers.length) return true;
  return priced >= 3 && tiers.every((t, i) => t.priced || i === 0 || i === tiers.length - 1);
}

/**
 * Graduation presupposes a ladder. Rows of a table named only by what the partners are (a table
 * of partner categories introduced as tiers) are not rungs, and levels bought at a price are
 * climbed by paying. A benefits matrix (the levels as columns, what each gets as rows) is a
 * comparison: the way up is written elsewhere, often on another page, so it is not judged. Nor
 * are tiers only named in a sentence ("four tiers: Bronze, Silver, Gold and Platinum"): with no
 * description of any tier there is nowhere a criterion could have been written.
 */
function isLadderToClimb(model: TierModel): boolean {
  return model.source !== 'columns' && model.source !== 'inline' && !model.tiers.every((t) => t.key.startsWith('cell:')) && !boughtAtAPrice(model.tiers);
}

/**
 * Policy, chosen to stay quiet unless the gap is plain:
 * - graduation wording anywhere outside the tier descriptions (a "Graduation path" section, a
 *   decision tree, an intro sentence) counts as a path for every ladder: nothing is reported;
 * - each ladder is judged on its own (a program may have several: an integrator ladder with
 *   entry requirements and a technology ladder with none);
 * - no tier of a ladder mentions graduation: one report, where the ladder is introduced (the
 *   heading the tiers sit under, a "Levels:" line, or the title);
 * - otherwise a step between two neighbouring tiers is missing only when neither of them says
 *   anything about moving up (the criteria may be written as the lower tier's exit or the
 *   higher tier's entry): one report per such step, on the second tier's name.
 */
export const tiersNoGraduationPath: Rule = {
  meta: ruleMeta({
    id: 'tiers-no-graduation-path',
    description: 'Every step between partner tiers needs criteria that say how a partner earns the next tier.',
    defaultSeverity: 'warning',
    checks: ['tiers'],
  }),
  check({ doc, vocabulary, report }) {
    // With several ladders, only those the document calls tiers or levels are judged: the others
    // are groupings recognised by their names (Tier 1 integrators as recruiting targets).
    const all = models(doc, vocabulary).tierLadders();
    const ladders = all.filter((l) => isLadderToClimb(l) && (all.length === 1 || l.introduced));
    if (ladders.length === 0) return;
    const terms = graduationTerms(vocabulary);
    const generic = terms.filter((t) => GENERIC_GRADUATION_TERMS.includes(t));
    const specific = terms.filter((t) => !GENERIC_GRADUATION_TERMS.includes(t));
    const tierNames = [...new Set(ladders.flatMap((l) => l.tiers.map(tierWord)).filter((w): w is string => w !== undefined))];

    const outside = itemsOutsideTiers(doc, ...ladders).map((i) => i.text);
    const headings = doc.sections
      .filter((s) => s !== doc.title && !ladders.some((l) => l.extents.some(([start, end]) => s.start >= start && s.start < end)))
      .map((s) => s.title);
    if ([...outside, ...headings].some((text) => saysHowToMoveUp(text, specific, generic, tierNames))) return;

    for (const model of ladders) {
      const covered = model.tiers.map((t) => describesGraduation(t, terms, vocabulary));
      if (!covered.some(Boolean)) {
        report({
          message: `None of these ${model.tiers.length} tiers says how a partner earns the next one. Write down what it takes to move up each step (for example a number of live joint customers, certified staff, or two quarters in the tier below).`,
          range: model.anchor ?? model.container?.headingRange ?? doc.title?.headingRange ?? model.tiers[0]!.range,
        });
        continue;
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
    }
  },
};
