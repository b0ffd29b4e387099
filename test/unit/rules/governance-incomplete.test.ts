import { testRule } from '../rule-tester';
import { governanceIncomplete } from '../../../src/rules/governance-incomplete';
import { charter, crlf, example, lineOf, md } from './charter-content-samples';

const onlyOurOwner = charter({ governance: md('## Governance', '', 'Dana Reyes (VP Partnerships) owns every decision for Acme.') });
const noEscalation = charter({
  governance: md('## Governance', '', '- Decision owners: Dana Reyes for Acme, Sam Ortiz for Initech.', '- Either side may terminate with 60 days\' notice.'),
});
const exitTbd = charter({
  governance: md('## Governance', '', '- Decision owners: Dana Reyes for Acme, Sam Ortiz for Initech.', '- Disagreements go to both COOs.', '- Exit criteria: TBD'),
});
const noOwners = charter({ governance: md('## Governance', '', 'Disputes go to the steering committee. Either side may exit with 60 days\' notice.') });
const companyName = charter(
  { governance: md('## Governance', '', '- Dana Reyes owns decisions for Acme.', '- Initech Analytics has yet to name anyone.', '- Disputes go to both COOs; either side may exit with 60 days\' notice.') },
  md('---', 'type: partnership-charter', 'partner: Initech Analytics', '---', '', '# Acme × Initech Analytics Partnership Charter'),
);
const pseudoCrlf = crlf(md(
  '---',
  'type: partnership-charter',
  'company: Northwind',
  'partner: Contoso',
  '---',
  '# Northwind + Contoso partnership charter',
  '',
  '**5. Governance:**',
  'Our sponsor is the Head of Alliances; escalations go to the two COOs.',
));

// Decisions that rest with both sides, with no owner named.
const bothAgree = charter({ governance: md('## Governance', '', 'Both parties must agree on any change to scope, pricing or budget.') });
const endByAgreement = charter({ governance: md('## Governance', '', 'Disputes both parties cannot agree on go to the two COOs. Either side may end the partnership by mutual agreement.') });
const oneOwnerAndJoint = charter({ governance: md('## Governance', '', '- Dana Reyes owns decisions for Acme.', '- Both parties must agree on scope changes.', '- Disputes go to both COOs; either side may exit with 60 days\' notice.') });

// Agreements in their own form: no Governance section, governance read from the whole text.
const engagement = (...lines: string[]) => md('# Northwind Fund Engagement: Pellucid Project', '', 'Northwind Fund supports the Pellucid Project\'s work on safer parsers through 2027.', '', ...lines);
const oneSidedContacts = engagement('## Contacts', '', '- Irene Okafor - Programme Director, Pellucid Project', '- Tomas Berg - Release Engineer, Pellucid Project');
const rosterBothSides = engagement(
  '## Who works on it', '', '| Area | Northwind Fund | Pellucid Project |', '| --- | --- | --- |', '| Funding | Wen Li | Irene Okafor |', '| Audits | Amal Haddad | Tomas Berg |', '',
  'Disagreements go to the Northwind board. Either party may end the engagement with 60 days notice.',
);
const rosterNoExit = engagement(
  '## Who works on it', '', '| Area | Northwind Fund | Pellucid Project |', '| --- | --- | --- |', '| Funding | Wen Li | Irene Okafor |', '',
  'Disagreements go to the Northwind board. Parsers that lose their maintainers will be sunset from the project.',
);
const mouExitOnly = md('# Memorandum of Understanding between Harbor Robotics and Quillon Labs', '', 'The two companies intend to publish an open dataset of robot failures.', '', '1. Either party may end this memorandum with 30 days written notice.');
const mouNothing = md('# Memorandum of Understanding between Harbor Robotics and Quillon Labs', '', 'The two companies intend to publish an open dataset of robot failures.');

testRule(governanceIncomplete, {
  valid: [
    { name: 'an engagement in its own form with a roster on both sides, an escalation path and an exit', text: rosterBothSides },
    { name: 'an MOU with no governance at all is charter-missing-section\'s to report', text: mouNothing },
    { name: 'standard program terms are not asked for owners', text: md('# Partner Program Terms and Conditions', '', 'These terms govern your participation in the Partner Program.', '', '1. Either party may terminate with one month notice.') },
    { name: 'the Acme × Globex sample charter', text: example('acme-globex-charter.md') },
    { name: 'a complete charter', text: charter() },
    {
      name: 'one subsection per element, a table of owners, CRLF and numbered headings',
      text: crlf(charter({
        governance: md(
          '## 5. Governance',
          '',
          '### Decision owners',
          '',
          '| Side | Owner | Role |',
          '|---|---|---|',
          '| Acme | Ana Lima | CRO |',
          '| Initech | Raj Patel | VP Partners |',
          '',
          '### Escalation',
          '',
          'Ana and Raj first; the steering committee breaks ties.',
          '',
          '### Exit',
          '',
          'Either side can wind down with 30 days of warning.',
        ),
      })),
    },
    {
      name: 'our and their sponsors in a sentence, in a bold pseudo-heading section',
      text: md(
        '# Partnership Charter: Northwind and Contoso',
        '',
        '**Governance:**',
        'Our sponsor is Priya Shah (Head of Alliances); theirs is the VP Ecosystem.',
        'Disputes go to both sponsors, then to the two COOs within 2 weeks.',
        'Either party may terminate on 90 days\' notice.',
      ),
    },
    {
      name: 'two named people decide together',
      text: charter({ governance: md('## Governance', '', 'Dana Reyes and Sam Ortiz decide together; if they cannot agree, both COOs settle it. A missed gate ends the partnership.') }),
    },
    {
      name: 'exit criteria in a section of their own',
      text: charter({ governance: md('## Governance', '', '- Owners: Dana Reyes for Acme, Sam Ortiz for Initech.', '- Disputes go to both COOs.') }) + '\n## Exit criteria\n\nA missed go/no-go gate, or fewer than 10 live customers by September.\n',
    },
    { name: 'each side named at once', text: charter({ governance: md('## Governance', '', 'Each side\'s VP Partnerships is its decision owner; deadlocks go to the CEOs; either side may walk away after the walk phase.') }) },
    {
      name: '"both parties must agree" names decision owners on both sides',
      text: charter({ governance: md('## Governance', '', '- Both parties must agree on any change to scope or budget.', '- Disputes go to the two COOs within 10 business days.', '- A missed go/no-go gate ends the partnership.') }),
    },
    {
      name: '"jointly decided by both companies", with the parties named in the title only',
      text: md(
        '# Partnership Charter: Acme Analytics and Lumen Security',
        '',
        '**Governance:**',
        'Roadmap and pricing questions are jointly decided by both companies at the monthly review.',
        'Unresolved disagreements escalate to the two CEOs within 2 weeks.',
        'Either party may terminate on 90 days\' notice.',
      ),
    },
    { name: 'no Governance section (reported by charter-missing-section)', text: charter({ governance: '' }) },
    { name: 'an empty Governance section (reported by charter-empty-section)', text: charter({ governance: md('## Governance', '', '- Owner: TBD', '- Escalation: TBD') }) },
  ],
  invalid: [
    {
      name: 'an engagement in its own form with contacts on one side only: on the contacts heading, naming both sides',
      text: oneSidedContacts,
      problems: [{ line: lineOf(oneSidedContacts, '## Contacts'), message: /^Governance is incomplete: people are named for Pellucid Project only, nobody for Northwind Fund, nothing says how a disagreement escalates and nothing says what would end the partnership\. Name an owner for Northwind Fund\. Say who settles what the owners cannot\. Say what ends it/ }],
    },
    {
      name: 'an MOU that only says how it ends: once, on the title',
      text: mouExitOnly,
      problems: [{ line: 1, message: /no owner or contact is named on either side and nothing says how a disagreement escalates\. Name a decision owner on each side, by name and role\. Say who settles what the owners cannot\.$/ }],
    },
    {
      name: 'the end of a package is not the end of the partnership',
      text: rosterNoExit,
      problems: [{ line: lineOf(rosterNoExit, '## Who works on it'), message: /^Governance is incomplete: nothing says what would end the partnership\./ }],
    },
    {
      name: 'only our owner: the partner\'s owner, escalation and exit are missing',
      text: onlyOurOwner,
      problems: [
        { line: lineOf(onlyOurOwner, '## Governance'), message: /decides for Acme but not for Initech/ },
        { line: lineOf(onlyOurOwner, '## Governance'), message: /no escalation path/ },
        { line: lineOf(onlyOurOwner, '## Governance'), message: /no exit criteria/ },
      ],
    },
    {
      name: 'a company name is not a second decision owner',
      text: companyName,
      problems: [{ line: lineOf(companyName, '## Governance'), message: /decides for Acme but not for Initech Analytics\. Add the decision owner for Initech Analytics/ }],
    },
    {
      name: '"both parties must agree" is no escalation path and no exit criteria',
      text: bothAgree,
      problems: [{ line: lineOf(bothAgree, '## Governance'), message: /no escalation path/ }, { line: lineOf(bothAgree, '## Governance'), message: /no exit criteria/ }],
    },
    {
      name: 'an escalation or an exit by agreement of both parties names no decision owner',
      text: endByAgreement,
      problems: [{ line: lineOf(endByAgreement, '## Governance'), message: /who decides for either side/ }],
    },
    {
      name: 'a joint decision does not stand in for the partner\'s owner when ours is named',
      text: oneOwnerAndJoint,
      problems: [{ message: /decides for Acme but not for Initech/ }],
    },
    { name: 'no escalation path', text: noEscalation, problems: [{ line: lineOf(noEscalation, '## Governance'), message: /no escalation path/ }] },
    { name: 'exit criteria left as TBD', text: exitTbd, problems: [{ line: lineOf(exitTbd, '## Governance'), message: /no exit criteria/ }] },
    { name: 'nobody decides', text: noOwners, problems: [{ line: lineOf(noOwners, '## Governance'), message: /who decides for either side.*Acme.*Initech/ }] },
    {
      name: 'CRLF, a numbered bold pseudo-heading, front matter names',
      text: pseudoCrlf,
      problems: [{ line: 8, endLine: 8, message: /decides for Northwind but not for Contoso/ }, { line: 8, message: /no exit criteria/ }],
    },
  ],
});
