import { ruleMeta, type Rule } from '../core/rule';
import type { Vocabulary } from '../core/vocabulary';
import { models, isOngoing, saysNothing, startsAfter, type Phase } from '../models';

/**
 * Whether a phase is placed in time. Any date ("Q2" included) or length counts. Run is open-ended
 * by nature, so it only needs a start: a date or length of its own, a start tied to walk ("after
 * walk passes"), or a place right after a dated walk (walk's end is then run's start), unless
 * it says nothing at all ("Run: TBD"). Another phase marked "ongoing" right after a dated phase
 * is read the same way.
 */
function placed(phase: Phase, previous: Phase | undefined, walk: Phase | undefined, vocabulary: Vocabulary): boolean {
  if (dated(phase)) return true;
  if (phase.kind === 'run') {
    if (startsAfter(phase, 'walk', vocabulary)) return true;
    const before = walk ?? previous;
    return before !== undefined && dated(before) && !saysNothing(phase, vocabulary);
  }
  return previous !== undefined && dated(previous) && isOngoing(phase, vocabulary);
}

function dated(phase: Phase): boolean {
  return phase.dates.length > 0 || phase.durations.length > 0;
}

function message(phase: Phase): string {
  switch (phase.kind) {
    case 'crawl':
      return 'The crawl phase has no dates or length. Give it a start and end date or a duration (usually 4–8 weeks), so both sides know when the go/no-go call is due.';
    case 'walk':
      return 'The walk phase has no dates or length. Give it a start and end date or a duration (usually 8–12 weeks), so both sides know when the go/no-go call is due.';
    case 'run':
      return 'The run phase has no start. Say when it begins, with a date or "after walk passes its go/no-go"; it can stay ongoing once the start is clear.';
    default:
      return `${phase.name} has no dates or length. Add a start and end date or a duration, so both sides can tell whether it is on track.`;
  }
}

export const timelineUndated: Rule = {
  meta: ruleMeta({
    id: 'timeline-undated',
    description: 'Every phase of a rollout timeline needs dates or a length; the run phase needs at least a start.',
    defaultSeverity: 'warning',
    checks: ['phases'],
  }),
  check(context) {
    const phases = models(context.doc, context.vocabulary).phases();
    const walk = phases.find((p) => p.kind === 'walk');
    phases.forEach((phase, i) => {
      if (placed(phase, phases[i - 1], walk, context.vocabulary)) return;
      context.report({ message: message(phase), range: phase.labelRange });
    });
  },
};
