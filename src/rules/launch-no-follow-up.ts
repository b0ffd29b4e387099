import { ruleMeta, type Rule } from '../core/rule';
import type { TextEdit } from '../core/types';
import type { StrategyDocument, Section } from '../core/document';
import { models } from '../models';

/** The follow-ups the fix adds, one checklist line each. */
const FOLLOW_UP_ITEMS = [
  '- [ ] Adoption tracked every week on a dashboard both teams can see (invited, active and retained joint customers)',
  '- [ ] Support issues triaged together in a shared channel, with a named owner on each side',
  '- [ ] Case study published with measured results from an early joint customer',
  '- [ ] Pipeline impact measured: deals the partnership sourced or influenced',
  '- [ ] Quarterly business review booked with both executive sponsors',
];

const HEADING = 'Post-launch (weeks 2-8)';

/** Lists the follow-ups under an existing, empty post-launch heading. */
function fillSection(doc: StrategyDocument, section: Section): TextEdit {
  const eol = doc.index.eol;
  const at = doc.index.positionAt(section.contentStart);
  return { range: { start: at, end: at }, newText: eol + eol + FOLLOW_UP_ITEMS.join(eol) };
}

/** Appends a post-launch section at the end, at the level of the plan's other phases. */
function appendSection(doc: StrategyDocument, sibling: Section | undefined): TextEdit {
  const eol = doc.index.eol;
  const level = sibling && !sibling.pseudo ? sibling.depth : Math.min(6, (doc.title?.depth ?? 1) + 1);
  const block = [`${'#'.repeat(level)} ${HEADING}`, '', ...FOLLOW_UP_ITEMS].join(eol);
  const text = doc.text;
  // Line breaks already ending the text (a CRLF is one break, not two).
  let tail = text.length;
  while (tail > 0 && /\s/.test(text[tail - 1]!)) tail--;
  const breaks = (text.slice(tail).replace(/\r\n?/g, '\n').match(/\n/g) ?? []).length;
  const lead = tail === 0 ? '' : eol.repeat(Math.max(0, 2 - breaks));
  const at = doc.index.positionAt(text.length);
  return { range: { start: at, end: at }, newText: lead + block + eol };
}

/**
 * A launch plan has follow-up when it has a post-launch section with something in it, or when
 * it already mentions any of the post-launch follow-ups (adoption tracking, support triage, a
 * business review, a case study with results, pipeline impact) anywhere. Only a plan with none
 * of these is reported, and only once it describes a launch (a skeleton with just a title is
 * left alone).
 */
export const launchNoFollowUp: Rule = {
  meta: ruleMeta({
    id: 'launch-no-follow-up',
    description: 'A partner launch plan needs follow-up for the weeks after launch: adoption, support, results, pipeline and a business review.',
    defaultSeverity: 'warning',
    checks: ['launch-phases'],
    fixable: true,
  }),
  check({ doc, vocabulary, report }) {
    const plan = models(doc, vocabulary).launchPlan();
    if (!plan.describesLaunch) return;
    if (plan.postLaunchWritten) return;
    if (plan.followUps.size > 0) return;
    const edit = plan.postLaunch
      ? fillSection(doc, plan.postLaunch)
      : appendSection(doc, plan.launchWeek ?? plan.preLaunch);
    report({
      message: 'This plan stops at launch: nothing follows up in the weeks after it. Add a post-launch plan for weeks 2-8 that tracks adoption, triages support issues together, publishes a case study with results, measures pipeline impact and books a quarterly business review.',
      range: plan.postLaunch?.headingRange ?? plan.launchWeek?.headingRange ?? doc.title?.headingRange ?? doc.index.lineRange(0),
      fix: { title: 'Add a post-launch follow-up checklist', edits: [edit] },
    });
  },
};
