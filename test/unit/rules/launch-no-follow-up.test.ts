import { testRule } from '../rule-tester';
import { launchNoFollowUp } from '../../../src/rules/launch-no-follow-up';
import { md } from '../helpers';

const HEAD = ['---', 'type: launch-plan', '---', '# Acme × Globex Launch Plan', ''];
const plan = (...lines: string[]) => md(...HEAD, ...lines);
const MESSAGE = /stops at launch.*tracks adoption.*triages support.*case study.*pipeline impact.*quarterly business review/;

const CHECKLIST = [
  '- [ ] Adoption tracked every week on a dashboard both teams can see (invited, active and retained joint customers)',
  '- [ ] Support issues triaged together in a shared channel, with a named owner on each side',
  '- [ ] Case study published with measured results from an early joint customer',
  '- [ ] Pipeline impact measured: deals the partnership sourced or influenced',
  '- [ ] Quarterly business review booked with both executive sponsors',
];

const PRE_AND_LAUNCH = [
  '## Pre-launch (4-6 weeks before)',
  '',
  '- [x] Joint value proposition signed off by both marketing teams',
  '- [ ] Sales one-pager and demo ready',
  '',
  '## Launch week',
  '',
  '- [ ] Press release on 2027-03-02',
  '- [ ] Joint webinar within two weeks',
];

testRule(launchNoFollowUp, {
  valid: [
    {
      name: 'a plan with a post-launch section',
      text: plan(...PRE_AND_LAUNCH, '', '## Post-launch (weeks 2-8)', '', '- [ ] Weekly adoption dashboard', '- [ ] QBR in June'),
    },
    {
      name: 'follow-up written under another heading name',
      text: plan(...PRE_AND_LAUNCH, '', '## After the launch', '', 'Both teams meet every Monday to review sign-ups.'),
    },
    {
      name: 'follow-up mentioned in prose without a post-launch heading',
      text: plan(...PRE_AND_LAUNCH, '', 'Support tickets from joint customers are triaged in #acme-globex.'),
    },
    {
      name: 'a bold pseudo-heading for the follow-up, with CRLF line breaks',
      text: plan('**Launch week:**', '- Press release', '', '**Follow-up:**', '- Monthly review of joint customers').replace(/\n/g, '\r\n'),
    },
    {
      name: 'a quarterly business review in a table',
      text: plan('| When | What |', '| --- | --- |', '| Launch day | Press release |', '| Week 6 | Quarterly business review |'),
    },
    { name: 'a skeleton with only a title is not judged yet', text: plan('Owner: Dana Reyes.') },
    { name: 'not a launch plan', text: md('---', 'type: partnership-charter', '---', '# Charter', '', '## Launch week', '- Press release') },
  ],
  invalid: [
    {
      name: 'pre-launch and launch week only: reported on the launch week heading, fixed by appending a checklist',
      text: plan(...PRE_AND_LAUNCH),
      problems: [{ line: 11, message: MESSAGE }],
      output: plan(...PRE_AND_LAUNCH, '', '## Post-launch (weeks 2-8)', '', ...CHECKLIST, ''),
    },
    {
      name: 'a case study that is only planned does not count as follow-up',
      text: plan('## Pre-launch', '', '- Customer case study identified (2-3 options)', '- Support trained on the integration'),
      problems: [{ line: 4, message: MESSAGE }],
      output: plan('## Pre-launch', '', '- Customer case study identified (2-3 options)', '- Support trained on the integration', '', '## Post-launch (weeks 2-8)', '', ...CHECKLIST, ''),
    },
    {
      name: 'an empty post-launch heading: reported on it and filled in under it',
      text: plan('## Launch week', '', '- Press release', '', '## Post-launch', '', '## Owners', '', '- Dana Reyes'),
      problems: [{ line: 10, message: MESSAGE }],
      output: plan('## Launch week', '', '- Press release', '', '## Post-launch', '', ...CHECKLIST, '', '## Owners', '', '- Dana Reyes'),
    },
    {
      name: 'CRLF line breaks and a trailing newline keep their style',
      text: plan('### Launch day', '', '- Blog posts on both sites', '').replace(/\n/g, '\r\n'),
      problems: [{ line: 6, message: MESSAGE }],
      output: plan('### Launch day', '', '- Blog posts on both sites', '', '### Post-launch (weeks 2-8)', '', ...CHECKLIST, '').replace(/\n/g, '\r\n'),
    },
  ],
});
