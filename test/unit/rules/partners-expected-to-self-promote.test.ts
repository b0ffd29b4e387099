import { testRule } from '../rule-tester';
import { partnersExpectedToSelfPromote } from '../../../src/rules/partners-expected-to-self-promote';

const strategy = (...lines: string[]) => ['---', 'type: partnership-strategy', '---', '# Larkspur Partner Strategy', '', ...lines].join('\n');
const NOTHING = /gives them nothing to do it with\. Provide what the framework's co-marketing checklist names/;

testRule(partnersExpectedToSelfPromote, {
  valid: [
    { name: 'resellers with training and a partner portal', text: strategy('## Reseller program', '', '- 20% margin on every deal.', '- Sales training in the first month and a partner portal with the deck and demo.') },
    { name: 'partners promote with co-marketing templates', text: strategy('## Go-to-market', '', '- Partners will promote the connector to their customers.', '- We supply co-marketing templates for the launch email and webinar.') },
    { name: 'a named partner manager', text: strategy('## Agencies', '', '- Agencies are expected to sell the bundle.', '- Each agency has a partner manager for questions and deal reviews.') },
    { name: 'no ask to sell or promote', text: strategy('## Integrations', '', '- Two data platforms build connectors in 2027.', '- Both sides staff one engineer each.') },
    { name: 'not a strategy', text: ['---', 'type: partnership-charter', '---', '# Larkspur Charter', '', '## Value Exchange', '', '- The partner will resell the bundle.'].join('\n') },
    {
      name: 'the ask negated',
      text: strategy('## Model', '', '- Partners are not expected to sell; they build the integration.'),
    },
  ],
  invalid: [
    {
      name: 'partners told to market the offer with nothing: on the ask',
      text: strategy('## Go-to-market', '', '- Partners will market the joint offer in their regions.', '- Target: 50 deals in 2027.'),
      problems: [{ line: 8, message: NOTHING }],
    },
    {
      name: 'a reseller program with a discount and no help: on the statement that support will be thin',
      text: strategy('## Reseller program', '', '- Resellers buy at 35% off list.', '- Minimum deal: 25 seats.', '', '## Why', '', '- Early partners should know that support will be limited for the first year.'),
      problems: [{ line: 13, message: /says "support will be limited"/ }],
    },
    {
      name: 'partners driving their own promotion',
      text: strategy('## Tier 1', '', '- Each partner drives its own promotion after listing.'),
      problems: [{ line: 8, message: /\("drives its own promotion"\)/ }],
    },
    {
      name: 'help that is denied does not count',
      text: strategy('## Resellers', '', '- Resellers must sell at list price.', '- There is no sales enablement in year one.'),
      problems: [{ line: 8, message: NOTHING }],
    },
    {
      name: 'enablement words in a code block do not count',
      text: strategy('## Resellers', '', '- Resellers must sell at list price.', '', '```', 'enablement: training, templates', '```'),
      problems: [{ line: 8, message: NOTHING }],
    },
  ],
});
