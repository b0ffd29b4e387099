import * as assert from 'node:assert/strict';
import { testRule } from '../rule-tester';
import { partnershipForVanity } from '../../../src/rules/partnership-for-vanity';
import { lintText, DEFAULT_CONFIG } from '../../../src/core';

const doc = (type: string, title: string, ...lines: string[]) => ['---', `type: ${type}`, '---', `# ${title}`, '', ...lines].join('\n');
const tiering = (...lines: string[]) => doc('partner-tiering', 'Lantern Sponsor Levels', ...lines);
const strategy = (...lines: string[]) => doc('partnership-strategy', 'Northwind Partnership Strategy', ...lines);

const PITCH = [
  '## Why sponsor Lantern',
  '',
  'Sponsoring Lantern gives your company exposure to 40,000 monthly readers of our documentation.',
  'The sponsorship also builds brand recognition with the people who pick your tools.',
];
const LOGO_LEVELS = [
  '## Sponsor levels',
  '',
  '- **Gold ($1,000/month)**: large logo on the home page and in the project README.',
  '- **Silver ($400/month)**: logo in the README.',
  '- **Bronze ($100/month)**: name listed in SUPPORTERS.md.',
];
const REAL_LEVELS = [
  '## Sponsor levels',
  '',
  '- **Gold ($1,000/month)**: 4 hours a month of maintainer support, a vote on the roadmap, and a large logo on the home page.',
  '- **Silver ($400/month)**: priority triage of your issues, and a logo in the README.',
  '- **Bronze ($100/month)**: name listed in SUPPORTERS.md.',
];
const vanity = tiering(...PITCH, '', ...LOGO_LEVELS);

testRule(partnershipForVanity, {
  valid: [
    { name: 'exposure offered beside tiers that give support and a say in the roadmap', text: tiering(...PITCH, '', ...REAL_LEVELS) },
    { name: 'logo-only tiers with no sentence that sells exposure', text: tiering('## Thank you', '', 'Our sponsors keep the lights on.', '', ...LOGO_LEVELS) },
    {
      name: 'exposure set against the real reason',
      text: tiering('## Why sponsor Lantern', '', 'Sponsoring Lantern gives you more than exposure: it funds the parser your product relies on.', '', ...LOGO_LEVELS),
    },
    {
      name: 'exposure ruled out',
      text: tiering('## Why sponsor Lantern', '', 'Sponsorship does not buy exposure; it buys maintenance time.', '', ...LOGO_LEVELS),
    },
    {
      name: 'a strategy whose exposure sentence sits beside customers and revenue',
      text: strategy('## Why partner with Contoso', '', 'Partnering with Contoso gives us brand visibility in retail, and 300 of its customers have asked for our connector.', '', '## Economics', '', '- 20% revenue share.'),
    },
    {
      name: 'a co-marketing section that promises exposure, in a strategy whose partnerships have real reasons elsewhere',
      text: strategy(
        '## Technology partners', '', 'Each technology partner builds a connector to our scheduling API.', '',
        '## Co-marketing', '', 'Joint press releases give every partnership extra exposure at launch.',
      ),
    },
    {
      name: 'a strategy with a sponsor ladder of logos beside partnerships with real reasons',
      text: strategy(
        '## Why partner with us', '', 'Sponsoring the summit gives partners brand visibility with 3,000 attendees.', '',
        '## Sponsor levels', '', ...LOGO_LEVELS.slice(2), '', '## Resellers', '', 'Resellers earn a 20% margin on every renewal.',
      ),
    },
    {
      name: 'visibility into a pipeline and exposure to risk are not exposure as a benefit',
      text: strategy('## Reporting', '', 'The partner portal gives partners visibility into the pipeline.', '', '## Risks', '', 'Partnering with a reseller gives us exposure to fraud in new markets.'),
    },
    {
      name: 'a published post announcing a sponsorship',
      text: ['---', 'date: 2026-03-02', 'author: Lee Park', '---', '# Lantern Sponsorship Levels', '', ...PITCH, '', ...LOGO_LEVELS].join('\n'),
    },
    {
      name: 'ordinary Markdown is never read',
      text: ['# Release notes', '', 'Sponsoring the conference gives us great exposure.', '', '- Logo on the site', '- Name in the credits'].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a sponsor page that sells exposure, and levels that buy only a logo or a listing',
      text: vanity,
      problems: [{ line: 8, message: /^The case for this partnership is exposure \("exposure"\), and every tier gives only a logo placement, a listing or a mention\. Visibility and a brand name do not bring customers/ }],
    },
    {
      name: 'tiers in a table that give logos and mentions only',
      text: tiering(
        '## Why become a partner', '', 'Partners gain brand visibility at every event we run.', '',
        '## Levels', '', '| Level | Benefits |', '|---|---|', '| Gold | Logo on the stage banner and a shout-out in the keynote |', '| Silver | Logo on the website |', '| Bronze | Name listed on the website |',
      ),
      problems: [{ line: 8, message: /exposure \("brand visibility"\), and every tier/ }],
    },
    {
      name: 'a strategy that partners with big names for the profile, and says nothing else',
      text: strategy('## Partner selection', '', 'We will partner with marquee logos in each region to raise our profile with analysts.', '', '## Next steps', '', '- Shortlist five names by March.'),
      problems: [{ line: 8, message: /exposure \("marquee logos"\), and nothing else in the document names a reason that brings customers/ }],
    },
  ],
});

describe('partnership-for-vanity range and related information', () => {
  it('the published post above is a tier model, and is reported once its front matter has no author', () => {
    const text = ['---', 'date: 2026-03-02', '---', '# Lantern Sponsorship Levels', '', ...PITCH, '', ...LOGO_LEVELS].join('\n');
    assert.equal(lintText(text, [partnershipForVanity], DEFAULT_CONFIG).diagnostics.length, 1);
  });

  it('sits on the exposure words, and points at the other pitches and the tiers', () => {
    const [found, ...rest] = lintText(vanity, [partnershipForVanity], DEFAULT_CONFIG).diagnostics;
    assert.equal(rest.length, 0);
    const line = vanity.split('\n')[found!.range.start.line]!;
    assert.equal(line.slice(found!.range.start.character, found!.range.end.character), 'exposure');
    assert.deepEqual(found!.relatedInformation?.map((r) => r.range.start.line + 1), [9, 13]);
    assert.match(found!.relatedInformation![0]!.message, /brand recognition/);
    assert.match(found!.relatedInformation![1]!.message, /What the 3 tiers give/);
    assert.equal(found!.relatedInformation![1]!.range.end.line + 1, 15);
  });
});

describe('partnership-for-vanity on hostile text', () => {
  it('reads long runs of spaces and a thousand pitches in linear time', () => {
    const text = tiering(
      '## Why sponsor', '',
      `Sponsoring gives you ${' '.repeat(100_000)}exposure.`,
      ...Array.from({ length: 1000 }, (_, i) => `Sponsor ${i} gains brand visibility and great exposure.`), '',
      ...LOGO_LEVELS,
    );
    const started = process.hrtime.bigint();
    const found = lintText(text, [partnershipForVanity], DEFAULT_CONFIG).diagnostics;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(ms < 3000, `took ${ms} ms`);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.relatedInformation?.length, 6);
  });
});
