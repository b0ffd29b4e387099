import * as assert from 'node:assert/strict';
import { testRule } from '../rule-tester';
import { failureCostMissing } from '../../../src/rules/failure-cost-missing';
import { FAILURE_COST_PROMPT } from '../../../src/models/commitments';
import { failureCostPrompt } from '../../../src/models/sections';
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
/** The prompt as the fix writes it when front matter names the partner (`partner: Initech`). */
const NAMED = failureCostPrompt('Initech');

// Parties named in the title only, each side's loss stated with its name (short forms included).
const LUMEN_TITLE = '# Partnership Charter: Acme Analytics and Lumen Security';
const lumen = (head: string, ...lines: string[]) => md(
  head,
  '',
  '## Value Exchange',
  '',
  '- **Acme Analytics commits:** 2 engineers for 4 months.',
  '- **Lumen Security commits:** a $120K co-investment in the joint connector.',
  ...lines,
  '',
  '## Timeline',
  '',
  '- Pilot from 2027-02-01 to 2027-03-31.',
);
const EACH_LOSS = ['- If this fails, Acme writes off 8 engineer-months of connector work.', '- Lumen loses its $120K co-investment.'];

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
    { name: 'each side\'s loss stated with the party\'s short name, parties from the title', text: lumen(LUMEN_TITLE, ...EACH_LOSS) },
    { name: 'parties from front matter `partner:` and the title', text: lumen(md('---', 'type: partnership-charter', 'partner: Lumen Security', '---', '', LUMEN_TITLE), ...EACH_LOSS) },
    {
      name: 'parties from "a partnership between X and Y" in the opening',
      text: lumen(md('# Connector Partnership Charter', '', 'This charter sets out the partnership between Acme Analytics and Lumen Security.'), ...EACH_LOSS),
    },
    {
      name: 'our loss and the partner\'s loss on separate lines',
      text: lumen(md('---', 'partner: Lumen Security', '---', '', LUMEN_TITLE), '- If this fails, we lose 8 engineer-months.', '- If this fails, Lumen Security would lose its $120K co-investment.'),
    },
    { name: 'a filled-in prompt naming the partner', text: value(ACME, INITECH, NAMED) },
  ],
  invalid: [
    {
      name: 'only the first-named party\'s loss: the partner is the second-named party',
      text: lumen(LUMEN_TITLE, EACH_LOSS[0]!),
      problems: [{ line: 3, message: /says what you lose if this partnership fails, but not what Lumen Security loses/ }],
    },
    {
      name: 'the partner\'s loss with no amount is not read as its stake',
      text: lumen(LUMEN_TITLE, EACH_LOSS[0]!, '- Lumen loses deals to rivals without it.'),
      problems: [{ message: /but not what Lumen Security loses/ }],
    },
    {
      name: 'the fix writes the partner\'s name from the title',
      text: lumen(LUMEN_TITLE),
      problems: [{ line: 3, message: /Name what you and Lumen Security put at risk/ }],
      output: lumen(LUMEN_TITLE, '- **If this fails:** we lose [what we lose]; Lumen Security loses [what they lose]'),
    },
    {
      name: 'no name known: the fix keeps "the partner"',
      text: lumen('# Connector Partnership Charter').replace(/Acme Analytics|Lumen Security/g, (n) => (n.startsWith('Acme') ? 'We' : 'They')).replace('We commits', 'We commit').replace('They commits', 'They commit'),
      problems: [{ message: /Name what you and the partner put at risk/ }],
      output: lumen('# Connector Partnership Charter', PROMPT).replace(/Acme Analytics|Lumen Security/g, (n) => (n.startsWith('Acme') ? 'We' : 'They')).replace('We commits', 'We commit').replace('They commits', 'They commit'),
    },
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
      output: initech.replace('release at launch.\n', `release at launch.\n${NAMED}\n`),
    },
    { name: 'no failure line: the prompt continues the list', text: noFailure, problems: [{ line: lineOf(noFailure, '## Value Exchange') }], output: noFailure.replace(`${INITECH}\n`, `${INITECH}\n${NAMED}\n`) },
    { name: 'a section ending in a paragraph', text: paragraphEnd, problems: [{ line: lineOf(paragraphEnd, '## Value Exchange') }], output: paragraphEnd.replace('each gate.\n', `each gate.\n\n${NAMED}\n`) },
    { name: 'the list\'s own bullet', text: starBullets, problems: [{}], output: starBullets.replace(`${INITECH.replace('-', '*')}\n`, `${INITECH.replace('-', '*')}\n*${NAMED.slice(1)}\n`) },
    { name: 'CRLF line endings', text: crlf(noFailure), problems: [{ line: lineOf(noFailure, '## Value Exchange') }], output: crlf(noFailure.replace(`${INITECH}\n`, `${INITECH}\n${NAMED}\n`)) },
    {
      name: 'no Value Exchange: reported on the title, with a suggestion before Timeline',
      text: noValue,
      problems: [{ line: lineOf(noValue, '# Acme') }],
      suggestionOutput: noValue.replace('## Timeline', `${NAMED}\n\n## Timeline`),
    },
    {
      name: 'no Value Exchange and no Timeline: the suggestion goes at the end',
      text: noValueNoTimeline,
      problems: [{ line: lineOf(noValueNoTimeline, '# Acme') }],
      suggestionOutput: `${noValueNoTimeline}\n${NAMED}\n`,
    },
    {
      name: 'no Value Exchange or Timeline, CRLF: the suggestion keeps a blank line',
      text: crlf(noValueNoTimeline),
      problems: [{}],
      suggestionOutput: `${crlf(noValueNoTimeline)}\r\n${NAMED}\r\n`,
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
