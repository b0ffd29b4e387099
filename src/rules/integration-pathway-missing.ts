import { ruleMeta, type Rule } from '../core/rule';
import { models } from '../models';

/**
 * Launching without an integration pathway: the text plans a launch, general availability or
 * go-live of a joint technical offering (an integration, a marketplace listing or app, a joint
 * solution) and nowhere says how the two products connect (an API, SDK, connector, plugin,
 * embedded component, data sync, SSO…). Reported once, on the first sentence that plans the
 * launch. A document that only sells together (co-sell, referral or reseller programs) plans no
 * technical launch and is never asked; neither is a published post about a partnership.
 */
export const integrationPathwayMissing: Rule = {
  meta: ruleMeta({
    id: 'integration-pathway-missing',
    description: 'A plan that launches a joint integration, marketplace listing or solution must say how the products connect: API, SDK, connector, plugin, data sync, SSO.',
    defaultSeverity: 'warning',
    checks: ['integration-pathway'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const launch = m.jointLaunch();
    if (!launch || launch.pathwaySaid) return;
    if (m.publishedPost()) return;
    report({
      message: 'This plans the launch of a joint offering but never says how the two products connect. Write down the integration pathway before launch: what connects them (an API, SDK, connector, plugin, embedded component, data sync or single sign-on), which side builds and maintains it, and how it is validated with a customer.',
      range: launch.range,
    });
  },
};
