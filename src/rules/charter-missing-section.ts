import { ruleMeta, type Rule } from '../core/rule';
import type { TextEdit } from '../core/types';
import { blankLineBefore } from '../core/text';
import { type StrategyDocument, type Section } from '../core/document';
import type { RuleContext } from '../core/rule';
import { models, charterPrompts, CHARTER_SECTIONS, CHARTER_SECTION_IDS, type CharterSectionId, type Models } from '../models';

/**
 * Where to insert a missing section so the five stay in canonical order: before the next
 * canonical section that exists, else after the previous one, else at the end of the document.
 */
function insertionFor(doc: StrategyDocument, missing: CharterSectionId, present: ReadonlyMap<CharterSectionId, Section>, partnerName: string | undefined): TextEdit {
  const eol = doc.index.eol;
  const order = CHARTER_SECTION_IDS.indexOf(missing);
  const existing = [...present.values()];
  const level = existing[0]?.pseudo === false ? existing[0].depth : Math.min(6, (doc.title?.depth ?? 1) + 1);
  const block = [`${'#'.repeat(level)} ${CHARTER_SECTIONS[missing].name}`, '', ...charterPrompts(missing, partnerName)].join(eol);

  const next = CHARTER_SECTION_IDS.slice(order + 1).map((id) => present.get(id)).find((s) => s !== undefined);
  if (next) {
    const at = doc.index.positionAt(next.start);
    return { range: { start: at, end: at }, newText: block + eol + eol };
  }
  const previous = CHARTER_SECTION_IDS.slice(0, order).reverse().map((id) => present.get(id)).find((s) => s !== undefined);
  const offset = previous ? previous.end : doc.text.length;
  const at = doc.index.positionAt(offset);
  const lead = blankLineBefore(doc.text.slice(0, offset), eol);
  const trail = offset < doc.text.length ? eol + eol : eol;
  return { range: { start: at, end: at }, newText: lead + block + trail };
}

export const charterMissingSection: Rule = {
  meta: ruleMeta({
    id: 'charter-missing-section',
    description: 'A partnership charter needs all five sections: Mutual Goals, Value Exchange, Timeline, Measurement and Governance.',
    defaultSeverity: 'warning',
    checks: ['charter-sections'],
    fixable: true,
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const present = m.charterSections();
    // An agreement, MOU or partnership page in its own form, with at most one of the five
    // sections, is not a charter missing sections: what it never addresses, under any heading, is.
    if (!m.charterShaped()) {
      concernsNeverAddressed(doc, m, report);
      return;
    }
    const anchor = doc.title?.headingRange ?? doc.index.lineRange(0);
    for (const id of CHARTER_SECTION_IDS) {
      if (present.has(id)) continue;
      const name = CHARTER_SECTIONS[id].name;
      report({
        message: `This charter has no ${name} section. ${WHY[id]}`,
        range: anchor,
        fix: { title: `Add a ${name} section`, edits: [insertionFor(doc, id, present, m.parties().partner[0])] },
      });
    }
  },
};

const WHY: Record<CharterSectionId, string> = {
  'mutual-goals': 'Say what success looks like for you, for the partner and for shared customers.',
  'value-exchange': 'Say what each side gives, in amounts, so both sides have something real at stake.',
  timeline: 'Lay out crawl, walk and run phases with dates, deliverables and metrics.',
  measurement: 'Name the metrics, where they are tracked and how often both sides review them.',
  governance: 'Name who decides on each side, how disputes escalate, and what would end the partnership.',
};

/**
 * An agreement in its own form is held to the framework's concerns, not its outline: each one its
 * text never addresses at all is reported once, on the title. Measurement: nothing to judge the
 * partnership by. Timeline: no dates, term, phases or milestones, asked of what is titled as an
 * agreement, MOU, working group or engagement (a page describing a standing collaboration is not
 * asked for dates). Governance: nobody named to run it, no escalation and nothing on how it ends
 * (when part of that is there, governance-incomplete names the rest). What each side puts in is
 * economic-commitment-missing's.
 *
 * Not for a post or a page announcing a partnership (it reports what was agreed), standard
 * program terms (the legal frame of many partnerships, not the charter of one), or a text mostly
 * in another script.
 */
function concernsNeverAddressed(doc: StrategyDocument, m: Models, report: RuleContext['report']): void {
  if (doc.kind !== 'partnership-charter' || m.publishedPost() || !m.voice().latinScript) return;
  const covered = m.agreementCoverage();
  if (covered.standardTerms || covered.announcement) return;
  const range = doc.title?.headingRange ?? doc.index.lineRange(0);
  if (!covered.measure) {
    const reviews = covered.review ? ' It plans reviews of progress, but nothing to review against.' : '';
    report({
      message: `Nothing here says how the partnership will be measured: no metric, target or figure for what it should achieve.${reviews} Name two or three metrics with targets, and when both sides review them.`,
      range,
    });
  }
  if (covered.undertaking && !covered.timeline) {
    report({
      message: 'Nothing here says when the work happens: no dates, term, phases or milestones. Give it a start and an end, or a first phase with a length and what it must deliver before both sides commit more.',
      range,
    });
  }
  const { owners, escalation, exit } = covered;
  if (owners.sides === 'none' && !escalation && !exit) {
    report({
      message: 'Nothing here says who runs the partnership: no owner or contact on either side, no escalation path, nothing on what would end it. Name a decision owner on each side, who settles disagreements, and what ends the partnership.',
      range,
    });
  }
}
