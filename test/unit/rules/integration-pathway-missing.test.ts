import { testRule } from '../rule-tester';
import { integrationPathwayMissing } from '../../../src/rules/integration-pathway-missing';

const launch = (...lines: string[]) => ['---', 'type: launch-plan', '---', '# Initech × Hooli launch plan', '', ...lines].join('\n');
const strategy = (...lines: string[]) => ['---', 'type: partnership-strategy', '---', '# Hooli Partnership Strategy', '', ...lines].join('\n');
const NO_PATHWAY = /never says how the two products connect/;

testRule(integrationPathwayMissing, {
  valid: [
    { name: 'the launch names its API', text: launch('## Launch week', '', '- Launch the joint integration on 2027-05-03.', '', '## Scope', '', 'Hooli reads Initech tickets through the public REST API.') },
    { name: 'a connector is a pathway', text: launch('## Launch week', '', '- The Hooli integration goes live: a connector syncs contacts both ways.') },
    { name: 'single sign-on and an embedded view', text: strategy('## Roadmap', '', '- Q3: general availability of the joint solution, with SSO and an embedded dashboard.') },
    { name: 'integrates with, said anywhere', text: strategy('## Product', '', 'Initech integrates with Hooli Mail.', '', '## Roadmap', '', '- Q2: launch the marketplace listing.') },
    { name: 'the framework\u2019s pre-launch item: the integration validated end to end', text: launch('## Pre-launch', '', '- [ ] Technical integration validated with two customers', '', '## Launch week', '', '- Launch the Hooli integration to every customer.') },
    { name: 'launch blockers are not a launch', text: strategy('## Risks', '', '- Open integration launch blockers are tracked by the product team.') },
    { name: 'a co-sell program with no technical launch', text: strategy('## Co-selling', '', '- Partners register deals and earn 15% referral fees.', '- Joint account planning every quarter.', '', '## Launch', '', '- The reseller program launches in March.') },
    { name: 'a co-marketing program offering launch campaigns', text: strategy('## Campaign types', '', '- **Product launches**: joint product launch campaigns and announcements.', '- Webinars and co-branded content.') },
    { name: 'a published post about a partnership', text: ['---', 'date: 2027-05-03', 'author: Sam', '---', '# Our partnership with Hooli', '', 'Today we launched the joint solution.'].join('\n') },
    { name: 'an ordinary README announcing an integration', text: ['# tinyqueue', '', 'A small queue.', '', '## News', '', 'We launched the Slack integration last week.'].join('\n') },
    { name: 'a tier model is not asked', text: ['---', 'type: partner-tiering', '---', '# Hooli Partner Tiers', '', '| Benefit | Silver | Gold | Platinum |', '|---|---|---|---|', '| Marketplace listing at launch | | ✓ | ✓ |'].join('\n') },
  ],
  invalid: [
    {
      name: 'the same page when it is not a published post',
      text: ['# Our partnership with Hooli', '', 'Today we launched the joint solution.'].join('\n'),
      problems: [{ line: 3, message: NO_PATHWAY }],
    },
    {
      name: 'a launch plan that launches the integration and never says how it connects: on the launch words',
      text: launch('## Pre-launch', '', '- Joint value proposition agreed.', '', '## Launch week', '', '- Launch the Hooli integration to all customers on 2027-05-03.'),
      problems: [{ line: 12, message: NO_PATHWAY }],
    },
    {
      name: 'a strategy whose roadmap puts the joint solution on a marketplace, once',
      text: strategy('## Roadmap', '', '- Q2 2027: the joint solution goes live on the cloud marketplace.', '- Q3 2027: launch the marketplace listing in Europe.'),
      problems: [{ line: 8, message: NO_PATHWAY }],
    },
  ],
});
