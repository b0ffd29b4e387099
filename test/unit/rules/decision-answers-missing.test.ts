import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testRule } from '../rule-tester';
import { decisionAnswersMissing } from '../../../src/rules/decision-answers-missing';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../../src/core';
import type { DecisionTree } from '../../../src/trees';
import { md } from '../helpers';

const EXAMPLE = readFileSync(join(process.cwd(), 'examples/build-vs-partner-sso.md'), 'utf8');

/** A decision record with the given front matter lines and a short body. */
function record(...frontMatter: string[]): string {
  return md('---', 'type: decision-record', ...frontMatter, '---', '', '# Decision: partner for single sign-on', '', 'We looked at the options.', '');
}

/** A team's own tree with a three-answer question. */
const LEVERAGE: DecisionTree = {
  id: 'leverage-check',
  title: 'How much leverage do we have?',
  description: 'What happens to the partner without us.',
  start: 'without-us',
  questions: {
    'without-us': {
      text: 'If we do not partner, what happens to them?',
      answers: {
        'lose-certification': { label: 'They lose a certification', hint: 'Requirement leverage', outcome: 'pursue' },
        'lose-customers': { label: 'They might lose customers', hint: 'Moderate leverage', outcome: 'test-first' },
        nothing: { label: 'Nothing changes', hint: 'No leverage', outcome: 'walk-away' },
      },
    },
  },
  outcomes: {
    pursue: { title: 'Pursue', rationale: 'x' },
    'test-first': { title: 'Test first', rationale: 'x' },
    'walk-away': { title: 'Walk away', rationale: 'x' },
  },
};

function withTrees(trees: unknown[]): Partial<ResolvedConfig> {
  return { rules: { ...DEFAULT_CONFIG.rules, 'decision-answers-missing': { options: { trees } } } };
}

testRule(decisionAnswersMissing, {
  valid: [
    {
      name: 'a build-or-partner decision in its own form that raises all three of the tree\'s questions',
      text: md(
        '# Build vs Partner: Usage-Based Billing', '', '## Options', '',
        '- Build: our platform team writes a metering service.', '- Partner: integrate a billing provider.', '',
        '## Trade-offs', '',
        'Billing is not a core capability for us. Building would cost two quarters of time to market.',
        'The provider needs us too: our marketplace listing brings it mid-market customers.', '',
        '## Recommendation', '', 'Partner with the billing provider.', '',
      ),
    },
    {
      name: 'a build-versus-buy note about a library is not a partnership decision at all',
      text: md('# Build vs Buy: Logging Library', '', '## Options', '', '- Write our own.', '- Use an open-source one.', '', '## Recommendation', '', 'Use the library.', ''),
    },
    { name: 'the sample build-vs-partner record', text: EXAMPLE },
    { name: 'the sample record with CRLF line endings', text: EXAMPLE.replace(/\n/g, '\r\n') },
    { name: 'a first answer that settles it needs no further answers', text: record('tree: build-vs-partner', 'answers:', '  core-differentiation: yes', 'outcome: build') },
    {
      name: 'every question on the longest path answered',
      text: record('tree: build-vs-partner', 'answers:', '  core-differentiation: no', '  roadmap-delay-over-6-months: no', '  credible-partner-needs-us: yes', 'outcome: partner'),
    },
    { name: 'questions off the path may stay blank', text: record('tree: partner-tier', 'answers:', '  self-serve-engineering: yes', '  marquee-logo:', 'outcome: tier-1') },
    { name: 'answers written in capitals, quoted, or as YAML booleans', text: record('tree: continue-partnership', 'answers:', '  crawl-met-criteria: "Yes"', '  walk-met-criteria: true', 'outcome: run') },
    { name: 'answers on one line in braces, with comments', text: record('tree: ecosystem-model # chosen in the Q3 review', 'answers: {brand-damage-risk-high: no, can-scale-human-review: no}  # two questions', 'outcome: open') },
    { name: 'a tree id written with spaces and capitals', text: record('tree: Build vs Partner', 'answers:', '  core-differentiation: yes') },
    { name: 'a team tree given through the trees option', text: record('tree: leverage-check', 'answers:', '  without-us: nothing'), config: withTrees([LEVERAGE]) },
    {
      name: 'a record found by its title, with no front matter, is not held to the front matter format',
      text: md('# Build vs partner: single sign-on', '', 'We asked whether it is core to our differentiation. It is not, and building it would delay the roadmap by a year.',
        'The identity provider needs us too, for the customers we bring, so we partner.'),
    },
    { name: 'front matter that does not parse is left to frontmatter-invalid', text: record('tree: build-vs-partner', 'answers: [core-differentiation'), },
    {
      name: 'prose in the body that talks about trees and answers',
      text: EXAMPLE + md('', '## Notes', '', 'The tree did not ask about cost; answers to that question are in the appendix. No outcome is final.', ''),
    },
  ],
  invalid: [
    {
      name: 'a decision in its own form that never asks whether the partner needs anything from us, reported on the title',
      text: md(
        '# Build vs Partner: Usage-Based Billing', '', '## Options', '',
        '- Build: our platform team writes a metering service.', '- Partner: integrate a billing provider.', '',
        '## Trade-offs', '',
        'Billing is not a core capability for us. Building would cost two quarters of time to market.', '',
        '## Recommendation', '', 'Partner with the billing provider.', '',
      ),
      problems: [{ line: 1, message: /^This build-or-partner decision never asks whether a credible partner also needs something from you\. Without a partner who needs you too.*Run Decision Tree/ }],
    },
    {
      name: 'a decision in its own form that raises none of the questions names all three, in the tree\'s order',
      text: md('# Build or Partner: Search', '', '## Options', '', '- Build it in house.', '- Partner with a search vendor.', '', '## Recommendation', '', 'Partner with the vendor.', ''),
      problems: [{ line: 1, message: /never asks whether the capability is part of what makes your product different, whether building it would hold the rest of the roadmap back by more than six months or whether a credible partner also needs something from you\./ }],
    },
    {
      name: 'no tree: line at all, reported on the type line, naming the built-in trees',
      text: record('answers:', '  core-differentiation: yes', 'outcome: build'),
      problems: [{ line: 2, endLine: 2, message: /does not say which decision tree.*build-vs-partner, partner-tier, continue-partnership, ecosystem-model, leverage-qualification or partnership-or-handshake/ }],
    },
    {
      name: 'an empty tree: line',
      text: record('tree:', 'answers:', '  core-differentiation: yes'),
      problems: [{ line: 3, message: /which decision tree/ }],
    },
    {
      name: 'a tree PartnerLint does not have, on the value',
      text: record('tree: buy-vs-partner', 'answers:', '  core-differentiation: yes'),
      problems: [{ line: 3, message: /no decision tree called "buy-vs-partner"\. Name one of build-vs-partner/ }],
    },
    {
      name: 'a tree given as a list',
      text: record('tree: [build-vs-partner, partner-tier]'),
      problems: [{ line: 3, message: /should name one decision tree, not a list/ }],
    },
    {
      name: 'no answers at all: the first question, on the tree line',
      text: record('tree: build-vs-partner', 'outcome: partner'),
      problems: [{ line: 3, message: /does not answer the first question of the build-vs-partner tree, "Is this capability part of what makes our product different.*\?" Record core-differentiation: yes or no under answers\./ }],
    },
    {
      name: 'the path stops short: the next question, on the answers line',
      text: record('tree: build-vs-partner', 'answers:', '  core-differentiation: no', 'outcome: partner'),
      problems: [{ line: 4, message: /stop short of an outcome: the build-vs-partner tree next asks "Would building it ourselves push the rest of the roadmap back by more than six months\?" Record roadmap-delay-over-6-months: yes or no/ }],
    },
    {
      name: 'a blank answer on the path, on its own line',
      text: record('tree: continue-partnership', 'answers:', '  crawl-met-criteria: yes', '  walk-met-criteria:', 'outcome: run'),
      problems: [{ line: 6, endLine: 6, message: /next asks "Did the Walk phase meet/ }],
    },
    {
      name: 'a mistyped question id is pointed out',
      text: record('tree: build-vs-partner', 'answers:', '  core-diferentiation: no'),
      problems: [{ line: 4, message: /core-diferentiation is not a question of this tree/ }],
    },
    {
      name: 'an answer the question does not allow, on the value',
      text: record('tree: build-vs-partner', 'answers:', '  core-differentiation: no', '  roadmap-delay-over-6-months: maybe', 'outcome: partner'),
      problems: [{ line: 6, message: /"maybe" is not an answer to "Would building it ourselves.*\?" Answer yes or no\./ }],
    },
    {
      name: 'a disallowed answer off the path is still reported',
      text: record('tree: partner-tier', 'answers:', '  self-serve-engineering: yes', '  marquee-logo: sort of', 'outcome: tier-1'),
      problems: [{ line: 6, message: /"sort of" is not an answer/ }],
    },
    {
      name: 'answers written as a list',
      text: record('tree: build-vs-partner', 'answers:', '  - core-differentiation: no', '  - roadmap-delay-over-6-months: yes'),
      problems: [{ line: 5, message: /one "question: answer" line each under answers:, not as a list/ }],
    },
    {
      name: 'a team tree lists its own answers',
      text: record('tree: leverage-check', 'answers:', '  without-us: unclear'),
      config: withTrees([LEVERAGE]),
      problems: [{ line: 5, message: /Answer lose-certification, lose-customers or nothing\./ }],
    },
    {
      name: 'an invalid tree in the option is ignored',
      text: record('tree: leverage-check', 'answers:', '  without-us: nothing'),
      config: withTrees([{ ...LEVERAGE, start: 'missing' }]),
      problems: [{ line: 3, message: /no decision tree called "leverage-check"/ }],
    },
    {
      name: 'CRLF line endings keep the lines right',
      text: record('tree: build-vs-partner', 'answers:', '  core-differentiation: no', '  roadmap-delay-over-6-months: no').replace(/\n/g, '\r\n'),
      problems: [{ line: 4, message: /next asks "Is there a credible partner/ }],
    },
  ],
});
