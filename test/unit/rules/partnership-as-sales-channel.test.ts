import { testRule } from '../rule-tester';
import { partnershipAsSalesChannel } from '../../../src/rules/partnership-as-sales-channel';

const strategy = (...lines: string[]) => ['---', 'type: partnership-strategy', '---', '# Fernhill Partner Strategy', '', ...lines].join('\n');
const SALES = /hands selling to partners, and nothing in this section says what they add to the product/;

testRule(partnershipAsSalesChannel, {
  valid: [
    {
      name: 'partners sell and build the connector in the same section',
      text: strategy('## Our model', '', 'Instead of direct sales, resellers reach hospitals for us.', '', '- Each reseller builds a connector to its own scheduling system.'),
    },
    {
      name: 'a reseller program that does not hand selling over',
      text: strategy('## Resellers', '', '- Resellers buy at a 30% discount and resell to their customers.', '- Our account executives keep selling directly.'),
    },
    {
      name: 'a co-development strategy',
      text: strategy('## Model', '', 'Partners co-develop modules on our platform and list them in the marketplace.'),
    },
    {
      name: 'the framing negated',
      text: strategy('## Model', '', 'Partners do not replace our direct sales team; they widen what a deal can include.'),
    },
    { name: 'not a strategy', text: ['---', 'type: partnership-charter', '---', '# Fernhill Charter', '', '## Value Exchange', '', '- Partners handle sales in EMEA.'].join('\n') },
    {
      name: 'a framing in a code block',
      text: strategy('## Model', '', '```', 'partners handle sales', '```', '', 'We build the product.'),
    },
  ],
  invalid: [
    {
      name: 'partners replace direct sales: on the statement',
      text: strategy('## How we grow', '', 'We focus on the product; partners handle sales in every region.', '', '- Lower cost per customer.', '- Faster growth.'),
      problems: [{ line: 8, message: SALES }],
    },
    {
      name: 'integrations named elsewhere do not rescue the section that frames partners as sellers',
      text: strategy(
        '## Go-to-market', '', 'Rather than building a sales force, we let partners carry the product to market.', '',
        '## Product', '', '- Our native integration with the billing system ships in Q3.',
      ),
      problems: [{ line: 8, message: SALES }],
    },
    {
      name: 'commission-only partners, once per document',
      text: strategy('## Partners', '', '- Agents work commission-only.', '- Partners are our sales channel in Asia.'),
      problems: [{ line: 8, message: /"commission-only" hands selling to partners/ }],
    },
    {
      name: 'in the introduction, the whole document is read',
      text: strategy('Partners will replace our direct sales team by 2028.', '', '## Targets', '', '- 40 partners.'),
      problems: [{ line: 6, message: SALES }],
    },
  ],
});
