import * as assert from 'node:assert/strict';
import { lintText, RULES, DEFAULT_CONFIG } from '../../src/core';
import { parseConfigText } from '../../src/core/config-file';
import { KNOWN_IDS } from '../../src/core/lint-file';
import { DEFAULT_VOCABULARY, isNonAnswer } from '../../src/core/vocabulary';
import { withoutPlaceholders } from '../../src/models';
import { DEFAULT_CHARTER_VOCABULARY } from '../../src/models/charter-vocabulary';
import { findGoNoGo, PHASE_VOCABULARY } from '../../src/models/phases';
import { evaluate, isUnanswered } from '../../src/trees/walk';
import type { DecisionTree } from '../../src/trees/types';

/**
 * One list of non-answers (`Vocabulary.nonAnswers`), read the same way by every rule that asks
 * whether something was answered (issue 14, item 9: "Go/no-go: pending" and "TBA" passed in a
 * rollout while "to be decided" was reported).
 */

/** Each entry as an author would write it (the `/pattern/` entry by an example). */
const ENTRIES = DEFAULT_VOCABULARY.nonAnswers.map((e) => (e.startsWith('/') ? 'not yet decided' : e));
/** Placeholders are no answer either. */
const EVERY_BLANK = [...ENTRIES, 'TBD', 'TBC', '[threshold]', '—'];

const plan = (gate: string) => [
  '---', 'type: rollout-plan', '---', '# Acme × Globex rollout', '',
  '- **Crawl** (6 weeks): two pilot customers.', `  Go/no-go: ${gate}`,
  '- **Walk** (10 weeks): eight more customers.', `  Go/no-go: ${gate}`,
  '- **Run** (from Q3 2027): all customers.',
].join('\n');

const tiering = (cell: string) => [
  '---', 'type: partner-tiering', '---', '# Acme Partner Tiers', '',
  '| Tier | Benefits | Criteria to advance |', '| --- | --- | --- |',
  `| Registered | Docs, office hours | ${cell} |`, `| Select | Monthly syncs | ${cell} |`, '| Premier | Partner manager | — |',
].join('\n');

// placeholder-left reports placeholders ("TBD", "[threshold]") wherever they are, answers or not: left aside.
const ruleIds = (text: string, config = DEFAULT_CONFIG) => lintText(text, RULES, config).diagnostics.map((d) => d.ruleId).filter((id) => id !== 'placeholder-left').sort();

describe('non-answers: one list, one reading', () => {
  it('each entry, alone or with punctuation and a prompt, is no answer; real answers are', () => {
    for (const entry of EVERY_BLANK) {
      for (const text of [entry, `${entry}.`, ` ${entry.toUpperCase()} `, `[owner] ${entry}`]) assert.equal(isNonAnswer(text), true, text);
    }
    for (const answer of ['20% adoption', 'None of the pilots churn', 'later phases add EMEA', 'pending legal review by 2027-03-01', '2 pilots renew', '0']) {
      assert.equal(isNonAnswer(answer), false, answer);
    }
  });

  it('a go/no-go made only of a non-answer states no criterion', () => {
    for (const entry of EVERY_BLANK) assert.equal(findGoNoGo(`Go/no-go: ${entry}`, PHASE_VOCABULARY, DEFAULT_VOCABULARY), undefined, entry);
    assert.ok(findGoNoGo('Go/no-go: 20% of pilots renew', PHASE_VOCABULARY, DEFAULT_VOCABULARY));
  });

  it('every rule reads a rollout gate of each entry as it reads "to be decided"', () => {
    const expected = ruleIds(plan('to be decided'));
    assert.ok(expected.includes('rollout-go-no-go-missing'));
    for (const entry of EVERY_BLANK) assert.deepEqual(ruleIds(plan(entry)), expected, entry);
    assert.ok(!ruleIds(plan('at least 70% of invited customers adopt')).includes('rollout-go-no-go-missing'));
  });

  it('every rule reads a tier criteria cell of each entry as an empty one', () => {
    const expected = ruleIds(tiering('—'));
    assert.ok(expected.includes('tiers-no-graduation-path'));
    for (const entry of EVERY_BLANK) assert.deepEqual(ruleIds(tiering(entry)), expected, entry);
    assert.ok(!ruleIds(tiering('5 joint customers')).includes('tiers-no-graduation-path'));
  });

  it('charter content: each entry leaves nothing written', () => {
    for (const entry of EVERY_BLANK) assert.doesNotMatch(withoutPlaceholders(`${entry}.`, DEFAULT_VOCABULARY, DEFAULT_CHARTER_VOCABULARY), /[\p{L}\p{N}]/u, entry);
  });

  it('a decision answer of each entry is unanswered, unless the question offers it as an answer', () => {
    const tree: DecisionTree = {
      id: 't', title: 'T', description: 'D', start: 'q',
      questions: {
        q: { text: 'Exclusive?', answers: { yes: { label: 'Yes', hint: 'H', next: 'r' }, no: { label: 'No', hint: 'H', next: 'r' } } },
        r: { text: 'Which exclusivity?', answers: { none: { label: 'None', hint: 'H', outcome: 'o' }, full: { label: 'Full', hint: 'H', outcome: 'o' } } },
      },
      outcomes: { o: { title: 'O', rationale: 'R' } },
    } as unknown as DecisionTree;
    for (const entry of EVERY_BLANK) {
      assert.equal(isUnanswered(entry), true, entry);
      assert.deepEqual(evaluate(tree, { q: entry }), { status: 'incomplete', missing: 'q', path: [] }, entry);
    }
    assert.equal(evaluate(tree, { q: 'yes', r: 'none' }).status, 'outcome');
    assert.equal(evaluate(tree, { q: 'perhaps' }).status, 'invalid-answer');
  });

  it('a team adds its own non-answers in .partnerlint.yaml, and every reader takes them', () => {
    const parsed = parseConfigText('vocabulary:\n  nonAnswers:\n    - awaiting sign-off\n', '/w/.partnerlint.yaml', KNOWN_IDS);
    assert.deepEqual(parsed.problems, []);
    const config = parsed.apply(DEFAULT_CONFIG);
    assert.ok(!ruleIds(plan('awaiting sign-off')).includes('rollout-go-no-go-missing'));
    assert.deepEqual(ruleIds(plan('awaiting sign-off'), config), ruleIds(plan('to be decided'), config));
    assert.deepEqual(ruleIds(tiering('awaiting sign-off'), config), ruleIds(tiering('—'), config));
  });
});
