/**
 * Hostile input through the CLI (main(), in-process): each hostile document of hostile-inputs.ts
 * as a file, plain and marked as a charter; a real PNG in a folder the CLI walks and under a
 * Markdown name; a named pipe; a file that is not valid UTF-8 under --fix; hostile
 * `.partnerlint.yaml` and `.partnerlint/trees/x.yaml` files. Every run must end within the bound
 * with exit code 0 or 1 and a report naming every file, never a crash (exit code 2).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './cli-helpers';
import { readDocument } from '../../src/cli/read-document';
import { AS_CHARTER, BOUND_MS, HOSTILE_CONFIGS, HOSTILE_DOCUMENTS, HOSTILE_TREES, PARSER_BOUND_DOCUMENTS, charterBody, pngBytes } from './hostile-inputs';


interface Report {
  file: string;
  kind: string;
  diagnostics: Array<{ ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }>;
}


async function json(args: string[], cwd: string) {
  const run = await cli(['--format', 'json', ...args], cwd);
  assert.ok(run.code === 0 || run.code === 1, `exit code ${run.code}: ${run.err}`);
  return { ...run, reports: JSON.parse(run.out) as Report[] };
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe('hostile input through the CLI', function () {
  this.timeout(Math.max(120_000, BOUND_MS * 10));
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'partnerlint-hostile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('documents', () => {
    for (const doc of HOSTILE_DOCUMENTS) {
      for (const variant of ['ordinary', 'charter'] as const) {
        it(`${doc.name} (${variant})`, async () => {
          const file = `${slug(doc.name)}-${variant}.md`;
          writeFileSync(join(dir, file), variant === 'charter' ? doc.charter() : doc.ordinary(), 'utf8');
          const run = await json([file], dir);
          assert.equal(run.reports.length, 1);
          const [report] = run.reports;
          assert.equal(report!.file, file);
          const text = variant === 'charter' ? doc.charter() : doc.ordinary();
          if (Buffer.from(text, 'utf8').subarray(0, 8192).includes(0)) {
            // A NUL byte near the top: read as a binary file, not checked (docs/robustness.md).
            assert.deepEqual([report!.kind, report!.diagnostics], ['none', []]);
          } else if (variant === 'ordinary') {
            assert.equal(report!.kind, 'none');
            assert.deepEqual(report!.diagnostics, []);
          } else {
            assert.equal(report!.kind, 'partnership-charter');
            assert.ok(report!.diagnostics.length > 0, 'a diagnostic, or one saying why it was not checked');
            assert.ok(!report!.diagnostics.some((d) => /failed on this document/.test(d.message)));
          }
          assert.ok(run.ms < (variant === 'charter' ? doc.boundMs ?? BOUND_MS : BOUND_MS), `took ${run.ms} ms`);
        });
      }
    }

    // Shapes the Markdown parser takes super-linear time on: refused by the engine's guard, the
    // same way as a document nested too deeply (one information diagnostic, exit code 0).
    for (const doc of PARSER_BOUND_DOCUMENTS) {
      it(`${doc.name} (charter): one information message saying why and where, exit code 0`, async () => {
        const file = `${slug(doc.name)}-charter.md`;
        writeFileSync(join(dir, file), doc.charter(), 'utf8');
        const run = await json([file], dir);
        assert.equal(run.code, 0);
        assert.deepEqual(run.reports.map((r) => [r.file, r.kind]), [[file, 'partnership-charter']]);
        assert.deepEqual(run.reports[0]!.diagnostics.map((d) => [d.ruleId, d.severity, d.line]), [['document-too-complex', 'info', 4]]);
        assert.match(run.reports[0]!.diagnostics[0]!.message, /^PartnerLint did not analyse this document: the text at line 4 /);
        assert.ok(run.ms < BOUND_MS, `took ${run.ms} ms`);
        const stylish = await cli([file], dir);
        assert.equal(stylish.code, 0);
        assert.match(stylish.out, /4:1 +info +PartnerLint did not analyse this document: the text at line 4/);
        assert.match(stylish.out, /document-too-complex/);
      });
    }

    it('a charter the CLI is allowed to read but the engine finds too long: document-too-complex (maxSize), as for nesting', async () => {
      // Just over the default maxSize (1,000,000 characters after the front matter), and mostly a
      // fenced appendix, which the parser reads quickly and the rules have nothing to say about,
      // so that the run with maxSize raised, which analyses all of it, stays short.
      const body = '# Long Partnership Charter\n\n```text\n' + 'an appendix line of logged numbers 0123456789\n'.repeat(21_800) + '```\n';
      assert.ok(body.length > 1_000_000 && body.length < 1_010_000, `${body.length} characters`);
      writeFileSync(join(dir, 'long-charter.md'), AS_CHARTER + body);
      const run = await json(['--max-file-size', '5000000', 'long-charter.md'], dir);
      assert.equal(run.code, 0);
      assert.deepEqual(run.reports[0]!.diagnostics.map((d) => [d.ruleId, d.severity, d.line]), [['document-too-complex', 'info', 1]]);
      assert.match(run.reports[0]!.diagnostics[0]!.message, /more than the 1,000,000 it reads \(maxSize\)\. Split it into smaller documents, or raise maxSize in \.partnerlint\.yaml/);
      // With maxSize raised in .partnerlint.yaml, it is checked.
      mkdirSync(join(dir, 'raised'), { recursive: true });
      writeFileSync(join(dir, 'raised/.partnerlint.yaml'), 'maxSize: 2000000\n');
      writeFileSync(join(dir, 'raised/long-charter.md'), readFileSync(join(dir, 'long-charter.md')));
      const raised = await json(['--max-file-size', '5000000', 'raised/long-charter.md'], dir);
      const ids = new Set(raised.reports.find((r) => r.file === 'raised/long-charter.md')!.diagnostics.map((d) => d.ruleId));
      assert.ok(!ids.has('document-too-complex') && ids.has('charter-missing-section'), [...ids].join(', '));
    });

    it('a charter longer than --max-file-size gets one information message, an ordinary file none', async () => {
      writeFileSync(join(dir, 'huge-charter.md'), AS_CHARTER + '# Huge Partnership Charter\n\n' + 'We will commit budget.\n'.repeat(300_000));
      writeFileSync(join(dir, 'huge-notes.md'), '# Notes\n\n' + 'Nothing to see.\n'.repeat(300_000));
      const run = await json(['huge-charter.md', 'huge-notes.md'], dir);
      const byFile = new Map(run.reports.map((r) => [r.file, r]));
      assert.deepEqual(byFile.get('huge-charter.md')!.diagnostics.map((d) => [d.ruleId, d.severity, d.line]), [['file-too-large', 'info', 1]]);
      assert.match(byFile.get('huge-charter.md')!.diagnostics[0]!.message, /longer than 1,000,000 characters/);
      assert.equal(byFile.get('huge-notes.md')!.kind, 'none');
      assert.deepEqual(byFile.get('huge-notes.md')!.diagnostics, []);
      assert.ok(run.ms < BOUND_MS, `took ${run.ms} ms`);
      // The limit is a setting; stylish output says which files were not checked.
      const stylish = await cli(['--max-file-size', '100', 'huge-notes.md'], dir);
      assert.equal(stylish.code, 0);
      assert.match(stylish.out, /huge-notes\.md {2}not checked: longer than 100 characters \(--max-file-size\)/);
      assert.equal((await cli(['--max-file-size', 'lots', 'huge-notes.md'], dir)).code, 2);
    });
  });

  describe('files that are not text', () => {
    it('skips a PNG in a folder it walks, and reports a PNG named like Markdown as a binary file', async () => {
      mkdirSync(join(dir, 'site/images'), { recursive: true });
      writeFileSync(join(dir, 'site/images/logo.png'), pngBytes());
      writeFileSync(join(dir, 'site/logo.md'), pngBytes());
      writeFileSync(join(dir, 'site/charter.md'), AS_CHARTER + '# Acme × Globex Partnership Charter\n' + charterBody());
      const run = await json(['site'], dir);
      assert.deepEqual(run.reports.map((r) => [r.file, r.kind]), [['site/charter.md', 'partnership-charter'], ['site/logo.md', 'none']]);
      assert.deepEqual(run.reports[1]!.diagnostics, []);
      const stylish = await cli(['site/logo.md', 'site/images/logo.png'], dir);
      assert.equal(stylish.code, 0, stylish.err);
      assert.match(stylish.out, /site\/logo\.md {2}not checked: a binary file/);
      assert.match(stylish.out, /site\/images\/logo\.png {2}not checked: a binary file/);
    });

    it('does not wait on a named pipe', async function () {
      try {
        execFileSync('mkfifo', [join(dir, 'pipe.md')]);
      } catch {
        this.skip();
      }
      const run = await cli(['--format', 'json', 'pipe.md'], dir);
      assert.equal(run.code, 0, run.err);
      // The note says why it was not checked, so that a pipe does not look like a clean document.
      assert.deepEqual(JSON.parse(run.out), [{ file: 'pipe.md', kind: 'none', note: 'not checked: not a regular file', diagnostics: [] }]);
      rmSync(join(dir, 'pipe.md'));
    });

    it('checks a file that is not valid UTF-8, but never rewrites it with --fix', async () => {
      const latin1 = Buffer.concat([Buffer.from(`${AS_CHARTER}# Acme \xd7 Globex Partnership Charter\n\n## Governance\n\nOwner: Ren`), Buffer.from([0xe9]), Buffer.from('e\n')]);
      writeFileSync(join(dir, 'latin1.md'), latin1);
      const run = await cli(['--fix', 'latin1.md'], dir);
      assert.ok(run.code === 0 || run.code === 1, run.err);
      assert.match(run.out, /not fixed: the file is not valid UTF-8/);
      assert.deepEqual(readFileSync(join(dir, 'latin1.md')), latin1, 'the bytes are untouched');
    });

    it('reads a file that vanished or cannot be read as "not checked", never a crash', async () => {
      symlinkSync(join(dir, 'nowhere.md'), join(dir, 'dangling.md'));
      const read = await readDocument(join(dir, 'dangling.md'));
      assert.deepEqual(read, { kind: 'unreadable', reason: 'ENOENT' });
      assert.equal((await readDocument(dir)).kind, 'not-a-file');
    });
  });

  describe('configuration files', () => {
    for (const config of HOSTILE_CONFIGS) {
      it(`.partnerlint.yaml with ${config.name}`, async () => {
        const folder = join(dir, 'configs', slug(config.name));
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, '.partnerlint.yaml'), config.text());
        writeFileSync(join(folder, 'charter.md'), `${AS_CHARTER}# Acme × Globex Partnership Charter\n${charterBody()}`);
        writeFileSync(join(folder, 'notes.md'), '# Notes\n\nTBD\n');
        const run = await json([join('configs', slug(config.name))], dir);
        const files = run.reports.map((r) => r.file);
        const base = `configs/${slug(config.name)}`;
        assert.ok(files.includes(`${base}/charter.md`) && files.includes(`${base}/notes.md`), files.join(', '));
        assert.equal(run.reports.find((r) => r.file === `${base}/charter.md`)!.kind, 'partnership-charter');
        assert.deepEqual(run.reports.find((r) => r.file === `${base}/notes.md`)!.diagnostics, []);
        const problems = run.reports.find((r) => r.file === `${base}/.partnerlint.yaml`);
        for (const d of problems?.diagnostics ?? []) assert.equal(d.ruleId, 'config-invalid');
        assert.ok(run.ms < BOUND_MS, `took ${run.ms} ms`);
      });
    }
  });

  describe('decision tree files', () => {
    for (const tree of HOSTILE_TREES) {
      it(`.partnerlint/trees/x.yaml with ${tree.name}`, async () => {
        const folder = join(dir, 'trees', slug(tree.name));
        mkdirSync(join(folder, '.partnerlint/trees'), { recursive: true });
        writeFileSync(join(folder, '.partnerlint/trees/x.yaml'), tree.text());
        writeFileSync(join(folder, 'record.md'), '---\ntype: decision-record\ntree: x\nanswers:\n  q: yes\n---\n# Decision\n');
        const run = await json([join('trees', slug(tree.name))], dir);
        const base = `trees/${slug(tree.name)}`;
        const treeReport = run.reports.find((r) => r.file === `${base}/.partnerlint/trees/x.yaml`);
        assert.ok(treeReport, run.reports.map((r) => r.file).join(', '));
        for (const d of treeReport.diagnostics) assert.equal(d.ruleId, 'tree-invalid');
        assert.equal(run.reports.find((r) => r.file === `${base}/record.md`)!.kind, 'decision-record');
        assert.ok(run.ms < BOUND_MS, `took ${run.ms} ms`);
      });
    }
  });
});
