import * as assert from 'node:assert/strict';
import { sniff } from '../../src/core';
import { md } from './helpers';

describe('sniff: deciding what a document is without parsing it', () => {
  it('takes the kind from front matter type:', () => {
    const r = sniff(md('---', 'type: partnership-charter', '---', '# Anything'));
    assert.equal(r.kind, 'partnership-charter');
    assert.equal(r.source, 'front-matter');
  });

  it('reads front matter after a byte-order mark and with CRLF line endings', () => {
    const r = sniff('\uFEFF---\r\ntype: rollout-plan\r\n---\r\n# Plan\r\n');
    assert.equal(r.kind, 'rollout-plan');
  });

  it('infers a charter from a clear first heading', () => {
    assert.equal(sniff('# Acme × Globex Partnership Charter\n\ntext').kind, 'partnership-charter');
    assert.equal(sniff('Partnership Charter: Acme\n===\n').kind, 'partnership-charter');
  });

  it('leaves ordinary Markdown alone, even when it talks about partners', () => {
    for (const text of [
      '# My Library\n\nWe partner with Acme and run a joint webinar every month. We will invest time.',
      '# ADR 7: Use PostgreSQL\n\n## Status\n\nAccepted',
      '# SIG Architecture Charter\n\nThis charter describes governance.',
      '```\n# Partnership Charter\n```\n# Notes',
      '',
      '---\ntitle: Hello\n---\n# Blog post about our partner program',
    ]) {
      assert.equal(sniff(text).kind, undefined, text);
    }
  });

  it('reads the title when front matter declares another tool\u2019s type', () => {
    const r = sniff(md('---', 'type: post', '---', '# Partnership Charter'));
    assert.equal(r.kind, 'partnership-charter');
    assert.equal(r.source, 'heading');
    assert.equal(r.declaredType, 'post');
  });

  it('survives malformed front matter and an alias bomb', () => {
    const broken = sniff(md('---', 'type: [partnership-charter', '---', '# Partnership Charter'));
    assert.ok(broken.frontMatter);
    assert.ok(broken.frontMatter.yaml.errors.length > 0);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    const r = sniff(['---', 'type: partnership-charter', ...bomb, '---', '# x'].join('\n'));
    assert.equal(r.frontMatter?.data, undefined, 'an alias bomb is not expanded');
  });
});

describe('sniff: near-miss and broken type declarations', () => {
  it('checks a near-miss type as the kind it is close to, and says it guessed', () => {
    for (const t of ['partnership_charter', 'Partnership Charter', 'partnership-chartr', 'partnership-charter-v2']) {
      const r = sniff(`---\ntype: ${t}\n---\n# X\n`);
      assert.equal(r.kind, 'partnership-charter', t);
      assert.equal(r.kindGuessed, true, t);
    }
  });

  it('recovers type: from front matter whose YAML does not parse', () => {
    const r = sniff('---\ntype: rollout-plan\nowner: [Dana\n---\n# Plan\n');
    assert.equal(r.kind, 'rollout-plan');
    assert.ok(r.frontMatter!.yaml.errors.length > 0);
  });

  it('lets other tools\u2019 types say nothing: the title still decides', () => {
    for (const t of ['post', 'page', 'docs', 'decision', 'adr']) {
      assert.equal(sniff(`---\ntype: ${t}\n---\n# Partnership Charter\n`).kind, 'partnership-charter', t);
      assert.equal(sniff(`---\ntype: ${t}\n---\n# Release notes\n`).kind, undefined, t);
    }
  });
});

describe('sniff: readings of the title against the body', () => {
  const filler = 'Partners, partner agencies and partnerships: every partner of ours is listed here, partner by partner.';

  it('reads a ladder of levels on one line as a tier model', () => {
    // A bold line naming four levels, in a post that talks about partners throughout.
    const post = md(
      '---', 'title: "New ways to work with us"', '---', '', filler, '',
      '### Partnering with the institute',
      '**Partnerships now come in four tiers: Bronze, Silver, Gold and Platinum.**', '',
      'Each tier adds training seats.',
    );
    assert.equal(sniff(post).kind, 'partner-tiering');
    // A comparison table whose header row names the levels, under a front matter title.
    const matrix = md(
      '---', "title: 'Member benefits'", '---', '', filler, 'Membership helps the consortium.', '',
      '| Membership benefit | Associate | Silver | Gold | Platinum |',
      '| --- | --- | --- | --- | --- |',
      '| Seat on the board | no | no | no | yes |',
      '| Logo on the site | yes | yes | yes | yes |',
    );
    assert.equal(sniff(matrix).kind, 'partner-tiering');
    // The title kept in front matter is what names the benefits: without it, two cues are not enough.
    assert.equal(sniff(matrix.replace('Member benefits', 'Welcome')).kind, undefined);
  });

  it('does not read a sponsor list that names one level per heading as a ladder', () => {
    const sponsors = md(
      '# Our sponsors', '', filler, '',
      '## Gold sponsors', '', '- Acme', '',
      '## Silver sponsors', '', '- Globex', '',
      '## Bronze sponsors', '', '- Initech',
    );
    assert.equal(sniff(sponsors).kind, undefined);
  });

  it('reads a build-vs-buy title as a partnership decision only when partnering is an option in a heading', () => {
    const body = (option: string) => md(
      '# Build or Buy: a reporting module', '',
      '## Build Option', '', '- Control over the roadmap', '',
      `## ${option}`, '', '- Faster to ship', '',
      '## Decision Matrix', '', '## Recommendation', '',
    );
    assert.equal(sniff(body('Buy or Partner Option')).kind, 'decision-record');
    // A software ADR weighing a library against writing one is not a partnership document.
    assert.equal(sniff(body('Buy Option (use an existing library)')).kind, undefined);
  });

  it('reads how partners move up (progression) as a tier model\'s cue', () => {
    const program = md(
      '# Certified Integrator Program', '', filler, '',
      '## Integrator Requirements and Progression', '', 'Earn badges as you certify engineers.', '',
      '## Integrator Benefits', '', '- Listing in the directory', '',
      '## Keeping your badge', '', 'Reviewed yearly.',
    );
    assert.equal(sniff(program).kind, 'partner-tiering');
    assert.equal(sniff(program.replace(' and Progression', '')).kind, undefined, 'requirements and benefits alone are not a tier model');
  });

  it('takes a program guide whose body is a table of levels for a tier model', () => {
    const guide = md(
      '# Reseller Program Guide', '', filler, '',
      '## Program Requirements and Benefits', '',
      '| | Registered | Premier |', '| --- | --- | --- |',
      '| Certified sellers | 1 | 3 |', '| Level 2 support | no | yes |', '',
      '## How to apply', '', 'Fill in the form.',
    );
    assert.equal(sniff(guide).kind, 'partner-tiering');
  });

  it('keeps a program title as a strategy when its body makes the strategy case', () => {
    const strategy = md(
      '# Reseller Program', '', filler, '',
      '## Partner Types', '', '## Revenue Share', '', '## Partner Tiers', '',
      '| | Registered | Premier |', '| --- | --- | --- |', '| Discount | 10% | 20% |', '',
      '## Roadmap', '', '## Governance', '',
    );
    assert.equal(sniff(strategy).kind, 'partnership-strategy');
  });

  it('recognises a strategy by how it types, chooses and sequences partners', () => {
    const prompt = md(
      '# Which companies should we team up with?', '', filler, '',
      '## Partnership Types to Weigh', '', '## Partner Selection Criteria', '',
      '## Go-to-Market Motions', '', '## Partnership Roadmap', '',
    );
    assert.equal(sniff(prompt).kind, 'partnership-strategy');
  });

  it('reads titles that name one partnership: a working group, an announcement', () => {
    for (const title of ['Cloud Partnership Working Group', 'Working group: Acme partnership', 'Announcing a new data-sharing collaboration', 'Announcing our Globex partnership']) {
      assert.equal(sniff(`# ${title}\n\nText.\n`).kind, 'partnership-charter', title);
    }
    assert.equal(sniff('---\ntitle: "Acme パートナーシップ ワーキンググループ"\n---\n\n## 概要\n').kind, 'partnership-charter');
    for (const title of ['Working group: documentation', 'Announcing version 2.0', 'Announcing a new maintainer']) {
      assert.equal(sniff(`# ${title}\n\nText.\n`).kind, undefined, title);
    }
  });

  it('reads a partner maturity model as a strategy when it has a body', () => {
    const model = md('# Partner Enablement Maturity Model', '', '## Objective', '', '## Stages', '', '## Activities', '', '## Reviews', '');
    assert.equal(sniff(model).kind, 'partnership-strategy');
  });

  it('does not take the README of an agreement template for the agreement', () => {
    const readme = md(
      '# Reseller Partnership Agreement', '', 'A fill-in form for reseller deals.', '',
      '## Source', '', 'Adapted from a public form.', '',
      '## Fields', '', '| Field | Meaning |', '| --- | --- |', '| `term_duration` | how long |', '| `signatory_name` | who signs |', '',
      '## License', '', 'CC BY 4.0',
    );
    assert.equal(sniff(readme).kind, undefined);
    // The agreement itself, with a licence note at the end, is still one.
    const agreement = md(
      '# Reseller Partnership Agreement', '',
      '## Purpose', '', '## Obligations', '', '## Term and Termination', '', '## Signatures', '',
      '## Source', '', '## License', '',
    );
    assert.equal(sniff(agreement).kind, 'partnership-charter');
  });
});

describe('sniff: an engagement between two named organisations', () => {
  it('reads "<Funder> Engagement: <Grantee>" as one partnership', () => {
    assert.equal(sniff('# Beta Fund Engagement: Example Foundation\n\nText.\n').kind, 'partnership-charter');
    assert.equal(sniff('# Beta Fund engagement: example\n\nText.\n').kind, undefined, 'names are capitalised');
  });

  it('leaves the engagement of an audience alone', () => {
    for (const title of ['Community Engagement: Office Hours', 'User Engagement: Metrics', 'Customer engagement - Q3 Survey', 'Engagement: Slack']) {
      assert.equal(sniff(`# ${title}\n\nText.\n`).kind, undefined, title);
    }
  });
});
