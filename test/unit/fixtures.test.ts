/**
 * Fixture documents under test/fixtures/ mark the problems they must produce inline, on the
 * line where each problem starts: `<!-- expect: rule-id, other-rule -->` (a rule repeated once
 * per problem); in front matter, where HTML comments cannot go, a YAML comment `# expect: rule-id`. A file whose name starts with `clean-` must produce nothing. Every fixture is
 * also fixed with fix-all, and the result must have nothing fixable left.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, fixAll, RULES, DEFAULT_CONFIG } from '../../src/core';

// Tests run from the repository root (npm scripts do), wherever their bundles were written.
const FIXTURES = join(process.cwd(), 'test/fixtures');
const MARK = /<!--\s*expect:\s*([\w\s,-]+?)\s*-->|#\s*expect:\s*([\w,-]+(?:[ \t]*,[ \t]*[\w-]+)*)[ \t]*$/g;

function expected(text: string): string[] {
  const out: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (const m of line.matchAll(MARK)) {
      for (const id of (m[1] ?? m[2])!.split(',').map((s) => s.trim()).filter(Boolean)) out.push(`${i + 1} ${id}`);
    }
  });
  return out.sort();
}

describe('fixture documents', () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort()) {
    it(file, () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const found = lintText(text, RULES, DEFAULT_CONFIG).diagnostics.map((d) => `${d.range.start.line + 1} ${d.ruleId}`).sort();
      const want = expected(text);
      if (file.startsWith('clean-')) assert.equal(want.length, 0, 'a clean- fixture carries no expect marks');
      assert.deepEqual(found, want);
      const lint = (t: string) => lintText(t, RULES, DEFAULT_CONFIG).diagnostics;
      const { text: fixed } = fixAll(text, lint);
      assert.deepEqual(lint(fixed).filter((d) => d.fix).map((d) => d.ruleId), [], 'fix-all left fixable problems');
    });
  }
});
