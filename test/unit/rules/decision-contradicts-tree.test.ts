import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testRule } from '../rule-tester';
import { decisionContradictsTree } from '../../../src/rules/decision-contradicts-tree';
import * as assert from 'node:assert/strict';
import { lintText, DEFAULT_CONFIG } from '../../../src/core';
import { md } from '../helpers';

const EXAMPLE = readFileSync(join(process.cwd(), 'examples/build-vs-partner-sso.md'), 'utf8');

function record(...frontMatter: string[]): string {
  return md('---', 'type: decision-record', ...frontMatter, '---', '', '# Decision: single sign-on', '', 'We weighed building against partnering.', '');
}

const PARTNER_ANSWERS = ['tree: build-vs-partner', 'answers:', '  core-differentiation: no', '  roadmap-delay-over-6-months: yes'];

testRule(decisionContradictsTree, {
  valid: [
    { name: 'the sample build-vs-partner record', text: EXAMPLE },
    { name: 'the sample record with CRLF line endings', text: EXAMPLE.replace(/\n/g, '\r\n') },
    { name: 'the outcome written as its title', text: record(...PARTNER_ANSWERS, 'outcome: Partner for it') },
    { name: 'the outcome in capitals and quotes', text: record(...PARTNER_ANSWERS, 'outcome: "PARTNER"') },
    { name: 'the outcome id followed by more words', text: record(...PARTNER_ANSWERS, 'outcome: partner — with an identity provider') },
    { name: 'a tier written with a space', text: record('tree: partner-tier', 'answers:', '  self-serve-engineering: no', '  marquee-logo: yes', 'outcome: Tier 3') },
    { name: 'the longer of two outcome ids that share a start', text: record('tree: continue-partnership', 'answers:', '  crawl-met-criteria: yes', '  walk-met-criteria: no', 'outcome: end-or-restart-crawl') },
    { name: 'answers still missing and the outcome still possible: left to decision-answers-missing', text: record('tree: build-vs-partner', 'answers:', '  core-differentiation: no', 'outcome: build') },
    { name: 'answers missing and no outcome yet', text: record('tree: build-vs-partner', 'answers:', '  core-differentiation: no') },
    { name: 'an answer the tree does not allow: left to decision-answers-missing', text: record('tree: build-vs-partner', 'answers:', '  core-differentiation: perhaps', 'outcome: partner') },
    { name: 'an unknown tree: left to decision-answers-missing', text: record('tree: buy-vs-partner', 'answers:', '  core-differentiation: no', 'outcome: anything') },
    { name: 'no type: line (found by title)', text: md('# Build vs partner: SSO', '', 'Outcome: partner. We answered no to core differentiation.') },
    {
      name: 'body prose that mentions another outcome',
      text: EXAMPLE + md('', '## Alternatives considered', '', 'Building was the outcome we expected at first; the tree said otherwise.', ''),
    },
  ],
  invalid: [
    {
      name: 'the recorded outcome contradicts the answers: replacing it is a suggestion, exact',
      text: record(...PARTNER_ANSWERS, 'outcome: build  # decided in the offsite'),
      problems: [{ line: 7, endLine: 7, message: /lead to "Partner for it", not "build"\. Change the outcome to partner, or revisit the answer/ }],
      suggestionOutput: record(...PARTNER_ANSWERS, 'outcome: partner  # decided in the offsite'),
    },
    {
      name: 'a quoted outcome keeps its quotes',
      text: record('tree: ecosystem-model', 'answers:', '  brand-damage-risk-high: yes', "outcome: 'open'"),
      problems: [{ line: 6, message: /lead to "Curated ecosystem \(gatekeeper model\)", not "open"\. Change the outcome to curated/ }],
      suggestionOutput: record('tree: ecosystem-model', 'answers:', '  brand-damage-risk-high: yes', "outcome: 'curated'"),
    },
    {
      name: 'end is not end-or-restart-crawl',
      text: record('tree: continue-partnership', 'answers:', '  crawl-met-criteria: yes', '  walk-met-criteria: no', 'outcome: end'),
      problems: [{ line: 7, message: /"End it, or restart Crawl with changes", not "end"\. Change the outcome to end-or-restart-crawl/ }],
      suggestionOutput: record('tree: continue-partnership', 'answers:', '  crawl-met-criteria: yes', '  walk-met-criteria: no', 'outcome: end-or-restart-crawl'),
    },
    {
      name: 'an outcome the tree does not have',
      text: record('tree: partner-tier', 'answers:', '  self-serve-engineering: yes', 'outcome: gold'),
      problems: [{ line: 6, message: /"Tier 1 — Integration partner \(self-serve\)", not "gold"\. Change the outcome to tier-1/ }],
      suggestionOutput: record('tree: partner-tier', 'answers:', '  self-serve-engineering: yes', 'outcome: tier-1'),
    },
    {
      name: 'no outcome line while the answers are complete: says what the tree gives and inserts it',
      text: record(...PARTNER_ANSWERS, 'date: 2026-11-02'),
      problems: [{ line: 4, message: /These answers lead to "Partner for it", but the record does not state an outcome\. Record outcome: partner/ }],
      output: record(...PARTNER_ANSWERS, 'date: 2026-11-02', 'outcome: partner'),
    },
    {
      name: 'an empty outcome line is filled in',
      text: record(...PARTNER_ANSWERS, 'outcome:', 'date: 2026-11-02'),
      problems: [{ line: 7, message: /does not state an outcome/ }],
      output: record(...PARTNER_ANSWERS, 'outcome: partner', 'date: 2026-11-02'),
    },
    {
      name: 'an empty outcome with a comment keeps the comment apart',
      text: record(...PARTNER_ANSWERS, 'outcome: # to be decided'),
      problems: [{ line: 7, message: /does not state an outcome/ }],
      output: record(...PARTNER_ANSWERS, 'outcome: partner # to be decided'),
    },
    {
      name: 'an empty quoted outcome',
      text: record(...PARTNER_ANSWERS, 'outcome: ""'),
      problems: [{ line: 7, message: /does not state an outcome/ }],
      output: record(...PARTNER_ANSWERS, 'outcome: "partner"'),
    },
    {
      name: 'CRLF: the inserted outcome line uses CRLF too',
      text: record(...PARTNER_ANSWERS).replace(/\n/g, '\r\n'),
      problems: [{ line: 4, message: /does not state an outcome/ }],
      output: record(...PARTNER_ANSWERS, 'outcome: partner').replace(/\n/g, '\r\n'),
    },
    {
      name: 'answers still missing, but the outcome can no longer be reached: no fix',
      text: record('tree: continue-partnership', 'answers:', '  crawl-met-criteria: yes', 'outcome: end'),
      problems: [{ line: 6, message: /cannot lead to end in the continue-partnership tree; they can only lead to run or end-or-restart-crawl/ }],
    },
    {
      name: 'front matter written on one line in braces: reported, but no line is inserted into it',
      text: md('---', '{type: decision-record, tree: partner-tier, answers: {self-serve-engineering: yes}}', '---', '', '# Tiering Initech'),
      problems: [{ line: 2, message: /lead to "Tier 1/ }],
    },
  ],
});

describe('decision-contradicts-tree fixes', () => {
  const lint = (text: string) => lintText(text, [decisionContradictsTree], DEFAULT_CONFIG).diagnostics;

  it('offers no fix where an inserted line would break the front matter or the outcome is unknowable', () => {
    assert.equal(lint(md('---', '{type: decision-record, tree: partner-tier, answers: {self-serve-engineering: yes}}', '---', '', '# x'))[0]?.fix, undefined);
    assert.equal(lint(record('tree: continue-partnership', 'answers:', '  crawl-met-criteria: yes', 'outcome: end'))[0]?.fix, undefined);
  });

  it('never rewrites a recorded outcome automatically: the answer may be the wrong one', () => {
    const [problem] = lint(record(...PARTNER_ANSWERS, 'outcome: build'));
    assert.match(problem!.message, /not "build"/);
    assert.equal(problem!.fix, undefined, 'fix-all, fix on save and --fix must leave the outcome alone');
    assert.equal(problem!.suggestions?.[0]?.title, 'Change the outcome to partner');
  });

  it('changes only the outcome token, never the words around it', () => {
    const [problem] = lint(record(...PARTNER_ANSWERS, 'outcome: "build"   # see notes'));
    assert.deepEqual(problem?.suggestions?.[0]?.edits.map((e) => [e.range.start.character, e.range.end.character, e.newText]), [[10, 15, 'partner']]);
  });
});
