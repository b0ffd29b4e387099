/**
 * action.yml and .pre-commit-hooks.yaml agree with the code they run: every input the Action's
 * script reads is declared and passed to it, every declared input is used, every output is
 * written; the pre-commit hook's entry is the package's bin, and what `npm pack` ships holds it.
 * Also the Action script's pure parts: events to commits, SARIF to workflow commands, fail-on.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUTS, OUTPUTS, FAIL_ON, annotations, escapeProperty, fails, parsePatterns, rangeOf } from '../../src/action/main';

const root = process.cwd();
const readYaml = (file: string) => parse(readFileSync(join(root, file), 'utf8'));

describe('action.yml', () => {
  const action = readYaml('action.yml');
  const steps = action.runs.steps as Array<Record<string, any>>;
  const lint = steps.find((s) => s.id === 'lint')!;

  it('is a composite action whose lint step runs the bundled script', () => {
    assert.equal(action.runs.using, 'composite');
    assert.match(lint.run, /node "\$GITHUB_ACTION_PATH\/dist\/action\.js"/);
    // The step before builds what it runs when dist/ is not there (it is not committed).
    const build = steps[steps.indexOf(lint) - 1]!;
    assert.match(build.run, /\[ ! -f dist\/action\.js \]/);
    assert.match(build.run, /npm ci --ignore-scripts/);
    assert.match(build.run, /node scripts\/build\.mjs --production/);
    assert.match(readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8'), /action: 'src\/action\/main\.ts'/, 'the build makes dist/action.js');
  });

  it('declares every input the script reads, with the same default, and passes it in its variable', () => {
    for (const [name, { env, default: fallback }] of Object.entries(INPUTS)) {
      assert.ok(action.inputs[name], `input ${name} is declared`);
      assert.equal(String(action.inputs[name].default), fallback, `input ${name}'s default`);
      assert.equal(lint.env[env], `\${{ inputs.${name} }}`, `${env} carries input ${name}`);
    }
    assert.deepEqual(Object.keys(lint.env).sort(), Object.values(INPUTS).map((i) => i.env).sort(), 'no variable the script does not read');
  });

  it('uses every input it declares', () => {
    const otherSteps = JSON.stringify(steps.filter((s) => s !== lint));
    for (const name of Object.keys(action.inputs)) {
      assert.ok(name in INPUTS || otherSteps.includes(`inputs.${name} `), `input ${name} is read by the script or a step`);
    }
    assert.match(action.inputs['fail-on'].description, new RegExp(FAIL_ON.join('.*')));
  });

  it('declares exactly the outputs the script writes', () => {
    assert.deepEqual(Object.keys(action.outputs).sort(), [...OUTPUTS].sort());
    for (const name of OUTPUTS) assert.equal(action.outputs[name].value, `\${{ steps.lint.outputs.${name} }}`);
  });

  it('uploads the SARIF file behind upload-sarif, even after the check failed the step', () => {
    const upload = steps.find((s) => typeof s.uses === 'string' && s.uses.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.ok(upload, 'an upload-sarif step');
    assert.match(upload.if, /always\(\)/);
    assert.match(upload.if, /inputs\.upload-sarif == 'true'/);
    assert.equal(upload.with.sarif_file, '${{ steps.lint.outputs.sarif-file }}');
    assert.ok(steps.indexOf(upload) > steps.indexOf(lint));
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = readYaml('.pre-commit-hooks.yaml') as Array<Record<string, any>>;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  it('offers a node hook on Markdown files whose entry is the package bin', () => {
    const hook = hooks.find((h) => h.id === 'partnerlint')!;
    assert.ok(hook);
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types, ['markdown']);
    assert.notEqual(hook.pass_filenames, false);
    assert.ok(pkg.bin[hook.entry], `entry ${hook.entry} is a bin of package.json`);
    assert.equal(pkg.bin[hook.entry], 'dist/cli.js');
    // pre-commit installs the repository with npm: `prepare` must build the bin.
    assert.match(pkg.scripts.prepare, /scripts\/build\.mjs/);
  });

  it('is shipped by npm pack: .npmignore keeps the bin and its worker', () => {
    const ignore = readFileSync(join(root, '.npmignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const file of ['dist/cli.js', 'dist/lint-worker.js']) assert.ok(ignore.includes(`!/${file}`), `${file} is packed`);
  });
});

describe('the Action script', () => {
  it('reads the commits to compare from pull request, push and merge group events', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    assert.deepEqual(rangeOf('pull_request', { pull_request: { number: 3, base: { sha: a }, head: { sha: b } } }), { base: a, head: b, what: 'pull request #3' });
    assert.deepEqual(rangeOf('push', { before: a, after: b }), { base: a, head: b, what: 'the push' });
    assert.deepEqual(rangeOf('merge_group', { merge_group: { base_sha: a, head_sha: b } }), { base: a, head: b, what: 'the merge group' });
    assert.match((rangeOf('push', { before: '0'.repeat(40), after: b }) as { reason: string }).reason, /created the branch/);
    assert.match((rangeOf('push', { before: a, after: '0'.repeat(40) }) as { reason: string }).reason, /deleted the branch/);
    assert.ok('reason' in rangeOf('pull_request', { pull_request: { base: { sha: 'main; rm -rf /' }, head: { sha: b } } }), 'only commit ids reach git');
    assert.ok('reason' in rangeOf('pull_request', null));
    assert.ok('reason' in rangeOf('schedule', {}));
  });

  it('turns SARIF results into workflow commands with escaped values', () => {
    const lines = annotations({
      runs: [{
        results: [
          { ruleId: 'r', level: 'error', message: { text: '50% done,\nnext: line' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a%2Cb/x%20y.md' }, region: { startLine: 3, startColumn: 2, endLine: 3, endColumn: 9 } } }] },
          { ruleId: 'q', level: 'note', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'c.md' }, region: { startLine: 1, startColumn: 1, endLine: 4, endColumn: 2 } } }] },
        ],
        invocations: [{ toolExecutionNotifications: [{ level: 'error', message: { text: 'd.md: not checked' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'd.md' } } }] }] }],
      }],
    });
    assert.deepEqual(lines, [
      '::error file=a%2Cb/x y.md,line=3,col=2,endLine=3,endColumn=9,title=PartnerLint r::50%25 done,%0Anext: line',
      // An end column only on a one-line range, as GitHub wants.
      '::notice file=c.md,line=1,col=1,endLine=4,title=PartnerLint q::m',
      '::error file=d.md,title=PartnerLint::d.md: not checked',
    ]);
    assert.equal(escapeProperty('a:b,c'), 'a%3Ab%2Cc');
  });

  it('fails by the fail-on level', () => {
    const none = { errors: 0, warnings: 0, info: 0 };
    const table: Array<[string, typeof none, boolean[]]> = [
      ['nothing', none, [false, false, false, false]],
      ['info only', { ...none, info: 1 }, [false, false, true, false]],
      ['a warning', { ...none, warnings: 1 }, [false, true, true, false]],
      ['an error', { ...none, errors: 1 }, [true, true, true, false]],
    ];
    for (const [what, counts, expected] of table) {
      assert.deepEqual(FAIL_ON.map((level) => fails(level, counts)), expected, what);
    }
  });

  it('reads paths as globs, one a line or comma separated, with ! to leave out', () => {
    assert.deepEqual(parsePatterns('docs/**\n !docs/archive/** ,plans/*.md\n'), { include: ['docs/**', 'plans/*.md'], exclude: ['docs/archive/**'] });
    assert.deepEqual(parsePatterns('!old/**'), { include: ['**'], exclude: ['old/**'] });
  });
});
