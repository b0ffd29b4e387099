import { ruleMeta, type Rule } from '../core/rule';
import { comparable, isBefore } from '../core/time';
import { isPrePilotStep, models, runsAlongside, type Phase } from '../models';

const NAMES = { crawl: 'Crawl', walk: 'Walk', run: 'Run' } as const;

/**
 * When `later` starts before `earlier` ends, the words of each end, for the message. Only ends
 * given at the same precision, both on the calendar with a year (or both in plan weeks), are
 * compared, and only a start wholly before the other's end counts ("Q1" and "Q1" do not).
 */
function overlap(earlier: Phase, later: Phase): { start: string; end: string } | undefined {
  const end = earlier.timing?.end;
  const start = later.timing?.start;
  if (!end || !start || !comparable(start, end)) return undefined;
  return isBefore(start, end) ? { start: start.text, end: end.text } : undefined;
}

export const rolloutSkipsCrawl: Rule = {
  meta: ruleMeta({
    id: 'rollout-skips-crawl',
    description: 'A rollout starts with a crawl phase and runs its phases one after another, not side by side.',
    defaultSeverity: 'warning',
    checks: ['phases'],
  }),
  check({ doc, vocabulary, report }) {
    const phases = models(doc, vocabulary).phases();
    const crawl = phases.find((p) => p.kind === 'crawl');
    const walk = phases.find((p) => p.kind === 'walk');
    const run = phases.find((p) => p.kind === 'run');

    if (!crawl) {
      const first = [walk, run].filter((p): p is Phase => p !== undefined).sort((a, b) => a.labelStart - b.labelStart)[0];
      // A numbered phase before it ("Phase 1: Validation") may be a crawl under another name,
      // unless it is a step that comes before any pilot ("Phase 2: Contracting").
      const earlierOther = first && phases.some((p) => p.kind === 'other' && p.labelStart < first.labelStart && !isPrePilotStep(p, vocabulary));
      if (first && !earlierOther) {
        const what = first.kind === 'walk' ? 'walk' : 'run';
        report({
          message: `This rollout starts at ${what} with no crawl phase. Add a crawl first: a few weeks with one or two pilot customers and a go/no-go bar, so you learn cheaply before committing to a wider launch.`,
          range: first.labelRange,
        });
      }
    }

    const pairs: Array<[Phase | undefined, Phase | undefined]> = [[crawl, walk], [walk ?? crawl, run]];
    const reported = new Set<Phase>();
    for (const [earlier, later] of pairs) {
      if (!earlier || !later || earlier === later) continue;
      const found = overlap(earlier, later);
      if (!found) continue;
      const a = NAMES[earlier.kind as 'crawl' | 'walk'];
      const b = NAMES[later.kind as 'walk' | 'run'];
      reported.add(later);
      report({
        message: `${b} starts (${found.start}) before ${a.toLowerCase()} ends (${found.end}), so the phases run in parallel and neither result can be read on its own. Start ${b.toLowerCase()} after ${a.toLowerCase()}'s go/no-go decision.`,
        range: later.labelRange,
      });
    }

    // Said in words: "Walk: ten more customers, in parallel with the pilot". Once per phase, and
    // only about an earlier phase the plan has, and not again when its dates already said so.
    const candidates: Array<[Phase | undefined, Phase[]]> = [
      [walk, [crawl].filter((p): p is Phase => p !== undefined)],
      [run, [walk, crawl].filter((p): p is Phase => p !== undefined)],
    ];
    for (const [later, earlierOnes] of candidates) {
      if (!later || reported.has(later)) continue;
      for (const earlier of earlierOnes) {
        if (earlier.labelStart > later.labelStart) continue;
        const words = runsAlongside(later, earlier.kind as 'crawl' | 'walk', vocabulary);
        if (!words) continue;
        const a = NAMES[earlier.kind as 'crawl' | 'walk'].toLowerCase();
        const b = NAMES[later.kind as 'walk' | 'run'];
        report({
          message: `${b} is planned to run at the same time as ${a} ("${words}"), so neither result can be read on its own and ${a}'s go/no-go decides nothing. Start ${b.toLowerCase()} after ${a}'s go/no-go decision.`,
          range: later.labelRange,
        });
        break;
      }
    }
  },
};
