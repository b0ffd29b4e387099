import { ruleMeta, type Rule, type RuleContext } from '../core/rule';
import type { StrategyDocument } from '../core/document';
import { models, EXTERNAL_TERMS_WORDS, inSection, type Models, type Side } from '../models';

/**
 * Value Exchange must show each side putting something economic in: spend, engineering time,
 * revenue share, credits, headcount. Each commitment is credited to the side that gives it (its
 * subject, its bold lead-in, the item or heading it sits under); one whose giver cannot be told
 * is credited to both sides, so the rule only speaks when it is sure. Commitments written in
 * other sections count too, when a commitment word reaches an economic term.
 */
export const economicCommitmentMissing: Rule = {
  meta: ruleMeta({
    id: 'economic-commitment-missing',
    description: 'Value Exchange must name an economic commitment from each side: spend, engineering time, revenue share, credits or headcount.',
    defaultSeverity: 'warning',
    checks: ['commitments'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const valueExchange = m.charterSections().get('value-exchange');
    if (!valueExchange) {
      handshakeInItsOwnForm(doc, m, report);
      return;
    }
    const text = m.commitments();
    // An empty section is another rule's business; economics kept in another document are out of sight.
    if (text.clausesIn(valueExchange).length === 0) return;
    if (text.has(EXTERNAL_TERMS_WORDS, { start: valueExchange.contentStart, end: valueExchange.end })) return;

    const credited = new Set<Side>();
    for (const clause of text.clauses) {
      const terms = text.economicCommitment(clause, inSection(valueExchange, clause.start));
      if (terms.length === 0) continue;
      const giver = terms.every((t) => text.isJointTerm(t)) ? 'both' : text.giver(clause);
      if (giver === 'ours' || giver === 'partner') {
        credited.add(giver);
      } else {
        credited.add('ours');
        credited.add('partner');
      }
      if (credited.size === 2) return;
    }

    if (doc.kind === 'partnership-strategy') {
      // A program strategy: its economics section is the value exchange. Said only when it is
      // one-sided: we put something in and the partners put in nothing.
      if (credited.has('ours') && !credited.has('partner')) {
        report({
          message: `"${valueExchange.title}" sets out the economics, but nothing in this strategy has partners put anything economic in: only your side commits. Until partners co-invest, fund, staff or guarantee something, with amounts, these are handshakes, not partnerships.`,
          range: valueExchange.headingRange,
        });
      }
      return;
    }
    if (!credited.has('ours')) {
      report({
        message: 'Value Exchange names no economic commitment from your side. Until you put in something real (engineering time, spend, revenue share, credits or headcount, with amounts), this is a handshake, not a partnership.',
        range: valueExchange.headingRange,
      });
    }
    if (!credited.has('partner')) {
      const who = text.names.partnerName ?? 'the partner';
      report({
        message: `Value Exchange names no economic commitment from ${who}. Until ${who} puts in something real (co-investment, credits, funds, headcount or a revenue guarantee, with amounts), this is a handshake, not a partnership.`,
        range: valueExchange.headingRange,
      });
    }
  },
};

/**
 * An agreement, MOU or partnership page in its own form (not written to the charter's outline,
 * so without a Value Exchange section to ask): when nothing anywhere in it has either side put
 * anything economic in (no economic term at all, promised or not), or it says each side bears
 * its own costs and nothing commits anything, it describes a handshake. Reported once, on the title. Not for a post
 * announcing a partnership, a text mostly in another script (an English word list cannot show an
 * absence there), or one that keeps its economics in another document (an order form, a
 * statement of work).
 */
function handshakeInItsOwnForm(doc: StrategyDocument, m: Models, report: RuleContext['report']): void {
  if (doc.kind !== 'partnership-charter' || m.charterShaped() || m.publishedPost() || !m.voice().latinScript) return;
  const text = m.commitments();
  if (text.has(EXTERNAL_TERMS_WORDS, { start: 0, end: doc.text.length })) return;
  const covered = m.agreementCoverage();
  const range = doc.title?.headingRange ?? doc.index.lineRange(0);
  // "Each party bears its own costs" says it in so many words, when nothing commits anything and
  // no money changes hands.
  if (covered.ownCosts && !covered.economicCommitment && !covered.paymentMention) {
    report({
      message: 'This says each side bears its own costs, and nothing in it commits spend, engineering time, revenue share, credits or headcount. As written this is a handshake, not a partnership; say what each side puts in, with amounts.',
      range,
    });
    return;
  }
  // Money, staff or credits mentioned at all, promised or not ("hiring a dedicated engineer"), are
  // for the other readings (commitment-unquantified): "nothing here" must be true of the whole text.
  if (!covered.economicMention) {
    report({
      message: 'Nothing here has either side put anything economic in: no spend, engineering time, revenue share, credits or headcount. As written this is a handshake, not a partnership; say what each side commits, with amounts.',
      range,
    });
  }
}
