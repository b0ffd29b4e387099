import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { cli } from './cli-helpers';


interface Report {
  file: string;
  kind: string;
  diagnostics: Array<{ ruleId: string; severity: string; message: string; line: number; column: number }>;
}


async function json(args: string[], cwd: string): Promise<{ code: number; reports: Report[]; byFile: Map<string, Report> }> {
  const { code, out, err } = await cli(['--format', 'json', ...args], cwd);
  assert.equal(err, '');
  const reports = JSON.parse(out) as Report[];
  return { code, reports, byFile: new Map(reports.map((r) => [r.file, r])) };
}

/** A custom tree with one question; `outcomes` are the ids for yes and no. */
function tree(id: string, question = 'soc2-current', outcomes: [string, string] = ['rely', 'avoid']): string {
  return [
    `id: ${id}`,
    'title: Can we rely on this vendor?',
    'description: Decide whether a vendor is safe to build a partnership on.',
    `start: ${question}`,
    'questions:',
    `  ${question}:`,
    '    text: Does the vendor hold a current SOC 2 report?',
    '    answers:',
    `      yes: { label: "Yes", hint: "Yes — we have read it", outcome: ${outcomes[0]} }`,
    `      no: { label: "No", hint: "No — none, or out of date", outcome: ${outcomes[1]} }`,
    'outcomes:',
    `  ${outcomes[0]}: { title: Rely on them, rationale: They clear the bar we set for suppliers. }`,
    `  ${outcomes[1]}: { title: Look elsewhere, rationale: They do not clear the bar we set for suppliers. }`,
    '',
  ].join('\n');
}

function record(treeId: string, answers: Record<string, string>, outcome: string): string {
  return ['---', 'type: decision-record', `tree: ${treeId}`, 'answers:', ...Object.entries(answers).map(([q, a]) => `  ${q}: ${a}`), `outcome: ${outcome}`, 'date: 2026-11-02', '---', '', '# Decision: vendor', ''].join('\n');
}

describe('partnerlint CLI with custom decision trees', () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'partnerlint-cli-trees-'));
    write('.partnerlint/trees/vendor-risk.yaml', tree('vendor-risk'));
    write('docs/vendor.md', record('vendor-risk', { 'soc2-current': 'yes' }, 'rely'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('checks records against the trees in .partnerlint/trees, and checks the tree files found', async () => {
    const { code, reports } = await json(['.'], dir);
    assert.equal(code, 0);
    assert.deepEqual(reports.map((r) => [r.file, r.kind, r.diagnostics.length]), [
      ['.partnerlint/trees/vendor-risk.yaml', 'none', 0],
      ['docs/vendor.md', 'decision-record', 0],
    ]);
  });

  it('reports a record whose outcome contradicts a custom tree', async () => {
    write('docs/vendor.md', record('vendor-risk', { 'soc2-current': 'no' }, 'rely'));
    const { code, byFile } = await json(['docs'], dir);
    assert.equal(code, 1);
    const [d] = byFile.get('docs/vendor.md')!.diagnostics;
    assert.equal(d!.ruleId, 'decision-contradicts-tree');
    assert.match(d!.message, /lead to "Look elsewhere"/);
  });

  it('reports broken tree files under tree-invalid at their position, and records naming them as unknown trees', async () => {
    write('.partnerlint/trees/vendor-risk.yaml', tree('vendor-risk').replace('outcome: avoid }', 'outcome: avoided }'));
    const { code, byFile } = await json(['.'], dir);
    assert.equal(code, 1);
    const treeReport = byFile.get('.partnerlint/trees/vendor-risk.yaml')!;
    assert.equal(treeReport.kind, 'none');
    assert.deepEqual(treeReport.diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column]), [['tree-invalid', 'error', 10, 70]]);
    assert.match(treeReport.diagnostics[0]!.message, /outcome "avoided", which the tree does not have/);
    const [d] = byFile.get('docs/vendor.md')!.diagnostics;
    assert.equal(d!.ruleId, 'decision-answers-missing');
    assert.match(d!.message, /no decision tree called "vendor-risk"/);
  });

  it('reports the broken trees of a document\'s workspace even when only the document is named', async () => {
    write('.partnerlint/trees/zz-broken.yml', 'id: [');
    const { code, reports } = await json(['docs/vendor.md'], dir);
    assert.equal(code, 1);
    assert.deepEqual(reports.map((r) => [r.file, r.diagnostics.map((d) => d.ruleId)]), [
      ['.partnerlint/trees/zz-broken.yml', ['tree-invalid']],
      ['docs/vendor.md', []],
    ]);
  });

  it('checks a tree file that is named, or matched by a glob, and only that one', async () => {
    write('.partnerlint/trees/zz-broken.yaml', 'id: [');
    const named = await json(['.partnerlint/trees/vendor-risk.yaml'], dir);
    assert.equal(named.code, 0);
    assert.deepEqual(named.reports.map((r) => [r.file, r.kind, r.diagnostics.length]), [['.partnerlint/trees/vendor-risk.yaml', 'none', 0]]);
    const folder = await json(['.partnerlint/trees'], dir);
    assert.deepEqual(folder.reports.map((r) => r.file), ['.partnerlint/trees/vendor-risk.yaml', '.partnerlint/trees/zz-broken.yaml']);
    const globbed = await json(['.partnerlint/trees/*.yaml'], dir);
    assert.equal(globbed.code, 1);
    assert.deepEqual(globbed.reports.map((r) => [r.file, r.diagnostics.length]), [['.partnerlint/trees/vendor-risk.yaml', 0], ['.partnerlint/trees/zz-broken.yaml', 1]]);
  });

  it('reports a second tree file that reuses an id', async () => {
    write('.partnerlint/trees/z-copy.yaml', tree('vendor-risk', 'other-question'));
    const { byFile } = await json(['.'], dir);
    const [d] = byFile.get('.partnerlint/trees/z-copy.yaml')!.diagnostics;
    assert.match(d!.message, /already used by vendor-risk\.yaml/);
    assert.equal(d!.line, 1);
    assert.deepEqual(byFile.get('docs/vendor.md')!.diagnostics, [], 'the first file\'s tree is the one used');
  });

  it('lets a custom tree replace a built-in tree of the same id', async () => {
    write('.partnerlint/trees/build-vs-partner.yaml', tree('build-vs-partner', 'soc2-current', ['build', 'partner']));
    write('docs/custom.md', record('build-vs-partner', { 'soc2-current': 'no' }, 'partner'));
    write('docs/builtin.md', record('build-vs-partner', { 'core-differentiation': 'yes' }, 'build'));
    const { byFile } = await json(['docs'], dir);
    assert.deepEqual(byFile.get('docs/custom.md')!.diagnostics, []);
    assert.match(byFile.get('docs/builtin.md')!.diagnostics[0]!.message, /does not answer the first question/);
  });

  it('uses the trees of the nearest workspace root: a folder with .partnerlint/ or .partnerlint.yaml', async () => {
    write('teams/apac/.partnerlint.yaml', 'rules: {}\n');
    write('teams/apac/docs/vendor.md', record('vendor-risk', { 'soc2-current': 'yes' }, 'rely'));
    write('teams/emea/.partnerlint/trees/vendor-risk.yaml', tree('vendor-risk', 'iso-certified'));
    write('teams/emea/docs/vendor.md', record('vendor-risk', { 'iso-certified': 'yes' }, 'rely'));
    const { byFile } = await json(['teams'], dir);
    // apac has a root of its own without trees: vendor-risk does not exist there.
    assert.match(byFile.get('teams/apac/docs/vendor.md')!.diagnostics[0]!.message, /no decision tree called "vendor-risk"/);
    assert.deepEqual(byFile.get('teams/emea/docs/vendor.md')!.diagnostics, []);
    assert.deepEqual(byFile.get('teams/emea/.partnerlint/trees/vendor-risk.yaml')!.diagnostics, []);
    // A folder with no marker above it up to the current folder uses the current folder's trees.
    write('plain/vendor.md', record('vendor-risk', { 'soc2-current': 'yes' }, 'rely'));
    assert.deepEqual((await json(['plain/vendor.md'], dir)).byFile.get('plain/vendor.md')!.diagnostics, []);
  });

  it('keeps --fix away from tree files and says how many it read', async () => {
    const fixed = await cli(['--fix', '.'], dir);
    assert.equal(fixed.code, 0);
    assert.match(fixed.out, /No problems in 1 strategy document \(1 Markdown file read, 1 decision tree file\)/);
  });
});
