#!/usr/bin/env node
// The .vsix as users of VSCodium-based editors get it: `npm run package` in a copy of the
// repository (offline; the copy keeps this checkout's dist/ untouched), installed with
// `code-server --install-extension` into an empty extensions folder (code-server is built like
// VSCodium from VS Code's open source and installs from Open VSX), then:
//   - listed with the manifest's id and version;
//   - its files there: the bundles, icon, README, LICENSE, docs pages; no sources or modules;
//   - the installed manifest and README pass scripts/open-vsx-checks.mjs (README links made
//     absolute by vsce, so they work on Open VSX's page);
//   - opened in code-server with no development path: the installed extension activates (the
//     version it logs is the package's) and Lint Workspace checks the workspace's documents.
//                                                   usage: node scripts/vscode/vsix-tests.mjs
// Prints "vsix: N checks passed" and exits 0, or names the check that failed and exits 1.
// PARTNERLINT_KEEP_VSIX=<path> keeps a copy of the built .vsix there.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, createRunDir, ensureBrowser, ensureCodeServer, openWorkbench, startCodeServer, workbenchUrl } from './code-server.mjs';
import { openVsxProblems } from '../open-vsx-checks.mjs';

const say = (msg) => console.log(`[vsix] ${msg}`);
class Failure extends Error {}
let passed = 0;
function check(ok, what, detail = '') {
  if (!ok) throw new Failure(`${what}${detail ? `\n${detail}` : ''}`);
  passed++;
  say(`ok  ${what}`);
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const id = `${manifest.publisher}.${manifest.name}`;

/** Every file under dir, as relative POSIX paths -> contents. */
function readTree(dir) {
  const files = new Map();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full));
  }
  return files;
}

/** A private environment for code-server's command line, inside runDir. */
function cliEnv(runDir) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE'));
  for (const [name, sub] of [['HOME', 'home'], ['XDG_CONFIG_HOME', 'xdg-config'], ['XDG_DATA_HOME', 'xdg-data'], ['XDG_CACHE_HOME', 'xdg-cache'], ['TMPDIR', 'tmp']]) {
    env[name] = path.join(runDir, sub);
    fs.mkdirSync(env[name], { recursive: true });
  }
  return env;
}

async function main() {
  const entry = ensureCodeServer();
  // Outside the repository: the copy below must not land inside what it copies.
  const runDir = createRunDir({ parent: os.tmpdir(), prefix: 'partnerlint-vsix-' });

  // 1. npm run package, in a copy of the repository without its build output.
  const stage = path.join(runDir, 'stage');
  const leftOut = new Set(['.git', 'node_modules', 'dist', 'out', '.vscode-test']);
  fs.cpSync(REPO_ROOT, stage, { recursive: true, filter: (src) => !leftOut.has(path.relative(REPO_ROOT, src).split(path.sep)[0]) && !src.endsWith('.vsix') });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  const vsix = path.join(runDir, `${manifest.name}-${manifest.version}.vsix`);
  const pack = spawnSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: stage, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
  check(pack.status === 0 && fs.existsSync(vsix), `npm run package made ${path.basename(vsix)}`, pack.stdout + pack.stderr);
  say(`${path.basename(vsix)}: ${fs.statSync(vsix).size} bytes`);
  if (process.env.PARTNERLINT_KEEP_VSIX) fs.copyFileSync(vsix, path.resolve(process.env.PARTNERLINT_KEEP_VSIX));

  // 2. Installed by code-server's command line, as `codium --install-extension` does.
  const extensions = path.join(runDir, 'extensions');
  const userData = path.join(runDir, 'cli-user-data');
  const env = cliEnv(runDir);
  const codeServer = (...args) => spawnSync(process.execPath, [entry, '--extensions-dir', extensions, '--user-data-dir', userData, ...args], { cwd: runDir, env, encoding: 'utf8', timeout: 120_000 });
  const install = codeServer('--install-extension', vsix);
  check(install.status === 0 && /successfully installed/i.test(install.stdout + install.stderr), 'code-server --install-extension installs it', install.stdout + install.stderr);
  const list = codeServer('--list-extensions', '--show-versions');
  const listed = list.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  check(listed.includes(`${id}@${manifest.version}`), `code-server --list-extensions shows ${id}@${manifest.version}`, list.stdout + list.stderr);

  // 3. Its files, where code-server put them.
  const folder = path.join(extensions, `${id}-${manifest.version}`);
  check(fs.existsSync(folder), `installed in ${path.basename(folder)}`, fs.existsSync(extensions) ? fs.readdirSync(extensions).join(', ') : '(no extensions folder)');
  const files = readTree(folder);
  const wanted = ['package.json', 'dist/extension.js', 'dist/web/extension.js', 'dist/web/lint-worker.js', manifest.icon, 'README.md', 'CHANGELOG.md', 'snippets/markdown.json', 'schemas/partnerlint.schema.json', 'docs/walkthrough/create-charter.md'];
  // vsce stores README.md and CHANGELOG.md as readme.md and changelog.md.
  const have = new Set([...files.keys()].map((f) => f.toLowerCase()));
  const missing = wanted.filter((f) => !have.has(f.toLowerCase()));
  check(missing.length === 0, 'the bundles, icon, README, CHANGELOG, snippets, schemas and docs are there', `missing: ${missing.join(', ')}`);
  check([...files.keys()].some((f) => /^LICENSE(\.txt)?$/.test(f)), 'the LICENSE is there');
  check([...files.keys()].some((f) => f.startsWith('docs/rules/')), 'the rule pages are there');
  const stray = [...files.keys()].filter((f) => /^(src|test|out|node_modules|scripts|examples)\//.test(f));
  check(stray.length === 0, 'no sources, tests, scripts or node_modules', stray.slice(0, 5).join(', '));
  const installed = JSON.parse(files.get('package.json').toString('utf8'));
  check(installed.version === manifest.version && `${installed.publisher}.${installed.name}` === id, 'the installed manifest is this version of this extension');
  const problems = openVsxProblems(installed, files);
  check(problems.length === 0, 'the packaged manifest and README pass the Open VSX checks', problems.join('\n'));

  // 4. Opened in code-server with only the installed extension: it activates and lints.
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(path.join(workspace, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.partnerlint.yaml'), 'rules:\n  placeholder-left: warning\n');
  fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'charter-placeholders.md'), path.join(workspace, 'docs', 'charter.md'));
  fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'clean-tier-model.md'), path.join(workspace, 'docs', 'tiers.md'));
  ensureBrowser();
  const serverRun = path.join(runDir, 'server');
  fs.mkdirSync(serverRun);
  let server;
  let browser;
  try {
    server = await startCodeServer({ workspace, runDir: serverRun, extensionsDir: extensions });
    browser = await openWorkbench({ url: workbenchUrl(server, workspace), timeout: 90_000 });
    const logs = path.join(server.userDataDir, 'logs');
    const findLog = (pattern) => {
      if (!fs.existsSync(logs)) return undefined;
      for (const e of fs.readdirSync(logs, { recursive: true, withFileTypes: true })) {
        if (!e.isFile() || !e.name.endsWith('.log')) continue;
        const text = fs.readFileSync(path.join(e.parentPath ?? e.path, e.name), 'utf8');
        const m = pattern.exec(text);
        if (m) return m;
      }
      return undefined;
    };
    const waitFor = async (pattern, seconds) => {
      const until = Date.now() + seconds * 1000;
      for (;;) {
        const found = findLog(pattern);
        if (found || Date.now() > until) return found;
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const activated = await waitFor(/PartnerLint (\S+) activated in VS Code (\S+)/, 90);
    check(activated?.[1] === manifest.version, `the installed extension activates (it logs "${activated?.[0] ?? 'nothing'}")`);
    const failed = findLog(/Activating extension .?partnerlint\.partnerlint.? failed[^\n]*/);
    check(!failed, 'no activation error', failed?.[0]);
    // Lint Workspace, from the command palette, through the installed lint worker.
    await browser.page.keyboard.press('F1');
    await browser.page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 30_000 });
    await browser.page.keyboard.type('PartnerLint: Lint Workspace');
    await browser.page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Lint Workspace"]', { timeout: 30_000 });
    await browser.page.keyboard.press('Enter');
    const linted = await waitFor(/Lint Workspace: (\d+) Markdown files, (\d+) strategy documents, (\d+) problems/, 90);
    check(linted && linted[1] === '2' && linted[2] === '2' && Number(linted[3]) > 0, `Lint Workspace checks the workspace (${linted?.[0] ?? 'no report in the log'})`);
  } finally {
    await browser?.close();
    await server?.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  console.log(`vsix: ${passed} checks passed`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[vsix] FAILED: ${err instanceof Failure ? err.message : err?.stack || err}`);
    process.exit(1);
  },
);
