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
