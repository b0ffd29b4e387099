/**
 * Sample charters for the skin-in-the-game rules (economic-commitment-missing,
 * commitment-unquantified, failure-cost-missing, leverage-co-marketing-only): a charter that
 * passes all four, whose sections the tests replace one at a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function md(...lines: string[]): string {
  return lines.join('\n');
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in the sample`);
  return i + 1;
}

export function example(name: string): string {
  return readFileSync(join(process.cwd(), 'examples', name), 'utf8');
}

export const FRONT = md('---', 'type: partnership-charter', 'partner: Initech', '---', '');

export const PARTS = {
  title: '# Acme × Initech Partnership Charter',
  intro: "Initech's marketplace program requires a certified backup connector in every listed stack, so Initech needs us to keep its program status.",
  goals: md(
    '## Mutual Goals',
    '',
    '- **Success for Acme:** 30 joint customers by 2027-06-30.',
    '- **Success for Initech:** connector support tickets down 25% by the end of Q2 2027.',
    '- **Success for shared customers:** a tested restore in minutes instead of days.',
  ),
  value: md(
    '## Value Exchange',
    '',
    '- **Acme commits:** 2 engineers for 5 months and a $60K launch fund.',
    '- **Initech commits:** $100K in cloud credits for pilot customers and 1 solution architect for 6 months.',
    '- **If this fails:** Acme loses 10 engineer-months; Initech loses its credits and a gap in its certified catalog.',
  ),
  timeline: md(
    '## Timeline',
    '',
    '- **Crawl** (2027-01-04 to 2027-02-26): 2 pilot customers. Go/no-go: 20%+ faster restores.',
    '- **Walk** (2027-03-01 to 2027-05-28): 8 more customers. Go/no-go: 70%+ of invited customers adopt.',
    '- **Run** (from 2027-06-01): joint selling and quarterly business reviews.',
  ),
  measurement: md(
    '## Measurement',
    '',
    '- **Metrics:** joint customers from 0 to 30; restore time from 2 days to 20 minutes.',
    '- **Review cadence:** monthly operating review with both owners.',
  ),
  governance: md(
    '## Governance',
    '',
    '- **Decision owners:** Dana Reyes for Acme; Sam Ortiz for Initech.',
    '- **Escalation path:** both owners first, then both COOs within 10 business days.',
    '- **Exit criteria:** either go/no-go gate missed twice.',
  ),
};

export type Parts = typeof PARTS;

/** A full charter; pass a part as `''` to drop it. */
export function charter(parts: Partial<Parts> = {}, front = FRONT): string {
  const all = { ...PARTS, ...parts };
  return front + [all.title, all.intro, all.goals, all.value, all.timeline, all.measurement, all.governance].filter((p) => p !== '').join('\n\n') + '\n';
}
