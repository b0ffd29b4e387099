/**
 * The CLI's lint workers (src/cli/pool.ts, `--workers`): the built CLI, run as a child process,
 * gives the same output, exit code and --fix writes with and without workers, and falls back to
 * its own thread when the worker beside it is missing, fails to load, answers with errors or dies.
 *
 * The seam is the one the CLI itself uses: it starts the `lint-worker.js` next to `cli.js`. Each
 * test runs a copy of the built `cli.js` in a folder of its own, next to the real worker wrapped
 * so that it counts the documents it is sent, or next to a broken one.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, cli } from './cli-helpers';
import { MIN_DOCUMENTS_FOR_WORKERS } from '../../src/cli/main';

const root = process.cwd();

/** A custom decision tree, so that the configuration sent to the workers carries one. */
const TREE = [
  'id: vendor-risk',
  'title: Can we rely on this vendor?',
  'description: Decide whether a vendor is safe to build a partnership on.',
  'start: soc2-current',
  'questions:',
  '  soc2-current:',
  '    text: Does the vendor hold a current SOC 2 report?',
  '    answers:',
  '      yes: { label: "Yes", hint: "Yes — we have read it", outcome: rely }',
  '      no: { label: "No", hint: "No — none, or out of date", outcome: avoid }',
  'outcomes:',
  '  rely: { title: Rely on them, rationale: They clear the bar we set for suppliers. }',
  '  avoid: { title: Look elsewhere, rationale: They do not clear the bar we set for suppliers. }',
  '',
].join('\n');

const RECORD = ['---', 'type: decision-record', 'tree: vendor-risk', 'answers:', '  soc2-current: no', 'outcome: rely', 'date: 2026-11-02', '---', '', '# Decision: vendor', ''].join('\n');

/** Wraps the real worker: appends one line to $PARTNERLINT_TEST_WORKER_LOG per document it is sent. */
const COUNTING_WORKER = `
const { parentPort } = require('node:worker_threads');
// Before the real worker's listener, so that the line is written before the answer is sent.
parentPort.on('message', (m) => { if ('id' in m) require('node:fs').appendFileSync(process.env.PARTNERLINT_TEST_WORKER_LOG, m.id + '\\n'); });
require('./lint-worker-real.js');
`;

/** Broken workers, each a different way to fail. */
const BROKEN_WORKERS: Record<string, string> = {
  'fails to load': `throw new Error('this worker cannot start');\n`,
  'answers every request with an error': `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, error: 'refused' }));
`,
  'dies on its third document': `
require('./lint-worker-real.js');
const { parentPort } = require('node:worker_threads');
let seen = 0;
parentPort.on('message', () => { if (++seen === 3) process.exit(3); });
`,
  'never answers and then crashes': `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', () => setTimeout(() => { throw new Error('lost'); }, 50));
`,
};

/** Whether the CLI will use workers on this machine at all. */
const MULTICORE = availableParallelism() > 1;

describe('partnerlint CLI with lint workers', function () {
  this.timeout(180_000);
  let dist: string;
  let work: string;
  /** Where the runs without workers that several tests compare with are made, once. */
  let shared: string;

  /** Whether `dist` is a folder these tests built, to be removed afterwards. */
  let ownDist = false;

  before(() => {
    ({ dist, own: ownDist } = builtCli(root));
    shared = mkdtempSync(join(tmpdir(), 'partnerlint-pool-shared-'));
  });
  after(() => {
    if (ownDist) rmSync(dist, { recursive: true, force: true });
    rmSync(shared, { recursive: true, force: true });
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'partnerlint-pool-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  /** A copy of the built CLI in a folder of its own, with `worker` as its lint-worker.js (none: no worker). */
  function install(name: string, worker: string | undefined, base = work): string {
    const dir = join(base, 'bin', name.replace(/\W+/g, '-'));
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(dist, 'cli.js'), join(dir, 'cli.js'));
    copyFileSync(join(dist, 'lint-worker.js'), join(dir, 'lint-worker-real.js'));
    if (worker !== undefined) writeFileSync(join(dir, 'lint-worker.js'), worker);
    return join(dir, 'cli.js');
  }

  /**
   * A folder of documents: the examples and the test fixtures (the first `documents` of them), a
   * README and a note; with `extras`, also a custom tree, a record using it and a configuration.
   */
  function folder(name: string, { documents = Infinity, extras = true } = {}, base = work): string {
    const dir = join(base, name);
    const docs = [
      ...readdirSync(join(root, 'examples')).map((f) => join(root, 'examples', f)),
      ...readdirSync(join(root, 'test/fixtures')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'test/fixtures', f)),
    ].filter((f) => f.endsWith('.md') && !f.endsWith('README.md'));
    mkdirSync(join(dir, 'docs/more'), { recursive: true });
    docs.slice(0, documents).forEach((f, i) => copyFileSync(f, join(dir, i % 3 === 0 ? 'docs/more' : 'docs', `${i}-${f.split(/[\\/]/).pop()}`)));
    copyFileSync(join(root, 'examples/README.md'), join(dir, 'docs/README.md'));
    writeFileSync(join(dir, 'docs/notes.md'), '# Meeting notes\n\nNothing to see.\n');
    if (extras) {
      mkdirSync(join(dir, '.partnerlint/trees'), { recursive: true });
      writeFileSync(join(dir, '.partnerlint/trees/vendor-risk.yaml'), TREE);
      writeFileSync(join(dir, 'docs/vendor.md'), RECORD);
      writeFileSync(join(dir, '.partnerlint.yaml'), 'rules:\n  placeholder-left: error\n');
    }
    return dir;
  }

  function run(cliPath: string, args: string[], cwd: string, log = join(work, 'worker.log')) {
    const started = Date.now();
    const result = spawnSync(process.execPath, [cliPath, ...args], {
      cwd,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, PARTNERLINT_TEST_WORKER_LOG: log, NO_COLOR: '1' },
    });
    assert.equal(result.signal, null, `the CLI was stopped (${result.signal}) after ${Date.now() - started} ms: it hung`);
    return { code: result.status, out: result.stdout, err: result.stderr };
  }

  type Run = ReturnType<typeof run>;
  const withoutWorkers = new Map<number, { json: Run; fix: Run; fixed: Map<string, string> }>();
  /**
   * What the CLI gives without workers on a fresh folder('docs', { documents }): `--format json .`,
   * and `--fix --format json .` with the folder it leaves. Neither depends on the worker beside the
   * CLI (none is started) nor on the folder's name (paths are relative), so each is run once and
   * compared with by every test that needs it.
   */
  function baseline(documents = Infinity) {
    let made = withoutWorkers.get(documents);
    if (!made) {
      const cliPath = install(`baseline-${documents}`, COUNTING_WORKER, shared);
      const log = join(shared, 'worker.log');
      const json = run(cliPath, ['--no-workers', '--format', 'json', '.'], folder(`docs-${documents}`, { documents }, shared), log);
      const fixedDir = folder(`fixed-${documents}`, { documents }, shared);
      const fix = run(cliPath, ['--no-workers', '--fix', '--format', 'json', '.'], fixedDir, log);
      assert.equal(documentsSent(log), 0, '--no-workers starts no worker');
      made = { json, fix, fixed: snapshot(fixedDir) };
      withoutWorkers.set(documents, made);
    }
    return made;
  }

  /**
   * Enough strategy documents for the CLI to start workers and for a worker to get its third one,
   * with every kind and some fixes among them: the tests of what happens when a worker is missing
   * or broken need no more, and each run of the CLI costs about 40 ms a document.
   */
  const FEW_BUT_ENOUGH = MIN_DOCUMENTS_FOR_WORKERS + 6;

  const documentsSent = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').length : 0);

  /** Every file under `dir`, path -> bytes. */
  function snapshot(dir: string): Map<string, string> {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    return new Map(files.map((e) => [join(e.parentPath ?? e.path, e.name).slice(dir.length), readFileSync(join(e.parentPath ?? e.path, e.name), 'latin1')]));
  }

  it('gives byte-identical output and the same exit code with and without workers', function () {
    if (!MULTICORE) this.skip();
    const cliPath = install('counting', COUNTING_WORKER);
    const dir = folder('docs');
    const log = join(work, 'worker.log');
    for (const args of [['--format', 'json', '.'], ['--format', 'sarif', 'docs'], ['docs', '.partnerlint']]) {
      rmSync(log, { force: true });
      const pooled = run(cliPath, ['--workers', ...args], dir, log);
      const sent = documentsSent(log);
      const plain = run(cliPath, ['--workers', '--no-workers', ...args], dir, log);
      assert.equal(documentsSent(log), sent, '--no-workers starts no worker');
      assert.equal(pooled.err, plain.err);
      assert.equal(pooled.out, plain.out, `output of ${args.join(' ')}`);
      assert.equal(pooled.code, plain.code);
      if (args[1] === 'json') {
        const reports = JSON.parse(pooled.out) as Array<{ kind: string; diagnostics: unknown[] }>;
        const strategy = reports.filter((r) => r.kind !== 'none');
        assert.ok(strategy.length >= 10 && strategy.length >= MIN_DOCUMENTS_FOR_WORKERS, `${strategy.length} strategy documents`);
        // The main thread lints the ones no worker has taken once it has read every file.
        assert.ok(sent > 0 && sent <= strategy.length, `${sent} of ${strategy.length} strategy documents went to a worker`);
        assert.ok(strategy.some((r) => r.diagnostics.length > 0));
        assert.equal(pooled.code, 1, 'placeholder-left is an error in this folder');
      }
    }
  });

  it('writes the same fixes with and without workers', function () {
    if (!MULTICORE) this.skip();
    const cliPath = install('counting', COUNTING_WORKER);
    const original = folder('original');
    const a = join(work, 'a');
    cpSync(original, a, { recursive: true });
    const log = join(work, 'worker.log');
    const pooled = run(cliPath, ['--workers', '--fix', '--format', 'json', '.'], a, log);
    assert.ok(documentsSent(log) >= MIN_DOCUMENTS_FOR_WORKERS, 'the workers did the fixing');
    // Without workers, on a copy of the same folder.
    const plain = baseline().fix;
    assert.equal(pooled.out, plain.out);
    assert.equal(pooled.code, plain.code);
    const before = snapshot(original);
    const fixedA = snapshot(a);
    assert.deepEqual(fixedA, baseline().fixed);
    const changed = [...fixedA].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
    assert.ok(changed.length >= 2, `--fix changed ${changed.join(', ') || 'nothing'}`);
  });

  it(`lints on the main thread by default, with fewer than ${MIN_DOCUMENTS_FOR_WORKERS} strategy documents, or with --no-workers`, function () {
    const cliPath = install('counting', COUNTING_WORKER);
    const log = join(work, 'worker.log');
    const few = folder('few', { documents: MIN_DOCUMENTS_FOR_WORKERS - 1, extras: false });
    const small = run(cliPath, ['--workers', '--format', 'json', '.'], few, log);
    assert.equal(JSON.parse(small.out).filter((r: { kind: string }) => r.kind !== 'none').length, MIN_DOCUMENTS_FOR_WORKERS - 1);
    assert.equal(documentsSent(log), 0);
    const many = folder('many', { documents: FEW_BUT_ENOUGH });
    run(cliPath, ['--format', 'json', '.'], many, log);
    assert.equal(documentsSent(log), 0, 'no workers by default');
    run(cliPath, ['--workers', '--no-workers', '--format', 'json', '.'], many, log);
    assert.equal(documentsSent(log), 0, '--no-workers wins');
  });

  it('lints on the main thread when no lint-worker.js is beside the CLI', () => {
    const alone = install('alone', undefined);
    const dir = folder('docs', { documents: FEW_BUT_ENOUGH });
    const expected = baseline(FEW_BUT_ENOUGH).json;
    const result = run(alone, ['--workers', '--format', 'json', '.'], dir);
    assert.equal(result.out, expected.out);
    assert.equal(result.err, expected.err);
    assert.equal(result.code, expected.code);
  });

  for (const [failure, source] of Object.entries(BROKEN_WORKERS)) {
    it(`falls back to the main thread when the worker ${failure}`, function () {
      if (!MULTICORE) this.skip();
      const broken = install(failure, source);
      const dir = folder('docs', { documents: FEW_BUT_ENOUGH });
      // What the CLI gives and writes without workers, on a copy of the same folder.
      const expected = baseline(FEW_BUT_ENOUGH);
      const result = run(broken, ['--workers', '--fix', '--format', 'json', '.'], dir);
      assert.equal(result.err, expected.fix.err);
      assert.equal(result.out, expected.fix.out);
      assert.equal(result.code, expected.fix.code);
      assert.deepEqual(snapshot(dir), expected.fixed, 'the same fixes were written');
      assert.notDeepEqual(expected.fixed, snapshot(folder('unfixed', { documents: FEW_BUT_ENOUGH })), 'the folder has something to fix');
    });
  }

  it('documents --no-workers in --help', async () => {
    const { code, out } = await cli(['--help'], root);
    assert.equal(code, 0);
    assert.match(out, /--workers/);
    assert.match(out, /--no-workers/);
    const unused = mkdtempSync(join(tmpdir(), 'partnerlint-pool-help-'));
    try {
      writeFileSync(join(unused, 'a.md'), '# Notes\n');
      // In-process (no worker beside the test bundle) the option is accepted and changes nothing.
      const plain = await cli(['--no-workers', '--format', 'json', 'a.md'], unused);
      const pooled = await cli(['--workers', '--format', 'json', 'a.md'], unused);
      assert.equal(plain.code, 0);
      assert.equal(plain.out, pooled.out);
    } finally {
      rmSync(unused, { recursive: true, force: true });
    }
  });
});
