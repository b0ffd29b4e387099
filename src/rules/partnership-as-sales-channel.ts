import { ruleMeta, type Rule } from '../core/rule';
import { models } from '../models';

/**
 * The framework's first common mistake: partnerships treated as a sales channel, not platform
 * expansion. Reported once, on the first statement that hands selling to partners ("instead of
 * direct sales", "partners handle sales") in a section that says nothing about what partners add
 * to the product (an integration, a connector, a joint solution). Reselling in itself is not
 * reported: only a text that makes selling the partners' whole role.
 */
export const partnershipAsSalesChannel: Rule = {
  meta: ruleMeta({
    id: 'partnership-as-sales-channel',
    description: 'A partnership strategy says what partners add to the product, not only that they sell it.',
    defaultSeverity: 'warning',
    checks: ['partner-roles'],
  }),
  check({ doc, vocabulary, report }) {
    const framing = models(doc, vocabulary).salesFramings().find((f) => !f.namesContribution);
    if (!framing) return;
    report({
      message: `"${framing.text}" hands selling to partners, and nothing in this section says what they add to the product. Say what each kind of partner brings to what the product does (an integration, a connector, a joint solution built together), so the program expands the platform and not only who buys it.`,
      range: doc.index.rangeOf(framing.start, framing.end),
    });
  },
};
