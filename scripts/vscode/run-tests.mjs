#!/usr/bin/env node
// Runs the extension's integration suite inside a real VS Code extension host
// (code-server, opened by headless Chromium), for machines that cannot download
// VS Code itself.            usage: node scripts/vscode/run-tests.mjs [--web]
//
// --web runs the web extension (package.json `browser`) and the web suite (out/test/web/index.js,
// a browser bundle) in the web worker extension host, as vscode.dev and github.dev run it; the
// extension is served over HTTP (see webExtensionRoute in code-server.mjs). That host has no
// file system or environment: the web suite writes its report and result into the workspace
// folder (.partnerlint-web-test/), read from there.
//
// Contract with the suite (out/test/integration/index.js):
//   - it exports run(): Promise<void>, rejecting when tests fail;
//   - it writes its reporter output to the file named by PARTNERLINT_TEST_REPORT
//     and {"tests":N,"passes":N,"failures":N} to the file named by
//     PARTNERLINT_TEST_RESULT.
// The run passes only if the workbench reports exit code 0 AND the result file
// exists AND says tests > 0 and failures == 0.
//
// Environment (all optional):
//   PARTNERLINT_EXTENSION_PATH  extension folder           (default: repo root)
//   PARTNERLINT_SUITE_PATH      compiled suite index       (default: out/test/integration/index.js)
//   PARTNERLINT_TEST_WORKSPACE  workspace template; a fresh copy is opened
//                                                          (default: test/integration/workspace)
//   PARTNERLINT_TEST_TIMEOUT    overall timeout in seconds (default: 300)
//   PARTNERLINT_TEST_REPORT / PARTNERLINT_TEST_RESULT
//                               keep the report/result at these paths (default: temp files)
//   PARTNERLINT_VERBOSE=1       echo code-server output and the page's console
// Every variable (including any other PARTNERLINT_*) reaches the extension host.

import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import {
  REPO_ROOT,
  createRunDir,
  ensureBrowser,
  ensureCodeServer,
  openWorkbench,
  remoteUri,
  serveFolders,
  startCodeServer,
  webExtensionRoute,
  workbenchUrl,
} from './code-server.mjs';

const env = process.env;
const web = process.argv.includes('--web');
const verbose = Boolean(env.PARTNERLINT_VERBOSE);
const fromRepo = (p) => path.resolve(REPO_ROOT, p);

const extensionPath = fromRepo(env.PARTNERLINT_EXTENSION_PATH || '.');
const suitePath = fromRepo(env.PARTNERLINT_SUITE_PATH || (web ? 'out/test/web/index.js' : 'out/test/integration/index.js'));
const workspaceTemplate = fromRepo(env.PARTNERLINT_TEST_WORKSPACE || (web ? 'test/web/workspace' : 'test/integration/workspace'));
const timeoutSeconds = Number(env.PARTNERLINT_TEST_TIMEOUT || 300);

const say = (msg) => console.log(`[vscode-test] ${msg}`);

// Errors that are expected on a machine without internet (extension gallery look-ups).
const NOISE = /open-vsx\.org|ENOTFOUND|vsda/;
// Keeps an error's message and the stack frames outside code-server itself.
const trimStack = (text) =>
  text
    .split('\n')
    .filter((line) => !/^\s+at /.test(line) || !line.includes(`${path.sep}code-server-`))
    .join('\n');

class Failure extends Error {}

/** Checks the inputs exist before starting anything, with messages that say what to do. */
function checkInputs() {
  const manifest = path.join(extensionPath, 'package.json');
  if (!fs.existsSync(manifest)) throw new Failure(`No extension manifest at ${manifest}`);
  const { main, browser } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  if (web && !browser) throw new Failure(`The extension at ${extensionPath} has no \`browser\` entry: it is no web extension.`);
  const entry = web ? browser : main;
  if (entry) {
    const mainFile = path.resolve(extensionPath, entry);
    if (![mainFile, `${mainFile}.js`].some((f) => fs.existsSync(f))) {
      throw new Failure(`The extension's main file ${mainFile} does not exist; build the extension first.`);
    }
  }
  if (!fs.existsSync(suitePath)) {
    throw new Failure(`The compiled test suite ${suitePath} does not exist; compile the tests first.`);
  }
  // The workbench runs a suite in the extension host of the extension whose folder holds it; a web
  // suite outside the extension's folder would wait for a host the browser does not have.
  if (web && path.relative(extensionPath, suitePath).startsWith('..')) {
    throw new Failure(`The web suite ${suitePath} must be inside the extension's folder ${extensionPath}.`);
  }
  if (!fs.statSync(workspaceTemplate, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Failure(`The test workspace folder ${workspaceTemplate} does not exist.`);
  }
  if (!(timeoutSeconds > 0)) throw new Failure(`PARTNERLINT_TEST_TIMEOUT must be a number of seconds, got "${env.PARTNERLINT_TEST_TIMEOUT}"`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  checkInputs();
  // First use installs these; the timeout covers only the run itself.
  ensureCodeServer();
  const { executablePath, source } = ensureBrowser();
  say(`Browser: ${executablePath} (${source})`);
  const started = Date.now();
  const deadline = started + timeoutSeconds * 1000;

  // Scratch space for this run: workspace copy, report files, code-server state.
  const runDir = createRunDir();
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(workspaceTemplate, workspace, { recursive: true });
  // The web suite writes where it can: its workspace folder (test/web/index.ts, REPORT_FOLDER).
  const webReports = path.join(workspace, '.partnerlint-web-test');
  const reportFile = web ? path.join(webReports, 'report.txt') : env.PARTNERLINT_TEST_REPORT ? path.resolve(env.PARTNERLINT_TEST_REPORT) : path.join(runDir, 'report.txt');
  const resultFile = web ? path.join(webReports, 'result.json') : env.PARTNERLINT_TEST_RESULT ? path.resolve(env.PARTNERLINT_TEST_RESULT) : path.join(runDir, 'result.json');
  fs.rmSync(reportFile, { force: true });
  fs.rmSync(resultFile, { force: true });

  let server;
  let browser;
  let files;
  try {
    server = await startCodeServer({
      workspace,
      runDir,
      env: { PARTNERLINT_TEST_REPORT: reportFile, PARTNERLINT_TEST_RESULT: resultFile },
    });
    say(`code-server ${server.url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

    // The workbench calls codeAutomationExit(code) when the suite's run() settles.
    let reportExit;
    const exitCode = new Promise((resolve) => (reportExit = resolve));
    let url;
    let route;
    if (web) {
      files = await serveFolders({ '/extension': extensionPath });
      const served = `${server.url}proxy/${files.port}/extension`;
      url = workbenchUrl(server, workspace);
      route = webExtensionRoute(url, { extensionUrl: `${served}/`, testsUrl: `${served}/${path.relative(extensionPath, suitePath).split(path.sep).join('/')}` });
    } else {
      url = workbenchUrl(server, workspace, [
        ['extensionDevelopmentPath', remoteUri(server, extensionPath)],
        ['extensionTestsPath', remoteUri(server, suitePath)],
      ]);
    }
    const pageErrors = [];
    browser = await openWorkbench({
      url,
      route,
      waitForWorkbench: false,
      timeout: Math.max(1000, Math.min(60_000, deadline - Date.now())),
      exposed: {
        codeAutomationExit: (code) => reportExit(code),
        // Receives the workbench's log lines (including the extension host's console).
        codeAutomationLog: (type, args) => {
          const text = format(...(Array.isArray(args) ? args : [args]));
          if (type === 'error' && !NOISE.test(text)) pageErrors.push(trimStack(text));
          if (verbose) console.log(`[workbench ${type}] ${text}`);
        },
      },
    });

    let timer;
    const outcome = await Promise.race([
      exitCode.then((code) => ({ code })),
      new Promise((r) => (timer = setTimeout(() => r({ timeout: true }), deadline - Date.now()))),
      server.exited.then(({ code, signal }) => ({ serverDied: `code ${code}, signal ${signal}` })),
      new Promise((r) => browser.page.once('crash', () => r({ pageCrashed: true }))),
    ]);
    clearTimeout(timer);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    if (fs.existsSync(reportFile)) process.stdout.write(`\n${fs.readFileSync(reportFile, 'utf8')}\n`);
    else say(`No test report was written (${reportFile}).`);

    if (outcome.timeout) throw new Failure(`Timed out after ${timeoutSeconds} s waiting for the suite to finish (PARTNERLINT_TEST_TIMEOUT).`);
    if (outcome.serverDied) throw new Failure(`code-server exited during the run (${outcome.serverDied}).\n${server.output()}`);
    if (outcome.pageCrashed) throw new Failure('The browser page crashed during the run.');

    const errors = pageErrors.length ? `\nErrors from the extension host:\n  ${pageErrors.join('\n  ')}` : '';
    if (outcome.code !== 0) {
      throw new Failure(`The test run ended with exit code ${outcome.code} (a failing test, or the suite threw while loading).${errors}`);
    }
    const result = readJson(resultFile);
    if (!result) throw new Failure(`The suite wrote no result to ${resultFile} (PARTNERLINT_TEST_RESULT).${errors}`);
    if (!(result.tests > 0)) throw new Failure(`No tests ran (result: ${JSON.stringify(result)}).`);
    if (result.failures !== 0) throw new Failure(`${result.failures} of ${result.tests} tests failed.`);
    say(`${result.passes ?? result.tests} of ${result.tests} tests passed in real VS Code${web ? "'s web worker extension host" : ''} (${seconds} s).`);
    // The plain closing line CI reads.
    console.log(`integration${web ? ' (web)' : ''}: ${result.passes ?? result.tests} passed, ${result.failures} failed`);
  } finally {
    await browser?.close();
    await files?.close();
    await server?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[vscode-test] FAILED: ${err instanceof Failure ? err.message : err?.stack || err}`);
    process.exit(1);
  },
);
