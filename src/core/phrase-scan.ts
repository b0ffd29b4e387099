import { findPhrases, phraseMatcher, scanMatches } from './vocabulary';

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

const RAW_ENTRY = /^\/(.+)\/$/s;
const SEPARATOR = /[\s-]/;

/** The most words a phrase of `phrases` has, or undefined when the list has a `/pattern/` entry. */
const wordCounts = new WeakMap<readonly string[], number | undefined>();
function maxWords(phrases: readonly string[]): number | undefined {
  if (wordCounts.has(phrases)) return wordCounts.get(phrases);
  let most: number | undefined = 1;
  for (const phrase of phrases) {
    if (RAW_ENTRY.test(phrase)) {
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
  const shortest = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < shortest && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
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
