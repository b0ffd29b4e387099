/**
 * What `npm run package` puts in the .vsix: only what runs (vsce lists it offline, without
 * building), well under 1 MB, never sources, tests or node_modules; and a manifest that passes
 * Open VSX's publishing checks (scripts/open-vsx-checks.mjs). The .vsix itself is built and
 * installed into code-server, a VSCodium-like editor, by scripts/vscode/vsix-tests.mjs in the
 * integration stage.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
// @ts-expect-error: a plain ES module script, bundled by esbuild
import { openVsxProblems } from '../../scripts/open-vsx-checks.mjs';

describe('the extension package', function () {
  this.timeout(60_000);

  it('lists only what runs, under 1 MB', () => {
    const root = process.cwd();
    const vsce = join(root, 'node_modules', '.bin', 'vsce');
    const listing = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n').map((l) => l.trim()).filter(Boolean);
    assert.ok(listing.includes('package.json') && listing.includes('README.md') && listing.includes('LICENSE'));
    assert.ok(listing.includes('dist/extension.js'), 'the bundled extension ships');
    assert.ok(listing.includes('dist/web/extension.js') && listing.includes('dist/web/lint-worker.js'), 'the web extension (package.json `browser`) and its worker ship');
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
  it('meets Open VSX\'s publishing checks: names, version, fields, URLs, license, icon', () => {
    const root = process.cwd();
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const vsce = join(root, 'node_modules', '.bin', 'vsce');
    const listing = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean);
    assert.ok(listing.includes(manifest.icon), 'the icon ships');
    // The files' contents, but the README: vsce rewrites its links when it packs (checked on the
    // packed one by the integration stage).
    const files = new Map(listing.filter((f) => f !== 'README.md').map((f) => [f, readFileSync(join(root, f))]));
    files.set('README.md', Buffer.from('# PartnerLint\n'));
    assert.deepEqual(openVsxProblems(manifest, files), []);
    // The checks catch what Open VSX refuses.
    const broken = { ...manifest, name: 'partner lint', version: 'latest', galleryBanner: { theme: 'blue' }, repository: 'partnerlint', license: undefined, icon: 'images/none.png', engines: {} };
    const problems = openVsxProblems(broken, new Map([['README.md', Buffer.from('[a](docs/a.md) ![b](http://x.org/b.png)')]]));
    for (const expected of [/^name "partner lint"/, /^version "latest" is reserved/, /^galleryBanner\.theme/, /^repository is not a URL/, /^license is missing/, /^engines\.vscode/, /no LICENSE file/, /icon images\/none\.png is not in the package/, /relative links.*docs\/a\.md/, /images over http/]) {
      assert.ok(problems.some((p: string) => expected.test(p)), `${expected} among ${JSON.stringify(problems)}`);
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
