/**
 * The CLI's paths (issue 14, item 10): names that look like globs, symlinked folders and cycles.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './cli-helpers';

const CHARTER = '---\ntype: partnership-charter\n---\n# Charter\n\n## Mutual Goals\nx\n## Value Exchange\nx\n## Timeline\nx\n## Measurement\nx\n';

interface Report {
  file: string;
  kind: string;
  note?: string;
  diagnostics: Array<{ ruleId: string; severity: string; message: string; line: number; column: number }>;
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
});
