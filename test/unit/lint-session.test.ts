import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lintText, RULES, type Rule } from '../../src/core';
import { LintSession } from '../../src/core/lint-session';
import { bigCharter } from './big-charter';

/** A rule that records the vocabulary object it is handed (memos are keyed by its identity). */
function vocabularyWitness(seen: object[]): Rule {
  return { ...RULES[0]!, meta: { ...RULES[0]!.meta, id: 'witness' }, check: ({ vocabulary }) => void seen.push(vocabulary) };
}

describe('the lint session the worker keeps', () => {
  it('hands rules one configuration object for equal configurations, whatever copy arrives', () => {
    const session = new LintSession();
    const seen: object[] = [];
    const rules = [...RULES, vocabularyWitness(seen)];
    const text = bigCharter(80);
    const custom = { ...structuredClone(DEFAULT_CONFIG), maxNesting: 50 };
    session.lint('a', text, structuredClone(custom), rules);
    session.lint('a', `${text}\nMore.\n`, structuredClone(custom), rules);
    session.lint('b', text, structuredClone(custom), rules);
    assert.equal(seen.length, 3);
    assert.equal(seen[1], seen[0], 'the second copy is the first one');
    assert.equal(seen[2], seen[0], 'and so for another document');
    session.lint('a', text, { ...structuredClone(custom), maxNesting: 60 }, rules);
    assert.notEqual(seen[3], undefined);
  });

  it('lints each document from its own previous version, forgets closed ones, and keeps at most its limit', () => {
    const session = new LintSession(2);
    const text = bigCharter(80);
    for (const key of ['a', 'b']) session.lint(key, text);
    const edited = `${text}\nOne more paragraph.\n`;
    assert.deepEqual(session.lint('a', edited), lintText(edited, RULES));
    assert.equal(session.lastUpdate('a')?.parse, 'incremental');
    session.close('a');
    assert.equal(session.lastUpdate('a'), undefined);
    session.lint('c', text);
    session.lint('d', text);
    assert.equal(session.size, 2, 'the least recently linted are dropped');
    assert.equal(session.lastUpdate('b'), undefined);
  });
});
