import { ruleMeta, type Rule } from '../core/rule';
import type { TextEdit } from '../core/types';
import type { TextIndex } from '../core/text';
import { models, hasCommitmentQuantity, inSection, type Clause } from '../models';

/** A sentence that spells out the one before it: "That means 2 engineers for 5 months." */
const ELABORATION = /^\s*(?:this|that|it|these|those|which|i\.e\.?|specifically|concretely|namely|in total|in all|in practice)\b/i;

/** What the suggestion adds to an unquantified commitment, for the author to fill in. */
export const QUANTITY_PROMPT = ' ([how much], [for how long])';

/** Either of the suggestion's prompts, still unfilled: adding them again would only stack them. */
const PROMPT_LEFT = /\[how much\]|\[for how long\]/i;

/**
 * A commitment without an amount, a count, a percentage or a period cannot be held to. A
 * commitment is a sentence in which a commitment word reaches an economic term ("We will
 * dedicate engineering resources"), anywhere in the charter; in Value Exchange, an economic term
 * under a commitment ("We commit:", "What we give") is one too.
 */
export const commitmentUnquantified: Rule = {
  meta: ruleMeta({
    id: 'commitment-unquantified',
    description: 'A commitment of people, money or credits must say how much and for how long.',
    defaultSeverity: 'warning',
    checks: ['commitments'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const valueExchange = m.charterSections().get('value-exchange');
    const text = m.commitments();
    const reported = new Set<Clause>();
    for (const clause of text.clauses) {
      let terms = text.economicCommitment(clause, false);
      if (terms.length === 0 && ((inSection(valueExchange, clause.start) && clause.context.some((c) => text.commitmentWords(c).length > 0)) || text.inCommitmentColumn(clause))) {
        terms = text.economicCommitment(clause, true);
      }
      if (terms.length === 0) continue;
      // A cell under "Mitigation" is a promise of its own: the rest of its row (the risk, its
      // date) says nothing of how much is promised. It often lists several measures ("a
      // dedicated team, weekly status calls"): each needs its own amount.
      if (text.inCommitmentColumn(clause)) {
        const cell = text.slice(clause);
        const unquantified = terms.filter((t) => {
          const at = t.start - clause.start;
          const from = Math.max(cell.lastIndexOf(',', at), cell.lastIndexOf(';', at)) + 1;
          const ends = [cell.indexOf(',', at), cell.indexOf(';', at)].filter((i) => i >= 0);
          return !hasCommitmentQuantity(cell.slice(from, ends.length > 0 ? Math.min(...ends) : cell.length));
        });
        if (unquantified.length === 0) continue;
        terms = unquantified;
      } else if (hasCommitmentQuantity(text.slice(clause.scope))) continue;
      // "We will dedicate engineers to the build. That is 3 engineers for 4 months." and "We will
      // dedicate engineers; 3 of them for 4 months" are quantified.
      const next = clause.next;
      if (next && hasCommitmentQuantity(next.text)) {
        if (clause.text.endsWith(';') ? text.commitmentWords(next).length === 0 : ELABORATION.test(next.text)) continue;
      }
      const what = terms.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a)).text;
      reported.add(clause);
      report({
        message: `"${what}" is promised without an amount or a period. Say how much and for how long (for example "3 engineers for 4 months" or "a $200K credit pool through 2027"), so both sides can hold each other to it.`,
        range: doc.index.rangeOf(clause.start, clause.end),
        // Once the prompts are in the sentence, placeholder-left asks for them to be filled in.
        ...(PROMPT_LEFT.test(doc.text.slice(clause.start, clause.end))
          ? {}
          : { suggestions: [{ title: 'Add placeholders for how much and for how long', edits: [quantityPrompt(doc.index, clause)] }] }),
      });
    }
    // Rewards offered with no rate or amount ("Performance bonuses for top partners"): once per
    // top-level section, on the first, with the others as related information.
    for (const group of m.unquantifiedRewards()) {
      const rewards = group.rewards.filter((r) => !reported.has(r.clause));
      if (rewards.length === 0) continue;
      const [first, ...rest] = rewards;
      const more = rest.length === 0 ? '' : ` (and ${rest.length} more in this section: ${quoteList(rest.map((r) => r.name))})`;
      report({
        message: first!.kind === 'funding'
          ? `"${first!.name}" says who pays but not how much${more}. Say what each funder puts in and over what period, for example "$150K over 12 months", so both sides know what the work can count on.`
          : first!.kind === 'budget'
          ? `The work is promised a ${first!.name.toLowerCase()}${more}, but nothing here says how much it is. Write the amount and the period for each piece of work, for example "$60K for the first 4 months", or say where the budget is kept.`
          : `"${first!.name}"${more} is offered without a rate or an amount. Put a number on each, for example "10% of first-year revenue on registered deals" or "a $5K bonus per certified engineer", so partners know what they earn and both sides can hold to it.`,
        range: doc.index.rangeOf(first!.clause.start, first!.clause.end),
        relatedInformation: rest.map((r) => ({ message: `"${r.name}" has no rate or amount either`, range: doc.index.rangeOf(r.clause.start, r.clause.end) })),
      });
    }
  },
};

/** Up to three names, quoted: "a", "b", "c" and 2 others. */
function quoteList(names: string[]): string {
  const shown = names.slice(0, 3).map((n) => `"${n}"`).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} others` : shown;
}

/** Inserts the prompt before the sentence's closing full stop, so the sentence still reads as one. */
function quantityPrompt(index: TextIndex, clause: Clause): TextEdit {
  const last = clause.text[clause.text.length - 1];
  const at = index.positionAt(last === '.' || last === '!' || last === ';' ? clause.end - 1 : clause.end);
  return { range: { start: at, end: at }, newText: QUANTITY_PROMPT };
}
