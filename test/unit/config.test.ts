import * as assert from 'node:assert/strict';
import { configFileCandidates, findConfigFile, loadConfigFile, type ConfigHost } from '../../src/core/config-file';
import { DEFAULT_VOCABULARY, RULES } from '../../src/core';
import { closestName } from '../../src/core/config-file';
import { KNOWN_IDS } from '../../src/core/lint-file';

function host(files: Record<string, string>): ConfigHost {
  return { readFile: async (path) => files[path] };
}
const KNOWN = new Set(RULES.map((r) => r.meta.id));
const load = (files: Record<string, string>, file = '/repo/.partnerlint.yaml') => loadConfigFile(file, host(files), KNOWN);

describe('.partnerlint.yaml', () => {
  it('is found nearest up the folder tree', async () => {
    const files = { '/repo/.partnerlint.yaml': 'rules: {}', '/repo/docs/deals/.partnerlint.yml': 'rules: {}' };
    assert.equal(await findConfigFile('/repo/docs/deals', host(files)), '/repo/docs/deals/.partnerlint.yml');
    assert.equal(await findConfigFile('/repo/docs/other', host(files)), '/repo/.partnerlint.yaml');
    assert.equal(await findConfigFile('/elsewhere', host(files)), undefined);
    assert.equal(await findConfigFile('/repo/docs/other', host(files), '/repo/docs'), undefined);
    // Where it looks, in order (the language server watches these paths).
    assert.deepEqual(configFileCandidates('/repo/docs/other', '/repo'), [
      '/repo/docs/other/.partnerlint.yaml', '/repo/docs/other/.partnerlint.yml', '/repo/docs/.partnerlint.yaml', '/repo/docs/.partnerlint.yml', '/repo/.partnerlint.yaml', '/repo/.partnerlint.yml',
    ]);
    assert.deepEqual(configFileCandidates('/a'), ['/a/.partnerlint.yaml', '/a/.partnerlint.yml', '/.partnerlint.yaml', '/.partnerlint.yml'], 'up to the root without a stop');
  });

  it('an unreadable nearest file is still the nearest, and loading it says it could not be read', async () => {
    // As vscode.workspace.fs rejects: an error with a code, not "no such file".
    const locked: ConfigHost = {
      readFile: async (path) => {
        if (path === '/repo/docs/.partnerlint.yaml') throw Object.assign(new Error('no access'), { code: 'NoPermissions' });
        return path === '/repo/.partnerlint.yaml' ? 'rules:\n  charter-missing-section: off\n' : undefined;
      },
    };
    assert.equal(await findConfigFile('/repo/docs/deals', locked), '/repo/docs/.partnerlint.yaml');
    const { config, problems } = await loadConfigFile('/repo/docs/.partnerlint.yaml', locked, KNOWN);
    assert.deepEqual(problems.map((p) => [p.file, p.start, p.end]), [['/repo/docs/.partnerlint.yaml', 0, 0]]);
    assert.match(problems[0]!.message, /^PartnerLint could not read this settings file \(NoPermissions\), so none of its settings apply\./);
    assert.notEqual(config.rules['charter-missing-section']?.severity, 'off', 'the file further up does not take its place');
  });

  it('sets severities, with aliases, and options', async () => {
    const { config, problems } = await load({
      '/repo/.partnerlint.yaml': 'rules:\n  charter-missing-section: error\n',
    });
    assert.deepEqual(problems, []);
    assert.equal(config.rules['charter-missing-section']?.severity, 'error');
    const other = await load({ '/repo/.partnerlint.yaml': 'rules:\n  charter-missing-section: { severity: warn, level: 2 }\n' });
    assert.deepEqual(other.config.rules['charter-missing-section'], { severity: 'warning', options: { level: 2 } });
  });

  it('adds to vocabulary lists, and can remove or replace', async () => {
    const { config, problems } = await load({
      '/repo/.partnerlint.yaml': [
        'vocabulary:',
        '  coMarketingTerms: [roadshow]',
        '  placeholders: { remove: [XXX] }',
        '  sectionSynonyms:',
        '    governance: [steering]',
      ].join('\n'),
    });
    assert.deepEqual(problems, []);
    assert.ok(config.vocabulary.coMarketingTerms.includes('roadshow'));
    assert.ok(config.vocabulary.coMarketingTerms.includes('webinar'), 'defaults are kept');
    assert.ok(!config.vocabulary.placeholders.includes('XXX'));
    assert.ok(config.vocabulary.sectionSynonyms.governance.includes('steering'));
    assert.deepEqual(config.vocabulary.sectionSynonyms.timeline, DEFAULT_VOCABULARY.sectionSynonyms.timeline);
    assert.ok(!DEFAULT_VOCABULARY.coMarketingTerms.includes('roadshow'), 'defaults are not mutated');
  });

  it('applies extends first, then the file itself', async () => {
    const { config, files, problems } = await load({
      '/shared/base.yaml': 'rules:\n  charter-missing-section: error\nmaxNesting: 40\n',
      '/repo/.partnerlint.yaml': 'extends: ../shared/base.yaml\nrules:\n  charter-missing-section: info\n',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(files, ['/repo/.partnerlint.yaml', '/shared/base.yaml']);
    assert.equal(config.rules['charter-missing-section']?.severity, 'info');
    assert.equal(config.maxNesting, 40);
  });

  it('reports broken YAML at its position and falls back to defaults', async () => {
    const text = 'rules:\n  charter-missing-section: [error\n';
    const { config, problems } = await load({ '/repo/.partnerlint.yaml': text });
    assert.equal(problems.length >= 1, true);
    assert.match(problems[0]!.message, /not valid YAML/);
    assert.ok(problems[0]!.start > 0 && problems[0]!.start <= text.length);
    assert.deepEqual(config.rules, {});
  });

  it('reports unknown rules, severities, settings, lists, and a missing or circular extends', async () => {
    const text = [
      'extends: [missing.yaml, .partnerlint.yaml]',
      'rules:',
      '  charter-missing-sections: error',
      '  charter-missing-section: loud',
      'vocabulary:',
      '  buzzwords: [synergy]',
      'colour: blue',
    ].join('\n');
    const { problems } = await load({ '/repo/.partnerlint.yaml': text });
    const messages = problems.map((p) => p.message).join('\n');
    assert.match(messages, /missing\.yaml, which does not exist/);
    assert.match(messages, /round in a circle/);
    assert.match(messages, /"charter-missing-sections" is not a PartnerLint rule/);
    assert.match(messages, /severity of charter-missing-section should be one of/);
    assert.match(messages, /Unknown vocabulary list "buzzwords"/);
    assert.match(messages, /Unknown setting "colour"/);
    const unknownRule = problems.find((p) => p.message.includes('charter-missing-sections'))!;
    assert.equal(text.slice(unknownRule.start, unknownRule.end), 'charter-missing-sections');
  });

  it('survives a file that is not a mapping, an empty file, and an alias bomb', async () => {
    assert.match((await load({ '/repo/.partnerlint.yaml': '- a\n- b\n' })).problems[0]!.message, /should be a mapping/);
    assert.deepEqual((await load({ '/repo/.partnerlint.yaml': '' })).problems, []);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 10; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`);
    bomb.push('vocabulary:\n  placeholders: *k');
    const result = await load({ '/repo/.partnerlint.yaml': bomb.join('\n') });
    assert.ok(result.problems.length > 0);
  });

  describe('rule options', () => {
    const file = '/repo/.partnerlint.yaml';
    const loadChecked = (text: string) => loadConfigFile(file, host({ [file]: text }), KNOWN_IDS);

    it('reports a misspelt option at its key, with the option it most likely means, and leaves it out', async () => {
      const text = 'rules:\n  tiers-too-many:\n    options:\n      maxTeirs: 4\n';
      const { config, problems } = await loadChecked(text);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, /"maxTeirs" is not an option of tiers-too-many; did you mean "maxTiers"\?/);
      assert.equal(text.slice(problems[0]!.start, problems[0]!.end), 'maxTeirs');
      assert.deepEqual(config.rules['tiers-too-many']?.options, {});
    });

    it('checks options written beside the severity too, and names the options when nothing is close', async () => {
      const text = 'rules:\n  rollout-phase-duration: { severity: warning, crawlWeks: [2, 6], runWeeks: [1, 2] }\n';
      const { config, problems } = await loadChecked(text);
      assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), ['crawlWeks', 'runWeeks']);
      assert.match(problems[0]!.message, /did you mean "crawlWeeks"/);
      assert.match(problems[1]!.message, /Its options: "crawlWeeks", "walkWeeks"\./);
      assert.deepEqual(config.rules['rollout-phase-duration'], { severity: 'warning', options: {} });
    });

    it('says so when a rule has no options at all', async () => {
      const { problems } = await loadChecked('rules:\n  charter-unsigned:\n    severity: error\n    level: 2\n');
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, /charter-unsigned has no options/);
    });

    it('accepts every option a rule declares, and an empty options: while it is being written', async () => {
      const text = [
        'rules:',
        '  tiers-too-many: { maxTiers: 4 }',
        '  placeholder-left: { options: { brackets: false } }',
        '  rollout-phase-duration:',
        '    options:',
        '      crawlWeeks: [2, 6]',
        '      walkWeeks: [6, 10]',
        '  timeline-undated:',
        '    options:',
      ].join('\n');
      const { config, problems } = await loadChecked(text);
      assert.deepEqual(problems, []);
      assert.deepEqual(config.rules['tiers-too-many']?.options, { maxTiers: 4 });
      assert.deepEqual(config.rules['placeholder-left']?.options, { brackets: false });
      assert.deepEqual(config.rules['rollout-phase-duration']?.options, { crawlWeeks: [2, 6], walkWeeks: [6, 10] });
    });

    it('finds the meant name for slips of case and keyboard only', () => {
      assert.equal(closestName('maxteirs', ['maxTiers']), 'maxTiers');
      assert.equal(closestName('MAXTIERS', ['maxTiers']), 'maxTiers');
      assert.equal(closestName('bracket', ['brackets']), 'brackets');
      assert.equal(closestName('tiers', ['maxTiers']), undefined);
      assert.equal(closestName('size', ['crawlWeeks', 'walkWeeks']), undefined);
      assert.equal(closestName('x'.repeat(5000), ['maxTiers']), undefined);
    });
  });
});
