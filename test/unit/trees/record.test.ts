import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lintText, RULES, DEFAULT_CONFIG, findFrontMatter, type Rule } from '../../../src/core';
import { allPaths, builtinTree, builtinTrees, renderDecisionRecord, readRecordAnswers, answersFromPath, loadTree, recordUpdateEdits, updateRecordFrontMatter, type DecisionTree } from '../../../src/trees';
import { md } from '../helpers';
import { decisionAnswersMissing } from '../../../src/rules/decision-answers-missing';
import { decisionContradictsTree } from '../../../src/rules/decision-contradicts-tree';
import { placeholderLeft } from '../../../src/rules/placeholder-left';
import { frontmatterInvalid } from '../../../src/rules/frontmatter-invalid';
import { treeYaml } from './tree-helpers';

/** The rules that read decision records, run directly so the test means something before registration changes. */
const RECORD_RULES: readonly Rule[] = [frontmatterInvalid, decisionAnswersMissing, decisionContradictsTree, placeholderLeft];

function problems(text: string, config = DEFAULT_CONFIG): string[] {
  const all = [...lintText(text, RULES, config).diagnostics, ...lintText(text, RECORD_RULES, config).diagnostics];
  return all.map((d) => `${d.ruleId} ${d.range.start.line + 1}: ${d.message}`);
}

const SSO = builtinTree('build-vs-partner')!;

describe('renderDecisionRecord', () => {
  it('writes front matter and a readable body', () => {
    const text = renderDecisionRecord({
      tree: SSO,
      answers: { 'core-differentiation': 'no', 'roadmap-delay-over-6-months': 'yes' },
      date: '2026-11-02',
      decidedBy: 'Priya Natarajan (VP Product)',
    });
    assert.equal(text, [
      '---',
      'type: decision-record',
      'tree: build-vs-partner',
      'answers:',
      '  core-differentiation: no',
      '  roadmap-delay-over-6-months: yes',
      'outcome: partner',
      'date: 2026-11-02',
      'decided-by: Priya Natarajan (VP Product)',
      '---',
      '',
      '# Decision: Build or partner?',
      '',
      'Decided on 2026-11-02 by Priya Natarajan (VP Product), with the `build-vs-partner` decision tree.',
      '',
      '## Questions and answers',
      '',
      '1. **Is this capability part of what makes our product different from the alternatives?** No — customers expect it, but it does not set us apart',
      '2. **Would building it ourselves push the rest of the roadmap back by more than six months?** Yes — more than six months of roadmap delay',
      '',
      '## Outcome',
      '',
      `**Partner for it.** ${SSO.outcomes['partner']!.rationale}`,
      '',
    ].join('\n'));
  });

  it('lints clean for every path of every built-in tree, with and without a decider, LF and CRLF', () => {
    for (const tree of builtinTrees()) {
      for (const path of allPaths(tree)) {
        for (const eol of ['\n', '\r\n'] as const) {
          for (const decidedBy of [undefined, 'Dana Reyes']) {
            const text = renderDecisionRecord({ tree, answers: answersFromPath(path.steps), date: '2026-10-01', eol, ...(decidedBy ? { decidedBy } : {}) });
            assert.deepEqual(problems(text), [], `${tree.id} → ${path.outcome}`);
            assert.equal(lintText(text, RULES, DEFAULT_CONFIG).kind, 'decision-record');
            if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(text), 'every line break is CRLF');
          }
        }
      }
    }
  });

  it('records only the questions on the path, in the order asked, by their ids', () => {
    const text = renderDecisionRecord({
      tree: SSO,
      // Out of order, by label and as a YAML boolean, with a question the path never reaches.
      answers: { 'credible-partner-needs-us': 'no', 'core-differentiation': false, 'roadmap-delay-over-6-months': 'No', 'stray-question': 'yes' },
      date: '2026-11-02',
    });
    const fm = parse(text.split('---')[1]!);
    assert.deepEqual(Object.entries(fm.answers), [['core-differentiation', 'no'], ['roadmap-delay-over-6-months', 'no'], ['credible-partner-needs-us', 'no']]);
    assert.equal(fm.outcome, 'build');
    assert.ok(!('decided-by' in fm));
    assert.match(text, /\n3\. \*\*Is there a credible partner/);
    assert.match(text, /^Decided on 2026-11-02, with the/m);
  });

  it('quotes awkward values so the front matter still parses to what was given', () => {
    const decidedBy = 'O\'Brien: VP, #1 "growth" - [ops] & {partners} *';
    const text = renderDecisionRecord({ tree: SSO, answers: { 'core-differentiation': 'yes' }, date: '2026-11-02', decidedBy });
    const fm = findFrontMatter(text)!;
    assert.deepEqual(fm.yaml.errors, []);
    assert.equal((fm.data as Record<string, unknown>)['decided-by'], decidedBy);
    assert.deepEqual(problems(text).filter((p) => !p.startsWith('placeholder-left')), []);
  });

  it('writes a Date as its calendar day and names the subject in the title when given', () => {
    const text = renderDecisionRecord({ tree: SSO, answers: { 'core-differentiation': 'yes' }, date: new Date(2026, 0, 5, 23, 30), subject: 'single sign-on' });
    assert.match(text, /\ndate: 2026-01-05\n/);
    assert.match(text, /\n# Decision: single sign-on\n/);
  });

  it('shows answers whose hint does not repeat the label as "label — hint"', () => {
    const tree = builtinTree('leverage-qualification')!;
    const text = renderDecisionRecord({ tree, answers: { 'what-happens-without-us': 'lose-certification' }, date: '2026-11-02' });
    assert.match(text, /\*\* They lose a certification or program status — Requirement leverage: without us/);
    const customer = renderDecisionRecord({ tree, answers: { 'what-happens-without-us': 'lose-some-customers', 'leverage-type': 'customer' }, date: '2026-11-02' });
    assert.match(customer, /\*\* Customer demand — their own customers are asking/);
    assert.match(customer, /\noutcome: test-light-partnership\n/);
  });

  it('escapes Markdown in a custom tree\'s wording', () => {
    const tree = loadTree(treeYaml('vendor-risk').replace(/text: Does the vendor.*/, 'text: "Does the *vendor* hold a `SOC 2` <report> [current]_ or"')).tree as DecisionTree;
    assert.ok(tree);
    const text = renderDecisionRecord({ tree, answers: { 'vendor-certified': 'yes' }, date: '2026-11-02' });
    assert.match(text, /\*\*Does the \\\*vendor\\\* hold a \\`SOC 2\\` \\<report> \\\[current\\\]\\_ or/);
    const config = { ...DEFAULT_CONFIG, rules: { 'decision-answers-missing': { options: { trees: [tree] } }, 'decision-contradicts-tree': { options: { trees: [tree] } } } };
    assert.deepEqual(lintText(text, [decisionAnswersMissing, decisionContradictsTree, frontmatterInvalid], config).diagnostics, []);
  });

  it('refuses answers that do not reach an outcome', () => {
    assert.throws(() => renderDecisionRecord({ tree: SSO, answers: { 'core-differentiation': 'no' }, date: '2026-11-02' }), /question "roadmap-delay-over-6-months" has no answer/);
    assert.throws(() => renderDecisionRecord({ tree: SSO, answers: { 'core-differentiation': 'maybe' }, date: '2026-11-02' }), /"maybe" is not an answer/);
  });
});

describe('readRecordAnswers', () => {
  it('reads back what renderDecisionRecord wrote', () => {
    const tree = builtinTree('partnership-or-handshake')!;
    for (const path of allPaths(tree)) {
      const text = renderDecisionRecord({ tree, answers: answersFromPath(path.steps), date: '2026-11-02', eol: '\r\n' });
      assert.deepEqual(readRecordAnswers(text), { treeId: tree.id, answers: answersFromPath(path.steps), outcome: path.outcome });
    }
  });

  it('reads the sample record', () => {
    const text = readFileSync(join(process.cwd(), 'examples/build-vs-partner-sso.md'), 'utf8');
    assert.deepEqual(readRecordAnswers(text), {
      treeId: 'build-vs-partner',
      answers: { 'core-differentiation': 'no', 'roadmap-delay-over-6-months': 'yes' },
      outcome: 'partner',
    });
  });

  it('reads records as people write them', () => {
    const text = '---\ntype: decision-record\ntree: " Partner Tier "\nanswers:\n  self-serve-engineering: false\n  marquee-logo: Yes  # a comment\n  blank:\n  listed: [a, b]\n  __proto__: yes\noutcome: Tier 3\n---\n# x\n';
    assert.deepEqual(readRecordAnswers(text), { treeId: 'partner-tier', answers: { 'self-serve-engineering': 'no', 'marquee-logo': 'Yes' }, outcome: 'Tier 3' });
    assert.deepEqual(readRecordAnswers('---\ntype: decision-record\n---\n# x\n'), { treeId: undefined, answers: {}, outcome: undefined });
    assert.deepEqual(readRecordAnswers('---\ntree: true\nanswers: [a]\noutcome: ""\n---\n'), { treeId: undefined, answers: {}, outcome: undefined });
  });

  it('is undefined without front matter that parses into fields', () => {
    for (const text of ['# Decision\n', '---\n- a\n---\n', '---\ntree: [\n---\n', '', '---\njust text\n---\n']) assert.equal(readRecordAnswers(text), undefined, text);
  });
});

describe('updateRecordFrontMatter: only the fields that change are edited', () => {
  const body = md('', '# Decision: single sign-on', '', 'Long notes the author wrote.', '');
  const record = (...lines: string[]) => md('---', ...lines, '---') + body;

  it('changes one answer and the outcome in place, keeping comments, flow lists, long lines and the body', () => {
    const summary = `summary: ${'a long summary that a YAML printer would fold at eighty characters, '.repeat(3).trim()}`;
    const text = record(
      '# written after the offsite',
      'type: decision-record',
      'tree: build-vs-partner',
      'decided-by: [dana, lee]',
      summary,
      'answers:',
      '  core-differentiation: yes   # asked twice',
      'outcome: build  # revisit in Q3',
    );
    const edits = recordUpdateEdits(text, { 'core-differentiation': 'no', 'roadmap-delay-over-6-months': 'yes' }, 'partner')!;
    const updated = updateRecordFrontMatter(text, { 'core-differentiation': 'no', 'roadmap-delay-over-6-months': 'yes' }, 'partner');
    assert.equal(updated, record(
      '# written after the offsite',
      'type: decision-record',
      'tree: build-vs-partner',
      'decided-by: [dana, lee]',
      summary,
      'answers:',
      '  core-differentiation: no   # asked twice',
      '  roadmap-delay-over-6-months: yes',
      'outcome: partner  # revisit in Q3',
    ));
    // Three small edits, none of which touches the body.
    assert.equal(edits.length, 3);
    assert.ok(edits.every((e) => e.end - e.start <= 'build'.length && e.start < text.indexOf('# Decision')));
    assert.deepEqual(readRecordAnswers(updated!), { treeId: 'build-vs-partner', answers: { 'core-differentiation': 'no', 'roadmap-delay-over-6-months': 'yes' }, outcome: 'partner' });
  });

  it('makes no edit when the record already says the same, in its own words', () => {
    const text = record('type: decision-record', 'tree: build-vs-partner', 'answers:', '  core-differentiation: Yes', 'outcome: Build');
    assert.deepEqual(recordUpdateEdits(text, { 'core-differentiation': 'yes' }, 'build'), []);
  });

  it('removes an answer no longer on the path, with its line and comment only', () => {
    const text = record('type: decision-record', 'tree: build-vs-partner', 'answers:', '  core-differentiation: no', '  roadmap-delay-over-6-months: yes # long', 'outcome: partner', 'date: 2026-11-02');
    assert.equal(
      updateRecordFrontMatter(text, { 'core-differentiation': 'yes' }, 'build'),
      record('type: decision-record', 'tree: build-vs-partner', 'answers:', '  core-differentiation: yes', 'outcome: build', 'date: 2026-11-02'),
    );
  });

  it('keeps quotes, flow maps and CRLF', () => {
    const text = record('type: decision-record', 'tree: build-vs-partner', 'answers: {core-differentiation: "yes"}', "outcome: 'build'").replace(/\n/g, '\r\n');
    assert.equal(
      updateRecordFrontMatter(text, { 'core-differentiation': 'no', 'roadmap-delay-over-6-months': 'yes' }, 'partner'),
      record('type: decision-record', 'tree: build-vs-partner', 'answers: {core-differentiation: "no", roadmap-delay-over-6-months: yes}', "outcome: 'partner'").replace(/\n/g, '\r\n'),
    );
    const same = record('answers: { core-differentiation: "yes" }', 'outcome: "build"');
    assert.equal(updateRecordFrontMatter(same, { 'core-differentiation': 'no' }, 'build'), record('answers: { core-differentiation: "no" }', 'outcome: "build"'));
  });

  it('adds answers and outcome that are missing or empty, after the fields already there', () => {
    assert.equal(
      updateRecordFrontMatter(record('type: decision-record', 'tree: build-vs-partner # SSO'), { 'core-differentiation': 'yes' }, 'build'),
      record('type: decision-record', 'tree: build-vs-partner # SSO', 'answers:', '  core-differentiation: yes', 'outcome: build'),
    );
    assert.equal(
      updateRecordFrontMatter(record('type: decision-record', 'answers:', 'outcome:', 'date: 2026-11-02'), { 'core-differentiation': 'yes' }, 'build'),
      record('type: decision-record', 'answers:', '  core-differentiation: yes', 'outcome: build', 'date: 2026-11-02'),
    );
  });

  it('leaves a record whose front matter cannot be read alone', () => {
    for (const text of ['# no front matter\n', md('---', 'tree: [', '---'), md('---', '- a list', '---')]) {
      assert.equal(recordUpdateEdits(text, { a: 'yes' }, 'b'), undefined, text);
    }
  });
});
