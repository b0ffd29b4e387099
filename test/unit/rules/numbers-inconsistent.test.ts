import * as assert from 'node:assert/strict';
import { testRule } from '../rule-tester';
import { numbersInconsistent } from '../../../src/rules/numbers-inconsistent';
import { lintText, DEFAULT_CONFIG } from '../../../src/core';

const strategy = (...lines: string[]) => ['---', 'type: partnership-strategy', '---', '# Northwind Partnership Strategy', '', ...lines].join('\n');
const tiering = (...lines: string[]) => ['---', 'type: partner-tiering', '---', '# Northwind Partner Tiers', '', ...lines].join('\n');
const DIFFERS = /: .* here, but .* on line \d+\. Settle on one figure/;

testRule(numbersInconsistent, {
  valid: [
    {
      name: 'the same target stated twice with the same value',
      text: strategy('## Summary', '', 'We aim for 4,000 joint customers by 2028.', '', '## Targets', '', '### 2028 Targets', '', '- **Joint customers**: 4000'),
    },
    {
      name: 'one metric for two different years',
      text: strategy('## Goals', '', '- Reseller bookings of $3M in 2027.', '- Reseller bookings of $7M in 2028.'),
    },
    {
      name: 'a quarter of a flow metric is not its year',
      text: strategy('## 2027 Targets', '', '- **Marketplace revenue**: $8M', '', '## Q4 2027', '', '- Marketplace revenue: $2.5M'),
    },
    {
      name: 'scenarios: conservative and optimistic',
      text: strategy('## Forecast', '', '- Conservative: $6M partner-sourced pipeline by 2027', '- Optimistic: $11M partner-sourced pipeline by 2027'),
    },
    {
      name: 'a base case and a downside',
      text: strategy('## Outlook', '', 'Our plan reaches $30M ARR by 2028.', '', '## Risks', '', '- Downside: $18M ARR by 2028 if the marketplace listing slips.'),
    },
    {
      name: 'an actual against a target',
      text: strategy('## Where we stand', '', 'We currently have 140 active resellers as of 2026.', '', '## 2026 Targets', '', '- Active resellers: 220'),
    },
    {
      name: 'a segment named by a label is a part, not the whole',
      text: strategy('## 2027 Targets', '', '- Joint customers: 900', '- EMEA: 300 joint customers', '- Americas: 600 joint customers'),
    },
    {
      name: 'a part named with via',
      text: strategy('## 2027 Targets', '', '- Customers: 12,000', '', '## Channel', '', 'By 2027 we expect 5,000 customers via partners.'),
    },
    {
      name: 'the same metric in parallel sections, one per partner',
      text: strategy('## Partners', '', '### Contoso partnership', '', 'Target: 250 joint customers by 2027.', '', '### Fabrikam partnership', '', 'Target: 400 joint customers by 2027.'),
    },
    {
      name: 'the same metric in sections per region',
      text: strategy('## EMEA', '', 'Target: 300 joint customers by 2027.', '', '## APAC', '', 'Target: 180 joint customers by 2027.'),
    },
    {
      name: 'a section against its subsection, which may be a part',
      text: strategy('## Channel', '', 'We plan 60 active resellers by 2027.', '', '### Nordics', '', 'We plan 15 active resellers by 2027.'),
    },
    {
      name: 'sibling sections per partner that each give the period',
      text: strategy('## Contoso: 2027 targets', '', '- Joint customers: 250', '', '## Fabrikam: 2027 targets', '', '- Joint customers: 400'),
    },
    {
      name: 'a partner\u2019s own installed base is not our target',
      text: strategy('## Why Contoso', '', 'Contoso serves 5,000 customers in 2027 across Europe.', '', '## 2027 Targets', '', '- Customers: 300'),
    },
    {
      name: 'a change from one value to another in one sentence',
      text: strategy('## Growth', '', 'Grow partner ARR from $4M to $9M by 2027.', '', '## Plan', '', 'Partner ARR of $9M by 2027.'),
    },
    {
      name: 'a comparison after vs',
      text: strategy('## 2027 Targets', '', '- Partner ARR: $12M (vs $7M direct ARR)', '', '## Roadmap', '', '- Direct ARR by 2027: $7M'),
    },
    {
      name: 'rates and multiples are not stated figures',
      text: strategy('## Economics', '', '- Cost of acquisition in 2027: $1,500 per customer', '- Cost of acquisition in 2027: $900 per customer via partners', '- 3x pipeline coverage in 2027', '- 5x pipeline coverage in 2027'),
    },
    {
      name: 'a single figure inside a range may be one case of it',
      text: tiering('## Revenue share', '', '| Tier | Revenue share |', '|---|---|', '| Gold | 20-30% |', '', '## Example', '', '| Tier | Revenue share |', '|---|---|', '| Gold | 25% |'),
    },
    {
      name: 'rows of one table for different tiers',
      text: tiering('## Requirements', '', '| Tier | Customer references |', '|---|---|', '| Silver | 2 |', '| Gold | 5 |', '| Platinum | 10 |'),
    },
    {
      name: 'figures without a period in prose are not compared',
      text: strategy('## Team', '', 'The alliance team has 4 partner managers.', '', '## Later', '', 'The alliance team grows to 9 partner managers.'),
    },
    {
      name: 'two tracks with their own tier tables',
      text: tiering('## Sales track', '', '| Tier | Certified sellers |', '|---|---|', '| Gold | 6 |', '', '## Services track', '', '| Tier | Certified sellers |', '|---|---|', '| Gold | 2 |'),
    },
    {
      name: 'numbered names, years and durations are not figures',
      text: strategy('## 2027', '', '- Phase 2 starts in 2027 and lasts 6 months.', '', '## Plan for 2027', '', '- Phase 3 starts in 2027 and lasts 9 months.'),
    },
    {
      name: 'different tiers in prose',
      text: strategy('## 2027 Goals', '', '- Recruit 5 Tier 1 integrators in 2027', '- Recruit 12 Tier 2 integrators in 2027'),
    },
    {
      name: 'the docs page\u2019s fixed example: one figure, the other named as a scenario',
      text: strategy('## Financial targets', '', '### 2027 Targets', '', '- **Partner-sourced ARR**: $18M (conservative case: $11M)', '', '## Roadmap', '', '### Q4 2027: Scale', '', '- Reach $18M partner-sourced ARR'),
    },
    {
      name: 'a total row that adds up',
      text: strategy('## Budget', '', '| Item | 2027 |', '|---|---|', '| Enablement | $400K |', '| Co-marketing | $350K |', '| Integration | $1.25M |', '| **Total** | **$2M** |'),
    },
    {
      name: 'a total with an "other" row, or percentages, is not added up',
      text: strategy(
        '## Mix', '', '| Source | Pipeline | Share |', '|---|---|---|', '| Resellers | $3M | 30% |', '| Marketplace | $2M | 20% |', '| Other | $1M | 10% |', '| Total | $10M | 100% |', '',
        '## Shares', '', '| Partner | Share |', '|---|---|', '| Contoso | 40% |', '| Fabrikam | 35% |', '| Total | 90% |',
      ),
    },
    {
      name: 'a total over rows that hold words, not figures',
      text: strategy('## Budget', '', '| Item | Amount |', '|---|---|', '| Enablement | $400K |', '| Co-marketing | to be agreed |', '| Total | $2M |'),
    },
    {
      name: 'month 12 of a plan and its year 1 agree',
      text: strategy('## Year 1 Targets', '', '- **Active partners**: 30', '', '## Milestones', '', '- **Month 12**: 30 active partners'),
    },
    {
      name: 'times and one-to-one meetings are not ratios',
      text: strategy('## 2027 plan', '', '- Partner sync: 10:30 on Mondays, 1:1 with each partner manager', '', '## 2027 cadence', '', '- Partner sync: 11:30 on Mondays'),
    },
    {
      name: 'ordinary Markdown is never read',
      text: ['# Release notes', '', 'We shipped 40 fixes in 2026.', '', '## Later', '', 'We shipped 55 fixes in 2026.'].join('\n'),
    },
    {
      name: 'a count that matches the list under it',
      text: strategy('## Partner types', '', 'We work with four kinds of partner. Our three partner tracks are:', '', '- Resellers', '- Integrators', '- Technology partners'),
    },
    {
      name: 'a count in passing, not an introduction to the list',
      text: strategy('## Recruiting', '', 'Three of our resellers joined in May, and two distributors are in talks:', '', '- Contoso', '- Fabrikam', '- Northwind', '- Tailspin'),
    },
    {
      name: 'a bound or a part of the list is not its size',
      text: strategy('## Requirements', '', 'Gold partners hold at least two certifications:', '', '- Sales', '- Technical', '- Services', '', 'Start with the first two steps:', '', '1. Register', '2. Train', '3. Certify'),
    },
    {
      name: 'a duration before a list',
      text: strategy('## Onboarding', '', 'Onboarding takes three weeks:', '', '- Portal access', '- Training'),
    },
    {
      name: 'a count not followed by a list',
      text: strategy('## Tracks', '', 'The program has three tracks.', '', 'Each track has its own benefits, described in the next sections.'),
    },
    {
      name: 'a table that lists the counted things by column, with a label column',
      text: tiering('## Levels', '', 'Partners move through three levels:', '', '| Benefit | Registered | Select | Premier |', '|---|---|---|---|', '| Discount | 10% | 20% | 30% |', '| Lead sharing | no | yes | yes |'),
    },
    {
      name: 'a count over as many subsections',
      text: strategy('## Pillars', '', 'The plan rests on three pillars:', '', '### Integrations', '', 'Text.', '', '### Co-selling', '', 'Text.', '', '### Enablement', '', 'Text.', '', '## Budget', '', 'Text.'),
    },
    {
      name: 'a count with no colon before subsections is not an introduction to them',
      text: strategy('## Pillars', '', 'We chose our two pillars.', '', '### Integrations', '', 'Text.', '', '### Co-selling', '', 'Text.', '', '### Enablement', '', 'Text.'),
    },
    {
      name: 'a table that lists them by row',
      text: tiering('## Levels', '', 'There are two levels:', '', '| Level | Discount |', '|---|---|', '| Registered | 10% |', '| Premier | 25% |'),
    },
  ],
  invalid: [
    {
      name: 'a yearly target against the same target at year end',
      text: strategy('## Financial Targets', '', '### 2027 Targets', '', '- **Partner-sourced ARR**: $18M', '', '## Roadmap', '', '### Q4 2027: Scale', '', '- Reach $11M partner-sourced ARR'),
      problems: [{ line: 10, message: /Partner-sourced ARR for 2027: \$18M here, but \$11M on line 16/ }],
    },
    {
      name: 'a customer count by a year against the same count in a targets list',
      text: strategy('## Summary', '', 'Together we reach 6,000+ mid-market customers by 2028.', '', '## 2028 Targets', '', '- Mid-market customers: 4500+'),
      problems: [{ line: 8, message: DIFFERS }],
    },
    {
      name: 'a revenue-share range against a different maximum',
      text: tiering('## Commercial terms', '', '| Tier | Revenue share |', '|---|---|', '| Silver | 10-15% |', '| Gold | 15-20% |', '', '## Tier summary', '', '| Tier | Revenue share |', '|---|---|', '| Gold | up to 25% |'),
      problems: [{ line: 11, message: /Revenue share for Gold: 15-20% here, but 25% on line 17/ }],
    },
    {
      name: 'requirements per tier in two tables, columns one way and rows the other',
      text: tiering(
        '## Requirements', '', '| Tier | Customer references |', '|---|---|', '| Silver | 1 |', '| Gold | 5 |', '| Platinum | 10 |', '',
        '## At a glance', '', '| Requirement | Silver | Gold | Platinum |', '|---|---|---|---|', '| Customer references | 0 | 2 | 5 |',
      ),
      problems: [{ line: 10, message: DIFFERS }, { line: 11, message: DIFFERS }, { line: 12, message: DIFFERS }],
    },
    {
      name: 'a tier overview table against the tier details',
      text: tiering('## Tier overview', '', '| Tier | Certified engineers |', '|---|---|', '| Silver | 2 |', '| Gold | 4 |', '', '## Tier details', '', '### Gold', '', '- **Certified engineers**: 6'),
      problems: [{ line: 11, message: /Certified engineers for Gold: 4 here, but 6 on line 17/ }],
    },
    {
      name: 'a tier table against the tier\u2019s own section',
      text: tiering('## Overview', '', '| Tier | Annual fee |', '|---|---|', '| Silver | $2,000 |', '| Gold | $8,000 |', '', '## Tiers', '', '### Gold', '', '- **Annual fee**: $6,000'),
      problems: [{ line: 11, message: /Annual fee for Gold: \$8,000 here, but \$6,000 on line 17/ }],
    },
    {
      name: 'a total row that does not add up: on the total, with the rows as related information',
      text: strategy('## Potential by category', '', '| Category | Annual potential |', '|---|---|', '| Cloud marketplaces | $45M+ |', '| Integrators | $20M+ |', '| Agencies | $10M+ |', '| **Total** | **$80M+** |'),
      problems: [{ line: 13, message: /The total Annual potential is \$80M\+, but the 3 rows above it add up to \$75M\+\. Correct the total or the rows/ }],
    },
    {
      name: 'month 24 of a plan against its year 2 targets',
      text: strategy('## Year 2 Targets', '', '- **Active partners**: 60', '', '## Milestones', '', '- **Month 24**: 45 active partners'),
      problems: [{ line: 8, message: /Active partners for Year 2: 60 here, but 45 on line 12/ }],
    },
    {
      name: 'a return on investment for a year, stated as two ratios',
      text: strategy('## Year 1 targets', '', '- **Return on investment**: 3:1', '', '## Budget', '', '**Expected Year 1 return on investment**: 1.5:1'),
      problems: [{ line: 8, message: /Return on investment for Year 1: 3:1 here, but 1.5:1 on line 12/ }],
    },
    {
      name: 'a count of partner types over a longer list',
      text: strategy('## Partner types', '', 'The program recognises three primary partner types', '- Resellers', '- Distributors', '- Integrators', '- Managed service providers'),
      problems: [{ line: 8, message: /^This says three primary partner types, but the list below it has 4 items\. Correct the count/ }],
    },
    {
      name: 'a count with a colon over a shorter list, in a list item',
      text: strategy('## Enablement', '', '- Partners can earn the **five** badges below:', '  - Sales', '  - Pre-sales'),
      problems: [{ line: 8, message: /five badges, but the list below it has 2 items/ }],
    },
    {
      name: 'a count over an HTML table with fewer columns and rows',
      text: tiering(
        '## Certifications', '', 'We offer our partners three (3) certifications:', '', '<table>', '', '<tr>', '<td>Implementation partner</td>', '<td>Training partner</td>', '</tr>', '',
        '<tr>', '<td>Delivers projects.</td>', '<td>Delivers courses.</td>', '</tr>', '</table>',
      ),
      problems: [{ line: 8, message: /three \(3\) certifications, but the table below it has neither 3 rows nor 3 columns/ }],
    },
    {
      name: 'a count over more subsections',
      text: strategy('## Pillars', '', 'The plan rests on **three** pillars, described below:', '', '### Integrations', '', 'Text.', '', '### Co-selling', '', 'Text.', '', '### Enablement', '', 'Text.', '', '### Events', '', 'Text.', '', '## Budget', '', 'Text.'),
      problems: [{ line: 8, message: /^This says three pillars, but 4 sections follow it\. Correct the count, or add or remove sections until the two agree\.$/ }],
    },
    {
      name: 'a count over a Markdown table that matches neither way',
      text: tiering('## Levels', '', 'Each partner sits at one of the following four levels:', '', '| Level | Discount |', '|---|---|', '| Registered | 10% |', '| Premier | 25% |'),
      problems: [{ line: 8, message: /four levels, but the table below it/ }],
    },
  ],
});

describe('numbers-inconsistent related information', () => {
  it('points at the other statement, and the json and sarif formats carry it', () => {
    const text = strategy('## 2027 Targets', '', '- Joint customers: 900', '', '## Roadmap', '', 'By end of 2027: 700 joint customers.');
    const [found, ...rest] = lintText(text, [numbersInconsistent], DEFAULT_CONFIG).diagnostics;
    assert.equal(rest.length, 0);
    assert.equal(found!.range.start.line + 1, 8);
    assert.deepEqual(found!.relatedInformation?.map((r) => r.range.start.line + 1), [12]);
    assert.match(found!.relatedInformation![0]!.message, /700/);
  });

  it('a total that does not add up points at each row it adds', () => {
    const text = strategy('## Budget', '', '| Item | Amount |', '|---|---|', '| Enablement | $400K |', '| Co-marketing | $300K |', '| Total | $800K |');
    const [found] = lintText(text, [numbersInconsistent], DEFAULT_CONFIG).diagnostics;
    assert.equal(found!.range.start.line + 1, 12);
    assert.match(found!.message, /add up to \$700K\./);
    assert.deepEqual(found!.relatedInformation?.map((r) => r.range.start.line + 1), [10, 11]);
  });

  it('a count points at the list it counts', () => {
    const text = strategy('## Tracks', '', 'Our two partner tracks are:', '', '- Build', '- Sell', '- Service', '', 'More text.');
    const [found, ...rest] = lintText(text, [numbersInconsistent], DEFAULT_CONFIG).diagnostics;
    assert.equal(rest.length, 0);
    assert.deepEqual([found!.range.start.line + 1, found!.range.start.character, found!.range.end.character], [8, 4, 22]);
    assert.deepEqual(found!.relatedInformation?.map((r) => [r.range.start.line + 1, r.range.end.line + 1]), [[10, 12]]);
  });

  it('is absent on diagnostics with nothing related', () => {
    const text = strategy('## 2027 Targets', '', '- Joint customers: 900', '', '## Roadmap', '', 'By end of 2027: 900 joint customers.');
    assert.deepEqual(lintText(text, [numbersInconsistent], DEFAULT_CONFIG).diagnostics, []);
  });
});

describe('numbers-inconsistent on hostile text', () => {
  it('reads counts before long lists, long paragraphs and unclosed comments in an HTML table in linear time', () => {
    const items = Array.from({ length: 500 }, (_, i) => `- Partner ${i}`);
    const text = strategy(
      '## Counts', '',
      `${'word '.repeat(5_000)}our three partner types are:`, ...items, '',
      `Our${' '.repeat(50_000)}three tracks:`, '', '<table>', '<tr><td>a</td></tr>', '<!-- '.repeat(5_000), '</table>', '',
    );
    const started = process.hrtime.bigint();
    const found = lintText(text, [numbersInconsistent], DEFAULT_CONFIG).diagnostics;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(ms < 3000, `took ${ms} ms`);
    assert.deepEqual(found.map((d) => d.message.slice(0, 40)), ['This says three partner types, but the l', 'This says three tracks, but the table be']);
  });


  it('reads a line of 20,000 figures, long unbroken labels and repeated years in linear time', () => {
    const text = strategy(
      '## 2027 Targets', '',
      '1'.repeat(50_000) + ' ' + '$1 '.repeat(20_000),
      'a: '.repeat(20_000) + '1',
      '2026 '.repeat(20_000) + '500 customers',
      'x'.repeat(30_000) + ': $5M',
    );
    const started = process.hrtime.bigint();
    lintText(text, [numbersInconsistent], DEFAULT_CONFIG);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // About 100 ms here; the quadratic reading this guards against took minutes.
    assert.ok(ms < 3000, `took ${ms} ms`);
  });
});
