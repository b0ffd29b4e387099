import { ruleMeta, type Rule } from '../core/rule';
import { models } from '../models';

/**
 * Ghosting after launch: a strategy or rollout that plans a launch (its run phase: launch, general
 * availability, scale) and then never says when both sides meet again. Any recurring touchpoint
 * anywhere in the text settles it (a quarterly business review, a monthly check-in, a health
 * review, a steering group on a cadence, including a governance cadence that covers partners).
 * Reported once, on the run phase's label. A plan with no launch phase is not asked.
 */
export const postLaunchTouchpointsMissing: Rule = {
  meta: ruleMeta({
    id: 'post-launch-touchpoints-missing',
    description: 'A strategy or rollout that plans a launch needs recurring touchpoints with partners after it: business reviews, check-ins, health reviews.',
    defaultSeverity: 'warning',
    checks: ['touchpoints'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    if (m.publishedPost()) return;
    const run = m.phases().find((p) => p.kind === 'run');
    if (!run) return;
    if (m.hasRecurringTouchpoint()) return;
    report({
      message: `This plan launches (${run.name}) and then says nothing about meeting partners again. Partnerships that are ghosted after launch go quiet: book recurring touchpoints for after it, such as a monthly check-in with each partner and a quarterly business review with both sponsors, with a health review of adoption, pipeline and support issues.`,
      range: run.labelRange,
    });
  },
};
