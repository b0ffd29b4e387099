/** The code actions every editor offers (src/core/actions.ts), as plain data. */
import * as assert from 'node:assert/strict';
import { applyFixes, type LintDiagnostic } from '../../src/core';
import { disableFileEdit, disableLineEdit, fixAllEdits, problemActions, problemBehind } from '../../src/core/actions';

const apply = (text: string, edits: { range: LintDiagnostic['range']; newText: string }[]) => applyFixes(text, [{ title: 'x', edits }]).text;
const at = (line: number, character: number) => ({ line, character });

describe('code actions as data', () => {
  const text = '---\ntype: partnership-charter\n---\n# Charter\n\n- We will invest.   \n';

  it('disables a rule for a line with a comment at its end, or adds the id to the comment there', () => {
    const once = apply(text, [disableLineEdit(text, 5, 'commitment-unquantified')!]);
    // Before the trailing spaces, which may be a hard line break the author meant.
    assert.equal(once.split('\n')[5], '- We will invest. <!-- partnerlint-disable-line commitment-unquantified -->   ');
    const twice = apply(once, [disableLineEdit(once, 5, 'placeholder-left')!]);
    assert.equal(twice.split('\n')[5], '- We will invest. <!-- partnerlint-disable-line commitment-unquantified placeholder-left -->   ');
  });

  it('never puts a comment in the front matter', () => {
    assert.equal(disableLineEdit(text, 1, 'frontmatter-invalid'), undefined);
    assert.equal(disableLineEdit(text, 2, 'frontmatter-invalid'), undefined);
  });

  it('disables a rule for the file after the front matter, with the document\'s line breaks', () => {
    assert.equal(apply(text, [disableFileEdit(text, 'tiers-too-many')]).split('\n').slice(3, 6).join('|'), '<!-- partnerlint-disable-file tiers-too-many -->||# Charter');
    const crlf = '# Charter\r\n\r\nText.\r\n';
    assert.equal(apply(crlf, [disableFileEdit(crlf, 'x')]), '<!-- partnerlint-disable-file x -->\r\n\r\n# Charter\r\n\r\nText.\r\n');
  });

  it('finds the problem behind a diagnostic an editor hands back only by its rule, message and exact range', () => {
    const problem: LintDiagnostic = { ruleId: 'r', severity: 'warning', message: 'm', range: { start: at(3, 0), end: at(3, 4) } };
    const other: LintDiagnostic = { ...problem, ruleId: 's' };
    const all = [other, problem];
    assert.equal(problemBehind(all, { code: 'r', message: 'm', range: problem.range }), problem);
    assert.equal(problemBehind(all, { code: 's', message: 'm', range: problem.range }), other);
    assert.equal(problemBehind(all, { code: 'r', message: 'm', range: { start: at(3, 0), end: at(3, 5) } }), undefined, 'the text changed since');
    assert.equal(problemBehind(all, { code: 'r', message: 'n', range: problem.range }), undefined);
    assert.equal(problemBehind(all, { code: undefined, message: 'm', range: problem.range }), undefined, 'not one of ours');
  });

  it('orders the actions on a problem, and offers fix-all of a rule only once and only for several', () => {
    const fix = (line: number) => ({ title: `Fix ${line}`, edits: [{ range: { start: at(line, 0), end: at(line, 0) }, newText: 'X' }] });
    const problem = (line: number): LintDiagnostic => ({ ruleId: 'r', severity: 'warning', message: 'm', range: { start: at(line, 0), end: at(line, 1) }, fix: fix(line) });
    const all = [problem(3), problem(5)];
    const seen = new Set<string>();
    const first = problemActions(text, all[0]!, all, seen);
    assert.deepEqual(first.map((a) => a.kind), ['fix', 'fix-rule', 'disable-line', 'disable-file', 'docs']);
    assert.equal(first[4]!.kind === 'docs' && first[4]!.ruleId, 'r');
    assert.deepEqual(problemActions(text, all[1]!, all, seen).map((a) => a.kind), ['fix'], 'the rest once per rule');
    assert.deepEqual(problemActions(text, all[0]!, [all[0]!], new Set()).map((a) => a.kind), ['fix', 'disable-line', 'disable-file', 'docs']);
    const suggestion: LintDiagnostic = { ...problem(5), fix: undefined, suggestions: [fix(5)] };
    assert.deepEqual(problemActions(text, suggestion, [suggestion], new Set()).map((a) => a.kind), ['suggestion', 'disable-line', 'disable-file', 'docs']);
    assert.equal(fixAllEdits(text, [suggestion]).length, 0, 'fix-all never applies a suggestion');
    assert.equal(fixAllEdits(text, all).length, 2);
  });
});
