import { testRule } from '../rule-tester';
import { timelineUndated } from '../../../src/rules/timeline-undated';

const plan = (...lines: string[]) => ['---', 'type: rollout-plan', '---', '# Globex rollout', '', ...lines].join('\n');
const charter = (...lines: string[]) => ['---', 'type: partnership-charter', '---', '# Acme × Globex Charter', '', '## Timeline', '', ...lines].join('\n');

testRule(timelineUndated, {
  valid: [
    {
      name: 'a charter timeline with dates, lengths and an ongoing run after a dated walk',
      text: charter(
        '- **Crawl** (2027-01-11 to 2027-02-26, 7 weeks): 2 pilot customers.',
        '- **Walk** (8-12 weeks): 8 more customers.',
        '- **Run** (ongoing): marketplace listing, QBRs.',
      ),
    },
    { name: 'a quarter without a year counts as a date', text: charter('- Crawl: Q1', '- Walk: in Q2', '- Run: from Q3') },
    { name: 'plan weeks count as dates', text: plan('## Crawl (weeks 1-6)', '', 'Pilots.', '', '## Walk (weeks 7-18)', '', 'Ten customers.') },
    { name: 'plan months count as dates', text: plan('### Phase 1: Foundation (Months 1-3)', '', 'Pilots.', '', '### Phase 2: Expansion (Months 4-9)', '', 'Ten customers.') },
    { name: 'plan days from zero count as dates', text: plan('- Phase 1 (0-30 days): two pilots', '- Phase 2 (31-90 days): ten customers') },
    { name: 'a year with a plus is a start', text: plan('- Phase 1 (2026): two pilots', '- Phase 2 (2027): ten customers', '- Phase 3 (2028+): every region') },
    { name: 'run that starts after walk', text: plan('- Crawl: 6 weeks', '- Walk: 10 weeks', '- Run: once walk passes its gate; QBRs every quarter.') },
    { name: 'run right after a dated walk starts when walk ends', text: charter('- Crawl (6 weeks)', '- Walk (2027-03-08 to 2027-05-28)', '- Run: full rollout to every customer.') },
    { name: 'run with a length', text: plan('- Run (6-12 months ongoing): full-scale deployment') },
    { name: 'dates given in the phase section', text: plan('### Phase 2: Expansion', '', '- **Dates:** July 2027 to September 2027') },
    { name: 'a numbered phase marked ongoing after a dated one', text: plan('- Phase 1: 2027-01-11 to 2027-03-01', '- Phase 2: ongoing') },
    {
      name: 'prose that names phases without labelling them',
      text: plan(
        'Crawl, walk, run is how we de-risk partnerships. Run the integration tests weekly.',
        '',
        '- Run a joint webinar when ready.',
        '- Walk-through of the integration for sales.',
        '- Phase 2 will add SSO.',
      ),
    },
    { name: 'phases outside a charter timeline are not read', text: ['---', 'type: partnership-charter', '---', '# Charter', '', '## Governance', '', '- Walk: someday', ''].join('\n') },
    { name: 'a table with dates', text: plan('| Phase | Dates |', '| --- | --- |', '| Crawl | 2027-01-11 – 2027-02-26 |', '| Walk | Q2 2027 |', '| Run | from 2027-07-01 |') },
    { name: 'CRLF line breaks', text: charter('- **Crawl** (6 weeks): pilots', '- **Walk** (10 weeks): more', '- **Run**: after walk').replace(/\n/g, '\r\n') },
    { name: 'not a rollout document', text: '# Notes\n\n- Walk: someday\n- Run: TBD\n' },
  ],
  invalid: [
    {
      name: 'the Initech draft: run with no start',
      text: charter('- Walk: launch the integration with all customers in Q2.', '- Run: TBD'),
      problems: [{ line: 9, message: /run phase has no start/ }],
    },
    {
      name: 'run that says nothing, even after a dated walk',
      text: charter('- Walk (10 weeks)', '- Run: TBD'),
      problems: [{ line: 9, message: /run phase has no start/ }],
    },
    {
      name: 'crawl and walk without dates',
      text: charter('- **Crawl**: 2 pilot customers.', '- **Walk**: 8 more customers.', '- **Run** (from 2027-06-07)'),
      problems: [
        { line: 8, message: /crawl phase has no dates or length.*4–8 weeks/ },
        { line: 9, message: /walk phase has no dates or length.*8–12 weeks/ },
      ],
    },
    {
      name: 'ongoing run after an undated walk',
      text: plan('## Walk', '', 'Ten customers.', '', '## Run (ongoing)', '', 'Full rollout.'),
      problems: [{ line: 6, message: /walk phase has no dates/ }, { line: 10, message: /run phase has no start/ }],
    },
    {
      name: 'a numbered phase with no dates, in a heading',
      text: plan('## Phase 1: Crawl (4 weeks)', '', 'Pilots.', '', '## Phase 2: Integration', '', 'EMEA customers.'),
      problems: [{ line: 10, message: /^Phase 2 has no dates or length/ }],
    },
    {
      name: 'bold pseudo-heading and table row',
      text: plan('**Crawl**', 'Two pilots.', '', '| Phase | Owner |', '| --- | --- |', '| Walk | Dana |'),
      problems: [{ line: 6 }, { line: 11 }],
    },
  ],
});
