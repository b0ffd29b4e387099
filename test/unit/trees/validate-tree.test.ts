import * as assert from 'node:assert/strict';
import { loadTree, validateTree, TREE_FIELDS, TREE_ID_PATTERN, type TreeProblem } from '../../../src/trees';
import schema from '../../../schemas/decision-tree.schema.json';

const GOOD = [
  'id: tiny',
  'title: Tiny',
  'description: A two-question tree.',
  'start: first',
  'questions:',
  '  first:',
  '    text: First?',
  '    answers:',
  '      yes: { label: "Yes", hint: "Yes — go on", next: second }',
  '      no: { label: "No", hint: "No — stop", outcome: stop }',
  '  second:',
  '    text: Second?',
  '    hint: Think.',
  '    answers:',
  '      yes: { label: "Yes", hint: "Yes — done", outcome: done }',
  '      no: { label: "No", hint: "No — stop", outcome: stop }',
  'outcomes:',
  '  done: { title: Done, rationale: Because. }',
  '  stop: { title: Stop, rationale: Because. }',
  '',
].join('\n');

/** Loads `text` and returns its problems with the text each one points at. */
function problems(text: string): Array<TreeProblem & { at: string }> {
  return loadTree(text).problems.map((p) => ({ ...p, at: p.range ? text.slice(p.range.start, p.range.end) : '' }));
}

function only(text: string, code: TreeProblem['code']): TreeProblem & { at: string } {
  const found = problems(text);
  assert.deepEqual(found.map((p) => p.code), [code], JSON.stringify(found, null, 1));
  return found[0]!;
}

describe('decision tree validation', () => {
  it('accepts a well-formed tree and returns it', () => {
    const loaded = loadTree(GOOD);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.tree?.id, 'tiny');
  });

  it('reports YAML that does not parse, at the error, and returns no tree', () => {
    const text = GOOD.replace('title: Tiny', 'title: [Tiny');
    const loaded = loadTree(text);
    assert.equal(loaded.tree, undefined);
    assert.ok(loaded.problems.length > 0);
    assert.ok(loaded.problems.every((p) => p.code === 'yaml-syntax' && p.range !== undefined));
  });

  it('reports a top level that is not a mapping', () => {
    assert.equal(only('- a\n- b\n', 'not-a-mapping').at, '- a\n- b\n');
    assert.equal(validateTree(null)[0]!.code, 'not-a-mapping');
  });

  it('reports a missing start question on the tree, and a start that names no question on its value', () => {
    const missing = only(GOOD.replace('start: first\n', ''), 'missing-start');
    assert.deepEqual(missing.path, ['start']);
    assert.equal(only(GOOD.replace('start: first', 'start: frist'), 'unknown-start').at, 'frist');
  });

  it('reports missing and empty required fields, at the entry they belong to', () => {
    const p = only(GOOD.replace('    text: Second?\n', ''), 'missing-field');
    assert.deepEqual(p.path, ['questions', 'second', 'text']);
    assert.equal(p.at, 'second');
    assert.equal(only(GOOD.replace('title: Tiny', 'title: ""'), 'missing-field').at, 'title');
    assert.match(only(GOOD.replace('hint: "No — stop", outcome: stop }\n  second', 'outcome: stop }\n  second'), 'missing-field').message, /no `hint`/);
  });

  it('reports fields of the wrong type', () => {
    assert.equal(only(GOOD.replace('title: Tiny', 'title: [a, b]'), 'wrong-type').at, '[a, b]');
    assert.equal(only(GOOD.replace('    hint: Think.', '    hint: 3'), 'wrong-type').at, '3');
  });

  it('reports ids that are not kebab-case', () => {
    const p = problems(GOOD.replace(/second/g, 'Second_Q'));
    assert.deepEqual(p.map((x) => [x.code, x.at]), [['bad-id', 'Second_Q']]);
    assert.equal(only(GOOD.replace('id: tiny', 'id: Tiny Tree'), 'bad-id').at, 'Tiny Tree');
  });

  it('warns about fields decision trees do not use, and still returns the tree', () => {
    const text = GOOD.replace('    hint: Think.', '    hnt: Think.');
    const p = only(text, 'unknown-field');
    assert.equal(p.severity, 'warning');
    assert.equal(p.at, 'hnt');
    assert.ok(loadTree(text).tree);
  });

  it('reports a next that names no question and an outcome that names no outcome, on the value', () => {
    assert.equal(only(GOOD.replace('next: second', 'next: secnd'), 'unknown-next').at, 'secnd');
    assert.equal(only(GOOD.replace('outcome: done', 'outcome: dun'), 'unknown-outcome').at, 'dun');
  });

  it('reports answers with both next and outcome, or neither', () => {
    const both = only(GOOD.replace('next: second }', 'next: second, outcome: stop }'), 'next-and-outcome');
    assert.deepEqual(both.path, ['questions', 'first', 'answers', 'yes']);
    assert.equal(both.at, 'yes');
    assert.equal(only(GOOD.replace(', next: second }', ' }'), 'no-next-or-outcome').at, 'yes');
  });

  it('reports a question with fewer than two answers, and a yes without a no', () => {
    const one = GOOD.replace('      no: { label: "No", hint: "No — stop", outcome: stop }\n  second', '  second');
    assert.equal(only(one, 'too-few-answers').at, 'answers');
    const other = GOOD.replace('      no: { label: "No", hint: "No — stop", outcome: stop }\n  second', '      later: { label: "Later", hint: "Later — ask again", outcome: stop }\n  second');
    assert.match(only(other, 'yes-without-no').message, /yes but not no/);
    const none = GOOD.replace(/    answers:\n      yes: \{ label: "Yes", hint: "Yes — done", outcome: done \}\n      no: \{ label: "No", hint: "No — stop", outcome: stop \}\n/, '    answers: {}\n');
    assert.deepEqual(problems(none).map((x) => x.code), ['too-few-answers', 'unreachable-outcome']);
  });

  it('reports a cycle on the next that closes it', () => {
    const text = GOOD.replace('yes: { label: "Yes", hint: "Yes — done", outcome: done }', 'yes: { label: "Yes", hint: "Yes — again", next: first }');
    const p = problems(text);
    assert.deepEqual(p.map((x) => x.code), ['cycle', 'unreachable-outcome']);
    assert.deepEqual(p[0]!.path, ['questions', 'second', 'answers', 'yes', 'next']);
    assert.match(p[0]!.message, /first → second → first/);
    assert.equal(loadTree(text).tree, undefined);
  });

  it('warns about questions and outcomes no path reaches', () => {
    const text = GOOD.replace('outcomes:\n', '  orphan:\n    text: Orphan?\n    answers:\n      yes: { label: "Yes", hint: "h", outcome: stop }\n      no: { label: "No", hint: "h", outcome: stop }\noutcomes:\n  unused: { title: Unused, rationale: Never. }\n');
    const p = problems(text);
    assert.deepEqual(p.map((x) => [x.code, x.severity, x.at]), [['unreachable-question', 'warning', 'orphan'], ['unreachable-outcome', 'warning', 'unused']]);
    assert.ok(loadTree(text).tree, 'warnings leave the tree usable');
  });

  it('never throws, whatever it is given', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`);
    for (const text of ['', ':', '{', '- [', 'id: 1\nquestions: 7\noutcomes: [1]', bomb.join('\n'), 'questions:\n  a:\n    answers: [1, 2]\n', '---\na: 1\n---\nb: 2\n', 'x'.repeat(600 * 1024)]) {
      const loaded = loadTree(text);
      assert.equal(loaded.tree, undefined, text.slice(0, 40));
      assert.ok(loaded.problems.length > 0);
    }
    for (const value of [undefined, 0, 'tree', [], { questions: [] }, { questions: { a: null }, outcomes: { b: 3 } }]) {
      assert.ok(validateTree(value).length > 0);
    }
  });

  it('agrees with the JSON Schema about fields and ids', () => {
    const s = schema as unknown as {
      $schema: string; required: string[]; properties: Record<string, unknown>;
      definitions: Record<string, { required?: string[]; properties?: Record<string, unknown>; pattern?: string }>;
    };
    assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(s.required, [...TREE_FIELDS.tree.required]);
    assert.deepEqual(Object.keys(s.properties).sort(), [...TREE_FIELDS.tree.required].sort());
    for (const level of ['question', 'answer', 'outcome'] as const) {
      assert.deepEqual(s.definitions[level]!.required, [...TREE_FIELDS[level].required], level);
      assert.deepEqual(Object.keys(s.definitions[level]!.properties!).sort(), [...TREE_FIELDS[level].required, ...TREE_FIELDS[level].optional].sort(), level);
    }
    assert.equal(s.definitions['id']!.pattern, TREE_ID_PATTERN.source);
  });
});
