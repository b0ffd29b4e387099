/**
 * The CLI's paths and what it says about files it did not check (issue 14, item 10): names that
 * look like globs, symlinked folders and cycles, notes in the json and SARIF formats, and a
 * settings file that cannot be read.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './cli-helpers';
import { formatSarif } from '../../src/cli/formatters';

const CHARTER = '---\ntype: partnership-charter\n---\n# Charter\n\n## Mutual Goals\nx\n## Value Exchange\nx\n## Timeline\nx\n## Measurement\nx\n';

interface Report {
  file: string;
  kind: string;
  note?: string;
  diagnostics: Array<{ ruleId: string; severity: string; message: string; line: number; column: number }>;
}

/** Whether this process can read the file (root can read a chmod 000 file). */
function readable(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}

async function json(args: string[], cwd: string) {
  const run = await cli(['--format', 'json', ...args], cwd);
  return { ...run, reports: (run.out ? JSON.parse(run.out) : []) as Report[] };
}

/** Makes a symlink, or skips the test where symlinks cannot be made (Windows without rights). */
function link(test: Mocha.Context, target: string, path: string, type?: 'dir' | 'file'): void {
  try {
    symlinkSync(target, path, type);
  } catch {
    test.skip();
  }
}

describe('CLI paths and notes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'partnerlint-paths-'));
  });
  afterEach(() => {
    // chmod 000 folders would stop the removal.
    try {
      execFileSync('chmod', ['-R', 'u+rwx', dir]);
    } catch {
      // not on this system
    }
    rmSync(dir, { recursive: true, force: true });
  });

  describe('an argument that names an existing file or folder is taken literally', () => {
    // Each name with a file the name would match as a glob, which must not be checked.
    const NAMES: Array<[string, string]> = [
      ['Q3 (final).md', 'Q3 final.md'],
      ['plan [v2].md', 'plan v.md'],
      ['notes {a,b}.md', 'notes a.md'],
      ['what?.md', 'whats.md'],
      ['star*.md', 'stars.md'],
      ['!draft.md', 'other.md'],
    ];
    for (const [name, decoy] of NAMES) {
      it(`"${name}"`, async function () {
        try {
          writeFileSync(join(dir, name), CHARTER);
        } catch {
          this.skip(); // a name this file system does not allow
        }
        writeFileSync(join(dir, decoy), CHARTER);
        const run = await json([name], dir);
        assert.equal(run.code, 0, run.err);
        assert.deepEqual(run.reports.map((r) => [r.file, r.kind]), [[name, 'partnership-charter']]);
        assert.ok(run.reports[0]!.diagnostics.some((d) => d.ruleId === 'charter-missing-section'));
      });
    }

    it('a folder whose name looks like a glob, named alone or with a file inside it', async () => {
      mkdirSync(join(dir, 'drafts (old)'));
      writeFileSync(join(dir, 'drafts (old)/charter.md'), CHARTER);
      writeFileSync(join(dir, 'drafts (old)/notes.md'), '# Notes\n');
      const run = await json(['drafts (old)', 'drafts (old)/charter.md'], dir);
      assert.equal(run.code, 0, run.err);
      assert.deepEqual(run.reports.map((r) => r.file), ['drafts (old)/charter.md', 'drafts (old)/notes.md']);
    });

    it('a real glob still expands when no file has its name, and one that matches nothing is a usage error', async () => {
      writeFileSync(join(dir, 'a.md'), CHARTER);
      writeFileSync(join(dir, 'b.md'), '# B\n');
      const run = await json(['*.md'], dir);
      assert.deepEqual(run.reports.map((r) => r.file), ['a.md', 'b.md']);
      const none = await cli(['*.markdown'], dir);
      assert.equal(none.code, 2);
      assert.match(none.err, /No files match \*\.markdown \(and no file or folder has that name\)\./);
      const missing = await cli(['Q4 (final).md'], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /No files match Q4 \(final\)\.md \(and no file or folder has that name\)\./);
      assert.match((await cli(['Q4 final.md'], dir)).err, /No such file or folder: Q4 final\.md/);
    });
  });

  describe('symlinks', () => {
    it('a symlinked folder: each real file is reported once', async function () {
      mkdirSync(join(dir, 'docs'));
      writeFileSync(join(dir, 'docs/charter.md'), CHARTER);
      link(this, 'docs', join(dir, 'mirror'), 'dir');
      const run = await json(['.'], dir);
      assert.deepEqual(run.reports.map((r) => r.file), ['docs/charter.md']);
      // Named both ways, or through a symlink to the file: still once, under its real path.
      link(this, 'docs/charter.md', join(dir, 'alias.md'), 'file');
      const named = await json(['mirror/charter.md', 'docs', 'alias.md'], dir);
      assert.deepEqual(named.reports.map((r) => r.file), ['docs/charter.md']);
    });

    it('a symlink cycle ends, each file once', async function () {
      mkdirSync(join(dir, 'a/b'), { recursive: true });
      writeFileSync(join(dir, 'a/charter.md'), CHARTER);
      writeFileSync(join(dir, 'a/b/plan.md'), '# Plan\n');
      link(this, '..', join(dir, 'a/b/up'), 'dir');
      link(this, 'loop', join(dir, 'a/loop'));
      const run = await json(['a'], dir);
      assert.equal(run.code, 0, run.err);
      assert.deepEqual(run.reports.map((r) => r.file), ['a/b/plan.md', 'a/charter.md']);
    });

    it('--fix writes a file reached twice once', async function () {
      mkdirSync(join(dir, 'docs'));
      writeFileSync(join(dir, 'docs/charter.md'), CHARTER);
      link(this, 'docs', join(dir, 'mirror'), 'dir');
      const run = await json(['--fix', '.'], dir);
      assert.equal(run.reports.length, 1);
      assert.equal(readFileSync(join(dir, 'docs/charter.md'), 'utf8').match(/^## Governance$/gm)?.length, 1);
    });
  });

  describe('notes in json and SARIF', () => {
    it('a binary file and a named pipe carry their note in json, and nothing else changes shape', async function () {
      writeFileSync(join(dir, 'logo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
      writeFileSync(join(dir, 'charter.md'), CHARTER);
      let pipe = true;
      try {
        execFileSync('mkfifo', [join(dir, 'pipe.md')]);
      } catch {
        pipe = false; // no named pipes here: the binary file alone
      }
      const run = await json(['.'], dir);
      assert.equal(run.code, 0, run.err);
      const byFile = new Map(run.reports.map((r) => [r.file, r]));
      assert.deepEqual(byFile.get('logo.md'), { file: 'logo.md', kind: 'none', note: 'not checked: a binary file', diagnostics: [] });
      if (pipe) {
        const named = await json(['pipe.md'], dir);
        assert.deepEqual(named.reports, [{ file: 'pipe.md', kind: 'none', note: 'not checked: not a regular file', diagnostics: [] }]);
      }
      assert.deepEqual(Object.keys(byFile.get('charter.md')!), ['file', 'kind', 'diagnostics'], 'no note field when there is no note');
    });

    it('SARIF lists each file not checked as a tool execution notification', async function () {
      writeFileSync(join(dir, 'logo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
      writeFileSync(join(dir, 'big notes.md'), '# Notes\n\n' + 'Nothing to see.\n'.repeat(20));
      const run = await cli(['--format', 'sarif', '--max-file-size', '100', 'logo.md', 'big notes.md'], dir);
      assert.equal(run.code, 0, run.err);
      const [invocation] = JSON.parse(run.out).runs[0].invocations;
      assert.equal(invocation.executionSuccessful, true);
      assert.deepEqual(invocation.toolExecutionNotifications, [
        { level: 'note', message: { text: 'logo.md: not checked: a binary file' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'logo.md' } } }] },
        { level: 'warning', message: { text: 'big notes.md: not checked: longer than 100 characters (--max-file-size)' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'big%20notes.md' } } }] },
      ]);
      // A run with nothing to say has an invocation without notifications.
      writeFileSync(join(dir, 'charter.md'), CHARTER);
      const clean = JSON.parse((await cli(['--format', 'sarif', 'charter.md'], dir)).out).runs[0];
      assert.deepEqual(clean.invocations, [{ executionSuccessful: true }]);
      assert.ok(clean.results.length > 0);
    });

    it('a file that cannot be read: an error notification and the run marked unsuccessful', () => {
      // Through the formatter, since root reads any file (the CLI run is below, when not root).
      const sarif = JSON.parse(formatSarif([
        { file: 'locked.md', kind: 'none', diagnostics: [], note: 'not checked: could not be read (EACCES)', noteLevel: 'error' },
        { file: 'notes.md', kind: 'none', diagnostics: [] },
      ], '0.0.0'));
      assert.deepEqual(sarif.runs[0].invocations, [{
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: 'error', message: { text: 'locked.md: not checked: could not be read (EACCES)' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'locked.md' } } }] }],
      }]);
    });

    it('a named symlink that loops: not checked, said so in every format, exit code 2', async function () {
      // Unreadable whoever runs it, root included; before, it was "No such file or folder".
      link(this, 'loop.md', join(dir, 'loop.md'));
      writeFileSync(join(dir, 'charter.md'), CHARTER);
      const run = await json(['loop.md', 'charter.md'], dir);
      assert.equal(run.code, 2);
      assert.match(run.err, /could not read loop\.md \(ELOOP\); it was not checked/);
      assert.deepEqual(run.reports[0], { file: 'loop.md', kind: 'none', note: 'not checked: could not be read (ELOOP)', diagnostics: [] });
      assert.equal(run.reports[1]!.kind, 'partnership-charter', 'the other files are still checked');
      const sarif = JSON.parse((await cli(['--format', 'sarif', 'loop.md'], dir)).out);
      assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
      assert.equal(sarif.runs[0].invocations[0].toolExecutionNotifications[0].level, 'error');
      const stylish = await cli(['loop.md'], dir);
      assert.match(stylish.out, /loop\.md {2}not checked: could not be read \(ELOOP\)/);
    });

    it('a document without read permission: the note in json and SARIF, exit code 2', async function () {
      writeFileSync(join(dir, 'locked.md'), CHARTER);
      chmodSync(join(dir, 'locked.md'), 0o000);
      if (readable(join(dir, 'locked.md'))) this.skip(); // root, or no POSIX permissions
      const run = await json(['locked.md'], dir);
      assert.equal(run.code, 2);
      assert.deepEqual(run.reports, [{ file: 'locked.md', kind: 'none', note: 'not checked: could not be read (EACCES)', diagnostics: [] }]);
      const sarif = await cli(['--format', 'sarif', 'locked.md'], dir);
      assert.equal(JSON.parse(sarif.out).runs[0].invocations[0].executionSuccessful, false);
    });
  });

  describe('a settings file that cannot be read', () => {
    beforeEach(() => {
      mkdirSync(join(dir, 'docs'));
      writeFileSync(join(dir, 'docs/charter.md'), CHARTER);
      // A settings file further up, which must not silently take the unreadable one's place.
      writeFileSync(join(dir, '.partnerlint.yaml'), 'rules:\n  charter-missing-section: off\n');
    });

    async function assertReported(file: string) {
      const run = await json(['docs'], dir);
      assert.equal(run.code, 1, run.err);
      const report = run.reports.find((r) => r.file === file);
      assert.ok(report, run.reports.map((r) => r.file).join(', '));
      assert.deepEqual(report.diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column]), [['config-invalid', 'error', 1, 1]]);
      assert.match(report.diagnostics[0]!.message, /^PartnerLint could not read this settings file \(E[A-Z]+\), so none of its settings apply\. Make it readable/);
      // Checked with the defaults, not with the settings file further up.
      assert.ok(run.reports.find((r) => r.file === 'docs/charter.md')!.diagnostics.some((d) => d.ruleId === 'charter-missing-section'));
      const stylish = await cli(['docs'], dir);
      assert.equal(stylish.code, 1);
      assert.match(stylish.out, new RegExp(`${file.replace(/\./g, '\\.')}\\n +1:1 +error +PartnerLint could not read this settings file`));
    }

    it('a symlink loop (unreadable whoever runs it)', async function () {
      link(this, '.partnerlint.yaml', join(dir, 'docs/.partnerlint.yaml'));
      await assertReported('docs/.partnerlint.yaml');
    });

    it('a file without read permission', async function () {
      writeFileSync(join(dir, 'docs/.partnerlint.yml'), 'rules: {}\n');
      chmodSync(join(dir, 'docs/.partnerlint.yml'), 0o000);
      if (readable(join(dir, 'docs/.partnerlint.yml'))) this.skip(); // root, or no POSIX permissions
      await assertReported('docs/.partnerlint.yml');
    });

    it('--config naming a file that cannot be read is a usage error, not a crash', async function () {
      link(this, 'self.yaml', join(dir, 'self.yaml'));
      const run = await cli(['--config', 'self.yaml', 'docs'], dir);
      assert.equal(run.code, 2);
      assert.match(run.err, /^partnerlint: Could not read the configuration file self\.yaml \(ELOOP\): check that it is a file PartnerLint may read\./);
      assert.doesNotMatch(run.err, /crashed/);
    });
  });
});
