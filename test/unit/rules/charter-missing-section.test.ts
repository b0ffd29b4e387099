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

  it('holds an agreement recognised by its title to what it never addresses when it follows none of the outline, and names the gaps when it follows part of it', () => {
    // Written in its author's own form (recitals, terms): not "no Measurement section", but what it never says.
    const agreement = md('# Partnership Agreement', '', '## Definitions', 'Terms.', '', '## Confidentiality', 'Terms.', '', '## Term and Termination', 'Either party may end it.');
    assert.deepEqual(ofRule(agreement, RULE).map((d) => d.message.slice(0, 50)), ['Nothing here says how the partnership will be meas']);
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

describe(`${RULE}: agreements in their own form`, () => {
  /** An MOU written as its authors write them: recitals, numbered understandings, no charter outline. */
  const mou = (...understandings: string[]) => md(
    '# Memorandum of Understanding between Harbor Robotics and Quillon Labs',
    '',
    'Harbor Robotics and Quillon Labs intend to work together on an open dataset of warehouse robot failures, to be published for the research community.',
    '',
    'The parties understand the following:',
    '',
    ...understandings.map((u, i) => `${i + 1}. ${u}`),
  );
  const messages = (text: string) => ofRule(text, RULE).map((d) => d.message);
  const MEASURED = /^Nothing here says how the partnership will be measured/;
  const WHEN = /^Nothing here says when the work happens/;
  const WHO = /^Nothing here says who runs the partnership/;

  it('names each concern an MOU never addresses, once each, on the title', () => {
    const text = mou('Each party will contribute anonymised failure logs.', 'Neither party may use the other\'s logs commercially.');
    const found = ofRule(text, RULE);
    assert.equal(found.length, 3);
    assert.match(found[0]!.message, MEASURED);
    assert.match(found[1]!.message, WHEN);
    assert.match(found[2]!.message, WHO);
    assert.ok(found.every((d) => d.range.start.line === 0));
    assert.ok(found.every((d) => !d.fix), 'no section is inserted into someone else\'s MOU');
  });

  it('is silent on an MOU that addresses every concern in its own words', () => {
    const text = mou(
      'The dataset is a success if it holds 5,000 labelled failures and is cited by 3 external papers in its first year.',
      'Work starts on 1 March 2027 and the first release is due by September 2027.',
      'Mara Voss (Head of Research, Harbor Robotics) and Teodor Lind (CTO, Quillon Labs) own the collaboration; disagreements go to the two CEOs.',
      'Either party may end this memorandum with 30 days written notice.',
    );
    assert.deepEqual(messages(text), []);
  });

  it('counts a metric word, a percentage or a number beside an outcome as measurement', () => {
    for (const line of ['Progress is tracked against three KPIs agreed at kickoff.', 'Labelling time should drop by 25% against the baseline.', 'The aim is 40 research groups using the dataset.']) {
      assert.ok(!messages(mou(line)).some((m) => MEASURED.test(m)), line);
    }
  });

  it('says when reviews are planned with nothing to review against', () => {
    const [measured] = messages(mou('The parties will meet monthly to review progress.'));
    assert.match(measured!, MEASURED);
    assert.match(measured!, /plans reviews of progress, but nothing to review against/);
  });

  it('counts two dates, a date it runs until, a term or a phase as a timeline, but not a start date or a notice period alone', () => {
    for (const line of ['The work runs from January 2027 to June 2027.', 'This memorandum stays in force until December 2028.', 'The collaboration runs for 18 months.', 'A first phase covers one warehouse.']) {
      assert.ok(!messages(mou(line)).some((m) => WHEN.test(m)), line);
    }
    for (const line of ['This memorandum was signed on 2027-02-01.', 'Either party may withdraw on 10 days notice.']) {
      assert.ok(messages(mou(line)).some((m) => WHEN.test(m)), line);
    }
  });

  it('asks no dates of a page describing a standing collaboration', () => {
    const text = md('# Quillon Labs\' partnership with the Harbor community', '', 'Quillon Labs collaborates with the Harbor community: packages reviewed by one are accepted by the other.', '', 'Authors can ask either group for help.');
    const found = messages(text);
    assert.ok(!found.some((m) => WHEN.test(m)));
    assert.ok(found.some((m) => MEASURED.test(m)) && found.some((m) => WHO.test(m)));
  });

  it('leaves governance that is partly there to governance-incomplete', () => {
    const text = mou('Either party may end this memorandum with 30 days written notice.');
    assert.ok(!messages(text).some((m) => WHO.test(m)));
    assert.equal(ofRule(text, 'governance-incomplete').length, 1);
  });

  it('does not count the end of a member, package or listing as the end of the partnership', () => {
    const text = mou('A robot model that is no longer maintained will be removed and sunset from the dataset.');
    assert.ok(messages(text).some((m) => WHO.test(m)));
  });

  it('says nothing about a post or page announcing a partnership, standard program terms, or a text mostly in another script', () => {
    const post = md('---', 'title: Working with Quillon', 'date: 2026-05-02', 'author: Ana Silva', '---', '', '# Partnership agreement with Quillon Labs', '', 'We are glad to work with Quillon Labs on open robot data.');
    assert.deepEqual(messages(post), []);
    const announced = md('# Announcing our partnership with Quillon Labs', '', 'We are glad to work with Quillon Labs on open robot data.', '', 'Either party may end the partnership with 30 days notice.');
    assert.equal(lint(announced).kind, 'partnership-charter');
    assert.deepEqual(messages(announced), []);
    assert.deepEqual(ofRule(announced, 'governance-incomplete'), []);
    const terms = md('# Partner Program Terms and Conditions', '', 'These terms govern your participation in the Partner Program.', '', '1. Either party may terminate with one month notice.');
    assert.deepEqual(messages(terms), []);
    const other = md('# Memorandum of Understanding', '', 'ハーバー社とクイロン社は、倉庫ロボットの故障データを共同で公開することに合意する。両社は協力して作業を進め、成果を研究者に無償で提供する。');
    assert.equal(lint(other).kind, 'partnership-charter');
    assert.deepEqual(messages(other), []);
  });
});
