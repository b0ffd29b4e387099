/**
 * Whether text puts a number on something: an amount of money, a count, a percentage, or a
 * period. "Three engineers for 4 months" and "a $200K credit pool" are quantified; "we will
 * dedicate engineering resources" is not.
 */

const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'hundred', 'thousand', 'million', 'billion',
  'half', 'dozen', 'quarter',
];
const NUMBER_WORD = new RegExp(`\\b(?:${NUMBER_WORDS.join('|')})\\b`, 'i');
/** Digits that measure something — not a heading number like "Phase 1" or "Q3" on its own. */
const DIGITS = /(?:[$€£¥]\s?\d|\d[\d,.]*\s*(?:%|k\b|m\b|mm\b|bn\b|x\b)|\d)/i;
/** Periods that bound a commitment in time even without digits. */
const PERIOD_WORDS = /\b(?:per|each|every|a)\s+(?:week|month|quarter|year|sprint)\b|\b(?:weekly|monthly|quarterly|annually|annual|yearly|biweekly|fortnightly)\b/i;

export function hasQuantity(text: string): boolean {
  return DIGITS.test(text) || NUMBER_WORD.test(text) || PERIOD_WORDS.test(text);
}

/** True when text names a number that is a target (a digit, a percentage, an amount). */
export function hasNumber(text: string): boolean {
  return DIGITS.test(text) || NUMBER_WORD.test(text);
}
