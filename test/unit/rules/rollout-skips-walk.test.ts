import { testRule } from '../rule-tester';
import { rolloutSkipsWalk } from '../../../src/rules/rollout-skips-walk';

const plan = (...lines: string[]) => ['---', 'type: rollout-plan', '---', '# Globex rollout', '', ...lines].join('\n');
const charter = (...lines: string[]) => ['---', 'type: partnership-charter', '---', '# Acme × Globex Charter', '', '## Timeline', '', ...lines].join('\n');
const SKIPS = /straight to full launch \(run\), with no walk phase/;

testRule(rolloutSkipsWalk, {
  valid: [
    { name: 'crawl, walk and run', text: plan('- Crawl (6 weeks): two pilots', '- Walk (10 weeks): ten customers', '- Run: everyone') },
    { name: 'pilot, beta and general availability', text: plan('- Pilot (6 weeks): two customers', '- Beta (10 weeks): ten customers', '- General availability: from 2027-09-01') },
    { name: 'a numbered phase between the pilot and the launch may be a walk', text: plan('## Phase 1: Pilot', '', 'Two.', '', '## Phase 2: Regional expansion', '', 'Ten.', '', '## Phase 3: Launch', '', 'All.') },
    { name: 'no crawl at all is rollout-skips-crawl\u2019s business', text: plan('- Launch: 2027-06-01') },
    { name: 'a pilot on its own', text: plan('- Pilot (6 weeks): two customers; go/no-go: both renew') },
    { name: 'a strategy with no roadmap section', text: ['---', 'type: partnership-strategy', '---', '# Acme Partnership Strategy', '', '## Recruitment process', '', '- Pilot: two partners', '- Launch: everyone'].join('\n') },
  ],
  invalid: [
    {
      name: 'crawl straight to run: on the run label',
      text: plan('- Crawl (6 weeks): two pilots', '- Run: everyone from 2027-04-01'),
      problems: [{ line: 7, message: SKIPS }],
    },
    {
      name: 'quarters whose titles name a pilot and a launch, in a strategy\u2019s roadmap',
      text: ['---', 'type: partnership-strategy', '---', '# Acme Partnership Strategy', '', '## Roadmap', '', '### Q2 2027: Pilot projects', '', '- Five pilots.', '', '### Q3 2027: Partnership launches', '', '- Marketplace.'].join('\n'),
      problems: [{ line: 12, message: SKIPS }],
    },
    {
      name: 'a charter timeline from a proof of concept to general availability',
      text: charter('- **Proof of concept** (2027-01-11 to 2027-02-26): one customer', '- **General availability** (from 2027-03-01): every customer'),
      problems: [{ line: 9, message: SKIPS }],
    },
  ],
});
