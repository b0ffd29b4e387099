import { testRule } from '../rule-tester';
import { mutualGoalsMissingParty } from '../../../src/rules/mutual-goals-missing-party';
import { charter, crlf, example, lineOf, md } from './charter-content-samples';

const initech = example('initech-charter-draft.md');
const noPartner = charter({ goals: md('## Mutual Goals', '', '- We reach 30 live joint customers by June 2027.', '- Customers get hourly refreshes instead of overnight ones.') });
const noUs = charter({ goals: md('## Mutual Goals', '', '- Initech cuts churn on its reporting add-on by 15%.', '- Shared customers stop exporting data by hand.') });
const acquiredOnly = charter({ goals: md('## Mutual Goals', '', '- We win 30 new enterprise customers.', '- Initech gains access to our customers and renews 90% of its base.') });
const numberedCrlf = crlf(charter({ goals: md('## 1. Mutual goals', '', 'Grow together and delight users.') }));
const pseudo = md(
  '# Partnership Charter: Northwind and Contoso',
  '',
  '**Shared goals:**',
  '- Northwind: 25 co-sold deals worth $900K by June 2027.',
  '',
  '**Governance:**',
  'Priya Shah decides for Northwind.',
);

testRule(mutualGoalsMissingParty, {
  valid: [
    { name: 'the Acme × Globex sample charter', text: example('acme-globex-charter.md') },
    { name: 'a complete charter', text: charter() },
    {
      name: 'we, they and customers in plain sentences',
      text: charter({ goals: md('## Mutual Goals', '', 'We want 30 live joint customers by June; they want churn down 15%; customers want hourly refreshes.') }),
    },
    {
      name: 'bold pseudo-headings, no front matter: the two names in the title are the two sides',
      text: md(
        '# Partnership Charter: Northwind and Contoso',
        '',
        '**Shared goals:**',
        '- Northwind: 25 co-sold deals by June 2027.',
        '- Contoso: renewals up 5 points.',
        '- Joint customers: one invoice instead of two.',
      ),
    },
    {
      name: 'one subsection per party, CRLF, numbered headings',
      text: crlf(charter({ goals: md('## 1. Mutual Goals', '', '### For Acme', '', '30 live customers.', '', '### For Initech', '', 'Churn down 15%.', '', '### For shared customers', '', 'Hourly refreshes.') })),
    },
    {
      name: 'a table with a row per party',
      text: charter({ goals: md('## Mutual Goals', '', '| Party | Success looks like |', '|---|---|', '| Acme | 30 live customers |', '| Initech | churn down 15% |', '| Customers | hourly refreshes |') }),
    },
    {
      name: 'both sides at once',
      text: charter({ goals: md('## Mutual Goals', '', '- Both sides grow partner-sourced revenue 20% by Q4.', '- Users finish setup in one afternoon.') }),
    },
    {
      name: 'a goal with no party named is the author\'s own',
      text: charter({ goals: md('## Mutual Goals', '', '- 30 live joint deployments by June.', '- Initech: churn down 15%.', '- Customers: hourly refreshes.') }),
    },
    {
      name: 'a count of customers who benefit',
      text: charter({ goals: md('## Mutual Goals', '', '- Acme: 30 live deployments.', '- Initech: churn down 15%.', '- 30 pilot customers save 2 hours a week on reporting.') }),
    },
    {
      name: 'ordinary prose in which "they" and "users" carry the parties',
      text: charter({ goals: md('## Mutual Goals', '', 'Our aim is 30 live deployments by June. For Initech the point is retention: they want add-on churn down 15%. Users should never export a spreadsheet again.') }),
    },
    { name: 'no Mutual Goals section (reported by charter-missing-section)', text: charter({ goals: '' }) },
    { name: 'an empty Mutual Goals section (reported by charter-empty-section)', text: charter({ goals: md('## Mutual Goals', '', 'TBD') }) },
  ],
  invalid: [
    {
      name: 'the Initech draft: nothing for the partner or for customers',
      text: initech,
      problems: [
        { line: lineOf(initech, '## Mutual Goals'), message: /success looks like for Initech/ },
        { line: lineOf(initech, '## Mutual Goals'), message: /shared customers/ },
      ],
    },
    { name: 'no goal for the partner, named from front matter', text: noPartner, problems: [{ line: lineOf(noPartner, '## Mutual Goals'), message: /for Initech\. Add the outcome they need/ }] },
    { name: 'no goal for us, named from the title', text: noUs, problems: [{ line: lineOf(noUs, '## Mutual Goals'), message: /for Acme\. Add the outcome you need/ }] },
    { name: 'customers only as something to win', text: acquiredOnly, problems: [{ line: lineOf(acquiredOnly, '## Mutual Goals'), message: /what shared customers get/ }] },
    { name: 'CRLF, a numbered heading and a vague line', text: numberedCrlf, problems: [{ line: lineOf(numberedCrlf, '## 1. Mutual goals'), message: /for Initech/ }] },
    {
      name: 'bold pseudo-headings, no front matter: one side and customers missing',
      text: pseudo,
      problems: [{ line: 3, endLine: 3, message: /for Contoso\./ }, { line: 3, message: /shared customers/ }],
    },
  ],
});
