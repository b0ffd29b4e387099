import { testRule } from '../rule-tester';
import { exitCriteriaMissing } from '../../../src/rules/exit-criteria-missing';

const strategy = (...lines: string[]) => ['---', 'type: partnership-strategy', '---', '# Northwind Channel Strategy', '', ...lines].join('\n');
const NOTHING = /Nothing in this strategy says when a partnership is ended, downgraded or not renewed/;
const OPEN_REVIEW = /This re-evaluation has nothing to decide by/;

/** A plan that commits partners to minimums and says nothing about what follows a miss. */
const PLAN = [
  '## Partner types', '', '- Regional resellers with a healthcare practice.', '- Cloud marketplaces.', '',
  '## Commitments', '', '- Gold partners commit to $400K of annual bookings.', '- Silver partners commit to $150K of annual bookings.', '',
];

testRule(exitCriteriaMissing, {
  valid: [
    { name: 'a termination clause', text: strategy(...PLAN, '## Governance', '', '- Either side may terminate with 60 days written notice.') },
    { name: 'tier demotion for a missed minimum', text: strategy(...PLAN, '## Tier reviews', '', '- A partner below its bookings minimum for two quarters is demoted one tier.') },
    { name: 'a consequence for partners who fall short', text: strategy(...PLAN, '- Partners that fail to meet the minimum lose Gold benefits at the next review.') },
    { name: 'a renewal decided on results', text: strategy(...PLAN, '- Agreements run for a year; renewal is subject to reaching 80% of the bookings commitment.') },
    { name: 'a trial re-evaluated against criteria', text: strategy(...PLAN, '- The launch discount is re-evaluated after six months against the number of closed deals.') },
    { name: 'tier status reviewed every year', text: strategy(...PLAN, '- Tier status is reviewed annually against the requirements above.') },
    { name: 'a go/no-go decision', text: strategy(...PLAN, '## Roadmap', '', '- Q2 2027: pilot with two resellers; no-go if fewer than 3 deals close.') },
    { name: 'a section titled for it', text: strategy(...PLAN, '## Termination', '', 'Either side, after the second missed quarter.') },
    { name: 'partners removed from the program', text: strategy(...PLAN, '- Inactive partners are removed from the program after twelve months without a deal.') },
    {
      name: 'a page written to prospective partners (their agreement holds the terms)',
      text: strategy(
        '## Why join', '', 'Grow your business with Northwind. You get discounts on every deal you register, and your team gets free training.', '',
        '## What you get', '', '- Your own partner manager once you reach Gold.', '- Leads in your region.', '',
        '## How to apply', '', 'Send us your company profile and we will reply within a week. You can start selling the day you sign.',
      ),
    },
    {
      name: 'a text mostly in another script',
      text: strategy('## パートナー制度', '', 'パートナー企業と共同で顧客に価値を提供します。販売と導入の両面で協力し、四半期ごとに成果を確認します。', '', '## 対象', '', '- 販売パートナー', '- 技術パートナー'),
    },
    { name: 'not a strategy', text: ['---', 'type: partner-tiering', '---', '# Northwind Partner Tiers', '', '## Gold', '', '- $400K bookings.'].join('\n') },
  ],
  invalid: [
    {
      name: 'commitments with no exit: on the governance heading',
      text: strategy(...PLAN, '## Governance', '', '- The VP Partnerships owns the program.', '- Quarterly business reviews with each Gold partner.'),
      problems: [{ line: 16, message: NOTHING }],
    },
    {
      name: 'no governance or risks section: on the title',
      text: strategy(...PLAN),
      problems: [{ line: 4, message: NOTHING }],
    },
    {
      name: 'risks with mitigations only: on the risks heading',
      text: strategy(...PLAN, '## Risks', '', '| Risk | Mitigation |', '|---|---|', '| A reseller stops selling | Weekly pipeline calls |'),
      problems: [{ line: 16, message: NOTHING }],
    },
    {
      name: 'a re-evaluation with nothing to decide by: on the re-evaluation',
      text: strategy(...PLAN, '## Pricing', '', '- Launch pricing holds for nine months.', '- It will be re-evaluated after nine months.'),
      problems: [{ line: 19, message: OPEN_REVIEW }],
    },
    {
      name: 'a re-evaluation with no time set is not where the decision is taken: on the title',
      text: strategy(...PLAN, '- We reconsider which trade shows to attend.'),
      problems: [{ line: 4, message: NOTHING }],
    },
    {
      name: '"no termination clause" is not one',
      text: strategy(...PLAN, '- There is no termination clause yet.'),
      problems: [{ line: 4, message: NOTHING }],
    },
    {
      name: 'exit words inside a code block do not count',
      text: strategy(...PLAN, '```', 'Either side may terminate with 30 days notice.', '```'),
      problems: [{ line: 4, message: NOTHING }],
    },
    {
      name: 'a few words to the reader do not make a recruitment page',
      text: strategy(...PLAN, 'If you own a partner account, keep these numbers in mind.'),
      problems: [{ line: 4, message: NOTHING }],
    },
  ],
});
