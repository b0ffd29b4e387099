import { testRule } from '../rule-tester';
import { postLaunchTouchpointsMissing } from '../../../src/rules/post-launch-touchpoints-missing';

const plan = (...lines: string[]) => ['---', 'type: rollout-plan', '---', '# Initech connector rollout', '', ...lines].join('\n');
const strategy = (...lines: string[]) => ['---', 'type: partnership-strategy', '---', '# Initech Partnership Strategy', '', '## Roadmap', '', ...lines].join('\n');
const GHOSTED = /says nothing about meeting partners again/;

testRule(postLaunchTouchpointsMissing, {
  valid: [
    { name: 'a quarterly business review after launch', text: plan('- Pilot (6 weeks): three customers', '- Launch: from 2027-05-01', '', '## After launch', '', 'A QBR with both sponsors.') },
    { name: 'a monthly check-in with each partner', text: plan('- Pilot (6 weeks): three customers', '- General availability: all customers', '', 'Partner managers hold a monthly check-in on adoption.') },
    { name: 'a meeting word before its period', text: strategy('### Q1 2027: Pilot', '', '- Two partners.', '', '### Q3 2027: Scale', '', '- Partner leads meet every quarter to go over pipeline.') },
    { name: 'a governance cadence that covers partners', text: strategy('### H1: Pilot', '', '- Two partners.', '', '### H2: Launch', '', '- Everyone.', '', '## Governance', '', 'A joint steering committee oversees every partnership.') },
    { name: 'a health review of each partnership', text: plan('- Beta: ten customers', '- Full rollout: every region', '', 'Each partnership gets a health review after rollout.') },
    { name: 'no launch phase: a pilot on its own is not asked', text: plan('- Pilot (6 weeks): three customers; go/no-go: two renew') },
    { name: 'a strategy whose launch is outside any roadmap section', text: ['---', 'type: partnership-strategy', '---', '# Initech Partnership Strategy', '', '## Recruitment', '', '- Pilot: two partners', '- Launch: everyone'].join('\n') },
    { name: 'a launch plan is launch-no-follow-up\u2019s business', text: ['---', 'type: launch-plan', '---', '# Initech connector launch', '', '## Launch week', '', '- Launch: 2027-05-01'].join('\n') },
    { name: 'an ordinary README with a release section', text: ['# tinyqueue', '', 'A small queue.', '', '## Roadmap', '', '- Beta: now', '- Launch: 1.0 in spring'].join('\n') },
  ],
  invalid: [
    {
      name: 'a rollout that stops at general availability: on the run label',
      text: plan('- Pilot (6 weeks): three customers', '- Beta (10 weeks): twelve customers', '- General availability: from 2027-09-01'),
      problems: [{ line: 8, message: GHOSTED }],
    },
    {
      name: 'a strategy roadmap that ends in a launch, once, with a monthly revenue figure that is no touchpoint',
      text: strategy('### Q2 2027: Pilot projects', '', '- Three partners; $40K monthly revenue target.', '', '### Q4 2027: Partnership launches', '', '- Marketplace listing live.'),
      problems: [{ line: 12, message: GHOSTED }],
    },
  ],
});
