import { ruleMeta, type Rule } from '../core/rule';
import type { RelatedInformation } from '../core/types';
import { models, type VanityPitch } from '../models';

/** Other exposure pitches given as related information, at most. */
const MAX_RELATED = 5;

/**
 * The framework's sixth common mistake: pursuing partnerships for vanity, when a brand name or a
 * logo on someone's page does not bring customers. Reported only where the text itself makes
 * exposure the reason: a sentence offers visibility, brand recognition or a logo placement as what
 * the partnership brings, and nothing real stands beside it. In a tier model, that is when every
 * tier gives only logo placements, listings and mentions; elsewhere, when tiers (if any) give no
 * more and nothing in the text names an integration, customers, revenue, costs or a requirement.
 * Reported once, on the first such sentence's exposure words; the others, and the tiers, are
 * related information.
 */
export const partnershipForVanity: Rule = {
  meta: ruleMeta({
    id: 'partnership-for-vanity',
    description: 'The reason given for the partnership is exposure, brand or a logo placement, with nothing that brings customers beside it.',
    defaultSeverity: 'warning',
    checks: ['tiers'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    // A post announcing a partnership reports it; why to partner is the plan's question.
    if (m.publishedPost()) return;
    const { pitches, namesOtherReason, visibilityOnlyTiers } = m.vanity();
    if (pitches.length === 0) return;
    // Tiers that give support, discounts, access or a voice are a real reason beside the exposure.
    if (m.tiers() && !visibilityOnlyTiers) return;
    // What a tier model's tiers give is its whole offer. Anywhere else (a strategy, which may hold
    // a sponsor ladder beside its real partnerships), exposure is the reason only when nothing in
    // the text names another: an integration, customers, revenue, costs, a requirement.
    const tierOffer = visibilityOnlyTiers !== undefined && doc.kind === 'partner-tiering';
    if (!tierOffer && namesOtherReason) return;

    const [first, ...rest] = pitches;
    const place = (p: VanityPitch) => doc.index.rangeOf(p.exposure.start, p.exposure.end);
    const related: RelatedInformation[] = rest.slice(0, MAX_RELATED).map((p) => ({ message: `Exposure again as the reason: "${p.exposure.text.trim()}"`, range: place(p) }));
    if (visibilityOnlyTiers) {
      const ladder = visibilityOnlyTiers.tiers;
      related.push({
        message: `What the ${ladder.length} tiers give: logo placements, listings and mentions, nothing else`,
        range: { start: ladder[0]!.range.start, end: doc.index.rangeOf(ladder[ladder.length - 1]!.start, ladder[ladder.length - 1]!.end).end },
      });
    }
    const offer = tierOffer
      ? 'and every tier gives only a logo placement, a listing or a mention'
      : 'and nothing else in the document names a reason that brings customers';
    report({
      message: `The case for this partnership is exposure ("${first!.exposure.text.trim()}"), ${offer}. Visibility and a brand name do not bring customers: say what the partner gets that changes its business (an integration, customers it can reach, revenue, support, a say in the roadmap), or do not sell it as a partnership.`,
      range: place(first!),
      ...(related.length > 0 ? { relatedInformation: related } : {}),
    });
  },
};
