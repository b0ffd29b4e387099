import * as assert from 'node:assert/strict';
import { findCustomTrees, findWorkspaceRoot, isCustomTreePath, customTreeRoot, builtinTree, MAX_TREE_FILES } from '../../../src/trees';
import { MemoryHost, treeYaml } from './tree-helpers';
import { withCustomTrees, TREE_OPTION_RULES } from '../../../src/core/lint-file';
import { lintText, DEFAULT_CONFIG } from '../../../src/core';
import { decisionAnswersMissing } from '../../../src/rules/decision-answers-missing';
import { decisionContradictsTree } from '../../../src/rules/decision-contradicts-tree';

describe('custom decision trees', () => {
  it('loads every .yaml and .yml file in .partnerlint/trees, in name order, and nothing else', async () => {
    const host = new MemoryHost({
      '/ws/.partnerlint/trees/b-vendor.yaml': treeYaml('vendor-risk'),
      '/ws/.partnerlint/trees/a-hosting.yml': treeYaml('hosting-choice'),
      '/ws/.partnerlint/trees/notes.md': '# not a tree',
      '/ws/.partnerlint/trees/sub/c.yaml': treeYaml('nested'),
      '/ws/.partnerlint/trees/.hidden.yaml': treeYaml('hidden'),
      '/ws/docs/x.md': '# x',
    });
    const found = await findCustomTrees('/ws', host);
    assert.deepEqual(found.trees.map((t) => t.id), ['hosting-choice', 'vendor-risk']);
    assert.deepEqual(found.files.map((f) => f.path), ['/ws/.partnerlint/trees/a-hosting.yml', '/ws/.partnerlint/trees/b-vendor.yaml']);
    assert.ok(found.files.every((f) => f.problems.length === 0 && f.tree !== undefined && f.text.startsWith('id: ')));
  });

  it('returns nothing, without throwing, when there is no trees folder or it cannot be read', async () => {
    assert.deepEqual(await findCustomTrees('/ws', new MemoryHost({ '/ws/a.md': '' })), { trees: [], files: [] });
    assert.deepEqual(await findCustomTrees('/ws/', new MemoryHost({}, new Set(['/ws/.partnerlint/trees']))), { trees: [], files: [] });
  });

  it('keeps broken files with their problems and offsets, and leaves their trees out', async () => {
    const text = treeYaml('vendor-risk').replace('outcome: avoid }', 'outcome: avoided }');
    const found = await findCustomTrees('/ws', new MemoryHost({ '/ws/.partnerlint/trees/vendor.yaml': text, '/ws/.partnerlint/trees/bad.yaml': 'id: [' }));
    assert.deepEqual(found.trees, []);
    const [bad, vendor] = found.files;
    assert.equal(bad!.problems[0]!.code, 'yaml-syntax');
    assert.equal(vendor!.tree, undefined);
    const p = vendor!.problems.find((x) => x.code === 'unknown-outcome')!;
    assert.equal(text.slice(p.range!.start, p.range!.end), 'avoided');
  });

  it('reports a file that cannot be read instead of throwing', async () => {
    const host = new MemoryHost({ '/ws/.partnerlint/trees/a.yaml': treeYaml('a-tree'), '/ws/.partnerlint/trees/b.yaml': treeYaml('b-tree') }, new Set(['/ws/.partnerlint/trees/a.yaml']));
    const found = await findCustomTrees('/ws', host);
    assert.deepEqual(found.trees.map((t) => t.id), ['b-tree']);
    assert.equal(found.files[0]!.problems[0]!.code, 'unreadable-file');
    assert.match(found.files[0]!.problems[0]!.message, /could not read.*permission denied/);
  });

  it('uses the first file for an id and reports the second on its id', async () => {
    const second = treeYaml('vendor-risk', 'other-question');
    const found = await findCustomTrees('/ws', new MemoryHost({ '/ws/.partnerlint/trees/a.yaml': treeYaml('vendor-risk'), '/ws/.partnerlint/trees/b.yaml': second }));
    assert.deepEqual(found.trees.map((t) => t.start), ['vendor-certified']);
    const p = found.files[1]!.problems[0]!;
    assert.equal(p.code, 'duplicate-id');
    assert.equal(p.severity, 'error');
    assert.match(p.message, /already used by a\.yaml/);
    assert.equal(second.slice(p.range!.start, p.range!.end), 'vendor-risk');
  });

  it('reads at most MAX_TREE_FILES files from one folder', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < MAX_TREE_FILES + 5; i++) files[`/ws/.partnerlint/trees/t${String(i).padStart(4, '0')}.yaml`] = treeYaml(`t${i}`);
    const found = await findCustomTrees('/ws', new MemoryHost(files));
    assert.equal(found.files.length, MAX_TREE_FILES);
  });

  it('recognises tree file paths and their workspace root', () => {
    assert.ok(isCustomTreePath('/ws/.partnerlint/trees/vendor.yaml'));
    assert.ok(isCustomTreePath('.partnerlint/trees/vendor.YML'));
    assert.ok(!isCustomTreePath('/ws/.partnerlint/trees/sub/vendor.yaml'));
    assert.ok(!isCustomTreePath('/ws/trees/vendor.yaml'));
    assert.ok(!isCustomTreePath('/ws/.partnerlint.yaml'));
    assert.equal(customTreeRoot('/ws/app/.partnerlint/trees/vendor.yaml'), '/ws/app');
    assert.equal(customTreeRoot('/.partnerlint/trees/vendor.yaml'), '/');
    assert.equal(customTreeRoot('.partnerlint/trees/vendor.yaml'), '.');
    assert.equal(customTreeRoot('/ws/notes.md'), undefined);
  });

  describe('findWorkspaceRoot', () => {
    const host = new MemoryHost({
      '/ws/.partnerlint.yaml': 'rules: {}',
      '/ws/app/.partnerlint/trees/a.yaml': treeYaml('a-tree'),
      '/ws/app/docs/deep/x.md': '',
      '/ws/lib/docs/y.md': '',
      '/other/z.md': '',
    });
    it('is the nearest folder with a .partnerlint folder or configuration file', async () => {
      assert.equal(await findWorkspaceRoot('/ws/app/docs/deep', host, '/cwd'), '/ws/app');
      assert.equal(await findWorkspaceRoot('/ws/lib/docs', host, '/cwd'), '/ws');
      assert.equal(await findWorkspaceRoot('/ws/', host, '/cwd'), '/ws');
    });
    it('falls back when nothing marks a root, and stops where told', async () => {
      assert.equal(await findWorkspaceRoot('/other', host, '/cwd'), '/cwd');
      assert.equal(await findWorkspaceRoot('/ws/lib/docs', host, '/cwd', '/ws/lib'), '/cwd');
    });
    it('looks past folders it cannot read', async () => {
      const failing = new MemoryHost({ '/ws/.partnerlint.yml': '' }, new Set(['/ws/a/.partnerlint', '/ws/a/.partnerlint.yaml']));
      assert.equal(await findWorkspaceRoot('/ws/a', failing, '/cwd'), '/ws');
    });
  });

  describe('withCustomTrees', () => {
    const record = (tree: string, answers: string, outcome: string) =>
      `---\ntype: decision-record\ntree: ${tree}\nanswers:\n${answers}\noutcome: ${outcome}\n---\n# Decision\n`;

    it('gives the decision rules the trees, so records may name them', async () => {
      const { trees } = await findCustomTrees('/ws', new MemoryHost({ '/ws/.partnerlint/trees/v.yaml': treeYaml('vendor-risk') }));
      const text = record('vendor-risk', '  vendor-certified: yes', 'rely');
      const rules = [decisionAnswersMissing, decisionContradictsTree];
      assert.match(lintText(text, rules, DEFAULT_CONFIG).diagnostics[0]!.message, /no decision tree called "vendor-risk"/);
      const config = withCustomTrees(DEFAULT_CONFIG, trees);
      assert.deepEqual(lintText(text, rules, config).diagnostics, []);
      assert.match(lintText(record('vendor-risk', '  vendor-certified: yes', 'avoid'), rules, config).diagnostics[0]!.message, /lead to "Rely on them"/);
      for (const id of TREE_OPTION_RULES) assert.deepEqual(config.rules[id]!.options!['trees'], trees);
    });

    it('lets a custom tree replace a built-in one of the same id', async () => {
      const { trees } = await findCustomTrees('/ws', new MemoryHost({ '/ws/.partnerlint/trees/b.yaml': treeYaml('build-vs-partner', 'vendor-certified', ['build', 'partner']) }));
      const config = withCustomTrees(DEFAULT_CONFIG, trees);
      const rules = [decisionAnswersMissing, decisionContradictsTree];
      assert.deepEqual(lintText(record('build-vs-partner', '  vendor-certified: no', 'partner'), rules, config).diagnostics, []);
      const builtinAnswers = record('build-vs-partner', '  core-differentiation: yes', 'build');
      assert.deepEqual(lintText(builtinAnswers, rules, DEFAULT_CONFIG).diagnostics, []);
      assert.match(lintText(builtinAnswers, rules, config).diagnostics[0]!.message, /does not answer the first question/);
      assert.ok(builtinTree('build-vs-partner')!.questions['core-differentiation'], 'the built-in tree itself is untouched');
    });

    it('keeps severities and other options, and trees written in the configuration win', () => {
      const inline = { ...builtinTree('partner-tier')!, title: 'Inline' };
      const base = { ...DEFAULT_CONFIG, rules: { 'decision-answers-missing': { severity: 'error' as const, options: { trees: [inline], other: 1 } } } };
      const custom = { ...builtinTree('partner-tier')!, title: 'Custom' };
      const config = withCustomTrees(base, [custom]);
      assert.deepEqual(config.rules['decision-answers-missing'], { severity: 'error', options: { trees: [custom, inline], other: 1 } });
      assert.deepEqual(config.rules['decision-contradicts-tree'], { options: { trees: [custom] } });
      assert.deepEqual(base.rules['decision-answers-missing'].options.trees, [inline], 'the base configuration is not changed');
      assert.equal(withCustomTrees(base, []), base);
    });
  });
});
