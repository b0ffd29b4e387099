import { testRule } from '../rule-tester';
import { launchPrelaunchIncomplete } from '../../../src/rules/launch-prelaunch-incomplete';
import { md } from '../helpers';

const HEAD = ['---', 'type: launch-plan', '---', '# Northwind × Fabrikam Launch Plan', ''];
const plan = (...lines: string[]) => md(...HEAD, ...lines);

const READY = [
  '## Pre-launch (5 weeks before)',
  '',
  '- [ ] Joint value proposition signed off by both marketing leads',
  '- [ ] Two customer case study candidates shortlisted',
  '- [ ] Integration tested end to end on the staging tenant',
  '- [ ] Sales enablement kit: one-pager, deck and demo',
  '- [ ] Support teams on both sides trained on the new ticket flow',
];

testRule(launchPrelaunchIncomplete, {
  valid: [
    { name: 'every pre-launch item planned', text: plan(...READY, '', '## Launch week', '', '- Press release') },
    { name: 'no pre-launch section is not judged here', text: plan('## Launch week', '', '- Press release', '- Webinar') },
    { name: 'an empty pre-launch heading is not judged here', text: plan('## Pre-launch', '', '## Launch week', '', '- Press release') },
    {
      name: 'items planned in their own sections before launch count',
      text: plan(
        '## Pre-launch', '', '- Agree the announcement date', '- Value proposition agreed with Fabrikam marketing', '',
        '## Enablement', '', '- Sales playbook and battlecards for both field teams', '- Support runbook reviewed with both help desks', '',
        '## Proof', '', '- Customer story from the first joint account', '- Integration certified by Fabrikam QA',
      ),
    },
    {
      name: 'a software release plan with a pre-launch section',
      text: ['# v4 release plan', '', '## Pre-launch', '', '- Freeze the API', '- Cut the release branch', '', '## Launch day', '', '- Publish to npm'].join('\n'),
    },
    {
      name: 'a README with a pre-launch checklist',
      text: ['# rocketctl', '', 'A CLI for launching rockets in a simulator.', '', '## Pre-launch', '', '- Check fuel levels', '- Arm the igniter', '', '## Launch', '', '`rocketctl go`'].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a pre-launch section with only some of the checklist, reported once on its heading',
      text: plan(
        '## Pre-launch (4 weeks before)', '', '- [ ] Joint value proposition reviewed by both teams', '- [ ] Draft the press release', '',
        '## Launch week', '', '- Case study webinar', '- Sales teams briefed', '',
        '## Post-launch', '', '- Support issues triaged in a shared channel',
      ),
      problems: [{
        line: 6,
        message: /^The pre-launch plan leaves out a customer case study .*; the technical integration validated.*; sales enablement .*; and support trained .*4-6 weeks before launch/,
      }],
    },
    {
      name: 'one item missing is named alone',
      text: plan(...READY.filter((l) => !l.includes('Support')), '', '## Launch week', '', '- Press release'),
      problems: [{ line: 6, message: /^The pre-launch plan leaves out support trained on both sides to handle the tickets\. Add it / }],
    },
    {
      name: 'launch-week items do not count as ready before launch',
      text: plan('## Before launch', '', '- Book the venue', '', '## Launch week', '', '- Joint value proposition finalised', '- Case study published', '- Integration validated', '- Sales enablement deck', '- Support trained'),
      problems: [{ line: 6, message: /leaves out a joint value proposition .*; a customer case study.*; the technical integration validated.*; sales enablement.*; and support trained/ }],
    },
  ],
});
