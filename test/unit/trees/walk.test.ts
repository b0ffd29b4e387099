import * as assert from 'node:assert/strict';
import { allPaths, answerId, evaluate, maxDepth, reachableOutcomes, builtinTree, type DecisionTree } from '../../../src/trees';

/** A tree with a three-answer question, as the later leverage qualification tree will have. */
const LEVERAGE: DecisionTree = {
  id: 'leverage-qualification',
  title: 'How much leverage do we have?',
  description: 'What happens to the partner without us.',
  start: 'without-us',
  questions: {
    'without-us': {
      text: 'If we do not partner, what happens to them?',
      answers: {
        'lose-certification': { label: 'They lose a certification', hint: 'Requirement leverage', outcome: 'pursue' },
        'lose-customers': { label: 'They might lose customers', hint: 'Moderate leverage', next: 'can-test' },
        nothing: { label: 'Nothing changes', hint: 'No leverage', outcome: 'walk-away' },
      },
    },
    'can-test': {
      text: 'Can we test it cheaply first?',
      answers: {
        yes: { label: 'Yes', hint: 'Yes — a light pilot', outcome: 'test-first' },
        no: { label: 'No', hint: 'No — it needs full investment', outcome: 'walk-away' },
      },
    },
  },
  outcomes: {
    pursue: { title: 'Pursue', rationale: 'x' },
    'test-first': { title: 'Test first', rationale: 'x' },
    'walk-away': { title: 'Walk away', rationale: 'x' },
  },
};

describe('evaluate: walking a tree with recorded answers', () => {
  const bvp = builtinTree('build-vs-partner')!;

  it('stops at the first outcome and ignores questions the path never reaches', () => {
    const r = evaluate(bvp, { 'core-differentiation': 'yes', 'credible-partner-needs-us': 'maybe' });
    assert.deepEqual(r, { status: 'outcome', outcome: 'build', path: [{ question: 'core-differentiation', answer: 'yes' }] });
  });

  it('names the first unanswered question on the path, with the path so far', () => {
    const r = evaluate(bvp, { 'core-differentiation': 'no', 'credible-partner-needs-us': 'yes' });
    assert.deepEqual(r, { status: 'incomplete', missing: 'roadmap-delay-over-6-months', path: [{ question: 'core-differentiation', answer: 'no' }] });
  });

  it('treats blank and null answers as unanswered', () => {
    assert.equal(evaluate(bvp, { 'core-differentiation': '  ' }).status, 'incomplete');
    assert.equal(evaluate(bvp, { 'core-differentiation': null }).status, 'incomplete');
    assert.equal(evaluate(bvp, {}).status, 'incomplete');
  });

  it('reports an answer the question does not allow', () => {
    assert.deepEqual(evaluate(bvp, { 'core-differentiation': 'no', 'roadmap-delay-over-6-months': 'maybe' }), {
      status: 'invalid-answer', question: 'roadmap-delay-over-6-months', answer: 'maybe', path: [{ question: 'core-differentiation', answer: 'no' }],
    });
    assert.equal(evaluate(bvp, { 'core-differentiation': ['yes'] }).status, 'invalid-answer');
  });

  it('accepts answers in any case, by label, and YAML booleans for yes/no questions', () => {
    const q = bvp.questions['core-differentiation']!;
    assert.equal(answerId(q, 'Yes'), 'yes');
    assert.equal(answerId(q, ' NO '), 'no');
    assert.equal(answerId(q, true), 'yes');
    assert.equal(answerId(q, false), 'no');
    assert.equal(answerId(q, 'y'), undefined);
    assert.equal(answerId(LEVERAGE.questions['without-us']!, 'nothing changes'), 'nothing');
    assert.equal(answerId(LEVERAGE.questions['without-us']!, true), undefined);
  });

  it('does not mistake inherited object properties for questions or answers', () => {
    assert.equal(evaluate(bvp, JSON.parse('{"constructor": "yes", "core-differentiation": "toString"}')).status, 'invalid-answer');
  });

  it('walks questions with more than two answers', () => {
    assert.equal(evaluate(LEVERAGE, { 'without-us': 'lose-certification' }).status, 'outcome');
    assert.deepEqual(evaluate(LEVERAGE, { 'without-us': 'lose-customers', 'can-test': 'yes' }), {
      status: 'outcome', outcome: 'test-first', path: [{ question: 'without-us', answer: 'lose-customers' }, { question: 'can-test', answer: 'yes' }],
    });
    assert.deepEqual(allPaths(LEVERAGE).map((p) => p.outcome), ['pursue', 'test-first', 'walk-away', 'walk-away']);
    assert.equal(maxDepth(LEVERAGE), 2);
    assert.deepEqual(reachableOutcomes(LEVERAGE, 'can-test'), new Set(['test-first', 'walk-away']));
  });

  it('refuses a tree that loops instead of walking forever', () => {
    const looping: DecisionTree = {
      ...LEVERAGE,
      questions: { ...LEVERAGE.questions, 'can-test': { text: 'x?', answers: { yes: { label: 'Yes', hint: 'h', next: 'without-us' }, no: { label: 'No', hint: 'h', outcome: 'pursue' } } } },
    };
    assert.throws(() => evaluate(looping, { 'without-us': 'lose-customers', 'can-test': 'yes' }), /loops/);
  });
});
