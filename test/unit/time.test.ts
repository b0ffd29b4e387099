import * as assert from 'node:assert/strict';
import {
  findDates, findDurations, findTimes, spanWeeks, startOf, endOf, comparable, isBefore, dayNumber, formatDay,
  type DateMention,
} from '../../src/core/time';

function one(text: string): DateMention {
  const found = findDates(text);
  assert.equal(found.length, 1, `expected one date in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((d) => d.text))}`);
  return found[0]!;
}

function days(d: DateMention): [string, string] {
  return [formatDay(d.startDay!), formatDay(d.endDay!)];
}

describe('time: dates', () => {
  it('reads ISO days and months, with offsets', () => {
    const text = 'Starts 2027-01-11, reviewed 2027-01.';
    const [day, month] = findDates(text);
    assert.equal(day!.text, '2027-01-11');
    assert.equal(text.slice(day!.start, day!.end), '2027-01-11');
    assert.equal(day!.resolution, 'day');
    assert.equal(day!.calendar, 'absolute');
    assert.deepEqual(days(day!), ['2027-01-11', '2027-01-11']);
    assert.equal(month!.resolution, 'month');
    assert.deepEqual(days(month!), ['2027-01-01', '2027-01-31']);
  });

  it('reads written-out days in both orders, with or without a comma or suffix', () => {
    for (const text of ['Jan 11, 2027', 'January 11 2027', 'Jan. 11th, 2027', '11 January 2027', '11th Jan 2027']) {
      assert.deepEqual(days(one(text)), ['2027-01-11', '2027-01-11'], text);
    }
  });

  it('reads months, quarters and halves with a year', () => {
    assert.deepEqual(days(one('January 2027')), ['2027-01-01', '2027-01-31']);
    assert.deepEqual(days(one("Feb '27")), ['2027-02-01', '2027-02-28']);
    assert.deepEqual(days(one('Q1 2027')), ['2027-01-01', '2027-03-31']);
    assert.deepEqual(days(one('2027 Q2')), ['2027-04-01', '2027-06-30']);
    assert.deepEqual(days(one('2027-Q3')), ['2027-07-01', '2027-09-30']);
    assert.deepEqual(days(one("Q4 '27")), ['2027-10-01', '2027-12-31']);
    assert.deepEqual(days(one('H1 2027')), ['2027-01-01', '2027-06-30']);
    assert.deepEqual(days(one('2027 H2')), ['2027-07-01', '2027-12-31']);
    assert.deepEqual(days(one('second half of 2027')), ['2027-07-01', '2027-12-31']);
    assert.equal(one('Q1 2027').resolution, 'quarter');
    assert.equal(one('H1 2027').resolution, 'half');
  });

  it('keeps a quarter or month without a year as a partial date that cannot be placed', () => {
    const q = one('launch the integration with all customers in Q2.');
    assert.equal(q.text, 'Q2');
    assert.equal(q.calendar, 'partial');
    assert.equal(q.resolution, 'quarter');
    assert.equal(q.startDay, undefined);
    assert.equal(startOf(q), undefined);
    assert.equal(one('Walk starts in March.').calendar, 'partial');
    assert.equal(one('Q1 FY27').calendar, 'partial');
  });

  it('reads plan weeks and plan days, counted from the plan start', () => {
    const w = one('Crawl (week 3)');
    assert.equal(w.resolution, 'plan-week');
    assert.equal(w.calendar, 'plan');
    assert.deepEqual([w.startDay, w.endDay], [14, 20]);
    const span = one('Crawl (weeks 1-6)');
    assert.equal(span.span, true);
    assert.deepEqual([span.startDay, span.endDay], [0, 41]);
    assert.equal(spanWeeks(span), 6);
    assert.equal(endOf(span)!.text, 'week 6');
    assert.equal(one('week 1 to week 6').span, true);
    assert.equal(one('days 1-45').resolution, 'plan-day');
  });

  it('joins two dates into a span, with any dash or "to", and fills in a missing year', () => {
    for (const text of ['2027-01-11 to 2027-02-26', '2027-01-11 – 2027-02-26', 'Jan 11 → Feb 26, 2027', '2027-01-11 - 2027-02-26', '2027-01-11—2027-02-26', 'Jan 11 – Feb 26, 2027', 'from 11 January 2027 until 26 February 2027']) {
      const d = one(text);
      assert.equal(d.span, true, text);
      assert.deepEqual(days(d), ['2027-01-11', '2027-02-26'], text);
      assert.equal(spanWeeks(d), 47 / 7, text);
    }
    const quarters = one('Q1–Q2 2027');
    assert.deepEqual(days(quarters), ['2027-01-01', '2027-06-30']);
    assert.equal(quarters.fromText, 'Q1');
    assert.equal(quarters.toText, 'Q2 2027');
    assert.equal(spanWeeks(quarters), undefined, 'a span of quarters has no exact length');
    assert.deepEqual(days(one('January to March 2027')), ['2027-01-01', '2027-03-31']);
    assert.deepEqual(days(one('Nov 2026 to Feb 2027')), ['2026-11-01', '2027-02-28']);
    assert.deepEqual(days(one('between 2027-01-11 and 2027-02-26')), ['2027-01-11', '2027-02-26']);
  });

  it('does not join dates that run backwards or are merely listed', () => {
    assert.equal(findDates('2027-03-01 to 2027-01-01').length, 2);
    assert.equal(findDates('2027-01-11 and 2027-02-26').length, 2);
    assert.equal(findDates('2027-01-11, 2027-02-26').length, 2);
  });

  it('notes whether a single date opens or closes a period', () => {
    assert.equal(one('from 2027-06-07, ongoing').bound, 'start');
    assert.equal(one('starting Jan 11, 2027').bound, 'start');
    assert.equal(one('complete by 2027-02-26').bound, 'end');
    assert.equal(one('until March 2027').bound, 'end');
    assert.equal(one('in Q2 2027').bound, undefined);
  });

  it('does not read ordinary words and numbers as dates', () => {
    for (const text of [
      'May require more engineering time.',
      'We march on; the marketplace listing is live.',
      'Jan will own the pilot.',
      '2 pilot customers and 5-10 additional customers',
      'A $2027 budget line and 2027 seats.',
      'Revenue grew 20% quarter over quarter.',
      'Use an H1 heading for the title.',
      'Version 2027-99 of the API.',
    ]) {
      assert.deepEqual(findDates(text).map((d) => d.text), [], text);
    }
  });

  it('reads a year on its own only after a word that makes it a date', () => {
    assert.equal(one('Full rollout in 2027.').resolution, 'year');
    assert.deepEqual(findDates('2027 customers'), []);
  });

  it('puts ends in order only when they are comparable', () => {
    const crawl = one('2027-01-11 to 2027-02-26');
    const walk = one('2027-02-15 to 2027-05-28');
    assert.ok(comparable(startOf(walk)!, endOf(crawl)!));
    assert.ok(isBefore(startOf(walk)!, endOf(crawl)!));
    assert.ok(!isBefore(endOf(crawl)!, startOf(walk)!));
    const q1 = one('Q1 2027');
    assert.ok(!comparable(startOf(q1)!, endOf(crawl)!), 'a quarter and a day are not compared');
    assert.ok(!isBefore(startOf(q1)!, endOf(q1)!), 'Q1 is not before Q1');
    assert.ok(!comparable(startOf(one('week 5'))!, endOf(crawl)!));
  });

  it('counts days since 1970 in UTC', () => {
    assert.equal(dayNumber(1970, 1, 1), 0);
    assert.equal(formatDay(dayNumber(2028, 2, 29)), '2028-02-29');
    assert.deepEqual(findDates('2027-02-29'), [], 'not a real day');
  });
});

describe('time: durations', () => {
  function weeks(text: string): [number, number] {
    const found = findDurations(text);
    assert.equal(found.length, 1, `expected one duration in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((d) => d.text))}`);
    return [Math.round(found[0]!.minWeeks * 100) / 100, Math.round(found[0]!.maxWeeks * 100) / 100];
  }

  it('reads weeks, ranges and written numbers', () => {
    assert.deepEqual(weeks('4 weeks'), [4, 4]);
    assert.deepEqual(weeks('6-8 weeks'), [6, 8]);
    assert.deepEqual(weeks('4–8 weeks'), [4, 8]);
    assert.deepEqual(weeks('6 to 8 weeks'), [6, 8]);
    assert.deepEqual(weeks('six weeks'), [6, 6]);
    assert.deepEqual(weeks('6wks'), [6, 6]);
    assert.deepEqual(weeks('a 6-week pilot'), [6, 6]);
    assert.deepEqual(weeks('a 6–8-week pilot'), [6, 8]);
  });

  it('reads months, quarters, years and days as a least and a most number of weeks', () => {
    assert.deepEqual(weeks('3 months'), [12, 13.29]);
    assert.deepEqual(weeks('two months'), [8, 8.86]);
    assert.deepEqual(weeks('1 quarter'), [12, 13.14]);
    assert.deepEqual(weeks('a quarter'), [12, 13.14]);
    assert.deepEqual(weeks('90 days'), [12.86, 12.86]);
    assert.deepEqual(weeks('10 business days'), [2, 2]);
    assert.deepEqual(weeks('1 year'), [52, 52.29]);
  });

  it('marks open-ended durations', () => {
    const [d] = findDurations('Run (6-12 months ongoing)');
    assert.equal(d!.text, '6-12 months');
    assert.equal(d!.ongoing, true);
    assert.equal(findDurations('6+ months')[0]!.maxWeeks, Infinity);
    assert.equal(findDurations('4 weeks')[0]!.ongoing, false);
  });

  it('marks durations measured from another event as relative', () => {
    for (const text of ['within 2 weeks of launch', '4 weeks after go-live', 'in 6 weeks', 'for the first 30 days', "60 days' notice"]) {
      const [d] = findDurations(text);
      assert.equal(d?.relative, true, text);
    }
    assert.equal(findDurations('Crawl (6 weeks)')[0]!.relative, false);
  });

  it('leaves cadences and shares out', () => {
    for (const text of ['every 2 weeks', 'once a month', 'twice a quarter', '3 times a week', 'a quarter of pilot customers', 'each quarter', 'several weeks']) {
      assert.deepEqual(findDurations(text).map((d) => d.text), [], text);
    }
  });

  it('keeps dates and durations apart in findTimes', () => {
    const text = 'Crawl (2027-01-11 to 2027-02-26, 7 weeks), then weeks 8-19; 6-12 months ongoing';
    assert.deepEqual(findTimes(text).map((t) => `${t.type}:${t.text}`), [
      'date:2027-01-11 to 2027-02-26',
      'duration:7 weeks',
      'date:weeks 8-19',
      'duration:6-12 months',
    ]);
  });
});
