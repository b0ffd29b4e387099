/**
 * Entry point of the integration suite, loaded by VS Code's extension host (code-server through
 * scripts/vscode/run-tests.mjs, or desktop VS Code through @vscode/test-electron).
 *
 * Contract with the runners: `run()` resolves when every test passed and rejects otherwise.
 * Because console output from the extension host does not reliably reach the runner, the suite
 * also writes a readable report to the file named by PARTNERLINT_TEST_REPORT and
 * `{ tests, passes, failures }` JSON to PARTNERLINT_TEST_RESULT, when those are set.
 */
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';

function reporterFactory(reportFile: string | undefined) {
  const write = (line: string) => {
    console.log(line);
    if (reportFile) appendFileSync(reportFile, line + '\n');
  };
  /** A plain reporter: one line a test, indented by suite, failures in full at the end. */
  return class FileReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
      super(runner, options);
      let indent = 0;
      const failures: Array<{ title: string; error: Error }> = [];
      runner.on('start', () => write(`Integration tests in ${vscode.env.appName}, VS Code ${vscode.version} (${vscode.env.appHost}, UI kind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`));
      runner.on('suite', (suite) => {
        if (suite.title) write(`${'  '.repeat(indent)}${suite.title}`);
        indent++;
      });
      runner.on('suite end', () => indent--);
      runner.on('pass', (test) => write(`${'  '.repeat(indent)}✓ ${test.title} (${test.duration ?? 0} ms)`));
      runner.on('fail', (test, error) => {
        failures.push({ title: test.fullTitle(), error });
        write(`${'  '.repeat(indent)}✗ ${failures.length}) ${test.title}`);
      });
      runner.on('pending', (test) => write(`${'  '.repeat(indent)}- ${test.title} (skipped)`));
      runner.once('end', () => {
        const stats = runner.stats!;
        write('');
        write(`${stats.passes} passing, ${stats.failures} failing, ${stats.pending} skipped`);
        failures.forEach(({ title, error }, i) => {
          write(`\n${i + 1}) ${title}\n${error.stack ?? error.message}`);
        });
      });
    }
  };
}

export async function run(): Promise<void> {
  const reportFile = process.env['PARTNERLINT_TEST_REPORT'];
  const resultFile = process.env['PARTNERLINT_TEST_RESULT'];
  if (reportFile) writeFileSync(reportFile, '');
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, reporter: reporterFactory(reportFile) });
  const grep = process.env['PARTNERLINT_TEST_GREP'];
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  // A suite that throws while loading rejects here, which fails the run.
  await mocha.loadFilesAsync();
  const outcome = await new Promise<{ tests: number; passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats!;
      resolve({ tests: stats.tests, passes: stats.passes, failures: stats.failures });
    });
  });
  if (resultFile) writeFileSync(resultFile, JSON.stringify(outcome));
  if (outcome.tests === 0) throw new Error('No integration tests ran.');
  if (outcome.failures > 0) throw new Error(`${outcome.failures} integration test(s) failed.`);
}
