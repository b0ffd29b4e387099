// Measures a cold full lint (lintText) of strategy documents phase by phase, against markdownlint's
// full lint of the same text, and optionally against another copy of src/ in the same process:
//
//   node scripts/bench-cold.mjs [--runs 21] [--base <another src/ folder>] [--doc big|bench|example|all]
//
// Documents: `big` is test/unit/big-charter.ts's 1,000-line charter (as scripts/bench-incremental.mjs
// uses), `bench` the generated 1,000-line charter of `npm run bench` (scripts/bench/corpus.mjs), and
// `example` examples/acme-globex-charter.md. `--base` points at another copy of src/ (for example
// `git archive HEAD src trees | tar -x -C /tmp/base`, then `--base /tmp/base/src`), bundled the same way.
//
// Each round runs, in an order that alternates from round to round: markdownlint's lint, then each
// copy's full lint, then each copy's phases one by one (sniff, estimateNesting, parseMarkdown,
// TextIndex, buildSections, runRules, applyDirectives) on the same text. Printed per measurement:
// median and min wall time, median process CPU time (all threads: the garbage collector's helper
// threads count) and median time in garbage collection (PerformanceObserver 'gc' entries, which
// are main-thread pauses), all in ms.
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
const runs = Number(arg('runs', 21));
const docChoice = arg('doc', 'all');
const copies = [['current', join(root, 'src')]];
if (arg('base')) copies.push(['base', resolve(arg('base'))]);
const markdownlintEntry = [join(root, 'node_modules'), process.env.PARTNERLINT_BENCH_DEPS && join(process.env.PARTNERLINT_BENCH_DEPS, 'node_modules')]
  .filter(Boolean)
  .map((dir) => join(dir, 'markdownlint/lib/exports-sync.mjs'))
  .find((file) => existsSync(file));

/** One bundle per copy: its lint, its phases, and the documents. */
const entry = (src) => `
import * as core from ${JSON.stringify(join(src, 'core/index.ts'))};
import { parseMarkdown, estimateNesting } from ${JSON.stringify(join(src, 'core/parse.ts'))};
import { TextIndex } from ${JSON.stringify(join(src, 'core/text.ts'))};
import { buildSections } from ${JSON.stringify(join(src, 'core/document.ts'))};
import { applyDirectives } from ${JSON.stringify(join(src, 'core/directives.ts'))};
import { documentFromTree, ENGINE_IDS } from ${JSON.stringify(join(src, 'core/engine.ts'))};
import { bigCharter } from ${JSON.stringify(join(root, 'test/unit/big-charter.ts'))};
import { charter } from ${JSON.stringify(join(root, 'scripts/bench/corpus.mjs'))};
import { readFileSync } from 'node:fs';
const { lintText, RULES, DEFAULT_CONFIG, sniff, runRules } = core;
export const documents = {
  big: () => bigCharter(1000, ${JSON.stringify(root)}),
  bench: () => charter({ lines: 1000, seed: 1 }),
  example: () => readFileSync(${JSON.stringify(join(root, 'examples/acme-globex-charter.md'))}, 'utf8'),
};
export const lint = (text) => lintText(text, RULES, DEFAULT_CONFIG);
/** The phases of lintWithSteps, each a step of its own; the state flows from one to the next. */
export function phases(text) {
  const s = {};
  const known = new Set([...ENGINE_IDS, ...RULES.map((r) => r.meta.id)]);
  return [
    ['sniff', () => { s.sniffed = sniff(text); }],
    ['estimateNesting', () => { s.depth = estimateNesting(text, DEFAULT_CONFIG.maxNesting); }],
    ['parseMarkdown', () => { s.root = parseMarkdown(text); }],
    ['TextIndex', () => { s.index = new TextIndex(text); }],
    ['buildSections', () => { s.sections = buildSections(s.root, s.index); }],
    // documentFromTree builds its own index and sections again; only the rules are timed here.
    ['runRules', () => { s.doc = documentFromTree(text, { ...s.sniffed, kind: s.sniffed.kind }, s.root); }, () => { s.found = runRules(s.doc, RULES, DEFAULT_CONFIG); }],
    ['applyDirectives', () => { s.diagnostics = applyDirectives(s.doc, s.found, known); }],
  ];
}
`;

const dir = mkdtempSync(join(tmpdir(), 'pl-bench-cold-'));
try {
  const bundles = [];
  for (const [name, src] of copies) {
    writeFileSync(join(dir, `${name}.ts`), entry(src));
    await build({
      entryPoints: [join(dir, `${name}.ts`)],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: join(dir, `${name}.js`),
      logLevel: 'warning',
      absWorkingDir: root,
      nodePaths: [join(root, 'node_modules')],
      loader: { '.yaml': 'text' },
      define: { 'import.meta.url': '__benchImportMetaUrl' },
      banner: { js: "var __benchImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
    });
    bundles.push([name, await import(pathToFileURL(join(dir, `${name}.js`)).href)]);
  }
  const markdownlint = markdownlintEntry ? await import(pathToFileURL(markdownlintEntry).href) : undefined;
  await measure(bundles, markdownlint);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function measure(bundles, markdownlint) {
  const { performance, PerformanceObserver } = await import('node:perf_hooks');
  let gcTotal = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcTotal += e.duration;
  }).observe({ entryTypes: ['gc'] });
  // 'gc' entries are delivered asynchronously: flush them before reading the total.
  const flush = () => new Promise((r) => setTimeout(r, 0));
  const samples = new Map();
  const add = (key, wall, cpu, gc) => {
    if (!samples.has(key)) samples.set(key, { wall: [], cpu: [], gc: [] });
    const s = samples.get(key);
    s.wall.push(wall);
    s.cpu.push(cpu);
    s.gc.push(gc);
  };
  const timed = async (key, fn, setup) => {
    setup?.();
    await flush();
    const gc0 = gcTotal;
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    const wall = performance.now() - t;
    const used = process.cpuUsage(c);
    await flush();
    add(key, wall, (used.user + used.system) / 1000, gcTotal - gc0);
  };
  const median = (v) => {
    const s = [...v].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const names = docChoice === 'all' ? Object.keys(bundles[0][1].documents) : [docChoice];
  for (const docName of names) {
    const text = bundles[0][1].documents[docName]();
    const same = new Set(bundles.map(([, b]) => JSON.stringify(b.lint(text))));
    const mdl = markdownlint && ((t) => markdownlint.lint({ strings: { doc: t } }).doc);
    // Warm-up.
    for (let i = 0; i < 5; i++) {
      mdl?.(text);
      for (const [, b] of bundles) {
        b.lint(text);
        for (const [, ...steps] of b.phases(text)) for (const step of steps) step();
      }
    }
    samples.clear();
    for (let round = 0; round < runs; round++) {
      const order = round % 2 ? [...bundles].reverse() : bundles;
      if (mdl && round % 2 === 0) await timed('markdownlint lint', () => mdl(text));
      for (const [name, b] of order) await timed(`${name} lintText`, () => b.lint(text));
      if (mdl && round % 2 === 1) await timed('markdownlint lint', () => mdl(text));
      for (const [name, b] of order) {
        for (const [phase, ...steps] of b.phases(text)) {
          // A phase with two steps: the first prepares, the second is timed.
          if (steps.length === 2) await timed(`${name} ${phase}`, steps[1], steps[0]);
          else await timed(`${name} ${phase}`, steps[0]);
        }
      }
    }
    console.log(`\n${docName}: ${text.length} characters, ${text.split('\n').length} lines; ${runs} rounds; results identical across copies: ${same.size === 1}`);
    console.log(`${'measurement'.padEnd(34)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'cpu'.padStart(8)} ${'gc'.padStart(8)}`);
    const fmt = (v) => v.toFixed(v < 1 ? 3 : 1).padStart(8);
    const row = (key, s) => console.log(`${key.padEnd(34)} ${fmt(median(s.wall))} ${fmt(Math.min(...s.wall))} ${fmt(median(s.cpu))} ${fmt(median(s.gc))}`);
    for (const [key, s] of samples) row(key, s);
    if (mdl) {
      const theirs = samples.get('markdownlint lint');
      for (const [name] of bundles) {
        const ours = samples.get(`${name} lintText`);
        console.log(`${name} ÷ markdownlint: median ${(median(ours.wall) / median(theirs.wall)).toFixed(2)}×, min ${(Math.min(...ours.wall) / Math.min(...theirs.wall)).toFixed(2)}×, cpu ${(median(ours.cpu) / median(theirs.cpu)).toFixed(2)}×`);
      }
    }
  }
}
