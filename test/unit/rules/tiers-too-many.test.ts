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
      name: 'heading words that merely start like a tier name',
      text: tiering('## Strategic fit', 'x', '## Select partners for the pilot', 'x', '## Gold standard onboarding', 'x', '## Tier 1', '## Tier 2'),
    },
  ],
  invalid: [
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
