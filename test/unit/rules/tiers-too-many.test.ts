import { testRule } from '../rule-tester';
import { tiersTooMany } from '../../../src/rules/tiers-too-many';
import { md } from '../helpers';

const HEAD = ['---', 'type: partner-tiering', '---', '# Acme Partner Tiers', ''];
const tiering = (...lines: string[]) => md(...HEAD, ...lines);
const strategy = (lead: string) => md(
  '---', 'type: partnership-strategy', '---', '# Acme Partnership Strategy', '',
  '## Revenue model', '', lead, '',
  '| Partner category | Our share | Partner share |', '|---|---|---|',
  '| Cloud platforms | 25% | 75% |', '| Integrators | 15% | 85% |', '| Consultancies | 10% | 90% |', '| Agencies | 5% | 95% |', '| **Total** | — | — |',
);
const TOO_MANY = (n: number, max = 3) => new RegExp(`has ${n} partner tiers; past ${max}`);

const THREE_HEADINGS = tiering(
  '## Tier 1: Integration Partner (Self-Serve)',
  'Builds on the public API. Moves to Tier 2 after 6 months with 5 joint customers.',
  '',
  '## Tier 2: Partnership Partner',
  'Co-developed integration, monthly syncs.',
  '',
  '## Tier 3: Strategic Partner',
  'Roadmap alignment and an executive sponsor.',
);

testRule(tiersTooMany, {
  valid: [
    {
      name: 'three tiers named in one sentence',
      text: tiering('Our program has three tiers: **Registered, Select and Premier**. Each is described on the partner portal.', ''),
    },
    {
      name: 'a sentence that calls things levels but lists words that are not tier names is prose, not a ladder',
      text: tiering('Support comes at four levels: email, chat, phone and onsite visits.', ''),
    },
    { name: 'three tier headings', text: THREE_HEADINGS },
    { name: 'a table of partner categories the text does not call tiers', text: strategy('Each partner category works on these terms:') },
    { name: 'three tiers with CRLF line breaks', text: THREE_HEADINGS.replace(/\n/g, '\r\n') },
    {
      name: 'a heading per tier plus headings that mention tiers again do not double count',
      text: tiering(
        '## Tier 1', 'Self-serve.', '', '## Tier 2', 'Joint development.', '', '## Tier 3', 'Strategic.',
        '', '## Tier 1 to Tier 2 graduation', 'After 6 months.', '', '## Tier 3 benefits', 'A partner manager.',
      ),
    },
    {
      name: 'ordinary prose that counts to five',
      text: tiering(
        '## How we tier',
        '',
        'We looked at five programs, some with Tier 4 and Tier 5 levels, and chose three tiers.',
        '',
        '- Tier 4 and Tier 5 partners from the old program move to Tier 3.',
        '',
        '## Tier 1', 'x', '## Tier 2', 'x', '## Tier 3', 'x',
      ),
    },
    {
      name: 'a table whose first column names three tiers',
      text: tiering(
        '| Tier | Who | Support |',
        '| --- | --- | --- |',
        '| Registered | Self-serve builders | Docs and office hours |',
        '| Select | Joint development | Monthly syncs |',
        '| Premier | Strategic | Partner manager |',
      ),
    },
    {
      name: 'bold pseudo-headings for three metal tiers',
      text: tiering('**Silver:**', 'Self-serve.', '', '**Gold:**', 'Joint development.', '', '**Platinum:**', 'Strategic.'),
    },
    { name: 'four tiers allowed by the maxTiers option', text: tiering('## Tier 1', '## Tier 2', '## Tier 3', '## Tier 4'), config: { rules: { 'tiers-too-many': { options: { maxTiers: 4 } } } } },
    { name: 'not a tiering document', text: md('---', 'type: launch-plan', '---', '# Launch', '', '## Tier 1', '## Tier 2', '## Tier 3', '## Tier 4') },
    {
      name: 'tier headings and a summary table that names the same tiers by their titles count once',
      text: tiering(
        '## Tier 1: Builder Partner', 'Self-serve.', '', '## Tier 2: Solution Partner', 'Joint development.', '', '## Tier 3: Alliance Partner', 'Co-development.',
        '', '## At a glance', '',
        '| Tier | Support |', '| --- | --- |', '| Builder Partner | Docs |', '| Solution Partner | Syncs |', '| Alliance Partner | Manager |',
      ),
    },
    {
      name: 'under a tiers heading, sections about the tiers are not tiers',
      text: tiering('## Sponsorship tiers', '', '### Gold', 'x', '### Silver', 'x', '### Bronze', 'x', '### Comparison', 'x', '### Frequently asked questions', 'x'),
    },
    {
      name: 'two headings that start with adjectives tier names use are not a ladder on their own',
      text: tiering('## Who we work with', '', '### Strategic partners', 'x', '### Preferred partners', 'x', '### Emerging partners', 'x', '', '## Tier 1', 'x', '## Tier 2', 'x'),
    },
    {
      name: 'a price table with metal columns outside a partnering document',
      text: md('---', 'type: launch-plan', '---', '# Launch', '', '| Feature | Bronze | Silver | Gold | Platinum |', '| --- | --- | --- | --- | --- |', '| Seats | 1 | 5 | 20 | 100 |'),
    },
    {
      name: 'heading words that merely start like a tier name',
      text: tiering('## Strategic fit', 'x', '## Select partners for the pilot', 'x', '## Gold standard onboarding', 'x', '## Tier 1', '## Tier 2'),
    },
  ],
  invalid: [
    {
      name: 'four tiers named in one sentence, reported on the fourth name',
      text: tiering('There are four partnership tiers: Bronze, Silver, Gold and Platinum.', ''),
      problems: [{ line: 6, message: TOO_MANY(4) }],
    },
    {
      name: 'a described list stays where it is when later headings of the same names say less',
      text: tiering(
        '## Tier perks', '',
        '- **Bronze**: name in the README and a thank-you post on launch day',
        '- **Silver**: small logo on the site and in the README',
        '- **Gold**: large logo on the front page and in every README',
        '- **Platinum**: logo above the fold and a talk slot at the yearly meetup',
        '', '## Current sponsors', '', '### Bronze', '', '### Silver', '', '### Gold', '', '### Platinum', '',
      ),
      problems: [{ line: 11, message: TOO_MANY(4) }],
    },
    {
      name: 'a pipe table whose delimiter row has one cell too many is still read as a table',
      text: tiering(
        '| Membership level | Yearly fee | Seats |',
        '|---|---|---|---|',
        '| Platinum | $90k | Board |',
        '| Gold | $40k | Elected |',
        '| Silver | $10k | Elected |',
        '| Observer, Student | $0 | None |',
      ),
      problems: [{ line: 11, message: TOO_MANY(4) }],
    },
    {
      name: 'a first ladder too long on its own is reported as such, whatever ladders follow',
      text: tiering(
        '## Tiers', '', '- **Tier 1:** a', '- **Tier 2:** b', '- **Tier 3:** c', '- **Tier 4:** d', '',
        '## Alliance levels', '', '### Listed', 'x', '### Bronze', 'x', '### Silver', 'x',
      ),
      problems: [{ line: 11, message: TOO_MANY(4) }],
    },
    {
      name: 'headings that rank members by metal, with no heading about tiers',
      text: tiering('## Why join', 'x', '## Platinum members', 'x', '## Gold members', 'x', '## Silver members', 'x', '## Bronze members', 'x', '## Research groups', 'x'),
      problems: [{ line: 14, message: TOO_MANY(4) }],
    },
    {
      name: 'three names with one ending make a ladder: "Premier Reseller Partners"',
      text: tiering('## Reseller program', '', '### Premier reseller partners', 'x', '### Select reseller partners', 'x', '### Registered reseller partners', 'x', '### Authorized reseller partners', 'x'),
      problems: [{ line: 14, message: TOO_MANY(4) }],
    },
    {
      name: 'under a tiers heading, a sibling with a name of its own is a tier too: the fourth is reported',
      text: tiering('## Sponsorship tiers', '', '### Friend of the project', 'x', '### Bronze', 'x', '### Silver', 'x', '### Gold', 'x'),
      problems: [{ line: 14, message: TOO_MANY(4) }],
    },
    {
      name: 'a bold-led list under a tiers heading with names of its own',
      text: tiering('## Tier perks', '', '- **Founding Sponsor**: one seat only', '- **Gold ($900/mo)**: big logo', '- **Silver ($300/mo)**: logo', '- **Community Backer ($10/mo)**: name in the README'),
      problems: [{ line: 11, message: TOO_MANY(4) }],
    },
    {
      name: 'a list a lead-in calls levels, each level with a section of its own: reported on the fourth section',
      text: md(
        '---', 'type: partner-tiering', '---', '# Reseller program', '',
        'Partners join at one of these levels:', '', '- Referral', '- Registered Partner', '- Certified Partner', '- Silver Partner', '- Gold Partner', '',
        '## Referral', 'Passes leads on; paid a finder fee.', '',
        '## Registered Partner', 'Learns the product with a sandbox and training.', '',
        '## Certified Partner', 'Runs small deployments with our review.', '',
        '## Silver Partner', 'Runs deployments alone after a year as Certified Partner.', '',
        '## Gold Partner', 'Three years at Silver and four certified engineers.',
      ),
      problems: [{ line: 23, message: TOO_MANY(5) }],
    },
    {
      name: 'a table whose header row names the tiers, one per column: reported on the fourth column',
      text: tiering('| Benefit | Community | Bronze | Silver | Gold |', '| --- | --- | --- | --- | --- |', '| Logo on site | no | yes | yes | yes |', '| Board seat | no | no | no | yes |'),
      problems: [{ line: 6, message: TOO_MANY(4) }],
    },
    {
      name: 'an HTML table whose header row names the tiers: reported on the fourth header cell',
      text: tiering('## Membership tiers', '', '<table>', '  <tr>', '    <th></th>', '    <th>Bronze</th>', '    <th>Silver</th>', '    <th>Gold</th>', '    <th>Platinum</th>', '  </tr>', '  <tr>', '    <th>Trainings a year</th>', '    <td>1</td>', '    <td>2</td>', '    <td>4</td>', '    <td>8</td>', '  </tr>', '</table>'),
      problems: [{ line: 14, message: TOO_MANY(4) }],
    },
    {
      name: 'a ladder drawn as a tree in a code block under a "Tiers:" line',
      text: tiering(
        '## Integrator program', '', '```', 'Tiers:',
        '├── Registered Integrator (entry)', '│   └── Requirements: signed agreement',
        '├── Silver Integrator', '│   └── Requirements: 2 certified staff',
        '├── Gold Integrator', '│   └── Requirements: 5 certified staff',
        '└── Platinum Integrator', '    └── Requirements: 10 certified staff',
        '```',
      ),
      problems: [{ line: 16, message: TOO_MANY(4) }],
    },
    {
      name: 'two ladders side by side: the first tier of the second ladder is one too many',
      text: tiering(
        '## Target integrators', '', '### Tier 1 national integrators', 'x', '### Tier 2 regional integrators', 'x', '### Tier 3 boutique integrators', 'x', '',
        '## Program levels', '', '### Platinum channel partners', 'x', '### Gold channel partners', 'x', '### Silver channel partners', 'x',
      ),
      problems: [{ line: 17, message: /runs 2 tier ladders with 6 partner tiers in all \(3 \+ 3\)/ }],
    },
    {
      name: 'a table the text introduces as tiers: each row a tier, the total row not one',
      text: strategy('Each partner tier works on these terms:'),
      problems: [{ line: 15, message: TOO_MANY(4) }],
    },
    {
      name: 'four tier headings: reported on the fourth',
      text: tiering('## Tier 1: Integration', 'x', '', '## Tier 2: Partnership', 'x', '', '## Tier 3: Strategic', 'x', '', '## Tier 4: Elite', 'x'),
      problems: [{ line: 15, message: TOO_MANY(4) }],
    },
    {
      name: 'five metal tiers under a tiers heading, numbered headings and CRLF',
      text: tiering('## Our partner tiers', '', '### 1. Bronze', '### 2. Silver', '### 3. Gold', '### 4. Platinum', '### 5. Diamond').replace(/\n/g, '\r\n'),
      problems: [{ line: 11, message: TOO_MANY(5) }],
    },
    {
      name: 'levels written with words and roman numerals',
      text: tiering('## Level one', '## Level II', '## Level 3', '## Level IV'),
      problems: [{ line: 9, message: TOO_MANY(4) }],
    },
    {
      name: 'a table whose first column names four tiers: reported on the fourth row\'s name',
      text: tiering(
        '| Partner tier | Benefits |',
        '| --- | --- |',
        '| Registered | Docs |',
        '| Select | Syncs |',
        '| Premier | Partner manager |',
        '| Elite | Executive sponsor |',
      ),
      problems: [{ line: 11, message: TOO_MANY(4) }],
    },
    {
      name: 'a list whose items open with bold tier names',
      text: tiering('## Tiers', '', '- **Tier A:** self-serve', '- **Tier B:** joint', '- **Tier C:** strategic', '- **Tier D:** elite'),
      problems: [{ line: 11, message: TOO_MANY(4) }],
    },
    {
      name: 'a stricter maxTiers',
      text: THREE_HEADINGS,
      config: { rules: { 'tiers-too-many': { options: { maxTiers: 2 } } } },
      problems: [{ line: 12, message: TOO_MANY(3, 2) }],
    },
  ],
});
