/**
 * Which Chromium the integration runner opens VS Code in (scripts/vscode/code-server.mjs):
 * PARTNERLINT_BROWSER first, and a clear error when it names nothing.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Runner {
  ensureBrowser(): { executablePath: string; source: string };
}

describe('integration runner: the browser it uses', () => {
  let runner: Runner;
  const saved = process.env['PARTNERLINT_BROWSER'];

  before(async () => {
    runner = (await import(pathToFileURL(join(process.cwd(), 'scripts/vscode/code-server.mjs')).href)) as Runner;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['PARTNERLINT_BROWSER'];
    else process.env['PARTNERLINT_BROWSER'] = saved;
  });

  it('takes the executable PARTNERLINT_BROWSER names, before any browser the machine has', () => {
    process.env['PARTNERLINT_BROWSER'] = process.execPath; // any existing file stands in
    assert.deepEqual(runner.ensureBrowser(), { executablePath: process.execPath, source: 'PARTNERLINT_BROWSER' });
  });

  it('says so when PARTNERLINT_BROWSER names a file that does not exist, instead of installing one', () => {
    process.env['PARTNERLINT_BROWSER'] = '/nonexistent/chromium';
    assert.throws(() => runner.ensureBrowser(), /PARTNERLINT_BROWSER names \/nonexistent\/chromium, which does not exist/);
  });
});
