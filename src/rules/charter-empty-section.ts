import { ruleMeta, type Rule } from '../core/rule';
import { models, CHARTER_SECTIONS, CHARTER_SECTION_IDS, type CharterSectionId } from '../models';

/** What each section should say, for the message. */
const WHAT_TO_WRITE: Record<CharterSectionId, string> = {
  'mutual-goals': 'Write the outcome each side and your shared customers need, with numbers and dates.',
  'value-exchange': 'Write what each side puts in (people, money, distribution), with amounts.',
  timeline: 'Write the crawl, walk and run phases with their dates and go/no-go thresholds.',
  measurement: 'Write the metrics with their targets, where they are tracked and how often both sides review them.',
  governance: 'Write who decides on each side, how a dispute escalates and what would end the partnership.',
};

export const charterEmptySection: Rule = {
  meta: ruleMeta({
    id: 'charter-empty-section',
    description: 'Each of the five charter sections says something: not just a heading, placeholders or "TBD".',
    defaultSeverity: 'warning',
    checks: ['charter-sections'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const present = m.charterSections();
    for (const id of CHARTER_SECTION_IDS) {
      const section = present.get(id);
      if (!section || m.hasSubstance(section)) continue;
      const name = CHARTER_SECTIONS[id].name;
      const hasAnything = m.content(section).some((c) => /\S/.test(c.item.text)) || section.children.length > 0;
      const state = hasAnything ? 'has nothing filled in yet, only labels or placeholders' : 'is empty';
      report({ message: `The ${name} section ${state}. ${WHAT_TO_WRITE[id]}`, range: section.headingRange });
    }
  },
};
