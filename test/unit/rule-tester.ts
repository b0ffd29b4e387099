import * as assert from 'node:assert/strict';
import { lintText, applyFixes, DEFAULT_CONFIG, type Rule, type ResolvedConfig, type LintDiagnostic } from '../../src/core';

export interface ValidCase {
  /** Why this text must pass; becomes the test title. */
  name?: string;
  text: string;
  config?: Partial<ResolvedConfig>;
}

export interface ExpectedProblem {
  /** Matched against the message. */
  message?: RegExp;
  /** 1-based line the problem starts on. */
  line?: number;
  /** 1-based line the problem ends on. */
  endLine?: number;
}

export interface InvalidCase extends ValidCase {
  problems: ExpectedProblem[];
  /** The text after applying every problem's fix, when the rule fixes. */
  output?: string;
  /** The text after applying the first problem's first suggestion. */
  suggestionOutput?: string;
}

function run(rule: Rule, c: ValidCase): LintDiagnostic[] {
  const config: ResolvedConfig = { ...DEFAULT_CONFIG, ...c.config };
  return lintText(c.text, [rule], config).diagnostics;
}

/**
 * Valid/invalid tables for one rule, as ESLint's RuleTester does it: valid texts must yield
 * nothing; invalid ones exactly the listed problems (count, message, line), and fixes must
 * produce `output` and leave nothing fixable behind.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        it(c.name ?? `valid #${i + 1}`, () => {
          const found = run(rule, c);
          assert.deepEqual(found.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}`, () => {
          const found = run(rule, c);
          assert.equal(found.length, c.problems.length, `expected ${c.problems.length} problem(s), got:\n${found.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('\n')}`);
          c.problems.forEach((expected, j) => {
            const actual = found[j]!;
            assert.equal(actual.ruleId, rule.meta.id);
            if (expected.message) assert.match(actual.message, expected.message);
            if (expected.line !== undefined) assert.equal(actual.range.start.line + 1, expected.line, `line of problem ${j + 1}: ${actual.message}`);
            if (expected.endLine !== undefined) assert.equal(actual.range.end.line + 1, expected.endLine);
          });
          if (c.output !== undefined) {
            const fixes = found.flatMap((d) => (d.fix ? [d.fix] : []));
            assert.ok(fixes.length > 0, 'expected the rule to offer a fix');
            const fixed = applyFixes(c.text, fixes).text;
            assert.equal(fixed, c.output);
            const again = run(rule, { ...c, text: fixed });
            assert.deepEqual(again.filter((d) => d.fix).map((d) => d.message), [], 'the fixed text still has fixable problems');
          }
          if (c.suggestionOutput !== undefined) {
            const suggestion = found[0]?.suggestions?.[0];
            assert.ok(suggestion, 'expected a suggestion');
            assert.equal(applyFixes(c.text, [suggestion]).text, c.suggestionOutput);
          }
        });
      });
    });
  });
}
