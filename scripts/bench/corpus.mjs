// Deterministic (seeded) Markdown for the benchmark: partnership charters of any length, the
// other strategy document kinds, and the ordinary Markdown a workspace is mostly made of
// (READMEs, changelogs, software decision records, blog posts, meeting notes, guides).
// Same seed, same bytes: runs on different machines measure the same documents.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, fast, seeded PRNG (returns floats in [0, 1)). */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.chance = (p) => next() < p;
  return next;
}

const COMPANIES = ['Acme', 'Initech', 'Hooli', 'Vandelay', 'Wayne Logistics', 'Stark Analytics', 'Bluth Data', 'Veridian', 'Kramerica', 'Northwind', 'Contoso', 'Pendant Labs', 'Umbrella Health', 'Soylent Foods', 'Tyrell Systems', 'Cyberdyne Cloud', 'Massive Dynamic', 'Aperture Metrics'];
const PARTNERS = ['Globex Cloud', 'Sirius Cybernetics', 'Globochem', 'Oscorp Payments', 'Wonka Retail', 'Nakatomi Trading', 'Gringotts Bank', 'Monarch Logistics', 'Duff Media', 'Prestige Worldwide', 'Ollivander Tools', 'Dunder Mifflin Paper'];
const PEOPLE = ['Dana Reyes', 'Lee Park', 'Priya Natarajan', 'Marcus Webb', 'Ana Lima', 'Tomás Ortega', 'Yuki Sato', 'Grace Okafor', 'Hannah Berg', 'Omar Haddad', 'Chloé Martin', 'Ravi Iyer', 'Sofia Rossi', 'Jonas Keller'];
const ROLES = ['VP Partnerships', 'Director, ISV Alliances', 'Head of Channel', 'Chief Revenue Officer', 'VP Product', 'GM, Marketplace', 'Director, Solutions Engineering', 'Head of Partner Marketing'];
const WORKSTREAMS = ['EMEA resellers', 'North America MSPs', 'marketplace listing', 'native integration', 'joint enterprise sales', 'APAC distribution', 'healthcare vertical', 'public sector', 'mid-market self-serve', 'data platform connector', 'security certification', 'support escalation desk'];
const PRODUCTS = ['data-sync product', 'billing API', 'identity service', 'analytics suite', 'workflow builder', 'mobile SDK', 'forecasting engine', 'document pipeline'];
const METRICS = [
  ['joint customers', 0, 40, ''],
  ['median setup time', 10, 1, ' days'],
  ['sync-related support tickets per month', 300, 210, ''],
  ['influenced ARR', 0, 1.2, 'M$'],
  ['partner-sourced pipeline', 0, 3.5, 'M$'],
  ['weekly active integrations', 0, 150, ''],
  ['time to first value', 21, 3, ' days'],
  ['renewal rate on integrated accounts', 80, 95, '%'],
  ['certified consultants', 0, 25, ''],
];
const TOOLS = ['the shared partner dashboard', 'both CRMs, tagged "Globex-influenced"', 'the joint Looker board', 'the partner portal scorecard', 'a weekly export from the integration logs'];
const CADENCES = ['monthly operating review; quarterly business review with both sponsors', 'fortnightly working session; quarterly business review', 'weekly stand-up during crawl, then monthly reviews and a QBR', 'monthly review of the scorecard and a quarterly executive check-in'];

const pad2 = (n) => String(n).padStart(2, '0');
/** A date `days` after 2027-01-04, as YYYY-MM-DD. */
function day(days) {
  const d = new Date(Date.UTC(2027, 0, 4) + days * 86400000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}
function money(r, lo, hi) {
  const k = r.int(lo, hi) * 10;
  return k >= 1000 ? `$${k / 1000}M` : `$${k}K`;
}
function metricValue(value, unit) {
  if (unit === 'M$') return value === 0 ? '$0' : `$${value}M`;
  if (unit === ' days' && value === 1) return '1 day';
  return `${value}${unit}`;
}

/** The blocks of one workstream, per charter section, in the style of examples/acme-globex-charter.md. */
function workstream(r, n, company, partner) {
  const name = WORKSTREAMS[n % WORKSTREAMS.length];
  const label = `${n + 1}: ${name[0].toUpperCase()}${name.slice(1)}`;
  const engineers = r.int(2, 6);
  const months = r.int(3, 9);
  const start = r.int(0, 200);
  const crawlWeeks = r.int(6, 8);
  const walkWeeks = r.int(10, 12);
  const walkStart = start + crawlWeeks * 7 + r.int(3, 10);
  const runStart = walkStart + walkWeeks * 7 + r.int(3, 10);
  const m = [r.pick(METRICS), r.pick(METRICS), r.pick(METRICS)];
  const owner = r.pick(PEOPLE);
  const partnerOwner = r.pick(PEOPLE);

  const goals = [
    `### Workstream ${label}`,
    '',
    `- **Success for ${company}:** ${r.int(10, 80)} paying joint customers and ${money(r, 20, 150)} in influenced ARR by ${day(runStart + 120)}.`,
    `- **Success for ${partner}:** ${m[0][0]} from ${metricValue(m[0][1], m[0][3])} to ${metricValue(m[0][2], m[0][3])} by the end of Q${r.int(2, 4)} 2027.`,
    `- **Success for shared customers:** setup in ${r.pick(['one afternoon', 'a single day', 'under an hour'])} instead of a ${r.pick(['two-week', 'three-week', 'month-long'])} services project.`,
    '',
    '| Goal | Owner | Target | By |',
    '| --- | --- | --- | --- |',
    `| ${m[1][0]} | ${owner} | ${metricValue(m[1][2], m[1][3])} | ${day(runStart + 60)} |`,
    `| ${m[2][0]} | ${partnerOwner} | ${metricValue(m[2][2], m[2][3])} | ${day(runStart + 90)} |`,
    '',
  ];
  const value = [
    `### Workstream ${label}`,
    '',
    `- **${company} commits:** ${engineers} engineers for ${months} months to build the ${name} integration, and a ${money(r, 5, 25)}`,
    `  co-marketing fund for 2027.`,
    `- **${partner} commits:** a ${money(r, 10, 40)} credit pool for pilot customers, a marketplace listing,`,
    `  and ${r.int(1, 4)} solution architects for ${r.int(3, 9)} months.`,
    `- **Balance check:** each side would still do this if the other walked away from co-marketing;`,
    '  neither would without the integration.',
    `- **If this fails:** ${company} loses ${months} months of a ${engineers}-engineer team; ${partner} loses its ${money(r, 10, 40)} credit`,
    '  pool and a hole in its certified stack.',
    '',
  ];
  const timeline = [
    `### Workstream ${label}`,
    '',
    `- **Crawl** (${day(start)} to ${day(start + crawlWeeks * 7 - 3)}, ${crawlWeeks} weeks): ${r.int(2, 3)} pilot customers on a scripted integration.`,
    `  Go/no-go: ${r.int(15, 30)}%+ reduction in setup time for every pilot.`,
    `- **Walk** (${day(walkStart)} to ${day(walkStart + walkWeeks * 7 - 3)}, ${walkWeeks} weeks): ${r.int(5, 12)} more customers on the formal integration,`,
    `  sales playbook and joint webinar. Go/no-go: ${r.int(60, 80)}%+ of invited customers adopt.`,
    `- **Run** (from ${day(runStart)}, ongoing): marketplace listing, joint enterprise sales,`,
    '  quarterly business reviews.',
    '',
  ];
  const measurement = [
    `### Workstream ${label}`,
    '',
    `- **Metrics:** ${m[0][0]} from ${metricValue(m[0][1], m[0][3])} to ${metricValue(m[0][2], m[0][3])}; ${m[1][0]} from ${metricValue(m[1][1], m[1][3])} to ${metricValue(m[1][2], m[1][3])}.`,
    `- **Tracked in:** ${r.pick(TOOLS)}, updated weekly.`,
    `- **Review cadence:** ${r.pick(CADENCES)}.`,
    '',
    '| Metric | Baseline | Target | Source |',
    '| --- | --- | --- | --- |',
    `| ${m[0][0]} | ${metricValue(m[0][1], m[0][3])} | ${metricValue(m[0][2], m[0][3])} | ${r.pick(TOOLS)} |`,
    `| ${m[2][0]} | ${metricValue(m[2][1], m[2][3])} | ${metricValue(m[2][2], m[2][3])} | ${r.pick(TOOLS)} |`,
    '',
  ];
  const governance = [
    `### Workstream ${label}`,
    '',
    `- **Decision owners:** ${owner} (${r.pick(ROLES)}) for ${company}; ${partnerOwner} (${r.pick(ROLES)})`,
    `  for ${partner}.`,
    `- **Escalation path:** the two decision owners first; unresolved after ${r.int(5, 15)} business days, the`,
    `  ${company} CEO and ${partner}'s ${r.pick(ROLES)} decide together.`,
    `- **Exit criteria:** either go/no-go gate missed twice, or fewer than ${r.int(10, 30)} joint customers by`,
    `  ${day(runStart + 180)}; either side may exit with ${r.pick([30, 60, 90])} days' notice.`,
    '',
  ];
  return { goals, value, timeline, measurement, governance };
}

function charterWith(seed, workstreams, padLines) {
  const r = rng(seed);
  const company = r.pick(COMPANIES);
  const partner = r.pick(PARTNERS);
  const product = r.pick(PRODUCTS);
  const blocks = Array.from({ length: workstreams }, (_, n) => workstream(r, n, company, partner));
  const head = [
    '---',
    'type: partnership-charter',
    `partner: ${partner}`,
    `owner: ${r.pick(PEOPLE)}`,
    'review-by: 2027-03-31',
    '---',
    '',
    `# ${company} × ${partner} Partnership Charter`,
    '',
    `${company}'s ${product} becomes a certified part of ${partner}'s managed-service stack.`,
    `${partner}'s MSP program requires a sync tool in every certified stack, so MSPs need us to keep`,
    'their certification: this is requirement leverage, and the reason both sides are signing.',
    '',
  ];
  const background = [];
  for (let i = 0; i < padLines; i++) {
    background.push(`- Context note ${i + 1}: ${r.pick(WORKSTREAMS)} was raised by ${r.pick(PEOPLE)} on ${day(r.int(-300, -10))}.`);
  }
  if (background.length) background.push('');
  const section = (title, key) => [`## ${title}`, '', ...blocks.flatMap((b) => b[key])];
  const signatures = [
    '## Signatures',
    '',
    '| Party | Name | Role | Date |',
    '| --- | --- | --- | --- |',
    `| ${company} | ${r.pick(PEOPLE)} | ${r.pick(ROLES)} | 2026-12-01 |`,
    `| ${partner} | ${r.pick(PEOPLE)} | ${r.pick(ROLES)} | 2026-12-02 |`,
  ];
  return [
    ...head,
    ...background,
    ...section('Mutual Goals', 'goals'),
    ...section('Value Exchange', 'value'),
    ...section('Timeline', 'timeline'),
    ...section('Measurement', 'measurement'),
    ...section('Governance', 'governance'),
    ...signatures,
  ];
}

/**
 * A partnership charter: front matter, the five sections (one `###` block per workstream in
 * each, with bold-label lists, tables and dated crawl/walk/run phases) and a signature table.
 * `lines`: exactly that many lines (padded with a context list under the introduction);
 * `bytes`: the smallest charter of at least that many UTF-8 bytes.
 */
export function charter({ lines, bytes, seed = 1 }) {
  const count = (ws) => charterWith(seed, ws, 0);
  if (lines !== undefined) {
    let ws = 1;
    while (count(ws + 1).length + 1 <= lines) ws++;
    const base = count(ws).length;
    const padLines = Math.max(0, lines - base - 1); // one blank line after the context list
    const out = charterWith(seed, ws, padLines);
    return out.join('\n') + '\n';
  }
  // Grow the number of workstreams geometrically, then bisect, so a 10 MB charter is quick to make.
  const size = (ws) => Buffer.byteLength(count(ws).join('\n') + '\n');
  let hi = 1;
  while (size(hi) < bytes) hi *= 2;
  let lo = Math.max(1, hi >> 1);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (size(mid) < bytes) lo = mid + 1;
    else hi = mid;
  }
  return count(lo).join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Other strategy documents (small, in the style of the fixtures).

export function decisionRecord(seed) {
  const r = rng(seed);
  const capability = r.pick(['single sign-on', 'payments', 'usage analytics', 'e-signature', 'search', 'PDF export']);
  return `---
type: decision-record
tree: build-vs-partner
answers:
  core-differentiation: no
  roadmap-delay-over-6-months: yes
outcome: partner
date: ${day(r.int(0, 300))}
decided-by: ${r.pick(PEOPLE)} (${r.pick(ROLES)})
---

# Decision: partner for ${capability} instead of building it

## Questions and answers

1. **Is ${capability} core to how our product is different?** No. Customers expect it,
   but nobody chooses us for it.
2. **Would building it delay the roadmap by more than 6 months?** Yes. Our estimate is ${r.int(2, 4)}
   engineers for ${r.int(7, 12)} months, which pushes the ${r.pick(PRODUCTS)} into 2028.

## Outcome

**Partner.** Building would delay the roadmap by more than six months for a capability that
does not set us apart. We will integrate a provider and revisit in ${r.int(6, 18)} months.
`;
}

export function tierModel(seed) {
  const r = rng(seed);
  return `---
type: partner-tiering
owner: ${r.pick(PEOPLE)}
---

# ${r.pick(COMPANIES)} Partner Tiers

Three tiers, from self-serve to strategic. Partners start where their engineering capacity and
strategic fit place them.

## Tier 1: Integration Partner (self-serve)

- Builds with the public API and docs; office hours every other week.
- Drives its own promotion, with our launch templates.
- **Graduation:** evaluated for Tier 2 after ${r.int(4, 9)} months with ${r.int(3, 8)} live joint customers.

## Tier 2: Partnership Partner (joint development)

- Co-developed integration, a dedicated channel and monthly syncs.
- Co-marketing support from our team.
- **Graduation:** eligible for Tier 3 with ${r.int(15, 40)} joint customers and an executive sponsor on each side.

## Tier 3: Strategic Partner (co-development)

- Roadmap alignment, a dedicated partner manager and an executive relationship.
- Revenue objectives reviewed at each quarterly business review.
`;
}

export function rolloutPlan(seed) {
  const r = rng(seed);
  const s = r.int(0, 200);
  return `---
type: rollout-plan
partner: ${r.pick(PARTNERS)}
owner: ${r.pick(PEOPLE)}
---

# ${r.pick(COMPANIES)} rollout plan

Crawl, walk, run is how we test this partnership before committing to it.

| Phase | Dates | Go/no-go |
| --- | --- | --- |
| Crawl | ${day(s)} – ${day(s + 46)} | setup time down 20%+ for both pilots |
| Walk | ${day(s + 56)} – ${day(s + 136)} | 70%+ of invited customers adopt |
| Run | from ${day(s + 147)}, ongoing | both gates passed and the ROI model holds at scale |

## Crawl (7 weeks)

- ${r.int(2, 3)} pilot customers on a scripted integration.
- We measure setup time, support tickets and weekly active syncs.
- **Exit criteria:** both pilots would recommend it to a peer.

## Walk (12 weeks)

- ${r.int(5, 10)} more customers on the formal integration.
- Sales playbook, support training and a joint webinar in week 3 of walk.

## Run

Marketplace listing, joint enterprise sales and quarterly business reviews with both sponsors.

## Go/no-go gates

**After crawl:**
- Did both pilots see setup time fall by a fifth or more?

**After walk:**
- Did 70% or more of the invited customers adopt?
`;
}

export function launchPlan(seed) {
  const r = rng(seed);
  return `---
type: launch-plan
partner: ${r.pick(PARTNERS)}
---

# ${r.pick(COMPANIES)} Launch Plan

The native integration goes live on ${day(r.int(100, 300))}.

## Pre-launch (4-6 weeks before)

- [x] Joint value proposition approved by both marketing teams
- [ ] Sales one-pager, deck and demo ready
- [ ] Support teams on both sides trained on the integration

## Launch week

- [ ] Press release at 9:00 ET on launch day
- [ ] Blog posts on both company blogs
- [ ] Joint webinar booked for the week after

## Post-launch (weeks 2-8)

- [ ] Weekly adoption dashboard shared with the partner
- [ ] Case study published with the first customer's setup-time numbers
- [ ] Quarterly business review on ${day(r.int(300, 400))}
`;
}

// ---------------------------------------------------------------------------------------------
// Ordinary Markdown: what PartnerLint must skip cheaply.

const WORDS = 'the a of to and in is for that with on as it by this be are from or at an can which your not you will all more data we our when into if use each these partner webinar service request client config file build test release value option default module cache stream event handler plugin server token query field schema index'.split(' ');
function sentence(r, min = 8, max = 22) {
  const n = r.int(min, max);
  const w = [];
  for (let i = 0; i < n; i++) w.push(r.pick(WORDS));
  if (r.chance(0.3)) w[r.int(0, n - 1)] = `\`${r.pick(WORDS)}()\``;
  if (r.chance(0.2)) w[r.int(0, n - 1)] = `[${r.pick(WORDS)}](https://example.com/${r.pick(WORDS)})`;
  if (r.chance(0.2)) w[r.int(0, n - 1)] = `**${r.pick(WORDS)}**`;
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}
/** A paragraph wrapped at ~95 columns. */
function paragraph(r, sentences) {
  const text = Array.from({ length: sentences }, () => sentence(r)).join(' ');
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 95) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
function codeBlock(r, lang) {
  const lines = [];
  for (let i = r.int(3, 12); i > 0; i--) {
    lines.push(lang === 'sh' ? `${r.pick(['npm', 'npx', 'git', 'docker'])} ${r.pick(WORDS)} --${r.pick(WORDS)}` : `const ${r.pick(WORDS)}${i} = ${r.pick(WORDS)}.${r.pick(WORDS)}(${r.int(0, 99)});`);
  }
  return '```' + lang + '\n' + lines.join('\n') + '\n```';
}
function bulletList(r, items) {
  return Array.from({ length: items }, () => `- ${sentence(r, 4, 14)}`).join('\n');
}
function apiTable(r, rows) {
  const out = ['| Option | Type | Default | Description |', '| --- | --- | --- | --- |'];
  for (let i = 0; i < rows; i++) out.push(`| \`${r.pick(WORDS)}${i}\` | \`${r.pick(['string', 'number', 'boolean'])}\` | \`${r.int(0, 100)}\` | ${sentence(r, 5, 12)} |`);
  return out.join('\n');
}

/**
 * An ordinary README of about `size` bytes (default 4-16 KB): title, badges, prose, install and
 * usage code blocks, an options table, lists. Mentions partners and webinars now and then, like
 * real READMEs do; never a strategy title or `type:`.
 */
export function readme(seed, size) {
  const r = rng(seed);
  const target = size ?? r.int(4, 16) * 1024;
  const name = `${r.pick(WORDS)}-${r.pick(WORDS)}`;
  const parts = [
    `# ${name}`,
    `[![build](https://img.shields.io/badge/build-passing-green.svg)](https://ci.example.com/${name}) [![npm](https://img.shields.io/npm/v/${name}.svg)](https://npm.im/${name})`,
    paragraph(r, 3),
  ];
  const sections = ['Installation', 'Usage', 'Configuration', 'API', 'Examples', 'Partners and integrations', 'FAQ', 'Contributing', 'Changelog', 'License'];
  let i = 0;
  while (parts.join('\n\n').length < target) {
    const title = sections[i % sections.length] + (i >= sections.length ? ` (${Math.floor(i / sections.length) + 1})` : '');
    parts.push(`## ${title}`, paragraph(r, r.int(1, 4)));
    const kind = r.int(0, 3);
    if (kind === 0) parts.push(codeBlock(r, 'sh'));
    else if (kind === 1) parts.push(codeBlock(r, 'js'), paragraph(r, 2));
    else if (kind === 2) parts.push(apiTable(r, r.int(3, 8)));
    else parts.push(bulletList(r, r.int(3, 8)));
    i++;
  }
  return parts.join('\n\n') + '\n';
}

function changelog(seed) {
  const r = rng(seed);
  const parts = ['# Changelog', 'All notable changes to this project are documented in this file.'];
  for (let v = r.int(20, 120); v > 0; v--) {
    parts.push(`## [1.${v}.0] - ${day(-v * 9)}`, '### Fixed', bulletList(r, r.int(1, 5)), '### Added', bulletList(r, r.int(1, 4)));
  }
  return parts.join('\n\n') + '\n';
}

function softwareAdr(seed) {
  const r = rng(seed);
  return [
    `# ADR ${r.int(1, 80)}: Use ${r.pick(['PostgreSQL', 'Kafka', 'gRPC', 'Redis', 'a monorepo'])} for the ${r.pick(WORDS)} service`,
    `Status: ${r.pick(['accepted', 'proposed', 'superseded'])}`,
    '## Context', paragraph(r, 4),
    '## Decision', paragraph(r, 3),
    '## Consequences', bulletList(r, r.int(3, 6)),
  ].join('\n\n') + '\n';
}

function blogPost(seed) {
  const r = rng(seed);
  return [
    `---\nlayout: post\ntitle: "${sentence(r, 3, 6).slice(0, -1)}"\ndate: ${day(-r.int(1, 900))}\ntags: [${r.pick(WORDS)}, ${r.pick(WORDS)}]\nauthor: ${r.pick(PEOPLE)}\n---`,
    paragraph(r, 4),
    `## ${sentence(r, 2, 5).slice(0, -1)}`, paragraph(r, 5), codeBlock(r, 'js'),
    `## ${sentence(r, 2, 5).slice(0, -1)}`, paragraph(r, 4), bulletList(r, 4),
  ].join('\n\n') + '\n';
}

function meetingNotes(seed) {
  const r = rng(seed);
  return [
    `# Partner sync notes, ${day(-r.int(1, 300))}`,
    `Attendees: ${r.pick(PEOPLE)}, ${r.pick(PEOPLE)}, ${r.pick(PEOPLE)}`,
    '## Discussed', bulletList(r, r.int(4, 9)),
    '## Action items', Array.from({ length: r.int(2, 5) }, () => `- [ ] ${r.pick(PEOPLE)}: ${sentence(r, 4, 9)}`).join('\n'),
  ].join('\n\n') + '\n';
}

function guide(seed) {
  const r = rng(seed);
  const parts = [`# ${sentence(r, 2, 4).slice(0, -1)} guide`, paragraph(r, 3)];
  for (let i = r.int(3, 8); i > 0; i--) parts.push(`## Step ${i}`, paragraph(r, 2), codeBlock(r, r.pick(['sh', 'js'])), `> **Note:** ${sentence(r)}`);
  return parts.join('\n\n') + '\n';
}

function docsPage(seed) {
  const r = rng(seed);
  return `---\ntitle: ${sentence(r, 2, 4).slice(0, -1)}\nsidebar_position: ${r.int(1, 20)}\n---\n\n` + readme(seed + 7, r.int(2, 8) * 1024).replace(/^# .*\n\n/, '');
}

const ORDINARY = [readme, readme, readme, changelog, softwareAdr, blogPost, meetingNotes, guide, docsPage, docsPage];

/**
 * Writes a folder of `count` Markdown files (about `strategyShare` of them strategy documents)
 * under `dir`, spread over a few subfolders. Returns the files' paths, sizes and kinds.
 */
export function writeCorpus(dir, { count = 500, strategyShare = 0.1, seed = 500 } = {}) {
  const r = rng(seed);
  const files = [];
  const folders = ['docs', 'docs/guides', 'docs/decisions', 'notes', 'partners', 'blog', 'packages/core', 'packages/cli'];
  for (const f of folders) mkdirSync(join(dir, f), { recursive: true });
  const strategyEvery = Math.round(1 / strategyShare);
  for (let i = 0; i < count; i++) {
    let text;
    let kind = 'ordinary';
    if (i % strategyEvery === strategyEvery - 1) {
      const which = r.int(0, 4);
      const s = seed * 1000 + i;
      kind = ['partnership-charter', 'decision-record', 'partner-tiering', 'rollout-plan', 'launch-plan'][which];
      text = which === 0 ? charter({ lines: r.int(60, 400), seed: s }) : [null, decisionRecord, tierModel, rolloutPlan, launchPlan][which](s);
    } else {
      text = r.pick(ORDINARY)(seed * 1000 + i);
    }
    const folder = kind === 'ordinary' ? r.pick(folders) : 'partners';
    const path = join(dir, folder, `${kind === 'ordinary' ? 'doc' : kind}-${String(i).padStart(3, '0')}.md`);
    writeFileSync(path, text);
    files.push({ path, bytes: Buffer.byteLength(text), kind });
  }
  return files;
}

/**
 * List-heavy Markdown of at least `bytes` bytes: `##` sections, each a bullet list whose items
 * have a nested list of two or three sub-items. The shape that stresses micromark's container
 * (document) tokenizer, which opens and closes a container for every item.
 */
export function listDoc(bytes, seed = 3) {
  const r = rng(seed);
  const out = ['# Release checklist', ''];
  let size = 0;
  for (let s = 1; size < bytes; s++) {
    const block = [`## Area ${s}`, ''];
    for (let i = r.int(4, 9); i > 0; i--) {
      block.push(`- ${sentence(r, 4, 12)}`);
      for (let j = r.int(2, 3); j > 0; j--) block.push(`  - ${sentence(r, 3, 9)}`);
    }
    block.push('');
    const text = block.join('\n') + '\n';
    size += Buffer.byteLength(text);
    out.push(text);
  }
  return out.join('\n');
}
