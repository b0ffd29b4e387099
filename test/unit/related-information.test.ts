import { ruleMeta } from '../../src/core/rule';
import * as assert from 'node:assert/strict';
import { formatJson, formatSarif, formatStylish, toReportDiagnostics } from '../../src/cli/formatters';
import { runRules, DEFAULT_CONFIG, type LintDiagnostic, type Rule } from '../../src/core';
import { buildDocument } from '../../src/core/engine';
import { sniff } from '../../src/core/sniff';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

const withRelated: LintDiagnostic = {
  ruleId: 'numbers-inconsistent',
  severity: 'warning',
  message: 'Partner ARR for 2027 is given as $9M here but as $6M on line 12.',
  range: range(7, 20, 23),
  relatedInformation: [{ message: 'Partner ARR given as $6M here', range: range(11, 5, 8) }],
};
const without: LintDiagnostic = { ruleId: 'charter-missing-section', severity: 'warning', message: 'No Governance section.', range: range(3, 0, 9) };

describe('related information', () => {
  it('the json format gives it 1-based, and only on diagnostics that have some', () => {
    const [report] = JSON.parse(formatJson([{ file: 'plan.md', kind: 'partnership-strategy', diagnostics: toReportDiagnostics([withRelated, without]) }]));
    const [first, second] = report.diagnostics;
    assert.deepEqual(first.relatedInformation, [{ message: 'Partner ARR given as $6M here', line: 12, column: 6, endLine: 12, endColumn: 9 }]);
    assert.deepEqual(Object.keys(second).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
  });

  it('sarif gives relatedLocations in the same file', () => {
    const sarif = JSON.parse(formatSarif([{ file: 'docs/plan one.md', kind: 'partnership-strategy', diagnostics: toReportDiagnostics([withRelated, without]) }], '0.0.0'));
    const [first, second] = sarif.runs[0].results;
    assert.deepEqual(first.relatedLocations, [{
      id: 0,
      message: { text: 'Partner ARR given as $6M here' },
      physicalLocation: { artifactLocation: { uri: 'docs/plan%20one.md' }, region: { startLine: 12, startColumn: 6, endLine: 12, endColumn: 9 } },
    }]);
    assert.equal(second.relatedLocations, undefined);
  });

  it('stylish lists it under its problem', () => {
    const out = formatStylish([{ file: 'plan.md', kind: 'partnership-strategy', diagnostics: toReportDiagnostics([withRelated]) }], false);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.includes('given as $9M here'));
    assert.ok(at >= 0);
    assert.match(lines[at + 1]!, /↳ 12:6 Partner ARR given as \$6M here/);
  });

  it('the engine keeps what a rule reports, clamped into the document, and leaves it out when empty', () => {
    const text = '---\ntype: partnership-strategy\n---\n# Plan\n\nOne line.\n';
    const sniffed = sniff(text);
    const doc = buildDocument(text, { ...sniffed, kind: 'partnership-strategy' });
    const rule: Rule = {
      meta: ruleMeta({ id: 'probe', description: 'probe', defaultSeverity: 'warning', checks: ['partner-roles'] }),
      check({ report }) {
        report({ message: 'a', range: range(5, 0, 3), relatedInformation: [{ message: 'far', range: range(99, 0, 4) }] });
        report({ message: 'b', range: range(5, 0, 3), relatedInformation: [] });
      },
    };
    const [a, b] = runRules(doc, [rule], DEFAULT_CONFIG);
    assert.equal(a!.relatedInformation?.length, 1);
    assert.ok(a!.relatedInformation![0]!.range.start.line <= 6, 'clamped to the last line');
    assert.equal('relatedInformation' in b!, false);
  });
});
