import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintTreeFile, treeProblemsToDiagnostics, TREE_RULE_ID, BUILTIN_TREE_SOURCES, BUILTIN_TREE_IDS } from '../../../src/trees';
import { treeYaml } from './tree-helpers';

/** Each diagnostic as "line:column severity text-it-covers", 1-based like the CLI. */
function summary(text: string) {
  const lines = text.split(/\r\n|\r|\n/);
  return lintTreeFile(text).map((d) => {
    const covered = d.range.start.line === d.range.end.line ? lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character) : '…';
    return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${covered}`;
  });
}

const GOOD = treeYaml('vendor-risk');

describe('lintTreeFile', () => {
  it('finds nothing in a good tree, nor in any built-in tree', () => {
    assert.deepEqual(lintTreeFile(GOOD), []);
    for (const id of BUILTIN_TREE_IDS) assert.deepEqual(lintTreeFile(BUILTIN_TREE_SOURCES[id]), [], id);
  });

  it('reports under the tree-invalid id, errors as errors and warnings as warnings', () => {
    assert.equal(TREE_RULE_ID, 'tree-invalid');
    const text = GOOD.replace('    text: Does', '    txt: Does');
    const [missing, unknown] = lintTreeFile(text);
    assert.deepEqual([missing!.ruleId, missing!.severity], ['tree-invalid', 'error']);
    assert.match(missing!.message, /has no `text`/);
    assert.deepEqual([unknown!.ruleId, unknown!.severity], ['tree-invalid', 'warning']);
    assert.match(unknown!.message, /field `txt`/);
  });

  it('puts each problem on the words at fault', () => {
    assert.deepEqual(summary(GOOD.replace('outcome: avoid }', 'outcome: avoided }')), ['10:65 error avoided']);
    assert.deepEqual(summary(GOOD.replace('start: vendor-certified', 'start: vendor')), ['4:8 error vendor']);
    assert.deepEqual(summary(GOOD.replace('id: vendor-risk', 'id: Vendor Risk')), ['1:5 error Vendor Risk']);
  });

  it('reports a cycle, and the outcome it leaves unreachable', () => {
    const text = GOOD.replace('outcome: rely }', 'next: vendor-certified }');
    assert.deepEqual(summary(text), ['9:73 error vendor-certified', '12:3 warning rely']);
    assert.match(lintTreeFile(text)[0]!.message, /leads back to "vendor-certified"/);
  });

  it('reports unreachable questions as warnings', () => {
    const orphan = GOOD.replace('outcomes:', [
      '  orphan:',
      '    text: Never asked?',
      '    answers:',
      '      yes: { label: "Yes", hint: "Yes — x", outcome: rely }',
      '      no: { label: "No", hint: "No — x", outcome: avoid }',
      'outcomes:',
    ].join('\n'));
    assert.deepEqual(summary(orphan), ['11:3 warning orphan']);
  });

  it('reports a question with one answer, a yes without a no, and an answer that leads nowhere', () => {
    assert.deepEqual(summary(GOOD.replace(/ {6}no: .*\n/, '')), ['8:5 error answers', '12:3 warning avoid']);
    assert.match(lintTreeFile(GOOD.replace('      no: {', '      maybe: {'))[0]!.message, /yes but not no/);
    assert.match(lintTreeFile(GOOD.replace(', outcome: rely }', ' }'))[0]!.message, /leads nowhere/);
  });

  it('reports YAML that does not parse where it breaks', () => {
    const found = lintTreeFile(GOOD.replace('title: Tree vendor-risk?', 'title: [Tree'));
    assert.ok(found.length > 0);
    assert.ok(found.every((d) => d.severity === 'error' && d.ruleId === 'tree-invalid'));
    assert.match(found[0]!.message, /YAML does not parse/);
    assert.ok(found[0]!.range.start.line >= 1 && found[0]!.range.start.line <= 3, 'at the flow that is never closed, or just after it');
  });

  it('keeps CRLF files on the right lines', () => {
    const crlf = GOOD.replace(/\n/g, '\r\n').replace('outcome: avoid }', 'outcome: avoided }');
    assert.deepEqual(summary(crlf), ['10:65 error avoided']);
  });

  it('never throws, and always shows something visible, whatever the file holds', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`);
    const nasty = [
      '', '\n\n', ':', '{', '- [', '---\na: 1\n---\nb: 2\n', 'x'.repeat(600 * 1024), bomb.join('\n'), '\u0000\u0001binary\uFFFD',
      'id: a\nquestions: 7\noutcomes: [1]', 'questions:\n  q:\n    answers: [1, 2]\n', '%YAML 9.9\n---\na', '!!binary x', '&a *a',
      'id: a\ntitle: t\ndescription: d\nstart: q\nquestions:\n  q:\n    text: q?\n    answers:\n      a: { label: A, hint: h, next: q }\n      b: { label: B, hint: h, next: q }\noutcomes:\n  o: { title: O, rationale: r }\n',
    ];
    for (const text of nasty) {
      const found = lintTreeFile(text);
      assert.ok(found.length > 0, JSON.stringify(text.slice(0, 30)));
      for (const d of found) {
        assert.equal(d.ruleId, 'tree-invalid');
        assert.ok(d.range.start.line <= d.range.end.line);
      }
    }
    const huge = lintTreeFile('x'.repeat(600 * 1024));
    assert.match(huge[0]!.message, /larger than 512 KB/);
    assert.ok(huge[0]!.range.end.character > 0, 'a problem at a point is widened so it can be seen');
  });

  it('turns problems found elsewhere (duplicate ids, unreadable files) into diagnostics too', () => {
    const d = treeProblemsToDiagnostics('id: x\n', [
      { code: 'duplicate-id', severity: 'error', message: 'dup', path: [], range: { start: 4, end: 5 } },
      { code: 'duplicate-id', severity: 'error', message: 'dup', path: [], range: { start: 4, end: 5 } },
      { code: 'unreadable-file', severity: 'error', message: 'unreadable', path: [] },
    ]);
    assert.deepEqual(d.map((x) => [x.message, x.range.start.line, x.range.start.character, x.range.end.character]), [['unreadable', 0, 0, 5], ['dup', 0, 4, 5]]);
  });

  it('agrees with its docs page and the decision trees page', () => {
    const yamlBlocks = (file: string) => [...readFileSync(join(process.cwd(), file), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const [problem, fixed] = yamlBlocks('docs/rules/tree-invalid.md');
    assert.deepEqual(lintTreeFile(problem!).map((d) => [d.severity, d.range.start.line + 1]), [['error', 10]]);
    assert.deepEqual(lintTreeFile(fixed!), []);
    const [example] = yamlBlocks('docs/decision-trees.md');
    assert.deepEqual(lintTreeFile(example!), []);
  });
});
