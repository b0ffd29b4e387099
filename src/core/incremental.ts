import type { Nodes, Root, RootContent } from 'mdast';
import { estimateNesting, isCut, lineBreaks, parseMarkdown, shift, syntaxFeatures } from './parse';
import { changedChunks, commonEnds, costRefusal, documentCost, nestingRefusal, parseCost, readingOf, sizeRefusal, tooCostly, type GuardLimits, type ParseCost, type Reading, type Refusal } from './guard';
import { lintWithSteps, type LintResult } from './engine';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import type { Rule } from './rule';
import { linkVersions, type StrategyDocument } from './document';
import { commonPrefixLength, commonSuffixLength } from './text-diff';

/**
 * Incremental parsing for the editor: after an edit, only the top-level blocks around the change
 * are parsed again; the blocks before it are kept as they are and the blocks after it are kept
 * with their positions shifted. The result is the tree a fresh parse of the new text gives,
 * positions included (test/unit/incremental.test.ts checks this on thousands of random edits);
 * whenever that cannot be guaranteed cheaply, the whole text is parsed again.
 *
 * Why it is exact. A Markdown document is read line by line; at a line that follows a blank line,
 * starts at column 0 with something other than white space, and where the block before it has
 * ended (a blank line ends a paragraph, table, block quote or an HTML block of the kinds a blank
 * line ends; a closed fence or HTML comment has ended by definition; a list only stays open for
 * indented lines or another item, which is why a list marker right after a list does not count),
 * nothing from above reaches below: parsing the text from that line on gives the same blocks as
 * the whole parse gives there. Such a line is a "cut". Cuts are only taken at the starts of
 * top-level blocks of the previous tree, checked in the old text and in the new one, so that
 *
 *   parse(new) = parse(new[0, a)) ++ parse(new[a, b)) ++ parse(new[b, end))
 *
 * where new[0, a) and new[b, end) are old text, unchanged, whose blocks are the old ones. Whether
 * the cut at b holds depends on the last block of the re-parsed window (a fence opened in it runs
 * to the end of the window, so code and HTML blocks there never count as ended), so it is checked
 * after the window is parsed, and the window is widened when it does not hold.
 *
 * The exceptions that are global to a document: link reference and footnote definitions (a
 * `[label]` anywhere may refer to one anywhere), and front matter (only at the very start). A
 * document with definitions, or an edit that reaches the front matter, is parsed whole.
 */

/** What an incremental parse keeps of a version of a document: its text and its tree. */
export interface ParsedText {
  readonly text: string;
  readonly root: Root;
  /** Whether the tree holds a link reference or footnote definition (they make parsing global). */
  readonly hasDefinitions: boolean;
}

export type ReparseMode = 'unchanged' | 'incremental' | 'full';

export interface Reparse extends ParsedText {
  mode: ReparseMode;
  /** Why the whole text was parsed, when it was. */
  reason?: string;
  /** The range of the new text that was parsed, when only part of it was. */
  window?: { start: number; end: number };
}

export interface ReparseOptions {
  /** Parse the whole text when the window to parse again is larger than this share of it. */
  maxWindowShare?: number;
  /** How many times the window may be widened at its end before the whole text is parsed. */
  maxWidenings?: number;
}

const DEFAULT_MAX_WINDOW_SHARE = 0.5;
const DEFAULT_MAX_WIDENINGS = 4;

/** Parses `text` whole. */
export function parseWhole(text: string, reason?: string): Reparse {
  const root = parseMarkdown(text);
  return { text, root, hasDefinitions: treeHasDefinitions(root.children, text), mode: 'full', reason };
}

/**
 * The tree of `text`, reusing `previous` (the tree of an earlier version of the same document)
 * where the text did not change. `previous` is consumed: the nodes it shares with the result are
 * moved to their new positions, so its tree must not be used afterwards.
 */
export function reparse(previous: ParsedText | undefined, text: string, options: ReparseOptions = {}): Reparse {
  if (!previous) return parseWhole(text, 'no earlier version');
  const old = previous.text;
  if (old === text) return { text, root: previous.root, hasDefinitions: previous.hasDefinitions, mode: 'unchanged' };
  if (previous.hasDefinitions) return parseWhole(text, 'the document has link reference or footnote definitions');
  if (old.charCodeAt(0) === 0xfeff || text.charCodeAt(0) === 0xfeff) return parseWhole(text, 'byte order mark');
  const blocks = previous.root.children;
  const startsWithFence = (t: string) => t.startsWith('---');
  if ((startsWithFence(old) || startsWithFence(text)) && blocks[0]?.type !== 'yaml') {
    // An opening `---` without front matter could become front matter by an edit anywhere below.
    return parseWhole(text, 'an unclosed front matter fence');
  }

  // The changed stretch: old[prefix, old.length - suffix) became text[prefix, text.length - suffix).
  const prefix = commonPrefixLength(old, text);
  const suffix = commonSuffixLength(old, text, prefix);
  const delta = text.length - old.length;
  const oldChangeEnd = old.length - suffix;

  // The last block at or before the change that starts at a cut, in the old text and the new.
  let first = -1;
  for (let i = blocks.length - 1; i >= 1; i--) {
    const start = startOf(blocks[i]!);
    if (start > prefix) continue;
    if (isCut(old, start, blocks[i - 1]!) && isCut(text, start, blocks[i - 1]!)) {
      first = i;
      break;
    }
  }
  if (first < 0) return parseWhole(text, 'no block boundary before the change');
  const windowStart = startOf(blocks[first]!);

  // Candidates for the end of the window: old blocks that start in the unchanged tail, at a cut.
  const maxShare = options.maxWindowShare ?? DEFAULT_MAX_WINDOW_SHARE;
  let widenings = options.maxWidenings ?? DEFAULT_MAX_WIDENINGS;
  let last = first;
  while (last < blocks.length && (startOf(blocks[last]!) < oldChangeEnd || !isCut(old, startOf(blocks[last]!), blocks[last - 1]!))) last++;
  for (;;) {
    const windowEnd = last < blocks.length ? startOf(blocks[last]!) + delta : text.length;
    if (windowEnd - windowStart > maxShare * text.length) return parseWhole(text, 'the change is too large');
    const slice = text.slice(windowStart, windowEnd);
    const piece = parseMarkdown(slice, syntaxFeatures(slice, false));
    if (treeHasDefinitions(piece.children, slice)) return parseWhole(text, 'the change adds a definition');
    const lastNew = piece.children[piece.children.length - 1];
    const ends = last >= blocks.length
      || (lastNew !== undefined && lastNew.type !== 'code' && lastNew.type !== 'html' && isCut(text, windowEnd, lastNew, windowStart));
    if (ends) return splice(previous, text, piece, first, last, windowStart, windowEnd, delta);
    if (--widenings < 0) return parseWhole(text, 'the change reaches too far');
    // Widen to the next old block that starts at a cut.
    last++;
    while (last < blocks.length && !isCut(old, startOf(blocks[last]!), blocks[last - 1]!)) last++;
  }
}

function startOf(node: Nodes): number {
  return node.position!.start.offset!;
}

/** Whether any of `nodes` (or their descendants) is a definition; `text` is what they were parsed from. */
function treeHasDefinitions(nodes: readonly Nodes[], text: string): boolean {
  // A definition needs `]:` in its source: most documents are settled without a walk.
  if (!text.includes(']:')) return false;
  const stack: Nodes[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

function splice(
  previous: ParsedText, text: string, piece: Root, first: number, last: number, windowStart: number, windowEnd: number, delta: number,
): Reparse {
  const blocks = previous.root.children;
  // Cuts are at line starts, so columns never change; lines and offsets move.
  const firstLine = blocks[first]!.position!.start.line;
  for (const node of piece.children) shift(node, windowStart, firstLine - 1);
  const tail = blocks.slice(last);
  let end = previous.root.position!.end;
  if (tail.length > 0) {
    const lineDelta = firstLine + lineBreaks(text.slice(windowStart, windowEnd)) - tail[0]!.position!.start.line;
    if (delta !== 0 || lineDelta !== 0) for (const node of tail) shift(node, delta, lineDelta);
    end = { line: end.line + lineDelta, column: end.column, offset: end.offset === undefined ? undefined : end.offset + delta };
  } else {
    const pieceEnd = piece.position!.end;
    end = { line: pieceEnd.line + firstLine - 1, column: pieceEnd.column, offset: pieceEnd.offset === undefined ? undefined : pieceEnd.offset + windowStart };
  }
  const children: RootContent[] = [...blocks.slice(0, first), ...piece.children, ...tail];
  const root: Root = { type: 'root', children, position: { start: { ...previous.root.position!.start }, end } };
  return { text, root, hasDefinitions: false, mode: 'incremental', window: { start: windowStart, end: windowEnd } };
}

/** What the last `update` of a `DocumentLintState` did, for logs and tests. */
export interface UpdateInfo {
  /** How the tree was obtained; undefined when the text was not parsed (not a strategy document, too deep). */
  parse: ReparseMode | undefined;
  /** Why the whole text was parsed, when it was. */
  reason?: string;
  /** The range of the new text parsed again, when only part of it was. */
  window?: { start: number; end: number };
}

/**
 * Lints successive versions of one document, as an editor sends them. `update(text)` returns
 * exactly what `lintText(text, rules, config)` returns, whatever the previous version was; it is
 * only faster, by reusing from the previous version:
 * - its tree (see `reparse`): only the blocks around the change are parsed again;
 * - its guard (guard.ts): nesting is measured again on the lines the edit touched only, the parse
 *   cost estimate on the chunks between blank lines the edit touched only;
 * - what rules derived from its text, where a rule can tell that is exact (the commitment rules'
 *   word-list matches over the whole charter: see `findPhrasesAgain` in phrase-scan.ts), through
 *   `previousVersion(doc)`.
 * Rules and helpers also remember answers about unchanged list items and titles by their text
 * (vocabulary.ts, memo.ts), which is what makes the rules cheap on the second version.
 *
 * Keep one state per open document, in the thread that lints (the lint worker), call `update`
 * with each new version's full text, and drop the state when the document closes. It holds the
 * last version's text, tree and document, nothing that needs serialising and nothing shared with
 * other documents; only the `LintResult` (plain data) leaves the linting thread. Any text is
 * accepted (a reload, a paste, a revert): where the previous version does not help, the work is
 * done in full. Rules and configuration may change between calls.
 */
export class DocumentLintState {
  private parsed: ParsedText | undefined;
  /** The last document the rules ran on (data derived from its text can be reused). */
  private document: StrategyDocument | undefined;
  /** The last text whose nesting was checked, with the limit it was checked against and the answer. */
  private nesting: { text: string; maxNesting: number; tooDeep: boolean } | undefined;
  /** The last text whose parse cost was estimated, with how it was read (where its body starts, `Reading`) and the cost. */
  private cost: { text: string; bodyStart: number; reading: Reading; cost: ParseCost } | undefined;
  private info: UpdateInfo = { parse: undefined };

  constructor(private readonly options: ReparseOptions = {}) {}

  /** What the last `update` did. */
  get lastUpdate(): UpdateInfo {
    return this.info;
  }

  /** Lints `text`, the document's current full text. */
  update(text: string, rules: readonly Rule[], config: ResolvedConfig = DEFAULT_CONFIG): LintResult {
    this.info = { parse: undefined };
    try {
      return lintWithSteps(text, rules, config, {
        tooDeep: (t, limits) => this.tooDeep(t, limits),
        parse: (t) => {
          // The previous tree is consumed by reparse: forget it first, so a failure cannot leave it half moved.
          const previous = this.parsed;
          this.parsed = undefined;
          const next = reparse(previous, t, this.options);
          this.parsed = next;
          this.info = { parse: next.mode, reason: next.reason, window: next.window };
          return next.root;
        },
        built: (doc) => {
          linkVersions(this.document, doc);
          this.document = doc;
        },
      });
    } catch (error) {
      this.reset();
      throw error;
    }
  }

  /** Forgets everything: the next update parses the whole text. */
  reset(): void {
    this.parsed = undefined;
    this.document = undefined;
    this.nesting = undefined;
    this.cost = undefined;
  }

  /**
   * The guard of `lintText` (`refuse` in guard.ts), working from the previous text's answers:
   * - nesting: only the lines an edit touched are measured again when the previous text passed
   *   the same check (the estimate is a maximum over lines: unchanged lines cannot push it over);
   * - parse cost: a sum over the chunks between blank lines, so only the chunks an edit touched
   *   are scanned again (`changedChunks`), and the sum is exactly the one a full scan gives.
   */
  private tooDeep(text: string, limits: GuardLimits): Refusal | undefined {
    const { maxNesting } = limits;
    const previous = this.nesting;
    let tooDeep: boolean;
    if (previous && previous.maxNesting === maxNesting && !previous.tooDeep) {
      const { prefix, suffix } = commonEnds(previous.text, text);
      // From the start of the line before the change (a line that starts after a `\n`) to the end of its last line.
      const from = prefix >= 2 ? text.lastIndexOf('\n', prefix - 2) + 1 : 0;
      const lineEnd = text.indexOf('\n', text.length - suffix);
      const to = lineEnd < 0 ? text.length : lineEnd;
      tooDeep = estimateNesting(text.slice(from, to), maxNesting) > maxNesting;
    } else {
      tooDeep = estimateNesting(text, maxNesting) > maxNesting;
    }
    this.nesting = { text, maxNesting, tooDeep };
    if (tooDeep) return nestingRefusal(limits);
    const bodyStart = Math.min(limits.bodyStart, text.length);
    if (text.length - bodyStart > limits.maxSize) return sizeRefusal(text, limits);

    const reading = readingOf(text, bodyStart);
    const last = this.cost;
    // Forget the previous cost first: a failure below cannot leave a wrong one behind.
    this.cost = undefined;
    const same = last && last.bodyStart === bodyStart && last.reading.flat === reading.flat && last.reading.words === reading.words;
    const stretch = last && same ? changedChunks(last.text, text, bodyStart, reading.flat) : undefined;
    let cost: ParseCost;
    if (last && stretch) {
      const before = parseCost(last.text, stretch.from, stretch.oldTo, reading);
      const after = parseCost(text, stretch.from, stretch.newTo, reading);
      cost = { inline: last.cost.inline - before.inline + after.inline, structure: last.cost.structure - before.structure + after.structure };
    } else {
      cost = documentCost(text, bodyStart, reading);
    }
    // (Sums past 2^50 could lose precision; they are far past any limit, and are computed again.)
    if (cost.inline + cost.structure < 2 ** 50) this.cost = { text, bodyStart, reading, cost };
    return tooCostly(cost, limits) ? costRefusal(text, limits) : undefined;
  }
}

/** An incremental lint state for `lintIncremental`: opaque, kept by the caller between versions. */
export type IncrementalState = DocumentLintState;

/**
 * `lintText` for the next version of a document, reusing what `previous` (the state returned for
 * an earlier version of the same document, or undefined) kept. The returned state replaces
 * `previous`, which must not be used again.
 */
export function lintIncremental(
  previous: IncrementalState | undefined, text: string, rules: readonly Rule[], config: ResolvedConfig = DEFAULT_CONFIG,
): { result: LintResult; state: IncrementalState } {
  const state = previous ?? new DocumentLintState();
  return { result: state.update(text, rules, config), state };
}
