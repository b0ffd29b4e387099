/**
 * A hostile workspace's settings and decision tree files, on a real file system: each case is a
 * folder holding a charter and the hostile file(s), linted by the CLI (main(), in-process), or,
 * for Restricted Mode and an unreadable file, loaded through the guarded reader the editor uses.
 * Every case must end within BOUND_MS of wall-clock time (a pipe that is opened waits forever, and
 * costs no CPU: CPU time would not show it), check the charter, and report the hostile file as a
 * config-invalid problem (or a tree problem) that says why.
 *
 * With PARTNERLINT_SETTINGS_ROBUSTNESS_OUT=<file> the rows are written there as the Markdown
 * table of docs/robustness.md ("Hostile workspaces").
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './cli-helpers';
import { BOUND_MS, AS_CHARTER, charterBody } from './hostile-inputs';
import { SettingsReader, type SettingsFileSystem } from '../../src/core/settings-reader';
import { nodeSettingsFs } from '../../src/cli/settings-fs';
import { loadConfigFile, MAX_CONFIG_FILES, MAX_EXTENDS_DEPTH } from '../../src/core/config-file';
import { KNOWN_IDS } from '../../src/core/lint-file';

interface Row {
  input: string;
  via: string;
  ms: number;
  outcome: string;
}
const rows: Row[] = [];

after(() => {
  const out = process.env['PARTNERLINT_SETTINGS_ROBUSTNESS_OUT'];
  if (!out) return;
  const lines = ['| Case | Read by | Time | Outcome |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.input} | ${r.via} | ${r.ms} ms | ${r.outcome.replace(/\|/g, '\\|')} |`);
  writeFileSync(out, lines.join('\n') + '\n');
});

interface Report {
  file: string;
  kind: string;
  diagnostics: Array<{ ruleId: string; message: string }>;
}

/** Ends with a failure, not a hang, when `promise` takes longer than the bound. */
async function bounded<T>(promise: Promise<T>, what: string): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${BOUND_MS * 2} ms`)), BOUND_MS * 2);
  });
  try {
    const value = await Promise.race([promise, limit]);
    return { value, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

const short = (message: string) => (message.length > 110 ? `${message.slice(0, 107)}…` : message);

describe('hostile workspaces: settings and decision tree files', function () {
  this.timeout(Math.max(60_000, BOUND_MS * 6));
  let dir: string;
  let pipes = true;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'partnerlint-settings-'));
    try {
      execFileSync('mkfifo', [join(dir, 'probe')]);
    } catch {
      pipes = false;
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * Lints a folder holding a charter and what `setup` writes, through the CLI; checks the charter
   * was checked and returns the problems reported on the other files.
   */
  async function lintFolder(name: string, setup: (folder: string) => void, expect: RegExp): Promise<void> {
    const folder = join(dir, name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'charter.md'), AS_CHARTER + '# Acme × Globex Partnership Charter\n' + charterBody());
    setup(folder);
    const { value: run, ms } = await bounded(cli(['--format', 'json', 'charter.md'], folder), name);
    assert.ok(run.code === 0 || run.code === 1, `exit code ${run.code}: ${run.err}`);
    const reports = JSON.parse(run.out) as Report[];
    const charter = reports.find((r) => r.file === 'charter.md');
    assert.equal(charter?.kind, 'partnership-charter', 'the charter is still checked');
    const problems = reports.filter((r) => r.file !== 'charter.md').flatMap((r) => r.diagnostics.map((d) => ({ file: r.file, ...d })));
    const hit = problems.find((p) => expect.test(p.message));
    assert.ok(hit, `no problem matching ${expect}: ${JSON.stringify(problems)}`);
    assert.ok(ms < BOUND_MS, `took ${ms} ms`);
    rows.push({ input: name, via: 'CLI', ms, outcome: `exit ${run.code}, charter checked; ${hit.ruleId} on ${hit.file}: "${short(hit.message)}"` });
  }

  it('extends chain six deep, each file naming the next eight times', async () => {
    await lintFolder('extends chain six deep, each file naming the next eight times', (folder) => {
      writeFileSync(join(folder, '.partnerlint.yaml'), 'extends: c0.yaml\nrules:\n  no-such-rule: error\n');
      for (let i = 0; i < 6; i++) writeFileSync(join(folder, `c${i}.yaml`), `extends: [${Array(8).fill(`c${i + 1}.yaml`).join(', ')}]\n`);
      writeFileSync(join(folder, 'c6.yaml'), 'rules:\n  placeholder-left: error\n');
    }, /not a PartnerLint rule/);
  });

  it(`extends chain ${MAX_EXTENDS_DEPTH + 12} files deep`, async () => {
    await lintFolder(`extends chain ${MAX_EXTENDS_DEPTH + 12} files deep`, (folder) => {
      writeFileSync(join(folder, '.partnerlint.yaml'), 'extends: d1.yaml\n');
      for (let i = 1; i < MAX_EXTENDS_DEPTH + 12; i++) writeFileSync(join(folder, `d${i}.yaml`), `extends: d${i + 1}.yaml\n`);
    }, /files deep/);
  });

  it(`extends naming ${MAX_CONFIG_FILES * 4} files`, async () => {
    await lintFolder(`extends naming ${MAX_CONFIG_FILES * 4} files`, (folder) => {
      const names = Array.from({ length: MAX_CONFIG_FILES * 4 }, (_, i) => `f${i}.yaml`);
      writeFileSync(join(folder, '.partnerlint.yaml'), `extends: [${names.join(', ')}]\n`);
      for (const n of names) writeFileSync(join(folder, n), 'rules: {}\n');
    }, /configuration files are extended/);
  });

  it('extends cycle', async () => {
    await lintFolder('extends cycle (a → b → a)', (folder) => {
      writeFileSync(join(folder, '.partnerlint.yaml'), 'extends: a.yaml\n');
      writeFileSync(join(folder, 'a.yaml'), 'extends: b.yaml\n');
      writeFileSync(join(folder, 'b.yaml'), 'extends: a.yaml\n');
    }, /circle/);
  });

  it('extends: /dev/zero', async function () {
    if (process.platform === 'win32') this.skip();
    await lintFolder('extends: /dev/zero', (folder) => writeFileSync(join(folder, '.partnerlint.yaml'), 'extends: /dev/zero\n'), /not a regular file/);
  });

  it('extends a folder', async () => {
    await lintFolder('extends a folder', (folder) => {
      mkdirSync(join(folder, 'shared.yaml'));
      writeFileSync(join(folder, '.partnerlint.yaml'), 'extends: shared.yaml\n');
    }, /does not exist/);
  });

  it('a named pipe as .partnerlint.yaml', async function () {
    if (!pipes) this.skip();
    await lintFolder('a named pipe as .partnerlint.yaml', (folder) => execFileSync('mkfifo', [join(folder, '.partnerlint.yaml')]), /not a regular file/);
  });

  it('a named pipe that a settings file extends', async function () {
    if (!pipes) this.skip();
    await lintFolder('a named pipe that a settings file extends', (folder) => {
      execFileSync('mkfifo', [join(folder, 'pipe.yaml')]);
      writeFileSync(join(folder, '.partnerlint.yaml'), 'extends: pipe.yaml\n');
    }, /not a regular file/);
  });

  it('a named pipe as a decision tree file', async function () {
    if (!pipes) this.skip();
    await lintFolder('a named pipe as .partnerlint/trees/x.yaml', (folder) => {
      mkdirSync(join(folder, '.partnerlint', 'trees'), { recursive: true });
      execFileSync('mkfifo', [join(folder, '.partnerlint', 'trees', 'x.yaml')]);
    }, /not a regular file/);
  });

  it('a 20 MB .partnerlint.yaml', async () => {
    await lintFolder('a 20 MB .partnerlint.yaml', (folder) => writeFileSync(join(folder, '.partnerlint.yaml'), '# ' + 'x'.repeat(20 * 1024 * 1024) + '\n'), /MB|KB/);
  });

  it('a 20 MB decision tree file', async () => {
    await lintFolder('a 20 MB .partnerlint/trees/x.yaml', (folder) => {
      mkdirSync(join(folder, '.partnerlint', 'trees'), { recursive: true });
      writeFileSync(join(folder, '.partnerlint', 'trees', 'x.yaml'), '# ' + 'x'.repeat(20 * 1024 * 1024) + '\n');
    }, /KB/);
  });

  it('an unreadable .partnerlint.yaml (permission denied)', async () => {
    // As root no file is unreadable: the file system refuses the read here instead.
    const denied: SettingsFileSystem = {
      ...nodeSettingsFs,
      stat: async () => ({ type: 'file', size: 10 }),
      readFile: () => Promise.reject(Object.assign(new Error("EACCES: permission denied, open '/w/.partnerlint.yaml'"), { code: 'EACCES' })),
    };
    const { value: loaded, ms } = await bounded(loadConfigFile('/w/.partnerlint.yaml', new SettingsReader(denied), KNOWN_IDS), 'unreadable');
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0]!.message, /could not read this settings file \(EACCES\)/);
    rows.push({ input: 'an unreadable .partnerlint.yaml (permission denied)', via: 'guarded reader', ms, outcome: `config-invalid on .partnerlint.yaml: "${short(loaded.problems[0]!.message)}"` });
  });

  it('extends outside the workspace folder, in an untrusted workspace (Restricted Mode)', async () => {
    const folder = join(dir, 'restricted', 'workspace');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(dir, 'restricted', 'outside.yaml'), 'rules:\n  placeholder-left: off\n');
    writeFileSync(join(folder, '.partnerlint.yaml'), 'extends: ../outside.yaml\n');
    const restricted = new SettingsReader(nodeSettingsFs, { root: folder });
    const { value: loaded, ms } = await bounded(loadConfigFile(join(folder, '.partnerlint.yaml'), restricted, KNOWN_IDS), 'restricted');
    assert.equal(loaded.problems.length, 1, JSON.stringify(loaded.problems));
    assert.match(loaded.problems[0]!.message, /outside the workspace folder/);
    assert.equal(loaded.config.rules['placeholder-left'], undefined, 'the file outside was not applied');
    rows.push({ input: 'extends ../outside.yaml in an untrusted workspace', via: 'guarded reader, Restricted Mode', ms, outcome: `not read; config-invalid on .partnerlint.yaml: "${short(loaded.problems[0]!.message)}"` });
    // Trusted, the same file is read.
    const trusted = await loadConfigFile(join(folder, '.partnerlint.yaml'), new SettingsReader(nodeSettingsFs), KNOWN_IDS);
    assert.deepEqual(trusted.problems, []);
    assert.equal(trusted.config.rules['placeholder-left']?.severity, 'off');
  });

  it('a folder in the workspace that links outside it, in an untrusted workspace (Restricted Mode)', async () => {
    const outside = join(dir, 'linked', 'elsewhere');
    const folder = join(dir, 'linked', 'workspace');
    mkdirSync(outside, { recursive: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(outside, 'shared.yaml'), 'rules:\n  placeholder-left: off\n');
    symlinkSync(outside, join(folder, 'team'));
    writeFileSync(join(folder, '.partnerlint.yaml'), 'extends: team/shared.yaml\n');
    const restricted = new SettingsReader(nodeSettingsFs, { root: folder });
    const { value: loaded, ms } = await bounded(loadConfigFile(join(folder, '.partnerlint.yaml'), restricted, KNOWN_IDS), 'linked folder');
    assert.equal(loaded.problems.length, 1, JSON.stringify(loaded.problems));
    assert.match(loaded.problems[0]!.message, /a symbolic link, and this workspace is not trusted/);
    assert.equal(loaded.config.rules['placeholder-left'], undefined, 'the file behind the link was not applied');
    rows.push({ input: 'extends team/shared.yaml, where team/ links outside, in an untrusted workspace', via: 'guarded reader, Restricted Mode', ms, outcome: `not read; config-invalid on .partnerlint.yaml: "${short(loaded.problems[0]!.message)}"` });
    const trusted = await loadConfigFile(join(folder, '.partnerlint.yaml'), new SettingsReader(nodeSettingsFs), KNOWN_IDS);
    assert.deepEqual(trusted.problems, []);
  });
});
