/**
 * The unit tests run in two stages (docs/testing.md): `.mocharc.json` (test:unit, the quick
 * in-process tests) and `.mocharc.thorough.json` (test:thorough: random edits, generated and
 * hostile documents, the public corpus, the CLI as a child process, the package). `npm test`
 * runs both. Every test file must run in exactly one of them: a file listed as thorough is left
 * out of the unit stage by name, and nothing else is.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const config = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8')) as { spec: string[] };

describe('the two unit test stages', () => {
  const unit = config('.mocharc.json').spec;
  const thorough = config('.mocharc.thorough.json').spec;
  const thoroughNames = thorough.map((spec) => /^out\/test\/unit\/([\w-]+)\.test\.js$/.exec(spec)?.[1]);

  it('lists each thorough test file by name, and each exists', () => {
    for (const [i, name] of thoroughNames.entries()) {
      assert.ok(name, `${thorough[i]} is one test file in out/test/unit`);
      assert.ok(existsSync(join(ROOT, `test/unit/${name}.test.ts`)), `test/unit/${name}.test.ts`);
    }
    assert.equal(new Set(thoroughNames).size, thoroughNames.length);
  });

  it('leaves exactly the thorough files out of the unit stage, which takes every other file', () => {
    const top = unit.find((spec) => spec.startsWith('out/test/unit/!('));
    const left = /^out\/test\/unit\/!\(([\w|-]+)\)\.test\.js$/.exec(top ?? '')?.[1]?.split('|');
    assert.ok(left, `the unit stage takes the top-level files but the thorough ones: ${JSON.stringify(unit)}`);
    assert.deepEqual([...left].sort(), [...thoroughNames].sort());
    assert.ok(unit.includes('out/test/unit/*/**/*.test.js'), 'and every file in a subfolder');
    assert.equal(unit.length, 2);
  });

  it('both run in npm test', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.equal(scripts['test:thorough'], 'mocha --config .mocharc.thorough.json');
    assert.match(scripts['test']!, /npm run test:unit && npm run test:thorough && npm run test:integration/);
  });
});
