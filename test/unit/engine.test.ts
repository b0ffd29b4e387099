import { ruleMeta } from '../../src/core/rule';
import * as assert from 'node:assert/strict';
import { runRules, buildDocument, sniff, lintText, DEFAULT_CONFIG, RULES, type Rule, NESTING_RULE_ID } from '../../src/core';

describe('engine', () => {
  const text = '---\ntype: partnership-charter\n---\n# Charter\n';
  const doc = buildDocument(text, { ...sniff(text), kind: 'partnership-charter' });

  it('turns a rule that throws into one diagnostic naming it, and runs the others', () => {
    const broken: Rule = {
      meta: ruleMeta({ id: 'broken-rule', description: 'x', defaultSeverity: 'error', checks: ['charter-sections'] }),
      check() {
        throw new Error('boom');
      },
    };
    const result = runRules(doc, [broken, ...RULES], DEFAULT_CONFIG);
    const fromBroken = result.filter((d) => d.ruleId === 'broken-rule');
    assert.equal(fromBroken.length, 1);
    assert.match(fromBroken[0]!.message, /broken-rule.*boom/);
    assert.ok(result.some((d) => d.ruleId === 'charter-missing-section'));
  });

  it('clamps a range a rule reports outside the document', () => {
    const sloppy: Rule = {
      meta: ruleMeta({ id: 'sloppy', description: 'x', defaultSeverity: 'info', checks: ['charter-sections'] }),
      check({ report }) {
        report({ message: 'm', range: { start: { line: 2, character: 99 }, end: { line: 400, character: 0 } } });
      },
    };
    const [d] = runRules(doc, [sloppy], DEFAULT_CONFIG);
    assert.deepEqual(d!.range, { start: { line: 2, character: 3 }, end: { line: 4, character: 0 } });
  });

  it('honours a severity override and "off"', () => {
    const ofRule = (config: typeof DEFAULT_CONFIG) => runRules(doc, RULES, config).filter((d) => d.ruleId === 'charter-missing-section');
    assert.ok(ofRule(DEFAULT_CONFIG).length > 0 && ofRule(DEFAULT_CONFIG).every((d) => d.severity === 'warning'));
    const raised = ofRule({ ...DEFAULT_CONFIG, rules: { 'charter-missing-section': { severity: 'error' } } });
    assert.ok(raised.length > 0 && raised.every((d) => d.severity === 'error'));
    assert.deepEqual(ofRule({ ...DEFAULT_CONFIG, rules: { 'charter-missing-section': { severity: 'off' } } }), []);
  });

  it('refuses to parse pathological nesting, with one diagnostic, in little time', () => {
    const nested = '---\ntype: partnership-charter\n---\n# Charter\n\n' + '- '.repeat(5000) + 'x\n';
    const started = Date.now();
    const result = lintText(nested, RULES);
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual(result.diagnostics.map((d) => d.ruleId), [NESTING_RULE_ID]);
    const quotes = '---\ntype: partnership-charter\n---\n# Charter\n\n' + Array.from({ length: 3000 }, (_, i) => '>'.repeat(i + 1) + ' q').join('\n');
    assert.deepEqual(lintText(quotes, RULES).diagnostics.map((d) => d.ruleId), [NESTING_RULE_ID]);
  });
});
