/**
 * PartnerLint's parser must run on micromark 4.0.2, pinned in package.json with
 *
 *   "overrides": { "micromark": "4.0.2" }
 *
 * micromark 4.0.3 re-copies the whole event list of the document each time a list item or block
 * quote closes (initialize/document.js now goes through micromark-util-edit-map), so its cost
 * grows with the square of the size on list-heavy documents: several times slower than 4.0.2 at
 * 1 MB (docs/performance.md, section "micromark"; `node scripts/bench/micromark.mjs`).
 * mdast-util-from-markdown accepts any micromark ^4.0.0, and nothing else in the tree depends on
 * micromark, so the override is safe.
 *
 * This test fails until the override is in package.json and `npm install` has run; from then on
 * it passes, and it fails again if a lockfile refresh or a dependency bump lets 4.0.3 back in.
 * When micromark publishes a release without the slowdown (check with the bench), move PINNED
 * and the override to it together.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PINNED = '4.0.2';
const ROOT = process.cwd();

interface PackageJson {
  name?: string;
  version?: string;
  overrides?: Record<string, unknown>;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** The folder of package `name` as Node (and esbuild, when bundling) resolve it from package folder `from`. */
function resolvePackageDir(name: string, from: string): string {
  const entry = createRequire(join(from, 'package.json')).resolve(name);
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && readPackage(dir).name === name) return dir;
  }
  throw new Error(`Found ${entry} for ${name}, but no package.json of ${name} above it`);
}

describe('micromark version', () => {
  it(`the parser runs on micromark ${PINNED}, the pinned version without the list slowdown`, () => {
    // The chain parse.ts really uses: remark-parse -> mdast-util-from-markdown -> micromark.
    const remarkParse = resolvePackageDir('remark-parse', ROOT);
    const fromMarkdown = resolvePackageDir('mdast-util-from-markdown', remarkParse);
    const micromark = resolvePackageDir('micromark', fromMarkdown);
    const version = readPackage(micromark).version;
    const override = readPackage(ROOT).overrides?.['micromark'];
    assert.equal(
      version,
      PINNED,
      `mdast-util-from-markdown resolves micromark ${version} (${micromark}), not ${PINNED}. ` +
        (override === PINNED
          ? `package.json has the override "micromark": "${PINNED}": run npm install so node_modules follows it.`
          : `Add "overrides": { "micromark": "${PINNED}" } to package.json and run npm install` +
            (override !== undefined ? ` (the override there now is ${JSON.stringify(override)}).` : '.')) +
        ' See docs/performance.md for why.',
    );
  });
});
