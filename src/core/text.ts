import type { Position, Range } from './types';

/**
 * Maps between string offsets and zero-based line/character positions.
 * Line breaks are `\r\n`, `\n` or a lone `\r`, the same set VS Code and micromark use.
 */
export class TextIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Offset just before the line break that ends `line` (or the end of the text). */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line] ?? this.text.length, this.lineEnd(line));
  }

  /** The range covering `line`'s text, without its line break. */
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineEnd(line) - this.lineStarts[line]! } };
  }

  /** The line break the document mostly uses, for text that fixes insert. */
  get eol(): string {
    const crlf = this.text.indexOf('\r\n');
    return crlf >= 0 && crlf === this.text.indexOf('\n') - 1 ? '\r\n' : '\n';
  }
}

/**
 * The line breaks to put before a block appended after `before`, so that exactly one blank
 * line separates them: none when `before` is empty or already ends in a blank line.
 */
export function blankLineBefore(before: string, eol: string): string {
  if (before.trim() === '') return '';
  const tail = /(?:[ \t]*(?:\r\n|\r|\n))*$/.exec(before)![0];
  const breaks = tail.match(/\r\n|\r|\n/g)?.length ?? 0;
  return breaks >= 2 ? '' : breaks === 1 ? eol : eol + eol;
}

/**
 * Whether a UTF-16 code unit is white space as `\s` reads it in a regular expression. For scans
 * that step through a text: `/\s/.test(text[i])` makes a string of each character it reads.
 */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
