import { ruleMeta, type Rule } from '../core/rule';
import type { Fix } from '../core/types';
import type { StrategyDocument } from '../core/document';
import type { DecisionTree } from '../trees/types';
import { evaluate, reachableOutcomes } from '../trees/walk';
import {
  models, availableTrees, findTree, innerValueRange, isEmptyValue, orList, recordedAnswers, resolveOutcome,
  type DecisionRecord,
} from '../models';

function outcomeName(tree: DecisionTree, id: string): string {
  return `"${tree.outcomes[id]!.title}"`;
}

/** Replaces exactly the recorded outcome value, or fills in an empty one. */
function replaceOutcome(doc: StrategyDocument, record: DecisionRecord, id: string): Fix | undefined {
  const field = record.outcome!;
  if (!isEmptyValue(field)) {
    const { start, end } = innerValueRange(field);
    return { title: `Change the outcome to ${id}`, edits: [{ range: doc.index.rangeOf(start, end), newText: id }] };
  }
  if (field.valueEnd > field.valueStart) {
    // A quoted empty value ("" or ''): put the id between the quotes.
    const { start, end } = innerValueRange(field);
    return { title: `Record the outcome ${id}`, edits: [{ range: doc.index.rangeOf(start, end), newText: id }] };
  }
  const at = field.valueStart;
  const before = doc.text[at - 1] === ':' ? ' ' : '';
  const after = doc.text[at] === '#' ? ' ' : '';
  return { title: `Record the outcome ${id}`, edits: [{ range: doc.index.rangeOf(at, at), newText: before + id + after }] };
}

/** Adds an `outcome:` line at the end of block-style front matter. */
function insertOutcome(doc: StrategyDocument, record: DecisionRecord, id: string): Fix | undefined {
  if (record.map.flow) return undefined;
  const at = record.contentEnd;
  if (at === 0 || !/[\r\n]$/.test(doc.text.slice(0, at))) return undefined;
  return { title: `Record the outcome ${id}`, edits: [{ range: doc.index.rangeOf(at, at), newText: `outcome: ${id}${doc.index.eol}` }] };
}

/**
 * The recorded outcome must be the one the tree gives for the recorded answers: a record that
 * says "partner" while its own answers say "build" has either a wrong answer or a wrong
 * decision, and readers cannot tell which.
 */
export const decisionContradictsTree: Rule = {
  meta: ruleMeta({
    id: 'decision-contradicts-tree',
    description: 'The outcome a decision record states is the one its decision tree gives for the recorded answers.',
    defaultSeverity: 'error',
    checks: ['decision'],
    fixable: true,
    options: { trees: { type: 'array', items: { type: 'object' }, description: 'Extra decision trees (in the tree file format) that records may name; one with a built-in id replaces it.' } },
  }),
  check({ doc, vocabulary, options, report }) {
    const record = models(doc, vocabulary).decisionRecord();
    if (!record || !record.type || isEmptyValue(record.tree)) return;
    const found = findTree(availableTrees(options), record.tree!.data);
    if (!found) return;
    const tree = found.tree;
    const answers = recordedAnswers(record);
    if (answers.shape === 'other') return;
    const result = evaluate(tree, answers.values);
    const recorded = record.outcome && !isEmptyValue(record.outcome) ? record.outcome : undefined;

    if (result.status === 'outcome') {
      const expected = result.outcome;
      if (!recorded) {
        const fix = record.outcome ? replaceOutcome(doc, record, expected) : insertOutcome(doc, record, expected);
        const anchor = record.outcome ?? record.answers ?? record.tree!;
        report({
          message: `These answers lead to ${outcomeName(tree, expected)}, but the record does not state an outcome. Record outcome: ${expected} so readers see the decision.`,
          range: doc.index.rangeOf(anchor.keyStart, Math.max(anchor.keyEnd, anchor.valueEnd)),
          ...(fix ? { fix } : {}),
        });
        return;
      }
      if (typeof recorded.data !== 'string' && typeof recorded.data !== 'number') return;
      if (resolveOutcome(tree, recorded.data) === expected) return;
      const { start, end } = innerValueRange(recorded);
      report({
        message: `The recorded answers lead to ${outcomeName(tree, expected)}, not "${String(recorded.data).trim()}". Change the outcome to ${expected}, or revisit the answer that no longer holds.`,
        range: doc.index.rangeOf(start, end),
        fix: replaceOutcome(doc, record, expected)!,
      });
      return;
    }

    // Answers still missing: the outcome is only wrong when no remaining path can reach it.
    if (result.status !== 'incomplete' || !recorded) return;
    const stated = resolveOutcome(tree, recorded.data);
    if (stated === undefined) return;
    const possible = reachableOutcomes(tree, result.missing);
    if (possible.has(stated)) return;
    const { start, end } = innerValueRange(recorded);
    report({
      message: `Whatever the remaining answers, the recorded ones cannot lead to ${stated} in the ${tree.id} tree; they can only lead to ${orList([...possible])}. Revisit the answers or the outcome.`,
      range: doc.index.rangeOf(start, end),
    });
  },
};
