import { ruleMeta, type Rule } from '../core/rule';
import { answerId, answerText, evaluate, isUnanswered } from '../trees/walk';
import {
  models, availableTrees, findTree, BUILD_QUESTIONS, type BuildQuestion, isEmptyValue, orList, recordedAnswers, shapeName, type Field,
} from '../models';

/**
 * A decision record carries its tree's answers in front matter so the decision can be re-checked.
 * This rule makes sure there is something to check: a known tree, answers that are allowed, and
 * an answer to every question on the way from the tree's first question to an outcome. Questions
 * the path never reaches need no answer.
 */
export const decisionAnswersMissing: Rule = {
  meta: ruleMeta({
    id: 'decision-answers-missing',
    description: 'A decision record names its decision tree and answers every question the tree asks on the way to an outcome.',
    defaultSeverity: 'warning',
    checks: ['decision'],
    options: { trees: { type: 'array', items: { type: 'object' }, description: 'Extra decision trees (in the tree file format) that records may name; one with a built-in id replaces it.' } },
  }),
  check({ doc, vocabulary, options, report }) {
    const m = models(doc, vocabulary);
    const record = m.decisionRecord();
    // Only records that declare themselves with `type:` are held to the front matter format. A
    // build-or-partner decision written in its own form is held to the tree's questions instead:
    // it should at least raise each of them.
    if (!record || !record.type) {
      // Front matter that tries to be a record (or does not parse) is frontmatter-invalid's.
      const fm = doc.frontMatter;
      if (fm && (fm.yaml.errors.length > 0 || /^[ \t]*(?:type|tree|answers|outcome)[ \t]*:/m.test(doc.text.slice(fm.contentStart, fm.contentEnd)))) return;
      const unasked = m.buildDecision().unasked;
      if (unasked.length === 0 || m.template() && unasked.length === BUILD_QUESTIONS.length) return;
      report({
        message: `${unaskedOpening(unasked)} Weigh ${unasked.length === 1 ? 'it' : 'them'} in the text, or run PartnerLint: Run Decision Tree… (build-vs-partner) and keep the answers in front matter so they are checked again.`,
        range: doc.title?.headingRange ?? doc.index.lineRange(0),
      });
      return;
    }
    const trees = availableTrees(options);
    const lineOf = (field: Field) => doc.index.rangeOf(field.keyStart, Math.max(field.keyEnd, field.valueEnd));

    if (isEmptyValue(record.tree)) {
      report({
        message: `This decision record does not say which decision tree it follows, so its answers cannot be checked. Add a tree: line naming one of ${orList([...trees.keys()])}.`,
        range: lineOf(record.tree ?? record.type),
      });
      return;
    }
    const treeField = record.tree!;
    const found = findTree(trees, treeField.data);
    if (!found) {
      const what = typeof treeField.data === 'string' || typeof treeField.data === 'number'
        ? `PartnerLint has no decision tree called "${String(treeField.data).trim()}".`
        : `The tree: line should name one decision tree, not ${shapeName(treeField.value)}.`;
      report({
        message: `${what} Name one of ${orList([...trees.keys()])}.`,
        range: doc.index.rangeOf(treeField.valueStart, treeField.valueEnd),
      });
      return;
    }
    const tree = found.tree;

    const answers = recordedAnswers(record);
    if (answers.shape === 'other') {
      report({
        message: `Write the answers as one "question: answer" line each under answers:, not as ${shapeName(record.answers!.value)}.`,
        range: doc.index.rangeOf(record.answers!.valueStart, record.answers!.valueEnd),
      });
      return;
    }

    for (const { question, field } of answers.entries) {
      if (!Object.hasOwn(tree.questions, question) || isUnanswered(field.data)) continue;
      const q = tree.questions[question]!;
      if (answerId(q, field.data) !== undefined) continue;
      report({
        message: `"${answerText(field.data)}" is not an answer to "${q.text}" Answer ${orList(Object.keys(q.answers))}.`,
        range: doc.index.rangeOf(field.valueStart, field.valueEnd),
      });
    }

    const result = evaluate(tree, answers.values);
    if (result.status !== 'incomplete') return;
    const q = tree.questions[result.missing]!;
    const blank = answers.entries.find((e) => e.question === result.missing);
    const strays = answers.entries.map((e) => e.question).filter((id) => !Object.hasOwn(tree.questions, id));
    const stray = strays.length === 0 ? '' : ` (${orList(strays, 'and')} ${strays.length === 1 ? 'is not a question' : 'are not questions'} of this tree.)`;
    const opening = result.path.length === 0 ? `This record does not answer the first question of the ${tree.id} tree, "${q.text}"` : `These answers stop short of an outcome: the ${tree.id} tree next asks "${q.text}"`;
    report({
      message: `${opening} Record ${result.missing}: ${orList(Object.keys(q.answers))} under answers.${stray}`,
      range: lineOf(blank?.field ?? record.answers ?? treeField),
    });
  },
};

/** What each build-vs-partner question asks, in a decision's own terms. */
const ASKS: Record<BuildQuestion, string> = {
  'core-differentiation': 'whether the capability is part of what makes your product different',
  'roadmap-delay': 'whether building it would hold the rest of the roadmap back by more than six months',
  'credible-partner-needs-us': 'whether a credible partner also needs something from you',
};

function unaskedOpening(unasked: readonly BuildQuestion[]): string {
  const asks = unasked.map((q) => ASKS[q]);
  const list = asks.length === 1 ? asks[0]! : `${asks.slice(0, -1).join(', ')} or ${asks[asks.length - 1]}`;
  const why = unasked.includes('credible-partner-needs-us')
    ? ' Without a partner who needs you too, the partner option is a purchase or a handshake, not a partnership.'
    : '';
  return `This build-or-partner decision never asks ${list}.${why}`;
}
