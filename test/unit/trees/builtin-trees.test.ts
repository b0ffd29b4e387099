import * as assert from 'node:assert/strict';
import { BUILTIN_TREE_IDS, BUILTIN_TREE_SOURCES, allPaths, builtinTree, builtinTrees, evaluate, loadTree, reachableOutcomes, type DecisionTree } from '../../../src/trees';

type Answer = string | undefined;
type Expect = { outcome: string } | { missing: string };

/**
 * The framework's decision trees, written out independently of the YAML as plain conditionals:
 * what each combination of answers must give. `undefined` is an unanswered question. `questions`
 * maps each question to the answers it accepts, in the order offered.
 */
const YES_NO = ['yes', 'no'];
const FRAMEWORK: Record<string, { questions: Record<string, string[]>; decide(a: Record<string, Answer>): Expect }> = {
  'build-vs-partner': {
    questions: { 'core-differentiation': YES_NO, 'roadmap-delay-over-6-months': YES_NO, 'credible-partner-needs-us': YES_NO },
    decide(a) {
      if (!a['core-differentiation']) return { missing: 'core-differentiation' };
      if (a['core-differentiation'] === 'yes') return { outcome: 'build' };
      if (!a['roadmap-delay-over-6-months']) return { missing: 'roadmap-delay-over-6-months' };
      if (a['roadmap-delay-over-6-months'] === 'yes') return { outcome: 'partner' };
      if (!a['credible-partner-needs-us']) return { missing: 'credible-partner-needs-us' };
      return { outcome: a['credible-partner-needs-us'] === 'yes' ? 'partner' : 'build' };
    },
  },
  'partner-tier': {
    questions: { 'self-serve-engineering': YES_NO, 'marquee-logo': YES_NO },
    decide(a) {
      if (!a['self-serve-engineering']) return { missing: 'self-serve-engineering' };
      if (a['self-serve-engineering'] === 'yes') return { outcome: 'tier-1' };
      if (!a['marquee-logo']) return { missing: 'marquee-logo' };
      return { outcome: a['marquee-logo'] === 'yes' ? 'tier-3' : 'tier-2' };
    },
  },
  'continue-partnership': {
    questions: { 'crawl-met-criteria': YES_NO, 'walk-met-criteria': YES_NO },
    decide(a) {
      if (!a['crawl-met-criteria']) return { missing: 'crawl-met-criteria' };
      if (a['crawl-met-criteria'] === 'no') return { outcome: 'end' };
      if (!a['walk-met-criteria']) return { missing: 'walk-met-criteria' };
      return { outcome: a['walk-met-criteria'] === 'yes' ? 'run' : 'end-or-restart-crawl' };
    },
  },
  'ecosystem-model': {
    questions: { 'brand-damage-risk-high': YES_NO, 'can-scale-human-review': YES_NO },
    decide(a) {
      if (!a['brand-damage-risk-high']) return { missing: 'brand-damage-risk-high' };
      if (a['brand-damage-risk-high'] === 'yes') return { outcome: 'curated' };
      if (!a['can-scale-human-review']) return { missing: 'can-scale-human-review' };
      return { outcome: a['can-scale-human-review'] === 'yes' ? 'curated' : 'open' };
    },
  },
  // The qualification question, then the leverage hierarchy: requirement and economic leverage
  // are high (full partnership), competitive and customer moderate (light partnership, tested
  // first), co-marketing only low (not worth doing); no leverage at all means walking away.
  'leverage-qualification': {
    questions: {
      'what-happens-without-us': ['lose-certification', 'lose-some-customers', 'nothing-changes'],
      'leverage-type': ['economic', 'competitive', 'customer', 'co-marketing-only'],
    },
    decide(a) {
      const without = a['what-happens-without-us'];
      if (!without) return { missing: 'what-happens-without-us' };
      if (without === 'lose-certification') return { outcome: 'pursue-full-partnership' };
      if (without === 'nothing-changes') return { outcome: 'walk-away' };
      const leverage = a['leverage-type'];
      if (!leverage) return { missing: 'leverage-type' };
      if (leverage === 'economic') return { outcome: 'pursue-full-partnership' };
      if (leverage === 'competitive' || leverage === 'customer') return { outcome: 'test-light-partnership' };
      return { outcome: 'walk-away' };
    },
  },
  // The three decision criteria in the framework's order; the first "no" is what is missing.
  'partnership-or-handshake': {
    questions: { 'our-economic-commitment': YES_NO, 'partner-economic-commitment': YES_NO, 'both-lose-if-it-fails': YES_NO },
    decide(a) {
      if (!a['our-economic-commitment']) return { missing: 'our-economic-commitment' };
      if (a['our-economic-commitment'] === 'no') return { outcome: 'handshake-no-commitment-from-us' };
      if (!a['partner-economic-commitment']) return { missing: 'partner-economic-commitment' };
      if (a['partner-economic-commitment'] === 'no') return { outcome: 'handshake-no-commitment-from-partner' };
      if (!a['both-lose-if-it-fails']) return { missing: 'both-lose-if-it-fails' };
      return { outcome: a['both-lose-if-it-fails'] === 'yes' ? 'partnership' : 'handshake-nothing-at-stake' };
    },
  },
};

/** Every assignment of one of its answers, or nothing, to each question. */
function combinations(questions: Record<string, string[]>): Array<Record<string, Answer>> {
  let out: Array<Record<string, Answer>> = [{}];
  for (const [q, answers] of Object.entries(questions)) {
    out = out.flatMap((partial) => [...answers, undefined].map((v) => ({ ...partial, [q]: v })));
  }
  return out;
}

function recorded(a: Record<string, Answer>): Record<string, string> {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

describe('built-in decision trees', () => {
  it('are the six the framework describes, with fixed ids, in wizard order', () => {
    assert.deepEqual(builtinTrees().map((t) => t.id), [
      'build-vs-partner', 'partner-tier', 'continue-partnership', 'ecosystem-model', 'leverage-qualification', 'partnership-or-handshake',
    ]);
    assert.deepEqual([...BUILTIN_TREE_IDS], Object.keys(FRAMEWORK));
  });

  for (const id of BUILTIN_TREE_IDS) {
    describe(id, () => {
      const tree = builtinTree(id) as DecisionTree;
      const spec = FRAMEWORK[id]!;

      it('loads without a single problem, warnings included', () => {
        assert.deepEqual(loadTree(BUILTIN_TREE_SOURCES[id]).problems, []);
      });

      it('asks exactly the framework\'s questions with their answers, labels and hints', () => {
        assert.deepEqual(Object.keys(tree.questions), Object.keys(spec.questions));
        assert.equal(tree.start, Object.keys(spec.questions)[0]);
        for (const [qid, q] of Object.entries(tree.questions)) {
          assert.match(q.text, /\?$/);
          assert.ok(q.hint && q.hint.length > 20);
          assert.deepEqual(Object.keys(q.answers), spec.questions[qid]);
          if (spec.questions[qid] === YES_NO) {
            assert.equal(q.answers['yes']!.label, 'Yes');
            assert.equal(q.answers['no']!.label, 'No');
            assert.match(q.answers['yes']!.hint, /^Yes — /);
            assert.match(q.answers['no']!.hint, /^No — /);
          } else {
            for (const a of Object.values(q.answers)) assert.ok(a.label.length > 0 && a.hint.length > 20, a.label);
          }
        }
        for (const o of Object.values(tree.outcomes)) assert.ok(o.title.length > 0 && o.rationale.length > 40);
      });

      const all = combinations(spec.questions);
      it(`gives the framework's answer for all ${all.length} combinations of answers and unanswered questions`, () => {
        for (const answers of all) {
          const want = spec.decide(answers);
          const got = evaluate(tree, recorded(answers));
          const label = JSON.stringify(recorded(answers));
          if ('outcome' in want) {
            assert.equal(got.status, 'outcome', label);
            assert.equal(got.status === 'outcome' && got.outcome, want.outcome, label);
          } else {
            assert.equal(got.status, 'incomplete', label);
            assert.equal(got.status === 'incomplete' && got.missing, want.missing, label);
          }
        }
      });

      it('reaches every outcome, and each path is a valid record of its own', () => {
        const paths = allPaths(tree);
        assert.deepEqual(new Set(paths.map((p) => p.outcome)), new Set(Object.keys(tree.outcomes)));
        assert.deepEqual(reachableOutcomes(tree), new Set(Object.keys(tree.outcomes)));
        for (const p of paths) {
          const answers = Object.fromEntries(p.steps.map((s) => [s.question, s.answer]));
          assert.deepEqual(evaluate(tree, answers), { status: 'outcome', outcome: p.outcome, path: p.steps });
        }
      });
    });
  }

  it('number the paths as the framework draws them', () => {
    assert.deepEqual(builtinTrees().map((t) => allPaths(t).length), [4, 3, 3, 3, 6, 4]);
  });

  /** Each path as "question=answer > …" and the outcome it ends in. */
  const pathTable = (id: string) => allPaths(builtinTree(id)!).map((p) => [p.steps.map((s) => `${s.question}=${s.answer}`).join(' > '), p.outcome]);

  it('leverage-qualification: high leverage pursues, moderate tests light, low or none walks away', () => {
    assert.deepEqual(pathTable('leverage-qualification'), [
      ['what-happens-without-us=lose-certification', 'pursue-full-partnership'],
      ['what-happens-without-us=lose-some-customers > leverage-type=economic', 'pursue-full-partnership'],
      ['what-happens-without-us=lose-some-customers > leverage-type=competitive', 'test-light-partnership'],
      ['what-happens-without-us=lose-some-customers > leverage-type=customer', 'test-light-partnership'],
      ['what-happens-without-us=lose-some-customers > leverage-type=co-marketing-only', 'walk-away'],
      ['what-happens-without-us=nothing-changes', 'walk-away'],
    ]);
    const tree = builtinTree('leverage-qualification')!;
    assert.deepEqual(Object.keys(tree.outcomes), ['pursue-full-partnership', 'test-light-partnership', 'walk-away']);
    // Recorded by label, as people type them.
    const byLabel = evaluate(tree, { 'what-happens-without-us': 'They might lose some customers', 'leverage-type': 'customer demand' });
    assert.equal(byLabel.status === 'outcome' && byLabel.outcome, 'test-light-partnership');
  });

  it('partnership-or-handshake: the first missing element names the handshake', () => {
    assert.deepEqual(pathTable('partnership-or-handshake'), [
      ['our-economic-commitment=yes > partner-economic-commitment=yes > both-lose-if-it-fails=yes', 'partnership'],
      ['our-economic-commitment=yes > partner-economic-commitment=yes > both-lose-if-it-fails=no', 'handshake-nothing-at-stake'],
      ['our-economic-commitment=yes > partner-economic-commitment=no', 'handshake-no-commitment-from-partner'],
      ['our-economic-commitment=no', 'handshake-no-commitment-from-us'],
    ]);
    // Nothing committed by either side: our side is asked first, so that is what is named.
    const neither = evaluate(builtinTree('partnership-or-handshake')!, { 'our-economic-commitment': false, 'partner-economic-commitment': false, 'both-lose-if-it-fails': false });
    assert.equal(neither.status === 'outcome' && neither.outcome, 'handshake-no-commitment-from-us');
  });
});
