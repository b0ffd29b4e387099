import * as assert from 'node:assert/strict';
import { md } from './helpers';
import { lintText, RULES } from '../../src/core';

// Only the rule these tests switch on and off, so other rules' findings do not blur them.
const ONE_RULE = RULES.filter((r) => r.meta.id === 'charter-missing-section');
const lint = (text: string) => lintText(text, ONE_RULE);

const HEAD = ['---', 'type: partnership-charter', '---'];
const ids = (text: string) => lint(text).diagnostics.map((d) => `${d.range.start.line + 1} ${d.ruleId}`);

describe('inline directives', () => {
  const bare = md(...HEAD, '# Charter', '', '## Mutual Goals', 'x');

  it('reports as usual without directives (control)', () => {
    assert.equal(ids(bare).filter((s) => s.endsWith('charter-missing-section')).length, 4);
  });

  it('disable-file switches a rule off for the whole document', () => {
    assert.deepEqual(ids(bare + '\n\n<!-- partnerlint-disable-file charter-missing-section -->'), []);
  });

  it('disable-next-line applies to the next line only', () => {
    const text = md(...HEAD, '<!-- partnerlint-disable-next-line charter-missing-section -->', '# Charter', '', '## Mutual Goals');
    assert.deepEqual(ids(text), []);
    const far = md(...HEAD, '<!-- partnerlint-disable-next-line charter-missing-section -->', '', '# Charter');
    assert.equal(ids(far).length, 5);
  });

  it('disable … enable covers the lines between', () => {
    const text = md(...HEAD, '<!-- partnerlint-disable charter-missing-section -->', '# Charter', '<!-- partnerlint-enable charter-missing-section -->');
    assert.deepEqual(ids(text), []);
    const after = md(...HEAD, '<!-- partnerlint-disable charter-missing-section -->', '<!-- partnerlint-enable charter-missing-section -->', '# Charter');
    assert.equal(ids(after).length, 5);
  });

  it('a directive without ids switches every rule off', () => {
    assert.deepEqual(ids(md(...HEAD, '<!-- partnerlint-disable -->', '# Charter')), []);
  });

  it('reports an unknown rule id on the comment, and still honours the known ones', () => {
    const text = md(...HEAD, '<!-- partnerlint-disable-file charter-missing-section, charter-missing-sections -->', '# Charter');
    assert.deepEqual(ids(text), ['4 unknown-rule']);
    assert.match(lint(text).diagnostics[0]!.message, /"charter-missing-sections" is not a PartnerLint rule/);
  });

  it('ignores directives shown inside code blocks', () => {
    const text = md(...HEAD, '# Charter', '', '```markdown', '<!-- partnerlint-disable-file -->', '```');
    assert.equal(ids(text).length, 5);
  });
});
