import { findPhrases, patternBody, phraseMatcher, scanMatches } from './vocabulary';
import { commonPrefixLength, commonSuffixLength } from './text-diff';

/**
 * Finding a vocabulary list in the next version of a long text (the whole masked charter) by
 * scanning again only around the change. The answer is exactly `findPhrases(text, phrases)`.
 *
 * It is only done for lists of plain phrases (no `/pattern/` entries), whose regular expression
 * PartnerLint builds itself: `(?<![\p{L}\p{N}_])(?:w1[\s-]+w2|…)(?![\p{L}\p{N}_])`, each word
 * free of white space and hyphens. How far such a pattern reads from where a match is tried is
 * known:
 * - backwards, one code point (the look-behind): at most 2 UTF-16 units;
 * - forwards, through at most `k` "tokens" (runs of characters that are neither white space nor
 *   `-`), `k` being the most words a phrase has, plus one code point (the mismatch or the
 *   look-ahead): a word only matches characters of one token (case folding never turns a letter
 *   into a space or a hyphen), and `[\s-]+` only spans the run between two tokens.
 * A global scan only ever depends on where it stands (`lastIndex`), so:
 * - matches tried before a point `r` whose reach ends before the change are the old ones;
 * - once the scan stands at least 2 units into the unchanged tail, and no old match spans the
 *   corresponding old position, the rest is the old matches, moved by the length difference.
 * In between, the new text is scanned (on a copy cut where nothing tried before the tail can
 * read past it).
 */

export type PhraseMatch = { text: string; start: number; end: number };

/** A list's matches in one version of a text, kept for the next version. */
export interface PhraseScan {
  readonly text: string;
  readonly phrases: readonly string[];
  readonly matches: readonly PhraseMatch[];
}

const SEPARATOR = /[\s-]/;

/** The most words a phrase of `phrases` has, or undefined when the list has a `/pattern/` entry. */
const wordCounts = new WeakMap<readonly string[], number | undefined>();
function maxWords(phrases: readonly string[]): number | undefined {
  if (wordCounts.has(phrases)) return wordCounts.get(phrases);
  let most: number | undefined = 1;
  for (const phrase of phrases) {
    if (patternBody(phrase) !== undefined) {
      most = undefined;
      break;
    }
    most = Math.max(most, phrase.trim().split(/[\s-]+/).length);
  }
  wordCounts.set(phrases, most);
  return most;
}

function isSeparator(text: string, i: number): boolean {
  return SEPARATOR.test(text[i]!);
}

/**
 * The start of a token such that `count` whole tokens starting there end at or before `before`
 * (0 when the text has fewer).
 */
function tokensBack(text: string, before: number, count: number): number {
  let i = Math.max(0, Math.min(before, text.length));
  // A token cut by `before` is not whole: step back over it.
  if (i < text.length && i > 0 && !isSeparator(text, i) && !isSeparator(text, i - 1)) {
    while (i > 0 && !isSeparator(text, i - 1)) i--;
  }
  for (let n = 0; n < count; n++) {
    while (i > 0 && isSeparator(text, i - 1)) i--;
    if (i === 0) return 0;
    while (i > 0 && !isSeparator(text, i - 1)) i--;
  }
  return i;
}

/** The end of the `count`-th token at or after `from` (the token holding `from` counts first). */
function tokensForward(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count; n++) {
    while (i < text.length && isSeparator(text, i)) i++;
    while (i < text.length && !isSeparator(text, i)) i++;
  }
  return i;
}

/** How two texts differ: the lengths of their common start and of their common end (not overlapping). */
export interface TextDifference {
  prefix: number;
  suffix: number;
}

export function textDifference(old: string, text: string): TextDifference {
  const prefix = commonPrefixLength(old, text);
  return { prefix, suffix: commonSuffixLength(old, text, prefix) };
}

/**
 * `findPhrases(text, phrases)`, reusing `previous` (the same list, by identity, found in an
 * earlier version of the text) where it can. `difference` is `textDifference(previous.text,
 * text)`, when the caller has it already.
 */
export function findPhrasesAgain(
  previous: PhraseScan | undefined, text: string, phrases: readonly string[], difference?: TextDifference,
): PhraseMatch[] {
  const k = maxWords(phrases);
  if (!previous || k === undefined || previous.phrases !== phrases) return findPhrases(text, phrases);
  const old = previous.text;
  const copy = (m: PhraseMatch, by = 0): PhraseMatch => ({ text: m.text, start: m.start + by, end: m.end + by });
  if (old === text) return previous.matches.map((m) => copy(m));
  const { prefix, suffix } = difference ?? textDifference(old, text);
  const delta = text.length - old.length;

  // Before the change: matches tried before `restartAt` read nothing past `prefix`.
  const restartAt = tokensBack(text, prefix - 2, k);
  const kept: PhraseMatch[] = [];
  let lastIndex = 0;
  for (const m of previous.matches) {
    if (m.start >= restartAt) break;
    kept.push(copy(m));
    lastIndex = m.end;
  }
  lastIndex = Math.max(lastIndex, restartAt);

  // From the first position whose look-behind stays in the unchanged tail, the old scan holds.
  const tailFrom = text.length - suffix + 2;
  const reusable = tailFrom < text.length;
  const cut = reusable ? Math.min(text.length, tokensForward(text, tailFrom, k) + 2) : text.length;
  const scanned = cut === text.length ? text : text.slice(0, cut);
  const regexMatches = findPhrasesFrom(scanned, phrases, lastIndex);
  let end = lastIndex;
  for (const m of regexMatches) {
    if (reusable && m.start >= tailFrom) break;
    kept.push(m);
    end = m.end;
  }
  if (!reusable) return kept;
  const resume = Math.max(end, tailFrom);
  const oldResume = resume - delta;
  for (const m of previous.matches) {
    // An old match across the resumption point: the old scan never stood there. Start over.
    if (m.start < oldResume && m.end > oldResume) return findPhrases(text, phrases);
    if (m.start >= oldResume) kept.push(copy(m, delta));
  }
  return kept;
}

/** `findPhrases(text, phrases)` restricted to the scan from `from` on (matches starting before it are not looked for). */
function findPhrasesFrom(text: string, phrases: readonly string[], from: number): PhraseMatch[] {
  if (from <= 0) return findPhrases(text, phrases);
  return scanMatches(phraseMatcher(phrases), text, from);
}

/** A list's plain phrases and its `/pattern/` entries, each kept in order, as two lists. */
interface SplitList {
  plain: readonly string[];
  patterns: readonly string[];
}

const splitLists = new WeakMap<readonly string[], SplitList | null>();

/** The two parts of a list that has both plain phrases and patterns (null for any other list). */
function splitList(phrases: readonly string[]): SplitList | null {
  let split = splitLists.get(phrases);
  if (split === undefined) {
    const plain = phrases.filter((p) => patternBody(p) === undefined);
    const patterns = phrases.filter((p) => patternBody(p) !== undefined);
    // A pattern that could match the empty string ahead of a phrase would hide it from the mixed
    // scan (empty matches are skipped, and the phrase is never tried there): keep such lists whole.
    const safe = patterns.every((p) => consumesAtOnce(patternBody(p)!));
    split = safe && plain.length > 0 && patterns.length > 0 ? { plain, patterns } : null;
    splitLists.set(phrases, split);
  }
  return split;
}

/**
 * `findPhrases(text, phrases)` for the next version of a text, where the list may have
 * `/pattern/` entries. A pattern can read any distance around a match, so the scan of a mixed
 * list cannot be resumed after an edit; but its plain part can. The plain part is found again
 * with `findPhrasesAgain` (`previous` gives the scan of the part in the earlier version, and
 * `remember` keeps this one for the next) and the patterns alone are scanned whole, which is
 * quick for a handful of patterns.
 *
 * The two parts' matches together are the mixed list's whenever no match of one overlaps a match
 * of the other. The mixed expression is the plain part's alternatives and the patterns' in some
 * order, so from any position it takes the leftmost place where either part matches, and there
 * only one part matches (or the two would overlap). By induction from the start of the text,
 * each part's scan passes the same positions as the mixed scan between the matches of the other
 * part, so both find their own matches in it. When they do overlap, the list is scanned whole.
 */
export function findMixedPhrasesAgain(
  previous: (phrases: readonly string[]) => PhraseScan | undefined,
  text: string,
  phrases: readonly string[],
  difference: TextDifference | undefined,
  remember: (phrases: readonly string[], matches: PhraseMatch[]) => void,
): PhraseMatch[] {
  const split = splitList(phrases);
  if (!split) return findPhrasesAgain(previous(phrases), text, phrases, difference);
  const plain = findPhrasesAgain(previous(split.plain), text, split.plain, difference);
  remember(split.plain, plain);
  const patterns = findPhrases(text, split.patterns);
  if (patterns.length === 0) return plain.slice();
  const merged: PhraseMatch[] = [];
  let i = 0;
  let j = 0;
  while (i < plain.length || j < patterns.length) {
    const a = plain[i];
    const b = patterns[j];
    const next = b === undefined || (a !== undefined && a.start < b.start) ? a! : b;
    const last = merged[merged.length - 1];
    if (last && next.start < last.end) return findPhrases(text, phrases);
    merged.push(next);
    if (next === a) i++;
    else j++;
  }
  return merged;
}

/**
 * Whether every match of `pattern` is at least one character long, by a conservative look at
 * its syntax: no alternation outside a group, and a first element that is a character, an
 * escape or a class, not optional (`?`, `*`, `{0,…}`). False when unsure.
 */
export function consumesAtOnce(pattern: string): boolean {
  // Alternation outside groups and classes: each branch would need the check.
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (c === '|' && depth === 0) {
      return false;
    }
  }
  // The first element.
  let end: number;
  const first = pattern[0];
  if (first === undefined || '^$()|?*+{}.'.includes(first)) return false;
  if (first === '\\') {
    const next = pattern[1];
    if (next === undefined || 'bBk0123456789'.includes(next)) return false;
    // \p{…} / \P{…}, \u{…} and \uXXXX, \xXX, \cX, or a one-letter escape.
    const braced = /^\\[pPu]\{[^}]*\}/.exec(pattern);
    end = braced ? braced[0].length : /^\\u[0-9a-fA-F]{4}/.test(pattern) ? 6 : /^\\x[0-9a-fA-F]{2}/.test(pattern) ? 4 : next === 'c' ? 3 : 2;
  } else if (first === '[') {
    let i = 1;
    if (pattern[i] === '^') i++;
    if (pattern[i] === ']') i++;
    for (; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    if (i >= pattern.length) return false;
    end = i + 1;
  } else {
    end = first.length + (/[\uD800-\uDBFF]/.test(first) ? 1 : 0);
  }
  const quantifier = pattern.slice(end);
  if (quantifier.startsWith('?') || quantifier.startsWith('*')) return false;
  const braces = /^\{(\d*)/.exec(quantifier);
  return !braces || Number(braces[1] || 0) >= 1;
}
