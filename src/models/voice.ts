import type { CharterText } from './commitments';

/**
 * Who a document is written for, and in what script, as far as the absence rules need to know.
 *
 * A page written to prospective partners ("why become a partner", "grow your business") presents
 * a program; what ends a partnership lives in the agreement the partner signs, and the page is not
 * the place a reviewer looks for it. An internal plan speaks of partners in the third person.
 *
 * The word lists are English: where most of the letters are in another script, the absence of an
 * English word says nothing, and rules that report an absence stay silent.
 */
export interface DocumentVoice {
  /** "you" and "your" are frequent: the text addresses the reader (a prospective partner, a community). */
  readonly addressesReader: boolean;
  /** Most letters of the prose are Latin, so English word lists can be trusted to read it. */
  readonly latinScript: boolean;
}

const SECOND_PERSON = /\b(?:you|your|yours|yourself|you're|you'll|you've)\b/gi;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/** At least this many second-person words, and at least one per `PER_WORDS` words of prose. */
const MIN_SECOND_PERSON = 5;
const PER_WORDS = 200;

/** The voice of the document's prose (its text items: no code, front matter or HTML). */
export function readVoice(text: CharterText): DocumentVoice {
  let words = 0;
  let you = 0;
  let letters = 0;
  let latin = 0;
  for (const item of text.items) {
    const c = itemCounts(item.text);
    words += c[0];
    you += c[1];
    letters += c[2];
    latin += c[3];
  }
  return {
    addressesReader: you >= MIN_SECOND_PERSON && you * PER_WORDS >= words,
    latinScript: letters === 0 || latin * 2 >= letters,
  };
}

/**
 * Words, second-person words, letters and Latin letters of one item's text, kept per text: an
 * edit changes a few items, and the next version's reading counts only those again.
 */
const counted = new Map<string, readonly [number, number, number, number]>();
const COUNTED_LIMIT = 20000;

function itemCounts(text: string): readonly [number, number, number, number] {
  let found = counted.get(text);
  if (!found) {
    const [letters, latin] = letterCounts(text);
    found = [count(text, WORD), count(text, SECOND_PERSON), letters, latin];
    if (counted.size >= COUNTED_LIMIT) counted.clear();
    counted.set(text, found);
  }
  return found;
}

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/** Letters in `text`, and how many of them are Latin (ASCII letters without a regular expression). */
function letterCounts(text: string): [number, number] {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letters++;
      latin++;
    } else if (c >= 0xc0) {
      const ch = text[i]!;
      if (LETTER.test(ch)) {
        letters++;
        if (LATIN.test(ch)) latin++;
      }
    }
  }
  return [letters, latin];
}
