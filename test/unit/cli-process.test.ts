/**
 * The built CLI as a process, where in-process tests of main() cannot reach: what happens when
 * whatever reads its output stops reading early (`partnerlint . | head`).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli } from './cli-helpers';

describe('partnerlint CLI as a process', function () {
  this.timeout(60_000);
  let dist: string;
  let own = false;
  let work: string;

  before(() => {
    ({ dist, own } = builtCli());
    work = mkdtempSync(join(tmpdir(), 'partnerlint-process-'));
  });
  after(() => {
    if (own) rmSync(dist, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('drops the rest of its output and exits with its real code when the reader closes the pipe', async () => {
    // About 600 warnings (some 200 KB of JSON): far more output than a pipe holds, so writing outlives the reader.
    const lines = Array.from({ length: 600 }, (_, i) => `- Owner ${i}: TBD`);
    writeFileSync(join(work, 'charter.md'), ['---', 'type: partnership-charter', '---', '# Charter', '', '## Governance', '', ...lines, ''].join('\n'));
    // Through a shell pipe into `head`, which reads 100 bytes and closes its end, as people do.
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${join(dist, 'cli.js')}" --format json charter.md | head -c 100; echo; echo "exit \${PIPESTATUS[0]}" >&2`], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(piped.stdout.length, 101, 'head read its 100 bytes (and the echo ended the line)');
    const code = Number(/exit (\d+)\s*$/.exec(piped.stderr)?.[1]);
    assert.doesNotMatch(piped.stderr, /EPIPE|Unhandled|crashed/, piped.stderr);
    const whole = spawnSync(process.execPath, [join(dist, 'cli.js'), '--format', 'json', 'charter.md'], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.ok(whole.stdout.length > 1 << 17, `${whole.stdout.length} characters of output when read to the end`);
    assert.equal(code, whole.status, 'the same exit code as when the output is read to the end');
  });
});
