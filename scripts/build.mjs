// Bundles everything that runs with esbuild:
//   dist/extension.js   the extension (vscode stays external; remark, yaml are bundled in)
//   dist/web/           the web extension and its Web Worker, with no Node API (scripts/web-bundles.mjs)
//   dist/cli.js, dist/server.js  the CLI and the language server (partnerlint-ls --stdio)
//   out/test/unit/      one bundle per unit test file, for mocha in plain Node
//   out/test/integration/  the suite index and one bundle per integration test file,
//                       loaded by mocha inside a real VS Code extension host
// `--production` minifies the extension and drops source maps (used by `vsce package`).
// `--unit-out <dir>` builds only the unit tests, into <dir>, touching nothing else (so several
// people can build and test at once): `node scripts/build.mjs --unit-out /tmp/x && npx mocha --no-config '/tmp/x/**/*.test.js'`.
import { build } from 'esbuild';
import { readdirSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebBundles, buildWebTestBundle } from './web-bundles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const unitOutIndex = process.argv.indexOf('--unit-out');
const unitOut = unitOutIndex > 0 ? process.argv[unitOutIndex + 1] : undefined;
// `--dist-out <dir>`: the shipped bundles only, into <dir> (the package-size test measures them).
const distOutIndex = process.argv.indexOf('--dist-out');
const distOut = distOutIndex > 0 ? process.argv[distOutIndex + 1] : undefined;

/** Files under `dir` (recursively) whose name ends with `suffix`. */
function filesEndingWith(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  absWorkingDir: root,
  // Decision trees and other data ship as YAML and are bundled as text, parsed at load.
  loader: { '.yaml': 'text' },
  // ES modules bundled into CommonJS lose import.meta; give them the bundle's own URL.
  define: { 'import.meta.url': '__partnerlintImportMetaUrl' },
  banner: { js: "var __partnerlintImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * The unit test bundles leave the npm packages out and require them, by the absolute path of the
 * very file esbuild would have bundled: mocha loads some sixty test files into each of its
 * worker processes, and with the packages bundled into each, every file brought its own copy of
 * remark, micromark and yaml to compile, map (inline source maps) and warm up again. Shared, the
 * unit tests spend about 40% less CPU time outside the few heavy files. The absolute paths keep
 * `--unit-out` working from any folder.
 */
const packagesShared = {
  name: 'packages-shared',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData?.sharing) return undefined;
      const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { sharing: true } });
      if (resolved.errors.length > 0 || !resolved.path.includes(`${join('node_modules', '')}`)) return undefined;
      return { path: resolved.path, external: true };
    });
  },
};
/**
 * The unit tests share PartnerLint's own code the same way: every module of src/ that runs
 * without VS Code is bundled once, into `<outdir>/_shared/src.js`, one namespace per module, and
 * each test bundle requires it instead of carrying its own copy. A mocha worker then compiles,
 * maps and warms up the core, models and rules once, not once per test file (a rule's test file
 * used to bring the whole engine with it). Modules under src/extension, which import `vscode`, stay
 * in the test bundles that use them; what they import from the rest of src/ is shared too.
 */
const SHARED_SRC_ROOTS = ['core', 'models', 'rules', 'trees', 'cli', 'worker'].map((d) => join(root, 'src', d));
const sharedSrcModules = () => SHARED_SRC_ROOTS.flatMap((dir) => filesEndingWith(dir, '.ts')).filter((f) => !f.endsWith('.d.ts')).sort();
const sharedSrcKey = (file) => 'm_' + file.slice(join(root, 'src').length + 1).replace(/\.ts$/, '').replace(/[^A-Za-z0-9]/g, '_');
const sharedSrcBundle = (outdir) => ({
  ...common,
  stdin: {
    contents: sharedSrcModules().map((f) => `export * as ${sharedSrcKey(f)} from ${JSON.stringify(f)};`).join('\n'),
    resolveDir: root,
    sourcefile: 'shared-src.ts',
    loader: 'ts',
  },
  outfile: join(outdir, '_shared', 'src.js'),
  sourcemap: 'inline',
  plugins: [packagesShared],
});
const srcShared = (outdir) => {
  const modules = new Set(sharedSrcModules());
  const bundle = join(outdir.startsWith('/') ? outdir : join(root, outdir), '_shared', 'src.js');
  return {
    name: 'src-shared',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData?.sharing) return undefined;
        const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { sharing: true } });
        if (resolved.errors.length > 0 || !modules.has(resolved.path)) return undefined;
        return { path: resolved.path, namespace: 'shared-src' };
      });
      pluginBuild.onResolve({ filter: /_shared[\\/]src\.js$/ }, (args) => ({ path: args.path, external: true }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'shared-src' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(bundle)}).${sharedSrcKey(args.path)};`,
        loader: 'js',
      }));
    },
  };
};
const unitTests = (outdir) => ({
  ...common,
  entryPoints: filesEndingWith(join(root, 'test/unit'), '.test.ts'),
  outdir,
  outbase: 'test/unit',
  sourcemap: 'inline',
  external: ['mocha'],
  plugins: [srcShared(outdir), packagesShared],
});
const buildUnitTests = (outdir) => Promise.all([build(sharedSrcBundle(outdir)), build(unitTests(outdir))]);

if (unitOut) {
  await buildUnitTests(unitOut);
  console.log(`Built unit tests in ${unitOut}`);
  process.exit(0);
}

if (!distOut) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  if (!production) rmSync(join(root, 'out'), { recursive: true, force: true });
}
const dist = distOut ?? 'dist';

const builds = [
  build({
    ...common,
    // The CLI's lint worker sits beside it and is started by file name. (The desktop extension runs
    // the web bundle's worker, dist/web/lint-worker.js, in a worker thread: lint-transport-node.ts.)
    entryPoints: { extension: 'src/extension/extension.ts', 'lint-worker': 'src/worker/lint-worker.ts' },
    outdir: dist,
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
  }),
];
// The web extension (package.json `browser`); fails the build if it needs Node.
builds.push(buildWebBundles({ root, outdir: dist, production }));
if (existsSync(join(root, 'src/cli/main.ts'))) {
  builds.push(build({
    ...common,
    // The CLI and the language server (partnerlint-ls), both run as programs (package.json "bin");
    // action: the GitHub Action's script (action.yml), which runs the CLI beside it.
    entryPoints: { cli: 'src/cli/main.ts', server: 'src/server/server.ts', action: 'src/action/main.ts' },
    outdir: dist,
    sourcemap: !production,
    minify: production,
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
    define: { ...common.define, PARTNERLINT_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
  }));
}
if (!production && !distOut) {
  builds.push(buildUnitTests('out/test/unit'));
  builds.push(build({
    ...common,
    entryPoints: [
      'test/integration/index.ts',
      ...filesEndingWith(join(root, 'test/integration'), '.test.ts'),
    ],
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
  }));
  // The web integration suite, for the web worker extension host (a browser bundle).
  builds.push(buildWebTestBundle({ root, outfile: 'out/test/web/index.js' }));
}
await Promise.all(builds);
console.log(`Built ${production ? 'production ' : ''}bundles in dist/${production ? '' : ' and out/'}`);
