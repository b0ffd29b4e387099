import * as assert from 'node:assert/strict';
import { resolveDocumentConfig, ignoredBy, type ConfigSources } from '../../src/core/lint-file';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../src/core';
import type { DecisionTree } from '../../src/trees/types';

const TREE = { id: 'vendor-choice', title: 'Vendor choice', start: 'q1', nodes: {} } as unknown as DecisionTree;

function sources(config: ResolvedConfig = DEFAULT_CONFIG, trees: DecisionTree[] = []): ConfigSources {
  return {
    settingsFor: async () => ({ config, files: [], problems: [{ file: '/w/.partnerlint.yaml', message: 'm', start: 0, end: 0 }] }),
    treesFor: async () => trees,
  };
}

describe('resolveDocumentConfig: the one configuration pipeline', () => {
  it('puts the editor settings over the settings file, keeping its options', async () => {
    const file: ResolvedConfig = { ...DEFAULT_CONFIG, rules: { 'placeholder-left': { severity: 'error', options: { x: 1 } } } };
    const resolved = await resolveDocumentConfig('/w/a.md', sources(file), { rules: { 'placeholder-left': 'off', 'charter-unsigned': 'info' } });
    assert.ok(!resolved.ignored);
    assert.deepEqual(resolved.config.rules['placeholder-left'], { severity: 'off', options: { x: 1 } });
    assert.equal(resolved.config.rules['charter-unsigned']?.severity, 'info');
    assert.equal(resolved.problems.length, 1);
  });

  it('adds the custom decision trees to the decision rules', async () => {
    const resolved = await resolveDocumentConfig('/w/a.md', sources(DEFAULT_CONFIG, [TREE]));
    assert.ok(!resolved.ignored);
    assert.deepEqual(resolved.config.rules['decision-answers-missing']?.options?.['trees'], [TREE]);
    assert.deepEqual(resolved.config.rules['decision-contradicts-tree']?.options?.['trees'], [TREE]);
  });

  it('applies documents: patterns and the template file name', async () => {
    const file: ResolvedConfig = { ...DEFAULT_CONFIG, documents: [{ glob: 'plans/**', kind: 'rollout-plan', base: '/w' }] };
    const plan = await resolveDocumentConfig('/w/plans/q3.md', sources(file));
    assert.ok(!plan.ignored);
    assert.equal(plan.config.documentKind, 'rollout-plan');
    const template = await resolveDocumentConfig('/w/charter-template.md', sources());
    assert.ok(!template.ignored);
    assert.equal(template.config.templateFile, true);
  });

  it('leaves out what partnerlint.ignore names, relative to the workspace folder', async () => {
    const resolved = await resolveDocumentConfig('/w/drafts/x.md', sources(), { ignore: ['drafts/**'] }, '/w');
    assert.ok(resolved.ignored);
    assert.match(resolved.reason, /partnerlint\.ignore.*drafts/);
    assert.equal((await resolveDocumentConfig('/w/final/x.md', sources(), { ignore: ['drafts/**'] }, '/w')).ignored, false);
    assert.equal(ignoredBy('/w/.hidden/x.md', '/w', ['**/*.md']), '**/*.md');
    assert.equal(ignoredBy('/other/x.md', '/w', ['**/*.md']), undefined);
  });

  it('uses the defaults when a source fails, and says so', async () => {
    const failing: ConfigSources = { settingsFor: () => Promise.reject(new Error('boom')), treesFor: async () => [] };
    const resolved = await resolveDocumentConfig('/w/a.md', failing, { rules: { 'placeholder-left': 'off' } });
    assert.ok(!resolved.ignored);
    assert.ok(resolved.error instanceof Error);
    assert.equal(resolved.config.rules['placeholder-left']?.severity, 'off');
  });
});
