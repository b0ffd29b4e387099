import * as assert from 'node:assert/strict';
import { lintText, DEFAULT_CONFIG } from '../../../src/core';
import { testRule } from '../rule-tester';
import { charterUnsigned } from '../../../src/rules/charter-unsigned';
import { charter, crlf, example, lineOf, md } from './charter-content-samples';

const TABLE = md(
  '## Signatures',
  '',
  '| Party | Name | Role | Date |',
  '| --- | --- | --- | --- |',
  '| Acme | [name] | [role] | [YYYY-MM-DD] |',
  '| Initech | [name] | [role] | [YYYY-MM-DD] |',
);

const unsigned = charter({ signatures: '' });
const unsignedCrlf = crlf(unsigned);
const noTrailingBreak = unsigned.replace(/\n$/, '');
const noFrontMatter = md(
  '# Partnership Charter: Northwind and Contoso',
  '',
  '**Mutual goals:**',
  'Northwind: 25 co-sold deals by June 2027.',
  '',
  '**Governance:**',
  'Priya Shah decides for Northwind, Tom Ng for Contoso.',
  '',
);
const oneSigner = charter({
  signatures: md('## Sign-off', '', '- Dana Reyes, VP Partnerships, Acme — 2026-12-01', '- Sam Ortiz, Head of Alliances, Initech —'),
});
const undated = charter({ signatures: md('## Signatures', '', 'Signed for Acme: Dana Reyes', 'Signed for Initech: Sam Ortiz') });
const blankLines = charter({ signatures: md('## Signatures', '', 'Signed for Acme: ____________ Date: ________', 'Signed for Initech: ____________ Date: ________') });
const afterFix = charter({ signatures: TABLE });
const approvalProcess = charter({ signatures: md('## Approval process', '', 'Legal reviews the charter before both sponsors sign.') });
const timelineTable = charter({
  timeline: md('## Timeline', '', '| Name | Date |', '|---|---|', '| Crawl kickoff | 2027-01-11 |', '| Walk kickoff | 2027-03-08 |'),
  signatures: '',
});

testRule(charterUnsigned, {
  valid: [
    { name: 'the Acme × Globex sample charter', text: example('acme-globex-charter.md') },
    { name: 'a signature table', text: charter() },
    {
      name: 'terms recognised by their title, with no place for signatures (accepted by click)',
      text: md('# Partner Program Terms and Conditions', '', '## Definitions', '', 'Terms.', '', '## Obligations', '', 'Terms.', '', '## Termination', '', 'Terms.', '', '## Liability', '', 'Terms.'),
    },
    {
      name: 'a sign-off list with written-out dates',
      text: charter({ signatures: md('## Sign-off', '', '- Dana Reyes, VP Partnerships, Acme — 1 Dec 2026', '- Sam Ortiz, Head of Alliances, Initech — December 3, 2026') }),
    },
    {
      name: 'a bold pseudo-heading with one signer per line',
      text: charter({ signatures: md('**Signed:**', 'Acme: Dana Reyes, 12/01/2026', 'Initech: Sam Ortiz, 12/03/2026') }),
    },
    {
      name: 'an approvals table with an approver column',
      text: charter({ signatures: md('## 7. Approvals', '', '| Approver | Company | Date signed |', '|---|---|---|', '| Dana Reyes | Acme | 2026-12-01 |', '| Sam Ortiz | Initech | 2026-12-03 |') }),
    },
    {
      name: 'a Name / Signature / Date table under another heading',
      text: charter({ signatures: md('## Agreement', '', '| Name | Signature | Date |', '|---|---|---|', '| Dana Reyes | /s/ Dana Reyes | 2026-12-01 |', '| Sam Ortiz | /s/ Sam Ortiz | 2026-12-03 |') }),
    },
    {
      name: 'signatures recorded in front matter',
      text: charter({ signatures: '' }, md('---', 'type: partnership-charter', 'signatures:', '  - Dana Reyes (Acme), 2026-12-01', '  - name: Sam Ortiz', '    date: 2026-12-03', '---', '', '# Acme × Initech Partnership Charter')),
    },
    {
      name: 'one signer per side, each under a heading of their own',
      text: charter({ signatures: md('## Acme sign-off', '', 'Dana Reyes, 2026-12-01', '', '## Initech sign-off', '', 'Sam Ortiz, 2026-12-03') }),
    },
    { name: 'CRLF', text: crlf(charter()) },
    { name: 'not a charter', text: md('---', 'type: rollout-plan', '---', '# Partner rollout plan', '', '## Crawl', '', 'Two pilots.') },
  ],
  invalid: [
    {
      name: 'no signature block: a signature table is added at the end',
      text: unsigned,
      problems: [{ line: lineOf(unsigned, '# Acme'), message: /no signature block/ }],
      output: `${unsigned}\n${TABLE}\n`,
    },
    {
      name: 'no signature block, CRLF: the table keeps the line breaks',
      text: unsignedCrlf,
      problems: [{ line: lineOf(unsignedCrlf, '# Acme'), message: /no signature block/ }],
      output: crlf(`${unsigned}\n${TABLE}\n`),
    },
    {
      name: 'no signature block and no line break at the end',
      text: noTrailingBreak,
      problems: [{ line: 6 }],
      output: `${noTrailingBreak}\n\n${TABLE}\n`,
    },
    {
      name: 'no front matter and bold pseudo-headings: the rows name the parties from the title, first-named first',
      text: noFrontMatter,
      problems: [{ line: 1 }],
      output: `${noFrontMatter}\n${md('## Signatures', '', '| Party | Name | Role | Date |', '| --- | --- | --- | --- |', '| Northwind | [name] | [role] | [YYYY-MM-DD] |', '| Contoso | [name] | [role] | [YYYY-MM-DD] |')}\n`,
    },
    {
      name: 'no names in the title or front matter: placeholders stand for the parties',
      text: noFrontMatter.replace('Partnership Charter: Northwind and Contoso', 'Backup Connector Partnership Charter'),
      problems: [{ line: 1 }],
      output: `${noFrontMatter.replace('Partnership Charter: Northwind and Contoso', 'Backup Connector Partnership Charter')}\n${md('## Signatures', '', '| Party | Name | Role | Date |', '| --- | --- | --- | --- |', '| [our company] | [name] | [role] | [YYYY-MM-DD] |', '| [partner] | [name] | [role] | [YYYY-MM-DD] |')}\n`,
    },
    { name: 'one dated signer', text: oneSigner, problems: [{ line: lineOf(oneSigner, '## Sign-off'), message: /Only one signature/ }] },
    { name: 'signers without dates', text: undated, problems: [{ line: lineOf(undated, '## Signatures'), message: /no dates/ }] },
    { name: 'blank signature lines', text: blankLines, problems: [{ line: lineOf(blankLines, '## Signatures'), message: /no dates|Nobody has signed/ }] },
    { name: 'the added table, not filled in yet (no fix offered again)', text: afterFix, problems: [{ line: lineOf(afterFix, '## Signatures'), message: /Nobody has signed here/ }] },
    { name: 'an "Approval process" section is not a signature block', text: approvalProcess, problems: [{ line: 6, message: /no signature block/ }] },
    { name: 'a timeline table with Name and Date columns is not a signature block', text: timelineTable, problems: [{ line: 6, message: /no signature block/ }] },
  ],
});

describe('charter-unsigned fix', () => {
  it('is not offered when the document ends inside an unclosed code fence, where the table would vanish', () => {
    const text = `${unsigned}\n\`\`\`\nnotes from the kickoff call\n`;
    const [problem, ...rest] = lintText(text, [charterUnsigned], DEFAULT_CONFIG).diagnostics;
    assert.equal(rest.length, 0);
    assert.match(problem!.message, /no signature block/);
    assert.equal(problem!.fix, undefined);
  });
});
