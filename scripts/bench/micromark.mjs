// micromark, the tokenizer under remark: which copy PartnerLint uses, and a side-by-side timing of
// that copy against another version installed in a separate folder.
//
//   node scripts/bench/micromark.mjs [--install 4.0.2] [--dir <folder>] [--mb 1 | --sizes 0.25,0.5,1] [--reps 3]
//
// --install puts micromark@<version> into <folder> (default: <tmp>/partnerlint-bench-micromark-<version>)
// with the same micromark-core-commonmark and micromark-util-subtokenize versions as the repo,
// so that only micromark itself differs. scripts/bench.mjs runs the same comparison when such
// a folder exists.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');

/** The folder of the package that contains `file` (the nearest package.json naming `name`). */
function packageDirOf(file, name) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj) && JSON.parse(readFileSync(pj, 'utf8')).name === name) return dir;
  }
  throw new Error(`No package.json for ${name} above ${file}`);
}

/** Resolves `name` the way Node (and esbuild) would from inside the package folder `fromDir`. */
function resolvePackage(name, fromDir) {
  const file = createRequire(join(fromDir, 'package.json')).resolve(name);
  const dir = packageDirOf(file, name);
  return { dir, version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

/**
 * The micromark PartnerLint's parser really runs: remark-parse -> mdast-util-from-markdown ->
 * micromark, each resolved from the folder of the one before.
 */
export function resolvedMicromark(root = ROOT) {
  const remarkParse = resolvePackage('remark-parse', root);
  const fromMarkdown = resolvePackage('mdast-util-from-markdown', remarkParse.dir);
  const micromark = resolvePackage('micromark', fromMarkdown.dir);
  return { remarkParse, fromMarkdown, micromark };
}

export function defaultCopyDir(version) {
  return join(tmpdir(), `partnerlint-bench-micromark-${version}`);
}

/** micromark@`version` in `dir`, next to the repo's versions of the packages it shares. */
export function installMicromark(version, dir = defaultCopyDir(version), root = ROOT) {
  const { micromark } = resolvedMicromark(root);
  const pin = (name) => `${name}@${resolvePackage(name, micromark.dir).version}`;
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{ "name": "partnerlint-bench-micromark", "private": true }\n');
  const args = ['install', '--no-audit', '--no-fund', '--prefix', dir, `micromark@${version}`, pin('micromark-core-commonmark'), pin('micromark-util-subtokenize')];
  execFileSync('npm', args, { stdio: 'inherit' });
  return dir;
}

/** The micromark package folder inside a copy folder made by installMicromark, if any. */
export function micromarkIn(dir) {
  const pkg = join(dir, 'node_modules', 'micromark');
  if (!existsSync(join(pkg, 'package.json'))) return undefined;
  return { dir: pkg, version: JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version };
}

/** micromark's tokenizer as mdast-util-from-markdown drives it, without GFM: preprocess, parse, postprocess. */
export async function loadTokenizer(micromarkDir) {
  const m = await import(pathToFileURL(join(micromarkDir, 'index.js')).href);
  return (text) => m.postprocess(m.parse().document().write(m.preprocess()(text, undefined, true))).length;
}

/**
 * Times `fns` (name -> function of the text) on `text`, interleaved, `reps` times each; returns
 * the median wall time and the median process CPU time (user + system, all threads) in ms.
 */
export function interleaved(fns, text, reps) {
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, { wall: [], cpu: [] }]));
  for (const fn of Object.values(fns)) fn(text.slice(0, 20000)); // JIT warm-up on a small slice
  for (let i = 0; i < reps; i++) {
    const order = i % 2 === 0 ? Object.keys(fns) : Object.keys(fns).reverse();
    for (const k of order) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      fns[k](text);
      times[k].wall.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      times[k].cpu.push((used.user + used.system) / 1000);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, t]) => [k, { median: median(t.wall), cpu: median(t.cpu), samples: t.wall }]));
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

// Standalone: compare the repo's micromark with another copy on list-heavy documents.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const version = arg('--install');
  let dir = arg('--dir');
  if (version) dir = installMicromark(version, dir ?? defaultCopyDir(version));
  dir ??= defaultCopyDir('4.0.2');
  const other = micromarkIn(dir);
  if (!other) {
    console.error(`No micromark copy in ${dir}: run with --install 4.0.2`);
    process.exit(2);
  }
  const ours = resolvedMicromark().micromark;
  const { listDoc, charter } = await import('./corpus.mjs');
  const mb = Number(arg('--mb', '1'));
  const fns = {
    [`installed ${ours.version}`]: await loadTokenizer(ours.dir),
    [`copy ${other.version}`]: await loadTokenizer(other.dir),
  };
  const sizes = (arg('--sizes') ?? String(mb)).split(',').map(Number);
  for (const size of sizes) {
    for (const [name, text] of [['nested lists', listDoc(size * 1e6)], ['charter', charter({ bytes: size * 1e6, seed: 2 })]]) {
      const r = interleaved(fns, text, Number(arg('--reps', '3')));
      console.log(`${name} (${(text.length / 1e6).toFixed(2)} MB): ${Object.entries(r).map(([k, v]) => `${k} ${v.median.toFixed(0)} ms (CPU ${v.cpu.toFixed(0)} ms)`).join(', ')}`);
    }
  }
}
