import { findPhrases } from '../core/vocabulary';
import { commonPrefixLength, commonSuffixLength } from '../core/text-diff';
import type { Span } from './commitments';

/**
 * The masked copy of a charter that the commitment rules read (see commitments.ts): the same
 * length as the text, with Markdown syntax, HTML comments, code, link targets and placeholders
 * blanked out, so an offset found in it is an offset in the document.
 *
 * A document is masked chunk by chunk: a chunk ends where a blank line starts (outside an HTML
 * comment), so nothing masked reaches across a blank line except a comment. Markdown itself never
 * carries code spans, links or emphasis across a blank line, and this makes the mask of an
 * unchanged chunk independent of the rest: after an edit, `maskDocumentAgain` masks only the
 * chunks the edit touched and keeps the previous version's mask of the others, and its answer is
 * exactly `maskDocument`'s.
 */

/** A version of a document and its mask. */
export interface MaskedText {
  readonly text: string;
  readonly masked: string;
}

/** The mask of a whole document. */
export function maskDocument(text: string, placeholders: readonly string[]): string {
  return maskChunks(text, 0, text.length, commentSpans(text), placeholders);
}

/**
 * The mask of `text`, from the mask of an earlier version of it: the chunks before and after the
 * change are taken from `previous.masked`, only the ones between are masked. Equals
 * `maskDocument(text, placeholders)` whenever `previous` was masked with the same placeholders.
 */
export function maskDocumentAgain(previous: MaskedText, text: string, placeholders: readonly string[]): string {
  return remask(previous, text, placeholders).masked;
}

/** What `remask` did: the new mask, and where the texts and their masks differ. */
export interface Remask {
  masked: string;
  /** The stretch of the new text that was masked again: [from, to). The mask is the previous one shifted outside it. */
  from: number;
  to: number;
  /** How many characters the two texts share at their start, and (after that) at their end. */
  prefix: number;
  suffix: number;
}

/** `maskDocumentAgain`, saying what it did. */
export function remask(previous: MaskedText, text: string, placeholders: readonly string[]): Remask {
  const old = previous.text;
  // Nothing changed: nothing masked again (an empty stretch at the end).
  if (old === text) return { masked: previous.masked, from: text.length, to: text.length, prefix: text.length, suffix: 0 };
  const prefix = commonPrefixLength(old, text);
  const suffix = commonSuffixLength(old, text, prefix);
  const delta = text.length - old.length;
  const comments = commentSpans(text);
  const oldComments = commentSpans(old);
  // Where to start: a chunk boundary whose blank line, up to its line break, is unchanged, and
  // which no comment spans in either version (then every chunk before it is unchanged).
  let from = lineStartOf(text, Math.min(prefix, text.length));
  while (from > 0 && !(lineEndOf(text, from) < prefix && isBoundary(text, from, comments) && !insideSpan(oldComments, from))) {
    from = lineStartOf(text, from - 1);
  }
  // Where to stop: a chunk boundary in the unchanged end, line break before it included.
  const changeEnd = text.length - suffix;
  let to = text.length;
  for (let line = lineStartOf(text, changeEnd); line >= 0 && line < text.length; line = nextLineStart(text, line)) {
    if (line - 1 >= changeEnd && isBoundary(text, line, comments) && !insideSpan(oldComments, line - delta)) {
      to = line;
      break;
    }
  }
  const masked = previous.masked.slice(0, from) + maskChunks(text, from, to, comments, placeholders) + previous.masked.slice(to - delta);
  return { masked, from, to, prefix, suffix };
}

/** The mask of text[from, to), where both are chunk boundaries (or the text's ends), chunk by chunk. */
function maskChunks(text: string, from: number, to: number, comments: readonly Span[], placeholders: readonly string[]): string {
  let out = '';
  let chunk = from;
  for (let line = nextLineStart(text, from); line >= 0 && line < to; line = nextLineStart(text, line)) {
    if (isBoundary(text, line, comments)) {
      out += maskMarkdown(text.slice(chunk, line), placeholders);
      chunk = line;
    }
  }
  return chunk < to ? out + maskMarkdown(text.slice(chunk, to), placeholders) : out;
}

/** Whether a chunk starts at the line starting at `line`: a blank line, not inside an HTML comment. */
function isBoundary(text: string, line: number, comments: readonly Span[]): boolean {
  const end = lineEndOf(text, line);
  for (let k = line; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return !insideSpan(comments, line);
}

/** The HTML comments of `text` (as maskMarkdown finds them). */
function commentSpans(text: string): Span[] {
  return text.includes('<!--') ? commentMatches(text) : [];
}

/** Whether `offset` lies strictly inside one of `spans` (sorted, not overlapping). */
function insideSpan(spans: readonly Span[], offset: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low < spans.length && spans[low]!.start < offset;
}

/** Where the line starting at `line` ends: its line break, or the end of the text. */
function lineEndOf(text: string, line: number): number {
  let k = line;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x0d) break;
    k++;
  }
  return k;
}

/** The start of the line after the one starting at `line`, or -1 when it is the last. */
function nextLineStart(text: string, line: number): number {
  const end = lineEndOf(text, line);
  if (end >= text.length) return -1;
  return text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
}

/** The start of the line holding `offset` (a line break belongs to the line it ends). */
function lineStartOf(text: string, offset: number): number {
  let k = offset;
  while (k > 0) {
    const c = text.charCodeAt(k - 1);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(k) !== 0x0a)) break;
    k--;
  }
  return k;
}

/**
 * A same-length copy of `text` that keeps only prose: HTML comments, code, images, link
 * targets, `[placeholders]`, the vocabulary's placeholders and Markdown markers become spaces
 * (line breaks stay). Documents are masked a chunk at a time (`maskDocument`).
 */
export function maskMarkdown(text: string, placeholders: readonly string[]): string {
  // Blank lines between chunks: only their line breaks stay.
  if (!/[^ \t\r\n]/.test(text)) return blankOut(text);
  // Each pattern runs on the result of the ones before it, all of its matches on the same text.
  let current = text;
  const apply = (regex: RegExp, keep?: (m: string, group: string) => Span) => {
    current = current.replace(regex, (m: string, group: unknown) => {
      if (!keep) return blankOut(m);
      const kept = keep(m, group as string);
      return blankOut(m.slice(0, kept.start)) + m.slice(kept.start, kept.end) + blankOut(m.slice(kept.end));
    });
  };
  // The same, for matches found by a scanner (`keep`: what stays, relative to the match).
  const applyMatches = (matches: ReadonlyArray<Span & { keep?: Span }>) => {
    if (matches.length === 0) return;
    const parts: string[] = [];
    let at = 0;
    for (const m of matches) {
      const keepStart = m.start + (m.keep?.start ?? 0);
      const keepEnd = m.keep ? m.start + m.keep.end : m.start;
      parts.push(current.slice(at, m.start), blankOut(current.slice(m.start, keepStart)), current.slice(keepStart, keepEnd), blankOut(current.slice(keepEnd, m.end)));
      at = m.end;
    }
    parts.push(current.slice(at));
    current = parts.join('');
  };
  // The patterns that can fail after a long scan (an unclosed comment, bracket or autolink) are
  // found by linear scanners (see below); as regular expressions they are
  //   /<!--[\s\S]*?-->/g, /!\[[^\]\r\n]*\]\([^)\r\n]*\)/g, /<(?:https?:|mailto:)[^>\s]*>/g,
  //   /\[([^\]\r\n]*)\](?:\([^)\r\n]*\)|\[[^\]\r\n]*\])/g and
  //   /(?<!^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[[^\]\r\n]*\]/gm,
  // which took quadratic time on a line of a thousand `[` or `<!--` without a closing mark.
  applyMatches(commentMatches(current));
  apply(/`+[^`\r\n]*`+/g);
  applyMatches(bracketMatches(current, 'image'));
  applyMatches(autolinkMatches(current));
  apply(/<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g);
  // Links keep their text: [text](url) and [text][ref].
  applyMatches(bracketMatches(current, 'link'));
  // What is left in square brackets is a prompt to fill in (task boxes are list markers, below).
  applyMatches(bracketMatches(current, 'prompt'));
  apply(/^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?/gm);
  apply(/^[ \t]*#{1,6}[ \t]/gm);
  apply(/\\(?=\S)|[*~|]|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu);
  const found = findPhrases(current, placeholders);
  if (found.length === 0) return current;
  // Placeholder matches may overlap (a pattern entry and a word); blank their union.
  let out = '';
  let at = 0;
  for (const p of found) {
    const start = Math.max(at, p.start);
    if (p.end <= start) continue;
    out += current.slice(at, start) + blankOut(current.slice(start, p.end));
    at = p.end;
  }
  return out + current.slice(at);
}

/** `text` with every character but line breaks turned into a space (UTF-16 units one for one). */
function blankOut(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/**
 * `html` with its comments blanked (spaces, so offsets hold), in linear time; a comment that is
 * never closed runs to the end, as it does for a Markdown reader.
 */
export function blankComments(html: string): string {
  if (!html.includes('<!--')) return html;
  let out = '';
  let at = 0;
  for (let open = html.indexOf('<!--'); open >= 0; open = html.indexOf('<!--', at)) {
    const close = html.indexOf('-->', open + 4);
    const end = close < 0 ? html.length : close + 3;
    out += html.slice(at, open) + ' '.repeat(end - open);
    at = end;
  }
  return out + html.slice(at);
}

/** The matches of /<!--[\s\S]*?-->/g, in linear time. */
export function commentMatches(text: string): Span[] {
  const out: Span[] = [];
  for (let from = 0; ;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    // No closing mark after this opening, so none after any later one either.
    if (close < 0) break;
    out.push({ start: open, end: close + 3 });
    from = close + 3;
  }
  return out;
}

/** The matches of /<(?:https?:|mailto:)[^>\s]*>/g, in linear time. */
export function autolinkMatches(text: string): Span[] {
  const out: Span[] = [];
  const opener = /<(?:https?:|mailto:)/g;
  const stop = /[>\s]/g;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    stop.lastIndex = m.index + m[0].length;
    const end = stop.exec(text);
    if (end && end[0] === '>') {
      out.push({ start: m.index, end: end.index + 1 });
      opener.lastIndex = end.index + 1;
    } else {
      // White space (or the end) comes first: every opener before it fails the same way.
      if (!end) break;
      opener.lastIndex = end.index;
    }
  }
  return out;
}

/**
 * For each offset, where the first `close` character at or after it is, or -1 when a line break
 * (or the end of the text) comes first: what `[^<close>\r\n]*<close>` reaches from there.
 */
function closers(text: string, close: string): Int32Array {
  const at = new Int32Array(text.length + 1);
  let next = -1;
  at[text.length] = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === close) next = i;
    else if (c === '\n' || c === '\r') next = -1;
    at[i] = next;
  }
  return at;
}

/** True when `[` at `offset` opens a task box: only a list marker and blanks before it on its line. */
function afterListMarker(text: string, offset: number): boolean {
  // The look-behind (?<!^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+), read backwards; ^ is any line start.
  let i = offset;
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  if (!blank(text[i - 1])) return false;
  while (blank(text[i - 1])) i--;
  const marker = text[i - 1];
  if (marker === '-' || marker === '*' || marker === '+') {
    i--;
  } else if (marker === '.' || marker === ')') {
    let digits = 0;
    while (digits < 10 && /\d/.test(text[i - 2 - digits] ?? '')) digits++;
    if (digits < 1 || digits > 9) return false;
    i -= 1 + digits;
  } else {
    return false;
  }
  while (blank(text[i - 1])) i--;
  return i === 0 || /[\n\r\u2028\u2029]/.test(text[i - 1]!);
}

/**
 * The matches, in linear time, of the bracket patterns of `maskMarkdown`:
 * - `image`: /!\[[^\]\r\n]*\]\([^)\r\n]*\)/g
 * - `link`: /\[([^\]\r\n]*)\](?:\([^)\r\n]*\)|\[[^\]\r\n]*\])/g, keeping the link text
 * - `prompt`: /(?<!^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[[^\]\r\n]*\]/gm
 * A bracket opened at `[` can only close at the first `]` after it on its line, so every opening
 * before the same `]` shares its fate; as regular expressions they re-scanned that stretch from
 * each `[`.
 */
export function bracketMatches(text: string, kind: 'image' | 'link' | 'prompt'): Array<Span & { keep?: Span }> {
  const out: Array<Span & { keep?: Span }> = [];
  if (!text.includes('[')) return out;
  const square = closers(text, ']');
  const round = kind === 'prompt' ? undefined : closers(text, ')');
  /** Where the suffix after the `]` at `close` ends (exclusive), or -1. */
  const suffixEnd = (close: number): number => {
    const next = text[close + 1];
    if (next === '(') {
      const end = round![close + 2] ?? -1;
      return end < 0 ? -1 : end + 1;
    }
    if (next === '[' && kind === 'link') {
      const end = square[close + 2] ?? -1;
      return end < 0 ? -1 : end + 1;
    }
    return -1;
  };
  for (let i = 0; i < text.length; i++) {
    const open = kind === 'image' ? (text[i] === '!' && text[i + 1] === '[' ? i + 1 : -1) : text[i] === '[' ? i : -1;
    if (open < 0) continue;
    const close = square[open + 1] ?? -1;
    if (close < 0) continue;
    if (kind === 'prompt') {
      if (afterListMarker(text, i)) continue;
      out.push({ start: i, end: close + 1 });
      i = close;
      continue;
    }
    const end = suffixEnd(close);
    if (end < 0) continue;
    out.push(kind === 'link' ? { start: i, end, keep: { start: 1, end: close - i } } : { start: i, end });
    i = end - 1;
  }
  return out;
}