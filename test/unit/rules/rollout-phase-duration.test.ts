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
      name: 'options move the bounds',
      text: plan('- Crawl (6 weeks)'),
      config: { ...DEFAULT_CONFIG, rules: { 'rollout-phase-duration': { options: { crawlWeeks: [8, 12] } } } },
      problems: [{ line: 6, message: /crawl usually runs 8–12 weeks/ }],
    },
  ],
});
