import { testRule } from '../rule-tester';
import { charterEmptySection } from '../../../src/rules/charter-empty-section';
import { charter, crlf, example, lineOf, md } from './charter-content-samples';

const headingOnly = charter({ timeline: '## Timeline' });
const tbd = charter({ value: md('## Value Exchange', '', 'TBD') });
const prompts = charter({
  governance: md(
    '## Governance',
    '',
    '- **Decision owners:** [name, role] for us; [name, role] for the partner',
    '- **Escalation path:** [who hears a dispute first, and who settles it if they cannot agree]',
    '- **Exit criteria:** [what ends the partnership, for example a missed go/no-go gate]',
  ),
});
// The prompts as a fix writes them when the title names the partner.
const LUMEN = md('---', 'type: partnership-charter', '---', '', '# Partnership Charter: Acme Analytics and Lumen Security');
const namedPrompts = charter({
  governance: md('## Governance', '', '- **Decision owners:** [name, role] for us; [name, role] for Lumen Security', '- **Escalation path:** [who hears a dispute first, and who settles it if they cannot agree]'),
}, LUMEN);
const oneOwnerNamed = charter({
  governance: md('## Governance', '', '- **Decision owners:** Dana Reyes for us; [name, role] for Lumen Security'),
}, LUMEN);
const oddPlaceholders = charter({
  goals: md('## Mutual Goals', '', '- Us: <PARTNER>', '- Partner: ___', '- Customers: N/A', '- -', '- ...'),
});
const placeholderTable = charter({
  measurement: md('## Measurement', '', '| Metric | Target | Cadence |', '|---|---|---|', '| Joint customers | TBD | [monthly or quarterly] |', '| [metric] | [target] | [cadence] |'),
});
const emptySubsections = charter({ governance: md('## Governance', '', '### Decision owners', '', '### Escalation', '', 'TODO', '', '### Exit criteria', '') });
const numberedCrlf = crlf(charter({ measurement: md('## 4. Measurement', '', '<!-- fill in before the kickoff -->') }));
const pseudo = md(
  '# Partnership Charter: Northwind and Contoso',
  '',
  '**Shared goals:**',
  'Northwind: 25 co-sold deals by June 2027. Contoso: renewals up 5 points. Customers: one invoice.',
  '',
  '**Give and get:**',
  'TBD',
  '',
  '**Phases:**',
  'Crawl from 2027-01-04 for 6 weeks with 2 pilots.',
  '',
  '**KPIs:**',
  'Co-sold deals from 0 to 25, reviewed monthly.',
  '',
  '**Governance:**',
  'Priya Shah decides for Northwind, Tom Ng for Contoso; disputes go to both COOs.',
);

testRule(charterEmptySection, {
  valid: [
    { name: 'the Acme × Globex sample charter', text: example('acme-globex-charter.md') },
    { name: 'a complete charter', text: charter() },
    {
      name: 'a section whose content sits in its subsections',
      text: charter({ governance: md('## Governance', '', '### Decision owners', '', 'Dana Reyes for Acme; Sam Ortiz for Initech.', '', '### Exit', '', 'TBD') }),
    },
    {
      name: 'ordinary prose that mentions TBD among real content',
      text: charter({ value: md('## Value Exchange', '', 'Pricing for the run phase is TBD, but Acme funds the crawl pilot with $20K.') }),
    },
    {
      name: 'labels with one real answer among placeholders',
      text: charter({ goals: md('## Mutual Goals', '', '- **Success for us:** TBD', '- **Success for Initech:** 15% less churn', '- **Success for customers:** [outcome]') }),
    },
    { name: 'a table with real rows', text: charter({ measurement: md('## Measurement', '', '| Metric | Target |', '|---|---|', '| Joint customers | 30 by June |') }) },
    { name: 'a table whose rows name items without placeholders', text: charter({ timeline: md('## Timeline', '', '| Phase | Notes |', '|---|---|', '| Crawl pilot with Hooli | |') }) },
    { name: 'a diagram in a code block', text: charter({ timeline: md('## Timeline', '', '```mermaid', 'gantt', '  Crawl :2027-01-11, 7w', '```') }) },
    { name: 'an image', text: charter({ timeline: md('## Timeline', '', '![Crawl, walk and run](./phases.png)') }) },
    { name: 'a short answer after a long lead-in', text: charter({ value: md('## Value Exchange', '', 'What each side puts in is set out in the order form:', '', '- see the signed order form') }) },
    { name: 'bold pseudo-headings with content', text: pseudo.replace('**Give and get:**\nTBD', '**Give and get:**\nWe fund $60K; Contoso lists us.') },
    { name: 'CRLF with numbered headings', text: crlf(charter({ measurement: md('## 4. Measurement', '', 'Joint customers from 0 to 30, reviewed monthly.') })) },
    { name: 'an empty section that is not one of the five', text: charter().replace('## Signatures', '## Notes\n\n## Signatures') },
    { name: 'not a charter', text: md('---', 'type: launch-plan', '---', '# Partner launch plan', '', '## Governance', '', 'TBD') },
    { name: 'a named prompt with one answer written in', text: oneOwnerNamed },
  ],
  invalid: [
    { name: 'a heading with nothing under it', text: headingOnly, problems: [{ line: lineOf(headingOnly, '## Timeline'), message: /Timeline section is empty.*crawl, walk and run/ }] },
    { name: 'only TBD', text: tbd, problems: [{ line: lineOf(tbd, '## Value Exchange'), message: /Value Exchange section has nothing filled in yet/ }] },
    { name: 'the prompts of the section template with the partner named', text: namedPrompts, problems: [{ line: lineOf(namedPrompts, '## Governance'), message: /Governance section has nothing filled in/ }] },
    { name: 'the prompts of the section template', text: prompts, problems: [{ line: lineOf(prompts, '## Governance'), message: /Governance section has nothing filled in/ }] },
    { name: 'angle-bracket tags, underscores, N/A, dashes and ellipses', text: oddPlaceholders, problems: [{ line: lineOf(oddPlaceholders, '## Mutual Goals'), message: /Mutual Goals/ }] },
    { name: 'a table of placeholders', text: placeholderTable, problems: [{ line: lineOf(placeholderTable, '## Measurement'), message: /Measurement section has nothing filled in/ }] },
    { name: 'subsections with nothing in them', text: emptySubsections, problems: [{ line: lineOf(emptySubsections, '## Governance'), message: /Governance/ }] },
    { name: 'CRLF, a numbered heading and only a comment', text: numberedCrlf, problems: [{ line: lineOf(numberedCrlf, '## 4. Measurement'), message: /Measurement section is empty/ }] },
    { name: 'a bold pseudo-heading followed by TBD', text: pseudo, problems: [{ line: lineOf(pseudo, '**Give and get:**'), endLine: lineOf(pseudo, '**Give and get:**'), message: /Value Exchange/ }] },
    {
      name: 'several empty sections, each named',
      text: charter({ goals: '## Mutual Goals', value: md('## Value Exchange', '', '- TODO') }),
      problems: [{ line: 8, message: /Mutual Goals/ }, { line: 10, message: /Value Exchange/ }],
    },
  ],
});
