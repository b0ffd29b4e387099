import * as assert from 'node:assert/strict';
import { flawRanges, kindCorrect, missedTargets, scoreBenchmark, scoreDocument } from '../../bench/judge/score.mjs';
import type { Diagnostic, Label, Report } from '../../bench/judge/score.mjs';

const diag = (ruleId: string, line: number): Diagnostic => ({ ruleId, severity: 'warning', message: `${ruleId} at ${line}`, line, column: 1, endLine: line, endColumn: 2 });
const report = (file: string, kind: string, diagnostics: Diagnostic[]): Report => ({ file, kind, diagnostics });

describe('judge scoring (bench/judge/score.mjs)', () => {
  it('a diagnostic of the right rule outside the range is a false positive, and the flaw a miss', () => {
    const label: Label = { file: 'a.md', kind: 'partner-tiering', flaws: [{ rule: 'tiers-too-many', lines: [10, 12] }] };
    const outside = scoreDocument(label, report('a.md', 'partner-tiering', [diag('tiers-too-many', 13), diag('tiers-too-many', 9)]));
    assert.equal(outside.truePositives.length, 0);
    assert.equal(outside.falsePositives.length, 2);
    assert.equal(outside.misses.length, 1);
    assert.equal(outside.flaws[0]!.found, false);

    const inside = scoreDocument(label, report('a.md', 'partner-tiering', [diag('tiers-too-many', 10), diag('tiers-too-many', 12)]));
    assert.equal(inside.truePositives.length, 2, 'both ends of the range are inclusive; several diagnostics may match one flaw');
    assert.equal(inside.falsePositives.length, 0);
    assert.equal(inside.misses.length, 0);
  });

  it('a diagnostic in the range but of another rule does not match', () => {
    const label: Label = { file: 'a.md', kind: 'partner-tiering', flaws: [{ rule: 'tiers-too-many', lines: [10, 12] }] };
    const s = scoreDocument(label, report('a.md', 'partner-tiering', [diag('placeholder-left', 11)]));
    assert.deepEqual([s.truePositives.length, s.falsePositives.length, s.misses.length], [0, 1, 1]);
  });

  it('a flaw may name several rules; any of them matches', () => {
    const label: Label = { file: 'a.md', kind: 'rollout-plan', flaws: [{ rule: ['rollout-skips-crawl', 'rollout-go-no-go-missing'], lines: [5, 8] }] };
    const s = scoreDocument(label, report('a.md', 'rollout-plan', [diag('rollout-go-no-go-missing', 6)]));
    assert.deepEqual([s.truePositives.length, s.falsePositives.length, s.misses.length], [1, 0, 0]);
  });

  it('lines may be a list of ranges: a line between them does not match', () => {
    const flaw = { rule: 'commitment-unquantified', lines: [[203, 203], [232, 232]] as [number, number][] };
    assert.deepEqual(flawRanges(flaw), [[203, 203], [232, 232]]);
    assert.deepEqual(flawRanges({ rule: 'x', lines: [4, 9] }), [[4, 9]]);
    const label: Label = { file: 's.md', kind: 'partnership-strategy', flaws: [flaw] };
    const between = scoreDocument(label, report('s.md', 'partnership-strategy', [diag('commitment-unquantified', 210)]));
    assert.deepEqual([between.truePositives.length, between.falsePositives.length, between.misses.length], [0, 1, 1]);
    const second = scoreDocument(label, report('s.md', 'partnership-strategy', [diag('commitment-unquantified', 232)]));
    assert.deepEqual([second.truePositives.length, second.falsePositives.length, second.misses.length], [1, 0, 0]);
  });

  it('where: document matches the rule on any line, and only the rule', () => {
    const label: Label = { file: 'c.md', kind: 'partnership-charter', flaws: [{ rule: 'failure-cost-missing', where: 'document' }] };
    const s = scoreDocument(label, report('c.md', 'partnership-charter', [diag('failure-cost-missing', 1), diag('failure-cost-missing', 400), diag('governance-incomplete', 1)]));
    assert.deepEqual([s.truePositives.length, s.falsePositives.length, s.misses.length], [2, 1, 0]);
    assert.equal(flawRanges({ rule: 'x', where: 'document' }), null);
  });

  it('kinds: the label kind or an also kind is right; a missing report counts as none', () => {
    const label: Label = { file: 'p.md', kind: 'partnership-strategy', also: ['partner-tiering'] };
    assert.equal(kindCorrect(label, 'partnership-strategy'), true);
    assert.equal(kindCorrect(label, 'partner-tiering'), true);
    assert.equal(kindCorrect(label, 'rollout-plan'), false);
    assert.equal(kindCorrect(label, 'none'), false);
    assert.equal(scoreDocument({ file: 'n.md', kind: 'none' }, undefined).kindOk, true);
    assert.equal(scoreDocument(label, undefined).predictedKind, 'none');
  });

  it('every diagnostic on a none document is a false positive', () => {
    const s = scoreDocument({ file: 'n.md', kind: 'none' }, report('n.md', 'partnership-charter', [diag('charter-missing-section', 1)]));
    assert.equal(s.kindOk, false);
    assert.deepEqual([s.truePositives.length, s.falsePositives.length, s.flaws.length], [0, 1, 0]);
  });

  it('benchmark figures: precision over diagnostics, recall over flaws, silence over unlabelled files', () => {
    const labels: Label[] = [
      { file: 'a.md', kind: 'partner-tiering', flaws: [{ rule: 'tiers-too-many', lines: [10, 10] }, { rule: 'tiers-no-graduation-path', where: 'document' }] },
      { file: 'b.md', kind: 'partnership-charter', also: ['rollout-plan'], flaws: [{ rule: 'placeholder-left', lines: [[3, 4], [8, 9]] }] },
      { file: 'n.md', kind: 'none' },
    ];
    const reports = new Map<string, Report>([
      ['a.md', report('a.md', 'partner-tiering', [diag('tiers-too-many', 10), diag('tiers-too-many', 11)])],
      ['b.md', report('b.md', 'rollout-plan', [diag('placeholder-left', 3), diag('placeholder-left', 9), diag('placeholder-left', 3)])],
      ['n.md', report('n.md', 'none', [])],
    ]);
    const unlabelled = [report('node_modules/x/README.md', 'none', []), report('robustness/y.md', 'launch-plan', [diag('placeholder-left', 2)])];
    const { figures } = scoreBenchmark(labels, reports, unlabelled);
    assert.deepEqual(figures.kinds, { correct: 3, total: 3, accuracy: 1 });
    assert.deepEqual(figures.precision, { matched: 4, diagnostics: 5, value: 0.8 });
    // distinct (doc, rule, line): a:10 ok, a:11 not, b:3 ok, b:9 ok
    assert.deepEqual(figures.flawLevelPrecision, { matched: 3, distinct: 4, value: 0.75 });
    assert.deepEqual(figures.recall, { found: 2, flaws: 3, value: 2 / 3 });
    assert.deepEqual(figures.byRule['tiers-too-many'], { flaws: 1, found: 1, truePositives: 1, falsePositives: 1 });
    assert.deepEqual(figures.byRule['tiers-no-graduation-path'], { flaws: 1, found: 0, truePositives: 0, falsePositives: 0 });
    assert.deepEqual(figures.unlabelled, { files: 2, givenAKind: 1, diagnostics: 1, filesWithDiagnostics: 1 });
    assert.equal(figures.byKind['partner-tiering']!.recall, 0.5);
    const missed = missedTargets(figures);
    assert.equal(missed.length, 3, missed.join('; '));
    assert.match(missed.join('; '), /precision 80\.0%/);
    assert.match(missed.join('; '), /recall 66\.7% < 75\.0%/);
    assert.match(missed.join('; '), /1 diagnostics on unlabelled/);
  });

  it('rejects a flaw it could misread', () => {
    assert.throws(() => scoreDocument({ file: 'a.md', kind: 'rollout-plan', flaws: [{ rule: 'x' }] }, undefined), /needs lines/);
    assert.throws(() => flawRanges({ rule: 'x', lines: [9, 3] }), /bad line range/);
  });
});
