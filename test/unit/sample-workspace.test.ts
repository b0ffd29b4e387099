/**
 * The scratch copy of examples/ that `npm start` opens (scripts/vscode/sample-workspace.mjs):
 * what a person edits there stays there, a changed example is copied again, and the copy
 * never writes into the folder it copies from.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface SyncResult {
  copied: string[];
  kept: string[];
  removed: string[];
}
interface SampleWorkspace {
  syncSampleWorkspace(source: string, target: string, options?: { reset?: boolean }): SyncResult;
}

const MODULE = join(process.cwd(), 'scripts/vscode/sample-workspace.mjs');

describe('npm start: the sample workspace copy', () => {
  let sample: SampleWorkspace;
  let dir: string;
  let source: string;
  let target: string;
  const read = (file: string) => readFileSync(file, 'utf8');

  before(async () => {
    const url = pathToFileURL(MODULE).href;
    sample = (await import(url)) as SampleWorkspace;
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'partnerlint-sample-'));
    source = join(dir, 'examples');
    target = join(dir, 'cache', 'sample-workspace');
    mkdirSync(join(source, 'nested'), { recursive: true });
    writeFileSync(join(source, 'charter.md'), '# Charter\n');
    writeFileSync(join(source, 'nested', 'decision.md'), '# Decision\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies every example on first use, keeping folders, and writes nothing into the source', () => {
    const result = sample.syncSampleWorkspace(source, target);
    assert.deepEqual(result.copied.sort(), ['charter.md', 'nested/decision.md']);
    assert.equal(read(join(target, 'nested', 'decision.md')), '# Decision\n');
    assert.ok(!existsSync(join(target, '.partnerlint-sample.json')), 'the bookkeeping file stays outside the workspace');
    writeFileSync(join(target, 'charter.md'), '# Charter\n\nEdited in the browser.\n');
    assert.equal(read(join(source, 'charter.md')), '# Charter\n', 'an edit in the copy never reaches the example');
  });

  it('keeps what the person wrote while the example is unchanged', () => {
    sample.syncSampleWorkspace(source, target);
    writeFileSync(join(target, 'charter.md'), '# Charter\n\nMy notes.\n');
    const result = sample.syncSampleWorkspace(source, target);
    assert.deepEqual(result.copied, []);
    assert.equal(read(join(target, 'charter.md')), '# Charter\n\nMy notes.\n');
  });

  it('copies an example again once it changes, and adds new ones', () => {
    sample.syncSampleWorkspace(source, target);
    writeFileSync(join(source, 'charter.md'), '# Charter v2\n');
    writeFileSync(join(source, 'launch.md'), '# Launch\n');
    const result = sample.syncSampleWorkspace(source, target);
    assert.deepEqual(result.copied.sort(), ['charter.md', 'launch.md']);
    assert.equal(read(join(target, 'charter.md')), '# Charter v2\n');
  });

  it('removes a deleted example from the copy only when nobody edited it', () => {
    writeFileSync(join(source, 'edited.md'), 'a\n');
    sample.syncSampleWorkspace(source, target);
    writeFileSync(join(target, 'edited.md'), 'a, then my words\n');
    rmSync(join(source, 'edited.md'));
    rmSync(join(source, 'charter.md'));
    const result = sample.syncSampleWorkspace(source, target);
    assert.deepEqual(result.removed, ['charter.md']);
    assert.ok(!existsSync(join(target, 'charter.md')));
    assert.equal(read(join(target, 'edited.md')), 'a, then my words\n');
  });

  it('starts over with reset', () => {
    sample.syncSampleWorkspace(source, target);
    writeFileSync(join(target, 'charter.md'), 'mine\n');
    writeFileSync(join(target, 'scratch.md'), 'a file of my own\n');
    sample.syncSampleWorkspace(source, target, { reset: true });
    assert.equal(read(join(target, 'charter.md')), '# Charter\n');
    assert.ok(!existsSync(join(target, 'scratch.md')));
  });

  it('is what npm start opens, and .vscode-test/ is ignored by git', () => {
    const start = read(join(process.cwd(), 'scripts/vscode/start.mjs'));
    assert.match(start, /join\(CACHE_DIR, 'sample-workspace'\)/);
    assert.match(read(join(process.cwd(), '.gitignore')), /^\.vscode-test\/$/m);
  });
});
