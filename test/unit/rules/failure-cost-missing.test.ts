import * as assert from 'node:assert/strict';
import { testRule } from '../rule-tester';
import { failureCostMissing } from '../../../src/rules/failure-cost-missing';
import { FAILURE_COST_PROMPT } from '../../../src/models/commitments';
import { CHARTER_SECTIONS } from '../../../src/models/sections';
import { charter, crlf, example, lineOf, md } from './skin-samples';
import { lintText, DEFAULT_CONFIG } from '../../../src/core';

const ACME = '- **Acme commits:** 2 engineers for 5 months and a $60K launch fund.';
const INITECH = '- **Initech commits:** $100K in cloud credits for pilot customers and 1 solution architect for 6 months.';
const value = (...lines: string[]) => charter({ value: md('## Value Exchange', '', ...lines) });

const initech = example('initech-charter-draft.md');
const noFailure = value(ACME, INITECH);
const paragraphEnd = value(ACME, INITECH, '', 'Both sides review the balance at each gate.');
const starBullets = value(ACME.replace('-', '*'), INITECH.replace('-', '*'));
const noValue = charter({ value: '' });
const noValueNoTimeline = charter({ value: '', timeline: '', measurement: '', governance: '' });
const oursOnly = value(ACME, INITECH, '- If this fails, Acme loses 10 engineer-months.');
const partnerOnly = value(ACME, INITECH, '- **If this fails:** Initech loses its credits.');
const nothing = value(ACME, INITECH, '- If this fails, neither side loses anything; we simply stop.');
const unrelatedLose = value(ACME, INITECH, '- Without this partnership, we lose deals to competitors.');
const PROMPT = FAILURE_COST_PROMPT;

const strategyWith = (...lines: string[]) => md('---', 'type: partnership-strategy', '---', '# Acme Partnership Strategy', '', '## Partner categories', '', '- Cloud platforms and integrators.', '', ...lines);
const RISKS = ['## Risks and mitigations', '', '| Risk | Mitigation |', '|---|---|', '| A cloud partner stalls | Weekly status calls |'];

testRule(failureCostMissing, {
  valid: [
    { name: 'a strategy that does not weigh its risks is not asked', text: strategyWith('## Roadmap', '', '- Q1 2027: two pilots.') },
    { name: 'a strategy whose risks say what a partner loses', text: strategyWith(...RISKS, '', '- **If a partnership fails:** we lose the $200K integration build; the partner loses its $100K co-marketing fund.') },
    { name: 'the Acme × Globex sample charter', text: example('acme-globex-charter.md') },
    { name: 'a charter that says what each side loses', text: charter() },
    { name: 'the same charter with CRLF line endings', text: crlf(charter()) },
    { name: 'a subsection about what is at stake', text: value(ACME, INITECH, '', "### What's at stake", '', '- Acme: 10 engineer-months', '- Initech: $100K in credits') },
    { name: 'a downside for each side', text: value(ACME, INITECH, '- **Downside:** each side loses its pilot spend.') },
    { name: 'a loss stated without naming sides', text: value(ACME, INITECH, '- **If this fails:** 10 engineer-months and a $100K credit pool are written off.') },
    { name: 'a nested list under "If this fails"', text: value(ACME, INITECH, '- If this fails:', '  - we lose 10 engineer-months', '  - Initech loses its credits') },
    { name: 'a lead-in line and a list', text: value(ACME, INITECH, '', 'If this partnership fails:', '', '- Acme loses 10 engineer-months', '- Initech loses its place in the certified catalog') },
    { name: 'a table row', text: value('| | Acme | Initech |', '| --- | --- | --- |', '| Puts in | 2 engineers | $100K in credits |', '| If this fails | 10 engineer-months lost | credits written off |') },
    {
      name: 'a failure cost written under Governance',
      text: charter({ governance: md('## Governance', '', '- **Exit cost:** if either side walks away, Acme writes off 10 engineer-months and Initech forfeits its credits.') }),
    },
    { name: 'an "at risk" table row under a header naming both sides', text: value('| | Acme | Initech |', '| --- | --- | --- |', '| Puts in | 2 engineers | $100K in credits |', '| At risk | 10 engineer-months | its certified-catalog slot |') },
    { name: 'the prompt that charter-missing-section inserts', text: value(ACME, INITECH, PROMPT) },
    {
      name: 'a bold pseudo-heading charter',
      text: md('# Partnership Charter: Northwind and Contoso', '', '**Give and get:**', 'Northwind funds a $40K pilot pool. If this fails, we lose the pool and they lose a quarter of partner-manager time.'),
    },
    {
      name: 'a post announcing a partnership (front matter with a date and an author) is not asked what each side stakes',
      text: md('---', 'title: Our new partnership agreement with Fabrikam', "date: '2025-03-04'", 'author: Priya Raman', '---', '', '# Our new partnership agreement with Fabrikam', '', 'We are glad to share that Fabrikam will host our nightly builds.'),
    },
  ],
  invalid: [
    {
      name: 'a charter declared with type: is asked even when its front matter carries a date and an author',
      text: md('---', 'type: partnership-charter', 'date: 2025-03-04', 'author: Priya Raman', '---', '', '# Partnership Charter: Fabrikam', '', '## Value Exchange', '', ACME, INITECH),
      problems: [{ line: 9, message: /^Nothing in this charter says what each side loses/ }],
    },
    {
      name: 'a strategy that weighs its risks but never what a partner loses: on the risks heading',
      text: strategyWith(...RISKS),
      problems: [{ line: 10, message: /^This strategy weighs what could go wrong, but nothing in it says what a partner loses/ }],
    },
    {
      name: 'the Initech draft',
      text: initech,
      problems: [{ line: 12, message: /^Nothing in this charter says what each side loses if the partnership fails\. Name what you and Initech put at risk/ }],
      output: initech.replace('release at launch.\n', `release at launch.\n${PROMPT}\n`),
    },
    { name: 'no failure line: the prompt continues the list', text: noFailure, problems: [{ line: lineOf(noFailure, '## Value Exchange') }], output: noFailure.replace(`${INITECH}\n`, `${INITECH}\n${PROMPT}\n`) },
    { name: 'a section ending in a paragraph', text: paragraphEnd, problems: [{ line: lineOf(paragraphEnd, '## Value Exchange') }], output: paragraphEnd.replace('each gate.\n', `each gate.\n\n${PROMPT}\n`) },
    { name: 'the list\'s own bullet', text: starBullets, problems: [{}], output: starBullets.replace(`${INITECH.replace('-', '*')}\n`, `${INITECH.replace('-', '*')}\n*${PROMPT.slice(1)}\n`) },
    { name: 'CRLF line endings', text: crlf(noFailure), problems: [{ line: lineOf(noFailure, '## Value Exchange') }], output: crlf(noFailure.replace(`${INITECH}\n`, `${INITECH}\n${PROMPT}\n`)) },
    {
      name: 'no Value Exchange: reported on the title, with a suggestion before Timeline',
      text: noValue,
      problems: [{ line: lineOf(noValue, '# Acme') }],
      suggestionOutput: noValue.replace('## Timeline', `${PROMPT}\n\n## Timeline`),
    },
    {
      name: 'no Value Exchange and no Timeline: the suggestion goes at the end',
      text: noValueNoTimeline,
      problems: [{ line: lineOf(noValueNoTimeline, '# Acme') }],
      suggestionOutput: `${noValueNoTimeline}\n${PROMPT}\n`,
    },
    {
      name: 'no Value Exchange or Timeline, CRLF: the suggestion keeps a blank line',
      text: crlf(noValueNoTimeline),
      problems: [{}],
      suggestionOutput: `${crlf(noValueNoTimeline)}\r\n${PROMPT}\r\n`,
    },
    { name: 'only our loss', text: oursOnly, problems: [{ line: lineOf(oursOnly, '## Value Exchange'), message: /says what you lose if this partnership fails, but not what Initech loses/ }] },
    { name: 'only the partner\'s loss', text: partnerOnly, problems: [{ message: /says what Initech loses .* but not what you lose/ }] },
    { name: 'nothing to lose', text: nothing, problems: [{ message: /neither side loses anything real .* handshake/ }] },
    { name: 'an unrelated "lose" is not a failure cost', text: unrelatedLose, problems: [{ message: /^Nothing in this charter/ }] },
  ],
});

describe('failure-cost-missing and charter-missing-section', () => {
  it('insert the same "If this fails" prompt', () => {
    // When the lead points charter-sections.ts at FAILURE_COST_PROMPT, this stays true by construction.
    assert.ok(CHARTER_SECTIONS['value-exchange'].prompts.includes(FAILURE_COST_PROMPT));
  });

  it('offers no automatic fix when a loss is written for one side, or when nothing is at stake', () => {
    for (const text of [oursOnly, partnerOnly, nothing]) {
      const [found] = lintText(text, [failureCostMissing], DEFAULT_CONFIG).diagnostics;
      assert.ok(found && !found.fix && !found.suggestions);
    }
  });
});
