import * as assert from 'node:assert/strict';
import { BUILTIN_TREE_IDS, BUILTIN_TREE_SOURCES, allPaths, builtinTree, builtinTrees, evaluate, loadTree, reachableOutcomes, type DecisionTree } from '../../../src/trees';

type Answer = 'yes' | 'no' | undefined;
type Expect = { outcome: string } | { missing: string };

/**
 * The framework's decision trees, written out independently of the YAML as plain conditionals:
 * what each combination of answers must give. `undefined` is an unanswered question.
 */
const FRAMEWORK: Record<string, { questions: string[]; decide(a: Record<string, Answer>): Expect }> = {
  'build-vs-partner': {
    questions: ['core-differentiation', 'roadmap-delay-over-6-months', 'credible-partner-needs-us'],
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
    questions: ['self-serve-engineering', 'marquee-logo'],
    decide(a) {
      if (!a['self-serve-engineering']) return { missing: 'self-serve-engineering' };
      if (a['self-serve-engineering'] === 'yes') return { outcome: 'tier-1' };
      if (!a['marquee-logo']) return { missing: 'marquee-logo' };
      return { outcome: a['marquee-logo'] === 'yes' ? 'tier-3' : 'tier-2' };
    },
  },
  'continue-partnership': {
    questions: ['crawl-met-criteria', 'walk-met-criteria'],
    decide(a) {
      if (!a['crawl-met-criteria']) return { missing: 'crawl-met-criteria' };
      if (a['crawl-met-criteria'] === 'no') return { outcome: 'end' };
      if (!a['walk-met-criteria']) return { missing: 'walk-met-criteria' };
      return { outcome: a['walk-met-criteria'] === 'yes' ? 'run' : 'end-or-restart-crawl' };
    },
  },
  'ecosystem-model': {
    questions: ['brand-damage-risk-high', 'can-scale-human-review'],
    decide(a) {
      if (!a['brand-damage-risk-high']) return { missing: 'brand-damage-risk-high' };
      if (a['brand-damage-risk-high'] === 'yes') return { outcome: 'curated' };
      if (!a['can-scale-human-review']) return { missing: 'can-scale-human-review' };
      return { outcome: a['can-scale-human-review'] === 'yes' ? 'curated' : 'open' };
    },
  },
};

/** Every assignment of yes, no or nothing to each question. */
function combinations(questions: string[]): Array<Record<string, Answer>> {
  let out: Array<Record<string, Answer>> = [{}];
  for (const q of questions) {
    out = out.flatMap((partial) => (['yes', 'no', undefined] as Answer[]).map((v) => ({ ...partial, [q]: v })));
  }
  return out;
}

function recorded(a: Record<string, Answer>): Record<string, string> {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

describe('built-in decision trees', () => {
  it('are the four the framework describes, with fixed ids, in wizard order', () => {
    assert.deepEqual(builtinTrees().map((t) => t.id), ['build-vs-partner', 'partner-tier', 'continue-partnership', 'ecosystem-model']);
    assert.deepEqual([...BUILTIN_TREE_IDS], Object.keys(FRAMEWORK));
  });

  for (const id of BUILTIN_TREE_IDS) {
    describe(id, () => {
      const tree = builtinTree(id) as DecisionTree;
      const spec = FRAMEWORK[id]!;

      it('loads without a single problem, warnings included', () => {
        assert.deepEqual(loadTree(BUILTIN_TREE_SOURCES[id]).problems, []);
      });

      it('asks exactly the framework\'s questions, each a yes/no question with labels and hints', () => {
        assert.deepEqual(Object.keys(tree.questions), spec.questions);
        assert.equal(tree.start, spec.questions[0]);
        for (const q of Object.values(tree.questions)) {
          assert.match(q.text, /\?$/);
          assert.ok(q.hint && q.hint.length > 20);
          assert.deepEqual(Object.keys(q.answers), ['yes', 'no']);
          assert.equal(q.answers['yes']!.label, 'Yes');
          assert.equal(q.answers['no']!.label, 'No');
          assert.match(q.answers['yes']!.hint, /^Yes — /);
          assert.match(q.answers['no']!.hint, /^No — /);
        }
        for (const o of Object.values(tree.outcomes)) assert.ok(o.title.length > 0 && o.rationale.length > 40);
      });

      const all = combinations(spec.questions);
      it(`gives the framework's answer for all ${all.length} combinations of yes, no and unanswered`, () => {
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
    assert.deepEqual(builtinTrees().map((t) => allPaths(t).length), [4, 3, 3, 3]);
  });
});
