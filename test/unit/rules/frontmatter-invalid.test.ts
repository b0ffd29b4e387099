import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testRule } from '../rule-tester';
import { frontmatterInvalid } from '../../../src/rules/frontmatter-invalid';
import { md } from '../helpers';
import { lintText, DEFAULT_CONFIG } from '../../../src/core';

const read = (path: string) => readFileSync(join(process.cwd(), path), 'utf8');

testRule(frontmatterInvalid, {
  valid: [
    { name: 'the sample charter', text: read('examples/acme-globex-charter.md') },
    { name: 'the sample decision record', text: read('examples/build-vs-partner-sso.md') },
    { name: 'the flawed sample charter has sound front matter', text: read('examples/initech-charter-draft.md') },
    { name: 'comments, quotes, lists and a date', text: md('---', '# owned by partnerships', 'type: "partnership-charter"', 'partners: [Acme, Globex]', 'signed: 2026-01-15', 'owner: "Dana: VP Partnerships"', '---', '# Charter') },
    { name: 'CRLF line endings and a byte-order mark', text: '\uFEFF---\r\ntype: rollout-plan\r\nowner: Dana\r\n---\r\n# Crawl-walk-run plan\r\n' },
    { name: 'empty front matter above a charter title', text: md('---', '---', '# Acme Partnership Charter', '', 'Text.') },
    { name: 'a charter found by its title, without front matter', text: md('# Acme Partnership Charter', '', 'type: this is prose, not front matter: really.') },
    { name: 'a horizontal rule further down is not front matter', text: md('# Acme Partnership Charter', '', '---', 'title: [not yaml', '---') },
    { name: 'a type of another tool\u2019s is not ours to report', text: md('---', 'type: post', 'title: Notes', '---', '# Partnership Charter') },
  ],
  invalid: [
    {
      name: 'an unclosed bracket, shown where it was opened',
      text: md('---', 'type: partnership-charter', 'partners: [Acme, Globex', 'owner: Dana', '---', '# Charter'),
      problems: [{ line: 3, endLine: 3, message: /not valid YAML here: a \[ opened here is not closed with \]\./ }],
    },
    {
      name: 'an unclosed quote, shown where it was opened',
      text: md('---', 'type: decision-record', 'tree: build-vs-partner', 'decided-by: "Priya', '---', '# Decision'),
      problems: [{ line: 4, message: /a quoted value is not closed/ }],
    },
    {
      name: 'a colon inside a value',
      text: md('---', 'type: partnership-charter', 'title: Acme: the sequel', '---', '# Charter'),
      problems: [{ line: 3, message: /a value that contains a colon must be put in quotes/ }],
    },
    {
      name: 'a tab used for indentation',
      text: md('---', 'type: decision-record', 'answers:', '\tcore-differentiation: yes', '---', '# Decision'),
      problems: [{ line: 4, message: /indented with a tab/ }],
    },
    {
      name: 'a value starting with a reserved character',
      text: md('---', 'type: partnership-charter', 'owner: @dana', '---', '# Charter'),
      problems: [{ line: 3, message: /cannot start with this character unless it is in quotes/ }],
    },
    {
      name: 'a line that is not a field, in CRLF text',
      text: md('---', 'type: decision-record', 'tree build-vs-partner', 'answers:', '  core-differentiation: yes', '---', '# Decision').replace(/\n/g, '\r\n'),
      problems: [{ line: 3, message: /not valid YAML here/ }],
    },
    {
      name: 'two separate slips, one problem each',
      text: md('---', 'type: partnership-charter', 'owner: @dana', 'partners: [Acme', '---', '# Charter'),
      problems: [{ line: 3 }, { line: 4, message: /\[ opened here/ }],
    },
    {
      name: 'front matter that is a list',
      text: md('---', '- partnership-charter', '- Acme', '---', '# Acme Partnership Charter'),
      problems: [{ line: 2, endLine: 3, message: /should be a list of "field: value" lines.*but this is a list/ }],
    },
    {
      name: 'front matter that is a single sentence',
      text: md('---', 'Draft charter for Acme', '---', '# Acme Partnership Charter'),
      problems: [{ line: 2, message: /but this is a single value/ }],
    },
    {
      name: 'a near-miss type: did you mean, with a suggestion that changes it in place',
      text: md('---', 'type: partnership_charter  # from the old template', '---', '# Charter'),
      problems: [{ line: 2, message: /does not know the document type "partnership_charter"; did you mean partnership-charter\? .*checked as a partnership charter/ }],
      suggestionOutput: md('---', 'type: partnership-charter  # from the old template', '---', '# Charter'),
    },
    {
      name: 'a near-miss type in quotes keeps its quotes',
      text: md('---', 'type: "Decision Record"', 'tree: build-vs-partner', '---', '# Decision'),
      problems: [{ line: 2, message: /did you mean decision-record/ }],
      suggestionOutput: md('---', 'type: "decision-record"', 'tree: build-vs-partner', '---', '# Decision'),
    },
    {
      name: 'a near-miss type in front matter that also has a YAML slip',
      text: md('---', 'type: rollout_plan', 'owner: [Dana', '---', '# Plan'),
      problems: [{ line: 2, message: /did you mean rollout-plan/ }, { line: 3, message: /\[ opened here/ }],
      suggestionOutput: md('---', 'type: rollout-plan', 'owner: [Dana', '---', '# Plan'),
    },
    {
      name: 'a versioned type',
      text: md('---', 'type: launch-plan-v2', '---', '# Launch'),
      problems: [{ line: 2, message: /did you mean launch-plan/ }],
      suggestionOutput: md('---', 'type: launch-plan', '---', '# Launch'),
    },
  ],
});

describe('frontmatter-invalid: a near-miss type is never changed automatically', () => {
  it('offers the new type as a suggestion, not as a fix fix-all would apply', () => {
    // A template of a record is not a record: only the author knows which was meant.
    const found = lintText(md('---', 'type: decision-record-template', '---', '# Template'), [frontmatterInvalid], DEFAULT_CONFIG).diagnostics;
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /did you mean decision-record\?/);
    assert.equal(found[0]!.fix, undefined);
    assert.equal(found[0]!.suggestions?.[0]?.title, 'Change the type to decision-record');
  });
});
