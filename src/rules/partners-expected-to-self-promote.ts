import { ruleMeta, type Rule } from '../core/rule';
import { models } from '../models';

/**
 * The framework's third common mistake: expecting partners to promote themselves. A strategy that
 * asks partners to sell or promote ("resellers will market the bundle", a reseller program) and
 * gives them nothing to do it with (no templates, training, co-marketing, MDF, partner manager,
 * sales or marketing support) is reported once: on a statement that their support will be thin,
 * when there is one, else on the first ask.
 */
export const partnersExpectedToSelfPromote: Rule = {
  meta: ruleMeta({
    id: 'partners-expected-to-self-promote',
    description: 'A strategy that asks partners to sell or promote gives them templates, enablement and support to do it with.',
    defaultSeverity: 'warning',
    checks: ['partner-roles'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    if (!m.voice().latinScript) return;
    const reading = m.enablement();
    if (reading.asks.length === 0 || reading.provided.length > 0) return;
    const disclaimer = reading.disclaimers[0];
    const at = disclaimer ?? reading.asks[0]!;
    const lead = disclaimer
      ? `This strategy asks partners to sell or promote, says "${disclaimer.text}", and gives them nothing to do it with.`
      : `This strategy asks partners to sell or promote ("${at.text}") and gives them nothing to do it with.`;
    report({
      message: `${lead} Provide what the framework's co-marketing checklist names: a joint value proposition, a one-pager, deck and demo, training for their sales team, co-marketing templates and a named contact for support.`,
      range: doc.index.rangeOf(at.start, at.end),
    });
  },
};
