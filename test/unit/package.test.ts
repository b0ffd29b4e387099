/**
 * What `npm run package` puts in the .vsix: only what runs (vsce lists it offline, without
 * building), well under 1 MB, never sources, tests or node_modules.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

describe('the extension package', function () {
  this.timeout(60_000);

  it('lists only what runs, under 1 MB', () => {
    const root = process.cwd();
    const vsce = join(root, 'node_modules', '.bin', 'vsce');
    const listing = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n').map((l) => l.trim()).filter(Boolean);
    assert.ok(listing.includes('package.json') && listing.includes('README.md') && listing.includes('LICENSE'));
    assert.ok(listing.includes('dist/extension.js'), 'the bundled extension ships');
    assert.ok(listing.includes('snippets/markdown.json') && listing.includes('schemas/partnerlint.schema.json'));
    assert.ok(listing.some((f) => f.startsWith('docs/rules/')), 'the rule pages the extension opens ship');
    assert.deepEqual(listing.filter((f) => /^(node_modules|src|test|out|scripts|examples|\.vscode-test)\//.test(f)), []);
    // The shipped bundles are the production build (minified), not the development build in dist/.
    const production = mkdtempSync(join(tmpdir(), 'partnerlint-dist-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production', '--dist-out', production], { cwd: root });
      // A .vsix is a zip: what it weighs is each file deflated (plus small headers).
      const file = (f: string) => (f.startsWith('dist/') ? join(production, f.slice(5)) : join(root, f));
      const bytes = listing.filter((f) => existsSync(file(f))).reduce((sum, f) => sum + deflateRawSync(readFileSync(file(f))).length + 100, 0);
      assert.ok(bytes < 1024 * 1024, `the .vsix would weigh about ${bytes} bytes`);
    } finally {
      rmSync(production, { recursive: true, force: true });
    }
  });

  it('gives npm users the two programs (partnerlint, partnerlint-ls) and their lint worker, not the sources', () => {
    const root = process.cwd();
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.deepEqual(manifest.bin, { partnerlint: 'dist/cli.js', 'partnerlint-ls': 'dist/server.js' });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const [pack] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [{ files: { path: string }[] }];
    const files = pack.files.map((f) => f.path).sort();
    for (const bin of Object.values(manifest.bin)) assert.ok(files.includes(bin), `${bin} is in the npm package: ${files.join(', ')}`);
    assert.ok(files.includes('dist/lint-worker.js'), 'the worker both programs start by file name');
    assert.deepEqual(files.filter((f) => /^(node_modules|src|test|out|scripts|examples|\.vscode-test)\//.test(f)), []);
  });
});
