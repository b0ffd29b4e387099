import { ruleMeta, type Rule } from '../core/rule';
import type { Range } from '../core/types';
import type { StrategyDocument } from '../core/document';
import { models } from '../models';

/** Sections where a reviewer looks for how a partnership ends. */
const GOVERNANCE_TITLE = /\b(?:governance|risks?|partner(?:ship)?\s+management|program\s+management|operating\s+model|steering)\b/i;

/**
 * The framework's seventh common mistake: no clear exit criteria. A partnership strategy that
 * never says when a partnership is ended, downgraded or not renewed is reported once: on a
 * re-evaluation it schedules with nothing to decide by, else on its governance or risks section,
 * else on its title.
 *
 * Only strategies: a charter's exit criteria belong in its Governance section
 * (governance-incomplete, charter-missing-section), and a rollout plan's exits are its go/no-go
 * gates (rollout-go-no-go-missing). A page written to prospective partners ("grow your
 * business") presents a program whose terms are in the agreement they sign; a text mostly in
 * another script cannot be read for English words: both are left alone.
 */
export const exitCriteriaMissing: Rule = {
  meta: ruleMeta({
    id: 'exit-criteria-missing',
    description: 'A partnership strategy says when a partnership is ended, downgraded or not renewed.',
    defaultSeverity: 'warning',
    checks: ['exit-provisions'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const voice = m.voice();
    if (!voice.latinScript || voice.addressesReader) return;
    const exits = m.exitProvisions();
    if (exits.provisions.length > 0) return;
    const review = exits.openReviews[0];
    if (review) {
      report({
        message: 'This re-evaluation has nothing to decide by, and nothing else in the strategy says when a partnership is ended or downgraded. Say what result keeps the arrangement going and what ends it (for example "fewer than 3 deals in 9 months ends the reseller terms"), and how much notice either side gives.',
        range: doc.index.rangeOf(review.start, review.end),
      });
      return;
    }
    report({
      message: 'Nothing in this strategy says when a partnership is ended, downgraded or not renewed. Write the exit criteria down before launch: what failure looks like (a missed go/no-go bar, a revenue minimum missed two quarters running), what follows (demotion, non-renewal, termination) and how much notice either side gives.',
      range: anchor(doc),
    });
  },
};

/** The governance or risks heading, else the title, else the first line. */
function anchor(doc: StrategyDocument): Range {
  const section = doc.sections.find((s) => s !== doc.title && GOVERNANCE_TITLE.test(s.title));
  if (section) return section.headingRange;
  if (doc.title) return doc.title.headingRange;
  return doc.index.rangeOf(0, Math.max(0, doc.text.indexOf('\n')));
}
