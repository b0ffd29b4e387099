import * as assert from 'node:assert/strict';
import { startWizard, answer, back, acceptDefaults, questionScreen, outcomeScreen, builtinTree, builtinTrees, allPaths, maxDepth, readRecordAnswers, renderDecisionRecord, answersFromPath, type DecisionTree, type WizardState, type WizardStep } from '../../../src/trees';

/** The state as "step N of M: question [default]", for compact assertions. */
function where(state: WizardState): string {
  if (state.done) return `done: ${state.outcome}`;
  return `${state.stepNumber}/${state.totalSteps} ${state.questionId}${state.defaultAnswer ? ` [${state.defaultAnswer}]` : ''}`;
}

function step(state: WizardState): WizardStep {
  assert.equal(state.done, false, where(state));
  return state as WizardStep;
}

/** A tree whose paths differ in length: short (1), long (3), and a shortcut past q2 (2). */
const UNEVEN: DecisionTree = {
  id: 'uneven',
  title: 'Uneven?',
  description: 'Paths of different lengths.',
  start: 'q1',
  questions: {
    q1: { text: 'First?', answers: { short: { label: 'Short', hint: 'ends now', outcome: 'end' }, long: { label: 'Long', hint: 'the long way', next: 'q2' }, skip: { label: 'Skip', hint: 'straight to the last', next: 'q3' } } },
    q2: { text: 'Second?', answers: { yes: { label: 'Yes', hint: 'Yes — on', next: 'q3' }, no: { label: 'No', hint: 'No — stop', outcome: 'end' } } },
    q3: { text: 'Third?', answers: { yes: { label: 'Yes', hint: 'Yes — done', outcome: 'end' }, no: { label: 'No', hint: 'No — done', outcome: 'other' } } },
  },
  outcomes: { end: { title: 'End', rationale: 'r' }, other: { title: 'Other', rationale: 'r' } },
};

describe('decision wizard', () => {
  const bvp = builtinTree('build-vs-partner')!;
  const leverage = builtinTree('leverage-qualification')!;

  it('starts at the first question, step 1 of the longest path', () => {
    const s = startWizard(bvp);
    assert.equal(where(s), '1/3 core-differentiation');
    assert.equal(s.question, bvp.questions['core-differentiation']);
    assert.deepEqual(s.path, []);
    assert.deepEqual(s.choices.map((c) => [c.id, c.label, c.preselected]), [['yes', 'Yes', false], ['no', 'No', false]]);
    assert.deepEqual(s.choices.map((c) => c.outcome ?? `→ ${c.next}`), ['build', '→ roadmap-delay-over-6-months']);
    for (const tree of builtinTrees()) assert.equal(startWizard(tree).totalSteps, maxDepth(tree), tree.id);
  });

  it('numbers steps as steps taken plus the most questions left', () => {
    let s: WizardState = startWizard(UNEVEN);
    assert.equal(where(s), '1/3 q1');
    assert.equal(where(answer(step(s), 'short')), 'done: end');
    assert.equal(where(answer(step(s), 'skip')), '2/2 q3');
    s = answer(step(s), 'long');
    assert.equal(where(s), '2/3 q2');
    s = answer(step(s), 'yes');
    assert.equal(where(s), '3/3 q3');
    s = answer(step(s), 'no');
    assert.equal(where(s), 'done: other');
    assert.deepEqual(s.path, [{ question: 'q1', answer: 'long' }, { question: 'q2', answer: 'yes' }, { question: 'q3', answer: 'no' }]);
  });

  it('walks a three-answer question, then a four-answer one, to each outcome the tree gives', () => {
    const s = startWizard(leverage);
    assert.equal(where(s), '1/2 what-happens-without-us');
    assert.deepEqual(s.choices.map((c) => c.id), ['lose-certification', 'lose-some-customers', 'nothing-changes']);
    assert.equal(where(answer(s, 'lose-certification')), 'done: pursue-full-partnership');
    assert.equal(where(answer(s, 'nothing-changes')), 'done: walk-away');
    const type = step(answer(s, 'lose-some-customers'));
    assert.equal(where(type), '2/2 leverage-type');
    assert.deepEqual(type.choices.map((c) => `${c.id}→${c.outcome}`), ['economic→pursue-full-partnership', 'competitive→test-light-partnership', 'customer→test-light-partnership', 'co-marketing-only→walk-away']);
    for (const tree of builtinTrees()) {
      for (const path of allPaths(tree)) {
        let state: WizardState = startWizard(tree);
        for (const { answer: a } of path.steps) state = answer(step(state), a);
        assert.equal(where(state), `done: ${path.outcome}`, tree.id);
      }
    }
  });

  it('goes back to the previous question with its answer kept as the default', () => {
    const first = startWizard(bvp);
    const second = step(answer(first, 'no'));
    const backed = back(second)!;
    assert.equal(where(backed), '1/3 core-differentiation [no]');
    assert.deepEqual(backed.choices.map((c) => c.preselected), [false, true]);
    assert.deepEqual(backed.path, []);
    assert.equal(back(first), undefined, 'nothing before the first question');
    // Back from the end returns to the last question asked, its answer kept.
    const done = answer(second, 'yes');
    assert.equal(where(back(done)!), '2/3 roadmap-delay-over-6-months [yes]');
    assert.deepEqual(back(done)!.path, [{ question: 'core-differentiation', answer: 'no' }]);
  });

  it('remembers answers past a change of mind: going back and forward offers them again', () => {
    let s: WizardState = startWizard(bvp);
    s = answer(step(s), 'no');
    s = answer(step(s), 'no');
    assert.equal(where(s), '3/3 credible-partner-needs-us');
    s = back(back(s)!)!;
    assert.equal(where(s), '1/3 core-differentiation [no]');
    s = answer(step(s), 'no');
    assert.equal(where(s), '2/3 roadmap-delay-over-6-months [no]');
  });

  it('offers a recorded decision\'s answers as default picks, matched as the rules match them', () => {
    const record = readRecordAnswers('---\ntype: decision-record\ntree: build-vs-partner\nanswers:\n  core-differentiation: No\n  roadmap-delay-over-6-months: false\n  credible-partner-needs-us: maybe\n  not-a-question: yes\noutcome: build\n---\n# x\n')!;
    const s = startWizard(bvp, record.answers);
    assert.equal(where(s), '1/3 core-differentiation [no]');
    assert.deepEqual(s.remembered, { 'core-differentiation': 'no', 'roadmap-delay-over-6-months': 'no' });
    const next = step(answer(s, s.defaultAnswer!));
    assert.equal(where(next), '2/3 roadmap-delay-over-6-months [no]');
    // "maybe" is not an answer, so the third question comes without a default.
    assert.equal(where(answer(next, 'no')), '3/3 credible-partner-needs-us');
    // Overriding a default is always possible.
    assert.equal(where(answer(s, 'yes')), 'done: build');
  });

  it('re-runs a rendered record to the same outcome by accepting every default', () => {
    for (const tree of builtinTrees()) {
      for (const path of allPaths(tree)) {
        const text = renderDecisionRecord({ tree, answers: answersFromPath(path.steps), date: '2026-11-02' });
        const done = acceptDefaults(startWizard(tree, readRecordAnswers(text)!.answers));
        assert.equal(where(done), `done: ${path.outcome}`);
        assert.deepEqual(done.path, path.steps);
      }
    }
    assert.equal(where(acceptDefaults(startWizard(bvp, { 'core-differentiation': 'no' }))), '2/3 roadmap-delay-over-6-months');
    assert.equal(where(acceptDefaults(startWizard(bvp))), '1/3 core-differentiation');
  });

  it('accepts an answer by label, and refuses one the question does not have', () => {
    const s = startWizard(leverage);
    assert.equal(where(answer(s, 'Nothing really changes for them')), 'done: walk-away');
    assert.throws(() => answer(s, 'maybe'), /no answer "maybe"/);
    assert.throws(() => answer(s, 'constructor'), /no answer/);
  });

  it('never changes a state: every step is a new frozen object', () => {
    const s = startWizard(bvp, { 'core-differentiation': 'no' });
    const snapshot = JSON.stringify({ ...s, tree: undefined, question: undefined });
    const next = step(answer(s, 'no'));
    answer(next, 'yes');
    back(next);
    assert.equal(JSON.stringify({ ...s, tree: undefined, question: undefined }), snapshot);
    for (const state of [s, next, answer(next, 'yes')]) {
      assert.ok(Object.isFrozen(state));
      assert.ok(Object.isFrozen(state.path) && state.path.every((p) => Object.isFrozen(p)));
      assert.ok(Object.isFrozen(state.remembered));
      if (!state.done) assert.ok(Object.isFrozen(state.choices) && state.choices.every((c) => Object.isFrozen(c)));
    }
    assert.throws(() => (s.path as unknown as unknown[]).push({}), TypeError);
  });

  it('refuses a tree that is not usable', () => {
    const looping: DecisionTree = { ...UNEVEN, questions: { ...UNEVEN.questions, q3: { text: 'Third?', answers: { yes: { label: 'Yes', hint: 'h', next: 'q1' }, no: { label: 'No', hint: 'h', outcome: 'end' } } } } };
    assert.throws(() => startWizard(looping), /not usable.*leads back/);
    assert.throws(() => startWizard({ ...UNEVEN, start: 'nope' }), /not usable/);
  });
});

describe('decision wizard screens', () => {
  it('puts every question of every built-in tree in the title, whole, with the step, and its hint in full on the About button', () => {
    for (const tree of builtinTrees()) {
      for (const question of Object.values(tree.questions)) {
        const screen = questionScreen({ tree, question, stepNumber: 2, totalSteps: 3 });
        assert.ok(screen.title.endsWith(question.text), screen.title);
        assert.match(screen.title, /step 2 of 3/);
        assert.ok(!screen.placeholder.includes(question.text), 'the question is not left in the placeholder, which is cut');
        assert.ok(screen.placeholder.length <= 60, screen.placeholder);
        if (question.hint) assert.equal(screen.about, question.hint.replace(/\s+/g, ' ').trim());
        else assert.equal(screen.about, undefined);
      }
    }
  });

  it('shows an outcome\'s title in the title and its whole rationale on the About button', () => {
    const screen = outcomeScreen('Build or partner?', { title: 'Partner', rationale: 'A long reason\nover two lines.' });
    assert.equal(screen.title, 'Build or partner? — Partner');
    assert.equal(screen.about, 'A long reason over two lines.');
  });
});
