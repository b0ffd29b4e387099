// PartnerLint's judgement benchmark: `npm run judge` (= npm run build && node scripts/judge.mjs).
//
// Scores the real CLI (dist/cli.js, --format json) against hand-written labels
// (bench/judge/labels/*.yaml, matching rule in bench/judge/labels/README.md):
//   - kind accuracy on the labelled documents (real-partnership, partner-program, the seed),
//   - precision (matched diagnostics / all diagnostics on labelled documents) and recall (flaws
//     found / all flaws), overall, per labelled kind and per rule,
//   - silence: diagnostics (and kinds) given to files that are `none` by definition: the other
//     corpus folders (robustness, decision-record, charter-like, gtm-strategy) and every .md in
//     the repo's node_modules.
// Every document is copied into a fresh temporary folder (relative paths kept, the seed under its
// .md name) so that no .partnerlint.yaml applies; the folder is removed at the end. Nothing is
// written into the repo.
//
// Options: --json <file> (write the figures), --check (exit 1 when a target is missed: kinds >= 90%,
// precision >= 90%, recall >= 75%, no diagnostics on unlabelled files), --corpus <dir> (default
// $PARTNERLINT_CORPUS or ../shared/corpus beside the checkout), --seeds <dir> (default $PARTNERLINT_SEEDS or
// ../shared/seeds), --batch <n> (paths per CLI run, default 300), --no-node-modules.
// Exit code 0 otherwise, whatever the figures (it is a benchmark, not a gate); 2 when the runner fails.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { GUARD_RULE_IDS, missedTargets, pct, scoreBenchmark, validateLabel } from '../bench/judge/score.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
  return argv[i + 1];
};

const CORPUS = resolve(option('--corpus', process.env.PARTNERLINT_CORPUS ?? join(ROOT, '../shared/corpus')));
const SEEDS = resolve(option('--seeds', process.env.PARTNERLINT_SEEDS ?? join(ROOT, '../shared/seeds')));
const BATCH = Number(option('--batch', '300'));
const JSON_OUT = option('--json', undefined);
const CHECK = flag('--check');
const NODE_MODULES = !flag('--no-node-modules');
const LABEL_DIR = join(ROOT, 'bench/judge/labels');
const LABEL_FILES = ['real-partnership.yaml', 'partner-program.yaml', 'seeds.yaml'];
/** Labelled folders of the corpus: every .md in them must be labelled. */
const LABELLED_FOLDERS = ['real-partnership', 'partner-program'];
/** Seeds are stored under hashed .txt names; the labels use these .md names. */
const SEED_SOURCES = { 'seeds/ggen-partnership-strategy.md': '003_92257f485259b139.txt' };
const CLI = join(ROOT, 'dist/cli.js');

const toPosix = (path) => path.split(sep).join('/');
const truncate = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** Every .md file under `dir` (recursively), as paths relative to `dir`. */
function markdownUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => toPosix(relative(dir, join(e.parentPath ?? e.path, e.name))))
    .sort();
}

function loadLabels() {
  const labels = [];
  for (const name of LABEL_FILES) {
    const doc = parseYaml(readFileSync(join(LABEL_DIR, name), 'utf8'));
    for (const label of doc.documents ?? []) {
      validateLabel(label);
      labels.push({ ...label, labelFile: name });
    }
  }
  const seen = new Set();
  for (const label of labels) {
    if (seen.has(label.file)) throw new Error(`${label.file} is labelled twice`);
    seen.add(label.file);
  }
  return labels;
}

/** Where a labelled file is stored. */
function sourceOf(file) {
  if (SEED_SOURCES[file]) return join(SEEDS, SEED_SOURCES[file]);
  return join(CORPUS, file);
}

/** Refuses to run where a .partnerlint.yaml or .partnerlint/ above the temp folder would apply. */
function assertNoConfigAbove(dir) {
  for (let d = dirname(dir); ; d = dirname(d)) {
    for (const name of ['.partnerlint.yaml', '.partnerlint.yml', '.partnerlint']) {
      if (existsSync(join(d, name))) throw new Error(`${join(d, name)} would apply to the copied documents; set TMPDIR elsewhere`);
    }
    if (dirname(d) === d) break;
  }
}

function copyInto(dir, rel, source) {
  const target = join(dir, rel);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
}

/** Runs the CLI on one batch of relative paths in `cwd`; resolves with its reports. */
function runCli(cwd, files) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, '--format', 'json', '--no-color', '--', ...files], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0 && code !== 1) {
        reject(new Error(`the CLI exited with ${code} on a batch starting with ${files[0]}:\n${truncate(stderr, 2000)}`));
        return;
      }
      try {
        resolvePromise(JSON.parse(stdout));
      } catch (e) {
        reject(new Error(`the CLI printed no JSON on a batch starting with ${files[0]}: ${e.message}\n${truncate(stderr, 2000)}`));
      }
    });
  });
}

/** Runs the CLI over all files in batches, two (or the core count) at a time. */
async function lintAll(cwd, files) {
  const batches = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const results = new Array(batches.length);
  let next = 0;
  const lanes = Math.max(1, Math.min(2, cpus().length));
  await Promise.all(Array.from({ length: lanes }, async () => {
    while (next < batches.length) {
      const i = next++;
      results[i] = await runCli(cwd, batches[i]);
    }
  }));
  const reports = new Map();
  for (const report of results.flat()) reports.set(report.file, report);
  const missing = files.filter((f) => !reports.has(f));
  if (missing.length > 0) throw new Error(`the CLI gave no report for ${missing.length} file(s), e.g. ${missing.slice(0, 5).join(', ')}`);
  return reports;
}

function printReport(score, meta) {
  const f = score.figures;
  const lines = [];
  const say = (s = '') => lines.push(s);
  const rule = (title) => { say(); say(title); say('-'.repeat(title.length)); };

  say(`PartnerLint judgement benchmark — ${meta.date}, commit ${meta.commit}`);
  say(`${f.labelledDocuments} labelled documents (${meta.flawCount} flaws), ${f.unlabelled.files} unlabelled none files (${meta.corpusOther} corpus, ${meta.nodeModules} node_modules); ${meta.seconds.toFixed(1)} s`);

  rule('Summary');
  say(`kind accuracy       ${pct(f.kinds.accuracy)}  (${f.kinds.correct}/${f.kinds.total} labelled documents; 'also' kinds accepted)`);
  say(`precision           ${pct(f.precision.value)}  (${f.precision.matched}/${f.precision.diagnostics} diagnostics on labelled documents match a flaw)`);
  say(`flaw-level precision ${pct(f.flawLevelPrecision.value)}  (${f.flawLevelPrecision.matched}/${f.flawLevelPrecision.distinct} distinct (document, rule, line) match)`);
  say(`recall              ${pct(f.recall.value)}  (${f.recall.found}/${f.recall.flaws} flaws found)`);
  say(`silence             ${f.unlabelled.diagnostics} diagnostics on ${f.unlabelled.filesWithDiagnostics} of ${f.unlabelled.files} unlabelled none files; ${f.unlabelled.givenAKind} of them given a kind`);
  say(`guard diagnostics   ${f.guardDiagnostics} (${GUARD_RULE_IDS.join(', ')}; counted above, listed below)`);

  rule('Kinds, by labelled kind');
  for (const [kind, v] of Object.entries(f.kindsByLabel)) say(`${kind.padEnd(22)} ${pct(v.accuracy).padStart(6)}  ${v.correct}/${v.total}`);
  const wrongKinds = score.documents.filter((d) => !d.kindOk);
  if (wrongKinds.length > 0) {
    say();
    say('Wrong kinds (label -> predicted):');
    for (const d of wrongKinds) say(`  ${d.file}: ${d.labelKind} -> ${d.predictedKind}`);
  }

  rule('Precision and recall, by labelled kind');
  say(`${'kind'.padEnd(22)} ${'docs'.padStart(4)} ${'diags'.padStart(5)} ${'match'.padStart(5)} ${'FP'.padStart(4)} ${'precision'.padStart(9)} ${'flaws'.padStart(10)} ${'recall'.padStart(7)}`);
  for (const [kind, v] of Object.entries(f.byKind)) {
    say(`${kind.padEnd(22)} ${String(v.documents).padStart(4)} ${String(v.diagnostics).padStart(5)} ${String(v.truePositives).padStart(5)} ${String(v.falsePositives).padStart(4)} ${pct(v.precision).padStart(9)} ${`${v.found}/${v.flaws}`.padStart(10)} ${pct(v.recall).padStart(7)}`);
  }

  rule('By rule (flaws found/total; matched and false-positive diagnostics)');
  for (const [key, v] of Object.entries(f.byRule)) {
    say(`${key.padEnd(48)} flaws ${`${v.found}/${v.flaws}`.padStart(6)}   matched ${String(v.truePositives).padStart(3)}   FP ${String(v.falsePositives).padStart(3)}`);
  }

  rule('False positives on labelled documents');
  let fpCount = 0;
  for (const d of score.documents) {
    for (const x of d.falsePositives) {
      fpCount++;
      say(`${d.file}:${x.line} ${x.ruleId} ${truncate(x.message, 120)}${d.labelKind === 'none' ? ' [document is none]' : ''}`);
    }
  }
  if (fpCount === 0) say('(none)');

  rule('Misses');
  let missCount = 0;
  for (const d of score.documents) {
    for (const m of d.misses) {
      missCount++;
      const where = m.ranges === null ? 'document' : m.ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
      const same = d.diagnostics.filter((x) => m.rules.includes(x.ruleId)).map((x) => x.line);
      const hint = d.predictedKind === 'none' ? 'checked as none'
        : same.length > 0 ? `same rule at line(s) ${[...new Set(same)].join(', ')}`
        : `kind ${d.predictedKind}, rule silent`;
      say(`${d.file} [${m.rules.join(' | ')}] lines ${where} (${hint}): ${truncate(m.flaw.why ?? '', 120)}`);
    }
  }
  if (missCount === 0) say('(none)');

  rule('Unlabelled none files with diagnostics or a kind');
  const noisy = new Map(score.unlabelledNoisy.map((r) => [r.file, r]));
  for (const r of score.unlabelledKinded) if (!noisy.has(r.file)) say(`${r.file}: kind ${r.kind}, no diagnostics`);
  for (const r of score.unlabelledNoisy) {
    say(`${r.file}: kind ${r.kind}, ${r.diagnostics.length} diagnostic(s)`);
    for (const x of r.diagnostics.slice(0, 5)) say(truncate(`  ${x.line} ${x.ruleId} ${x.message}`, 120));
    if (r.diagnostics.length > 5) say(`  … ${r.diagnostics.length - 5} more`);
  }
  if (score.unlabelledNoisy.length === 0 && score.unlabelledKinded.length === 0) say('(none)');

  rule(`Guard diagnostics (${GUARD_RULE_IDS.join(', ')})`);
  for (const g of score.guard) say(truncate(`${g.file}:${g.line} ${g.ruleId} [${g.severity}] ${g.message}`, 160));
  if (score.guard.length === 0) say('(none)');

  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The repo's short commit, with "+changes" when the working tree differs from it. */
function gitCommit() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  return `${head.stdout.trim()}${dirty.stdout.trim() ? ' +changes' : ''}`;
}

async function main() {
  const started = performance.now();
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm run judge does)`);
  if (!Number.isInteger(BATCH) || BATCH < 1) throw new Error('--batch needs a positive whole number');
  const labels = loadLabels();
  const labelled = new Set(labels.map((l) => l.file));
  for (const folder of LABELLED_FOLDERS) {
    for (const rel of markdownUnder(join(CORPUS, folder))) {
      if (!labelled.has(`${folder}/${rel}`)) throw new Error(`${folder}/${rel} has no label; label it in bench/judge/labels/${folder}.yaml`);
    }
  }
  const corpusOther = markdownUnder(CORPUS).filter((rel) => !LABELLED_FOLDERS.some((f) => rel.startsWith(`${f}/`)));
  const nodeModules = NODE_MODULES ? markdownUnder(join(ROOT, 'node_modules')).map((rel) => `node_modules/${rel}`) : [];

  const dir = mkdtempSync(join(tmpdir(), 'partnerlint-judge-'));
  try {
    assertNoConfigAbove(dir);
    for (const label of labels) copyInto(dir, label.file, sourceOf(label.file));
    for (const rel of corpusOther) copyInto(dir, rel, join(CORPUS, rel));
    for (const rel of nodeModules) copyInto(dir, rel, join(ROOT, rel));
    const unlabelledFiles = [...corpusOther, ...nodeModules];
    const clash = unlabelledFiles.find((f) => labelled.has(f));
    if (clash) throw new Error(`${clash} is both labelled and unlabelled`);

    const reports = await lintAll(dir, [...labels.map((l) => l.file), ...unlabelledFiles]);
    const score = scoreBenchmark(labels, reports, unlabelledFiles.map((f) => reports.get(f)));
    const seconds = (performance.now() - started) / 1000;
    const meta = {
      date: new Date().toISOString().slice(0, 10),
      commit: gitCommit(),
      flawCount: labels.reduce((n, l) => n + (l.kind === 'none' ? 0 : (l.flaws ?? []).length), 0),
      corpusOther: corpusOther.length,
      nodeModules: nodeModules.length,
      seconds,
    };
    printReport(score, meta);
    const missed = missedTargets(score.figures);
    console.log();
    console.log(missed.length === 0 ? 'Targets: all met.' : `Targets missed: ${missed.join('; ')}`);
    if (JSON_OUT) {
      writeFileSync(resolve(JSON_OUT), `${JSON.stringify({ ...meta, figures: score.figures, targetsMissed: missed }, null, 2)}\n`);
      console.log(`Figures written to ${JSON_OUT}`);
    }
    return CHECK && missed.length > 0 ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then((code) => { process.exitCode = code; }, (error) => {
  console.error(`judge: ${error.stack ?? error}`);
  process.exitCode = 2;
});
