import { testRule } from '../rule-tester';
import { rolloutPhaseDuration } from '../../../src/rules/rollout-phase-duration';
import { DEFAULT_CONFIG } from '../../../src/core';

const plan = (...lines: string[]) => ['---', 'type: rollout-plan', '---', '# Globex rollout', '', ...lines].join('\n');
const charter = (...lines: string[]) => ['---', 'type: partnership-charter', '---', '# Acme × Globex Charter', '', '## Timeline', '', ...lines].join('\n');

testRule(rolloutPhaseDuration, {
  valid: [
    {
      name: 'the framework lengths',
      text: charter('- **Crawl** (2027-01-11 to 2027-02-26, 7 weeks): pilots.', '- **Walk** (2027-03-08 to 2027-05-28, 12 weeks): more.', '- **Run** (6-12 months ongoing)'),
    },
    { name: 'ranges inside the bounds', text: plan('- Crawl (6-8 weeks)', '- Walk (8–12 weeks)') },
    { name: 'a range that reaches into the bounds', text: plan('- Crawl (6-10 weeks)') },
    { name: 'months that can mean the bounds', text: plan('- Crawl: two months', '- Walk: 3 months') },
    { name: 'plan weeks', text: plan('## Crawl (weeks 1-6)', '', '## Walk (weeks 7-18)') },
    { name: 'no length can be worked out', text: plan('- Crawl: Q1 2027', '- Walk: from 2027-04-01', '- Crawl notes: none') },
    { name: 'relative durations are not lengths', text: plan('- Crawl: pilots live within 2 weeks of signing') },
    { name: 'several different lengths are ambiguous', text: plan('- Crawl: 2 weeks of setup, then 12 weeks of pilots') },
    { name: 'run has no length limit', text: plan('- Run: 2 years') },
    { name: 'bounds from options', text: plan('- Crawl (12 weeks)'), config: { ...DEFAULT_CONFIG, rules: { 'rollout-phase-duration': { options: { crawlWeeks: [8, 12] } } } } },
    { name: 'CRLF', text: charter('- Crawl (6 weeks)', '- Walk (10 weeks)').replace(/\n/g, '\r\n') },
    { name: 'a pilot of usual length written in a sentence', text: plan('## Plan', '', 'We begin with a six-week pilot at two depots.') },
    { name: 'a sentence about a short pilot when a labelled crawl gives the length', text: plan('We first floated a 2-week pilot.', '', '## Crawl (6 weeks)', '', 'Two depots.') },
    { name: 'two numbered pilot phases are not one crawl', text: plan('## Phase 1: Pilot setup (1 week)', '', 'Paperwork.', '', '## Phase 2: Pilot delivery (6 weeks)', '', 'Two depots.') },
  ],
  invalid: [
    {
      name: 'crawl too long',
      text: charter('- **Crawl** (3 months): pilots.'),
      problems: [{ line: 8, message: /crawl phase is planned for 3 months; crawl usually runs 4–8 weeks/ }],
    },
    {
      name: 'crawl too short, from a date span',
      text: charter('- **Crawl** (2027-01-11 to 2027-01-22): pilots.'),
      problems: [{ line: 8, message: /planned for about 2 weeks \(2027-01-11 to 2027-01-22\)/ }],
    },
    {
      name: 'walk too long, from a date span in the section',
      text: plan('## Walk', '', '- Dates: 2027-03-01 to 2027-07-30', '- Ten customers'),
      problems: [{ line: 6, message: /walk phase is planned for about 22 weeks .*8–12 weeks/ }],
    },
    {
      name: 'walk too short',
      text: plan('| Phase | Length |', '| --- | --- |', '| Walk | 4 weeks |'),
      problems: [{ line: 8, message: /walk phase is planned for 4 weeks/ }],
    },
    {
      name: 'a heading that opens with the pilot length',
      text: plan('## 8) 10-day pilot outline', '', '- Day 1: connect the sandbox'),
      problems: [{ line: 6, message: /crawl phase is planned for 10 days; crawl usually runs 4–8 weeks, and this is too little time/ }],
    },
    {
      name: 'a short pilot promised in a sentence',
      text: plan('## Commitments we can make', '', '- We can run a two-week pilot before the wider launch.'),
      problems: [{ line: 8, message: /crawl phase is planned for two weeks;/ }],
    },
    {
      name: 'a numbered expansion phase that runs six months',
      text: plan('### Phase 1: Pilot (weeks 1-6)', '', 'Two partners.', '', '### Phase 2: Partner Expansion (Months 3-8)', '', 'Twenty partners.'),
      problems: [{ line: 10, message: /walk phase is planned for .*8–12 weeks/ }],
    },
    {
      name: 'options move the bounds',
      text: plan('- Crawl (6 weeks)'),
      config: { ...DEFAULT_CONFIG, rules: { 'rollout-phase-duration': { options: { crawlWeeks: [8, 12] } } } },
      problems: [{ line: 6, message: /crawl usually runs 8–12 weeks/ }],
    },
  ],
});
