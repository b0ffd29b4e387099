import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './cli-helpers';



const CHARTER_NO_GOVERNANCE = '---\ntype: partnership-charter\n---\n# Charter\n\n## Mutual Goals\nx\n## Value Exchange\nx\n## Timeline\nx\n## Measurement\nx\n';

describe('partnerlint CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'partnerlint-cli-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/charter.md'), CHARTER_NO_GOVERNANCE);
    writeFileSync(join(dir, 'docs/README.md'), '# Readme\n\nWe partner with everyone.\n');
    writeFileSync(join(dir, 'notes.txt'), 'not markdown');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the json contract: one object per file, 1-based positions, the kind', async () => {
    const { code, out } = await cli(['--format', 'json', 'docs'], dir);
    assert.equal(code, 0, 'warnings alone exit 0');
    const reports = JSON.parse(out);
    assert.deepEqual(reports.map((r: { file: string; kind: string }) => [r.file, r.kind]), [
      ['docs/README.md', 'none'],
      ['docs/charter.md', 'partnership-charter'],
    ]);
    assert.deepEqual(reports[0].diagnostics, []);
    const d = reports[1].diagnostics[0];
    assert.deepEqual(Object.keys(d).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
    const missing = reports[1].diagnostics.find((x: { ruleId: string }) => x.ruleId === 'charter-missing-section');
    assert.deepEqual([missing.ruleId, missing.severity, missing.line, missing.column, missing.endLine, missing.endColumn], ['charter-missing-section', 'warning', 4, 1, 4, 10]);
  });

  it('exits 1 on errors and on more warnings than --max-warnings', async () => {
    const warnings = JSON.parse((await cli(['--format', 'json', 'docs'], dir)).out)[1].diagnostics.length;
    assert.ok(warnings > 0);
    assert.equal((await cli(['--max-warnings', String(warnings - 1), 'docs'], dir)).code, 1);
    assert.equal((await cli(['--max-warnings', String(warnings), 'docs'], dir)).code, 0);
    writeFileSync(join(dir, '.partnerlint.yaml'), 'rules:\n  charter-missing-section: error\n');
    const strict = await cli(['docs/charter.md'], dir);
    assert.equal(strict.code, 1);
    assert.match(strict.out, /\(1 error, \d+ warnings?, \d+ info\)/);
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await cli([], dir)).code, 2);
    assert.equal((await cli(['missing.md'], dir)).code, 2);
    assert.equal((await cli(['--format', 'xml', 'docs'], dir)).code, 2);
    assert.equal((await cli(['--max-warnings', 'many', 'docs'], dir)).code, 2);
    assert.equal((await cli(['--bogus', 'docs'], dir)).code, 2);
    assert.equal((await cli(['--config', 'nope.yaml', 'docs'], dir)).code, 2);
  });

  it('expands globs', async () => {
    const { out } = await cli(['--format', 'json', 'docs/*.md'], dir);
    assert.equal(JSON.parse(out).length, 2);
  });

  it('--fix writes the fixed file and reports what is left', async () => {
    const { code, out } = await cli(['--fix', '--format', 'json', 'docs/charter.md'], dir);
    assert.equal(code, 0);
    const left = JSON.parse(out)[0].diagnostics as Array<{ ruleId: string }>;
    assert.ok(!left.some((d) => d.ruleId === 'charter-missing-section'), 'the missing section was inserted');
    // The inserted section carries prompts for the author, which are reported until filled in.
    assert.ok(left.some((d) => d.ruleId === 'placeholder-left'));
    const fixed = readFileSync(join(dir, 'docs/charter.md'), 'utf8');
    // Nothing the author wrote is lost: every original line is still there, in order.
    const lines = fixed.split('\n');
    let at = 0;
    for (const line of CHARTER_NO_GOVERNANCE.split('\n')) {
      at = lines.indexOf(line, at);
      assert.ok(at >= 0, `kept: ${line}`);
      at++;
    }
    assert.match(fixed, /## Governance/);
  });

  it('reports a broken configuration file at its position and lints with defaults', async () => {
    writeFileSync(join(dir, '.partnerlint.yaml'), 'rules:\n  charter-missing-sectionz: error\n');
    const { code, out } = await cli(['--format', 'json', 'docs/charter.md'], dir);
    const reports = JSON.parse(out);
    assert.equal(reports[0].file, '.partnerlint.yaml');
    assert.deepEqual([reports[0].diagnostics[0].ruleId, reports[0].diagnostics[0].line, reports[0].diagnostics[0].column], ['config-invalid', 2, 3]);
    assert.equal(reports[1].diagnostics[0].severity, 'warning');
    assert.equal(code, 1);
  });

  it('writes SARIF 2.1.0 with rules and locations', async () => {
    const sarif = JSON.parse((await cli(['--format', 'sarif', 'docs'], dir)).out);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === 'charter-missing-section'));
    const [result] = run.results;
    assert.equal(result.level, 'warning');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 4, startColumn: 1, endLine: 4, endColumn: 10 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'docs/charter.md');
  });

  it('stylish output names the file, the kind, each problem and a summary', async () => {
    const { out } = await cli(['docs'], dir);
    assert.match(out, /docs\/charter\.md {2}\(partnership charter\)/);
    assert.match(out, /\n  4:1 +warning  This charter has no Governance section\..*charter-missing-section\n/);
    assert.doesNotMatch(out, /\u001b\[/, 'no colour when not at a terminal');
    assert.match((await cli(['docs/README.md'], dir)).out, /No problems in 0 strategy documents \(1 Markdown file read\)/);
  });
});
