/**
 * The pre-commit hook as pre-commit runs it: pre-commit installs the repository as an npm package
 * (`npm pack`, then `npm install -g` of the tarball) and runs the hook's entry, the package's bin,
 * with the staged Markdown files appended. Here the package is packed offline from the built CLI,
 * unpacked without node_modules (the bin is one bundle and needs none), put on PATH under the
 * entry's name as npm links it, and run on files. Thorough stage: it runs npm, tar and the CLI.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { builtCli } from './cli-helpers';

describe('the pre-commit hook', function () {
  this.timeout(120_000);
  const root = process.cwd();
  let dist: string;
  let own = false;
  let work: string;
  let packed: string[];
  let tarball: string;
  let bin: string;
  const hook = (parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, any>>).find((h) => h.id === 'partnerlint')!;

  before(() => {
    ({ dist, own } = builtCli());
    work = mkdtempSync(join(tmpdir(), 'partnerlint-pre-commit-'));
    // What the package folder holds after `npm install` (prepare builds dist/), with sources beside.
    const stage = join(work, 'stage');
    mkdirSync(join(stage, 'dist'), { recursive: true });
    for (const f of ['package.json', 'README.md', 'LICENSE', '.npmignore', '.npmrc']) copyFileSync(join(root, f), join(stage, f));
    // The files of dist/ (its web/ folder is the web extension's, which the npm package leaves out).
    for (const f of readdirSync(dist, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)) copyFileSync(join(dist, f), join(stage, 'dist', f));
    cpSync(join(root, 'src', 'cli'), join(stage, 'src', 'cli'), { recursive: true });
    // `prepare` (the build, already done above) runs again in npm pack; here it only prints, as the
    // build does, which must not reach what pre-commit reads.
    mkdirSync(join(stage, 'scripts'));
    writeFileSync(join(stage, 'scripts', 'build.mjs'), "console.log('Built bundles in dist/ and out/');\n");
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' };
    for (const key of Object.keys(env)) if (/^npm_config_foreground_scripts$/i.test(key)) delete env[key];
    // pre-commit takes npm pack's whole output, stripped, as the tarball's file name.
    tarball = execFileSync('npm', ['pack'], { cwd: stage, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    const listing = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: stage, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }));
    packed = listing[0].files.map((f: { path: string }) => f.path).sort();
    mkdirSync(join(work, 'installed'));
    execFileSync('tar', ['-xzf', join(stage, tarball), '-C', join(work, 'installed')]);
    // npm links each bin into the prefix's bin folder and makes its target executable.
    const pkg = JSON.parse(readFileSync(join(work, 'installed', 'package', 'package.json'), 'utf8'));
    bin = join(work, 'bin');
    mkdirSync(bin);
    const target = join(work, 'installed', 'package', pkg.bin[hook.entry]);
    chmodSync(target, 0o755);
    symlinkSync(target, join(bin, hook.entry));
  });
  after(() => {
    if (own) rmSync(dist, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('packs the bin and its worker, and nothing of the sources', () => {
    const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(tarball, `${name}-${version}.tgz`, 'npm pack prints only the file name (.npmrc: foreground-scripts=false)');
    assert.deepEqual(packed, ['LICENSE', 'README.md', 'dist/cli.js', 'dist/lint-worker.js', 'dist/server.js', 'package.json']);
  });

  /** Runs the hook's entry from PATH in `repo` with the file names appended, as pre-commit does. */
  const runHook = (repo: string, files: string[]) =>
    spawnSync(hook.entry, [...(hook.args ?? []), ...files], { cwd: repo, encoding: 'utf8', env: { PATH: `${bin}${delimiter}${process.env['PATH']}`, NO_COLOR: '1' } });

  it('fails the commit on a document with errors, and passes clean and ordinary Markdown', () => {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'docs'), { recursive: true });
    const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', name), 'utf8');
    writeFileSync(join(repo, 'docs', 'decision.md'), fixture('decision-broken-yaml.md'));
    writeFileSync(join(repo, 'docs', 'tiers.md'), fixture('clean-tier-model.md'));
    writeFileSync(join(repo, 'docs', 'charter draft.md'), fixture('charter-handshake.md'));
    writeFileSync(join(repo, 'README.md'), '# Tools\n\nHow to build this repository.\n');

    const failing = runHook(repo, ['README.md', 'docs/decision.md', 'docs/tiers.md']);
    assert.equal(failing.status, 1, failing.stdout + failing.stderr);
    assert.match(failing.stdout, /docs\/decision\.md[\s\S]*8:13\s+error\s+The front matter is not valid YAML/);
    assert.doesNotMatch(failing.stdout, /tiers\.md|README/);

    const clean = runHook(repo, ['README.md', 'docs/tiers.md']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /No problems in 1 strategy document \(2 Markdown files read\)/);

    // Warnings show but do not block the commit (args: ["--max-warnings", "0"] makes them).
    const warned = runHook(repo, ['docs/charter draft.md']);
    assert.equal(warned.status, 0, warned.stdout + warned.stderr);
    assert.match(warned.stdout, /4 problems \(0 errors, 4 warnings, 0 info\)/);
    const strict = spawnSync(hook.entry, ['--max-warnings', '0', 'docs/charter draft.md'], { cwd: repo, encoding: 'utf8', env: { PATH: `${bin}${delimiter}${process.env['PATH']}`, NO_COLOR: '1' } });
    assert.equal(strict.status, 1);
  });
});
