import { TextCache } from './memo';
/**
 * Dates and durations in plain text, as planners write them: `2027-01-11`, `Jan 11, 2027`,
 * `11 January 2027`, `2027-01`, `January 2027`, `Q1 2027`, `2027 Q1`, `Q1`, `H1 2027`, `week 3`,
 * `weeks 1-6`; `4 weeks`, `6-8 weeks`, `3 months`, `two months`, `90 days`, `a 6-week pilot`,
 * `6-12 months ongoing`. Two dates joined by `to`, `through`, `until` or a dash make one span.
 *
 * Every mention carries its offsets in the text it was found in, and a normalised value:
 * dates as the first and last day they cover, durations as a least and a most number of weeks.
 * The words here are the grammar of dates (month names, "from", "until"), not vocabulary a team
 * would tune, so they live in code.
 */

/**
 * How precisely a date is given. `plan-week` and `plan-day` count from the start of the plan
 * ("week 3", "days 1-45"), not from the calendar.
 */
export type DateResolution = 'day' | 'month' | 'quarter' | 'half' | 'year' | 'plan-week' | 'plan-day';

/**
 * - `absolute`: on the calendar, year known (stated, or taken from the other end of a range);
 * - `plan`: counted from the plan's own start ("week 3");
 * - `partial`: a calendar date without a year ("Q2", "March", "Jan 11") or a fiscal period,
 *   which cannot be placed on the calendar.
 */
export type DateCalendar = 'absolute' | 'plan' | 'partial';

/** Inclusive first and last day of a period. */
export interface DayInterval {
  first: number;
  last: number;
}

export interface DateMention {
  type: 'date';
  /** The text as written, for messages. */
  text: string;
  /** Offsets in the searched text. */
  start: number;
  end: number;
  /** The coarser of the two ends, for a span. */
  resolution: DateResolution;
  /** The precision of each end (both equal `resolution` for a single date). */
  fromResolution: DateResolution;
  toResolution: DateResolution;
  calendar: DateCalendar;
  /** True for a range: `2027-01-11 to 2027-02-26`, `Q1–Q2 2027`, `weeks 1-6`. */
  span: boolean;
  /**
   * What a single date bounds, from the word before it: `from 2027-06-07` starts something,
   * `by 2027-02-26` ends it. Undefined when the date stands for the whole period.
   */
  bound?: 'start' | 'end';
  /**
   * First and last day covered. Absolute dates: days since 1970-01-01 (UTC). Plan dates: days
   * since the plan's start (week 1 is days 0–6). Undefined for partial dates.
   */
  startDay?: number;
  endDay?: number;
  /** The period of each end (the same for a single date), to compare ends at their own precision. */
  from?: DayInterval;
  to?: DayInterval;
  /** Text of each end (the same for a single date). */
  fromText: string;
  toText: string;
}

export type DurationUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface DurationMention {
  type: 'duration';
  text: string;
  start: number;
  end: number;
  unit: DurationUnit;
  /** Least and most weeks the duration can mean (`3 months` is 12–13.3 weeks; `6+ weeks` has no most). */
  minWeeks: number;
  maxWeeks: number;
  /** `6-12 months ongoing`, `6+ months`: the period continues past the stated length. */
  ongoing: boolean;
  /**
   * Measured from some other event rather than being a period's own length: `within 2 weeks of
   * launch`, `4 weeks after go-live`, `in 6 weeks`.
   */
  relative: boolean;
}

export type TimeMention = DateMention | DurationMention;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2027-01-11` for a day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Tokens

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

function monthOf(name: string): number {
  return MONTH_NUMBERS[name.slice(0, 3).toLowerCase()]!;
}

function isCapitalised(word: string): boolean {
  return /^[A-Z]/.test(word);
}

/** The parts a date token gives; the year may be filled in later from the other end of a range. */
interface Parts {
  year?: number;
  month?: number;
  day?: number;
  quarter?: number;
  half?: number;
  /** Plan-relative week or day numbers (a token like `weeks 1-6` has both ends). */
  week?: [number, number];
  dayIndex?: [number, number];
  /** A fiscal period or a year-less date that cannot be placed on the calendar. */
  fiscal?: boolean;
  /** Only a year was written (`in 2027`). */
  yearOnly?: boolean;
}

interface Token {
  start: number;
  end: number;
  parts: Parts;
}

function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length === 2 ? 2000 + n : n;
}

function validDay(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year ?? 2024, month);
}

const YEAR_OK = (y: number) => y >= 1900 && y <= 2199;

type TokenMaker = (m: RegExpExecArray, text: string) => Parts | undefined;

/** Words before a year on its own that make it a date ("in 2027", "by 2027") rather than a number. */
const YEAR_LEAD = /(?:\b(?:in|by|from|during|through|until|till|throughout|early|mid|late|before|after|since|for)\s+|\bend\s+of\s+|\bstart\s+of\s+|\bbeginning\s+of\s+|\bmid-)$/i;
/**
 * A month on its own (no day, no year) is only a date after one of these ("in March", "(June",
 * "Walk: July") or when it opens a range of months ("January to March 2027"): "May" and
 * "March" are ordinary words, and "Jan" or "June" can be a person.
 */
const MONTH_LEAD = /(?:\b(?:in|by|from|until|till|through|to|early|mid|late|of|since|before|after|during)\s+|[-–—(:,]\s*)$/i;
const MONTH_RANGE_AFTER = new RegExp(`^\\.?\\s*(?:-|–|—|to|through|until|till)\\s*${MONTH}\\b`, 'i');
/** A number right before "week 2" makes it part of "6 weeks 2 …", not a plan week. */
const NUMBER_BEFORE = /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s*$/i;

const DATE_PATTERNS: Array<[RegExp, TokenMaker]> = [
  // 2027-01-11, 2027/01/11
  [/\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\b/g, (m) => {
    const year = Number(m[1]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    return YEAR_OK(year) && validDay(year, month, day) ? { year, month, day } : undefined;
  }],
  // 2027-01 (not followed by another -NN, which is a full date)
  [/\b(\d{4})-(\d{2})\b(?![-/.]\d)/g, (m) => {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return YEAR_OK(year) && month >= 1 && month <= 12 ? { year, month } : undefined;
  }],
  // Jan 11, 2027 / January 11th 2027 / Jan 11
  [new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi'), (m) => {
    const month = monthOf(m[1]!);
    const day = Number(m[2]);
    const year = m[3] ? Number(m[3]) : undefined;
    if (year !== undefined && !YEAR_OK(year)) return undefined;
    if (year === undefined && !isCapitalised(m[1]!)) return undefined;
    return validDay(year, month, day) ? { year, month, day } : undefined;
  }],
  // 11 January 2027 / 11th Jan / 11 Jan 2027
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\b(?:\\.?,?\\s+(\\d{4})\\b)?`, 'gi'), (m) => {
    const day = Number(m[1]);
    const month = monthOf(m[2]!);
    const year = m[3] ? Number(m[3]) : undefined;
    if (year !== undefined && !YEAR_OK(year)) return undefined;
    if (year === undefined && !isCapitalised(m[2]!)) return undefined;
    return validDay(year, month, day) ? { year, month, day } : undefined;
  }],
  // January 2027 / Jan. 2027 / Jan '27
  [new RegExp(`\\b${MONTH}\\.?,?\\s+(?:(\\d{4})\\b|['’](\\d{2})\\b)`, 'gi'), (m) => {
    const year = m[2] ? Number(m[2]) : fullYear(m[3]!);
    return YEAR_OK(year) ? { year, month: monthOf(m[1]!) } : undefined;
  }],
  // March (a capitalised month on its own; "May" and "March" need a preposition before them)
  [new RegExp(`\\b${MONTH}\\b`, 'gi'), (m, text) => {
    const word = m[1]!;
    if (!isCapitalised(word)) return undefined;
    const led = MONTH_LEAD.test(text.slice(Math.max(0, m.index - 20), m.index));
    if (!led && !MONTH_RANGE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) return undefined;
    return { month: monthOf(word) };
  }],
  // 2027 Q1 / 2027-Q1
  [/\b(\d{4})\s*[-\s]?\s*Q([1-4])\b/gi, (m) => {
    const year = Number(m[1]);
    return YEAR_OK(year) ? { year, quarter: Number(m[2]) } : undefined;
  }],
  // Q1 2027 / Q1-2027 / Q1 '27
  [/\bQ([1-4])(?:\s*[-/\s]\s*(\d{4})|\s*['’](\d{2}))\b/gi, (m) => {
    const year = m[2] ? Number(m[2]) : fullYear(m[3]!);
    return YEAR_OK(year) ? { year, quarter: Number(m[1]) } : undefined;
  }],
  // Fiscal quarters: Q1 FY27, FY2027 Q1 (a fiscal year's calendar is unknown)
  [/\bQ([1-4])\s*FY\s*['’]?(?:\d{4}|\d{2})\b/gi, (m) => ({ quarter: Number(m[1]), fiscal: true })],
  [/\bFY\s*['’]?(?:\d{4}|\d{2})\s*[-\s]?\s*Q([1-4])\b/gi, (m) => ({ quarter: Number(m[1]), fiscal: true })],
  // Q1 on its own
  [/\bQ([1-4])\b/gi, (m) => ({ quarter: Number(m[1]) })],
  // H1 2027 / 2027 H1 (a bare H1 is more often a heading level than a half-year)
  [/\bH([12])\s*[-/\s]?\s*(\d{4})\b/gi, (m) => {
    const year = Number(m[2]);
    return YEAR_OK(year) ? { year, half: Number(m[1]) } : undefined;
  }],
  [/\b(\d{4})\s*[-\s]?\s*H([12])\b/gi, (m) => {
    const year = Number(m[1]);
    return YEAR_OK(year) ? { year, half: Number(m[2]) } : undefined;
  }],
  [/\b(first|second|1st|2nd)\s+half\s+of\s+(\d{4})\b/gi, (m) => {
    const year = Number(m[2]);
    return YEAR_OK(year) ? { year, half: /^(?:first|1st)$/i.test(m[1]!) ? 1 : 2 } : undefined;
  }],
  // FY2027 on its own
  [/\bFY\s*['’]?(?:\d{4}|\d{2})\b/gi, () => ({ fiscal: true, yearOnly: true })],
  // 2027 after a preposition
  [/\b(20\d{2})\b(?![-/.]\d)/g, (m, text) => {
    if (!YEAR_LEAD.test(text.slice(Math.max(0, m.index - 20), m.index))) return undefined;
    return { year: Number(m[1]), yearOnly: true };
  }],
  // week 3, weeks 1-6, wk 3, weeks 1 to 6, week 1 to week 6 (the second form is joined later)
  [/\b(?:weeks?|wks?\.?)\s*(\d{1,2})(?:\s*(?:-|–|—|to|through|thru)\s*(?:weeks?\s*)?(\d{1,2}))?\b(?!\s*%)/gi, (m, text) => {
    if (NUMBER_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
    const first = Number(m[1]);
    const last = m[2] ? Number(m[2]) : first;
    return first >= 1 && last >= first ? { week: [first, last] } : undefined;
  }],
  // month 1, months 4-9: months of the plan, counted from its start (as 30 days each)
  [/\bmonths?\s+(\d{1,2})(?:\s*(?:-|–|—|to|through|thru)\s*(?:months?\s*)?(\d{1,2}))?\b(?!\s*%)/gi, (m, text) => {
    if (NUMBER_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
    const first = Number(m[1]);
    const last = m[2] ? Number(m[2]) : first;
    return first >= 1 && last >= first ? { dayIndex: [(first - 1) * 30 + 1, last * 30] } : undefined;
  }],
  // 0-30 days, 31-60 days: days of the plan, counted from its start
  [/\b(\d{1,3})\s*(?:-|–|—|to)\s*(\d{1,3})\s+days\b/gi, (m) => {
    const first = Number(m[1]);
    const last = Number(m[2]);
    return last > first ? { dayIndex: [Math.max(1, first), last] } : undefined;
  }],
  // (2027): a year on its own in parentheses, as phase labels give it
  [/\(\s*(20\d{2})\s*\)/g, (m) => {
    const year = Number(m[1]);
    return YEAR_OK(year) ? { year, yearOnly: true } : undefined;
  }],
  // 2028+, 2028 onwards: from that year on
  [/\b(20\d{2})\s*(?:\+|onwards?\b|and\s+beyond\b)/gi, (m) => {
    const year = Number(m[1]);
    return YEAR_OK(year) ? { year, yearOnly: true } : undefined;
  }],
  // day 1, days 1-45
  [/\bdays?\s+(\d{1,3})(?:\s*(?:-|–|—|to|through|thru)\s*(?:day\s*)?(\d{1,3}))?\b(?!\s*%)/gi, (m, text) => {
    if (NUMBER_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
    const first = Number(m[1]);
    const last = m[2] ? Number(m[2]) : first;
    return first >= 1 && last >= first ? { dayIndex: [first, last] } : undefined;
  }],
];

function resolutionOf(p: Parts): DateResolution {
  if (p.week) return 'plan-week';
  if (p.dayIndex) return 'plan-day';
  if (p.day !== undefined) return 'day';
  if (p.month !== undefined) return 'month';
  if (p.quarter !== undefined) return 'quarter';
  if (p.half !== undefined) return 'half';
  return 'year';
}

const RESOLUTION_RANK: Record<DateResolution, number> = { 'plan-day': 0, day: 0, 'plan-week': 1, month: 2, quarter: 3, half: 4, year: 5 };

function calendarOf(p: Parts): DateCalendar {
  if (p.week || p.dayIndex) return 'plan';
  return p.year !== undefined && !p.fiscal ? 'absolute' : 'partial';
}

/** The days a token covers, when it can be placed. */
function intervalOf(p: Parts): DayInterval | undefined {
  if (p.week) return { first: (p.week[0] - 1) * 7, last: p.week[1] * 7 - 1 };
  if (p.dayIndex) return { first: p.dayIndex[0] - 1, last: p.dayIndex[1] - 1 };
  if (p.year === undefined || p.fiscal) return undefined;
  const y = p.year;
  if (p.day !== undefined && p.month !== undefined) {
    const d = dayNumber(y, p.month, p.day);
    return { first: d, last: d };
  }
  let firstMonth = 1;
  let lastMonth = 12;
  if (p.month !== undefined) firstMonth = lastMonth = p.month;
  else if (p.quarter !== undefined) [firstMonth, lastMonth] = [(p.quarter - 1) * 3 + 1, p.quarter * 3];
  else if (p.half !== undefined) [firstMonth, lastMonth] = [(p.half - 1) * 6 + 1, p.half * 6];
  return { first: dayNumber(y, firstMonth, 1), last: dayNumber(y, lastMonth, daysInMonth(y, lastMonth)) };
}

/** The period of each end of a token: `weeks 1-6` starts in week 1 and ends in week 6. */
function endsOf(p: Parts): [DayInterval, DayInterval] | undefined {
  if (p.week) return [{ first: (p.week[0] - 1) * 7, last: p.week[0] * 7 - 1 }, { first: (p.week[1] - 1) * 7, last: p.week[1] * 7 - 1 }];
  if (p.dayIndex) return [{ first: p.dayIndex[0] - 1, last: p.dayIndex[0] - 1 }, { first: p.dayIndex[1] - 1, last: p.dayIndex[1] - 1 }];
  const whole = intervalOf(p);
  return whole ? [whole, whole] : undefined;
}

/** Tokens from every pattern; where two overlap, the earlier and then the longer wins. */
function pickTokens<T extends { start: number; end: number }>(candidates: T[]): T[] {
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: T[] = [];
  let reached = -1;
  for (const c of candidates) {
    if (c.start < reached) continue;
    out.push(c);
    reached = c.end;
  }
  return out;
}

function dateTokens(text: string): Token[] {
  const candidates: Token[] = [];
  for (const [pattern, make] of DATE_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const parts = make(m, text);
      if (parts) candidates.push({ start: m.index, end: m.index + m[0].length, parts });
    }
  }
  return pickTokens(candidates);
}

/** Fills in a year-less end of a range from the other end, keeping the range in order. */
function inheritYear(a: Parts, b: Parts): [Parts, Parts] {
  const calendarLike = (p: Parts) => !p.week && !p.dayIndex && !p.fiscal && !p.yearOnly;
  if (!calendarLike(a) || !calendarLike(b)) return [a, b];
  if (a.year === undefined && b.year !== undefined) {
    const guess = { ...a, year: b.year };
    const ia = intervalOf(guess);
    const ib = intervalOf(b);
    if (ia && ib && ia.first > ib.first) guess.year = b.year - 1;
    return [guess, b];
  }
  if (b.year === undefined && a.year !== undefined) {
    const guess = { ...b, year: a.year };
    const ia = intervalOf(a);
    const ib = intervalOf(guess);
    if (ia && ib && ib.last < ia.first) guess.year = a.year + 1;
    return [a, guess];
  }
  return [a, b];
}

const JOINER = /^\s*(?:-|–|—|→|->|to|through|thru|until|till|and)\s*$/i;
const START_WORDS = /\b(?:from|starting|starts?|start\s+date:?|begin(?:s|ning)?|kicks?\s*off|kickoff|after|launch(?:es)?|since|as\s+of|effective)(?:\s+on)?\s*:?\s*$/i;
const END_WORDS = /\b(?:by|until|till|through|before|ends?|ending|end\s+date:?|due|deadline:?|completed?\s+by|wraps?\s+up|no\s+later\s+than)(?:\s+on)?\s*:?\s*$/i;

/**
 * Every date in `text`, ranges joined into spans. Answers for short texts are kept (the same
 * phase lines are read on every keystroke); each call gets its own array of shared mentions,
 * which callers must not change.
 */
export function findDates(text: string): DateMention[] {
  if (text.length > DATE_MEMO_TEXT_LIMIT) return computeDates(text);
  return dateMemo.get(text, () => computeDates(text)).slice();
}

const dateMemo = new TextCache<DateMention[]>(4096);
const DATE_MEMO_TEXT_LIMIT = 4096;

function computeDates(text: string): DateMention[] {
  const tokens = dateTokens(text);
  const out: DateMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    if (b) {
      const gap = text.slice(a.end, b.start);
      const joined = JOINER.test(gap) && (!/and/i.test(gap) || /\bbetween\s+$/i.test(text.slice(Math.max(0, a.start - 12), a.start)));
      if (joined) {
        const [pa, pb] = inheritYear(a.parts, b.parts);
        const ca = calendarOf(pa);
        const cb = calendarOf(pb);
        const ia = endsOf(pa)?.[0];
        const ib = endsOf(pb)?.[1];
        const ordered = ca === cb && (ca === 'partial' || (ia !== undefined && ib !== undefined && ib.last >= ia.first));
        if (ordered) {
          const resolution = RESOLUTION_RANK[resolutionOf(pa)] >= RESOLUTION_RANK[resolutionOf(pb)] ? resolutionOf(pa) : resolutionOf(pb);
          out.push({
            type: 'date',
            text: text.slice(a.start, b.end),
            start: a.start,
            end: b.end,
            resolution,
            fromResolution: resolutionOf(pa),
            toResolution: resolutionOf(pb),
            calendar: ca,
            span: true,
            ...(ia && ib ? { startDay: ia.first, endDay: ib.last, from: ia, to: ib } : {}),
            fromText: text.slice(a.start, a.end),
            toText: text.slice(b.start, b.end),
          });
          i++;
          continue;
        }
      }
    }
    const p = a.parts;
    const ends = endsOf(p);
    const before = text.slice(Math.max(0, a.start - 30), a.start);
    const bound = START_WORDS.test(before) ? 'start' : END_WORDS.test(before) ? 'end' : undefined;
    const own = text.slice(a.start, a.end);
    // "weeks 5-16" starts in "week 5" and ends in "week 16".
    const unit = p.week ? 'week' : p.dayIndex ? 'day' : undefined;
    const numbers = p.week ?? p.dayIndex;
    const multi = numbers !== undefined && numbers[1] > numbers[0];
    out.push({
      type: 'date',
      text: own,
      start: a.start,
      end: a.end,
      resolution: resolutionOf(p),
      fromResolution: resolutionOf(p),
      toResolution: resolutionOf(p),
      calendar: calendarOf(p),
      span: multi,
      ...(bound ? { bound } : {}),
      ...(ends ? { startDay: ends[0].first, endDay: ends[1].last, from: ends[0], to: ends[1] } : {}),
      fromText: multi ? `${unit} ${numbers[0]}` : own,
      toText: multi ? `${unit} ${numbers[1]}` : own,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Durations

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20, thirty: 30, sixty: 60, ninety: 90,
};
const NUM = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT = '(days?|weeks?|wks?|months?|mos?|quarters?|qtrs?|years?|yrs?)';
const DURATION = new RegExp(`\\b${NUM}(?:\\s*(?:-|–|—|to)\\s*${NUM})?(\\s*\\+)?(?:\\s*|-)(business\\s+|working\\s+)?${UNIT}\\b`, 'gi');
const ARTICLE_DURATION = /\b(an?|one)\s+(?:full\s+)?(week|month|quarter|year)\b/gi;

function numberOf(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

function unitOf(word: string): DurationUnit {
  const w = word.toLowerCase();
  if (w.startsWith('d')) return 'day';
  if (w.startsWith('w')) return 'week';
  if (w.startsWith('m')) return 'month';
  if (w.startsWith('q')) return 'quarter';
  return 'year';
}

/** Least and most weeks one unit can mean. */
const UNIT_WEEKS: Record<DurationUnit, [number, number]> = {
  day: [1 / 7, 1 / 7],
  week: [1, 1],
  month: [4, 31 / 7],
  quarter: [12, 92 / 7],
  year: [52, 366 / 7],
};

/** A cadence ("every 2 weeks", "twice a month"), not a length. */
const CADENCE_BEFORE = /(?:\b(?:every|each|per|once|twice|thrice|times)|\b\d+\s*x)\s+$/i;
/** Words that tie a duration to another event. */
const RELATIVE_BEFORE = /\b(?:within|in|after|before|under|next|first|last|over\s+the\s+(?:first|next|last)|for\s+the\s+(?:first|next|last))\s+$/i;
const RELATIVE_AFTER = /^\s*(?:after|before|later|from|post|prior|ago|into|past|of\s+(?:launch|go-?live|kick-?off|signing|the\s+start)|['’]?\s*notice)\b/i;
const ONGOING_AFTER = /^\s*[,(]?\s*(?:and\s+)?(?:ongoing|onwards?|and\s+beyond|continuing|then\s+ongoing)\b/i;

/** Every duration in `text`, cadences left out. */
export function findDurations(text: string): DurationMention[] {
  const candidates: DurationMention[] = [];
  const push = (start: number, end: number, low: number, high: number, unitWord: string, plus: boolean, workdays = false) => {
    const before = text.slice(Math.max(0, start - 30), start);
    if (CADENCE_BEFORE.test(before)) return;
    const after = text.slice(end, end + 40);
    const unit = unitOf(unitWord);
    // "a quarter of pilot customers" is a share, not a period.
    if (unit === 'quarter' && /^\s+of\b/i.test(after)) return;
    if (!(low > 0) || high < low) return;
    // Ten business days are two weeks.
    const [least, most] = workdays && unit === 'day' ? [1 / 5, 1 / 5] : UNIT_WEEKS[unit];
    const ongoing = plus || ONGOING_AFTER.test(after);
    candidates.push({
      type: 'duration',
      text: text.slice(start, end),
      start,
      end,
      unit,
      minWeeks: low * least,
      maxWeeks: plus ? Infinity : high * most,
      ongoing,
      relative: RELATIVE_BEFORE.test(before) || RELATIVE_AFTER.test(after),
    });
  };
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(text); m; m = DURATION.exec(text)) {
    const low = numberOf(m[1]!);
    const high = m[2] ? numberOf(m[2]) : low;
    push(m.index, m.index + m[0].length, low, high, m[5]!, Boolean(m[3]), Boolean(m[4]));
  }
  ARTICLE_DURATION.lastIndex = 0;
  for (let m = ARTICLE_DURATION.exec(text); m; m = ARTICLE_DURATION.exec(text)) {
    push(m.index, m.index + m[0].length, 1, 1, m[2]!, false);
  }
  return pickTokens(candidates);
}

/** What may stand between a length and the noun after it: "2-week pilot", "six-week-long beta". */
const LENGTH_BEFORE_NOUN = /^(?:[\s-]*long)?[\s-]+$/i;
/** What may stand between a noun and its length: "pilot (6 weeks)", "pilot of 6 weeks", "pilot lasting two months". */
const LENGTH_AFTER_NOUN = /^(?:\s*\(\s*|\s+(?:of|lasting|running|that\s+(?:runs|lasts)|(?:will\s+)?(?:runs?|lasts?))\s+(?:for\s+)?)(?:about\s+|roughly\s+|approximately\s+|~\s*)?$/i;

/**
 * The length given to the noun at `[start, end)` of `text`: written as an adjective before it
 * ("a 2-week pilot", "a six-week-long beta") or right after it ("pilot (6 weeks)", "pilot of 6
 * weeks", "a pilot lasting two months"). Durations tied to another event ("within 2 weeks") and
 * cadences are not lengths. `durations` may be passed when already found.
 */
export function lengthOfNoun(text: string, start: number, end: number, durations: readonly DurationMention[] = findDurations(text)): DurationMention | undefined {
  for (const d of durations) {
    if (d.relative) continue;
    if (d.end <= start && start - d.end <= 8 && LENGTH_BEFORE_NOUN.test(text.slice(d.end, start))) return d;
    if (d.start >= end && d.start - end <= 40 && LENGTH_AFTER_NOUN.test(text.slice(end, d.start))) return d;
  }
  return undefined;
}

/** Dates and durations of `text` in order; where a date and a duration overlap, the longer wins. */
export function findTimes(text: string): TimeMention[] {
  const all: TimeMention[] = [...findDates(text), ...findDurations(text)];
  return pickTokens(all);
}

/**
 * The length in weeks of a span given to the day or the plan week (`2027-01-11 to 2027-02-26`
 * is 6.7 weeks, `weeks 1-6` is 6); undefined for coarser or open dates, whose length is a guess.
 */
export function spanWeeks(date: DateMention): number | undefined {
  if (!date.span || date.startDay === undefined || date.endDay === undefined) return undefined;
  if (date.resolution !== 'day' && date.resolution !== 'plan-week' && date.resolution !== 'plan-day') return undefined;
  return (date.endDay - date.startDay + 1) / 7;
}

/** One end of a date: the period it covers, at its own precision. */
export interface DatePoint {
  interval: DayInterval;
  resolution: DateResolution;
  calendar: DateCalendar;
  text: string;
}

/** Where a date starts (its first end, for a span); undefined for a partial date. */
export function startOf(date: DateMention): DatePoint | undefined {
  if (!date.from) return undefined;
  return { interval: date.from, resolution: date.fromResolution, calendar: date.calendar, text: date.fromText };
}

/** Where a date ends (its second end, for a span); undefined for a partial date. */
export function endOf(date: DateMention): DatePoint | undefined {
  if (!date.to) return undefined;
  return { interval: date.to, resolution: date.toResolution, calendar: date.calendar, text: date.toText };
}

/**
 * Whether two date ends can be put in order: both on the calendar with a year (or both counted
 * from the plan's start), and given at the same precision.
 */
export function comparable(a: DatePoint, b: DatePoint): boolean {
  return a.calendar !== 'partial' && a.calendar === b.calendar && a.resolution === b.resolution;
}

/** True when `a`'s whole period lies before `b`'s ("week 5" is before "week 6"; "Q1" is not before "Q1"). */
export function isBefore(a: DatePoint, b: DatePoint): boolean {
  return a.interval.last < b.interval.first;
}
