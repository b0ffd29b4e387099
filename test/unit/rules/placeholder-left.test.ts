import * as assert from 'node:assert/strict';
import { testRule } from '../rule-tester';
import { lintText, DEFAULT_CONFIG, configForDocument } from '../../../src/core';
import { placeholderLeft } from '../../../src/rules/placeholder-left';
import { md } from '../helpers';

const CHARTER = ['---', 'type: partnership-charter', '---', '# Acme × Globex Partnership Charter', ''];
const charter = (...lines: string[]) => md(...CHARTER, ...lines);
const PLACEHOLDER = /is a placeholder, not an answer/;
const PROMPT = /template prompt that was never filled in/;

testRule(placeholderLeft, {
  valid: [
    { name: 'a finished charter', text: charter('## Timeline', '', '- **Run** (from 2027-06-07): quarterly business reviews.') },
    {
      name: 'ordinary prose with brackets that are not prompts',
      text: charter(
        'Setup time fell by half [3], as the pilot report showed [2, 5].',
        '',
        '> "We cut setup from ten days [...] to one afternoon," said the Globex lead.',
        '',
        'Their CTO called it "the best integration we have [sic] shipped".',
      ),
    },
    {
      name: 'links, link references, images, footnotes and checkboxes',
      text: charter(
        'See the [pricing sheet](https://example.com/TBD) and the [roadmap][plan].',
        '',
        '[plan]: https://example.com/roadmap-TODO',
        '',
        '![TBD logo](logo.png) A claim with a footnote[^1].',
        '',
        '[^1]: Source: the 2026 partner survey.',
        '',
        '- [ ] Sign the charter',
        '- [x] Agree the metrics',
        '',
        '| Done | Item |',
        '| --- | --- |',
        '| [x] | Kick-off |',
        '| [ ] | Review |',
      ),
    },
    {
      name: 'placeholders inside code, HTML comments, autolinks and front matter',
      text: md(
        '---',
        'type: partnership-charter',
        'owner: TBD',
        '---',
        '# Acme Partnership Charter',
        '',
        'The field `[amount]` in the CRM export and the word `TODO` in the log are fine.',
        '',
        '```',
        'budget: TBD',
        '```',
        '',
        '<!-- TODO: add the Globex logo; lorem ipsum -->',
        '',
        'Tracked at https://example.com/TODO/___ and <https://example.com/[amount]>.',
      ),
    },
    {
      name: 'words that contain a placeholder word',
      text: charter('The TODOs were closed; the TBDs were settled. Snake_case and __bold__ are fine.'),
    },
    {
      name: 'link syntax that did not resolve, and code typed outside a code span',
      text: charter('A reversed link (Globex)[partner page], a match on [a-z=x] and an email tag [NOTICE][1].'),
    },
    { name: 'real HTML is not a placeholder', text: charter('Line one<br>line two, <span>Globex</span>.') },
    {
      name: 'an offer to the reader is not a blank: a sponsor wall\'s empty slots',
      text: md(
        '---', 'type: partner-tiering', '---', '# Sponsor levels', '',
        '### Gold sponsors', '', '[Your logo could be here]', '',
        '### Silver sponsors', '', '[This spot can be yours]', '', '[Become a sponsor]',
      ),
    },
    {
      name: 'ticked boxes, ellipses that are not values, and longer words holding 未定',
      text: charter(
        '[X] Kick-off held. [x] Logos exchanged.',
        '',
        '> "We looked at the numbers: ..." said the Globex lead.',
        '',
        'Steps follow... and more will come. The field is 未定義 until set.',
        '',
        'Ratio 3:... is not a value announced by a word.',
      ),
    },
    {
      name: 'real addresses and placeholders-looking words inside ordinary URLs',
      text: charter('See [the guide](https://example.com/guides/placeholder-text) and https://example.com/YOURS/page.'),
    },
    {
      name: 'directive and admonition labels, alerts, callouts and spans with attributes',
      text: charter(
        ':::tip[Write the amounts in full]',
        'Say $150K, not "a fund".',
        ':::',
        '',
        '::: note[Before both sides sign]',
        'Read the exit criteria again.',
        ':::',
        '',
        '::::warning[Budget]',
        'Credits expire after a year.',
        '::::',
        '',
        'Leaf ::youtube[Launch recording]{#a1b2} and text :abbr[QBR]{title="quarterly business review"} directives.',
        '',
        '> [!NOTE]',
        '> Globex reviews this charter every quarter.',
        '',
        '> [!warning] Read this first',
        '> The pilot needs two customers.',
        '',
        'A Pandoc span: [Globex Cloud]{.partner-name}.',
      ),
    },
    {
      name: 'link reference definitions the parser could not read as such, and references',
      text: charter(
        'The roadmap is kept in one place.',
        '[roadmap]: https://example.com/roadmap',
        '',
        'The deck sits beside it.',
        '[deck]: <./joint-deck.pdf> "Joint deck"',
        '[mail]: mailto:partners@acme.example',
        '',
        'See the [plan][roadmap-2027], [the deck][] and [pricing][pricing].',
        '',
        '[pricing]: https://example.com/pricing',
      ),
    },
    {
      name: 'task checkboxes in every form Markdown writers use',
      text: charter(
        '- [ ] Sign the charter',
        '- [x] Agree the metrics',
        '- [X] Book the kick-off',
        '',
        '1. [x] Draft the value exchange',
        '2. [ ] Review it with Globex',
        '',
        '- [ ]',
        '- [x]',
        '- [x]Joint webinar',
        '',
        '* [-] Press release (dropped)',
        '* [/] Sales training (half done)',
        '* [>] Case study (moved to Q3)',
        '* [?] Marketplace listing',
        '* [!] Support training',
        '* [~] Logo swap',
        '',
        '> - [ ] Confirm the escalation path',
        '',
        '| [ ] | [x] | Item |',
        '| --- | --- | --- |',
        '| [x] | [ ] | Kick-off |',
      ),
    },
    {
      name: 'placeholder-looking text only in a non-strategy document',
      text: md('# Meeting notes', '', 'Budget: TBD, owner: [name].'),
    },
  ],
  invalid: [
    {
      name: 'TBD in a list item',
      text: charter('## Timeline', '', '- Run: TBD'),
      problems: [{ line: 8, message: /"TBD" is a placeholder/ }],
    },
    {
      name: 'each placeholder once, in order, in a heading, bold text and a table',
      text: charter(
        '## Value Exchange (TODO)',
        '',
        '- **Acme commits:** [amount] in co-marketing funds by __________.',
        '- **Globex commits:** <PARTNER> provides credits; details TBC.',
        '',
        '| Party | Name |',
        '| --- | --- |',
        '| Globex | [name, role] |',
        '',
        'Lorem ipsum dolor sit amet. FIXME and XXX too, and $XM in spend.',
      ),
      problems: [
        { line: 6, message: /"TODO"/ },
        { line: 8, message: PROMPT },
        { line: 8, message: /"__________"/ },
        { line: 9, message: /"<PARTNER>"/ },
        { line: 9, message: /"TBC"/ },
        { line: 13, message: /"\[name, role\]"/ },
        { line: 15, message: /"Lorem ipsum"/ },
        { line: 15, message: /"FIXME"/ },
        { line: 15, message: /"XXX"/ },
        { line: 15, message: /"\$XM"/ },
      ],
    },
    {
      name: 'a bracketed placeholder word is one problem, not two',
      text: charter('Owner: [TBD]'),
      problems: [{ line: 6, message: PROMPT }],
    },
    {
      name: 'CRLF line breaks, a numbered heading and a bold pseudo-heading',
      text: charter('## 3. Timeline', '', '**Governance:**', 'Escalation owner: TBD', '').replace(/\n/g, '\r\n'),
      problems: [{ line: 9, message: PLACEHOLDER }],
    },
    {
      name: 'a continuation line of a list item and a block quote',
      text: charter('- Walk: 8 more customers,', '  go/no-go TBD', '', '> Budget: [amount]', '> owner TODO'),
      problems: [{ line: 7, message: /"TBD"/ }, { line: 9, message: PROMPT }, { line: 10, message: /"TODO"/ }],
    },
    {
      name: 'escaped brackets and underscores',
      text: charter('Credits: \\[amount\\] by \\_\\_\\_'),
      problems: [{ line: 6, message: /"\\\[amount\\\]"/ }, { line: 6, message: /"\\_\\_\\_"/ }],
    },
    {
      name: 'an [X] that stands for a number is a blank, not a checkbox',
      text: charter('| Cost | Time |', '| --- | --- |', '| $[X]K | [X] months |', '', 'Share: [X]% of net revenue.'),
      problems: [{ line: 8, message: /"\[X\]"/ }, { line: 8, message: /"\[X\]"/ }, { line: 10, message: /"\[X\]"/ }],
    },
    {
      name: 'a prompt to the author is still a blank, even when it says "your"',
      text: charter('Signed for [Your company name]. [Logo will go here]'),
      problems: [{ line: 6, message: PROMPT }, { line: 6, message: PROMPT }],
    },
    {
      name: 'a link whose address ends in a stand-in segment',
      text: charter('1. Visit our [sponsor page](https://github.com/sponsors/PLACEHOLDER).', '', 'Or https://opencollective.com/CHANGE_ME directly.'),
      problems: [
        { line: 6, message: /points at "PLACEHOLDER"/ },
        { line: 8, message: /points at "CHANGE_ME"/ },
      ],
    },
    {
      name: 'a value its author marked as a stand-in',
      text: charter('**Legal contact**: legal@acme.example (placeholder)'),
      problems: [{ line: 6, message: /The value before "\(placeholder\)" is marked as a stand-in/ }],
    },
    {
      name: 'an undecided value in Japanese, and a value left as an ellipsis after a colon',
      text: charter('| 項目 | 値 |', '| --- | --- |', '| 終了日 | 未定 |', '', 'The order form is available at the following link: ... .'),
      problems: [{ line: 8, message: /"未定"/ }, { line: 10, message: /"\.\.\."/ }],
    },
    {
      name: 'brackets that only resemble labels, definitions or task states are still blanks',
      text: charter(
        'Owner:[name]',
        '',
        'Signed for Globex by Lee [role].',
        '',
        '[Partner name]: the company that signs with us.',
        '',
        '- [owner] reviews the numbers every month',
        '',
        '> [Note to the partner]',
      ),
      problems: [
        { line: 6, message: /"\[name\]"/ },
        { line: 8, message: /"\[role\]"/ },
        { line: 10, message: /"\[Partner name\]"/ },
        { line: 12, message: /"\[owner\]"/ },
        { line: 14, message: /"\[Note to the partner\]"/ },
      ],
    },
    {
      name: 'every document kind is checked',
      text: md('---', 'type: launch-plan', '---', '# Globex launch', '', '- Press release date: TBD'),
      problems: [{ line: 6 }],
    },
  ],
});

describe('placeholder-left ranges', () => {
  const rangeText = (text: string) => {
    const lines = text.split(/\r\n|\r|\n/);
    return lintText(text, [placeholderLeft], DEFAULT_CONFIG).diagnostics.map((d) => {
      assert.equal(d.range.start.line, d.range.end.line);
      return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
    });
  };

  it('sits on exactly the placeholder characters', () => {
    assert.deepEqual(
      rangeText(charter('- Run: TBD', '- **Owner:** [name] at <PARTNER>', '  and TODO on the next line', '', '| a | b |', '| - | - |', '| x \\| y | TBC |')),
      ['TBD', '[name]', '<PARTNER>', 'TODO', 'TBC'],
    );
  });

  it('covers the escapes when the author escaped the placeholder', () => {
    assert.deepEqual(rangeText(charter('Credits: \\[amount\\] and \\<PARTNER\\>')), ['\\[amount\\]', '\\<PARTNER\\>']);
  });

  it('keeps columns right after CRLF line breaks', () => {
    assert.deepEqual(rangeText(charter('Intro.', '', '- Budget: TBD, owner [name]').replace(/\n/g, '\r\n')), ['TBD', '[name]']);
  });

  it('can leave bracketed prompts alone when configured to', () => {
    const text = charter('Budget: [amount], owner TBD');
    const config = { ...DEFAULT_CONFIG, rules: { 'placeholder-left': { options: { brackets: false } } } };
    assert.deepEqual(lintText(text, [placeholderLeft], config).diagnostics.map((d) => d.message.slice(0, 6)), ['"TBD" ']);
  });

  it('follows the vocabulary', () => {
    const text = charter('Budget: TBD, owner PENDING');
    const vocabulary = { ...DEFAULT_CONFIG.vocabulary, placeholders: ['PENDING'] };
    const found = lintText(text, [placeholderLeft], { ...DEFAULT_CONFIG, vocabulary }).diagnostics;
    assert.deepEqual(found.map((d) => d.message.slice(0, 9)), ['"PENDING"']);
  });
});

describe('placeholder-left on link addresses', () => {
  it('sits on the stand-in segment of the address, not on the link text', () => {
    const text = ['---', 'type: partner-tiering', '---', '# Sponsor levels', '', 'Visit our [sponsor page](https://github.com/sponsors/PLACEHOLDER).'].join('\n');
    const found = lintText(text, [placeholderLeft], DEFAULT_CONFIG).diagnostics;
    assert.equal(found.length, 1);
    const line = text.split('\n')[5]!;
    assert.equal(line.slice(found[0]!.range.start.character, found[0]!.range.end.character), 'PLACEHOLDER');
  });
});

describe('placeholder-left on templates', () => {
  const BODY = [
    'Fill in one copy per partner.',
    '',
    '## Value Exchange',
    '',
    '- **[Your company] commits:** [number] engineers for [duration].',
    '- **[Partner] commits:** [amount] in credits, TBD.',
    '',
    '### Balance check',
    '',
    'Both sides would still go ahead without [the weaker commitment].',
    '',
    '## Governance',
    '',
    '- **Decision owners:** [name] for us; [name] for the partner.',
    '',
    '## Measurement',
    '',
    '- **Review cadence:** [cadence]',
  ];
  const placeholders = (text: string, config = DEFAULT_CONFIG) => lintText(text, [placeholderLeft], config).diagnostics;
  const template = md('---', 'type: partnership-charter', 'template: true', '---', '# Partnership Charter', '', ...BODY);

  it('sums up the blanks of each top-level section once, on its first blank, with every blank related', () => {
    const found = placeholders(template);
    assert.equal(found.length, 3);
    const [value, governance, measurement] = found as [typeof found[0], typeof found[0], typeof found[0]];
    // Value Exchange and its subsection: one summary of seven blanks, on "[Your company]".
    assert.equal(value.range.start.line + 1, 11);
    assert.equal(value.range.start.character, 4);
    assert.match(value.message, /^This section of the template still has 7 blanks to fill: "\[Your company\]", "\[number\]", "\[duration\]", "\[Partner\]", "\[amount\]" and 2 more\./);
    assert.deepEqual(value.relatedInformation?.map((r) => [r.range.start.line + 1, r.message]), [
      [11, 'Blank 1 of 7: "[Your company]"'],
      [11, 'Blank 2 of 7: "[number]"'],
      [11, 'Blank 3 of 7: "[duration]"'],
      [12, 'Blank 4 of 7: "[Partner]"'],
      [12, 'Blank 5 of 7: "[amount]"'],
      [12, 'Blank 6 of 7: "TBD"'],
      [16, 'Blank 7 of 7: "[the weaker commitment]"'],
    ]);
    // A text repeated is named once, with how often it stands.
    assert.match(governance.message, /has 2 blanks to fill: "\[name\]" \(2 times\)\./);
    // A section with a single blank gets the ordinary message.
    assert.match(measurement.message, /^"\[cadence\]" is a template prompt that was never filled in/);
    assert.equal(measurement.relatedInformation, undefined);
  });

  it('knows a template by its title or its file name too', () => {
    const titled = md('---', 'type: partnership-charter', '---', '# Partnership Charter Template', '', ...BODY);
    assert.equal(placeholders(titled).length, 3);
    const plain = md('---', 'type: partnership-charter', '---', '# Acme × Globex Partnership Charter', '', ...BODY);
    assert.equal(placeholders(plain).length, 10, 'an ordinary document gets one report per blank');
    assert.equal(placeholders(plain, configForDocument(DEFAULT_CONFIG, '/work/partners/charter-template.md')).length, 3);
    assert.equal(placeholders(plain, configForDocument(DEFAULT_CONFIG, '/work/templates/globex.md')).length, 10, 'the folder does not make a template');
  });

  it('reads "template" in a file name as a word', () => {
    for (const name of ['charter-template.md', 'Template.md', 'templates__charter.md', 'partner_profile_template.markdown', 'charter.template.md']) {
      assert.equal(configForDocument(DEFAULT_CONFIG, `/w/${name}`).templateFile, true, name);
    }
    for (const name of ['contemplated-partners.md', 'templated.md', 'globex.md']) {
      assert.equal(configForDocument(DEFAULT_CONFIG, `/w/${name}`), DEFAULT_CONFIG, `${name}: the same configuration object`);
    }
  });

  it('groups by the sections under the title, and what comes before them', () => {
    const text = md('---', 'type: partnership-charter', 'template: true', '---', 'Owner: [name], due [date].', '', '# Charter template', '', 'Partner: [Partner]', '', '## Goals', '', '- [goal] by [date]');
    assert.deepEqual(placeholders(text).map((d) => [d.range.start.line + 1, d.relatedInformation?.length ?? 1]), [[5, 2], [9, 1], [13, 2]]);
  });

  it('is not a template for `template: false` or a charter about templates in its body', () => {
    const text = md('---', 'type: partnership-charter', 'template: false', '---', '# Acme × Globex Partnership Charter', '', 'We give partners co-marketing templates.', '', ...BODY);
    assert.equal(placeholders(text).length, 10);
  });
});
