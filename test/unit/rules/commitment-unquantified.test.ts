import * as assert from 'node:assert/strict';
import { lintText, applyFixes, DEFAULT_CONFIG } from '../../../src/core';
import { testRule } from '../rule-tester';
import { commitmentUnquantified } from '../../../src/rules/commitment-unquantified';
import { charter, crlf, example, lineOf, md } from './skin-samples';

const value = (...lines: string[]) => charter({ value: md('## Value Exchange', '', ...lines) });
const governance = (...lines: string[]) => charter({ governance: md('## Governance', '', ...lines) });

const initech = example('initech-charter-draft.md');
const significantly = value('- Acme commits 2 engineers for 5 months.', '- We will invest significantly in the partnership.');
const budget = value('- Acme commits 2 engineers for 5 months.', '- Initech will allocate budget for joint campaigns.');
const sponsors = governance('- **Decision owners:** Dana Reyes for Acme; Sam Ortiz for Initech.', '- Both sponsors will allocate budget as needed.');
const secondSentence = value('- Acme commits 2 engineers for 5 months. Acme will also fund the launch events.', '- Initech commits $100K in cloud credits.');
const nested = value('- We commit:', '  - engineering support for the pilot', '- Initech commits $100K in cloud credits.');
const pseudo = md(
  '# Partnership Charter: Northwind and Contoso',
  '',
  '**Give and get:**',
  'Northwind will dedicate developers to the connector. Contoso funds a $40K pilot pool.',
  '',
  '**Phases:**',
  'Crawl from 2027-01-04 for 6 weeks.',
);
const table = value('| Side | Commitment | Amount |', '| --- | --- | --- |', '| Acme | We will dedicate engineering resources | to be agreed |', '| Initech | Cloud credits for pilots | $100K |');

const strategy = (...lines: string[]) => md('---', 'type: partnership-strategy', '---', '# Acme Partnership Strategy', '', ...lines);
const risks = strategy('## Risks', '', '| Risk | Impact | Mitigation |', '|---|---|---|', '| Partner deprioritises us | Missing the Q3 2027 launch | Executive sponsorship and revenue guarantees |');
const capability = strategy('## Partner requirements', '', '- **Investment capacity:** ability to invest in training and certifications.');

// Rewards a program offers, written in a strategy.
const incentives = strategy(
  '## Partner incentives',
  '',
  '- **Deal registration bonus:** paid when a registered deal closes',
  '- **Annual rebate:** for resellers who beat their yearly target',
  '- **Referral fee:** 8% of first-year subscription revenue',
);
const twoSections = strategy(
  '## Reseller track',
  '',
  '### What resellers earn',
  '',
  '- **Resale margin:** set per region',
  '- Quarterly bonuses for the top resellers',
  '',
  '## Referral track',
  '',
  '**Rewards:**',
  '',
  '- **Referral fee:** on every introduced customer that signs',
);
const shares = strategy('## Revenue sharing', '', '- **Per-deal revenue share:** 15% of the first invoice', '- **Annual revenue share:** based on how the year went');
const matrix = strategy('## Tier benefits', '', '| Benefit | Gold | Silver |', '| --- | --- | --- |', '| Partner portal | Yes | Yes |', '| Commission | Yes | Yes |');
const fundedBy = md(
  '---', 'type: partnership-charter', '---', '# Northwind and Contoso Partnership Charter', '',
  'The connector work is funded by Contoso and staffed by both teams.', '',
  '## Timeline', '', '- Crawl: 2027-01-04 to 2027-02-26 with two design partners.',
);

const workBudget = fundedBy.replace('The connector work is funded by Contoso and staffed by both teams.', 'The work comes in three workstreams. Each workstream has an owner on each side, a budget and an end date.');

testRule(commitmentUnquantified, {
  valid: [
    { name: 'developers a promise is for are not staff promised ("a way for developers to publish")', text: value('- Acme commits 2 engineers for 5 months.', '- Initech will provide a way for developers to publish their plugins, and will give recognition to maintainers.') },
    { name: 'a capability asked of partners ("ability to invest") is not a promise', text: capability },
    { name: 'a mitigation with its amount', text: risks.replace('revenue guarantees', 'a $250K revenue guarantee') },
    { name: 'each measure in a mitigation cell with its own amount', text: risks.replace('Executive sponsorship and revenue guarantees', 'A dedicated integration team of 3 engineers for 6 months, a $250K revenue guarantee') },
    { name: 'the Acme × Globex sample charter', text: example('acme-globex-charter.md') },
    { name: 'a charter whose commitments all carry amounts', text: charter() },
    { name: 'the same charter with CRLF line endings', text: crlf(charter()) },
    { name: 'commit to a process, not to money or people', text: governance('- We commit to reviewing the charter quarterly with both sponsors.') },
    { name: 'committed to an outcome', text: governance('- Both teams are committed to a smooth experience for shared customers.') },
    { name: '"commitment" in a heading', text: charter({ governance: md('## Governance and commitment to customers', '', '- We commit to answering partner escalations within a day.') }) },
    { name: 'a commitment that is not economic', text: value('- Acme commits 2 engineers for 5 months.', '- The partner provides a marketplace listing and a quote for the launch post.', '- Our commitment: a great experience for shared customers.') },
    { name: 'what each side loses is not a commitment', text: value('- Acme commits 2 engineers for 5 months.', '- If this fails, we lose our engineering investment and Initech loses its credits.') },
    { name: 'an open question', text: value('- Acme commits 2 engineers for 5 months.', '- Will we dedicate engineering support to the Walk phase? Decide at the Crawl review.') },
    { name: 'a negated commitment', text: value('- Acme commits 2 engineers for 5 months.', '- We will not invest in a custom admin console.') },
    { name: 'one named person is a count', text: value('- Initech will assign a dedicated partner manager to the launch.') },
    { name: 'a period without a number', text: value('- Initech will provide cloud credits every quarter.', '- Acme will fund the pilot for the first year.') },
    { name: 'the amount in the next sentence', text: value('- We will dedicate engineering resources to the connector. That means 2 engineers for 5 months.') },
    { name: 'the amount in another cell of the row', text: value('| Side | Commitment | Amount |', '| --- | --- | --- |', '| Acme | We will dedicate engineering resources | 2 engineers until June |') },
    { name: 'a template prompt still to fill in', text: value('- **We commit:** [engineering time, spend or revenue share, with amounts and dates]') },
    { name: 'economic words with no commitment outside Value Exchange', text: governance('- The budget owner for Acme is Dana Reyes.', '- Revenue share disputes go to both COOs.') },
    { name: 'a relative clause is not the object of a commitment', text: governance('- Our mission is to provide a connector, which allows developers to ship faster.') },
    { name: '"funds" as a noun', text: governance('- These funds come from the Initech marketing development program.', '- Marketing Development Funds (MDF) are approved by Initech channel marketing.') },
    { name: 'an amount in the next clause', text: value('- We will dedicate engineering resources to the connector; 2 engineers for 5 months.') },
    { name: 'HTML around the words', text: value('- <span>Acme commits</span> <b>2 engineers</b> for 5 months.') },
    { name: 'rewards with their rates', text: strategy('## Partner incentives', '', '- **Referral fee:** 8% of first-year revenue', '- **Deal registration bonus:** $1,500 per closed registered deal', '- Rebates of 3% on annual bookings over $500K') },
    { name: 'a reward named only as a modifier ("commission disputes", "MDF guidelines")', text: strategy('## Channel operations', '', '- **Commission disputes:** go to the channel director within a week', '- **MDF guidelines:** published in the partner portal', '- Incentive design is reviewed with the sales team') },
    { name: 'the rates in the items nested under the reward', text: strategy('## Partner incentives', '', '- **Rebates:**', '  - Gold: 3% of annual bookings', '  - Silver: 2% of annual bookings') },
    { name: 'the rates in a section of their own', text: strategy('## Partner incentives', '', '- **Commission:** paid monthly on closed deals', '', '## Commission rates', '', '| Tier | Rate |', '| --- | --- |', '| Gold | 12% |', '| Silver | 8% |') },
    { name: 'rewards named in passing in a list of what a program brings', text: strategy('## Why partner with us', '', '- Product discounts, referral fees and other incentives', '- Training and certification for your team') },
    { name: 'a reward that is not paid', text: strategy('## Partner incentives', '', '- No commission is paid on renewals.') },
    { name: 'a reward set in another document', text: strategy('## Partner incentives', '', '- **Revenue share:** as set in the reseller agreement') },
    { name: 'a reward whose rates are on a linked page', text: strategy('## Partner incentives', '', '- **Rebates:** paid each quarter ([rates](rebates.md))') },
    { name: 'a reward a tier does not get', text: strategy('## Registered tier benefits', '', '- **Market development funds:** not available at this tier', '- **Rebate:** none') },
    { name: 'a reward whose rate is a blank still to fill in', text: strategy('## Partner incentives', '', '- **Commission:** [rate]% of net revenue') },
    { name: 'funding with its amount in the next sentence', text: fundedBy.replace('staffed by both teams.', 'staffed by both teams. The grant is $80K for six months.') },
    { name: 'funding with its amount elsewhere in the charter', text: fundedBy.replace('- Crawl:', '- Budget: $80K from Contoso.\n- Crawl:') },
    { name: 'a budget for the work with its amount', text: workBudget.replace('a budget and an end date.', 'a budget and an end date; the three budgets add up to $90K.') },
    { name: 'a budget for the work set on another line', text: workBudget.replace('- Crawl:', '- Budget: $30K per workstream for 2027.\n- Crawl:') },
    { name: 'a budget a party has is its capacity, not a promise', text: fundedBy.replace('The connector work is funded by Contoso and staffed by both teams.', 'Contoso has a large marketing budget and a team of 40 sellers.') },
    { name: 'a unit of the work with no budget', text: workBudget.replace('each side, a budget and', 'each side and') },
    { name: 'benefits listed under "what we get"', text: value('### What we get', '', '- engineering support from Initech', '', '### What we give', '', '- 2 engineers for 5 months') },
  ],
  invalid: [
    {
      name: 'a mitigation in a strategy\u2019s risk table promises what it names; the date elsewhere in the row is not its amount',
      text: risks,
      problems: [{ line: lineOf(risks, 'revenue guarantees'), message: /^"revenue guarantees" is promised without an amount/ }],
    },
    {
      name: 'a mitigation cell that lists several measures: the cadence of one is not the amount of another',
      text: risks.replace('Executive sponsorship and revenue guarantees', 'Dedicated integration team, weekly status calls, clear SLAs'),
      problems: [{ line: lineOf(risks.replace('Executive sponsorship and revenue guarantees', 'Dedicated integration team, weekly status calls, clear SLAs'), 'Dedicated integration team'), message: /^"Dedicated integration team" is promised without an amount/ }],
    },
    {
      name: 'the Initech draft',
      text: initech,
      problems: [{ line: 14, endLine: 14, message: /^"engineering resources" is promised without an amount or a period\. Say how much and for how long/ }],
      suggestionOutput: initech.replace('to the integration.', 'to the integration ([how much], [for how long]).'),
    },
    { name: '"invest significantly"', text: significantly, problems: [{ line: lineOf(significantly, 'invest significantly'), message: /"invest"/ }] },
    { name: '"allocate budget"', text: budget, problems: [{ line: lineOf(budget, 'allocate budget'), message: /"budget"/ }] },
    { name: 'a commitment outside Value Exchange', text: sponsors, problems: [{ line: lineOf(sponsors, 'as needed'), message: /"budget"/ }] },
    {
      name: 'the second sentence of an item',
      text: secondSentence,
      problems: [{ line: lineOf(secondSentence, 'launch events'), message: /"fund"/ }],
      suggestionOutput: secondSentence.replace('launch events.', 'launch events ([how much], [for how long]).'),
    },
    { name: 'a nested item under a commitment', text: nested, problems: [{ line: lineOf(nested, 'engineering support'), message: /"engineering support"/ }] },
    {
      name: 'CRLF line endings keep the suggestion on the line',
      text: crlf(budget),
      problems: [{ line: lineOf(budget, 'allocate budget') }],
      suggestionOutput: crlf(budget).replace('joint campaigns.', 'joint campaigns ([how much], [for how long]).'),
    },
    { name: 'a bold pseudo-heading charter', text: pseudo, problems: [{ line: 4, message: /"developers"/ }], suggestionOutput: pseudo.replace('to the connector.', 'to the connector ([how much], [for how long]).') },
    { name: 'a numbered heading', text: budget.replace('## Value Exchange', '## 2) Value Exchange'), problems: [{ message: /"budget"/ }] },
    {
      name: 'a commitment after a goal with numbers, in its own clause',
      text: charter({ goals: md('## Mutual Goals', '', '- **Success for Acme:** 30 joint customers by 2027-06-30; we will provide engineering support to every pilot.') }),
      problems: [{ line: 11, message: /"engineering support"/ }],
    },
    { name: '"dedicate resources"', text: governance('- We will dedicate resources as the partnership grows.'), problems: [{ message: /"resources"/ }] },
    { name: 'the most specific term is quoted', text: value('- Acme will invest in a dedicated team for the integration.'), problems: [{ message: /^"dedicated team"/ }] },
    { name: 'a table row with no amount', text: table, problems: [{ line: lineOf(table, '| Acme |'), message: /"engineering resources"/ }] },
    {
      name: 'rewards offered with no rate: once per section, naming the others',
      text: incentives,
      problems: [{ line: lineOf(incentives, 'Deal registration bonus'), message: /^"Deal registration bonus" \(and 1 more in this section: "Annual rebate"\) is offered without a rate or an amount/ }],
    },
    {
      name: 'a yearly reward: a period is not a rate',
      text: strategy('## Partner incentives', '', '- Annual bonuses for the best resellers of the year'),
      problems: [{ line: 8, message: /^"bonuses" is offered without a rate/ }],
    },
    {
      name: 'one report per top-level section',
      text: twoSections,
      problems: [
        { line: lineOf(twoSections, 'Resale margin'), message: /^"Resale margin" \(and 1 more in this section: "bonuses"\)/ },
        { line: lineOf(twoSections, 'on every introduced'), message: /^"Referral fee"/ },
      ],
    },
    { name: 'a rate for one kind of share does not set another', text: shares, problems: [{ line: lineOf(shares, 'Annual revenue share'), message: /^"Annual revenue share"/ }] },
    { name: 'a benefits matrix that ticks a reward', text: matrix, problems: [{ line: lineOf(matrix, '| Commission |'), message: /^"Commission"/ }] },
    { name: 'a charter that gives each piece of work a budget but never says how much', text: workBudget, problems: [{ line: 6, message: /^The work is promised a budget, but nothing here says how much it is/ }] },
    { name: 'a charter that says who funds the work but not how much', text: fundedBy, problems: [{ line: 6, message: /^"funded by" says who pays but not how much\. Say what each funder puts in/ }] },
  ],
});

describe('commitment-unquantified: the placeholder suggestion', () => {
  const lint = (text: string) => lintText(text, [commitmentUnquantified], DEFAULT_CONFIG).diagnostics;

  for (const [name, text] of [['a sentence with a full stop', budget], ['CRLF', crlf(budget)], ['a bold pseudo-heading charter', pseudo]] as const) {
    it(`is not offered again once applied, so the prompts never stack (${name})`, () => {
      const first = lint(text);
      const suggestion = first[0]?.suggestions?.[0];
      assert.ok(suggestion, 'the suggestion is offered on the unquantified commitment');
      const once = applyFixes(text, [suggestion]).text;
      const again = lint(once);
      assert.deepEqual(again.flatMap((d) => d.suggestions ?? []).map((s) => s.title), [], 'the suggestion is offered again');
      assert.equal(once.split('[how much]').length - 1, 1);
    });
  }

  it('is not offered while one of its prompts is left unfilled', () => {
    const partly = budget.replace('joint campaigns.', 'joint campaigns (a budget, [for how long]).');
    assert.notEqual(partly, budget);
    assert.deepEqual(lint(partly).flatMap((d) => d.suggestions ?? []), []);
  });
});
