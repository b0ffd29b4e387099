/**
 * Sample charters shared by the tests of the charter content rules (charter-empty-section,
 * charter-unsigned, mutual-goals-missing-party, measurement-not-measurable,
 * governance-incomplete). `charter()` builds a complete, clean charter in which any of the
 * sections can be swapped for the case under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function md(...lines: string[]): string {
  return lines.join('\n');
}

/** The same text with CRLF line breaks. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** 1-based number of the line on which `needle` first appears. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  return text.slice(0, at).split(/\r\n|\r|\n/).length;
}

export function example(name: string): string {
  return readFileSync(join(process.cwd(), 'examples', name), 'utf8');
}

export const FRONT = md('---', 'type: partnership-charter', 'partner: Initech', '---', '', '# Acme × Initech Partnership Charter');

export const SECTIONS = {
  goals: md(
    '## Mutual Goals',
    '',
    '- **Success for Acme:** 30 joint customers live by 2027-06-30.',
    '- **Success for Initech:** churn on its reporting add-on down 15% within two quarters.',
    '- **Success for shared customers:** reports refresh hourly instead of overnight.',
  ),
  value: md(
    '## Value Exchange',
    '',
    '- **Acme commits:** 2 engineers for 3 months and a $50K launch fund.',
    '- **Initech commits:** a marketplace listing and 1 solution architect for 6 months.',
  ),
  timeline: md(
    '## Timeline',
    '',
    '- **Crawl** (2027-01-11 to 2027-02-26): 2 pilot customers. Go/no-go: 20%+ faster refresh.',
    '- **Walk** (2027-03-08 to 2027-05-28): 8 more customers. Go/no-go: 70%+ adoption.',
    '- **Run** (from 2027-06-07): co-selling and quarterly business reviews.',
  ),
  measurement: md(
    '## Measurement',
    '',
    '- **Metrics:** joint customers from 0 to 30; add-on churn down 15%.',
    '- **Tracked in:** the shared partner dashboard.',
    '- **Review cadence:** monthly operating review with both owners.',
  ),
  governance: md(
    '## Governance',
    '',
    '- **Decision owners:** Dana Reyes (VP Partnerships) for Acme; Sam Ortiz (Head of Alliances) for Initech.',
    '- **Escalation path:** the two owners first, then both COOs within 10 business days.',
    '- **Exit criteria:** a missed go/no-go gate ends the partnership; either side may exit with 60 days\' notice.',
  ),
  signatures: md(
    '## Signatures',
    '',
    '| Party | Name | Role | Date |',
    '| --- | --- | --- | --- |',
    '| Acme | Dana Reyes | VP Partnerships | 2026-12-01 |',
    '| Initech | Sam Ortiz | Head of Alliances | 2026-12-03 |',
  ),
};

export type SectionKey = keyof typeof SECTIONS;

/** A complete charter; `replace` swaps sections (an empty string drops one). */
export function charter(replace: Partial<Record<SectionKey, string>> = {}, front = FRONT): string {
  const parts = (Object.keys(SECTIONS) as SectionKey[]).map((key) => replace[key] ?? SECTIONS[key]).filter((s) => s !== '');
  return [front, ...parts].join('\n\n') + '\n';
}
