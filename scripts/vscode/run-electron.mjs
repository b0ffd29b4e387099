// `npm run test:electron`: the same integration suite as `npm test`, run in desktop VS Code
// downloaded by @vscode/test-electron. It needs internet access to download VS Code (the
// machines this project is developed on have none; hosted CI and contributors usually do).
// Set PARTNERLINT_VSCODE_VERSION to pick a version (default: the lowest the extension supports).
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'partnerlint-electron-'));
const workspace = join(work, 'workspace');
cpSync(join(root, 'test/integration/workspace'), workspace, { recursive: true });
const report = join(work, 'report.txt');
const result = join(work, 'result.json');
const version = process.env.PARTNERLINT_VSCODE_VERSION ?? '1.100.3';

let exitCode = 1;
try {
  await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { PARTNERLINT_TEST_REPORT: report, PARTNERLINT_TEST_RESULT: result },
  });
  exitCode = 0;
} catch (error) {
  console.error(`Integration tests failed in VS Code ${version}: ${error instanceof Error ? error.message : error}`);
} finally {
  if (existsSync(result)) {
    const { tests } = JSON.parse(readFileSync(result, 'utf8'));
    if (tests === 0) {
      console.error('No integration tests ran.');
      exitCode = 1;
    }
  } else if (exitCode === 0) {
    console.error('The suite wrote no result file: it did not run.');
    exitCode = 1;
  }
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
