import * as assert from 'node:assert/strict';
import { testRule } from '../rule-tester';
import { lintText, DEFAULT_CONFIG } from '../../../src/core';
import { tiersNoGraduationPath } from '../../../src/rules/tiers-no-graduation-path';
import { md } from '../helpers';

const HEAD = ['---', 'type: partner-tiering', '---', '# Acme Partner Tiers', ''];
const tiering = (...lines: string[]) => md(...HEAD, ...lines);
const NONE = /None of these (\d) tiers says how a partner earns the next one/;
const STEP = (a: string, b: string) => new RegExp(`from "${a}" to "${b}"`);

testRule(tiersNoGraduationPath, {
  valid: [
    {
      name: 'tiers only named in a sentence have no description a criterion could be missing from',
      text: tiering('Partners join one of three levels: Registered, Select and Premier.', ''),
    },
    {
      name: 'partner categories introduced as tiers: not a ladder to climb',
      text: md('---', 'type: partnership-strategy', '---', '# Acme Partnership Strategy', '', 'Each partner tier works on these terms:', '', '| Category | Share |', '|---|---|', '| Cloud platforms | 75% |', '| Integrators | 85% |', '| Agencies | 95% |'),
    },
    {
      name: 'sponsor tiers bought at a price: the price is the way up',
      text: tiering('## Sponsor tiers', '', '### Gold', '', '- USD 2,000/month: logo on the front page.', '', '### Silver', '', '- $500 per month: logo in the README.', '', '### Bronze', '', '- $100/mo: name in BACKERS.md.'),
    },
    {
      name: 'criteria in each lower tier',
      text: tiering(
        '## Tier 1: Integration Partner',
        'Self-serve on the public API. Evaluated for Tier 2 after 6 months.',
        '',
        '## Tier 2: Partnership Partner',
        'Joint development. Graduation to Tier 3 needs 20 joint customers and an executive sponsor.',
        '',
        '## Tier 3: Strategic Partner',
        'Roadmap alignment.',
      ),
    },
    {
      name: 'a separate graduation section covers every step',
      text: tiering(
        '## Tier 1', 'Self-serve.', '', '## Tier 2', 'Joint development.', '', '## Tier 3', 'Strategic.',
        '', '## Moving up', '', 'Partners move up once a year, based on joint customers and certified staff.',
      ),
    },
    {
      name: 'entry requirements written on the higher tiers (CRLF)',
      text: tiering(
        '**Silver:**', 'Self-serve.', '', '**Gold:**', 'Requirements: 10 live joint customers.', '', '**Platinum:**', 'Eligibility: two quarters at Gold and $1M influenced pipeline.',
      ).replace(/\n/g, '\r\n'),
    },
    {
      name: 'a table with a criteria column filled in for the lower tiers',
      text: tiering(
        '| Tier | Benefits | Criteria to advance |',
        '| --- | --- | --- |',
        '| Registered | Docs, office hours | 5 joint customers |',
        '| Select | Monthly syncs | $500K influenced pipeline |',
        '| Premier | Partner manager | — |',
      ),
    },
    {
      name: 'membership levels bought by a fee column: the fee is the way in',
      text: tiering('| Membership level | Annual fee | Seats |', '| --- | --- | --- |', '| Gold | $80k | Board seat |', '| Silver | $25k | Elected seat |', '| Bronze | $5k | Working groups |'),
    },
    {
      name: 'a price list whose top level is by arrangement is still bought',
      text: tiering('## Sponsor tiers', '', '- **Headline Sponsor**: one only, ask us', '- **Gold ($1,500/mo)**: large logo', '- **Silver ($600/mo)**: logo', '- **Bronze ($150/mo)**: name listed'),
    },
    {
      name: 'a benefits matrix with the levels as columns compares them; it is not where the way up is written',
      text: tiering('## Membership tiers', '', '<table>', '<tr><th></th><th>Bronze</th><th>Silver</th><th>Gold</th></tr>', '<tr><th>Workshops</th><td>1</td><td>2</td><td>4</td></tr>', '</table>'),
    },
    {
      name: 'the same matrix in Markdown',
      text: tiering('## Membership tiers', '', '| Benefit | Bronze | Silver | Gold |', '| --- | --- | --- | --- |', '| Workshops | 1 | 2 | 4 |'),
    },
    {
      name: 'entry requirements under a bold sub-heading of each tier',
      text: tiering(
        '## Partner tiers', '',
        '### Silver partners', '**Entry requirements:**', '- Signed agreement', '',
        '### Gold partners', '**Entry requirements:**', '- Five joint customers', '',
        '### Platinum partners', '**Entry requirements:**', '- Twenty joint customers',
      ),
    },
    {
      name: 'a second group the document does not call tiers is not judged when the program ladder has criteria',
      text: tiering(
        '## Who we recruit', '', '### Tier 1 national integrators', 'Large firms.', '### Tier 2 regional integrators', 'Mid-size firms.', '',
        '## Program structure', '', '### Gold channel partners', 'Requirements: $2M revenue.', '### Silver channel partners', 'Requirements: $500K revenue.',
      ),
    },
    {
      name: 'a mis-delimited pipe table of levels with a fee column is bought, not climbed',
      text: tiering('| Membership level | Yearly fee |', '|---|---|---|', '| Gold | $40k |', '| Silver | $10k |', '| Bronze | $2k |'),
    },
    {
      name: 'pipes in ordinary prose are not a table',
      text: tiering('## Tier 1', 'Uses a | b.', '', '## Tier 2', 'Evaluated for Tier 3 after 6 months.', '', '## Tier 3', 'x', '', '| not | a table', 'just text |'),
    },
    {
      name: 'a lead-in about levels of something else over a plain list',
      text: md('---', 'type: partnership-strategy', '---', '# Strategy', '', 'We measure the partnership at three levels:', '', '- Adoption', '- Revenue', '- Retention'),
    },
    {
      name: 'a diagram of maturity levels is not a partner ladder',
      text: md('---', 'type: partnership-strategy', '---', '# Strategy', '', '```', 'Maturity levels:', '├── Initial', '├── Managed', '└── Optimised', '```'),
    },
    { name: 'a single tier is not a model', text: tiering('## Tier 1', 'Everyone starts here.') },
    {
      name: 'a decision tree elsewhere in the document',
      text: tiering(
        '## Tier 1', 'Self-serve.', '## Tier 2', 'Joint.', '## Tier 3', 'Strategic.',
        '', '## Which tier?', '', '- Partners with engineering start at Tier 1 and are evaluated for Tier 2 after 6 months.',
      ),
    },
    { name: 'not a tiering document', text: md('---', 'type: partnership-charter', '---', '# Charter', '', '## Tier 1', 'x', '## Tier 2', 'x') },
  ],
  invalid: [
    {
      name: 'a mis-delimited pipe table of levels with neither fee nor criteria',
      text: tiering('## Membership', '', '| Membership level | Seats |', '|---|---|---|', '| Gold | Board |', '| Silver | Elected |', '| Bronze | None |'),
      problems: [{ line: 6, message: /None of these 3 tiers/ }],
    },
    {
      name: 'member levels described by who they suit; "advance notice", "Common Criteria" and legal requirements are not a way up',
      text: md(
        '---', 'type: partner-tiering', '---', '# Consortium membership', '',
        '## Gold members', 'Chip vendors who steer the roadmap. Advance notice of security fixes.', '',
        '## Silver members', 'Integrators. Help with Common Criteria evidence.', '',
        '## Bronze members', 'Supporters who contribute code.', '',
        '## Fees', 'Fees keep the project compliant with legal requirements.',
      ),
      problems: [{ line: 4, message: /None of these 3 tiers/ }],
    },
    {
      name: 'two ladders in diagrams: the one without criteria is reported on its "Levels:" line',
      text: md(
        '---', 'type: partnership-strategy', '---', '# Ecosystem strategy', '',
        '```', 'Reseller tiers:', '├── Registered Reseller', '│   └── Requirements: signed agreement', '└── Premier Reseller', '    └── Requirements: $1M resold a year',
        '', 'Technology partner levels:', '├── Listed', '│   └── Directory entry', '├── Integrated', '│   └── Joint webinar', '└── Strategic Alliance', '    └── Executive sponsor', '```',
      ),
      problems: [{ line: 13, message: /None of these 3 tiers/ }],
    },
    {
      name: 'tiers of which only some have a price still need a way up',
      text: tiering('## Tiers', '', '### Gold', '', '- $2,000/month.', '', '### Silver', '', '- Listed in the directory.'),
      problems: [{ line: 6, message: NONE }],
    },
    {
      name: 'no tier says how to move up: one report on the title',
      text: tiering(
        '## Tier 1: Integration Partner',
        'Self-serve on the public API; the partner drives its own promotion.',
        '',
        '## Tier 2: Partnership Partner',
        'Co-developed integration and co-marketing support.',
        '',
        '## Tier 3: Strategic Partner',
        'Dedicated partner manager.',
      ),
      problems: [{ line: 4, message: NONE }],
    },
    {
      name: 'tiers under their own heading: reported on that heading',
      text: tiering('Intro.', '', '## Partner tiers', '', '### Bronze', 'Docs.', '### Silver', 'Syncs.', '### Gold', 'Sponsor.'),
      problems: [{ line: 8, message: /None of these 3 tiers/ }],
    },
    {
      name: 'one step has criteria and the next does not: reported on the tier without a way in',
      text: tiering(
        '## Tier 1', 'Self-serve. Moves to Tier 2 after 6 months.', '',
        '## Tier 2', 'Joint development.', '',
        '## Tier 3', 'Strategic.', '',
        '## Tier 4', 'Requirements: 50 joint customers.',
      ),
      problems: [{ line: 12, message: STEP('Tier 2', 'Tier 3') }],
    },
    {
      name: 'a table whose criteria column is blank between two tiers',
      text: tiering(
        '| Level | Benefits | Requirements |',
        '| --- | --- | --- |',
        '| Level 1 | Docs | 5 joint customers |',
        '| Level 2 | Syncs | n/a |',
        '| Level 3 | Sponsor | TBD |',
        '| Level 4 | Board seat | 5 years |',
      ),
      problems: [{ line: 10, message: STEP('Level 2', 'Level 3') }],
    },
    {
      name: 'a bold-led list of tiers with no criteria',
      text: tiering('## Tiers', '', '- **Tier 1:** self-serve', '- **Tier 2:** joint development'),
      problems: [{ line: 6, message: /None of these 2 tiers/ }],
    },
  ],
});

describe('tiers-no-graduation-path ranges', () => {
  it('puts a step report on the tier name in a table, not the whole row', () => {
    const text = tiering('| Tier | Perks | Criteria |', '| --- | --- | --- |', '| Tier 1 | Docs | 5 customers |', '| Tier 2 | Syncs | |', '| Tier 3 | Sponsor | |');
    const [d] = lintText(text, [tiersNoGraduationPath], DEFAULT_CONFIG).diagnostics;
    assert.deepEqual(d?.range, { start: { line: 9, character: 2 }, end: { line: 9, character: 8 } });
  });
});
