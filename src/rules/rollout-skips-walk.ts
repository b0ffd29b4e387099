import { ruleMeta, type Rule } from '../core/rule';
import { models } from '../models';

/**
 * Crawl proves the joint offer with one or two customers; walk proves it with a wider group before
 * everyone gets it. A rollout that goes from crawl straight to run skips that proof: reported once,
 * on the run phase's label. A numbered phase between the two ("Phase 2: regional expansion") may
 * be a walk under another name, so then nothing is said.
 */
export const rolloutSkipsWalk: Rule = {
  meta: ruleMeta({
    id: 'rollout-skips-walk',
    description: 'A rollout that has a crawl and a run needs a walk between them: a wider group before full launch.',
    defaultSeverity: 'warning',
    checks: ['phases'],
  }),
  check({ doc, vocabulary, report }) {
    const phases = models(doc, vocabulary).phases();
    const crawl = phases.find((p) => p.kind === 'crawl');
    const run = phases.find((p) => p.kind === 'run');
    if (!crawl || !run || phases.some((p) => p.kind === 'walk')) return;
    if (run.labelStart < crawl.labelStart) return;
    const between = phases.some((p) => p.kind === 'other' && p.labelStart > crawl.labelStart && p.labelStart < run.labelStart);
    if (between) return;
    report({
      message: 'This rollout goes from the pilot (crawl) straight to full launch (run), with no walk phase between them. Add a walk: 8-12 weeks with a wider group of customers and its own go/no-go bar, so what worked for one or two pilot customers is proven at some scale before everyone gets it.',
      range: run.labelRange,
    });
  },
};
