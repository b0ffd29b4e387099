/**
 * The table of kinds (src/core/kinds.ts) drives recognition, names and the manifest; these tests
 * hold the manifest and snippets to it, and check recognition without front matter: by title, by
 * front matter `title:`, by headings in the body, and the overrides (`type:`, `partnerlint: off`,
 * `documents:` in `.partnerlint.yaml`).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_KINDS, KINDS, kindsWith, sniff, lintText, RULES, DEFAULT_CONFIG, configForDocument, kindName } from '../../src/core';
import { parseConfigText } from '../../src/core/config-file';
import { KNOWN_IDS } from '../../src/core/lint-file';

const root = process.cwd();
const md = (...lines: string[]) => lines.join('\n') + '\n';

describe('the table of kinds', () => {
  it('is what the manifest offers in partnerlint.kinds, in the same order, all on by default', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['partnerlint.kinds'] ?? manifest.contributes.configuration[0]?.properties['partnerlint.kinds'];
    assert.deepEqual(setting.items.enum, [...DOCUMENT_KINDS]);
    assert.deepEqual(setting.default, [...DOCUMENT_KINDS]);
  });

  it('has a document snippet declaring each kind', () => {
    const snippets = JSON.parse(readFileSync(join(root, 'snippets/markdown.json'), 'utf8')) as Record<string, { body: string[] }>;
    const declared = new Set(Object.values(snippets).map((s) => /^type: ([\w-]+)$/m.exec(s.body.join('\n'))?.[1]).filter(Boolean));
    for (const kind of DOCUMENT_KINDS) assert.ok(declared.has(kind), kind);
  });

  it('gives every kind a name, a noun and at least one title pattern, and ids in kebab-case', () => {
    for (const kind of KINDS) {
      assert.match(kind.id, /^[a-z]+(-[a-z]+)+$/);
      assert.ok(kind.name.length > 0 && /^an? /.test(kind.noun) && kind.titles.length > 0, kind.id);
    }
    assert.equal(kindName('partnership-strategy'), 'Partnership strategy');
  });

  it('says which models each kind contains; each model is checked by a rule, and each rule runs on the kinds holding what it checks', () => {
    for (const rule of RULES) {
      assert.ok(rule.meta.checks.length > 0, `${rule.meta.id} checks no model`);
      assert.deepEqual(rule.meta.kinds, kindsWith(rule.meta.checks), `${rule.meta.id}: kinds follow from checks (ruleMeta)`);
    }
    for (const kind of KINDS) {
      for (const model of kind.models) {
        assert.ok(RULES.some((r) => r.meta.checks.includes(model)), `${kind.id} lists ${model}, which no rule checks`);
      }
    }
    // Adding a model to a kind's row is all it takes for the rules checking that model to check the kind.
    assert.deepEqual(RULES.filter((r) => r.meta.checks.includes('phases')).map((r) => [...r.meta.kinds].sort()).filter((k, i, all) => all.findIndex((x) => x.join() === k.join()) === i),
      [['partnership-charter', 'partnership-strategy', 'rollout-plan']]);
  });

  it('has rules for every kind', () => {
    for (const kind of DOCUMENT_KINDS) {
      const specific = RULES.filter((r) => r.meta.kinds.includes(kind) && r.meta.kinds.length < DOCUMENT_KINDS.length);
      assert.ok(specific.length > 0, `${kind}: only the rules every kind has`);
    }
  });
});

describe('recognising a partnership document without front matter', () => {
  it('by titles as people write them', () => {
    const cases: Array<[string, string]> = [
      ['Partner Program Tiers', 'partner-tiering'],
      ['Sponsorship Tiers', 'partner-tiering'],
      ['Partnership Agreement', 'partnership-charter'],
      ['Memorandum of Understanding', 'partnership-charter'],
      ['Our partnership with Northwind', 'partnership-charter'],
      ['Partnership Roadmap 2026–2028', 'rollout-plan'],
      ['Partner Program Implementation Plan', 'rollout-plan'],
      ['Partner Launch Checklist', 'launch-plan'],
      ['Channel Strategy', 'partnership-strategy'],
      ['Alliance Plan', 'partnership-strategy'],
      ['Partnership Strategy: Executive Summary', 'partnership-strategy'],
      ['Build vs Buy vs Partner', 'decision-record'],
      ['Northwind and the Open Data Institute Partnership', 'partnership-charter'],
      ['Partner Program Terms and Conditions', 'partnership-charter'],
      ['テクノロジーパートナー契約', 'partnership-charter'],
      ['Acme x Globex Integration Playbook', 'rollout-plan'],
      ['Alliance Handbook', 'partnership-strategy'],
      ['Partnerships with research software communities', 'partnership-strategy'],
      ['Partnership Agreements', 'partnership-strategy'],
      ['New fiscal sponsorship agreement with the Open Data Foundation', 'partnership-charter'],
    ];
    const body = md('', '## Why', '', 'Text.', '', '## How', '', 'Text.', '', '## When', '', 'Text.', '', '## Who', '', 'Text.');
    for (const [title, kind] of cases) {
      const result = sniff(`# ${title}\n${body}`);
      assert.deepEqual([result.kind, result.source], [kind, 'heading'], title);
    }
  });

  it('reads a first line "#Title" written without a space as the title, and only the first line', () => {
    assert.equal(sniff(md('#Memorandum of Understanding', '', 'Between Acme and Globex.')).kind, 'partnership-charter');
    assert.equal(sniff(md('Notes from the call.', '', '#Memorandum of Understanding')).kind, undefined);
    assert.equal(sniff(md('#notes', '', 'Partnership Agreement')).kind, undefined);
  });

  it('reads front matter title: when there is no heading, whatever other fields a site generator keeps', () => {
    const result = sniff(md('---', 'layout: page', 'type: docs', 'title: "Partnership Agreement"', '---', '', 'The parties agree as follows.'));
    assert.deepEqual([result.kind, result.source, result.titleField], ['partnership-charter', 'title-field', 'Partnership Agreement']);
  });

  it('does not take a program page that only links elsewhere for a strategy', () => {
    const index = md('# Partner Program', '', 'Read about our partner program:', '', '- [Benefits](benefits.md)', '- [Apply](apply.md)');
    assert.equal(sniff(index).kind, undefined);
    const strategy = md('# Partner Program', '', '## Partner categories', '', 'Text.', '', '## Economics', '', 'Text.', '', '## Governance', '', 'Text.');
    assert.equal(sniff(strategy).kind, 'partnership-strategy');
  });

  it('by the headings of one kind, in a document that talks about partners throughout', () => {
    const tiers = md(
      '# Working with us', '', 'Partners join at one of three levels. Each partner gets more as the partnership grows, and partners move up on results.', '',
      '## Levels', '', 'Every partner starts at Silver.', '', '### Silver', '', '- Listing in the partner directory.', '', '### Gold', '', '- A partner manager.', '',
      '## Benefits', '', 'What partners get.', '', '## Requirements', '', 'What a partner must show to move up.',
    );
    const result = sniff(tiers);
    assert.deepEqual([result.kind, result.source], ['partner-tiering', 'body']);
    assert.ok(result.cues && result.cues.length >= 3, JSON.stringify(result.cues));
  });

  it('by the tiers of a membership program, which never says partner', () => {
    const tiers = md(
      '# Join the foundation', '', 'Membership supports the project. Membership fees fund the maintainers; membership renews yearly, and membership is open to all. Each membership level adds benefits.', '',
      '## Membership tiers', '', '### Bronze', '', '- Logo on the site.', '', '### Silver', '', '- A seat at the roadmap review.', '', '### Gold', '', '- A board seat.', '',
      '## Benefits', '', 'Text.', '', '## Eligibility', '', 'Text.',
    );
    assert.deepEqual([sniff(tiers).kind, sniff(tiers).source], ['partner-tiering', 'body']);
  });

  it('by tier names in a table\u2019s header row, Markdown or HTML', () => {
    const lead = md('# Join us', '', 'Membership is yearly. Membership fees fund the work, membership benefits grow with the level, and membership can be upgraded. Membership tiers:', '', '## Membership tiers', '');
    const markdown = lead + md('| Benefit | Bronze | Silver | Gold |', '|---|---|---|---|', '| Logo | yes | yes | yes |', '', '## Requirements', '', 'Text.');
    const html = lead + md('<table>', '  <tr><th></th><th>Bronze</th><th>Silver</th><th>Gold</th></tr>', '</table>', '', '## Requirements', '', 'Text.');
    for (const text of [markdown, html]) assert.deepEqual([sniff(text).kind, sniff(text).source], ['partner-tiering', 'body']);
    // Without the header row's tier names, two cues are not enough.
    assert.equal(sniff(markdown.replace('| Benefit | Bronze | Silver | Gold |', '| Benefit | A | B | C |')).kind, undefined);
  });

  it('leaves alone a README, a software decision record and a governance charter that mention partners', () => {
    const readme = md('# fastlib', '', 'Our partners at Acme and Globex use fastlib. Partner integrations: see below. Partner A, partner B and partner C.', '', '## Install', '', '## Usage', '', '## Partners', '', '## License');
    const adr = md('# ADR 12: Call the partner API directly', '', 'We call partner APIs; the partner gateway and partner SDKs were slower. Partner teams agreed.', '', '## Context', '', '## Considered Options', '', '## Decision Outcome', '', '## Consequences');
    const governance = md('# SIG Partners Charter', '', 'Partners, partner projects and partner foundations take part in the SIG. Partnership with the community.', '', '## Scope', '', '## Roles', '', '## Governance', '', '## Meetings');
    for (const text of [readme, adr, governance]) {
      assert.equal(sniff(text).kind, undefined, text.split('\n')[0]);
      assert.deepEqual(lintText(text, RULES, DEFAULT_CONFIG).diagnostics, []);
    }
  });

  it('lets type: win over the title and the body, and partnerlint: off switch a document off', () => {
    assert.equal(sniff(md('---', 'type: launch-plan', '---', '# Partnership Agreement')).kind, 'launch-plan');
    const off = lintText(md('---', 'partnerlint: off', '---', '# Partnership Charter', '', 'TBD'), RULES, DEFAULT_CONFIG);
    assert.deepEqual([off.kind, off.diagnostics, off.skippedReason], [undefined, [], 'its front matter says partnerlint: off']);
  });

  it('says why an unrecognised document is not checked, and lists the kinds for a type: meant for PartnerLint', () => {
    assert.equal(lintText('# Notes\n', RULES, DEFAULT_CONFIG).skippedReason, 'not recognised as a partnership document');
    const unknown = lintText(md('---', 'type: partnership-plan', '---', '# Notes'), RULES, DEFAULT_CONFIG);
    assert.match(unknown.skippedReason ?? '', /type: "partnership-plan" is not a kind PartnerLint knows \(partnership-charter, .*partnership-strategy\)/);
    // Checked by its title, with the unknown type reported and the kinds listed.
    const titled = lintText(md('---', 'type: alliance-memo', '---', '# Memorandum of Understanding'), RULES, DEFAULT_CONFIG);
    const report = titled.diagnostics.find((d) => d.ruleId === 'frontmatter-invalid');
    assert.match(report?.message ?? '', /does not know the document type "alliance-memo"\. It knows partnership-charter, .* Until the type is one of these, the document is checked as a partnership charter, from its title\./);
    // Another tool's type is not reported.
    const hugo = lintText(md('---', 'type: post', '---', '# Memorandum of Understanding'), RULES, DEFAULT_CONFIG);
    assert.ok(!hugo.diagnostics.some((d) => d.ruleId === 'frontmatter-invalid'));
  });
});

describe('documents: in .partnerlint.yaml', () => {
  const parsed = parseConfigText('documents:\n  "strategy/**/*.md": partnership-strategy\n  "strategy/drafts/**": off\n', '/w/.partnerlint.yaml', KNOWN_IDS);
  const config = parsed.apply(DEFAULT_CONFIG);

  it('reads a map of globs to kinds, relative to the file, the last match winning', () => {
    assert.deepEqual(parsed.problems, []);
    assert.equal(configForDocument(config, '/w/strategy/2027/plan.md').documentKind, 'partnership-strategy');
    assert.equal(configForDocument(config, '/w/strategy/drafts/a.md').documentKind, 'off');
    assert.equal(configForDocument(config, '/w/notes/a.md'), config, 'the same object when nothing matches');
    assert.equal(configForDocument(config, '/elsewhere/strategy/a.md'), config);
  });

  it('checks a matching document as that kind, turns off an "off" one, and never overrides type:', () => {
    const notes = '# Q3 plans\n\nWe will see.\n';
    assert.equal(lintText(notes, RULES, configForDocument(config, '/w/strategy/q3.md')).kind, 'partnership-strategy');
    assert.equal(lintText(notes, RULES, configForDocument(config, '/w/strategy/q3.md')).kindSource, 'settings');
    const off = lintText('# Partnership Charter\n\nTBD\n', RULES, configForDocument(config, '/w/strategy/drafts/c.md'));
    assert.deepEqual([off.kind, off.skippedReason], [undefined, 'turned off for this file by documents: in .partnerlint.yaml']);
    const typed = lintText('---\ntype: launch-plan\n---\n# Launch\n', RULES, configForDocument(config, '/w/strategy/drafts/l.md'));
    assert.equal(typed.kind, 'launch-plan');
    // An unknown type meant for PartnerLint says where the kind it is checked as came from.
    const unknown = lintText('---\ntype: strategy-memo\n---\n# Q3\n', RULES, configForDocument(config, '/w/strategy/q3.md'));
    assert.match(unknown.diagnostics.find((d) => d.ruleId === 'frontmatter-invalid')?.message ?? '', /checked as a partnership strategy, from documents: in \.partnerlint\.yaml\.$/);
  });

  it('reports a kind it does not know, with the kinds it does', () => {
    const bad = parseConfigText('documents:\n  "a/*.md": strategy\n', '/w/.partnerlint.yaml', KNOWN_IDS);
    assert.equal(bad.problems.length, 1);
    assert.match(bad.problems[0]!.message, /"strategy" is not a kind PartnerLint knows\. Use partnership-charter, .*partnership-strategy, or off\./);
    const notMap = parseConfigText('documents: [a, b]\n', '/w/.partnerlint.yaml', KNOWN_IDS);
    assert.match(notMap.problems[0]!.message, /documents should map file patterns to kinds/);
  });
});
