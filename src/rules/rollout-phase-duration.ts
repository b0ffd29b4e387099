import { ruleMeta, type Rule } from '../core/rule';
import { spanWeeks } from '../core/time';
import { models, type Phase } from '../models';

/** The framework's usual lengths, in weeks. */
export const DEFAULT_CRAWL_WEEKS: readonly [number, number] = [4, 8];
export const DEFAULT_WALK_WEEKS: readonly [number, number] = [8, 12];
/** Slack for day counts that fall a few days either side of a whole week. */
const TOLERANCE_WEEKS = 0.5;

function bounds(value: unknown, fallback: readonly [number, number]): readonly [number, number] {
  if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) && value[0] <= value[1]) {
    return [value[0], value[1]];
  }
  return fallback;
}

interface Length {
  minWeeks: number;
  maxWeeks: number;
  /** How the length reads in a message: "3 months", "about 10 weeks (2027-01-04 to 2027-03-12)". */
  describe: string;
}

function weeks(n: number): string {
  const rounded = Math.round(n);
  return `${rounded} week${rounded === 1 ? '' : 's'}`;
}

/** A length written as an adjective reads as a length: "2-week" is "2 weeks", "six-week-long" is "six weeks". */
function asLength(text: string): string {
  const m = /^(.*?)[\s-]*(day|week|month|quarter|year)s?(?:[\s-]+long)?$/i.exec(text);
  if (!m) return text;
  const single = /^(?:1|one|an?)$/i.test(m[1]!);
  return `${m[1]} ${m[2]}${single ? '' : 's'}`;
}

/**
 * The phase's length, from the line where its timing is written: a stated duration when there is
 * exactly one (several different ones are ambiguous), else a span given to the day or plan week.
 */
function lengthOf(phase: Phase): Length | undefined {
  const timing = phase.timing;
  if (!timing) return undefined;
  const [first, ...others] = timing.durations;
  if (first) {
    if (others.some((d) => d.minWeeks !== first.minWeeks || d.maxWeeks !== first.maxWeeks)) return undefined;
    return { minWeeks: first.minWeeks, maxWeeks: first.maxWeeks, describe: asLength(first.text) };
  }
  const spans = timing.dates.map((d) => ({ d, w: spanWeeks(d) })).filter((x): x is { d: typeof x.d; w: number } => x.w !== undefined);
  if (spans.length !== 1) return undefined;
  const { d, w } = spans[0]!;
  const exact = Number.isInteger(w) ? weeks(w) : `about ${weeks(w)}`;
  return { minWeeks: w, maxWeeks: w, describe: `${exact} (${d.text})` };
}

export const rolloutPhaseDuration: Rule = {
  meta: ruleMeta({
    id: 'rollout-phase-duration',
    description: 'Crawl usually runs 4–8 weeks and walk 8–12 weeks; a much shorter or longer phase is worth a second look.',
    defaultSeverity: 'info',
    checks: ['phases'],
    options: {
      crawlWeeks: { type: 'array', items: { type: 'number', minimum: 0 }, minItems: 2, maxItems: 2, default: [4, 8], description: 'The least and most weeks a crawl phase usually runs.' },
      walkWeeks: { type: 'array', items: { type: 'number', minimum: 0 }, minItems: 2, maxItems: 2, default: [8, 12], description: 'The least and most weeks a walk phase usually runs.' },
    },
  }),
  check({ doc, vocabulary, options, report }) {
    const limits = {
      crawl: bounds(options['crawlWeeks'], DEFAULT_CRAWL_WEEKS),
      walk: bounds(options['walkWeeks'], DEFAULT_WALK_WEEKS),
    };
    for (const phase of models(doc, vocabulary).phases()) {
      if (phase.kind !== 'crawl' && phase.kind !== 'walk') continue;
      const length = lengthOf(phase);
      if (!length) continue;
      const [low, high] = limits[phase.kind];
      // A stated range is fine when any part of it fits: "6-10 weeks" can still be a 8-week crawl.
      const tooLong = length.minWeeks > high + TOLERANCE_WEEKS;
      const tooShort = length.maxWeeks < low - TOLERANCE_WEEKS;
      if (!tooLong && !tooShort) continue;
      const why = phase.kind === 'crawl'
        ? tooShort
          ? 'too little time for one or two pilots to show a measurable result'
          : 'a long time to spend before learning whether the partnership works'
        : tooShort
          ? 'too little time to bring 5–10 more customers onto the formal integration'
          : 'long enough that the decision on full rollout drifts';
      report({
        message: `The ${phase.kind} phase is planned for ${length.describe}; ${phase.kind} usually runs ${low}–${high} weeks, and this is ${why}. Check the dates, or say why this partnership needs a different pace.`,
        range: phase.labelRange,
      });
    }
  },
};
