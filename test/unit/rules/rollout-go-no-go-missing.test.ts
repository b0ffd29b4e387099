import * as assert from 'node:assert/strict';
import { lintText, applyFixes, DEFAULT_CONFIG } from '../../../src/core';
import { testRule } from '../rule-tester';
import { rolloutGoNoGoMissing } from '../../../src/rules/rollout-go-no-go-missing';

const plan = (...lines: string[]) => ['---', 'type: rollout-plan', '---', '# Globex rollout', '', ...lines].join('\n');
const charter = (...lines: string[]) => ['---', 'type: partnership-charter', '---', '# Acme × Globex Charter', '', '## Timeline', '', ...lines].join('\n');

testRule(rolloutGoNoGoMissing, {
  valid: [
    {
      name: 'gates written on each phase (run needs none)',
      text: charter(
        '- **Crawl** (6 weeks): 2 pilots.',
        '  Go/no-go: 20%+ reduction in setup time.',
        '- **Walk** (10 weeks): 8 more customers. Go/no-go: 70%+ of invited customers adopt.',
        '- **Run**: ongoing.',
      ),
    },
    { name: 'thresholds without the word go/no-go', text: plan('- Crawl: 6 weeks, proceed if pilots see 20% faster setup', '- Walk: 10 weeks, at least 70% of invited customers live') },
    { name: 'criteria in a nested list', text: plan('- **Crawl**', '  - Exit criteria: both pilots renew', '- **Walk**', '  - Success criteria: 7 of 10 customers active') },
    {
      name: 'criteria in their own section',
      text: plan('## Crawl', '', 'Six weeks.', '', '## Walk', '', 'Ten weeks.', '', '## Go/no-go gates', '', '**After crawl:**', '- pilots see setup time drop by a fifth', '', '**After walk:**', '- most invited customers adopt'),
    },
    { name: 'a go/no-go column', text: plan('| Phase | Dates | Go/no-go |', '| --- | --- | --- |', '| Crawl | Q1 2027 | 20%+ faster setup |', '| Walk | Q2 2027 | 70% adoption |') },
    { name: 'prose that is not a phase', text: plan('Crawl, walk, run is the approach.', '', '- Walk-through for sales', '- Run a webinar') },
    { name: 'CRLF', text: charter('- **Crawl** (6 weeks). Gate: 2 pilots renew.', '- **Walk**. Gate: 70% adoption.').replace(/\n/g, '\r\n') },
    { name: 'a go/no-go review with its bar after a colon', text: plan('## Pilot (6 weeks)', '', '- Week 6: go/no-go review: both pilot teams keep using the connector') },
    {
      name: 'a go/no-go review in the phase, its bar in a criteria section that names no phase',
      text: plan('## Pilot (6 weeks)', '', '- Week 6: go/no-go review with both sponsors', '', '## Success criteria', '', '- Both store teams keep using the connector after week 4'),
    },
    { name: 'a pilot in a sentence, with its bar', text: plan('## Next steps', '', 'We start with a 6-week pilot; we proceed if order errors drop by a quarter.') },
    { name: 'a pilot without a length is not read from a sentence', text: plan('## Next steps', '', '- Ask the partner for a pilot customer.', '- Share the API keys.') },
    { name: 'numbered phases with a gate before the launch', text: plan('## Phase 1: Integration (6 weeks)', '', 'Two customers. Proceed if both keep syncing orders daily.', '', '## Phase 2: Launch', '', 'All customers.') },
    { name: 'numbered phases and a gates section elsewhere', text: plan('## Phase 1: Integration', '', 'Two customers.', '', '## Phase 2: Launch', '', 'All customers.', '', '## Exit criteria', '', '- Both customers renew before launch.') },
    { name: 'a launch with its own entry condition', text: plan('## Phase 1: Integration', '', 'Two customers.', '', '## Phase 2: Launch', '', 'Go/no-go: at least 70% of invited customers adopt.') },
    { name: 'only pre-pilot steps before the launch are left to rollout-skips-crawl', text: plan('## Phase 1: Contracting', '', 'Sign.', '', '## Phase 2: Launch', '', 'Everyone.') },
    { name: 'a software release plan with numbered phases', text: ['# Release plan', '', '## Phase 1: Refactor the parser', '', 'Two sprints.', '', '## Phase 2: Launch', '', 'Ship v2 to npm.'].join('\n') },
    { name: 'a README with a launch section', text: ['# tinyhttp', '', '## Stage 1: Install', '', '`npm i tinyhttp`', '', '## Stage 2: Launch', '', 'Run `tinyhttp serve`.'].join('\n') },
  ],
  invalid: [
    {
      name: 'a crawl without a gate before the launch is reported on the crawl only, not again on the launch',
      text: plan('## Phase 1: Integration', '', '## Pilot', '', 'Two stores.', '', '## Launch', '', 'Everyone.'),
      problems: [{ line: 8, message: /crawl phase has no go\/no-go/ }],
    },
    {
      name: 'numbered phases that reach the launch with no gate anywhere',
      text: plan('## Phase 1: Integration (6 weeks)', '', 'Build the connector with two customers.', '', '## Phase 2: Launch', '', 'All customers.'),
      problems: [{ line: 10, message: /Nothing before "Phase 2: Launch" states a go\/no-go bar.*\(Phase 1\)/ }],
      suggestionOutput: plan('## Phase 1: Integration (6 weeks)', '', 'Build the connector with two customers.', '', 'Go/no-go: [threshold]', '', '## Phase 2: Launch', '', 'All customers.'),
    },
    {
      name: 'the Initech draft: walk with no criterion',
      text: charter('- Walk: launch the integration with all customers in Q2.', '- Run: TBD'),
      problems: [{ line: 8, message: /walk phase has no go\/no-go.*70%/ }],
      suggestionOutput: charter('- Walk: launch the integration with all customers in Q2. Go/no-go: [threshold]', '- Run: TBD'),
    },
    {
      name: 'placeholders are not criteria',
      text: charter('- **Crawl** (6 weeks): pilots. Go/no-go: TBD', '- **Walk** (10 weeks): more. Exit criteria: none'),
      problems: [{ line: 8, message: /crawl phase has no go\/no-go.*20%/ }, { line: 9, message: /walk phase/ }],
      suggestionOutput: charter('- **Crawl** (6 weeks): pilots. Go/no-go: TBD Go/no-go: [threshold]', '- **Walk** (10 weeks): more. Exit criteria: none'),
    },
    {
      name: 'a heading phase gets a list item',
      text: plan('## Crawl (weeks 1-6)', '', '- 2 pilot customers', '', '## Walk', '', 'Ten customers. Go/no-go: 70% adoption.'),
      problems: [{ line: 6, message: /crawl phase/ }],
      suggestionOutput: plan('## Crawl (weeks 1-6)', '', '- 2 pilot customers', '- Go/no-go: [threshold]', '', '## Walk', '', 'Ten customers. Go/no-go: 70% adoption.'),
    },
    {
      name: 'a heading phase with a paragraph',
      text: plan('## Phase 1: Crawl', '', 'Two pilots.'),
      problems: [{ line: 6 }],
      suggestionOutput: plan('## Phase 1: Crawl', '', 'Two pilots.', '', 'Go/no-go: [threshold]'),
    },
    {
      name: 'a table row gets it in its last cell',
      text: plan('| Phase | Dates |', '| --- | --- |', '| Crawl | Q1 2027 |'),
      problems: [{ line: 8 }],
      suggestionOutput: plan('| Phase | Dates |', '| --- | --- |', '| Crawl | Q1 2027 Go/no-go: [threshold] |'),
    },
    {
      name: 'a pilot that ends in a go/no-go meeting with no bar',
      text: plan('## 3-week pilot outline', '', '**Week 1:** connect two stores', '', '**Week 3:** hold the go/no-go meeting and agree next steps'),
      problems: [{ line: 6, message: /crawl phase has no go\/no-go/ }],
    },
    {
      name: 'a pilot promised in a sentence, with no bar',
      text: plan('## What we can offer', '', '1. Keys within a day of signing.', '2. A two-week pilot before any wider rollout.'),
      problems: [{ line: 9, message: /crawl phase has no go\/no-go/ }],
      suggestionOutput: plan('## What we can offer', '', '1. Keys within a day of signing.', '2. A two-week pilot before any wider rollout. Go/no-go: [threshold]'),
    },
    {
      name: 'a numbered phase titled as an expansion is a walk',
      text: plan('## Phase 1: Pilot (weeks 1-6)', '', '- Two clinics. Go/no-go: 20% fewer missed appointments.', '', '## Phase 2: Regional Expansion (weeks 7-18)', '', '- Twelve clinics.'),
      problems: [{ line: 10, message: /walk phase has no go\/no-go/ }],
    },
    {
      name: 'a blank go/no-go cell',
      text: plan('| Phase | Go/no-go |', '| --- | --- |', '| Walk | |'),
      problems: [{ line: 8 }],
    },
  ],
});

describe('rollout-go-no-go-missing: the go/no-go suggestion is not offered again once applied', () => {
  const lint = (text: string) => lintText(text, [rolloutGoNoGoMissing], DEFAULT_CONFIG).diagnostics;
  const cases = {
    'under a phase heading, in a list': plan('## Crawl (weeks 1-6)', '', '- 2 pilot customers', '', '## Walk', '', 'Ten customers. Go/no-go: 70% adoption.'),
    'on a list item': charter('- Walk: launch the integration with all customers in Q2.', '- Run: TBD'),
    'in a table row': plan('| Phase | Dates |', '| --- | --- |', '| Crawl | Q1 2027 |'),
    'before a run reached through other phases': plan('## Phase 1: Integration (6 weeks)', '', 'Build the connector with two customers.', '', '## Phase 2: Launch', '', 'All customers.'),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const suggestion = lint(text).flatMap((d) => d.suggestions ?? [])[0];
      assert.ok(suggestion, 'the suggestion is offered');
      const once = applyFixes(text, [suggestion]).text;
      assert.deepEqual(lint(once).flatMap((d) => d.suggestions ?? []).map((s) => s.title), []);
    });
  }
});
