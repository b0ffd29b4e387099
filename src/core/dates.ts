/**
 * Calendar dates as people write them in charters and sign-off blocks: `2026-12-01`,
 * `2026/12/01`, `12/01/2026`, `01.12.2026`, `1 Dec 2026`, `1st of December 2026`,
 * `December 1, 2026`, `Dec. 1 2026` and, less precise, `December 2026`.
 * Quarters (`Q3 2027`) and bare years are not dates.
 */

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d{2}';

const DATE_FORMS = [
  `${YEAR}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01])`,
  `${YEAR}/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\\d|3[01])`,
  `(?:0?[1-9]|[12]\\d|3[01])[/.](?:0?[1-9]|[12]\\d|3[01])[/.](?:${YEAR}|\\d{2})`,
  `${DAY}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+${YEAR}`,
  `${MONTH}\\.?\\s+${DAY},?\\s+${YEAR}`,
  `${MONTH}\\.?\\s+${YEAR}`,
];

const DATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${DATE_FORMS.join('|')})(?![\\p{L}\\p{N}])`, 'giu');

export interface DateMatch {
  text: string;
  start: number;
  end: number;
}

/** Every date written in `text`, with offsets relative to `text`, left to right. */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function hasDate(text: string): boolean {
  return findDates(text).length > 0;
}
