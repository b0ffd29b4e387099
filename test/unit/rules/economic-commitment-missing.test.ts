import { testRule } from '../rule-tester';
import { economicCommitmentMissing } from '../../../src/rules/economic-commitment-missing';
import { charter, crlf, example, lineOf, md, FRONT } from './skin-samples';

const value = (...lines: string[]) => charter({ value: md('## Value Exchange', '', ...lines) });

const promoteOnly = value('- We will dedicate 2 engineers for 5 months to the connector.', '- Initech will promote us to their customers.');
const bothMissing = value('- We will co-host a launch webinar with Initech.', '- Initech will share our launch post with their customers.');
const oursMissing = value('- **Initech commits:** $100K in cloud credits for pilot customers.', '- We will promote the integration on our blog.');
const negated = value('- Acme commits 2 engineers for 5 months.', '- Initech will not provide any funding this year; it will feature us in its newsletter.');
const noPartnerName = md(
  '---',
  'type: partnership-charter',
  '---',
  '',
  '# Acme Partnership Charter',
  '',
  '## Value Exchange',
  '',
  '- We commit 2 engineers for 5 months.',
  '- The partner will list us on its marketplace.',
);
const emptyBudget = value('- **Acme commits:** 2 engineers for 5 months.', '- **Initech budget:** to be decided', '- **Initech gives:** a marketplace listing.');
const pseudo = md(
  '# Partnership Charter: Northwind and Contoso',
  '',
  '**Give and get:**',
  'Northwind funds a $40K pilot pool and 1 engineer for the quarter. Contoso features Northwind in its partner directory.',
  '',
  '**Phases:**',
  'Crawl from 2027-01-04 for 6 weeks.',
);
const pseudoWithPartner = '---\ntype: partnership-charter\npartner: Contoso\n---\n' + pseudo;

const strategy = (...lines: string[]) => md('---', 'type: partnership-strategy', '---', '# Acme Partnership Strategy', '', ...lines);
const ECONOMICS = [
  '## Revenue model', '', 'Each partner category works on these terms:', '',
  '| Category | Our share | Partner share | Annual potential |', '|---|---|---|---|',
  '| Cloud platforms | 25% | 75% | $60M |', '| Integrators | 15% | 85% | $28M |', '',
];
const ONE_SIDED = /"Revenue model" sets out the economics, but nothing in this strategy has partners put anything economic in: only your side commits/;

testRule(economicCommitmentMissing, {
  valid: [
    { name: 'own costs stated, but one side funds something', text: md('# Memorandum of Understanding between Fabrikam and Tailspin', '', 'Fabrikam and Tailspin agree to explore joint research on river sensors.', '', '1. Each party will bear its own costs.', '2. Tailspin will fund two field engineers for the first survey.') },
    { name: 'program terms with commissions and fees are not "nothing economic"', text: md('# Reseller Agreement between Fabrikam and its resellers', '', 'Fabrikam appoints the reseller to sell its sensors.', '', '1. The reseller earns a commission on each sale; the percentage is set in the price list.', '2. The reseller pays the invoiced fees within 30 days.') },
    { name: 'an MOU in its own form that funds something, even unquantified, is not "nothing economic"', text: md('# Memorandum of Understanding between Fabrikam and Tailspin', '', 'Fabrikam and Tailspin agree to explore joint research on river sensors.', '', '## Cooperation', '', '- The two organisations will share findings at an annual workshop.', '- Tailspin will fund travel to the workshop.', '', '## Term', '', 'This memorandum runs for two years and may be ended by either party with 30 days notice.') },
    { name: 'an MOU that mentions staff it hires is not "nothing economic"', text: md('# Memorandum of Understanding between Fabrikam and Tailspin', '', 'Fabrikam and Tailspin agree to explore joint research on river sensors.', '', '## Cooperation', '', '- The two organisations will share findings at an annual workshop.', '- Fabrikam is hiring a sensor engineer for the work.', '', '## Term', '', 'This memorandum runs for two years and may be ended by either party with 30 days notice.') },
    { name: 'a post announcing a partnership is not asked', text: md('---', 'title: A new collaboration', 'date: 2025-02-01', 'author: Ana Silva', '---', '', '# Partnership agreement with Tailspin', '', 'We will share findings at an annual workshop.') },
    { name: 'a strategy whose partners commit too', text: strategy(...ECONOMICS, '## Next steps', '', '1. Allocate $1.4M for partner enablement in 2027.', '2. Each cloud partner commits $200K in co-marketing funds.') },
    { name: 'a strategy in which neither side commits: its economics are not about commitments', text: strategy(...ECONOMICS, '## Next steps', '', '1. Meet the partners.') },
    { name: 'the Acme × Globex sample charter', text: example('acme-globex-charter.md') },
    { name: 'a charter where both sides commit money and people', text: charter() },
    { name: 'the same charter with CRLF line endings', text: crlf(charter()) },
    { name: 'a numbered, decorated Value Exchange heading', text: charter().replace('## Value Exchange', '## 2. Value Exchange:') },
    { name: 'a charter without a Value Exchange section (another rule reports that)', text: charter({ value: '' }) },
    { name: 'an empty Value Exchange section (another rule reports that)', text: value('') },
    { name: 'economics kept in the master agreement', text: value('- Commercial terms, including any revenue share, are set out in the MSA.') },
    {
      name: 'a table with one column per side',
      text: value('| | Acme | Initech |', '| --- | --- | --- |', '| People | 2 engineers for 5 months | 1 solution architect |', '| Money | $60K launch fund | $100K in cloud credits |'),
    },
    {
      name: 'subsections that say who gives, with items that do not',
      text: value('### What we give', '', '- 2 engineers for 5 months', '', '### What Initech gives', '', '- $100K in cloud credits for pilots'),
    },
    {
      name: 'nested lists under a giver',
      text: value('- Acme gives:', '  - 2 engineers for 5 months', '- Initech gives:', '  - 1 solution architect for 6 months'),
    },
    {
      name: 'lead-in lines that say who gives',
      text: value('What Initech puts in:', '', '- a $100K credit pool', '', 'What we put in:', '', '- 2 engineers for 5 months'),
    },
    { name: 'what we get from the partner is the partner\'s commitment', text: value('- We get a $200K credit pool from Initech.', '- We commit 2 engineers for 5 months.') },
    { name: 'what the partner receives is our commitment', text: value('- Initech receives a 20% revenue share on referred deals.', '- Initech assigns 1 solution architect for 6 months.') },
    { name: 'a co-investment by both companies', text: value('- Both companies co-invest $50K each in the pilot.') },
    { name: 'a sentence naming both sides as one subject', text: value('- Acme and Initech will each fund half of a $80K launch pool.') },
    { name: 'an amount whose giver cannot be told counts for both sides', text: value('- We will dedicate 2 engineers for 5 months.', '- A $150K joint marketing fund for 2027.') },
    {
      name: 'a partner commitment written in a later section',
      text: charter({
        value: md('## Value Exchange', '', '- Acme commits 2 engineers for 5 months.', '- Initech lists the connector on its marketplace.'),
        governance: md('## Governance', '', '- Initech will fund a $40K launch budget, released at the Walk gate.'),
      }),
    },
  ],
  invalid: [
    {
      name: 'an MOU that says each party bears its own costs and commits nothing: once, on the title',
      text: md('# Memorandum of Understanding between Fabrikam and Tailspin', '', 'Fabrikam and Tailspin agree to explore joint research on river sensors.', '', '1. Each party will bear its own costs.', '2. Each party sets its own budget for the research.', '3. Either party may end this memorandum with 30 days notice.'),
      problems: [{ line: 1, message: /^This says each side bears its own costs, and nothing in it commits/ }],
    },
    {
      name: 'people the arrangement is for are not staff put into it',
      text: md('# Memorandum of Understanding between Fabrikam and Tailspin', '', 'Fabrikam and Tailspin agree to run a shared review process, a way for developers of sensor software to get both badges at once.'),
      problems: [{ line: 1, message: /^Nothing here has either side put anything economic in/ }],
    },
    {
      name: 'an MOU in its own form where neither side puts anything economic in: once, on the title',
      text: md('# Memorandum of Understanding between Fabrikam and Tailspin', '', 'Fabrikam and Tailspin agree to explore joint research on river sensors.', '', '## Cooperation', '', '- The two organisations will share findings at an annual workshop.', '- Each party may cite the other in its publications.', '', '## Term', '', 'This memorandum runs for two years and may be ended by either party with 30 days notice.'),
      problems: [{ line: 1, message: /^Nothing here has either side put anything economic in/ }],
    },
    {
      name: 'a strategy in which only our side commits (an instruction to allocate a budget); projected revenue is not a commitment',
      text: strategy(...ECONOMICS, '## Next steps', '', '1. Allocate $1.4M for partner enablement in 2027.'),
      problems: [{ line: 6, message: ONE_SIDED }],
    },
    {
      name: 'the Initech draft: promotion is not an economic commitment',
      text: example('initech-charter-draft.md'),
      problems: [{ line: 12, message: /no economic commitment from Initech\. Until Initech puts in something real .* handshake, not a partnership/ }],
    },
    { name: 'the partner only promotes', text: promoteOnly, problems: [{ line: lineOf(promoteOnly, '## Value Exchange'), message: /from Initech/ }] },
    {
      name: 'neither side puts anything economic in',
      text: bothMissing,
      problems: [{ message: /from your side\. Until you put in/ }, { message: /from Initech/ }],
    },
    { name: 'our side is missing', text: oursMissing, problems: [{ line: lineOf(oursMissing, '## Value Exchange'), message: /from your side/ }] },
    { name: 'a negated commitment is not one', text: negated, problems: [{ message: /from Initech/ }] },
    { name: 'a charter that does not name the partner', text: noPartnerName, problems: [{ line: 7, message: /from the partner\. Until the partner puts in/ }] },
    { name: 'a label with no answer', text: emptyBudget, problems: [{ message: /from Initech/ }] },
    { name: 'CRLF line endings', text: crlf(promoteOnly), problems: [{ line: lineOf(promoteOnly, '## Value Exchange'), message: /from Initech/ }] },
    {
      name: 'a pseudo-heading charter with the parties named in the title only: the second-named is the partner',
      text: pseudo,
      problems: [{ line: lineOf(pseudo, '**Give and get:**'), message: /from Contoso/ }],
    },
    {
      name: 'a pseudo-heading charter with the partner in front matter',
      text: pseudoWithPartner,
      problems: [{ line: lineOf(pseudoWithPartner, '**Give and get:**'), message: /from Contoso/ }],
    },
    {
      name: 'a table whose partner column holds no money or people',
      text: value('| | Acme | Initech |', '| --- | --- | --- |', '| People | 2 engineers for 5 months | a marketplace listing |', '| Money | $60K launch fund | a joint webinar |'),
      problems: [{ message: /from Initech/ }],
    },
    {
      name: 'subsections: only our subsection is economic',
      text: value('### What we give', '', '- 2 engineers for 5 months', '', '### What Initech gives', '', '- a listing in its partner directory'),
      problems: [{ message: /from Initech/ }],
    },
    {
      name: 'nested lists: only the partner gives anything economic',
      text: value('- Acme gives:', '  - a quote for the press release', '- Initech gives:', '  - 1 solution architect for 6 months'),
      problems: [{ message: /from your side/ }],
    },
    {
      name: 'lead-in lines: only we put money in',
      text: value('What we put in:', '', '- a $60K launch fund', '', 'What Initech puts in:', '', '- a joint webinar'),
      problems: [{ message: /from Initech/ }],
    },
    {
      name: 'what the partner receives is not the partner\'s commitment',
      text: value('- Initech receives a 20% revenue share on referred deals.', '- Initech will co-host a webinar.'),
      problems: [{ message: /from Initech/ }],
    },
    {
      name: 'each clause of a sentence has its own giver',
      text: value('- Initech brings distribution; we bring 2 engineers for 5 months.'),
      problems: [{ message: /from Initech/ }],
    },
    {
      name: 'a template Value Exchange whose prompts are still unfilled',
      text: md(FRONT, '# Acme × Initech Partnership Charter', '', '## Value Exchange', '', '- **We commit:** [engineering time, spend or revenue share, with amounts and dates]', '- **The partner commits:** [distribution, co-investment or credits, with amounts and dates]'),
      problems: [{ line: 8, message: /your side/ }, { line: 8, message: /Initech/ }],
    },
  ],
});
