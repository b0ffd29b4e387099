/**
 * The web extension (package.json `browser`) runs in VS Code for the Web's worker extension host,
 * which has no Node. Its bundles (dist/web/, built by scripts/web-bundles.mjs from
 * `npm run build`) must need nothing of Node: these tests show the build refuses a Node import or
 * global, that the built bundles hold none, and that they run in a context that has only what a
 * browser worker has (no require, process, Buffer, setImmediate).
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import * as vm from 'node:vm';
import { transform } from 'esbuild';
import { DEFAULT_CONFIG } from '../../src/core';

const root = process.cwd();
const WEB = join(root, 'dist', 'web');
const CHARTER = '---\ntype: partnership-charter\n---\n# Charter\n\n## Governance\n\nOwners.\n';

interface WebBundles {
  buildWebBundles(options: { root: string; outdir: string; entries?: { extension: string; worker: string } }): Promise<{ files: Record<string, string>; bytes: Record<string, number> }>;
  findNodeGlobals(text: string): string[];
}
const webBundles = (): Promise<WebBundles> => import(pathToFileURL(join(root, 'scripts', 'web-bundles.mjs')).href) as Promise<WebBundles>;

/** A context with a browser worker's globals only (those the bundles may use), none of Node's. */
function browserContext(extra: Record<string, unknown>): vm.Context {
  return vm.createContext({ console, setTimeout, clearTimeout, queueMicrotask, structuredClone, TextDecoder, TextEncoder, URL, ...extra });
}

describe('the web extension bundles', function () {
  this.timeout(60_000);
  before(function () {
    if (!existsSync(join(WEB, 'extension.js')) || !existsSync(join(WEB, 'lint-worker.js'))) throw new Error('dist/web/ is missing: run npm run build first');
  });

  describe('the build refuses Node', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'partnerlint-web-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    /** Builds web bundles whose extension entry is `source` (and whose worker is harmless). */
    async function buildWith(source: string): Promise<string> {
      writeFileSync(join(dir, 'ext.ts'), source);
      writeFileSync(join(dir, 'worker.ts'), 'export const ok = 1;\n');
      const { buildWebBundles } = await webBundles();
      try {
        await buildWebBundles({ root, outdir: join(dir, 'out'), entries: { extension: join(dir, 'ext.ts'), worker: join(dir, 'worker.ts') } });
      } catch (error) {
        return String(error);
      }
      return '';
    }

    it('accepts code that needs no Node (so the refusals below are about Node)', async () => {
      assert.equal(await buildWith("import * as vscode from 'vscode';\nexport const v = vscode.version + new URL('https://x').host;\n"), '');
    });

    for (const [what, source, named] of [
      ['a node: module', "import { join } from 'node:path';\nexport const p = join('a', 'b');\n", 'node:path'],
      ['a Node module by its bare name', "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n", '"fs"'],
      ['worker_threads', "import { Worker } from 'worker_threads';\nexport const w = Worker;\n", 'worker_threads'],
      ['process.env', "export const level = process.env['LEVEL'];\n", 'process'],
      ['Buffer', "export const b = Buffer.from('x');\n", 'Buffer'],
      ['__dirname', "export const d = __dirname + '/x';\n", '__dirname'],
      ['setImmediate', 'export const s = () => setImmediate(() => 1);\n', 'setImmediate'],
      ['require() of a Node module', "export const r = () => require('child_process');\n", 'child_process'],
      // Not Node, but a Web Worker has no DOM either (the web extension host is one).
      ['the DOM', "export const e = () => document.createElement('i');\n", 'document'],
    ] as const) {
      it(`fails on ${what}`, async () => {
        const message = await buildWith(`${source}`);
        assert.match(message, /without Node|Node module/, 'the build failed and says why');
        assert.ok(message.includes(named), `the message names ${named}: ${message}`);
      });
    }

    it('lets a package ask `typeof process` before using it (as picomatch does)', async () => {
      const { findNodeGlobals } = await webBundles();
      assert.deepEqual(findNodeGlobals('var w=typeof process<"u"&&process.platform?process.platform==="win32":!1;'), []);
      assert.deepEqual(findNodeGlobals('var ArrayBuffer2=new ArrayBuffer(1);var t="a process.";'), []);
      assert.notDeepEqual(findNodeGlobals('var e=process.env.X;'), []);
    });
  });

  it('as built, import nothing but vscode and use no Node global', async () => {
    const { findNodeGlobals } = await webBundles();
    for (const file of ['extension.js', 'lint-worker.js']) {
      const text = (await transform(readFileSync(join(WEB, file), 'utf8'), { loader: 'js', minifyWhitespace: true, legalComments: 'none' })).code;
      assert.deepEqual(findNodeGlobals(text), [], file);
      const required = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(required)], file === 'extension.js' ? ['vscode'] : [], file);
    }
  });

  it('the lint worker lints in a context with only browser globals', async () => {
    const posted: unknown[] = [];
    // Messages are copied out of the context, as postMessage would (its objects have its own prototypes).
    const context = browserContext({ postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))) });
    context['self'] = context;
    vm.runInContext(readFileSync(join(WEB, 'lint-worker.js'), 'utf8'), context, { filename: 'lint-worker.js' });
    assert.deepEqual(posted, [{ ready: true }]);
    const onmessage = context['onmessage'] as (event: { data: unknown }) => void;
    assert.equal(typeof onmessage, 'function', 'the worker listens for messages');
    onmessage({ data: { id: 7, text: CHARTER, config: structuredClone(DEFAULT_CONFIG), document: 'untitled:1' } });
    const answer = posted[1] as unknown as { id: number; result?: { diagnostics: Array<{ ruleId: string }> }; error?: string };
    assert.equal(answer.id, 7);
    assert.equal(answer.error, undefined);
    assert.ok(answer.result!.diagnostics.some((d) => d.ruleId === 'charter-missing-section'), 'the charter is linted');
    // A close is answered with nothing; bad input is answered with an error, not a crash.
    onmessage({ data: { close: 'untitled:1' } });
    onmessage({ data: { id: 8, text: 42, config: {} } });
    assert.equal((posted[2] as unknown as { id: number }).id, 8);
    assert.ok('error' in (posted[2] as unknown as object));
  });

  it('the extension loads in a context with only browser globals and `vscode`', () => {
    // Any property of any depth of the stand-in `vscode` is another stand-in: loading the module
    // must not need more than that (activation is tested in real VS Code, test/web).
    const stub: object = new Proxy(function () {}, { get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : stub), apply: () => stub, construct: () => stub });
    const text = readFileSync(join(WEB, 'extension.js'), 'utf8');
    // The module object lists the names the bundle uses (esbuild copies its own properties).
    const names = [...new Set([...text.matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!))];
    assert.ok(names.includes('languages'), 'the development build keeps the name of the vscode module');
    const vscodeModule = new Proxy({}, {
      get: () => stub,
      ownKeys: () => names,
      getOwnPropertyDescriptor: () => ({ value: stub, configurable: true, enumerable: true, writable: true }),
    });
    const requested: string[] = [];
    const module = { exports: {} as Record<string, unknown> };
    const context = browserContext({
      module,
      exports: module.exports,
      require: (name: string) => {
        requested.push(name);
        if (name !== 'vscode') throw new Error(`the web extension asked for "${name}"`);
        return vscodeModule;
      },
    });
    vm.runInContext(text, context, { filename: 'extension.js' });
    assert.equal(typeof module.exports['activate'], 'function');
    assert.deepEqual([...new Set(requested)], ['vscode']);
  });
});
