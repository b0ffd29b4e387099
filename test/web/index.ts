/**
 * Entry point of the web integration suite, loaded by VS Code's web worker extension host (the
 * host of vscode.dev and github.dev), through scripts/vscode/run-tests.mjs --web (code-server) or
 * scripts/vscode/run-web.mjs (@vscode/test-web). It is a browser bundle: mocha's browser build
 * (`mocha/mocha.js`, which defines the `mocha` global), chai for assertions, nothing of Node.
 *
 * Contract with the runners: `run()` resolves when every test passed and rejects otherwise. The
 * web worker host has no file system and no environment variables, so the suite writes its report
 * and `{ tests, passes, failures }` through vscode.workspace.fs, into REPORT_FOLDER of the
 * workspace folder (code-server's runner reads them from disk there).
 */
import * as vscode from 'vscode';

// Defines the `mocha` global (and `Mocha`), as @vscode/test-web's samples do.
require('mocha/mocha.js');

/** Where the suite leaves its report and result, inside the (fresh, copied) workspace folder. */
export const REPORT_FOLDER = '.partnerlint-web-test';

export async function run(): Promise<void> {
  const lines: string[] = [];
  const write = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const counts = { tests: 0, passes: 0, failures: 0 };
  /** A plain reporter: one line a test, failures in full at the end (mocha's own need a DOM or a terminal). */
  function WebReporter(runner: Mocha.Runner): void {
    let indent = 0;
    const failures: Array<{ title: string; error: Error }> = [];
    runner.on('start', () => write(`Web integration tests in ${vscode.env.appName}, VS Code ${vscode.version} (${vscode.env.appHost}, UI kind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`));
    runner.on('suite', (suite) => {
      if (suite.title) write(`${'  '.repeat(indent)}${suite.title}`);
      indent++;
    });
    runner.on('suite end', () => indent--);
    runner.on('pass', (test) => {
      counts.tests++;
      counts.passes++;
      write(`${'  '.repeat(indent)}✓ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on('fail', (test, error) => {
      // A failing hook is not a test, but it is a failure.
      if (test.type === 'test') counts.tests++;
      counts.failures++;
      failures.push({ title: test.fullTitle(), error });
      write(`${'  '.repeat(indent)}✗ ${failures.length}) ${test.title}`);
    });
    runner.once('end', () => {
      write('');
      write(`${counts.passes} passing, ${counts.failures} failing`);
      failures.forEach(({ title, error }, i) => write(`\n${i + 1}) ${title}\n${error.stack ?? error.message}`));
    });
  }
  mocha.setup({ ui: 'bdd', timeout: 30_000, reporter: WebReporter as unknown as Mocha.ReporterConstructor });
  // The test files, after setup() (which defines describe/it).
  require('./web.test');
  await new Promise<void>((resolve) => mocha.run(() => resolve()));

  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder) {
    const out = vscode.Uri.joinPath(folder, REPORT_FOLDER);
    const encode = (text: string) => new TextEncoder().encode(text);
    await vscode.workspace.fs.createDirectory(out);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(out, 'report.txt'), encode(lines.join('\n') + '\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(out, 'result.json'), encode(JSON.stringify(counts)));
  }
  if (counts.tests === 0) throw new Error('No web integration tests ran.');
  if (counts.failures > 0) throw new Error(`${counts.failures} web integration test(s) failed.`);
}
