/**
 * Hostile input through the core: every document in hostile-inputs.ts is linted as an ordinary
 * Markdown file (the cheap path: a look at the front matter and the first heading) and marked as
 * a partnership charter (the full path: the parser and every rule). Each must finish within
 * BOUND_MS with a clear outcome: normal diagnostics, or one diagnostic saying why the document
 * was not analysed; never an exception, a rule that "failed on this document", or a range
 * outside the text. Hostile configuration and decision tree files must come back as problems.
 *
 * With PARTNERLINT_ROBUSTNESS_OUT=<file> the measured times are written there as the Markdown
 * table of docs/robustness.md.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { lintText, RULES, DEFAULT_CONFIG, TextIndex, NESTING_RULE_ID, COMPLEXITY_RULE_ID, type LintDiagnostic, type LintResult, type ResolvedConfig } from '../../src/core';
import { parseConfigText } from '../../src/core/config-file';
import { settingsPattern } from '../../src/core/vocabulary';
import { KNOWN_IDS } from '../../src/core/lint-file';
import { lintTreeFile } from '../../src/trees/lint-tree';
import { loadTree } from '../../src/trees/load';
import { AS_CHARTER, BOUND_MS, HOSTILE_CONFIGS, HOSTILE_DOCUMENTS, HOSTILE_TREES, PARSER_BOUND_DOCUMENTS, charterBody } from './hostile-inputs';
import { cpuTimed } from './cpu-time';

interface Row {
  input: string;
  as: string;
  size: number;
  ms: number;
  outcome: string;
}
const rows: Row[] = [];

const timed = cpuTimed;

function size(chars: number): string {
  if (chars >= 1_000_000) return `${(chars / 1_000_000).toFixed(1)} M chars`;
  if (chars >= 1000) return `${Math.round(chars / 1000)} K chars`;
  return `${chars} chars`;
}

/** What a lint result amounts to, in a few words for the table. */
function outcomeOf(result: LintResult): string {
  if (result.kind === undefined) return 'not a strategy document: skipped, no diagnostics';
  if (result.skippedReason) return `not analysed (${result.skippedReason}): ${result.diagnostics.map((d) => d.ruleId).join(', ')}`;
  const counts = new Map<string, number>();
  for (const d of result.diagnostics) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id, n]) => `${id} ×${n}`);
  return `${result.diagnostics.length} diagnostics${top.length > 0 ? ` (${top.join(', ')}${counts.size > 3 ? ', …' : ''})` : ''}`;
}

/** Every range and every fix edit inside the text, start before end. */
function assertInside(text: string, diagnostics: readonly LintDiagnostic[], where: string): void {
  const index = new TextIndex(text);
  const inside = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < index.lineCount && p.character >= 0 && p.character <= index.lineEnd(p.line) - index.lineStarts[p.line]!;
  const ordered = (r: LintDiagnostic['range']) => r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
  for (const d of diagnostics) {
    assert.ok(inside(d.range.start) && inside(d.range.end) && ordered(d.range), `${where}: ${d.ruleId} range ${JSON.stringify(d.range)} outside the text`);
    for (const fix of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])]) {
      for (const e of fix.edits) assert.ok(inside(e.range.start) && inside(e.range.end) && ordered(e.range), `${where}: ${d.ruleId} edit outside the text`);
    }
  }
}

function check(text: string, where: string, config: ResolvedConfig = DEFAULT_CONFIG): { result: LintResult; ms: number } {
  const { value: result, ms } = timed(() => lintText(text, RULES, config));
  const failed = result.diagnostics.filter((d) => /failed on this document/.test(d.message));
  assert.deepEqual(failed.map((d) => d.message), [], where);
  assertInside(text, result.diagnostics, where);
  return { result, ms };
}

after(() => {
  const out = process.env['PARTNERLINT_ROBUSTNESS_OUT'];
  if (!out) return;
  const lines = ['| Input | Linted as | Size | Time | Outcome |', '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.input} | ${r.as} | ${size(r.size)} | ${r.ms} ms | ${r.outcome.replace(/\|/g, '\\|')} |`);
  writeFileSync(out, lines.join('\n') + '\n');
});

describe('hostile input: documents', function () {
  this.timeout(Math.max(60_000, BOUND_MS * 6));

  for (const doc of HOSTILE_DOCUMENTS) {
    describe(doc.name, () => {
      it('as an ordinary file: the cheap skip path, no diagnostics', () => {
        const text = doc.ordinary();
        const { result, ms } = check(text, `${doc.name} (ordinary)`);
        rows.push({ input: doc.name, as: 'ordinary file', size: text.length, ms, outcome: outcomeOf(result) });
        assert.equal(result.kind, undefined, 'no strategy kind');
        assert.deepEqual(result.diagnostics, []);
        assert.ok(ms < BOUND_MS, `took ${ms} ms`);
      });

      it('as a charter: every rule runs, or one diagnostic says why not', () => {
        const text = doc.charter();
        const { result, ms } = check(text, `${doc.name} (charter)`);
        rows.push({ input: doc.name, as: 'charter', size: text.length, ms, outcome: outcomeOf(result) });
        assert.equal(result.kind, 'partnership-charter');
        if (result.skippedReason) {
          assert.equal(result.diagnostics.length, 1, 'one diagnostic says why');
          assert.ok([NESTING_RULE_ID, COMPLEXITY_RULE_ID].includes(result.diagnostics[0]!.ruleId), result.diagnostics[0]!.ruleId);
          assert.equal(result.diagnostics[0]!.severity, 'info');
        } else {
          assert.ok(result.diagnostics.length > 0, 'a charter body with gaps gets diagnostics');
        }
        assert.ok(ms < (doc.boundMs ?? BOUND_MS), `took ${ms} ms`);
      });
    });
  }

  describe('shapes the Markdown parser itself takes super-linear time on (refused by the engine guard, see docs/robustness.md)', () => {
    for (const doc of PARSER_BOUND_DOCUMENTS) {
      describe(doc.name, () => {
        it('as an ordinary file: skipped at once', () => {
          const text = doc.ordinary();
          const { result, ms } = check(text, `${doc.name} (ordinary)`);
          rows.push({ input: doc.name, as: 'ordinary file', size: text.length, ms, outcome: outcomeOf(result) });
          assert.equal(result.kind, undefined);
          assert.ok(ms < BOUND_MS, `took ${ms} ms`);
        });
        it('as a charter: not parsed, one diagnostic saying why and where, in bounded time', () => {
          const text = doc.charter();
          const { result, ms } = check(text, `${doc.name} (charter)`);
          rows.push({ input: doc.name, as: 'charter', size: text.length, ms, outcome: outcomeOf(result) });
          assert.equal(result.kind, 'partnership-charter');
          assert.deepEqual(result.diagnostics.map((d) => [d.ruleId, d.severity, d.range.start.line]), [[COMPLEXITY_RULE_ID, 'info', 3]]);
          assert.match(result.diagnostics[0]!.message, /^PartnerLint did not analyse this document: the text at line 4 /);
          assert.ok(ms < BOUND_MS, `took ${ms} ms`);
        });
      });
    }
  });
});

describe('hostile input: regressions found while hardening', function () {
  this.timeout(30_000);

  it('a line of a thousand "[" without "]" does not make the commitment rules quadratic', () => {
    const { ms } = check(`${AS_CHARTER}## Value Exchange\n\n${'['.repeat(40_000)}\n`, 'brackets');
    assert.ok(ms < BOUND_MS, `took ${ms} ms`);
  });

  it('unclosed "<!--" and "<http:" marks do not make the commitment rules quadratic', () => {
    const { ms } = check(`${AS_CHARTER}## Value Exchange\n\n${'<!--'.repeat(20_000)}\n\n${'<http:'.repeat(20_000)} x\n`, 'comments');
    assert.ok(ms < BOUND_MS, `took ${ms} ms`);
  });

  it('thousands of "TBD" on one line do not make charter-empty-section quadratic', () => {
    const { ms } = check(`${AS_CHARTER}## Governance\n\n${'Owner: TBD. '.repeat(20_000)}\n`, 'tbd');
    assert.ok(ms < BOUND_MS, `took ${ms} ms`);
  });

  it('a long line of sentences does not make sentence splitting quadratic', () => {
    const { ms } = check(`${AS_CHARTER}## Value Exchange\n\n${'we will commit budget. '.repeat(10_000)}\n`, 'sentences');
    assert.ok(ms < BOUND_MS, `took ${ms} ms`);
  });

  it('thousands of phase headings in a rollout plan stay fast', () => {
    const plan = `---\ntype: rollout-plan\n---\n# Plan\n\n${Array.from({ length: 3000 }, (_, i) => `## ${['Crawl', 'Walk', 'Run'][i % 3]} ${i}\n\n- Dates: Jan 2026\n- Go/no-go: 20% improvement\n`).join('\n')}`;
    const { ms } = check(plan, 'phases');
    assert.ok(ms < BOUND_MS, `took ${ms} ms`);
  });

  it('deeply nested emphasis does not overflow a rule\'s stack', () => {
    const depth = 1500;
    const body = `${Array.from({ length: depth }, (_, i) => (i % 2 ? '*' : '_') + 'x ').join('')}TBD [amount] a${Array.from({ length: depth }, (_, i) => ` y${(depth - 1 - i) % 2 ? '*' : '_'}`).join('')}`;
    check(`${AS_CHARTER}# Charter\n\n## Governance\n\n${body}\n\n## Signatures\n\n${body}\n`, 'emphasis');
  });

  it('reads type: from oversized, alias-bombed and broken front matter, and says why the rest is not read', () => {
    for (const doc of HOSTILE_DOCUMENTS.filter((d) => /front matter/.test(d.name))) {
      const { result } = check(doc.charter(), doc.name);
      assert.equal(result.kind, 'partnership-charter', doc.name);
      assert.ok(result.diagnostics.some((d) => d.ruleId === 'frontmatter-invalid' && d.range.start.line <= 3), `${doc.name}: frontmatter-invalid reported`);
    }
  });

  it('a body made only of a charter prompt still lints', () => {
    check(`${AS_CHARTER}${charterBody()}`, 'body');
  });
});

describe('hostile input: configuration files', function () {
  this.timeout(60_000);
  const charter = `${AS_CHARTER}# Acme × Globex Partnership Charter\n\n## Governance\n\nOwner: TBD a placeholder word\n`;
  const ordinary = '# Notes\n\nTBD\n';

  for (const config of HOSTILE_CONFIGS) {
    it(`.partnerlint.yaml with ${config.name}: problems reported, documents still linted`, () => {
      const text = config.text();
      const { value: parsed, ms } = timed(() => parseConfigText(text, '/w/.partnerlint.yaml', KNOWN_IDS));
      const resolved = parsed.apply(DEFAULT_CONFIG);
      for (const p of parsed.problems) {
        assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${config.name}: problem offsets inside the file`);
        assert.ok(p.message.length > 0);
      }
      const asCharter = check(charter + (config.document ?? ''), `${config.name} (charter)`, resolved);
      const asOrdinary = check(ordinary, `${config.name} (ordinary)`, resolved);
      assert.equal(asCharter.result.kind, 'partnership-charter');
      assert.deepEqual(asOrdinary.result.diagnostics, []);
      rows.push({ input: `.partnerlint.yaml with ${config.name}`, as: 'configuration', size: text.length, ms, outcome: parsed.problems.length === 0 ? 'read, no problems' : `${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'} reported (config-invalid)` });
      assert.ok(ms + asCharter.ms + asOrdinary.ms < BOUND_MS, `took ${ms} ms`);
    });
  }

  it('an invalid regular expression in a vocabulary list is reported and left out, so no rule breaks', () => {
    const parsed = parseConfigText('vocabulary:\n  placeholders:\n    - "/[unclosed/"\n    - "/(?<n>a)/"\n    - "/ok+/"\n', '/w/.partnerlint.yaml', KNOWN_IDS);
    assert.deepEqual(parsed.problems.map((p) => p.message.replace(/can use \(.*\); it is/, 'can use (…); it is')), [
      '/[unclosed/ in vocabulary.placeholders is not a pattern PartnerLint can use (…); it is left out.',
      '/(?<n>a)/ in vocabulary.placeholders is not a pattern PartnerLint can use (…); it is left out.',
    ]);
    const resolved = parsed.apply(DEFAULT_CONFIG);
    assert.ok(resolved.vocabulary.placeholders.includes(settingsPattern('/ok+/')));
    const { result } = check(`${AS_CHARTER}# C\n\n## Governance\n\nOwner: okkk\n`, 'regex', resolved);
    assert.ok(result.diagnostics.some((d) => d.ruleId === 'placeholder-left' && /okkk/.test(d.message)));
  });

  it('a configuration file over 512 KB is reported once and not parsed', () => {
    const parsed = parseConfigText(HOSTILE_CONFIGS.find((c) => c.name === '5 MB')!.text(), '/w/.partnerlint.yaml', KNOWN_IDS);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0]!.message, /larger than 512 KB/);
  });
});

describe('hostile input: decision tree files', function () {
  this.timeout(60_000);
  for (const tree of HOSTILE_TREES) {
    it(`.partnerlint/trees/x.yaml with ${tree.name}: problems reported, never a throw`, () => {
      const text = tree.text();
      const { value: diagnostics, ms } = timed(() => lintTreeFile(text));
      assertInside(text, diagnostics, tree.name);
      assert.ok(diagnostics.length > 0 || loadTree(text).tree !== undefined, `${tree.name}: either usable or reported`);
      // A valid tree stays valid whatever its line breaks, byte order mark or characters.
      if (/line endings|byte order mark|surrogates|200,000/.test(tree.name)) assert.deepEqual(diagnostics.map((d) => d.message), [], tree.name);
      rows.push({ input: `.partnerlint/trees/x.yaml with ${tree.name}`, as: 'decision tree', size: text.length, ms, outcome: diagnostics.length === 0 ? 'a usable tree, no problems' : `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} reported (tree-invalid)` });
      assert.ok(ms < BOUND_MS, `took ${ms} ms`);
    });
  }
});
