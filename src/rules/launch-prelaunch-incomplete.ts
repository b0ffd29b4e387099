import { ruleMeta, type Rule } from '../core/rule';
import { models } from '../models';

/** How each missing item is named in the message, in checklist order. */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  valueProp: 'a joint value proposition both marketing teams have reviewed',
  caseStudy: 'a customer case study (ideally two or three candidates)',
  integration: 'the technical integration validated, so launch day brings no bugs',
  salesEnablement: 'sales enablement (one-pager, deck, demo)',
  support: 'support trained on both sides to handle the tickets',
};

/**
 * The framework's co-marketing checklist has five things ready 4-6 weeks before launch: a joint
 * value proposition, a case study, the integration validated, sales enablement, support trained.
 * A launch plan whose pre-launch section (with something written in it) leaves some of them out,
 * and does not plan them anywhere else before launch week, is reported once, on that heading,
 * with the list of what is missing. A plan with no pre-launch section is not judged here.
 */
export const launchPrelaunchIncomplete: Rule = {
  meta: ruleMeta({
    id: 'launch-prelaunch-incomplete',
    description: 'A partner launch plan readies the joint value proposition, a case study, the validated integration, sales enablement and trained support before launch.',
    defaultSeverity: 'warning',
    checks: ['launch-phases'],
  }),
  check({ doc, vocabulary, report }) {
    const plan = models(doc, vocabulary).launchPlan();
    if (!plan.preLaunch) return;
    const missing = plan.preLaunchMissing;
    if (missing.length === 0) return;
    const names = missing.map((id) => ITEM_NAMES[id] ?? id);
    const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join('; ')}; and ${names[names.length - 1]!}`;
    report({
      message: `The pre-launch plan leaves out ${list}. Add ${missing.length === 1 ? 'it' : 'them'} with an owner and a date 4-6 weeks before launch, so the partner's teams are ready when the announcement goes out.`,
      range: plan.preLaunch.headingRange,
    });
  },
};
