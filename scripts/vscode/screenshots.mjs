#!/usr/bin/env node
// `npm run screenshots`: pictures of PartnerLint in real VS Code (code-server in headless
// Chromium), written to docs/images/ for the README. Each shot drives the workbench the way a
// person would, with the keyboard, on a temporary copy of examples/.
//
//   node scripts/vscode/screenshots.mjs [name …]   only the named shots (default: all)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPO_ROOT,
  createRunDir,
  ensureBrowser,
  ensureCodeServer,
  openFileInWorkbench,
  openWorkbench,
  startCodeServer,
  workbenchUrl,
} from './code-server.mjs';

const OUT = path.join(REPO_ROOT, 'docs', 'images');
const say = (msg) => console.log(`[screenshots] ${msg}`);

async function command(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title.replace(/"/g, '\\"')}"]`, { timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Opens scratch.md, runs the wizard on build-vs-partner and answers "No" to the first question. */
async function startBuildOrPartner(page) {
  await openFileInWorkbench(page, 'scratch.md');
  await command(page, 'PartnerLint: Run Decision Tree');
  await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Build or partner"]', { timeout: 15_000 });
  await page.keyboard.type('Build or partner');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-title:has-text("step 1 of 3")', { timeout: 15_000 });
  await page.keyboard.press('ArrowDown'); // No: customers expect it, but it does not set us apart
  await page.keyboard.press('Enter');
}

/**
 * A real strategy document written by others (the shared seed, read from ../shared beside the
 * checkout and copied only into the shot's temporary workspace, never into the project), under
 * the name a user would save it as, with nothing added.
 */
const SEED = { from: path.join(REPO_ROOT, '..', 'shared', 'seeds', '003_92257f485259b139.txt'), as: 'ggen-partnership-strategy.md' };

/** Each shot starts from a workbench with no editor open. */
const SHOTS = {
  async 'flawed-charter'(page) {
    await openFileInWorkbench(page, 'initech-charter-draft.md');
    await page.waitForSelector('.squiggly-warning', { timeout: 20_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15_000 });
    await page.waitForTimeout(800);
  },
  async 'quick-fix'(page) {
    await openFileInWorkbench(page, 'initech-charter-draft.md');
    await page.waitForSelector('.squiggly-warning', { timeout: 20_000 });
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8'); // next problem: moves the cursor onto it
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget', { state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(500);
  },
  async 'seed-strategy'(page) {
    await openFileInWorkbench(page, SEED.as);
    // Its problems are below the first screen: the Problems panel lists them, then the editor
    // goes to the first one so that its squiggle is in view.
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    await page.waitForSelector('.squiggly-warning', { timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(800);
  },
  async snippet(page) {
    await openFileInWorkbench(page, 'scratch.md');
    await page.click('.monaco-editor .view-lines');
    await command(page, 'Snippets: Insert Snippet');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15_000 });
    await page.keyboard.type('Partnership charter');
    await page.waitForTimeout(500);
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="charter"]', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-line:has-text("Mutual Goals")', { timeout: 15_000 });
    await page.waitForTimeout(1000);
  },
  async 'wizard'(page) {
    await startBuildOrPartner(page);
    await page.waitForSelector('.quick-input-title:has-text("step 2 of 3")', { timeout: 15_000 });
    await page.waitForTimeout(500);
  },
  async 'decision-record'(page) {
    await startBuildOrPartner(page);
    await page.waitForSelector('.quick-input-title:has-text("step 2 of 3")', { timeout: 15_000 });
    await page.keyboard.press('Enter'); // Yes: building would delay the roadmap by more than six months
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Insert the decision record"]', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.codelens-decoration', { timeout: 15_000 });
    await page.waitForTimeout(1000);
  },
  async walkthrough(page) {
    await command(page, 'Welcome: Open Walkthrough...');
    await page.waitForTimeout(500);
    await page.keyboard.type('PartnerLint');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="PartnerLint"]', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.gettingStartedContainer', { timeout: 15_000 });
    await page.waitForTimeout(1500);
  },
};

async function main() {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(SHOTS);
  for (const name of names) if (!SHOTS[name]) throw new Error(`No shot named ${name}: ${Object.keys(SHOTS).join(', ')}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  if (!fs.existsSync(path.join(REPO_ROOT, manifest.main))) throw new Error('Build the extension first (npm run build).');
  ensureCodeServer();
  ensureBrowser();
  fs.mkdirSync(OUT, { recursive: true });

  for (const name of names) {
    const workspace = createRunDir({ prefix: 'shots-' });
    fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, 'scratch.md'), '');
    if (name === 'seed-strategy') {
      if (!fs.existsSync(SEED.from)) throw new Error(`The seed strategy is not at ${SEED.from}`);
      fs.copyFileSync(SEED.from, path.join(workspace, SEED.as));
    }
    const extensionsDir = createRunDir({ parent: os.tmpdir(), prefix: 'partnerlint-extensions-' });
    fs.symlinkSync(REPO_ROOT, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
    const server = await startCodeServer({ workspace, extensionsDir, settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false } });
    const browser = await openWorkbench({ url: workbenchUrl(server, workspace), viewport: { width: 1280, height: 800 } });
    try {
      await browser.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 30_000 });
      await SHOTS[name](browser.page);
      const file = path.join(OUT, `${name}.png`);
      await browser.page.screenshot({ path: file });
      say(`${path.relative(REPO_ROOT, file)}`);
    } finally {
      await browser.close();
      await server.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
      fs.rmSync(extensionsDir, { recursive: true, force: true });
    }
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(`[screenshots] FAILED: ${error?.stack ?? error}`);
  process.exit(1);
});
