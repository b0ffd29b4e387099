#!/usr/bin/env node
// `npm start`: serves a real VS Code (code-server) in the browser with THIS
// checkout's extension installed, opened on a scratch copy of the repo's examples/
// folder (.vscode-test/sample-workspace/, ignored by git, refreshed from examples/ at
// start and whenever examples/ changes), so nothing done in the browser changes a
// tracked file. Runs until Ctrl-C, which stops code-server and removes its temporary state.
//
//   node scripts/vscode/start.mjs            serve; open the printed URL in a browser
//   node scripts/vscode/start.mjs --reset    the same, with the sample copy made afresh
//   node scripts/vscode/start.mjs --check [--open <file.md>] [--screenshot <file.png>]
//                                            start, load the page in headless Chromium,
//                                            open a Markdown file (the given one, relative
//                                            to the folder, or the first found), confirm the
//                                            extension activated, then stop (exit 0 / 1)
//
// How the extension is loaded: the extensions folder given to code-server holds a
// symlink named <publisher>.<name>-<version> pointing at the extension folder, so
// code-server installs it as an ordinary (not development-mode) extension that
// always runs the current build. The folder lives in the system temp dir, not in
// .vscode-test/, so the repo never contains a symlink back to itself.
//
// Environment (all optional):
//   PARTNERLINT_PORT            port to serve on (default 8123; a free one if taken)
//   PARTNERLINT_START_FOLDER    folder to open as it is, with no copy (default: the
//                               scratch copy of examples/)
//   PARTNERLINT_EXTENSION_PATH  extension folder (default: repo root)
//   PARTNERLINT_VERBOSE=1       echo code-server output

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CACHE_DIR,
  REPO_ROOT,
  createRunDir,
  ensureCodeServer,
  openFileInWorkbench,
  openWorkbench,
  startCodeServer,
  workbenchUrl,
} from './code-server.mjs';
import { syncSampleWorkspace, watchSampleWorkspace } from './sample-workspace.mjs';

const env = process.env;
const extensionPath = path.resolve(REPO_ROOT, env.PARTNERLINT_EXTENSION_PATH || '.');
const examples = path.join(REPO_ROOT, 'examples');
const folder = env.PARTNERLINT_START_FOLDER
  ? path.resolve(REPO_ROOT, env.PARTNERLINT_START_FOLDER)
  : path.join(CACHE_DIR, 'sample-workspace');
const port = Number(env.PARTNERLINT_PORT || 8123);
const args = process.argv.slice(2);
const check = args.includes('--check');
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const screenshot = option('--screenshot') && path.resolve(option('--screenshot'));
const fileToOpen = option('--open');

const say = (msg) => console.log(`[start] ${msg}`);
const fail = (msg) => {
  console.error(`[start] ${msg}`);
  process.exit(1);
};

function readManifest() {
  const file = path.join(extensionPath, 'package.json');
  if (!fs.existsSync(file)) fail(`No extension manifest at ${file}`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (manifest.main) {
    const main = path.resolve(extensionPath, manifest.main);
    if (![main, `${main}.js`].some((f) => fs.existsSync(f))) fail(`${main} does not exist; build the extension first.`);
  }
  return manifest;
}

/** Relative path of some Markdown file in the folder, to trigger onLanguage:markdown. */
function findMarkdown(dir, rel = '') {
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (entry.isFile() && /\.md$/i.test(entry.name)) return child;
  }
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      const found = findMarkdown(dir, path.join(rel, entry.name));
      if (found) return found;
    }
  }
  return undefined;
}

/** Reads the extension host logs for the extension's activation (or its failure). */
function activationState(userDataDir, id) {
  const logsDir = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logsDir)) return undefined;
  const logs = fs
    .readdirSync(logsDir, { recursive: true })
    .filter((f) => f.endsWith('exthost.log'))
    .map((f) => fs.readFileSync(path.join(logsDir, f), 'utf8'))
    .join('\n');
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const failed = new RegExp(`Activating extension '?${escaped}'? failed[^\\n]*(\\n[^\\n]*){0,2}`, 'i').exec(logs);
  if (failed) return { failed: failed[0] };
  const activated = new RegExp(`_doActivateExtension ${escaped}\\b[^\\n]*`, 'i').exec(logs);
  if (activated) return { activated: activated[0] };
  return undefined;
}

async function verify(server, id, displayName) {
  const markdown = fileToOpen ?? findMarkdown(folder);
  const browser = await openWorkbench({ url: workbenchUrl(server, folder) });
  try {
    if (markdown) {
      say(`Opening ${markdown} in headless Chromium…`);
      await openFileInWorkbench(browser.page, markdown);
    } else {
      say(`No Markdown file in ${folder}; only waiting for activation.`);
    }
    let state;
    for (let i = 0; i < 60 && !state; i++) {
      await new Promise((r) => setTimeout(r, 500));
      state = activationState(server.userDataDir, id);
    }
    // An activation error is logged after the activation start: look again a little later.
    // (The pause also lets diagnostics render for the screenshot.)
    await browser.page.waitForTimeout(2000);
    state = activationState(server.userDataDir, id) ?? state;
    if (screenshot) {
      await browser.page.screenshot({ path: screenshot });
      say(`Screenshot: ${screenshot}`);
    }
    if (state?.activated) say(`OK: ${displayName} (${id}) activated in VS Code — ${state.activated.trim()}`);
    else if (state?.failed) fail(`FAILED: ${state.failed.trim()}`);
    else fail(`FAILED: ${id} did not activate within 30 s.`);
  } finally {
    await browser.close();
  }
}

async function main() {
  const manifest = readManifest();
  const id = `${manifest.publisher || 'undefined_publisher'}.${manifest.name}`.toLowerCase();
  const displayName = manifest.displayName || manifest.name;
  let stopWatching = () => {};
  if (!env.PARTNERLINT_START_FOLDER) {
    const { copied } = syncSampleWorkspace(examples, folder, { reset: args.includes('--reset') });
    if (copied.length > 0) say(`Copied from examples/: ${copied.join(', ')}`);
    stopWatching = watchSampleWorkspace(examples, folder, ({ copied: again, removed }) => {
      if (again.length + removed.length > 0) say(`Refreshed from examples/: ${[...again, ...removed.map((f) => `${f} (removed)`)].join(', ')}`);
    });
  }
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) fail(`The folder to open, ${folder}, does not exist.`);
  ensureCodeServer();

  const extensionsDir = createRunDir({ parent: os.tmpdir(), prefix: 'partnerlint-extensions-' });
  fs.symlinkSync(extensionPath, path.join(extensionsDir, `${id}-${manifest.version || '0.0.0'}`), 'dir');

  const server = await startCodeServer({ workspace: folder, extensionsDir, port });
  const url = workbenchUrl(server, folder);

  if (check) {
    try {
      await verify(server, id, displayName);
    } finally {
      stopWatching();
      await server.stop();
    }
    return;
  }

  console.log(`\nPartnerLint is running in VS Code at ${url}\n`);
  if (!env.PARTNERLINT_START_FOLDER) {
    say(`The workspace is a scratch copy of examples/ in ${path.relative(process.cwd(), folder) || folder}:`);
    say('edit and save freely; tracked files never change. `npm start -- --reset` makes the copy afresh.');
  }
  say('Open that address in a browser. Press Ctrl-C to stop.');
  process.on('exit', (code) => code !== 1 && say('Stopped code-server.'));
  const { code, signal } = await server.exited; // normally we leave through Ctrl-C
  fail(`code-server stopped unexpectedly (code ${code}, signal ${signal}).\n${server.output()}`);
}

main().then(
  () => process.exit(0),
  (err) => fail(err?.stack || String(err)),
);
