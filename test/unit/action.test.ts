/**
 * The GitHub Action's script (dist/action.js, what action.yml runs) against simulated events: a
 * temporary git repository with a base and a head commit, an event payload as GitHub writes it,
 * and the GITHUB_* variables a runner sets. Checks that only the changed Markdown is checked, the
 * annotations point at the right lines, the SARIF file and the outputs are written, and the exit
 * status follows fail-on. Thorough stage: it runs git and node as processes.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli } from './cli-helpers';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', name), 'utf8');

interface Run {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  sarif: any;
  annotations: Array<{ command: string; props: Record<string, string>; message: string }>;
}

describe('the GitHub Action script', function () {
  this.timeout(120_000);
  let dist: string;
  let own = false;
  let repo: string;
  let scratch: string;
  const commits: Record<string, string> = {};

  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' }).trim();
  const write = (file: string, text: string) => {
    mkdirSync(join(repo, file, '..'), { recursive: true });
    writeFileSync(join(repo, file), text);
  };

  before(() => {
    ({ dist, own } = builtCli());
    assert.ok(existsSync(join(dist, 'action.js')), 'the build makes dist/action.js');
    repo = mkdtempSync(join(tmpdir(), 'partnerlint-action-repo-'));
    scratch = mkdtempSync(join(tmpdir(), 'partnerlint-action-run-'));
    git('init', '-q', '-b', 'main');
    // Placeholders count as errors and a missing signature as information, so every level shows.
    write('.partnerlint.yaml', 'rules:\n  placeholder-left: error\n  charter-unsigned: info\n');
    write('README.md', '# Tools\n\nHow to build this repository.\n');
    write('docs/charter.md', fixture('clean-tier-model.md'));
    write('docs/untouched.md', fixture('charter-handshake.md'));
    write('docs/old.md', fixture('charter-vague-commitments.md'));
    write('docs/moved.md', fixture('clean-launch-plan.md'));
    write('notes.txt', 'first\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    commits['base'] = git('rev-parse', 'HEAD');
    // The pull request: one document rewritten with problems, one deleted, one renamed (to a name
    // with a space) and changed, and a file that is not Markdown.
    write('docs/charter.md', fixture('charter-placeholders.md'));
    unlinkSync(join(repo, 'docs/old.md'));
    renameSync(join(repo, 'docs/moved.md'), join(repo, 'docs/renamed plan.md'));
    write('docs/renamed plan.md', fixture('charter-vague-commitments.md'));
    write('notes.txt', 'second\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'head');
    commits['head'] = git('rev-parse', 'HEAD');
    // A later push that touches only the untouched document (warnings, no errors).
    write('docs/untouched.md', fixture('charter-handshake.md') + '\nOne more line.\n');
    git('commit', '-q', '-am', 'push');
    commits['push'] = git('rev-parse', 'HEAD');
    // And one that changes no Markdown at all.
    write('notes.txt', 'third\n');
    git('commit', '-q', '-am', 'text only');
    commits['textOnly'] = git('rev-parse', 'HEAD');
  });
  after(() => {
    if (own) rmSync(dist, { recursive: true, force: true });
    rmSync(repo, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  let runs = 0;
  function runAction(eventName: string, payload: unknown, inputs: Record<string, string> = {}): Run {
    const dir = join(scratch, `run-${++runs}`);
    mkdirSync(dir);
    const eventPath = join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(payload));
    const outputPath = join(dir, 'output');
    const summaryPath = join(dir, 'summary.md');
    const sarifFile = join(dir, 'results.sarif');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_WORKSPACE: repo,
      PARTNERLINT_SARIF_FILE: sarifFile,
    };
    for (const [name, value] of Object.entries(inputs)) env[`PARTNERLINT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
    const run = spawnSync(process.execPath, [join(dist, 'action.js')], { cwd: scratch, env, encoding: 'utf8' });
    const outputs = existsSync(outputPath)
      ? Object.fromEntries(readFileSync(outputPath, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]))
      : {};
    const annotations = run.stdout.split('\n').flatMap((line) => {
      const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
      if (!m) return [];
      const props = Object.fromEntries((m[2] ?? '').trim().split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), decodeURIComponent(p.slice(p.indexOf('=') + 1))]));
      return [{ command: m[1]!, props, message: decodeURIComponent(m[3]!) }];
    });
    return {
      status: run.status,
      stdout: run.stdout + run.stderr,
      outputs,
      summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '',
      sarif: existsSync(sarifFile) ? JSON.parse(readFileSync(sarifFile, 'utf8')) : undefined,
      annotations,
    };
  }
  const pullRequest = (base: string, head: string) => ({ number: 7, pull_request: { number: 7, base: { sha: base }, head: { sha: head } } });
  const filesIn = (r: Run) => [...new Set(r.annotations.filter((a) => a.props['file']).map((a) => a.props['file']))].sort();

  it('checks only the Markdown a pull request changed, annotates its lines and fails on errors', () => {
    const r = runAction('pull_request', pullRequest(commits['base']!, commits['head']!));
    assert.equal(r.status, 1, r.stdout);
    assert.equal(r.outputs['files-checked'], '2', 'docs/charter.md and the renamed document; not the deleted one, the text file or the unchanged ones');
    assert.equal(r.outputs['scope'], 'changed');
    assert.deepEqual(filesIn(r), ['docs/charter.md', 'docs/renamed plan.md']);
    // charter-placeholders.md: placeholders on lines 23, 34, 49 and 60 (errors here), one signature on 55 (info).
    const charter = r.annotations.filter((a) => a.props['file'] === 'docs/charter.md');
    assert.deepEqual(charter.filter((a) => a.command === 'error').map((a) => Number(a.props['line'])), [23, 34, 49, 60]);
    assert.deepEqual(charter.filter((a) => a.command === 'notice').map((a) => Number(a.props['line'])), [55]);
    const first = charter[0]!;
    assert.equal(first.props['col'], '43');
    assert.equal(first.props['endLine'], '23');
    assert.equal(first.props['title'], 'PartnerLint placeholder-left');
    assert.match(first.message, /"\[date\]" is a template prompt/);
    const renamed = r.annotations.filter((a) => a.props['file'] === 'docs/renamed plan.md');
    assert.deepEqual(renamed.map((a) => [a.command, Number(a.props['line'])]), [['warning', 24], ['warning', 28], ['warning', 48]]);
    assert.deepEqual([r.outputs['errors'], r.outputs['warnings'], r.outputs['info']], ['4', '3', '1']);
    // The SARIF file: valid 2.1.0, one result per annotation, paths relative to the repository.
    assert.equal(r.sarif.version, '2.1.0');
    assert.equal(r.sarif.runs[0].tool.driver.name, 'PartnerLint');
    const results = r.sarif.runs[0].results as any[];
    assert.equal(results.length, 8);
    assert.deepEqual([...new Set(results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri))].sort(), ['docs/charter.md', 'docs/renamed%20plan.md']);
    for (const x of results) assert.ok(x.ruleIndex >= 0 && r.sarif.runs[0].tool.driver.rules[x.ruleIndex].id === x.ruleId);
    assert.equal(r.outputs['sarif-file'], join(scratch, `run-${runs}`, 'results.sarif'));
    assert.match(r.summary, /2 changed Markdown files checked: 4 errors, 3 warnings, 1 info/);
    assert.match(r.summary, /\| docs\/charter\.md \| 4 \| 0 \| 1 \|/);
  });

  it('follows fail-on: none never fails, info fails on anything, an unknown value is refused', () => {
    const payload = pullRequest(commits['base']!, commits['head']!);
    assert.equal(runAction('pull_request', payload, { 'fail-on': 'none' }).status, 0);
    assert.equal(runAction('pull_request', payload, { 'fail-on': 'info' }).status, 1);
    const wrong = runAction('pull_request', payload, { 'fail-on': 'sometimes' });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stdout, /::error title=PartnerLint::fail-on must be one of error, warning, info, none/);
  });

  it('checks what a push changed: warnings pass with fail-on error and fail with fail-on warning', () => {
    const payload = { before: commits['head'], after: commits['push'] };
    const lenient = runAction('push', payload, { 'sarif-file': 'reports/partnerlint.sarif' });
    assert.equal(lenient.status, 0, lenient.stdout);
    // A relative sarif-file is inside the workspace, and the output names it as given.
    assert.equal(lenient.outputs['sarif-file'], 'reports/partnerlint.sarif');
    assert.equal(JSON.parse(readFileSync(join(repo, 'reports', 'partnerlint.sarif'), 'utf8')).runs[0].results.length, 4);
    rmSync(join(repo, 'reports'), { recursive: true });
    assert.deepEqual(filesIn(lenient), ['docs/untouched.md']);
    assert.equal(lenient.outputs['warnings'], '4');
    assert.equal(lenient.outputs['errors'], '0');
    assert.equal(runAction('push', payload, { 'fail-on': 'warning' }).status, 1);
  });

  it('writes an empty SARIF file and passes when no Markdown changed', () => {
    const r = runAction('push', { before: commits['push'], after: commits['textOnly'] }, { 'fail-on': 'info' });
    assert.equal(r.status, 0, r.stdout);
    assert.equal(r.outputs['files-checked'], '0');
    assert.equal(r.sarif.version, '2.1.0');
    assert.deepEqual(r.sarif.runs[0].results, []);
    assert.deepEqual(r.annotations, []);
  });

  it('checks every Markdown file when the base commit is not in the clone, and says why', () => {
    const r = runAction('pull_request', pullRequest('1234567890abcdef1234567890abcdef12345678', commits['textOnly']!));
    assert.equal(r.status, 1, r.stdout);
    assert.equal(r.outputs['scope'], 'all');
    assert.equal(r.outputs['files-checked'], '4', 'README.md, docs/charter.md, docs/renamed plan.md, docs/untouched.md');
    assert.deepEqual(filesIn(r), ['docs/charter.md', 'docs/renamed plan.md', 'docs/untouched.md']);
    const notice = r.annotations.find((a) => a.command === 'notice' && !a.props['file']);
    assert.match(notice?.message ?? '', /commit 1234567890ab is not in the clone \(check out with fetch-depth: 0/);
  });

  it('checks every Markdown file matching paths on a new branch, a manual run, or with changed-only off', () => {
    const newBranch = runAction('push', { before: '0000000000000000000000000000000000000000', after: commits['textOnly'] }, { paths: 'docs/**\n!docs/untouched.md' });
    assert.equal(newBranch.outputs['scope'], 'all');
    assert.equal(newBranch.outputs['files-checked'], '2');
    assert.deepEqual(filesIn(newBranch), ['docs/charter.md', 'docs/renamed plan.md']);
    // Expected on a new branch: said in the log, not as an annotation.
    assert.match(newBranch.stdout, /all matching the paths; the push created the branch/);
    assert.deepEqual(newBranch.annotations.filter((a) => a.command === 'notice' && !a.props['file']), []);
    const manual = runAction('workflow_dispatch', {}, { 'fail-on': 'none' });
    assert.equal(manual.outputs['files-checked'], '4');
    assert.equal(manual.status, 0);
    const off = runAction('pull_request', pullRequest(commits['base']!, commits['head']!), { 'changed-only': 'false', paths: 'docs/untouched.md' });
    assert.equal(off.outputs['files-checked'], '1');
    assert.deepEqual(filesIn(off), ['docs/untouched.md']);
  });

  it('passes the config input to the CLI', () => {
    writeFileSync(join(scratch, 'strict.yaml'), 'rules:\n  commitment-unquantified: error\n');
    const r = runAction('push', { before: commits['base'], after: commits['head'] }, { config: join(scratch, 'strict.yaml'), 'fail-on': 'error' });
    // With this file instead of the repository's, placeholders are warnings again and vague commitments errors.
    const renamed = r.annotations.filter((a) => a.props['file'] === 'docs/renamed plan.md');
    assert.deepEqual(renamed.map((a) => a.command), ['error', 'error', 'error']);
    assert.ok(r.annotations.filter((a) => a.props['file'] === 'docs/charter.md' && a.props['title'] === 'PartnerLint placeholder-left').every((a) => a.command === 'warning'));
    assert.equal(r.status, 1);
  });
});
