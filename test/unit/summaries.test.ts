import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAllSummary, templateChoices, workspaceSummary } from '../../src/extension/summaries';

const ROOT = join(__dirname, '..', '..', '..');

describe('editor summaries and templates', () => {
  describe('templateChoices', () => {
    const shipped = templateChoices(readFileSync(join(ROOT, 'snippets', 'markdown.json'), 'utf8'));

    it('offers every shipped snippet, by name, with its first prefix, its description and its body', () => {
      const raw = JSON.parse(readFileSync(join(ROOT, 'snippets', 'markdown.json'), 'utf8')) as Record<string, { prefix: string | string[] }>;
      assert.deepEqual(shipped.map((c) => c.label), Object.keys(raw));
      const charter = shipped.find((c) => c.prefix === 'charter');
      assert.ok(charter, 'the charter template is offered');
      assert.equal(charter.label, 'Partnership charter');
      assert.doesNotMatch(charter.detail, /^PartnerLint:/);
      assert.match(charter.body, /^---\ntype: partnership-charter\n/);
      assert.ok(shipped.some((c) => c.prefix === 'partner-strategy'));
    });

    it('skips what it cannot use and never throws on a broken file', () => {
      assert.deepEqual(templateChoices('{ not json'), []);
      assert.deepEqual(templateChoices('[1, 2]'), []);
      const partial = templateChoices(JSON.stringify({ good: { prefix: ['a', 'b'], body: ['x', 'y'] }, noBody: { prefix: 'c' }, odd: 3, badBody: { prefix: 'd', body: [1] } }));
      assert.deepEqual(partial, [{ label: 'good', prefix: 'a', detail: '', body: 'x\ny' }]);
    });
  });

  describe('workspaceSummary', () => {
    it('says what was checked, found and skipped', () => {
      assert.equal(
        workspaceSummary({ checked: 3, problems: 12, skipped: 40, failed: 0, cancelled: false }),
        'PartnerLint: 3 partnership documents checked, 12 problems found, 40 other Markdown files skipped.',
      );
      assert.equal(
        workspaceSummary({ checked: 1, problems: 1, skipped: 1, failed: 1, cancelled: true }),
        'PartnerLint (cancelled): 1 partnership document checked, 1 problem found, 1 other Markdown file skipped (1 file could not be checked: see the PartnerLint output).',
      );
    });
  });

  describe('fixAllSummary', () => {
    const missing = { ruleId: 'charter-missing-section', message: 'no Governance section' };
    const blank = (n: number) => ({ ruleId: 'placeholder-left', message: `blank ${n}` });
    const vague = { ruleId: 'commitment-unquantified', message: 'how much?' };

    it('counts the fixes and explains the problems the inserted text brought', () => {
      const text = fixAllSummary(1, [missing, vague], [vague, blank(1), blank(2)]);
      assert.equal(text, 'PartnerLint applied 1 fix. 2 new problems came with the text the fixes added (placeholder-left ×2): fill in what they point at. 1 problem needs your judgement.');
    });

    it('tells a problem that was already there from a new one with the same words', () => {
      assert.match(fixAllSummary(2, [blank(1), missing], [blank(1), blank(1)]), /1 new problem came with .*\(placeholder-left ×1\).* 1 problem needs your judgement\.$/);
    });

    it('says when nothing is left, and when nothing could be fixed', () => {
      assert.equal(fixAllSummary(3, [missing, missing, missing], []), 'PartnerLint applied 3 fixes. No problems are left.');
      assert.equal(fixAllSummary(0, [vague], [vague]), 'PartnerLint: nothing here can be fixed automatically; 1 problem needs your judgement (see the Problems panel).');
      assert.equal(fixAllSummary(0, [], []), 'PartnerLint: no problems here.');
    });
  });
});
