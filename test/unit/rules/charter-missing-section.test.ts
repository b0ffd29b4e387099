import * as assert from 'node:assert/strict';
import { md, ofRule, applyEdits, lint } from '../helpers';

const RULE = 'charter-missing-section';

const COMPLETE = md(
  '---',
  'type: partnership-charter',
  '---',
  '# Acme and Globex',
  '',
  '## 1. Mutual Goals',
  'Goals.',
  '',
  '## Value Exchange:',
  'Value.',
  '',
  '## 🗓️ Timeline',
  'Dates.',
  '',
  '## Measurement',
  'Metrics.',
  '',
  '## Governance',
  'Owners.',
);

describe(RULE, () => {
  it('accepts a charter with all five sections, however they are numbered or decorated', () => {
    assert.deepEqual(ofRule(COMPLETE, RULE), []);
  });

  it('names the one missing section, on the title heading', () => {
    const text = COMPLETE.replace('## Governance\nOwners.', '## Notes\nOwners.');
    const found = ofRule(text, RULE);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /no Governance section/);
    assert.equal(found[0]!.severity, 'warning');
    assert.deepEqual(found[0]!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 17 } });
  });

  it('leaves an agreement recognised by its title alone when it follows none of the outline, and names the gaps when it follows part of it', () => {
    // Written in its author's own form (recitals, terms): the content rules speak, not the outline.
    const agreement = md('# Partnership Agreement', '', '## Definitions', 'Terms.', '', '## Confidentiality', 'Terms.', '', '## Term and Termination', 'Either party may end it.');
    assert.deepEqual(ofRule(agreement, RULE), []);
    // The same with two of the five sections: a charter with gaps.
    const partial = md('# Partnership Agreement', '', '## Objectives', 'Goals.', '', '## Governance', 'Owners.', '', '## Confidentiality', 'Terms.');
    assert.deepEqual(ofRule(partial, RULE).map((d) => /no (.*) section/.exec(d.message)![1]), ['Value Exchange', 'Timeline', 'Measurement']);
    // Declared as a charter, the outline applies whatever the document looks like.
    assert.equal(ofRule(md('---', 'type: partnership-charter', '---', agreement), RULE).length, 5);
  });

  it('finds sections under the names real agreements give them', () => {
    const text = md('---', 'type: partnership-charter', '---', '# Acme and Globex', '', '## Purpose of the Partnership', 'x', '', '## Roles & Responsibilities', 'x', '',
      '## Timeline', 'x', '', '## Evaluation & Reporting', 'x', '', '## Governance', 'x');
    assert.deepEqual(ofRule(text, RULE), []);
    for (const name of ['Financial Terms', 'Revenue Model', 'Partnership Benefits']) {
      assert.deepEqual(ofRule(text.replace('Roles & Responsibilities', name), RULE), [], name);
    }
  });

  it('reports each missing section once', () => {
    const found = ofRule(md('---', 'type: partnership-charter', '---', '# Charter', '', '## Governance', 'x'), RULE);
    assert.deepEqual(found.map((d) => /no (.*) section/.exec(d.message)![1]), ['Mutual Goals', 'Value Exchange', 'Timeline', 'Measurement']);
  });

  it('accepts bold pseudo-headings and synonyms', () => {
    const text = md(
      '# Partnership Charter: Acme',
      '',
      '**Shared goals:**',
      'x',
      '',
      '**Give and get**',
      'x',
      '',
      '**Phases:**',
      'x',
      '',
      '**KPIs:**',
      'x',
      '',
      '**Governance:**',
      'x',
    );
    assert.deepEqual(ofRule(text, RULE), []);
  });

  it('is not fooled by the words inside a paragraph or a deeper list', () => {
    const text = md('# Partnership Charter', '', 'Our governance, timeline and measurement are TBD.', '', '- **Mutual Goals:** later');
    assert.equal(ofRule(text, RULE).length, 5);
  });

  it('inserts the missing section in canonical order and keeps every word written', () => {
    const text = COMPLETE.replace('## Measurement\nMetrics.\n\n', '');
    const [problem] = ofRule(text, RULE);
    assert.ok(problem?.fix);
    const fixed = applyEdits(text, problem.fix.edits);
    assert.ok(fixed.indexOf('## Timeline') < fixed.indexOf('## Measurement'));
    assert.ok(fixed.indexOf('## Measurement') < fixed.indexOf('## Governance'));
    assert.equal(fixed.replace(/## Measurement\n\n(- .*\n)+\n/, ''), text);
    assert.deepEqual(ofRule(fixed, RULE), []);
  });

  it('appends a missing last section at the end of the document', () => {
    const text = COMPLETE.replace('\n\n## Governance\nOwners.', '');
    const [problem] = ofRule(text, RULE);
    const fixed = applyEdits(text, problem!.fix!.edits);
    assert.ok(fixed.startsWith(text + '\n\n## Governance\n'));
    assert.deepEqual(ofRule(fixed, RULE), []);
  });

  it('says nothing about documents that are not charters', () => {
    assert.deepEqual(lint('# README\n\n## Governance\n\nWe partner with everyone.').diagnostics, []);
  });
});

describe(`${RULE}: prompts that name the partner`, () => {
  const partial = (title: string) => md(title, '', '## Mutual Goals', 'Goals.', '', '## Timeline', 'Dates.', '', '## Measurement', 'Metrics.');
  const fixFor = (text: string, section: string) => {
    const problem = ofRule(text, RULE).find((d) => d.message.includes(`no ${section} section`));
    assert.ok(problem?.fix, `a fix for ${section}`);
    return applyEdits(text, problem.fix.edits);
  };

  it('writes the partner named in the title where the prompts say "the partner"', () => {
    const text = partial('# Partnership Charter: Acme Analytics and Lumen Security');
    const value = fixFor(text, 'Value Exchange');
    assert.match(value, /^- \*\*Lumen Security commits:\*\* \[/m);
    assert.match(value, /^- \*\*If this fails:\*\* we lose \[what we lose\]; Lumen Security loses \[what they lose\]$/m);
    assert.doesNotMatch(value, /the partner/i);
    const governance = fixFor(text, 'Governance');
    assert.match(governance, /\[name, role\] for us; \[name, role\] for Lumen Security$/m);
  });

  it('writes the partner named in front matter', () => {
    const text = md('---', 'type: partnership-charter', 'partner: Lumen Security', '---', partial('# Connector Partnership Charter'));
    assert.match(fixFor(text, 'Governance'), /\[name, role\] for Lumen Security$/m);
  });

  it('keeps "the partner" when no name is known', () => {
    const text = partial('# Connector Partnership Charter');
    assert.match(fixFor(text, 'Value Exchange'), /^- \*\*The partner commits:\*\* \[/m);
    assert.match(fixFor(text, 'Governance'), /\[name, role\] for the partner$/m);
  });

  it('leaves the inserted, named section recognisably unfilled', () => {
    const text = partial('# Partnership Charter: Acme Analytics and Lumen Security');
    const fixed = fixFor(text, 'Governance');
    assert.ok(ofRule(fixed, 'charter-empty-section').some((d) => /Governance section has nothing filled in/.test(d.message)));
    assert.deepEqual(ofRule(fixFor(text, 'Value Exchange'), 'failure-cost-missing'), []);
  });
});
