// PartnerLint's benchmark: `npm run bench` (= node scripts/bench.mjs).
//
// Builds the core and the CLI with esbuild into a temporary folder (nothing in the repo is
// touched but docs/performance.md), generates seeded documents, and measures, in this process
// with perf_hooks (warm-up, repetitions, medians and p95):
//   1. full lint, PartnerLint vs markdownlint, on the same documents (the headline ratio)
//   2. parse alone vs parse + all rules, and each rule's cost
//   3. re-lint latency after a one-character edit in a 1,000-line charter
//   4. the CLI vs markdownlint-cli2 on a folder of 500 files (whole processes, median of 5)
//   5. time per MB at 0.1, 1 and 10 MB (one child process per size, with a time budget)
//   6. peak memory
//   7. the cost of deciding that a README is not a strategy document
//   and the language server (partnerlint-ls, spawned over stdio) answering a one-letter didChange
//   on the 1,000-line charter with its publishDiagnostics (section 3b)
//   and the web extension bundle's size (as --production builds it; target ≤ 1 MB),
//   and micromark's installed version against another copy when one is available
//   (scripts/bench/micromark.mjs --install 4.0.2 makes one).
// It prints the report and writes it to docs/performance.md.
//
// Options: --quick (few repetitions, small sizes, no docs written), --no-write, --skip-cli,
// --skip-scale, --skip-micromark, --micromark-dir <folder>, --install-micromark <version> (puts that
// version in the micromark folder first, with npm), --budget-10mb <seconds> (default 120),
// --out <file>, --only-server (only section 3b: the language server; its target row and section
// are replaced in the existing docs/performance.md, the rest of the page is kept). markdownlint and markdownlint-cli2 come from the repo's node_modules, or from
// $PARTNERLINT_BENCH_DEPS/node_modules when they are not installed there.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem, platform, arch } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { charter, readme, listDoc, rng, writeCorpus } from './bench/corpus.mjs';
import { startServerSession } from './bench/server.mjs';
import { defaultCopyDir, installMicromark, interleaved, loadTokenizer, micromarkIn, resolvedMicromark } from './bench/micromark.mjs';
import { buildWebBundles } from './web-bundles.mjs';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const QUICK = flag('--quick');
const ONLY_SERVER = flag('--only-server');
const WRITE = !flag('--no-write') && !QUICK;
const OUT = option('--out', join(ROOT, 'docs', 'performance.md'));
const BUDGET_10MB_S = Number(option('--budget-10mb', '120'));
const started = performance.now();
const log = (message) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
function stats(samples) {
  const ms = samples.map((s) => s.ms);
  const cpu = samples.map((s) => s.cpuMs);
  return { n: ms.length, median: median(ms), p95: quantile(ms, 0.95), min: Math.min(...ms), max: Math.max(...ms), cpuMedian: median(cpu) };
}
function fmtMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  if (ms >= 0.01) return `${ms.toFixed(3)} ms`;
  return `${(ms * 1000).toFixed(2)} µs`;
}
const fmtMBs = (bytes, ms) => {
  const v = bytes / 1e6 / (ms / 1000);
  return v >= 100 ? `${v.toFixed(0)} MB/s` : v >= 1 ? `${v.toFixed(1)} MB/s` : `${v.toFixed(3)} MB/s`;
};
const fmtRatio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
const fmtKB = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);
const fmtMiB = (kb) => `${(kb / 1024).toFixed(0)} MiB`;
const lineCount = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

// Memory: heapUsed and rss sampled after every measured run (synchronous code cannot be sampled
// during a run), and the process's true peak RSS from getrusage.
const memory = { heapPeak: 0, rssPeak: 0, sections: [] };
function sampleMemory() {
  const m = process.memoryUsage();
  if (m.heapUsed > memory.heapPeak) memory.heapPeak = m.heapUsed;
  if (m.rss > memory.rssPeak) memory.rssPeak = m.rss;
}
function memorySection(name) {
  memory.sections.push({ name, heapPeak: memory.heapPeak, maxRssKb: process.resourceUsage().maxRSS });
}

/** Runs `fn` `warmup` times, then `reps` times (fewer once `budgetMs` is spent, never fewer than `minReps`). */
function measure(fn, { warmup = 3, reps = 10, minReps = 3, budgetMs = Infinity } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  const begin = performance.now();
  for (let i = 0; i < reps; i++) {
    samples.push(timeOnce(fn));
    sampleMemory();
    if (samples.length >= minReps && performance.now() - begin > budgetMs) break;
  }
  return samples;
}
function timeOnce(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

// ---------------------------------------------------------------------------------------------
// Packages

function packageVersion(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}
/** A package folder from the repo's node_modules, else from $PARTNERLINT_BENCH_DEPS/node_modules. */
function findPackage(name) {
  for (const base of [ROOT, process.env.PARTNERLINT_BENCH_DEPS].filter(Boolean)) {
    const dir = join(base, 'node_modules', name);
    if (existsSync(join(dir, 'package.json'))) return { dir, version: packageVersion(dir), pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) };
  }
  return undefined;
}
/** The version of `name` that package folder `fromDir` resolves. */
function versionFrom(name, fromDir) {
  try {
    let dir = dirname(createRequire(join(fromDir, 'package.json')).resolve(name));
    while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) dir = dirname(dir);
    return packageVersion(dir);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Build

const tmp = mkdtempSync(join(tmpdir(), 'partnerlint-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const esbuildCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  absWorkingDir: ROOT,
  loader: { '.yaml': 'text' },
  define: { 'import.meta.url': '__partnerlintImportMetaUrl' },
  banner: { js: "var __partnerlintImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * What the incremental re-linting work has put in src/core so far: exported functions or classes
 * whose names say they work after an edit. Their files are bundled so the bench can call them.
 */
function incrementalCandidates() {
  const found = [];
  for (const file of readdirSync(join(ROOT, 'src/core')).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(ROOT, 'src/core', file), 'utf8');
    for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|class|const)\s+(\w*(?:[Ii]ncremental|[Rr]elint|[Rr]eLint|[Rr]eparse|[Ll]intEdit|[Aa]fterEdit|[Ss]ession)\w*)/g)) {
      found.push({ file, name: m[1] });
    }
  }
  return found;
}
const incremental = incrementalCandidates();
const incrementalFiles = [...new Set(incremental.map((c) => c.file))];
const entry = [
  "export * from './src/core/index.ts';",
  "export { parseMarkdown, estimateNesting } from './src/core/parse.ts';",
  ...incrementalFiles.map((f, i) => `export * as incremental${i} from './src/core/${f}';`),
].join('\n');
/** Export `name` of the bundled files that hold incremental candidates (any export of those files). */
function incrementalExport(name) {
  for (let i = 0; i < incrementalFiles.length; i++) if (typeof core[`incremental${i}`]?.[name] === 'function') return core[`incremental${i}`][name];
  return undefined;
}

async function buildCore(outfile, alias) {
  await build({ ...esbuildCommon, stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-entry.ts' }, outfile, ...(alias ? { alias } : {}) });
  return outfile;
}

log(`building into ${tmp}`);
const coreFile = await buildCore(join(tmp, 'core.cjs'));
const cliFile = join(tmp, 'cli.js');
await build({
  ...esbuildCommon,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: tmp,
  banner: { js: `#!/usr/bin/env node\n${esbuildCommon.banner.js}` },
  define: { ...esbuildCommon.define, PARTNERLINT_VERSION: JSON.stringify(packageVersion(ROOT)) },
});
// The lint worker the extension runs lintText in, started as the extension starts it: since
// src/worker/lint-transport-node.ts, the web extension's worker bundle (scripts/web-bundles.mjs)
// in a Node worker thread; before it, src/worker/lint-worker.ts.
const transportSource = join(ROOT, 'src/worker/lint-transport-node.ts');
const workerSource = join(ROOT, 'src/worker/lint-worker.ts');
const workerFile = existsSync(workerSource) ? join(tmp, 'lint-worker.js') : undefined;
if (workerFile) await build({ ...esbuildCommon, entryPoints: { 'lint-worker': workerSource }, outdir: tmp });
// The language server (src/server/server.ts), beside the worker it starts by file name.
const serverSource = join(ROOT, 'src/server/server.ts');
const serverFile = workerFile && existsSync(serverSource) ? join(tmp, 'server.js') : undefined;
if (serverFile) await build({ ...esbuildCommon, entryPoints: { server: serverSource }, outdir: tmp, define: { ...esbuildCommon.define, PARTNERLINT_VERSION: JSON.stringify(packageVersion(ROOT)) } });
// The desktop extension's worker: the web bundle's, through the extension's transport.
let extensionWorkerFile = workerFile;
let transportFile;
if (workerFile && existsSync(transportSource)) {
  extensionWorkerFile = (await buildWebBundles({ root: ROOT, outdir: join(tmp, 'relint') })).files.worker;
  transportFile = join(tmp, 'lint-transport-node.js');
  await build({ ...esbuildCommon, entryPoints: { 'lint-transport-node': transportSource }, outdir: tmp });
}
// How the extension starts that worker (src/worker/options.ts), when the source says.
const workerOptionsSource = join(ROOT, 'src/worker/options.ts');
let workerOptions = {};
if (workerFile && existsSync(workerOptionsSource)) {
  await build({ ...esbuildCommon, entryPoints: { 'worker-options': workerOptionsSource }, outdir: tmp });
  workerOptions = createRequire(import.meta.url)(join(tmp, 'worker-options.js')).LINT_WORKER_OPTIONS ?? {};
}
const require = createRequire(import.meta.url);
const core = require(coreFile);
const { lintText, RULES, DEFAULT_CONFIG, sniff, parseMarkdown, estimateNesting, buildDocument, runRules } = core;
/** A cold lint reads everything afresh: nothing kept from the lint of the same text before. */
const forgetReadings = core.forgetReadings ?? (() => {});

const mm = resolvedMicromark(ROOT);
const installVersion = option('--install-micromark');
const mmCopyDir = option('--micromark-dir', defaultCopyDir(installVersion ?? (mm.micromark.version === '4.0.2' ? '4.0.3' : '4.0.2')));
if (installVersion && !micromarkIn(mmCopyDir)) installMicromark(installVersion, mmCopyDir, ROOT);
const mmCopy = flag('--skip-micromark') ? undefined : micromarkIn(mmCopyDir);
const coreCopyFile = mmCopy ? await buildCore(join(tmp, `core-micromark-${mmCopy.version}.cjs`), { micromark: mmCopy.dir }) : undefined;

const markdownlintPkg = findPackage('markdownlint');
const cli2Pkg = findPackage('markdownlint-cli2');
const markdownlint = markdownlintPkg ? await import(pathToFileURL(join(markdownlintPkg.dir, markdownlintPkg.pkg.exports['./sync'])).href) : undefined;
const mdLint = markdownlint ? (text) => markdownlint.lint({ strings: { doc: text } }).doc : undefined;
const cli2Bin = cli2Pkg ? join(cli2Pkg.dir, cli2Pkg.pkg.bin['markdownlint-cli2']) : undefined;
if (!markdownlint) log('markdownlint not found: install it (devDependency) or set PARTNERLINT_BENCH_DEPS; comparisons are skipped');

// ---------------------------------------------------------------------------------------------
// Machine

const machine = {
  cpu: cpus()[0]?.model?.trim() ?? 'unknown',
  cores: cpus().length,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at start)`,
  os: `${platform()} ${release()} ${arch()}`,
  node: process.version,
  loadStart: loadavg().map((l) => l.toFixed(2)).join(' / '),
  packages: [
    `remark ${versionFrom('remark', ROOT) ?? '?'}`,
    `remark-parse ${mm.remarkParse.version}`,
    `mdast-util-from-markdown ${mm.fromMarkdown.version}`,
    `micromark ${mm.micromark.version} (as resolved from mdast-util-from-markdown)`,
    `remark-gfm ${versionFrom('remark-gfm', ROOT) ?? '?'}`,
    `markdownlint ${markdownlintPkg ? `${markdownlintPkg.version} (its micromark ${versionFrom('micromark', markdownlintPkg.dir) ?? '?'})` : 'not installed'}`,
    `markdownlint-cli2 ${cli2Pkg?.version ?? 'not installed'}`,
    `esbuild ${versionFrom('esbuild', ROOT) ?? '?'}`,
  ],
};
log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadStart}`);

// ---------------------------------------------------------------------------------------------
// Documents

const charter1000 = charter({ lines: 1000, seed: 1 });
const example = readFileSync(join(ROOT, 'examples/acme-globex-charter.md'), 'utf8');
const readmeDoc = readme(3);
const readmes = Array.from({ length: 50 }, (_, i) => readme(100 + i));
const charterPath = join(tmp, 'charter-1000.md');
writeFileSync(charterPath, charter1000);
const report = { targets: [], sections: [] };
const R = QUICK ? 0.3 : 1; // repetition scale
const reps = (n, min = 3) => Math.max(min, Math.round(n * R));

// ---------------------------------------------------------------------------------------------
// 3b. The language server: didChange -> publishDiagnostics (defined here, run after section 3)

const SERVER_TARGET_MS = 20;
const SERVER_ROW = 'Language server: didChange to publishDiagnostics p95, one-letter edit, 1,000-line charter';
async function serverSection() {
  log('3b. language server: didChange -> publishDiagnostics');
  if (!serverFile) return { target: [SERVER_ROW, `≤ ${SERVER_TARGET_MS} ms`, 'not measured (no src/server/server.ts)', 'n/a'], section: '' };
  const bodyStart = sniff(charter1000).frontMatter?.blockEnd ?? 0;
  const r = rng(4242);
  const WARM = QUICK ? 50 : 300;
  const MEASURED = QUICK ? 40 : 200;
  const GAP_MS = 100;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // debounce 0: the server checks each version as soon as it arrives, so what is timed is its own
  // work (the default partnerlint.debounce of 300 ms is a deliberate wait, added on top in an editor).
  const session = await startServerSession(serverFile, charter1000, { debounce: 0 });
  const rows = [];
  let mismatches = 0;
  let spot = 0;
  let target;
  /** The server process's peak RSS after all its edits (bytes), where /proc says. */
  let serverPeak;
  /** How far the server's lint worker lets its old generation grow before V8 first collects it, when the source says. */
  const oldSpaceMb = transportFile ? createRequire(import.meta.url)(transportFile).SERVER_WORKER_OLD_SPACE_MB : undefined;
  try {
    const edit = async () => session.edit(r.int(bodyStart, session.text.length - 1), 'abcdefghijklmnopqrstuvwxyz'[r.int(0, 25)]);
    for (let i = 0; i < WARM; i++) await edit();
    let inWorker = [];
    const run = async (gapMs) => {
      const samples = [];
      inWorker = [];
      for (let i = 0; i < MEASURED; i++) {
        if (gapMs > 0) await sleep(gapMs);
        const { ms, diagnostics, workerMs } = await edit();
        samples.push({ ms, cpuMs: NaN });
        inWorker.push({ ms: workerMs, cpuMs: NaN });
        if (i % 20 === 0) {
          // The same problems as the core finds in that text, in this process (after the timing).
          spot++;
          const expected = lintText(session.text, RULES).diagnostics.map((d) => `${d.ruleId}@${d.range.start.line}:${d.range.start.character}`).join();
          if (diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).join() !== expected) mismatches++;
        }
      }
      return stats(samples);
    };
    const typing = await run(GAP_MS);
    const typingWorker = stats(inWorker.filter((s) => Number.isFinite(s.ms)));
    const burst = await run(0);
    const check = mismatches === 0 ? `same problems as \`lintText\` at all ${spot} spot checks` : `**${mismatches} of ${spot} spot checks differ from \`lintText\`**`;
    rows.push([`one edit ${GAP_MS} ms after the previous answer (fast typing), after ${WARM} warm-up edits (${check})`, fmtMs(typing.median), `**${fmtMs(typing.p95)}**`, fmtMs(typing.max)]);
    rows.push([`of which the check in the server's lint worker (from the server's trace, $/logTrace), same edits as the first row`, fmtMs(typingWorker.median), fmtMs(typingWorker.p95), fmtMs(typingWorker.max)]);
    rows.push(['edits back to back: each sent as soon as the previous answer arrived', fmtMs(burst.median), fmtMs(burst.p95), fmtMs(burst.max)]);
    // The same kind of edits posted straight to a lint worker in this process, as the extension
    // posts them (no server process, no JSON-RPC): what the server adds is the difference.
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(workerFile, workerOptions);
    try {
      let id = 0;
      let answer;
      worker.on('message', (m) => {
        if (m && typeof m.id === 'number') answer?.(m);
      });
      let text = charter1000;
      const post = () => new Promise((resolve, reject) => {
        const at = r.int(bodyStart, text.length - 1);
        text = text.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz'[r.int(0, 25)] + text.slice(at);
        const start = performance.now();
        const timer = setTimeout(() => reject(new Error('the lint worker did not answer within 60 s')), 60_000);
        answer = (m) => {
          clearTimeout(timer);
          if (m.result) resolve({ ms: performance.now() - start, cpuMs: NaN });
          else reject(new Error(m.error));
        };
        worker.postMessage({ id: ++id, text, config: DEFAULT_CONFIG, document: 'file:///bench/direct.md' });
      });
      for (let i = 0; i < WARM; i++) await post();
      const direct = [];
      for (let i = 0; i < MEASURED; i++) {
        await sleep(GAP_MS);
        direct.push(await post());
      }
      const d = stats(direct);
      rows.splice(2, 0, [`for comparison: the same kind of edits, ${GAP_MS} ms apart after ${WARM} warm-up edits, posted straight to a lint worker in the bench process as the VS Code extension posts them (no server process, no JSON-RPC), run after the server`, fmtMs(d.median), fmtMs(d.p95), fmtMs(d.max)]);
    } finally {
      await worker.terminate();
    }
    serverPeak = session.peakRss();
    const exit = await session.stop();
    if (exit !== 0) rows.push([`the server exited with code ${exit} after shutdown/exit`, '', '', '']);
    target = [SERVER_ROW, `≤ ${SERVER_TARGET_MS} ms`, `${fmtMs(typing.p95)} (p50 ${fmtMs(typing.median)}; ${MEASURED} edits ${GAP_MS} ms apart after ${WARM} warm-up edits, partnerlint.debounce 0; back to back: p95 ${fmtMs(burst.p95)})`, typing.p95 <= SERVER_TARGET_MS ? 'PASS' : 'MISS'];
  } catch (error) {
    rows.push([`not measured: ${String(error.message ?? error).split('\n')[0]}`, '', '', '']);
    target = [SERVER_ROW, `≤ ${SERVER_TARGET_MS} ms`, 'not measured (see section 3b)', 'n/a'];
  }
  const section = [
    '## 3b. Language server: didChange to publishDiagnostics (1,000-line charter)',
    `partnerlint-ls (src/server/server.ts, bundled with esbuild as scripts/build.mjs bundles dist/server.js) started as a process (\`node server.js --stdio\`) and driven over its stdio with vscode-languageserver-protocol's message connection, as an editor drives it: initialize (tracing on; answering workspace/configuration with \`{ debounce: 0 }\`), didOpen of the generated 1,000-line charter, then one-letter insertions at random (seeded) places after the front matter, each sent as an incremental didChange. Time from writing the didChange to receiving the publishDiagnostics for that version: JSON-RPC both ways, the server's copy of the text updated, the check in its lint worker (incremental, from the previous version), the diagnostics converted and sent. ${WARM} unmeasured edits first (the worker's code compiled and optimised by its own work), then ${MEASURED} measured edits of each kind. With the default partnerlint.debounce an editor waits 300 ms after the last keystroke before this starts.${ONLY_SERVER ? ` Measured on its own by \`node scripts/bench.mjs --only-server\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (load ${loadavg().map((l) => l.toFixed(2)).join(' / ')}); the other sections are from the run named at the top of the page.` : ''}`,
    table(['How', 'p50', 'p95', 'max'], rows),
    ...(serverPeak !== undefined ? [`Memory: the server process (its main thread and its lint worker${oldSpaceMb ? `, which lets its old generation grow to ${oldSpaceMb} MB before V8 first collects it: SERVER_WORKER_OLD_SPACE_MB in src/worker/lint-transport-node.ts` : ''}) peaked at ${(serverPeak / 1048576).toFixed(0)} MiB resident after its ${WARM + 2 * MEASURED} edits (VmHWM).`] : []),
  ].join('\n\n');
  return { target, section };
}

if (ONLY_SERVER) {
  const { target, section } = await serverSection();
  process.stdout.write(`${table(['Target', 'Goal', 'Measured', 'Result'], [[target[0], target[1], target[2], `**${target[3]}**`]])}\n\n${section}\n`);
  if (WRITE && existsSync(OUT)) {
    // Replace (or add) the server's target row and section; keep everything else on the page.
    let page = readFileSync(OUT, 'utf8');
    const row = `| ${target[0]} | ${target[1]} | ${target[2]} | **${target[3]}** |`;
    const lines = page.split('\n');
    const old = lines.findIndex((l) => l.startsWith(`| ${SERVER_ROW} |`));
    if (old >= 0) lines[old] = row;
    else {
      const after = lines.findIndex((l) => l.startsWith('| Re-lint p95'));
      lines.splice(after >= 0 ? after + 1 : lines.findIndex((l) => l.startsWith('| --- | --- | --- | --- |')) + 1, 0, row);
    }
    page = lines.join('\n');
    const start = page.indexOf('## 3b. ');
    if (start >= 0) {
      const end = page.indexOf('\n## ', start + 1);
      page = page.slice(0, start) + section + (end >= 0 ? `\n${page.slice(end)}` : '\n');
    } else {
      const before = page.indexOf('\n## 4. ');
      page = before >= 0 ? `${page.slice(0, before)}\n\n${section}\n${page.slice(before)}` : `${page.trimEnd()}\n\n${section}\n`;
    }
    writeFileSync(OUT, page);
    log(`updated the language server's row and section in ${OUT}`);
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// 1. Full lint, PartnerLint vs markdownlint

log('1. full lint: PartnerLint vs markdownlint');
const fullRows = [];
let headline;
for (const [name, text, n] of [['1,000-line charter (generated)', charter1000, 21], ['examples/acme-globex-charter.md', example, 40], ['README, 13 KB (not a strategy document)', readmeDoc, 40]]) {
  const pl = [];
  const ml = [];
  for (let i = 0; i < 3; i++) {
    lintText(text, RULES);
    mdLint?.(text);
  }
  let plResult;
  let mlResult;
  for (let i = 0; i < reps(n); i++) {
    const first = i % 2 === 0;
    const runPl = () => {
      forgetReadings();
      const s = timeOnce(() => lintText(text, RULES));
      plResult = s.value;
      pl.push(s);
    };
    const runMl = () => {
      if (!mdLint) return;
      const s = timeOnce(() => mdLint(text));
      mlResult = s.value;
      ml.push(s);
    };
    if (first) { runPl(); runMl(); } else { runMl(); runPl(); }
    sampleMemory();
  }
  const p = stats(pl);
  const m = mdLint ? stats(ml) : undefined;
  fullRows.push([name, `${fmtKB(Buffer.byteLength(text))}, ${lineCount(text)} lines`, fmtMs(p.median), fmtMs(p.p95), fmtMs(p.cpuMedian), m ? fmtMs(m.median) : 'n/a', m ? fmtMs(m.p95) : 'n/a', m ? fmtMs(m.cpuMedian) : 'n/a', m ? `**${fmtRatio(p.median, m.median)}**` : 'n/a', `${plResult.diagnostics.length} / ${mlResult?.length ?? 'n/a'}`]);
  if (!headline) headline = { pl: p, ml: m };
}

// The same, as the first lint in a fresh process (module loading and a cold JIT included).
function freshProcess(script, type) {
  const out = spawnSync(process.execPath, [...(type === 'module' ? ['--input-type=module'] : []), '-e', script], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').pop());
}
const freshPl = [];
const freshMl = [];
for (let i = 0; i < reps(3); i++) {
  freshPl.push(freshProcess(`const t0=performance.now();const c=require(${JSON.stringify(coreFile)});const t1=performance.now();const text=require('fs').readFileSync(${JSON.stringify(charterPath)},'utf8');const t2=performance.now();c.lintText(text,c.RULES);console.log(JSON.stringify({load:t1-t0,first:performance.now()-t2}))`));
  if (markdownlintPkg) freshMl.push(freshProcess(`const t0=performance.now();const m=await import(${JSON.stringify(pathToFileURL(join(markdownlintPkg.dir, markdownlintPkg.pkg.exports['./sync'])).href)});const t1=performance.now();const text=(await import('node:fs')).readFileSync(${JSON.stringify(charterPath)},'utf8');const t2=performance.now();m.lint({strings:{doc:text}});console.log(JSON.stringify({load:t1-t0,first:performance.now()-t2}))`, 'module'));
}
const freshPlFirst = median(freshPl.map((f) => f.first));
const freshMlFirst = median(freshMl.map((f) => f.first));
fullRows.push(['1,000-line charter, first lint in a fresh process (cold JIT)', '', fmtMs(freshPlFirst), '', '', freshMl.length ? fmtMs(freshMlFirst) : 'n/a', '', '', freshMl.length ? fmtRatio(freshPlFirst, freshMlFirst) : 'n/a', '']);
fullRows.push(['loading the module (require / import)', '', fmtMs(median(freshPl.map((f) => f.load))), '', '', freshMl.length ? fmtMs(median(freshMl.map((f) => f.load))) : 'n/a', '', '', '', '']);
memorySection('1. full lint');
report.sections.push(['## 1. Full lint: PartnerLint vs markdownlint', `Same text, same process, runs alternated (PartnerLint first on even runs, markdownlint first on odd), ${reps(21)} runs of the charter and ${reps(40)} of the small documents after 3 warm-up runs each. PartnerLint: \`lintText(text, RULES)\` with the default configuration. markdownlint: \`lint({ strings })\` from \`markdownlint/sync\` with its default configuration (all rules). "CPU" is process CPU time (all threads) per run, which contention inflates less than wall time.`, table(['Document', 'Size', 'PartnerLint median', 'p95', 'CPU', 'markdownlint median', 'p95', 'CPU', 'Ratio', 'Problems (PL / ML)'], fullRows)].join('\n\n'));
const headlineRatio = headline.ml ? headline.pl.median / headline.ml.median : NaN;
const headlineCpuRatio = headline.ml ? headline.pl.cpuMedian / headline.ml.cpuMedian : NaN;
const cpuDisagrees = Number.isFinite(headlineCpuRatio) && (headlineCpuRatio <= 1) !== (headlineRatio <= 1);
report.targets.push(['Cold full lint of the 1,000-line charter vs markdownlint (same document)', '≤ 1.0×', `${fmtRatio(headline.pl.median, headline.ml?.median)} (${fmtMs(headline.pl.median)} vs ${fmtMs(headline.ml?.median)}); CPU time ${fmtRatio(headline.pl.cpuMedian, headline.ml?.cpuMedian)}${cpuDisagrees ? ' (disagrees: too close to call on this machine)' : ''}; first lint in a fresh process ${fmtRatio(freshPlFirst, freshMlFirst)}`, Number.isFinite(headlineRatio) ? (headlineRatio <= 1 ? 'PASS' : 'MISS') : 'n/a']);

// ---------------------------------------------------------------------------------------------
// 2. Parse vs rules, and each rule

log('2. parse vs rules, per rule');
const sniffed = sniff(charter1000);
const kindSniff = { ...sniffed, kind: sniffed.kind };
const phase = {
  sniff: stats(measure(() => sniff(charter1000), { reps: reps(50) })),
  nesting: stats(measure(() => estimateNesting(charter1000, DEFAULT_CONFIG.maxNesting), { reps: reps(50) })),
  parse: stats(measure(() => parseMarkdown(charter1000), { reps: reps(12) })),
  build: stats(measure(() => buildDocument(charter1000, kindSniff), { reps: reps(12) })),
  lint: stats(measure(() => { forgetReadings(); return lintText(charter1000, RULES); }, { reps: reps(12) })),
};
// Rules always run on a freshly built document: rules share the models read once per document
// (models() in src/models/), which a second run on the same document would find filled.
function freshDocSamples(run, n) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const doc = buildDocument(charter1000, kindSniff);
    forgetReadings();
    samples.push(timeOnce(() => run(doc)));
    sampleMemory();
  }
  return samples;
}
freshDocSamples((doc) => runRules(doc, RULES, DEFAULT_CONFIG), 2);
phase.rules = stats(freshDocSamples((doc) => runRules(doc, RULES, DEFAULT_CONFIG), reps(10)));
// In context: every rule in registry order, each timed, on one fresh document per run (the
// first rule to use a shared cache pays for filling it). Isolated: one rule alone.
const inContext = new Map(RULES.map((r) => [r.meta.id, []]));
const timedRules = RULES.map((rule) => ({
  meta: rule.meta,
  check(ctx) {
    const start = performance.now();
    try {
      rule.check(ctx);
    } finally {
      inContext.get(rule.meta.id).push(performance.now() - start);
    }
  },
}));
freshDocSamples((doc) => runRules(doc, timedRules, DEFAULT_CONFIG), reps(7));
const isolated = RULES.map((rule) => {
  freshDocSamples((doc) => runRules(doc, [rule], DEFAULT_CONFIG), 1);
  const s = stats(freshDocSamples((doc) => runRules(doc, [rule], DEFAULT_CONFIG), reps(5)));
  const timed = inContext.get(rule.meta.id);
  // A rule whose kinds do not include the charter is never called: it costs nothing here.
  return { id: rule.meta.id, isolated: s.median, isolatedCpu: s.cpuMedian, inContext: timed.length ? median(timed) : 0 };
}).sort((a, b) => b.isolated - a.isolated);
const ruleTotal = isolated.reduce((n, r) => n + r.inContext, 0);
const phaseRows = [
  ['`sniff` (front matter + first heading)', fmtMs(phase.sniff.median), fmtMs(phase.sniff.p95), fmtMs(phase.sniff.cpuMedian)],
  ['`estimateNesting` (one pass over the text)', fmtMs(phase.nesting.median), fmtMs(phase.nesting.p95), fmtMs(phase.nesting.cpuMedian)],
  ['parse alone (`parseMarkdown`: remark-parse + frontmatter + GFM)', fmtMs(phase.parse.median), fmtMs(phase.parse.p95), fmtMs(phase.parse.cpuMedian)],
  ['`buildDocument` (parse + text index + sections)', fmtMs(phase.build.median), fmtMs(phase.build.p95), fmtMs(phase.build.cpuMedian)],
  [`all ${RULES.length} rules (\`runRules\` on a built document)`, fmtMs(phase.rules.median), fmtMs(phase.rules.p95), fmtMs(phase.rules.cpuMedian)],
  ['**full lint** (`lintText`)', `**${fmtMs(phase.lint.median)}**`, fmtMs(phase.lint.p95), fmtMs(phase.lint.cpuMedian)],
  ['full lint ÷ parse alone', fmtRatio(phase.lint.median, phase.parse.median), '', fmtRatio(phase.lint.cpuMedian, phase.parse.cpuMedian)],
  ['rules ÷ full lint', `${((phase.rules.median / phase.lint.median) * 100).toFixed(0)}%`, '', `${((phase.rules.cpuMedian / phase.lint.cpuMedian) * 100).toFixed(0)}%`],
];
const ruleRows = isolated.slice(0, 5).map((r) => [`\`${r.id}\``, fmtMs(r.isolated), fmtMs(r.isolatedCpu), fmtMs(r.inContext), `${((r.inContext / ruleTotal) * 100).toFixed(0)}%`]);
const restInContext = isolated.slice(5).reduce((n, r) => n + r.inContext, 0);
ruleRows.push([`the other ${isolated.length - 5} rules`, '', '', fmtMs(restInContext), `${((restInContext / ruleTotal) * 100).toFixed(0)}%`]);
memorySection('2. parse vs rules');
report.sections.push([
  '## 2. Parse vs rules (1,000-line charter)',
  `Medians of ${reps(12)} runs after 3 warm-up runs (rules: on a freshly built document each run, since rules share per-document caches).`,
  table(['Phase', 'Median', 'p95', 'CPU median'], phaseRows),
  `Per rule, slowest first. *Isolated*: the rule alone on a fresh document (it pays for any shared cache it fills). *In context*: the rule's time inside a run of all rules in registry order (a shared cache is paid by the first rule that uses it); in-context times add up to the rules' total.`,
  table(['Rule', 'Isolated', 'Isolated CPU', 'In context', 'Share of rule time'], ruleRows),
].join('\n\n'));

// ---------------------------------------------------------------------------------------------
// 3. Re-lint after a one-character edit

log('3. re-lint after one-character edits');
// Successive versions, as while typing: each edit inserts one letter at a random (seeded)
// position after the front matter of the previous version.
const bodyStart = sniffed.frontMatter?.blockEnd ?? 0;
const editRng = rng(42);
const versions = [charter1000];
for (let i = 0; i < (QUICK ? 20 : 100); i++) {
  const previous = versions[versions.length - 1];
  const at = editRng.int(bodyStart, previous.length - 1);
  versions.push(previous.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz'[editRng.int(0, 25)] + previous.slice(at));
}
const edited = versions.slice(1);
// Another sequence of one-letter edits, for warming up the lint worker.
const WARM_UP = QUICK ? 30 : 300;
const warmUp = [];
for (let i = 0, previous = charter1000; i < WARM_UP; i++) {
  const at = editRng.int(bodyStart, previous.length - 1);
  previous = previous.slice(0, at) + 'zyxwvutsrq'[editRng.int(0, 9)] + previous.slice(at);
  warmUp.push(previous);
}
lintText(charter1000, RULES);
const relintRows = [];
const relintInProcess = stats(edited.map((text) => {
  const s = timeOnce(() => lintText(text, RULES));
  sampleMemory();
  return s;
}));
relintRows.push(['`lintText` of the whole edited text, in this thread', fmtMs(relintInProcess.median), `**${fmtMs(relintInProcess.p95)}**`, fmtMs(relintInProcess.max), fmtMs(relintInProcess.cpuMedian)]);
let relintTarget = { stats: relintInProcess, label: 'full `lintText` of the edited text' };
if (workerFile) {
  // The extension's path: the text goes to the lint worker, is linted there, the result comes back.
  // The request follows src/worker/lint-worker.ts ({ id, text, config }, plus a document key).
  const { Worker } = await import('node:worker_threads');
  let worker;
  if (transportFile) {
    // Through the extension's own transport (src/worker/lint-transport-node.ts).
    const listeners = { message: [], error: [] };
    const handle = createRequire(import.meta.url)(transportFile).nodeTransport(extensionWorkerFile).start({
      message: (m) => listeners.message.forEach((f) => f(m)),
      error: (e) => listeners.error.forEach((f) => f(e)),
      exit: () => {},
    });
    worker = { on: (event, f) => listeners[event]?.push(f), postMessage: (m) => handle.post(m), terminate: async () => handle.terminate() };
  } else {
    worker = new Worker(workerFile, workerOptions);
  }
  let nextId = 1;
  let failWaiting;
  let answer;
  worker.on('error', (error) => failWaiting?.(error));
  // Answers carry the request's id; anything else (the worker's "ready" message) is not one.
  worker.on('message', (response) => {
    if (response && typeof response.id === 'number') answer?.(response);
  });
  const document = 'file:///bench/charter-1000.md';
  const modes = {};
  let mismatches = 0;
  const roundTrip = (text, id = nextId++) => new Promise((resolve, reject) => {
    const start = performance.now();
    const timer = setTimeout(() => reject(new Error('no answer within 60 s')), 60000);
    failWaiting = reject;
    answer = (response) => {
      const ms = performance.now() - start;
      clearTimeout(timer);
      if (response.id === id && response.result) resolve({ ms, response });
      else reject(new Error(response?.error ?? `unexpected answer ${JSON.stringify(response).slice(0, 200)}`));
    };
    // As src/worker/lint-runner.ts sends it: the text, the configuration, the document's key.
    worker.postMessage({ id, text, config: DEFAULT_CONFIG, document });
  });
  // The extension sends a version once typing has paused for partnerlint.debounce (300 ms by
  // default), so the worker is idle between versions; the second pass sends them back to back.
  const DEBOUNCE_MS = 300;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const pass = async (gapMs, warm) => {
    // Each pass starts the document afresh, as a newly opened one.
    worker.postMessage({ close: document });
    for (let i = 0; i < 3; i++) await roundTrip(charter1000);
    // Optionally, `warm` versions of another edit sequence first, not measured: what a worker has
    // been through a few minutes into an editing session (its code compiled and optimised).
    for (const text of warmUp.slice(0, warm)) await roundTrip(text);
    if (warm > 0) await roundTrip(charter1000);
    const samples = [];
    const spotChecks = [];
    for (const [i, text] of edited.entries()) {
      if (gapMs > 0) await sleep(gapMs);
      const { ms, response } = await roundTrip(text);
      const mode = response.update?.parse ?? 'n/a';
      modes[mode] = (modes[mode] ?? 0) + 1;
      if (i % 10 === 0) spotChecks.push([text, response.result.diagnostics]);
      samples.push({ ms, cpuMs: NaN });
    }
    // The spot checks lint in this thread: after the pass, so that their work (and the garbage
    // they leave for this thread's collector) does not overlap the worker's timed checks.
    for (const [text, diagnostics] of spotChecks) if (JSON.stringify(diagnostics) !== JSON.stringify(lintText(text, RULES).diagnostics)) mismatches++;
    return stats(samples);
  };
  try {
    // A freshly started worker first (its code not yet optimised), then the same worker later in
    // a session, then versions back to back.
    const fresh = await pass(DEBOUNCE_MS, 0);
    const debounced = await pass(DEBOUNCE_MS, WARM_UP);
    const backToBack = await pass(0, 0);
    const how = `parse: ${Object.entries(modes).map(([m, n]) => `${n} ${m}`).join(', ')}; ${mismatches === 0 ? 'same diagnostics as `lintText` on every 10th version' : `**${mismatches} spot checks differ from \`lintText\`**`}`;
    relintRows.push([`through the lint worker (${transportFile ? 'dist/web/lint-worker.js in a worker thread, through src/worker/lint-transport-node.ts' : 'src/worker/lint-worker.ts'}), as the extension does it, in a session under way: each version ${DEBOUNCE_MS} ms after the last (the default partnerlint.debounce), posted with the document's key, linted in the worker from that document's previous version, answered; the worker has checked ${WARM_UP} other versions before${workerOptions.resourceLimits?.maxYoungGenerationSizeMb ? ` and was started as the extension starts it (src/worker/options.ts: young generation up to ${workerOptions.resourceLimits.maxYoungGenerationSizeMb} MB)` : ''} (${how})`, fmtMs(debounced.median), `**${fmtMs(debounced.p95)}**`, fmtMs(debounced.max), '']);
    relintRows.push([`the same, by a freshly started worker: the first ${edited.length} versions it checks (its code is still being optimised)`, fmtMs(fresh.median), fmtMs(fresh.p95), fmtMs(fresh.max), '']);
    relintRows.push(['the same session, versions posted back to back (no pause: what a debounce of 0 would give)', fmtMs(backToBack.median), fmtMs(backToBack.p95), fmtMs(backToBack.max), '']);
    relintTarget = { stats: debounced, label: `through the lint worker, as the extension does it, versions ${DEBOUNCE_MS} ms apart, in a session under way; a fresh worker's first ${edited.length}: p50 ${fmtMs(fresh.median)}, p95 ${fmtMs(fresh.p95)}`, worker: true };
  } catch (error) {
    relintRows.push([`through the lint worker: not measured (${String(error.message ?? error).split('\n')[0]})`, '', '', '', '']);
  }
  await worker.terminate();
}
const lintIncremental = core.lintIncremental ?? incrementalExport('lintIncremental');
let incrementalStats;
if (lintIncremental) {
  // The engine's "re-lint after an edit": each version linted with the state the one before left.
  let state = lintIncremental(undefined, charter1000, RULES).state;
  const modes = {};
  let mismatches = 0;
  const spotChecks = [];
  const samples = edited.map((text, i) => {
    const s = timeOnce(() => lintIncremental(state, text, RULES));
    state = s.value.state;
    const mode = state.lastUpdate?.parse ?? 'n/a';
    modes[mode] = (modes[mode] ?? 0) + 1;
    if (i % 10 === 0) spotChecks.push([text, s.value.result.diagnostics]);
    sampleMemory();
    return s;
  });
  // Spot checks (untimed, after the pass, as above): the same diagnostics as a full lint.
  for (const [text, diagnostics] of spotChecks) if (JSON.stringify(diagnostics) !== JSON.stringify(lintText(text, RULES).diagnostics)) mismatches++;
  incrementalStats = stats(samples);
  relintRows.push([`\`lintIncremental\` (src/core/incremental.ts), in this thread, each version from the state of the one before (parse: ${Object.entries(modes).map(([m, n]) => `${n} ${m}`).join(', ')}; ${mismatches === 0 ? 'same diagnostics as `lintText` on every 10th version' : `**${mismatches} of ${Math.ceil(edited.length / 10)} spot checks differ from \`lintText\`**`})`, fmtMs(incrementalStats.median), `**${fmtMs(incrementalStats.p95)}**`, fmtMs(incrementalStats.max), fmtMs(incrementalStats.cpuMedian)]);
  if (!relintTarget.worker) relintTarget = { stats: incrementalStats, label: '`lintIncremental`, in the linting thread' };
  // The same work with a pause before each version, once asleep (as a debounced editor leaves the
  // linting thread) and once busy-waiting: how much an idle machine slows the next check down.
  const paused = async (sleep) => {
    let st = lintIncremental(undefined, charter1000, RULES).state;
    const out = [];
    for (const text of edited.slice(0, QUICK ? 10 : 50)) {
      if (sleep) await new Promise((resolve) => setTimeout(resolve, 300));
      else for (const until = performance.now() + 300; performance.now() < until;);
      const s = timeOnce(() => lintIncremental(st, text, RULES));
      st = s.value.state;
      out.push(s);
    }
    return stats(out);
  };
  const asleep = await paused(true);
  const busy = await paused(false);
  relintRows.push(['the same, the first 50 versions each after 300 ms asleep (the thread idle, as between debounced checks)', fmtMs(asleep.median), fmtMs(asleep.p95), fmtMs(asleep.max), fmtMs(asleep.cpuMedian)]);
  relintRows.push(['the same, the first 50 versions each after 300 ms of busy-waiting (the processor kept busy)', fmtMs(busy.median), fmtMs(busy.p95), fmtMs(busy.max), fmtMs(busy.cpuMedian)]);
}
const reparse = incrementalExport('reparse');
const parseWhole = incrementalExport('parseWhole');
if (reparse && parseWhole) {
  // Parse level only: src/core/incremental.ts re-parses the blocks around an edit. lintText does not use it (yet).
  let previous = parseWhole(charter1000);
  const modes = {};
  const samples = edited.map((text) => {
    const s = timeOnce(() => reparse(previous, text));
    previous = s.value;
    modes[s.value.mode] = (modes[s.value.mode] ?? 0) + 1;
    return s;
  });
  const r = stats(samples);
  relintRows.push([`parse only: \`reparse\` (src/core/incremental.ts), the tree of each version from the one before (${Object.entries(modes).map(([m, n]) => `${n} ${m}`).join(', ')})`, fmtMs(r.median), fmtMs(r.p95), fmtMs(r.max), fmtMs(r.cpuMedian)]);
}
const otherApis = incremental.filter((c) => !['reparse', 'parseWhole', 'lintIncremental', 'IncrementalState', 'LintSession'].includes(c.name));
const relintMethod = (lintIncremental
  ? 'the lint worker as the extension drives it (the target row: it keeps each open document\'s previous version and lints the next one incrementally, src/core/lint-session.ts); the `lintText` row shows what that saves, the `lintIncremental` row the same work without the message round trip'
  : 'no "re-lint after an edit" API in the engine yet, so a re-lint is a full lint of the edited text')
  + (otherApis.length ? ` (src/core also exports ${otherApis.map((c) => `\`${c.name}\``).join(', ')}, which this bench does not drive)` : '');
memorySection('3. re-lint');
report.sections.push([
  '## 3. Re-lint after a one-character edit (1,000-line charter)',
  `${edited.length} successive versions, each the one before with one letter inserted at a random (seeded) position after the front matter. Method: ${relintMethod}. The rows separate the costs: the incremental work itself (\`lintIncremental\`, in this thread), the message round trip (the worker, versions back to back), what a pause before each version adds (300 ms asleep or busy-waiting in this thread; 300 ms apart through the worker), and warm-up: the worker is an engine instance of its own whose code is compiled and optimised by its own work, so a freshly started worker is slower for its first few hundred checks (the fresh-worker row), while the rows in this thread run after everything measured before them.`,
  table(['How', 'p50', 'p95', 'max', 'CPU p50'], relintRows),
].join('\n\n'));
report.targets.push(['Re-lint p95 after a one-character edit, 1,000-line charter', '≤ 16 ms', `${fmtMs(relintTarget.stats.p95)} (p50 ${fmtMs(relintTarget.stats.median)}; ${relintTarget.label}${lintIncremental ? '' : ': no incremental re-lint yet'})`, relintTarget.stats.p95 <= 16 ? 'PASS' : 'MISS']);
{
  const server = await serverSection();
  report.targets.push(server.target);
  if (server.section) report.sections.push(server.section);
}

// ---------------------------------------------------------------------------------------------
// 7. README skip (measured here, in the warm process; reported as section 7)

log('7. README skip');
const readmeBytes = readmes.reduce((n, t) => n + Buffer.byteLength(t), 0);
const corpusDir = join(tmp, 'corpus');
const corpus = writeCorpus(corpusDir, { count: 500, strategyShare: 0.1, seed: 500 });
const ordinary = corpus.filter((f) => f.kind === 'ordinary').map((f) => readFileSync(f.path, 'utf8'));
const ordinaryBytes = ordinary.reduce((n, t) => n + Buffer.byteLength(t), 0);
const bigReadme = readme(9, 1e6);
const passes = (docs, fn) => stats(measure(() => { for (const d of docs) fn(d); }, { warmup: 3, reps: reps(20) }));
const skipRows = [];
const readmeSniff = passes(readmes, (t) => sniff(t));
const readmeLint = passes(readmes, (t) => lintText(t, RULES));
const ordinarySniff = passes(ordinary, (t) => sniff(t));
const ordinaryLint = passes(ordinary, (t) => lintText(t, RULES));
const bigLint = passes([bigReadme], (t) => lintText(t, RULES));
const notOurs = (docs) => docs.filter((t) => lintText(t, RULES).kind === undefined).length;
skipRows.push([`${readmes.length} READMEs, 4–16 KB (${fmtKB(readmeBytes)})`, fmtMBs(readmeBytes, readmeSniff.median), `**${fmtMBs(readmeBytes, readmeLint.median)}**`, fmtMs(readmeLint.median / readmes.length), `${notOurs(readmes)}/${readmes.length}`]);
skipRows.push([`${ordinary.length} ordinary files of the CLI folder: READMEs, changelogs, ADRs, blog posts and docs pages with front matter (${fmtKB(ordinaryBytes)})`, fmtMBs(ordinaryBytes, ordinarySniff.median), fmtMBs(ordinaryBytes, ordinaryLint.median), fmtMs(ordinaryLint.median / ordinary.length), `${notOurs(ordinary)}/${ordinary.length}`]);
skipRows.push([`one 1 MB README (only its first 16 KB are read)`, '', fmtMBs(Buffer.byteLength(bigReadme), bigLint.median), fmtMs(bigLint.median), `${notOurs([bigReadme])}/1`]);
memorySection('7. README skip');
const readmeMBs = readmeBytes / 1e6 / (readmeLint.median / 1000);
report.targets.push(['Deciding a README is not a strategy document (`lintText` on READMEs)', '≥ 50 MB/s', `${fmtMBs(readmeBytes, readmeLint.median)} (${fmtMs(readmeLint.median / readmes.length)} per README)`, readmeMBs >= 50 ? 'PASS' : 'MISS']);
const readmeSection = [
  '## 7. Deciding that ordinary Markdown is not a strategy document',
  `Throughput over whole sets of files (median of ${reps(20)} passes after 3 warm-up passes); "skipped" counts the files \`lintText\` left alone (no kind recognised).`,
  table(['Documents', '`sniff`', '`lintText`', 'per file', 'skipped'], skipRows),
].join('\n\n');

// ---------------------------------------------------------------------------------------------
// 4. CLI vs markdownlint-cli2 on 500 files

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
function runProcess(command, cwd) {
  const rssFile = join(tmp, 'time.txt');
  const full = TIME ? [TIME, '-v', '-o', rssFile, ...command] : command;
  const start = performance.now();
  const out = spawnSync(full[0], full.slice(1), { cwd, stdio: 'ignore' });
  const ms = performance.now() - start;
  let maxRssKb;
  if (TIME && existsSync(rssFile)) maxRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(rssFile, 'utf8'))?.[1]);
  return { ms, status: out.status, maxRssKb };
}
let cliSection = '## 4. CLI on 500 files vs markdownlint-cli2\n\nSkipped (--skip-cli).';
const corpusBytes = corpus.reduce((n, f) => n + f.bytes, 0);
const strategyCount = corpus.filter((f) => f.kind !== 'ordinary').length;
if (!flag('--skip-cli')) {
  log('4. CLI vs markdownlint-cli2 on 500 files');
  const pl = [process.execPath, cliFile, '.'];
  // The same with `--workers` (strategy documents linted in a worker pool; off by default), when
  // the lint worker sits beside the CLI as in dist/.
  const plPool = workerFile ? [process.execPath, cliFile, '--workers', '.'] : undefined;
  const ml = cli2Bin ? [process.execPath, cli2Bin, '**/*.md'] : undefined;
  runProcess(pl, corpusDir);
  if (plPool) runProcess(plPool, corpusDir);
  if (ml) runProcess(ml, corpusDir);
  const plRuns = [];
  const poolRuns = [];
  const mlRuns = [];
  for (let i = 0; i < (QUICK ? 2 : 5); i++) {
    plRuns.push(runProcess(pl, corpusDir));
    if (plPool) poolRuns.push(runProcess(plPool, corpusDir));
    if (ml) mlRuns.push(runProcess(ml, corpusDir));
  }
  const plMs = median(plRuns.map((r) => r.ms));
  const mlMs = ml ? median(mlRuns.map((r) => r.ms)) : NaN;
  const rss = (runs) => (runs.length && runs[0].maxRssKb ? fmtMiB(Math.max(...runs.map((r) => r.maxRssKb))) : 'n/a');
  cliSection = [
    '## 4. CLI on 500 files vs markdownlint-cli2',
    `${corpus.length} generated files (${fmtKB(corpusBytes)}; ${strategyCount} strategy documents: charters of 60–400 lines, decision records, tier models, rollout and launch plans) in 8 folders. Whole-process wall time, ${QUICK ? 2 : 5} runs each, alternated, after one warm-up run each (file cache warm). \`node cli.js .\` (PartnerLint, built with esbuild like \`dist/cli.js\`) vs \`markdownlint-cli2 "**/*.md"\` with its default configuration. Max RSS from ${TIME ? '`/usr/bin/time -v`' : 'n/a'}.`,
    table(['Tool', 'Median wall time', 'min', 'max', 'Max RSS', 'Exit code'], [
      ['PartnerLint CLI', `**${fmtMs(plMs)}**`, fmtMs(Math.min(...plRuns.map((r) => r.ms))), fmtMs(Math.max(...plRuns.map((r) => r.ms))), rss(plRuns), String(plRuns[0].status)],
      ...(poolRuns.length ? [['PartnerLint CLI `--workers` (worker pool, off by default)', fmtMs(median(poolRuns.map((r) => r.ms))), fmtMs(Math.min(...poolRuns.map((r) => r.ms))), fmtMs(Math.max(...poolRuns.map((r) => r.ms))), rss(poolRuns), String(poolRuns[0].status)]] : []),
      ['markdownlint-cli2', ml ? `**${fmtMs(mlMs)}**` : 'n/a', ml ? fmtMs(Math.min(...mlRuns.map((r) => r.ms))) : '', ml ? fmtMs(Math.max(...mlRuns.map((r) => r.ms))) : '', ml ? rss(mlRuns) : '', ml ? String(mlRuns[0].status) : ''],
      ['Ratio', fmtRatio(plMs, mlMs), '', '', '', ''],
    ]),
  ].join('\n\n');
  report.targets.push(['CLI on 500 files vs markdownlint-cli2 (whole process)', '≤ 1.0×', `${fmtRatio(plMs, mlMs)} (${fmtMs(plMs)} vs ${fmtMs(mlMs)})`, Number.isFinite(plMs / mlMs) ? (plMs / mlMs <= 1 ? 'PASS' : 'MISS') : 'n/a']);
  memory.cli = { pl: plRuns.map((r) => r.maxRssKb), ml: mlRuns.map((r) => r.maxRssKb) };
}

// ---------------------------------------------------------------------------------------------
// 5. Scaling: 0.1, 1 and 10 MB of charter text

/** Peak RSS (VmHWM) of a running process, in KB, from /proc (Linux); undefined elsewhere. */
function peakRssOf(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) || undefined;
  } catch {
    return undefined;
  }
}
const scaleTexts = new Map();
/** One size in its own process; stopped (after reading its peak RSS) when it runs past `budgetS`. */
function scaleRun(bytes, repetitions, budgetS, { bundle = coreFile, split = true } = {}) {
  let path = scaleTexts.get(bytes);
  if (!path) {
    path = join(tmp, `charter-${bytes}.md`);
    writeFileSync(path, charter({ bytes, seed: 2 }));
    scaleTexts.set(bytes, path);
  }
  const text = readFileSync(path, 'utf8');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/bench/scale-worker.mjs'), bundle, path, bytes <= 2e5 ? path : charterPath, String(repetitions), split ? 'split' : 'lint-only'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let stoppedRssKb;
    let stopped = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => (err = (err + chunk).slice(-4000)));
    const timer = setTimeout(() => {
      stoppedRssKb = peakRssOf(child.pid);
      stopped = true;
      child.kill('SIGKILL');
    }, budgetS * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const records = out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
      const of = (p) => records.filter((r) => r.phase === p);
      // A run that ended on its own without finishing crashed (most likely out of memory).
      const crashed = !stopped && !of('done').length
        ? `${/heap out of memory|Allocation failed/i.test(err) ? 'out of memory' : 'crashed'} (exit ${code ?? signal})`
        : undefined;
      if (crashed) log(`   ${crashed}: ${err.trim().split('\n').slice(-3).join(' | ')}`);
      resolve({
        bytes: Buffer.byteLength(text), lines: lineCount(text), budgetS, timedOut: stopped, crashed,
        lint: of('lint').map((r) => r.ms), lintCpu: of('lint').map((r) => r.cpuMs), parse: of('parse').map((r) => r.ms), rules: of('rules').map((r) => r.ms),
        maxRssKb: Math.max(0, stoppedRssKb ?? 0, ...records.map((r) => r.maxRssKb)), diagnostics: of('lint')[0]?.diagnostics,
      });
    });
  });
}
/** The scaling table and its growth summary for one series of runs. */
function scaleTable(runs) {
  const base = runs[0];
  const baseMsPerMB = median(base.lint) / (base.bytes / 1e6);
  const baseCpuPerMB = median(base.lintCpu) / (base.bytes / 1e6);
  const rows = runs.map((r) => {
    if (!r.lint.length && r.crashed) {
      return [fmtKB(r.bytes), String(r.lines), `failed: ${r.crashed}`, '', '', '', '', '', '', '', fmtMiB(r.maxRssKb)];
    }
    if (!r.lint.length) {
      // Not one lint finished within the budget: the budget is a lower bound.
      const lower = r.budgetS * 1000;
      return [fmtKB(r.bytes), String(r.lines), `> ${fmtMs(lower)} (stopped)`, '', '', '', `> ${fmtMs(lower / (r.bytes / 1e6))}`, `< ${fmtMBs(r.bytes, lower)}`, `> ${(lower / (r.bytes / 1e6) / baseMsPerMB).toFixed(1)}×`, '', `≥ ${fmtMiB(r.maxRssKb)}`];
    }
    const lint = median(r.lint);
    const msPerMB = lint / (r.bytes / 1e6);
    return [fmtKB(r.bytes), String(r.lines), fmtMs(lint), fmtMs(median(r.lintCpu)), r.parse.length ? fmtMs(median(r.parse)) : '', r.rules.length ? fmtMs(median(r.rules)) : '', fmtMs(msPerMB), fmtMBs(r.bytes, lint), `${(msPerMB / baseMsPerMB).toFixed(1)}×`, `${(median(r.lintCpu) / (r.bytes / 1e6) / baseCpuPerMB).toFixed(1)}×`, fmtMiB(r.maxRssKb)];
  });
  // Growth exponent between consecutive sizes, on CPU time (steadier than wall time on a shared
  // machine; a stopped run counts with its budget, a lower bound): time ∝ size^k.
  const cpuOf = (r) => (r.lint.length ? median(r.lintCpu) : r.budgetS * 1000);
  const exponents = [];
  for (let i = 1; i < runs.length; i++) {
    const a = runs[i - 1];
    const b = runs[i];
    if (!a.lint.length || (!b.lint.length && b.crashed)) break;
    exponents.push(`${fmtKB(a.bytes)} → ${fmtKB(b.bytes)}: k ${b.lint.length ? '=' : '>'} ${(Math.log(cpuOf(b) / cpuOf(a)) / Math.log(b.bytes / a.bytes)).toFixed(2)}`);
  }
  const timed = runs.filter((r) => r.lint.length || !r.crashed);
  const worst = Math.max(...timed.map((r) => cpuOf(r) / (r.bytes / 1e6))) / baseCpuPerMB;
  return {
    table: table(['Size', 'Lines', 'Full lint', 'CPU', 'Parse', 'Rules', 'Time per MB', 'Throughput', 'Time per MB vs smallest', 'CPU per MB vs smallest', 'Peak RSS'], rows),
    summary: `Growth on CPU time: ${exponents.join('; ') || 'n/a'} (time ∝ size^k: k = 1 is linear, 2 quadratic). Linear${timed.length < runs.length ? ' up to the largest size that finished' : ''}: **${worst <= 1.5 ? 'yes' : 'no'}** (CPU time per MB at the largest size is ${timed[timed.length - 1].lint.length ? '' : 'more than '}${worst.toFixed(1)}× that at the smallest; up to 1.5× counts as linear).`,
  };
}
let scaleSection = '## 5. Time per MB\n\nSkipped (--skip-scale).';
if (!flag('--skip-scale')) {
  // [bytes, runs, budget in seconds, parse and rules measured too]
  const sizes = QUICK ? [[1e5, 2, 120, true], [3e5, 1, 120, true]] : [[1e5, 5, 120, true], [1e6, 2, 240, true], [1e7, 1, BUDGET_10MB_S, false]];
  const series = [[`micromark ${mm.micromark.version} (installed)`, coreFile]];
  if (coreCopyFile) series.push([`micromark ${mmCopy.version} (the copy in ${mmCopyDir})`, coreCopyFile]);
  const parts = [];
  for (const [label, bundle] of series) {
    const runs = [];
    for (const [bytes, n, budget, split] of sizes) {
      log(`5. scaling with ${label}: ${fmtKB(bytes)} (budget ${budget} s)`);
      runs.push(await scaleRun(bytes, n, budget, { bundle, split }));
    }
    const t = scaleTable(runs);
    parts.push(`### With ${label}`, t.table, t.summary);
    memory.scale = [...(memory.scale ?? []), ...runs.map((r) => [`${fmtKB(r.bytes)} (${label.split(' (')[0]})`, r.maxRssKb])];
  }
  scaleSection = [
    '## 5. Time per MB (charter text)',
    `Generated charters (the 1,000-line charter's structure with more workstreams) of ${sizes.map(([b]) => fmtKB(b)).join(', ')}. Each size runs in its own process, so that its peak RSS is its own and so that it can be stopped when it runs past its time budget (${sizes.map(([b, , budget]) => `${budget} s at ${fmtKB(b)}`).join(', ')}; a stopped run gives a lower bound), after 3 warm-up lints (of the document itself up to 200 KB, else of the 1,000-line charter). ${sizes.map(([b, n]) => `${n} run${n > 1 ? 's' : ''} at ${fmtKB(b)}`).join(', ')}. "Parse" (\`buildDocument\`: remark parse + sections) and "Rules" (\`runRules\`) are measured after each full lint${sizes.some((x) => !x[3]) ? `, except at ${sizes.filter((x) => !x[3]).map(([b]) => fmtKB(b)).join(', ')} (full lint only, to stay within the budget)` : ''}.${series.length > 1 ? ' The series is run twice: with the installed micromark, and with PartnerLint rebuilt on the other micromark copy (see the micromark section).' : ''}`,
    ...parts,
  ].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// micromark: the installed version vs another copy

let micromarkSection = `## micromark ${mm.micromark.version} vs another version\n\nNot measured: no other copy in ${mmCopyDir} (make one with \`node scripts/bench/micromark.mjs --install 4.0.2\`).`;
if (mmCopy) {
  log(`micromark ${mm.micromark.version} vs ${mmCopy.version}`);
  const ours = `micromark ${mm.micromark.version} (installed)`;
  const theirs = `micromark ${mmCopy.version}`;
  const tokenize = { [ours]: await loadTokenizer(mm.micromark.dir), [theirs]: await loadTokenizer(mmCopy.dir) };
  const coreCopy = require(coreCopyFile);
  const remarkParse = { [ours]: (t) => parseMarkdown(t), [theirs]: (t) => coreCopy.parseMarkdown(t) };
  const fullLint = { [ours]: (t) => lintText(t, RULES), [theirs]: (t) => coreCopy.lintText(t, RULES) };
  const mb = QUICK ? 0.25 : 1;
  const lists = listDoc(mb * 1e6);
  const bigCharter = charter({ bytes: mb * 1e6, seed: 2 });
  const rows = [];
  const add = (what, text, fns, n) => {
    const r = interleaved(fns, text, n);
    sampleMemory();
    rows.push([what, fmtKB(Buffer.byteLength(text)), String(n), `${fmtMs(r[ours].median)} (CPU ${fmtMs(r[ours].cpu)})`, `${fmtMs(r[theirs].median)} (CPU ${fmtMs(r[theirs].cpu)})`, `**${fmtRatio(r[ours].median, r[theirs].median)}** (CPU ${fmtRatio(r[ours].cpu, r[theirs].cpu)})`]);
  };
  // A paragraph whose every line ends in two spaces (hard breaks): the case 4.0.3's change to
  // initialize/text.js made cheaper, the other side of the trade.
  const hardBreaks = Array.from({ length: Math.round(mb * 20000) }, (_, i) => `line ${i} of one long paragraph with a hard break  `).join('\n') + '\n';
  add('tokenize (micromark only, no GFM): nested lists', listDoc(0.25e6), tokenize, 3);
  if (mb > 0.25) add('tokenize (micromark only, no GFM): nested lists', lists, tokenize, 1);
  add('tokenize (micromark only, no GFM): charter', bigCharter, tokenize, 1);
  add('tokenize (micromark only, no GFM): one paragraph, every line a hard break', hardBreaks, tokenize, 1);
  add('PartnerLint parse (remark + frontmatter + GFM): charter', bigCharter, remarkParse, 1);
  add('PartnerLint full lint: 1,000-line charter', charter1000, fullLint, reps(10));
  micromarkSection = [
    `## micromark ${mm.micromark.version} (installed) vs ${mmCopy.version}`,
    `The copy is micromark@${mmCopy.version} installed in ${mmCopyDir} next to the same micromark-core-commonmark and micromark-util-subtokenize versions as the repo, so only micromark itself differs; PartnerLint's parser is rebuilt with esbuild's \`alias\` to use it. Runs alternate between the two versions, after a warm-up on a 20 KB slice; medians of wall and CPU time.`,
    table(['Work', 'Size', 'Runs', `${mm.micromark.version} (installed)`, mmCopy.version, `Ratio ${mm.micromark.version} ÷ ${mmCopy.version}`], rows),
  ].join('\n\n');
  memorySection('micromark');
}

// ---------------------------------------------------------------------------------------------
// The web extension's bundles (package.json `browser`, for vscode.dev and github.dev), built as
// `npm run package` builds them (--production: minified, no source maps), by scripts/web-bundles.mjs
// (which fails on any Node import or global). Bytes on disk; gzipped, what a browser downloads.

log('web bundle sizes');
{
  const web = await buildWebBundles({ root: ROOT, outdir: join(tmp, 'web-dist'), production: true });
  const gzipped = (file) => fmtKB(gzipSync(readFileSync(file)).length);
  report.targets.push([
    'Web extension bundle (dist/web/extension.js, minified as `--production` builds it)',
    '≤ 1 MB',
    `${fmtKB(web.bytes.extension)} (${gzipped(web.files.extension)} gzipped); its Web Worker dist/web/lint-worker.js ${fmtKB(web.bytes.worker)} (${gzipped(web.files.worker)} gzipped), loaded once when the first document is checked`,
    web.bytes.extension <= 1e6 ? 'PASS' : 'MISS',
  ]);
}

// ---------------------------------------------------------------------------------------------
// 6. Memory

memorySection('end');
const memRows = memory.sections.map((s) => [s.name, `${(s.heapPeak / 2 ** 20).toFixed(0)} MiB`, fmtMiB(s.maxRssKb)]);
const memorySectionText = [
  '## 6. Memory',
  'The bench process: heapUsed sampled after every measured run (synchronous code cannot be sampled while it runs), and the process peak RSS from getrusage (`process.resourceUsage().maxRSS`), both cumulative.',
  table(['After section', 'heapUsed peak (sampled)', 'Process peak RSS'], memRows),
  [
    memory.cli ? `CLI on 500 files, max RSS (\`/usr/bin/time -v\`): PartnerLint ${memory.cli.pl[0] ? fmtMiB(Math.max(...memory.cli.pl)) : 'n/a'}, markdownlint-cli2 ${memory.cli.ml[0] ? fmtMiB(Math.max(...memory.cli.ml)) : 'n/a'}.` : '',
    memory.scale ? `Scaling processes, peak RSS (≥ for a stopped run, read just before stopping it): ${memory.scale.map(([s, kb]) => `${s} ${fmtMiB(kb)}`).join(', ')}.` : '',
  ].filter(Boolean).join(' '),
].join('\n\n');

// ---------------------------------------------------------------------------------------------
// Report

const loadEnd = loadavg().map((l) => l.toFixed(2)).join(' / ');
const elapsed = (performance.now() - started) / 1000;
const busy = Math.max(...loadavg()) > machine.cores * 0.75 || Math.max(...machine.loadStart.split(' / ').map(Number)) > machine.cores * 0.75;
const doc = [
  '# Performance',
  `Generated by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${elapsed.toFixed(0)} s${QUICK ? ' (--quick)' : ''}. Re-run it rather than editing this page.`,
  '## Machine',
  [
    `- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memory}; ${machine.os}`,
    `- Node ${machine.node}`,
    `- Load average (1 / 5 / 15 min): ${machine.loadStart} at start, ${loadEnd} at the end${busy ? ` — **the machine was busy with other work** (load above its ${machine.cores} cores): absolute wall times are inflated and noisy; ratios of runs alternated in the same process hold up better, and CPU times are shown beside wall times` : ''}`,
    `- Packages: ${machine.packages.join(', ')}`,
  ].join('\n'),
  '## Method',
  [
    '- One Node process; `performance.now()` from perf_hooks; warm-up runs before measured runs; medians, p95 where asked (nearest rank). PartnerLint is bundled with esbuild exactly as scripts/build.mjs bundles it (CommonJS, platform node, YAML as text), into a temporary folder.',
    '- Documents are generated from fixed seeds (scripts/bench/corpus.mjs): a charter of exactly 1,000 lines in the style of examples/acme-globex-charter.md (front matter `type: partnership-charter`, the five sections with one `###` workstream block each, bold-label lists, tables, dated crawl/walk/run phases, signatures); READMEs of 4–16 KB; a folder of 500 files, 10% strategy documents.',
    '- The CLI comparison and the scaling sizes run in child processes (whole-process time; per-size peak memory and a time budget).',
  ].join('\n'),
  '## Targets',
  table(['Target', 'Goal', 'Measured', 'Result'], report.targets.map((t) => [t[0], t[1], t[2], `**${t[3]}**`])),
  ...report.sections,
  cliSection,
  scaleSection,
  memorySectionText,
  readmeSection,
  micromarkSection,
].join('\n\n') + '\n';

process.stdout.write(doc);
if (WRITE) {
  writeFileSync(OUT, doc);
  log(`wrote ${OUT}`);
}
log(`done in ${elapsed.toFixed(0)} s`);
