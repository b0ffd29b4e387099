import * as assert from 'node:assert/strict';
import { testRule } from '../rule-tester';
import { lintText, DEFAULT_CONFIG } from '../../../src/core';
import { leverageCoMarketingOnly, leverageTemplateLines, LEVERAGE_TEMPLATE_LINES } from '../../../src/rules/leverage-co-marketing-only';
import { charter, crlf, example, lineOf, md } from './skin-samples';

const GOALS = md(
  '## Mutual Goals',
  '',
  '- **Success for Acme:** 30 joint customers by 2027-06-30.',
  '- **Success for Initech:** 10 co-sold deals by the end of Q2 2027.',
  '- **Success for shared customers:** one place to manage restores.',
);
const VALUE = md(
  '## Value Exchange',
  '',
  '- **Acme commits:** 2 engineers for 5 months.',
  '- **Initech commits:** a joint webinar and a logo swap on its partner page.',
  '- **If this fails:** Acme loses 10 engineer-months; Initech loses a quarter of marketing time.',
);
const weak = (parts: { intro?: string; value?: string; timeline?: string } = {}) => charter({ intro: '', goals: GOALS, value: VALUE, ...parts });
const template = (heading: string, eol = '\n') => [heading, '', ...LEVERAGE_TEMPLATE_LINES].join(eol);
/** The assessment as the fix writes it when the document names the partner. */
const named = (heading: string, partner: string, eol = '\n') => [heading, '', ...leverageTemplateLines(partner)].join(eol);

const initech = example('initech-charter-draft.md');
const plain = weak();
const negatedLeverage = weak({ intro: 'Initech gets no exclusivity and no revenue share from this partnership.' });
const headingMention = weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '', '### Co-marketing', '', '- Initech mentions us in a blog post.') });
const filledCoMarketingOnly = weak({
  value: md(VALUE, '', '## Leverage', '', '- **Requirement:** none', '- **Co-marketing:** a joint webinar in March'),
});
const pseudo = md(
  '# Partnership Charter: Northwind and Contoso',
  '',
  '**Give and get:**',
  'Northwind funds a $40K pilot pool. Contoso runs a joint webinar for its customers.',
  '',
  '**Phases:**',
  'Crawl from 2027-01-04 for 6 weeks.',
);
const noTimeline = weak({ timeline: '' });
const unnamed = charter({ title: '# Backup Connector Partnership Charter', intro: '', goals: GOALS, value: VALUE }, md('---', 'type: partnership-charter', '---', ''));

testRule(leverageCoMarketingOnly, {
  valid: [
    {
      name: 'a press release only linked to, from a list of news about the partnership, is coverage, not leverage',
      text: weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '- **Initech commits:** 1 solution architect for 3 months.', '', '## News', '', '- [Joint press release](https://example.com/news/acme-initech)', '- [Launch blog post](https://example.com/blog/launch)') }),
    },
    {
      name: 'a post announcing the partnership (front matter with a date and an author) is not asked for leverage',
      text: md('---', 'title: Partnership agreement with Initech', 'date: 2025-05-01', 'author: Lena Ortiz', '---', '', '# Partnership agreement with Initech', '', 'We will run a joint webinar with Initech in June.'),
    },
    {
      name: 'its own blog and social media mentioned in passing are not co-marketing with the partner',
      text: charter({ intro: '', goals: GOALS, value: md('## Value Exchange', '', '- Acme commits 2 engineers for 5 months.', '- We share progress on our blog posts and social media.') }),
    },
    { name: 'the Acme × Globex sample charter', text: example('acme-globex-charter.md') },
    { name: 'the same charter with CRLF line endings', text: crlf(example('acme-globex-charter.md')) },
    { name: 'requirement leverage', text: charter() },
    { name: 'no co-marketing and no leverage (not this rule\'s business)', text: charter({ intro: '', goals: GOALS, value: md('## Value Exchange', '', '- Acme commits 2 engineers for 5 months.') }) },
    { name: 'co-marketing plus economic leverage', text: weak({ intro: 'The connector cuts the support costs Initech carries for backup tickets by 30%.' }) },
    { name: 'co-marketing plus competitive leverage', text: weak({ intro: 'Initech gets an exclusive integration for 6 months.' }) },
    { name: 'co-marketing plus customer leverage', text: weak({ intro: 'Initech customers have filed 50+ support tickets asking for a backup connector.' }) },
    {
      name: 'leverage stated in a table',
      text: weak({ intro: md('| Leverage type | Evidence |', '| --- | --- |', '| Requirement | Initech\'s program requires a certified backup tool |') }),
    },
    {
      name: 'co-marketing only mentioned to rule it out',
      text: charter({ intro: '', goals: GOALS, value: md('## Value Exchange', '', '- Acme commits 2 engineers for 5 months.', '- No press release until the Walk gate passes.') }),
    },
    { name: '"event" in its ordinary sense', text: charter({ intro: '', goals: GOALS, governance: md('## Governance', '', '- In the event of a dispute, both COOs decide.') }) },
    { name: '"promote" in its ordinary sense', text: charter({ intro: '', goals: GOALS, governance: md('## Governance', '', '- Both owners promote a culture of candid reviews.') }) },
    { name: 'a leverage assessment that is still all prompts', text: weak({ value: md(VALUE, '', template('## Leverage')) }) },
    { name: 'a leverage assessment that is still all prompts, with the partner named as the fix writes it', text: weak({ value: md(VALUE, '', named('## Leverage', 'Initech')) }) },
    {
      name: 'a filled-in leverage assessment',
      text: weak({ value: md(VALUE, '', '## Leverage', '', '- **Requirement:** Initech\'s marketplace program requires a certified backup connector.') }),
    },
  ],
  invalid: [
    {
      name: 'the Initech draft',
      text: initech,
      // On the webinar, logo swap and press release (line 16), not on "Initech will promote us" (line 15).
      problems: [{ line: 16, message: /^The only leverage in this charter is co-marketing, which rarely closes a deal\./ }],
      output: initech.replace('## Timeline', `${named('## Leverage', 'Initech')}\n\n## Timeline`),
    },
    {
      name: 'the same press release promised in the text, not linked to',
      text: weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '- **Initech commits:** a joint press release at launch.') }),
      problems: [{ line: lineOf(weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '- **Initech commits:** a joint press release at launch.') }), 'joint press release') }],
      output: weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '- **Initech commits:** a joint press release at launch.') }).replace('## Timeline', `${named('## Leverage', 'Initech')}\n\n## Timeline`),
    },
    { name: 'webinars and logo swaps only', text: plain, problems: [{ line: lineOf(plain, 'joint webinar') }], output: plain.replace('## Timeline', `${named('## Leverage', 'Initech')}\n\n## Timeline`) },
    {
      name: 'CRLF line endings',
      text: crlf(plain),
      problems: [{ line: lineOf(plain, 'joint webinar') }],
      output: crlf(plain).replace('## Timeline', `${named('## Leverage', 'Initech', '\r\n')}\r\n\r\n## Timeline`),
    },
    { name: 'leverage that is ruled out', text: negatedLeverage, problems: [{ line: lineOf(negatedLeverage, 'joint webinar') }] },
    { name: 'a co-marketing heading: on the item under it that names the activity', text: headingMention, problems: [{ line: lineOf(headingMention, 'blog post') }] },
    {
      name: 'a co-marketing heading with nothing but umbrella words under it: on the heading',
      text: weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '', '### Co-marketing', '', '- To be agreed.') }),
      problems: [{ line: lineOf(weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '', '### Co-marketing', '', '- To be agreed.') }), '### Co-marketing') }],
    },
    { name: 'an assessment that lists only co-marketing: reported, no second template', text: filledCoMarketingOnly, problems: [{ line: lineOf(filledCoMarketingOnly, 'joint webinar') }] },
    {
      name: 'a bold pseudo-heading charter gets a bold Leverage line',
      text: pseudo,
      problems: [{ line: 4, message: /Say why Contoso needs you/ }],
      output: pseudo.replace('**Phases:**', `${named('**Leverage:**', 'Contoso')}\n\n**Phases:**`),
    },
    {
      name: 'no partner name in the title or front matter: the assessment keeps "the partner"',
      text: unnamed,
      problems: [{ message: /Say why the partner needs you/ }],
      output: unnamed.replace('## Timeline', `${template('## Leverage')}\n\n## Timeline`),
    },
    { name: 'no Timeline: the assessment goes at the end', text: noTimeline, problems: [{}], output: `${noTimeline}\n${named('## Leverage', 'Initech')}\n` },
    {
      name: 'no Timeline, CRLF and no final line break',
      text: crlf(noTimeline).trimEnd(),
      problems: [{}],
      output: `${crlf(noTimeline).trimEnd()}\r\n\r\n${named('## Leverage', 'Initech', '\r\n')}\r\n`,
    },
    { name: 'no Timeline, CRLF', text: crlf(noTimeline), problems: [{}], output: `${crlf(noTimeline)}\r\n${named('## Leverage', 'Initech', '\r\n')}\r\n` },
  ],
});

describe('leverage-co-marketing-only squiggle', () => {
  const diagnostics = (text: string) => lintText(text, [leverageCoMarketingOnly], DEFAULT_CONFIG).diagnostics;
  const words = (text: string, d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
    const lines = text.split('\n');
    assert.equal(d.range.start.line, d.range.end.line, 'the squiggle stays on one line');
    return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
  };

  it('sits on the activities of the first sentence that names them, not on "promote us"', () => {
    const text = weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '- Initech will promote us to its customers.', '- Initech runs a joint webinar and a logo swap on its partner page.') });
    const [found, ...rest] = diagnostics(text);
    assert.equal(rest.length, 0);
    assert.equal(found!.range.start.line + 1, lineOf(text, 'joint webinar'));
    assert.equal(words(text, found!), 'joint webinar and a logo swap on its partner page');
    assert.equal(found!.relatedInformation, undefined);
  });

  it('gives the other sentences with activities as related information', () => {
    const text = weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '- Initech hosts a joint webinar in March.', '- Both sides swap logos on their partner pages.', '- A press release goes out at launch.') });
    const [found] = diagnostics(text);
    assert.equal(words(text, found!), 'joint webinar');
    assert.deepEqual(found!.relatedInformation?.map((r) => r.range.start.line + 1), [lineOf(text, 'swap logos'), lineOf(text, 'press release')]);
    assert.match(found!.relatedInformation![0]!.message, /co-marketing/);
  });

  it('is not on a co-marketing heading when an item under it names the activity', () => {
    const text = weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '', '### Co-marketing', '', '- Initech features us in its newsletter.') });
    const [found] = diagnostics(text);
    assert.equal(found!.range.start.line + 1, lineOf(text, 'newsletter'));
    assert.equal(words(text, found!), 'newsletter');
  });

  it('stops at the end of the line when the activities run over two', () => {
    const text = example('initech-charter-draft.md');
    const [found] = diagnostics(text);
    assert.equal(words(text, found!), 'joint webinar, swap logos on the partner pages and issue a press');
  });

  it('a joint activity next to one\u2019s own channels: the channels are activities too, and carry the squiggle in their sentence', () => {
    const text = weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '- Acme posts about the launch on social media.', '- Initech runs a joint webinar.') });
    const [found] = diagnostics(text);
    assert.equal(words(text, found!), 'social media');
    assert.deepEqual(found!.relatedInformation?.map((r) => r.range.start.line + 1), [lineOf(text, 'joint webinar')]);
  });

  it('falls back to the words that name co-marketing when no activity is named', () => {
    const text = weak({ value: md('## Value Exchange', '', '- **Acme commits:** 2 engineers for 5 months.', '- Initech will promote us to its customers.') });
    const [found] = diagnostics(text);
    assert.equal(words(text, found!), 'promote us');
  });
});
