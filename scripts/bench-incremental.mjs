// Measures what typing costs in a long charter:
//   - a cold lint (lintText) of a ~1,000-line charter, and its parse alone;
//   - re-linting after random one-character edits, the way the editor does it: lintText on the
//     full text (what the extension did), and DocumentLintState.update (the incremental API);
//   - each rule's cost on that charter (on a freshly parsed document each time).
// Times are wall-clock milliseconds from perf_hooks: median, p95, min (and, for the incremental
// re-lint, the process's CPU time, which a busy machine inflates less).
//
//   node scripts/bench-incremental.mjs [--edits 200] [--runs 30] [--lines 1000] [--src <dir>] [--seed 1]
//                                       [--micromark <folder of another micromark copy>]
//
// When markdownlint can be found (the repo's node_modules, or $PARTNERLINT_BENCH_DEPS/node_modules
// as for scripts/bench.mjs), its full lint of the same charter is measured too, alternating runs
// with PartnerLint's cold lint (and which of the two goes first) so that both see the same
// machine load and neither always collects the other's garbage.
//
// `--src` points at another copy of src/ (for example `git archive HEAD src trees | tar -x -C /tmp/base`,
// then `--src /tmp/base/src`: the built-in decision trees are bundled from ../trees) to measure it
// the same way; a copy without the incremental API is measured with lintText only.
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const src = resolve(arg('src', join(root, 'src')));
const markdownlintEntry = [join(root, 'node_modules'), process.env.PARTNERLINT_BENCH_DEPS && join(process.env.PARTNERLINT_BENCH_DEPS, 'node_modules')]
  .filter(Boolean)
  .map((dir) => join(dir, 'markdownlint/lib/exports-sync.mjs'))
  .find((file) => existsSync(file));
const settings = {
  edits: Number(arg('edits', 200)),
  runs: Number(arg('runs', 30)),
  lines: Number(arg('lines', 1000)),
  seed: Number(arg('seed', 1)),
  root,
  incremental: existsSync(join(src, 'core/incremental.ts')),
};

const entry = `
import { performance } from 'node:perf_hooks';
import * as core from ${JSON.stringify(join(src, 'core/index.ts'))};
import { parseMarkdown } from ${JSON.stringify(join(src, 'core/parse.ts'))};
import { bigCharter } from ${JSON.stringify(join(root, 'test/unit/big-charter.ts'))};
const settings = ${JSON.stringify(settings)};
const { lintText, RULES, DEFAULT_CONFIG, sniff, buildDocument, runRules } = core;

const stats = (times) => {
  const s = [...times].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), min: +s[0].toFixed(2), n: s.length };
};
/** Wall-clock times of the calls; their CPU times go to cpuTimes. */
let cpuTimes = [];
const time = (fn, runs, setup) => {
  const out = [];
  for (let i = 0; i < runs; i++) {
    setup?.();
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  return out;
};
/** stats() of wall times, with the CPU times measured since the last call. */
const measured = (times) => {
  const result = { ...stats(times), cpu: stats(cpuTimes) };
  cpuTimes = [];
  return result;
};
let seed = settings.seed;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz      eeeaaoo0123456789';
function oneCharEdit(text) {
  const at = Math.floor(random() * text.length);
  const r = random();
  const c = LETTERS[Math.floor(random() * LETTERS.length)];
  if (r < 0.6) return text.slice(0, at) + c + text.slice(at);
  if (r < 0.85) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + c + text.slice(at + 1);
}

const text = bigCharter(settings.lines, settings.root);
const report = { lines: text.split('\\n').length, characters: text.length, diagnostics: lintText(text, RULES, DEFAULT_CONFIG).diagnostics.length };
for (let i = 0; i < 5; i++) lintText(text, RULES, DEFAULT_CONFIG);
if (globalThis.__markdownlint) {
  const mdl = (t) => globalThis.__markdownlint.lint({ strings: { doc: t } }).doc;
  for (let i = 0; i < 5; i++) mdl(text);
  const ours = [];
  const theirs = [];
  const oursCpu = [];
  const theirsCpu = [];
  const runOurs = () => {
    ours.push(...time(() => lintText(text, RULES, DEFAULT_CONFIG), 1));
    oursCpu.push(...cpuTimes.splice(0));
  };
  const runTheirs = () => {
    theirs.push(...time(() => mdl(text), 1));
    theirsCpu.push(...cpuTimes.splice(0));
  };
  // Each run can leave garbage that the next one pays to collect: alternate who goes first, as
  // scripts/bench.mjs does, so that neither always pays for the other.
  for (let i = 0; i < settings.runs; i++) {
    if (i % 2 === 0) {
      runOurs();
      runTheirs();
    } else {
      runTheirs();
      runOurs();
    }
  }
  report.coldLint = { ...stats(ours), cpu: stats(oursCpu) };
  report.markdownlint = { ...stats(theirs), cpu: stats(theirsCpu) };
  const ratio = (a, b) => +(a / b).toFixed(2);
  report.coldLintRatio = {
    median: ratio(report.coldLint.median, report.markdownlint.median),
    min: ratio(report.coldLint.min, report.markdownlint.min),
    cpuMedian: ratio(report.coldLint.cpu.median, report.markdownlint.cpu.median),
  };
} else {
  report.coldLint = measured(time(() => lintText(text, RULES, DEFAULT_CONFIG), settings.runs));
}
report.parse = measured(time(() => parseMarkdown(text), settings.runs));
const sniffed = sniff(text);
let doc;
report.runRules = measured(time(() => runRules(doc, RULES, DEFAULT_CONFIG), settings.runs, () => { doc = buildDocument(text, sniffed); }));

// The same sequence of edits for both ways of re-linting.
const versions = [];
for (let i = 0, t = text; i < settings.edits; i++) versions.push((t = oneCharEdit(t)));
report.relintFull = measured(time((() => { let i = 0; return () => lintText(versions[i++], RULES, DEFAULT_CONFIG); })(), versions.length));
if (settings.incremental) {
  const state = new core.DocumentLintState();
  state.update(text, RULES, DEFAULT_CONFIG);
  const modes = {};
  const times = [];
  let mismatches = 0;
  for (const version of versions) {
    let result;
    times.push(...time(() => { result = state.update(version, RULES, DEFAULT_CONFIG); }, 1));
    const how = state.lastUpdate.parse + (state.lastUpdate.reason ? ': ' + state.lastUpdate.reason : '');
    modes[how] = (modes[how] ?? 0) + 1;
    if (JSON.stringify(result) !== JSON.stringify(lintText(version, RULES, DEFAULT_CONFIG))) mismatches++;
  }
  report.relintIncremental = { ...measured(times), modes, mismatches };
}

const perRule = [];
for (const rule of RULES) {
  const times = time(() => runRules(doc, [rule], DEFAULT_CONFIG), Math.max(5, Math.floor(settings.runs / 2)), () => { doc = buildDocument(text, sniffed); });
  perRule.push([rule.meta.id, stats(times).median]);
  cpuTimes = [];
}
perRule.sort((a, b) => b[1] - a[1]);
report.perRuleMedian = Object.fromEntries(perRule.filter(([, ms]) => ms >= 0.05));
console.log(JSON.stringify(report, null, 2));
`;

const dir = mkdtempSync(join(tmpdir(), 'pl-bench-'));
try {
  writeFileSync(join(dir, 'entry.ts'), entry);
  await build({
    entryPoints: [join(dir, 'entry.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: join(dir, 'bench.js'),
    logLevel: 'warning',
    absWorkingDir: root,
    nodePaths: [join(root, 'node_modules')],
    loader: { '.yaml': 'text' },
    ...(arg('micromark') ? { alias: { micromark: resolve(arg('micromark')) } } : {}),
    define: { 'import.meta.url': '__benchImportMetaUrl' },
    banner: { js: "var __benchImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  if (markdownlintEntry) globalThis.__markdownlint = await import(pathToFileURL(markdownlintEntry).href);
  await import(pathToFileURL(join(dir, 'bench.js')).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
