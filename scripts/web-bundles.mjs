// The web extension's bundles (package.json `browser`), for VS Code's web worker extension host
// (vscode.dev, github.dev):
//   <dist>/web/extension.js     the extension (CommonJS, `vscode` external), src/extension/extension-web.ts
//   <dist>/web/lint-worker.js   the Web Worker it lints in, src/worker/lint-worker-web.ts
// Built for the browser with no polyfills. The build FAILS when anything in them needs Node:
//   - an import of a Node module (`node:path`, `fs`, `worker_threads`…), even one a package's
//     `browser` field would replace with an empty module (noNodeModules below);
//   - any import left in a bundle other than `vscode` (checked on esbuild's metafile);
//   - a Node global used in the bundle's code: __dirname, __filename, Buffer, setImmediate,
//     global, require() of anything but `vscode`, or `process` outside a `typeof process` guard;
//     and `document` or `window` the same way, which a Web Worker lacks too (findNodeGlobals). Our own code is also type-checked without Node's types
//     (tsconfig.web.json, part of `npm run typecheck`).
// scripts/build.mjs calls buildWebBundles; test/unit/web-bundle.test.ts checks the checks.
import { build, transform } from 'esbuild';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Node's module name for an import path (`fs/promises` → `fs/promises`), if it is one. */
function nodeModule(path) {
  if (path.startsWith('node:')) return path;
  if (NODE_MODULES.has(path)) return path;
  const first = path.split('/')[0];
  return NODE_MODULES.has(first) ? path : undefined;
}

/** An esbuild plugin that turns every import of a Node module into a build error naming the importer. */
export const noNodeModules = {
  name: 'no-node-modules',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      const name = nodeModule(args.path);
      if (!name) return undefined;
      return { errors: [{ text: `"${name}" is a Node module, which VS Code for the Web does not have (imported by ${args.importer || 'the entry point'}); keep Node code out of the web extension (src/extension/extension-web.ts) and its worker` }] };
    });
  },
};

/**
 * Node globals (and DOM ones) used in bundled code `text` without its comments, as short
 * descriptions (empty when there are none).
 * `process` is allowed only right after a `typeof process` guard (a package that asks whether it
 * runs in Node, as picomatch does, is fine).
 */
export function findNodeGlobals(text) {
  const found = new Set();
  const checks = [
    [/\b__dirname\b/g, '__dirname'],
    [/\b__filename\b/g, '__filename'],
    [/(?<![\w$.])Buffer\s*[.(]/g, 'Buffer'],
    [/(?<![\w$.])(setImmediate|clearImmediate)\s*\(/g, 'setImmediate'],
    [/(?<![\w$.])global\s*\./g, 'global'],
    [/(?<![\w$.])require\s*\(\s*(?!["']vscode["']\s*\))/g, 'require() of a module other than vscode'],
  ];
  for (const [pattern, name] of checks) if (pattern.test(text)) found.add(name);
  // The same for the DOM, which a Web Worker (the web extension host and the lint worker) lacks.
  for (const name of ['process', 'document', 'window']) {
    for (const match of text.matchAll(new RegExp(`(?<![\\w$.])${name}\\s*(\\.\\s*[A-Za-z_$]|\\[)`, 'g'))) {
      const before = text.slice(Math.max(0, match.index - 120), match.index);
      if (!new RegExp(`typeof\\s+${name}\\b`).test(before)) {
        found.add(`${name} (${text.slice(match.index, match.index + 30).replace(/\s+/g, ' ')}…)`);
      }
    }
  }
  return [...found];
}

/**
 * Builds the two web bundles into `<outdir>/web/` and checks them; resolves to
 * `{ files: { extension, worker }, bytes: { extension, worker } }`, rejects when a check fails.
 * `entries` replaces the entry points (the unit test builds a small one that imports Node).
 */
export async function buildWebBundles({ root, outdir, production = false, entries } = {}) {
  const common = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    absWorkingDir: root,
    loader: { '.yaml': 'text' },
    sourcemap: !production,
    minify: production,
    metafile: true,
    plugins: [noNodeModules],
    // The web extension host is a Web Worker: no DOM. Packages that have a build for workers
    // (decode-named-character-reference's browser build decodes entities through `document`)
    // must give that one.
    conditions: ['worker'],
  };
  const web = join(outdir, 'web');
  // Both finish (settle) before a failure is reported, so nothing is still writing afterwards.
  const settled = await Promise.allSettled([
    build({ ...common, entryPoints: { extension: entries?.extension ?? 'src/extension/extension-web.ts' }, outdir: web, format: 'cjs', external: ['vscode'] }),
    build({ ...common, entryPoints: { 'lint-worker': entries?.worker ?? 'src/worker/lint-worker-web.ts' }, outdir: web, format: 'iife' }),
  ]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const [extension, worker] = settled.map((s) => s.value);
  const problems = [];
  const bytes = {};
  const files = {};
  for (const [key, result] of [['extension', extension], ['worker', worker]]) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.map')) continue;
      const path = join(root, file);
      files[key] = path;
      bytes[key] = output.bytes;
      for (const imported of output.imports) {
        if (!(key === 'extension' && imported.path === 'vscode')) problems.push(`${file} imports "${imported.path}"`);
      }
      // Comments (kept in the development build) could name anything: the code alone is scanned.
      const { code } = await transform(readFileSync(path, 'utf8'), { loader: 'js', minifyWhitespace: true, legalComments: 'none' });
      for (const global of findNodeGlobals(code)) problems.push(`${file} uses ${global}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`The web extension must run without Node (VS Code for the Web has none):\n  ${problems.join('\n  ')}`);
  }
  return { files, bytes };
}

/**
 * The web integration suite (test/web/index.ts → <outfile>), a browser bundle as the web worker
 * extension host needs: mocha's browser build and chai inside, `vscode` external, no Node module.
 */
export function buildWebTestBundle({ root, outfile }) {
  return build({
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
    absWorkingDir: root,
    entryPoints: ['test/web/index.ts'],
    outfile,
    format: 'cjs',
    external: ['vscode'],
    conditions: ['worker'],
    sourcemap: 'inline',
    plugins: [noNodeModules],
  });
}
