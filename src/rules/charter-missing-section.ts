import { ruleMeta, type Rule } from '../core/rule';
import type { TextEdit } from '../core/types';
import { blankLineBefore } from '../core/text';
import { type StrategyDocument, type Section } from '../core/document';
import { models, charterPrompts, CHARTER_SECTIONS, CHARTER_SECTION_IDS, type CharterSectionId } from '../models';

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
    // An agreement, MOU or announcement in its own form, with at most one of the five sections, is
    // not a charter missing sections: its gaps are for the content rules to name.
    if (!m.charterShaped()) return;
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
