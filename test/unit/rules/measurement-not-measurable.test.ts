import { testRule } from '../rule-tester';
import { measurementNotMeasurable } from '../../../src/rules/measurement-not-measurable';
import { charter, crlf, example, lineOf, md } from './charter-content-samples';

const initech = example('initech-charter-draft.md');
const labelNumbers = charter({ measurement: md('## Measurement', '', '- Phase 1 metrics are reviewed monthly in 2027.', '- Q3 numbers go to the FY27 plan.') });
const noCadence = charter({ measurement: md('## Measurement', '', '- Joint customers from 0 to 30 by June.', '- Tracked in the shared dashboard.') });
const activeUsers = charter({ measurement: md('## Measurement', '', '- Monthly active users from 1k to 5k by Q4.') });
const asNeeded = charter({ measurement: md('## Measurement', '', '- Churn on the add-on down 15% by Q3.', '- Both owners meet as needed to go over the numbers.') });
const pseudoCrlf = crlf(md(
  '---',
  'type: partnership-charter',
  '---',
  '# Northwind + Contoso partnership charter',
  '',
  '**4. KPIs:**',
  'More co-sold deals and happier customers.',
  'Reviewed quarterly by both sponsors.',
));

testRule(measurementNotMeasurable, {
  valid: [
    { name: 'the Acme × Globex sample charter', text: example('acme-globex-charter.md') },
    { name: 'a complete charter', text: charter() },
    {
      name: 'a KPI table with targets and a review column',
      text: charter({ measurement: md('## Measurement', '', '| KPI | Baseline | Target | Review |', '|---|---|---|---|', '| Co-sold deals | 0 | 25 | monthly pipeline call |') }),
    },
    {
      name: 'a metric whose number is set in Mutual Goals',
      text: charter({ measurement: md('## Measurement', '', '- Joint customers, tracked in the shared dashboard and reviewed monthly.') }),
    },
    {
      name: 'a reference to the goals above',
      text: charter({ measurement: md('## Measurement', '', 'We track the goals above in one dashboard, with a QBR each quarter.') }),
    },
    {
      name: 'the review cadence set in Governance',
      text: charter({
        measurement: md('## Measurement', '', '- Pipeline from $0 to $2M by Q4.'),
        governance: md('## Governance', '', '- Dana Reyes decides for Acme, Sam Ortiz for Initech; the steering committee meets every six weeks.', '- Disputes escalate to both COOs; either side may exit with 60 days\' notice.'),
      }),
    },
    { name: 'a target written as a bound, reviewed every two weeks', text: charter({ measurement: md('## Measurement', '', 'At least 12 live integrations, reviewed every two weeks.') }) },
    { name: 'a cadence in a section of its own', text: charter({ measurement: md('## Measurement', '', '- 30 joint customers by June.') }) + '\n## Operating cadence\n\nBusiness review on the first Monday of each quarter.\n' },
    { name: 'CRLF and numbered headings', text: crlf(charter({ measurement: md('## 4. Measurement', '', '1. Setup time from 10 days to 1 day.', '2. Reviewed at each QBR.') })) },
    { name: 'no Measurement section (reported by charter-missing-section)', text: charter({ measurement: '' }) },
    { name: 'an empty Measurement section (reported by charter-empty-section)', text: charter({ measurement: md('## Measurement', '', '- **Metrics:** [metric] from [baseline] to [target] by [date]') }) },
  ],
  invalid: [
    {
      name: 'the Initech draft: no number, and "regularly"',
      text: initech,
      problems: [
        { line: lineOf(initech, '## Measurement'), message: /no number to hit/ },
        { line: lineOf(initech, '- We will track success'), message: /"regularly" is not a review cadence/ },
      ],
    },
    { name: 'phase numbers, quarters and years are not targets', text: labelNumbers, problems: [{ line: lineOf(labelNumbers, '## Measurement'), message: /no number to hit/ }] },
    { name: 'targets without a review cadence', text: noCadence, problems: [{ line: lineOf(noCadence, '## Measurement'), message: /how often both sides review/ }] },
    { name: '"monthly active users" is a metric, not a cadence', text: activeUsers, problems: [{ line: lineOf(activeUsers, '## Measurement'), message: /how often/ }] },
    { name: '"as needed" is not a cadence: reported on its line', text: asNeeded, problems: [{ line: lineOf(asNeeded, '- Both owners meet'), endLine: lineOf(asNeeded, '- Both owners meet'), message: /"as needed"/ }] },
    { name: 'CRLF, a numbered bold pseudo-heading, no numbers', text: pseudoCrlf, problems: [{ line: 6, message: /no number to hit/ }] },
  ],
});

// KPI and goal lists outside a charter's Measurement section: strategies and rollout plans.
const strategy = (...lines: string[]) => md('---', 'type: partnership-strategy', '---', '# Reseller program strategy', '', ...lines);
const plan = (...lines: string[]) => md('---', 'type: rollout-plan', '---', '# Northwind integration rollout', '', ...lines);
const kpiNames = strategy(
  '## Partner motions', '', 'Resellers in three regions.', '',
  '## Measuring the program', '',
  '### Program KPIs', '',
  '#### Revenue KPIs', '- **Sourced pipeline**: pipeline from reseller deals', '- **Win rate**: deals won against deals registered', '',
  '#### Health KPIs', '- **Partner activity**: resellers with a deal this quarter', '- **Enablement**: certified sales engineers', '',
  '### Reporting', '', '- A shared dashboard.',
);
const pilotKpis = plan(
  '## Pilot (6 weeks)', '', '- Two warehouses on the scripted connector.', '- Go/no-go: pick errors down 20% or more.', '',
  '## Success metrics to watch', '', '1. order sync failures per week', '2. time from order to dispatch', '3. tickets raised by warehouse staff',
);
const agreedTargets = strategy(
  '## Silver', '', '- **Discount**: 20%', '- **Sales targets**: meet the agreed sales targets', '',
  '## Gold', '', '- **Discount**: 30%', '- **Co-selling targets**: as agreed in the yearly plan',
);
const vagueGoals = strategy('## Goals', '', '1. Sign up a handful of resellers quickly to learn what works.', '2. Grow pipeline in markets we do not reach today.', '', '## Pricing', '', '- List price $40 per seat.');
// Outlines drawn as trees in a code block.
const drawn = (...tree: string[]) => strategy('## Alliance model', '', '```', 'Alliance Lifecycle:', '├── Qualify: fit and demand', '└── Launch: joint listing', '', ...tree, '```');
const drawnNoTargets = drawn('Alliance Scorecard:', '├── Joint pipeline: deals both sales teams touch', '├── Listing traffic: visits to the marketplace page', '│   └── from partner campaigns', '└── Partner satisfaction: survey after each QBR');
const kpiTable = plan('## Walk (10 weeks)', '', '- Eight more customers.', '', '## KPIs', '', '| KPI | How we read it |', '| --- | --- |', '| Activation | invited customers who connect |', '| Support load | tickets raised this quarter |');

testRule(measurementNotMeasurable, {
  valid: [
    { name: 'a KPI list with targets', text: strategy('## KPIs', '', '- Sourced pipeline from $0 to $1M by Q4', '- 12 certified resellers by June') },
    { name: 'current figures rather than targets are still numbers', text: strategy('## Program metrics', '', '- Active resellers: 45', '- Regions covered: 7') },
    { name: 'targets given as multiples in words', text: strategy('## Success metrics', '', '- Double reseller-sourced pipeline this year', '- Halve the time to first deal') },
    {
      name: 'metrics named in a list, their numbers set under Targets',
      text: strategy('## KPIs', '', '- Sourced pipeline', '- Win rate', '', '## Targets for the year', '', '- Sourced pipeline: $2M', '- Win rate: 30%'),
    },
    { name: 'a single line under a KPI heading is not a list', text: strategy('## KPIs', '', 'We agree the KPIs with each reseller in its business plan.') },
    { name: 'goals that name nothing measurable', text: strategy('## Goals', '', '- Be the integration our customers trust.', '- Work in the open with the community.') },
    {
      name: 'goals in words, with the numbers in the KPI list',
      text: strategy('## Goals', '', '- Grow pipeline with resellers.', '- Keep churn low.', '', '## KPIs', '', '- Pipeline from $0 to $1M', '- Churn under 5%'),
    },
    {
      name: 'a charter: Mutual Goals need no number here; Measurement is judged as a section',
      text: charter({ goals: md('## Mutual Goals', '', '- **Success for Acme:** more joint customers.', '- **Success for Initech:** lower churn on its add-on.') }),
    },
    { name: 'a KPI table whose targets are still TBD is a template (placeholder-left reports it)', text: plan('## KPIs', '', '| KPI | Target |', '| --- | --- |', '| Activation | TBD |', '| Support tickets | TBD |') },
    {
      name: 'target lines with numbers, placeholders, pointers, or an audience',
      text: strategy('## Gold tier', '', '- **Target partners**: regional integrators', '- **Sales targets**: $400K per half-year', '- **Pipeline target**: see the table below', '- **Renewal target**: TBD'),
    },
    { name: 'a drawn scorecard with targets', text: drawn('Alliance Scorecard:', '├── Joint pipeline: $3M by the end of the year', '└── Partner satisfaction: 8 or more out of 10') },
    { name: 'a metric named in one branch is not a drawn list', text: drawn('Marketing Funds:', '├── Approval: within a week', '└── Metrics: leads, pipeline, return on spend') },
    { name: 'a code block in a programming language is code', text: strategy('## Config', '', '```yaml', 'Success Metrics:', '├── pipeline', '└── churn', '```') },
    { name: 'a README with a metrics list is not a partnership document', text: md('# fastqueue', '', '## Metrics', '', '- queue depth', '- messages per second', '- consumer lag') },
  ],
  invalid: [
    {
      name: 'a KPI list with subsections and no number: reported once, on the outermost KPI heading',
      text: kpiNames,
      problems: [{ line: lineOf(kpiNames, '### Program KPIs'), message: /"Program KPIs" names what to measure but sets no number/ }],
    },
    { name: 'success metrics in a rollout plan', text: pilotKpis, problems: [{ line: lineOf(pilotKpis, '## Success metrics to watch'), message: /baseline, a target and a date/ }] },
    { name: 'the heading number is left out of the message', text: plan('## 4) KPIs', '', '- activation', '- churn'), problems: [{ line: 6, message: /^"KPIs" names/ }] },
    {
      name: 'tiers that ask for agreed targets with no figure: once, on the first',
      text: agreedTargets,
      problems: [{ line: lineOf(agreedTargets, '- **Sales targets**: meet the agreed'), message: /This line and 1 more name targets without a number/ }],
    },
    { name: 'goals with measures but no number', text: vagueGoals, problems: [{ line: lineOf(vagueGoals, '## Goals'), message: /"Goals" puts no number on any goal/ }] },
    {
      name: 'a scorecard drawn as a tree in a code block, with no number: reported on its line',
      text: drawnNoTargets,
      problems: [{ line: lineOf(drawnNoTargets, 'Alliance Scorecard:'), endLine: lineOf(drawnNoTargets, 'Alliance Scorecard:'), message: /^"Alliance Scorecard" names what to measure but sets no number/ }],
    },
    { name: 'a KPI table that names a period but no number', text: kpiTable, problems: [{ line: lineOf(kpiTable, '## KPIs'), message: /sets no number/ }] },
  ],
});
