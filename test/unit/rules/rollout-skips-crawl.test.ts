import { testRule } from '../rule-tester';
import { rolloutSkipsCrawl } from '../../../src/rules/rollout-skips-crawl';

const plan = (...lines: string[]) => ['---', 'type: rollout-plan', '---', '# Globex rollout', '', ...lines].join('\n');
const strategy = (...lines: string[]) => ['---', 'type: partnership-strategy', '---', '# Partner program strategy', '', ...lines].join('\n');
const charter = (...lines: string[]) => ['---', 'type: partnership-charter', '---', '# Acme × Globex Charter', '', '## Timeline', '', ...lines].join('\n');

testRule(rolloutSkipsCrawl, {
  valid: [
    {
      name: 'phases in sequence',
      text: charter(
        '- **Crawl** (2027-01-11 to 2027-02-26): pilots.',
        '- **Walk** (2027-03-08 to 2027-05-28): more customers.',
        '- **Run** (from 2027-06-07, ongoing).',
      ),
    },
    { name: 'a walk that starts the day crawl ends is not parallel', text: plan('- Crawl: 2027-01-11 to 2027-02-26', '- Walk: 2027-02-26 to 2027-05-28') },
    { name: 'crawl and walk in the same quarter may be sequential', text: plan('- Crawl: Q1 2027', '- Walk: Q1 2027') },
    { name: 'different precisions are not compared', text: plan('- Crawl: 2027-01-11 to 2027-03-26', '- Walk: Q1 2027') },
    { name: 'no year, no comparison', text: plan('- Crawl: March', '- Walk: February') },
    { name: 'plan weeks in sequence', text: plan('## Crawl (weeks 1-6)', '', '## Walk (weeks 7-18)', '', '## Run (week 19 onwards)') },
    { name: 'a numbered phase before walk may be the pilot', text: plan('## Phase 1: Pilot', '', '## Phase 2: Walk') },
    { name: 'only a crawl', text: plan('- Crawl: 6 weeks') },
    { name: 'prose naming walk and run', text: plan('We will walk before we run.', '', '- Run a webinar in week 3.', '- Walk-through for sales.') },
    { name: 'CRLF', text: charter('- Crawl (weeks 1-6)', '- Walk (weeks 7-12)').replace(/\n/g, '\r\n') },
    { name: 'a numbered step with another name may be the pilot', text: plan('## Phase 1: Contracting', '', 'Sign.', '', '## Phase 2: Validation with two customers', '', 'Test.', '', '## Phase 3: Launch', '', 'Everyone.') },
    {
      name: 'a lifecycle with a pilot step',
      text: strategy('## Partnership lifecycle', '', '### Phase 1: Discovery (2 weeks)', '', 'Calls.', '', '### Phase 2: Pilot (6 weeks)', '', 'Two shops.', '', '### Phase 3: Launch', '', 'Listing.'),
    },
    { name: 'a process outside a roadmap or lifecycle section is not read', text: strategy('## Reseller onboarding', '', '### Phase 1: Contracting', '', 'Sign.', '', '### Phase 2: Launch', '', 'Go.') },
    { name: 'a walk that says it does not run in parallel with the pilot', text: plan('- Crawl: 6 weeks with two pilot stores.', '- Walk: ten more stores after the pilot, not in parallel with the pilot.') },
    { name: 'a run beside something that is not an earlier phase', text: plan('- Crawl: 6 weeks.', '- Walk: 10 weeks.', '- Run: open the marketplace listing alongside the partner newsletter.') },
    { name: 'expansion into a region is not the walk phase', text: plan('- Pilot: 6 weeks.', '- Beta: 10 weeks.', '- Scale: all customers, alongside expansion into the Nordics.') },
    { name: 'the pilot as a modifier is not the phase', text: plan('- Pilot: 6 weeks with two stores.', '- Beta: ten new stores, supported alongside the pilot customers.') },
    { name: 'a parallel phase the plan does not have', text: plan('- Pilot: 6 weeks with two stores.', '- Launch: everyone, in parallel with the beta.') },
    {
      name: 'a software release plan running a beta beside the pilot',
      text: ['# Release plan for v3', '', '## Pilot', '', 'Two internal teams try the new build.', '', '## Beta', '', 'Public beta in parallel with the pilot.'].join('\n'),
    },
    {
      name: 'a README that mentions phases in parallel',
      text: ['# fastqueue', '', 'A job queue.', '', '## Pilot', '', '- Run the pilot benchmark.', '', '## Launch', '', '- Start workers alongside the pilot queue.'].join('\n'),
    },
    { name: 'a software release plan is not a partnership document', text: ['# Release plan', '', '## Phase 1: Contracting the vendor', '', '## Phase 2: Launch', '', 'Ship v2.'].join('\n') },
  ],
  invalid: [
    {
      name: 'a partnership lifecycle that goes from contract to launch with no pilot',
      text: strategy(
        '## Partnership lifecycle', '', '### Phase 1: Discovery (1-2 weeks)', '', '- Intro calls', '', '### Phase 2: Proposal & negotiation (2 weeks)', '',
        '- Terms', '', '### Phase 3: Onboarding (3 weeks)', '', '1. **Kickoff**: meet the team', '2. **Launch**: joint announcement',
      ),
      problems: [{ line: 19, message: /starts at run with no crawl phase/ }],
    },
    {
      name: 'the Initech draft: walk with no crawl',
      text: charter('- Walk: launch the integration with all customers in Q2.', '- Run: TBD'),
      problems: [{ line: 8, message: /starts at walk with no crawl phase/ }],
    },
    {
      name: 'run only, in a heading',
      text: plan('## Run', '', 'Full rollout from 2027-03-01.'),
      problems: [{ line: 6, message: /starts at run/ }],
    },
    {
      name: 'walk starting before crawl ends',
      text: charter('- **Crawl** (2027-01-11 to 2027-02-26): pilots.', '- **Walk** (2027-02-15 to 2027-05-28): more.'),
      problems: [{ line: 9, message: /Walk starts \(2027-02-15\) before crawl ends \(2027-02-26\).*parallel/ }],
    },
    {
      name: 'run before walk ends, in plan weeks',
      text: plan('## Crawl (weeks 1-6)', '', '## Walk (weeks 7-18)', '', '## Run (weeks 12-52)'),
      problems: [{ line: 10, message: /Run starts \(week 12\) before walk ends \(week 18\)/ }],
    },
    {
      name: 'a walk planned in parallel with the pilot, in words',
      text: plan('## Pilot (6 weeks)', '', 'Two stores.', '', '## Beta (10 weeks)', '', 'Ten more stores, onboarded in parallel with the pilot.'),
      problems: [{ line: 10, message: /Walk is planned to run at the same time as crawl \("in parallel with the pilot"\).*after crawl's go\/no-go/ }],
    },
    {
      name: 'a launch while the beta is still running',
      text: plan('- **Crawl**: two pilot customers.', '- **Walk**: eight more customers.', '- **Run**: announce general availability while the beta is still open.'),
      problems: [{ line: 8, message: /Run is planned to run at the same time as walk \("while the beta is"\)/ }],
    },
    {
      name: 'dates and words saying the same overlap are reported once',
      text: plan('## Crawl (weeks 1-6)', '', '## Walk (weeks 4-12)', '', 'Starts at the same time as the crawl ends its setup.'),
      problems: [{ line: 8, message: /Walk starts \(week 4\) before crawl ends \(week 6\)/ }],
    },
    {
      name: 'quarters that overlap',
      text: plan('| Phase | When |', '| --- | --- |', '| Crawl | Q1–Q2 2027 |', '| Walk | Q1 2027 |'),
      problems: [{ line: 9, message: /Walk starts \(Q1 2027\) before crawl ends \(Q2 2027\)/ }],
    },
  ],
});
