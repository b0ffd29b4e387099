import { estimateNesting, syntaxFeatures, FEATURE } from './parse';
import { commonPrefixLength, commonSuffixLength } from './text-diff';

/**
 * The engine's guard: before a strategy document is parsed, linear scans decide whether the
 * Markdown parser (micromark, through remark) can read it in bounded time. Where it cannot, the
 * document is not parsed and gets one information diagnostic saying what was found, where, and
 * how to get it checked. docs/robustness.md has the measurements behind every number here.
 *
 * - Lists or block quotes nested more than `maxNesting` levels deep (`nesting-too-deep`;
 *   `estimateNesting` in parse.ts): micromark's cost grows with the square of the depth.
 * - A body (the text after the front matter) longer than `maxSize` characters
 *   (`document-too-complex`): parsing costs about 2–3 s of CPU per million characters of
 *   charter text on the CI machine, so a 5 MB file took 15 s or more.
 * - A parse cost beyond what `maxSize` characters of ordinary text cost (`document-too-complex`).
 *   `parseCost` estimates, in units of about a nanosecond of micromark on the CI machine:
 *   - `inline`: the passes of micromark that cost, per inline mark, time in proportion to the
 *     paragraph (or heading, or table cell) it is in, or that copy the text between an opener
 *     and its closer. They make a 200,000-character line of `**a` take 68 s, of `[a](` 14 s,
 *     and 2,000 nested images 3 s in 12,000 characters. Limit: INLINE_COST_PER_CHARACTER ×
 *     `maxSize` (1.5 s of parsing by default).
 *   - `structure`: a cost per line, block, list item, mark and table cell: micromark spends
 *     50–150 µs on each block (a million characters of one-word list items took 36 s). With
 *     `inline`, limited to PARSE_COST_PER_CHARACTER × `maxSize` (4 s by default).
 *
 * `parseCost` finds the inline blocks line by line without parsing, and must never under-estimate:
 * a stretch of text that micromark reads as one paragraph must never be counted as several
 * smaller blocks. So lines are only taken apart where Markdown certainly starts a new block
 * whatever surrounds them: blank lines, headings, thematic breaks, list items that interrupt any
 * paragraph, and the rows of a table whose shape is certain. Everything else is counted as one
 * block, which over-estimates (code blocks and HTML are counted as if they were paragraphs): real
 * documents are far below the limits. test/unit/guard.test.ts checks on generated documents that
 * every paragraph, heading and table cell micromark finds lies inside one block of the scan, and
 * that the nesting bound holds.
 */

/** Id under which the guard reports a document it did not parse for its size or its parse cost. */
export const COMPLEXITY_RULE_ID = 'document-too-complex';
/** Id under which the guard reports a document nested too deeply to parse. */
export const NESTING_RULE_ID = 'nesting-too-deep';

/**
 * `inline` cost allowed per character of `maxSize`. The dearest shapes measured cost about 1 ns
 * per unit, so 1,000,000 characters allow about 1.5 s of the parser's super-linear passes. The
 * real documents measured (the corpus, the fixtures, the examples, the docs, a 10,000-line
 * charter) cost at most 420 units per character of their own length (a 388-character test file
 * of markdownlint's), the CommonMark spec 46 and a charter 35.
 */
export const INLINE_COST_PER_CHARACTER = 1_500;
/**
 * `inline` + `structure` cost allowed per character of `maxSize`: 4 s of parsing for 1,000,000
 * characters. Charters cost 800–2,400 units per character, the real documents measured at most
 * 2,850, 20,000 headings each followed by a line of text 4,500, one-word list items 27,000.
 */
export const PARSE_COST_PER_CHARACTER = 4_000;

/**
 * For tests: called at every change of the openers `parseCost` keeps pending, with the offset of
 * the run or bracket that changed them, the emphasis markers and the `[` pending after it.
 */
export type PendingTrace = (offset: number, emphasis: number, labels: number) => void;

/** What the guard checks a document against. */
export interface GuardLimits {
  /** Deepest list / block quote nesting parsed. */
  maxNesting: number;
  /** Longest document parsed, in characters after the front matter; the parse cost allowed grows with it. */
  maxSize: number;
  /**
   * Where the Markdown body starts: the end of the front matter block (`FrontMatter.blockEnd`),
   * or 0. The front matter is YAML, not inline Markdown, and is not counted.
   */
  bodyStart: number;
}

/** Why a document is not parsed, and where to say so. */
export interface Refusal {
  ruleId: typeof COMPLEXITY_RULE_ID | typeof NESTING_RULE_ID;
  /** A few words for `LintResult.skippedReason`. */
  reason: string;
  /** The diagnostic's message: what was found, where, and how to get the document checked. */
  message: string;
  /** The zero-based line the diagnostic is reported on. */
  line: number;
}

/** The estimated parse cost of a stretch of a document (see `parseCost`). */
export interface ParseCost {
  inline: number;
  structure: number;
}

/** The first check that refuses `text`, or undefined when it can be parsed. */
export function refuse(text: string, limits: GuardLimits): Refusal | undefined {
  if (estimateNesting(text, limits.maxNesting) > limits.maxNesting) return nestingRefusal(limits);
  const from = Math.min(limits.bodyStart, text.length);
  if (text.length - from > limits.maxSize) return sizeRefusal(text, limits);
  return tooCostly(documentCost(text, from, readingOf(text, from)), limits) ? costRefusal(text, limits) : undefined;
}

const UNCLOSED_FENCE = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;

/**
 * Whether micromark reads `text` (whose body starts at `bodyStart`) without block quotes and list
 * items. It does when the text opens a front matter block that is never closed (`bodyStart` is 0
 * then): the front matter extension's failed attempt leaves every later `>`, `-` or `1.` line as
 * plain text, so the whole document is paragraphs, headings, tables and code (a micromark quirk,
 * checked in test/unit/guard.test.ts). The scan must then not take those lines apart either.
 */
export function containersOff(text: string, bodyStart: number): boolean {
  return bodyStart === 0 && UNCLOSED_FENCE.test(text);
}

/** How micromark reads a whole document, as far as `parseCost` needs to know (see `readingOf`). */
export interface Reading {
  /** Block quote markers and list items are plain text (see `containersOff`). */
  flat: boolean;
  /** Literal autolinks are on: the parser tries one at every word. */
  words: boolean;
}

/** How micromark reads `text`, whose body starts at `bodyStart`. */
export function readingOf(text: string, bodyStart: number): Reading {
  return { flat: containersOff(text, bodyStart), words: (syntaxFeatures(text) & FEATURE.autolinkLiteral) !== 0 };
}

/** How `parseCost` reads a stretch of a document, and what it reports. */
export interface ScanOptions extends Partial<Reading> {
  /** Sees every inline block. */
  onBlock?: (block: InlineBlock) => void;
  /** For tests: sees the openers pending (see `PendingTrace`). */
  trace?: PendingTrace;
}

/** Cost of a line of front matter: micromark only collects the lines (5 MB of them in 1.1 s). */
const FRONT_MATTER_LINE_COST = 15_000;

/**
 * The parse cost of the whole of `text`, whose body starts at `bodyStart`: the lines of its front
 * matter, and `parseCost` of its body.
 */
export function documentCost(text: string, bodyStart: number, options: ScanOptions = {}): ParseCost {
  const cost = parseCost(text, bodyStart, text.length, options);
  let lines = 0;
  for (let i = 0; i < bodyStart; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) lines++;
  }
  return { inline: cost.inline, structure: cost.structure + FRONT_MATTER_LINE_COST * lines };
}

/** Whether `cost`, the parse cost of a whole document, is more than `limits` allow. */
export function tooCostly(cost: ParseCost, limits: GuardLimits): boolean {
  return cost.inline > INLINE_COST_PER_CHARACTER * limits.maxSize || cost.inline + cost.structure > PARSE_COST_PER_CHARACTER * limits.maxSize;
}

export function nestingRefusal(limits: GuardLimits): Refusal {
  return {
    ruleId: NESTING_RULE_ID,
    reason: 'nested too deeply to analyse',
    message: `PartnerLint did not analyse this document: its lists or block quotes are nested more than ${limits.maxNesting} levels deep. Flatten the nesting to have it checked.`,
    line: 0,
  };
}

/** The refusal of a document whose body (after its front matter) is longer than `maxSize`. */
export function sizeRefusal(text: string, limits: GuardLimits): Refusal {
  const body = text.length - Math.min(limits.bodyStart, text.length);
  const what = body === text.length ? `it is ${count(body)} characters long` : `its text after the front matter is ${count(body)} characters long`;
  return {
    ruleId: COMPLEXITY_RULE_ID,
    reason: 'too long to analyse',
    message: `PartnerLint did not analyse this document: ${what}, more than the ${count(limits.maxSize)} it reads (maxSize). Split it into smaller documents, or raise maxSize in .partnerlint.yaml, to have it checked.`,
    line: 0,
  };
}

/**
 * The refusal of a document `tooCostly` refuses, saying what makes it costly and where: the
 * block that costs most (a full scan; only run when refusing).
 */
export function costRefusal(text: string, limits: GuardLimits): Refusal {
  let worst: InlineBlock | undefined;
  let lines = 0;
  let blocks = 0;
  const bodyStart = Math.min(limits.bodyStart, text.length);
  const cost = documentCost(text, bodyStart, {
    ...readingOf(text, bodyStart),
    onBlock: (block) => {
      blocks++;
      lines += block.lines;
      if (!worst || block.work - block.structure > worst.work - worst.structure) worst = block;
    },
  });
  const size = count(limits.maxSize);
  if (cost.inline <= INLINE_COST_PER_CHARACTER * limits.maxSize && cost.structure >= cost.inline) {
    return {
      ruleId: COMPLEXITY_RULE_ID,
      reason: 'too many blocks to analyse',
      message: `PartnerLint did not analyse this document: its ${count(blocks)} paragraphs, list items, headings and table rows (${count(lines)} lines) would take the Markdown parser longer than ${size} characters of ordinary text do (maxSize). Split it into smaller documents, or raise maxSize in .partnerlint.yaml, to have it checked.`,
      line: 0,
    };
  }
  const line = worst ? lineOf(text, worst.start) : 0;
  let what = '';
  if (worst) {
    const where = `the text at line ${line + 1} (${count(worst.length)} characters)`;
    const nesting = EMPHASIS_NESTING_WEIGHT * worst.emphasisNesting + LINK_NESTING_WEIGHT * worst.linkNesting;
    what = nesting * 2 > worst.work - worst.structure && worst.depth >= 100
      ? `${where} nests emphasis, link or image marks up to ${count(worst.depth)} deep`
      : `${where} holds ${count(worst.found)} emphasis, link, code and other inline marks`;
  }
  const alone = worst !== undefined && worst.work - worst.structure > INLINE_COST_PER_CHARACTER * limits.maxSize;
  const message = alone
    ? `PartnerLint did not analyse this document: ${what}, more than the Markdown parser can read in reasonable time. Break the text up, or remove stray *, _, [ or \` characters, to have the document checked.`
    : `PartnerLint did not analyse this document: it holds more emphasis, link, code and other inline marks than the Markdown parser can read in reasonable time (the most where ${what}). Break long paragraphs up, or remove stray *, _, [ or \` characters, to have it checked.`;
  return { ruleId: COMPLEXITY_RULE_ID, reason: 'too many inline marks to analyse', message, line };
}

/** One inline block found by `parseCost`: where it is, and what it costs. */
export interface InlineBlock {
  start: number;
  /** Where its last line ends (before the line break). */
  end: number;
  /** Characters, line breaks included. */
  length: number;
  /** Lines. */
  lines: number;
  /** Its share of the cost for its lines and itself, whatever they hold. */
  structure: number;
  /** What its marks weigh (see `BlockTally.finish`). */
  marks: number;
  /** Its marks: runs of `*`, `_`, `~` and `` ` ``, brackets and the like. */
  found: number;
  /** Σ over the block's ticks of the emphasis markers pending (see `BlockTally`). */
  emphasisNesting: number;
  /** Σ over the block's characters of the `[` pending (see `BlockTally`). */
  linkNesting: number;
  /** How deep it certainly nests emphasis, links and images (see `BlockTally.depth`). */
  depth: number;
  /** What the block adds to the document's parse cost, `structure` included. */
  work: number;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const AMP = 38;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const DIGIT_0 = 48;
const DIGIT_1 = 49;
const DIGIT_9 = 57;
const COLON = 58;
const LT = 60;
const GT = 62;
const AT = 64;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const PIPE = 124;
const TILDE = 126;
const RPAREN = 41;
const LPAREN = 40;
const SLASH = 47;
const SEMICOLON = 59;
const BANG = 33;

/**
 * The estimated parse cost of `text[from, to)`, where `from` is 0, the start of the body, or the
 * start of a line after a blank line, and `to` is the end of the text or the start of a blank
 * line. The stretch is then made of whole "chunks": the scan's state is reset at every blank
 * line, which is what lets the incremental linter scan again only the chunks an edit touched
 * (`changedChunks`). `onBlock` sees every inline block.
 *
 * `inline`, per block: its length × its weighted marks (micromark's passes that walk back over
 * or splice the block's events once per mark: see `BlockTally.finish`), plus the bounds on
 * nesting and on code span scans (see `BlockTally`, `codeScan`). `structure`: LINE_COST per line
 * that is not blank, BLOCK_COST per block, ITEM_COST per list item, MARK_COST per mark and
 * CELL_COST per table cell. A stretch read `flat` (see `containersOff`) has no block quotes or
 * list items; `words` says whether literal autolinks are on (see `readingOf`).
 */
export function parseCost(text: string, from: number, to: number, options: ScanOptions = {}): ParseCost {
  const { flat = false, words = true, onBlock, trace } = options;
  let inline = 0;
  let structure = 0;
  // The open block.
  const block = new BlockTally(text, words, trace);
  // When the open block started with a list item that can hold a paragraph: its container depth
  // and the column its content starts at (see the numbered items below).
  let itemDepth = -1;
  let itemOffset = 0;
  // The open block is a single line at the start of a chunk that could be a table's header row: its content.
  let headerStart = 0;
  let headerEnd = -1;
  let chunkStart = true;
  // Inside the body of a table whose header and delimiter rows were seen: each row is a block.
  let inTable = false;

  const close = () => {
    if (block.start >= 0) {
      const work = block.finish();
      inline += work - block.structure;
      structure += block.structure;
      onBlock?.({ start: block.start, end: block.end, length: block.length, lines: block.lines, marks: block.marks, found: block.found, emphasisNesting: block.emphasisNesting, linkNesting: block.linkNesting, depth: block.depth, structure: block.structure, work });
    }
    block.reset();
    itemDepth = -1;
    headerEnd = -1;
  };
  const open = () => close();
  /** Adds a line to the open block (opening one if needed): its start, where its content starts, its end. */
  const add = (lineStart: number, s: number, e: number) => block.addLine(lineStart, s, e);

  let pos = from;
  // The next `\n` and `\r` at or after `pos` (found with indexOf, and only again once passed).
  let lf = -1;
  let cr = -1;
  while (pos < to) {
    if (lf < pos) {
      lf = text.indexOf('\n', pos);
      if (lf < 0 || lf > to) lf = to;
    }
    if (cr < pos) {
      cr = text.indexOf('\r', pos);
      if (cr < 0 || cr > to) cr = to;
    }
    const end = lf < cr ? lf : cr;
    const next = end >= to ? to : text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;

    const i = containerPrefix(text, pos, end, flat);
    const depth = prefixDepth;
    // Indentation after it: `indent` counts a tab as four columns (the most it can be), `indentMin` as one.
    let k = i;
    let indent = 0;
    while (k < end && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) {
      indent += text.charCodeAt(k) === TAB ? 4 : 1;
      k++;
    }
    const indentMin = k - i;
    const first = k < end ? text.charCodeAt(k) : -1;

    if (first < 0) {
      // A blank line (or a block quote's): every block ends; a new chunk starts after it.
      close();
      inTable = false;
      chunkStart = true;
      pos = next;
      continue;
    }
    const atChunkStart = chunkStart;
    chunkStart = false;

    const blockLevel = indent <= 3;
    if (blockLevel && first === HASH && isAtxHeading(text, k, end)) {
      // A heading is an inline block of its own.
      inTable = false;
      open();
      add(pos, k, end);
      close();
      pos = next;
      continue;
    }
    if (blockLevel && (first === DASH || first === STAR || first === UNDERSCORE) && isThematicBreak(text, k, end, first)) {
      close();
      structure += LINE_COST;
      inTable = false;
      pos = next;
      continue;
    }
    const item = blockLevel && !flat ? listItemContent(text, k, end) : -1;
    if (item >= 0) {
      // A list item whose first line has content interrupts any paragraph; an ordered one only
      // when it is numbered 1.
      const number = first >= DIGIT_0 && first <= DIGIT_9;
      const interrupts = !number || (first === DIGIT_1 && (text.charCodeAt(k + 1) === DOT || text.charCodeAt(k + 1) === RPAREN));
      // Another number starts an item only where no paragraph could continue. That is certain
      // when the open block is a list item's paragraph at the same depth and this line is not
      // indented enough to belong to that item: the item ends, and its list either takes this
      // line as its next item or ends (CommonMark: only a paragraph it would continue keeps an
      // ordered item other than 1 from starting).
      const nextItem = itemDepth === depth && indent < itemOffset;
      if (interrupts || nextItem || inTable) {
        // (In a table, the line may start a list, whose paragraph later lines then continue:
        // counted as one block from here.)
        inTable = false;
        open();
        add(pos, item, end);
        block.item = true;
        if ((interrupts || nextItem) && indent === indentMin && plainItemStart(text, k, item) && !lineHas(text, item, end, GT) && opensParagraph(text, item, end)) {
          itemDepth = depth;
          itemOffset = indent + (item - k);
        }
        pos = next;
        continue;
      }
    }

    if (inTable) {
      if (depth > 0 || indent > 3 || first === LBRACKET || first === LT || lineHas(text, k, end, GT) || startsFence(text, k, end) || startsListItem(text, k, end)) {
        // Where the table might have ended (a block quote, a list item, even an empty one, a
        // footnote definition, HTML or code starts here, and later lines may continue it) or might
        // not be one (it could be the content of an HTML block or a fenced code block that ends on
        // this line), the rest of the chunk is read as if no table had been seen.
        inTable = false;
        open();
      } else {
        open();
        add(pos, k, end);
        block.cells = pipesIn(text, k, end) + 1;
        close();
        pos = next;
        continue;
      }
    }

    if (headerEnd >= 0 && depth === 0 && indent <= 3) {
      const cells = delimiterRowCells(text, k, end);
      if (cells > 0 && cells === headerRowCells(text, headerStart, headerEnd)) {
        // The header row is a block of its own; the delimiter row holds no inline content.
        block.cells = cells;
        close();
        structure += LINE_COST;
        inTable = true;
        pos = next;
        continue;
      }
    }

    if (itemDepth >= 0 && block.length > 0 && (depth !== itemDepth || indent < itemOffset || first === LT || lineHas(text, k, end, GT)
      || startsFence(text, k, end) || isDelimiterRowLike(text, k, end) || isSetextUnderline(text, k, end))) {
      // This line may not continue the item's paragraph (it could end the item, or start
      // something else in it, or end an HTML block or code the item was part of): numbered
      // lines after it no longer certainly start items.
      itemDepth = -1;
    }
    const single = block.length === 0;
    add(pos, k, end);
    // (A numbered line here is a list item, which a table header row cannot be.)
    if (single && atChunkStart && depth === 0 && indent === 0 && item < 0) {
      headerStart = k;
      headerEnd = end;
    } else {
      headerEnd = -1;
    }
    pos = next;
  }
  close();
  return { inline, structure };
}

/** Cost of a line of the body that is not blank, of an inline block, and of a list item (see PARSE_COST_PER_CHARACTER). */
const LINE_COST = 30_000;
const BLOCK_COST = 40_000;
const ITEM_COST = 40_000;
/** Cost of each mark (a token, or an attempt at one: a million `[` took 7 s), and of each cell of a table. */
const MARK_COST = 7_000;
const CELL_COST = 30_000;
/** Weight of a run of `*`, `_` or `~` against the other marks in `parseCost` (units of about a nanosecond). */
const ATTENTION_WEIGHT = 5;
/** Weight of `BlockTally.codeScan` in `parseCost`: micromark reads a code span a character at a time. */
const CODE_SCAN_WEIGHT = 20;
/** Weight of `BlockTally.emphasisNesting` in `parseCost`. */
const EMPHASIS_NESTING_WEIGHT = 300;
/** Weight of `BlockTally.linkNesting` in `parseCost`. */
const LINK_NESTING_WEIGHT = 260;

const WHITESPACE = 1;
const PUNCTUATION = 2;
const OTHER = 0;
const UNKNOWN = 3;
const PUNCTUATION_PATTERN = /\p{P}|\p{S}/u;
const WHITESPACE_PATTERN = /\s/;

/** An emphasis opener the simulation in `BlockTally` keeps pending. */
interface Opener {
  /** Where its run starts. */
  at: number;
  /** Markers left in it. */
  left: number;
  /** Whether it certainly can open and certainly cannot close (see `attentionRun`). */
  certain: boolean;
}

/**
 * The tally of one inline block: its length, its marks, and bounds on the cost of nesting.
 *
 * Nesting. For every emphasis, strong emphasis or strikethrough it forms, micromark resolves
 * the events between the opener and the closer once more (copying them); for every link or
 * image, the events of its label. So `*x *x … y* y*` or `![![…](u)](u)`, nested 2,000 deep,
 * cost the square of the depth, where `**a**` repeated does not. The cost is the sum, over the
 * events of the block, of the number of those spans enclosing each event. At any point, the
 * spans enclosing it have openers before it that are still available (not yet matched or
 * discarded by the parser) there, so a bound is the sum over the block of the openers pending.
 *
 * The tally simulates the parser's opener stacks conservatively: it pushes every run that might
 * open, and removes an opener only where the parser certainly matches or discards it: a closer
 * that certainly can close and not open (by micromark's own flanking rules, when the characters
 * around it are known), an opener that certainly can open and not close (so that the "multiple
 * of 3" rule does not apply), of the same marker, and nothing between them that could hide the
 * closer from the parser (code, HTML, autolinks, escapes, link destinations, brackets, table
 * cells, strikethrough). A `]` removes the nearest `[` on the same terms: the parser's label end always
 * consumes the nearest label start, whether it makes a link or not. Its stacks are then never
 * smaller than the parser's.
 *
 * Emphasis is resolved after adjacent text has been merged, so its spans are measured in marks
 * (each mark and line break is a tick: a few events each); labels are resolved while the text
 * is still in pieces (a piece per word where literal autolinks are on), so theirs are measured
 * in characters.
 */
class BlockTally {
  start = -1;
  /** Where its last line ends. */
  end = 0;
  length = 0;
  marks = 0;
  /** Σ over the ticks of the block of the emphasis markers pending. */
  emphasisNesting = 0;
  /** Σ over the characters of the block of the `[` pending. */
  linkNesting = 0;
  /**
   * The most openers pending at once that certainly open (emphasis runs that cannot close, `[`
   * followed by a `]` somewhere after): how deep the block certainly nests, for the message.
   */
  depth = 0;
  /** Emphasis markers pending in runs that certainly open. */
  private certainPending = 0;
  /** A bound on the characters the parser reads looking for the ends of code spans (see `codeScan`). */
  codeScan = 0;
  /** Lines in the block. */
  lines = 0;
  /** Marks found (every mark is a tick; so is every line break). */
  get found(): number {
    return this.ticks - (this.lines - 1);
  }
  /** Whether the block is a list item's first paragraph. */
  item = false;
  /** Cell edges (`|`) when the block is a table row. */
  cells = 0;
  /** The block's share of the parse cost for its lines and itself (see LINE_COST). */
  structure = 0;
  /** The pending openers of `*`, `_` and `~`. */
  private readonly stars: Opener[] = [];
  private readonly underscores: Opener[] = [];
  private readonly tildes: Opener[] = [];
  /** Emphasis markers pending, and the tick since which. */
  private emphasisPending = 0;
  private ticks = 0;
  private emphasisSince = 0;
  /** Positions of the pending `[`, and the character since which their number holds. */
  private readonly labels: number[] = [];
  private linkSince = 0;
  /**
   * Tokens of the block that can separate its text into runs (`separators`), pieces of text
   * that can split a run into several data tokens (`splitters`), and walks back over the block's
   * events, weighted (`walks`): see `finish`.
   */
  private separators = 0;
  private splitters = 0;
  private walks = 0;
  /** `<` seen, and how many of them a `>` came after. */
  private lts = 0;
  private ltsClosed = 0;
  /** `]` seen, and emphasis markers in runs that might close. */
  private labelEnds = 0;
  private closers = 0;
  /** The backtick runs of the block: offset and length of each, in turn. */
  private readonly codeRuns: number[] = [];
  /** Whether the last line added ends in white space (split off from its text by the parser). */
  private trailingSpace = false;
  /** The last character that could hide a `]` from the parser (see above). */
  private hidesLabelEnd = -1;
  /** The last character that could hide an emphasis closer from the parser. */
  private hidesCloser = -1;

  constructor(private readonly text: string, private readonly words: boolean, private readonly trace?: PendingTrace) {}

  reset(): void {
    this.start = -1;
    this.length = 0;
    this.marks = 0;
    this.emphasisNesting = 0;
    this.linkNesting = 0;
    this.depth = 0;
    this.certainPending = 0;
    this.codeScan = 0;
    this.lines = 0;
    this.item = false;
    this.cells = 0;
    this.structure = 0;
    if (this.stars.length > 0) this.stars.length = 0;
    if (this.underscores.length > 0) this.underscores.length = 0;
    if (this.tildes.length > 0) this.tildes.length = 0;
    this.emphasisPending = 0;
    this.ticks = 0;
    this.emphasisSince = 0;
    if (this.labels.length > 0) this.labels.length = 0;
    if (this.codeRuns.length > 0) this.codeRuns.length = 0;
    this.separators = 0;
    this.splitters = 0;
    this.walks = 0;
    this.lts = 0;
    this.ltsClosed = 0;
    this.labelEnds = 0;
    this.closers = 0;
    this.trailingSpace = false;
    this.hidesLabelEnd = -1;
    this.hidesCloser = -1;
  }

  /**
   * The block's share of the parse cost, once its last line is in: `structure`, plus its length
   * times its marks, plus its nesting and code span bounds.
   *
   * Marks. micromark merges adjacent data tokens once per run of text between two other tokens
   * (a splice of the block's events each time), but only where a run holds several: so
   * min(separators, splitters) of them. It walks back over the block's events for each `]`
   * (to its label start) and each emphasis closer (to its opener), and splices the events at
   * each match: `walks`.
   */
  finish(): number {
    this.settleLinks(this.end);
    this.settleEmphasis();
    this.separators += this.ltsClosed;
    this.marks = this.walks + Math.min(this.separators, this.splitters);
    // Every span ends at a closer of its own (a `]`, or at least one marker of a run that can
    // close), and is no longer than the block: no closers, no cost, however many openers wait.
    this.linkNesting = Math.min(this.linkNesting, this.labelEnds * (this.end - this.start));
    this.emphasisNesting = Math.min(this.emphasisNesting, this.closers * this.ticks);
    this.codeScan = codeScan(this.codeRuns, this.end);
    this.structure = LINE_COST * this.lines + BLOCK_COST + (this.item ? ITEM_COST : 0) + MARK_COST * this.found + CELL_COST * this.cells;
    return this.structure + this.length * this.marks + CODE_SCAN_WEIGHT * this.codeScan
      + EMPHASIS_NESTING_WEIGHT * this.emphasisNesting + LINK_NESTING_WEIGHT * this.linkNesting;
  }

  addLine(lineStart: number, s: number, e: number): void {
    if (this.start < 0) {
      this.start = lineStart;
      this.linkSince = lineStart;
    }
    if (this.length > 0) {
      // The line break before this line: a token; the white space before it, split off.
      this.length++;
      this.ticks++;
      this.separators++;
      if (this.trailingSpace) this.splitters++;
    }
    this.length += e - lineStart;
    this.end = e;
    this.lines++;
    this.scan(s, e);
    const last = e > s ? this.text.charCodeAt(e - 1) : 0;
    this.trailingSpace = last === SPACE || last === TAB;
  }

  private settleEmphasis(): void {
    this.emphasisNesting += this.emphasisPending * (this.ticks - this.emphasisSince);
    this.emphasisSince = this.ticks;
  }

  private settleLinks(at: number): void {
    this.linkNesting += this.labels.length * (at - this.linkSince);
    this.linkSince = at;
  }

  private noteDepth(): void {
    const depth = this.certainPending + Math.min(this.labels.length, this.labelEnds + 1);
    if (depth > this.depth) this.depth = depth;
  }

  private stack(marker: number): Opener[] {
    return marker === STAR ? this.stars : marker === UNDERSCORE ? this.underscores : this.tildes;
  }

  private hide(at: number): void {
    this.hidesLabelEnd = at;
    this.hidesCloser = at;
  }

  /** Counts the marks of the line content `text[s, e)` and runs the opener simulation over it. */
  private scan(s: number, e: number): void {
    const text = this.text;
    const words = this.words;
    // Whether the character before is one an e-mail address can hold (see `default` below).
    let inWord = false;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      const kind = c < 128 ? CHARACTER[c]! : 0;
      if ((kind & MARK) === 0) {
        // Where literal autolinks are on, the parser tries one at every word (a letter or digit
        // after anything an e-mail address cannot hold), and splits its text there.
        if (words && (kind & ALNUM) !== 0 && !inWord && i > s) {
          this.splitters++;
          if ((c | 32) === 119 && (text.charCodeAt(i + 1) | 32) === 119 && (text.charCodeAt(i + 2) | 32) === 119 && text.charCodeAt(i + 3) === DOT) {
            this.mark();
            this.hide(i);
          }
        }
        inWord = (kind & EMAIL) !== 0;
        continue;
      }
      inWord = c === UNDERSCORE;
      switch (c) {
        case STAR:
        case UNDERSCORE:
        case TILDE: {
          let j = i + 1;
          while (j < e && text.charCodeAt(j) === c) j++;
          this.ticks++;
          this.separators++;
          this.walks += ATTENTION_WEIGHT;
          this.attentionRun(c, i, j, s, e);
          // A strikethrough can be resolved first and on its own (GFM's resolver runs before the
          // emphasis one when a `~` comes first in the text), hiding the closers inside it.
          if (c === TILDE) this.hidesCloser = j - 1;
          i = j - 1;
          break;
        }
        case BACKTICK: {
          let j = i + 1;
          while (j < e && text.charCodeAt(j) === BACKTICK) j++;
          this.ticks++;
          this.separators++;
          this.splitters++;
          this.codeRuns.push(i, j - i);
          this.hide(j - 1);
          i = j - 1;
          break;
        }
        case LBRACKET:
          this.ticks++;
          this.separators++;
          this.hidesCloser = i;
          this.settleLinks(i);
          this.labels.push(i);
          this.trace?.(i, this.emphasisPending, this.labels.length);
          this.noteDepth();
          break;
        case RBRACKET: {
          this.ticks++;
          this.walks += 2;
          this.splitters++;
          this.labelEnds++;
          this.noteDepth();
          this.hidesCloser = i;
          const top = this.labels[this.labels.length - 1];
          if (top !== undefined && top > this.hidesLabelEnd) {
            this.settleLinks(i);
            this.labels.pop();
            this.trace?.(i, this.emphasisPending, this.labels.length);
          }
          break;
        }
        case LT:
          // An autolink or HTML (a token) needs a `>` after it: counted when one comes.
          this.lts++;
          this.ticks++;
          this.splitters++;
          this.hide(i);
          break;
        case GT:
          this.ltsClosed = this.lts;
          this.hide(i);
          break;
        case BACKSLASH:
          // An escape (a token) when punctuation follows.
          this.ticks++;
          this.splitters++;
          if (isAsciiPunctuation(text.charCodeAt(i + 1))) this.separators++;
          this.hide(i);
          break;
        case AT:
          this.mark();
          this.hide(i);
          break;
        case AMP:
          this.ticks++;
          this.splitters++;
          // A character reference (a token), and a dear one.
          if (isCharacterReference(text, i, e)) this.separators += 2;
          break;
        case BANG:
          this.splitters++;
          break;
        case LPAREN:
        case RPAREN:
        case PIPE:
          this.hide(i);
          break;
        case COLON:
          if (text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH) {
            this.mark();
            this.hide(i);
          }
          break;
        default:
          break;
      }
    }
  }

  /** A literal autolink's start (`@`, `://`, `www.`): a token, or a split. */
  private mark(): void {
    this.ticks++;
    this.separators++;
    this.splitters++;
  }

  /**
   * A run of `marker` at `text[i, j)` in the line content `text[s, e)`: closes what it certainly
   * closes, then stays pending if it might open. `*` and `_` follow micromark's attention
   * tokenizer (the characters before and after the run, as white space, punctuation or other);
   * `~` (GFM strikethrough) is never taken to close for certain.
   */
  private attentionRun(marker: number, i: number, j: number, s: number, e: number): void {
    const text = this.text;
    const escaped = i > s && text.charCodeAt(i - 1) === BACKSLASH;
    const before = i > s ? classify(text, i - 1) : WHITESPACE;
    const after = j < e ? classify(text, j) : WHITESPACE;
    let mayOpen = false;
    let mayClose = false;
    let onlyOpens = true;
    let onlyCloses = true;
    // Every class an UNKNOWN character could be (OTHER, WHITESPACE and PUNCTUATION are 0, 1, 2).
    for (let b = before === UNKNOWN ? 0 : before; b <= (before === UNKNOWN ? 2 : before); b++) {
      for (let a = after === UNKNOWN ? 0 : after; a <= (after === UNKNOWN ? 2 : after); a++) {
        let open = a === OTHER || (a === PUNCTUATION && b !== OTHER);
        let close = b === OTHER || (b === PUNCTUATION && a !== OTHER);
        if (marker === UNDERSCORE) {
          const o = open && (b !== OTHER || !close);
          close = close && (a !== OTHER || !open);
          open = o;
        }
        if (open) mayOpen = true;
        if (close) mayClose = true;
        if (!open || close) onlyOpens = false;
        if (open || !close) onlyCloses = false;
      }
    }
    let left = j - i;
    // (`~`, whose rules differ a little, and escaped runs are counted as closers whatever they look like.)
    if (mayClose || escaped || marker === TILDE) this.closers += left;
    if (marker !== TILDE && onlyCloses && !escaped) {
      const stack = this.stack(marker);
      while (left > 0 && stack.length > 0) {
        const top = stack[stack.length - 1]!;
        if (!top.certain || top.at <= this.hidesCloser) break;
        const use = top.left > 1 && left > 1 ? 2 : 1;
        this.settleEmphasis();
        this.emphasisPending -= use;
        this.certainPending -= use;
        this.trace?.(i, this.emphasisPending, this.labels.length);
        top.left -= use;
        left -= use;
        if (top.left === 0) stack.pop();
      }
    }
    if (left > 0 && (mayOpen || escaped)) {
      const certain = marker !== TILDE && onlyOpens && !escaped;
      this.settleEmphasis();
      this.emphasisPending += left;
      if (certain) this.certainPending += left;
      this.trace?.(i, this.emphasisPending, this.labels.length);
      this.noteDepth();
      this.stack(marker).push({ at: i, left, certain });
    }
  }
}


function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** Whether the `&` at `i` may start a character reference (`&name;`, `&#123;`, `&#x1F;`): what follows it, up to a `;`. */
function isCharacterReference(text: string, i: number, e: number): boolean {
  let j = i + 1;
  if (text.charCodeAt(j) === HASH) j++;
  const start = j;
  while (j < e && j - start < 32 && isAsciiAlnum(text.charCodeAt(j))) j++;
  return j > start && text.charCodeAt(j) === SEMICOLON;
}

/** What `BlockTally.scan` needs to know of an ASCII character: a mark it handles, a letter or digit, a character of e-mail addresses. */
const MARK = 1;
const ALNUM = 2;
const EMAIL = 4;
const CHARACTER = new Uint8Array(128);
for (const c of '*_~`[]<>\\@&!()|:') CHARACTER[c.charCodeAt(0)]! |= MARK;
for (let c = 0; c < 128; c++) if (isAsciiAlnum(c)) CHARACTER[c]! |= ALNUM | EMAIL;
for (const c of '+-._') CHARACTER[c.charCodeAt(0)]! |= EMAIL;

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * A bound on what micromark reads looking for the ends of code spans in a block whose backtick
 * runs are `runs` (offset, length, …) and which ends at `end`. Each run it tries as an opener is
 * read from to the next run of the same length (which closes it) or, when there is none, to the
 * end of the block, where the attempt fails and the next run is tried. Summing that over every
 * run bounds it whichever runs are really tried (escaped runs, runs in HTML or destinations
 * are not), and stays linear where few lengths are used: the runs of one length split the block
 * between them. A line of runs of 1, 2, 3 … backticks is what makes it grow (as length^1.5).
 */
function codeScan(runs: readonly number[], end: number): number {
  let total = 0;
  const next = new Map<number, number>();
  for (let r = runs.length - 2; r >= 0; r -= 2) {
    const at = runs[r]!;
    const length = runs[r + 1]!;
    total += (next.get(length) ?? end) - at;
    next.set(length, at);
  }
  return total;
}

/**
 * The class of the character at `at`, as micromark's attention tokenizer sees it: white space,
 * punctuation (Unicode P and S) or other. `|` (a table cell's edge, where the cell's text starts
 * or ends) and `~` (which micromark treats specially next to emphasis
 * when strikethrough is on) are UNKNOWN: every class is considered.
 */
function classify(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === SPACE || code === TAB) return WHITESPACE;
  if (code === PIPE || code === TILDE) return UNKNOWN;
  if (code < 128) {
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return OTHER;
    if (code > 32 && code < 127) return PUNCTUATION;
    return WHITESPACE_PATTERN.test(String.fromCharCode(code)) ? WHITESPACE : OTHER;
  }
  // micromark reads UTF-16 code units: each half of a surrogate pair is "other" to it.
  const char = String.fromCharCode(code);
  if (WHITESPACE_PATTERN.test(char)) return WHITESPACE;
  return PUNCTUATION_PATTERN.test(char) ? PUNCTUATION : OTHER;
}

/** The depth found by the last `containerPrefix`. */
let prefixDepth = 0;

/**
 * Where the content of the line `text[pos, end)` starts after its block quote markers (each after
 * at most three columns of white space); their number is left in `prefixDepth`.
 */
function containerPrefix(text: string, pos: number, end: number, flat: boolean): number {
  let i = pos;
  let depth = 0;
  if (flat) {
    prefixDepth = 0;
    return pos;
  }
  for (;;) {
    let j = i;
    let columns = 0;
    while (j < end && columns < 4 && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) {
      columns += text.charCodeAt(j) === TAB ? 4 : 1;
      j++;
    }
    if (columns <= 3 && j < end && text.charCodeAt(j) === GT) {
      depth++;
      i = j + 1;
      continue;
    }
    break;
  }
  prefixDepth = depth;
  return i;
}

/** Whether the line `text[pos, end)` is blank for `parseCost`: nothing but white space after its block quote markers. */
function isBlankLine(text: string, pos: number, end: number, flat: boolean): boolean {
  let k = containerPrefix(text, pos, end, flat);
  while (k < end && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k++;
  return k === end;
}

/**
 * The stretch to scan again after `old` became `text`, both with their body starting at `floor`
 * and read `flat` or not alike:
 * `old[from, oldTo)` became `text[from, newTo)`, and both are whole chunks (see `parseCost`), so
 * that the parse cost of `text` is that of `old` less `parseCost(old, from, oldTo)` plus
 * `parseCost(text, from, newTo)`. From the start of the chunk holding the first changed character
 * to the blank line after the last one. Undefined when the change reaches into the front matter.
 */
export function changedChunks(old: string, text: string, floor: number, flat = false): { from: number; oldTo: number; newTo: number } | undefined {
  const { prefix, suffix } = commonEnds(old, text);
  const shortest = Math.min(old.length, text.length);
  if (prefix === old.length && prefix === text.length) return { from: floor, oldTo: floor, newTo: floor };
  if (prefix < floor || floor > shortest) return undefined;
  // Back to a line that starts, before the first changed character, after a blank line (or to the floor).
  let from = lineStartOf(old, Math.max(floor, prefix - 1), floor);
  while (from > floor) {
    const blankEnd = from - (old.charCodeAt(from - 1) === LF && old.charCodeAt(from - 2) === CR ? 2 : 1);
    const blankStart = lineStartOf(old, blankEnd, floor);
    if (isBlankLine(old, blankStart, blankEnd, flat)) break;
    from = blankStart;
  }
  // On to a blank line whose line break before it is unchanged (or to the end).
  const changeEnd = old.length - suffix;
  let to = old.length;
  let at = changeEnd;
  for (;;) {
    while (at < old.length && old.charCodeAt(at) !== LF && old.charCodeAt(at) !== CR) at++;
    if (at >= old.length) break;
    const lineStart = old.charCodeAt(at) === CR && old.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
    let lineEnd = lineStart;
    while (lineEnd < old.length && old.charCodeAt(lineEnd) !== LF && old.charCodeAt(lineEnd) !== CR) lineEnd++;
    if (isBlankLine(old, lineStart, lineEnd, flat)) {
      to = lineStart;
      break;
    }
    at = lineEnd;
  }
  return { from, oldTo: to, newTo: to + text.length - old.length };
}

/**
 * How many characters `a` and `b` share at their start (`prefix`) and, after that, at their end
 * (`suffix`: at most the shorter length less `prefix`); see text-diff.ts.
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const prefix = commonPrefixLength(a, b);
  return { prefix, suffix: commonSuffixLength(a, b, prefix) };
}

/** The start of the line holding offset `at` (its line break included), and not before `floor`. */
function lineStartOf(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (c === LF || (c === CR && text.charCodeAt(i) !== LF)) break;
    i--;
  }
  return i;
}

function isAtxHeading(text: string, k: number, end: number): boolean {
  let j = k;
  while (j < end && text.charCodeAt(j) === HASH) j++;
  if (j - k > 6) return false;
  return j === end || text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB;
}

function isThematicBreak(text: string, k: number, end: number, marker: number): boolean {
  let n = 0;
  for (let j = k; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === marker) n++;
    else if (c !== SPACE && c !== TAB) return false;
  }
  return n >= 3;
}

/**
 * Where the content of a list item starting at `k` begins, when the line is a list item marker
 * (`-`, `+`, `*`, or up to nine digits and `.` or `)`) followed by white space and then
 * something: -1 otherwise (an empty item cannot interrupt a paragraph).
 */
function listItemContent(text: string, k: number, end: number): number {
  const c = text.charCodeAt(k);
  let j = k;
  if (c === DASH || c === PLUS || c === STAR) j++;
  else {
    while (j < end && j - k < 9 && text.charCodeAt(j) >= DIGIT_0 && text.charCodeAt(j) <= DIGIT_9) j++;
    if (j === k || j >= end || (text.charCodeAt(j) !== DOT && text.charCodeAt(j) !== RPAREN)) return -1;
    j++;
  }
  if (j >= end || (text.charCodeAt(j) !== SPACE && text.charCodeAt(j) !== TAB)) return -1;
  while (j < end && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
  return j < end ? j : -1;
}

/**
 * Whether a list item's content starting at `s` is the start of a paragraph, and nothing else a
 * line can open (code, HTML, a quote, a heading, a rule, another list item, a table): only then
 * is the item's paragraph the block that numbered lines after it would have to continue.
 */
function opensParagraph(text: string, s: number, end: number): boolean {
  const c = text.charCodeAt(s);
  if (c === BACKTICK || c === TILDE || c === LT || c === GT || c === HASH || c === PIPE) return false;
  if (c === DASH || c === STAR || c === UNDERSCORE || c === PLUS || (c >= DIGIT_0 && c <= DIGIT_9)) {
    if (listItemContent(text, s, end) >= 0 || isThematicBreak(text, s, end, c)) return false;
    if (c === DASH || c === PLUS || (c >= DIGIT_0 && c <= DIGIT_9)) {
      // `-` or `+` alone, or a number and its dot alone, is an empty item.
      let j = s;
      while (j < end && text.charCodeAt(j) >= DIGIT_0 && text.charCodeAt(j) <= DIGIT_9) j++;
      if (j === s) j++;
      else if (text.charCodeAt(j) === DOT || text.charCodeAt(j) === RPAREN) j++;
      if (j >= end) return false;
    }
  }
  return true;
}

/** Whether the line content at `k` starts with a list item marker, followed by white space or nothing. */
function startsListItem(text: string, k: number, end: number): boolean {
  const c = text.charCodeAt(k);
  let j = k;
  if (c === DASH || c === PLUS || c === STAR) j++;
  else {
    while (j < end && j - k < 10 && text.charCodeAt(j) >= DIGIT_0 && text.charCodeAt(j) <= DIGIT_9) j++;
    if (j === k || (text.charCodeAt(j) !== DOT && text.charCodeAt(j) !== RPAREN)) return false;
    j++;
  }
  return j >= end || text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB;
}

/** Whether the list item marker at `k` is followed by one to four spaces (no tab) before its content at `content`. */
function plainItemStart(text: string, k: number, content: number): boolean {
  let j = k;
  while (j < content && text.charCodeAt(j) !== SPACE && text.charCodeAt(j) !== TAB) j++;
  for (let m = j; m < content; m++) if (text.charCodeAt(m) !== SPACE) return false;
  return content - j >= 1 && content - j <= 4;
}

function startsFence(text: string, k: number, end: number): boolean {
  const c = text.charCodeAt(k);
  return (c === BACKTICK || c === TILDE) && k + 2 < end && text.charCodeAt(k + 1) === c && text.charCodeAt(k + 2) === c;
}

function pipesIn(text: string, s: number, end: number): number {
  let n = 0;
  for (let j = s; j < end; j++) if (text.charCodeAt(j) === PIPE) n++;
  return n;
}

function lineHas(text: string, s: number, end: number, code: number): boolean {
  for (let j = s; j < end; j++) if (text.charCodeAt(j) === code) return true;
  return false;
}

function isSetextUnderline(text: string, k: number, end: number): boolean {
  const c = text.charCodeAt(k);
  if (c !== 61 /* = */ && c !== DASH) return false;
  let j = k;
  while (j < end && text.charCodeAt(j) === c) j++;
  while (j < end && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
  return j === end;
}

/** A line made of `|`, `:`, `-` and white space with at least one `-`: it could be a table's delimiter row. */
function isDelimiterRowLike(text: string, k: number, end: number): boolean {
  let dash = false;
  for (let j = k; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === DASH) dash = true;
    else if (c !== PIPE && c !== COLON && c !== SPACE && c !== TAB) return false;
  }
  return dash;
}

/** Trims white space and one leading and one trailing `|` off `text[s, e)`: the cells' stretch. */
function cellStretch(text: string, s: number, e: number): [number, number] {
  while (e > s && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--;
  if (s < e && text.charCodeAt(s) === PIPE) s++;
  if (e > s && text.charCodeAt(e - 1) === PIPE) e--;
  return [s, e];
}

/**
 * The cells of a line that can be a table's header row: one with a `|`, something besides, and
 * no backslash (escaped pipes are left to the parser: such a line is not taken for a header,
 * which only makes the scan count more) or `>`. 0 when it cannot be one.
 */
function headerRowCells(text: string, k: number, end: number): number {
  let pipes = 0;
  for (let j = k; j < end; j++) {
    const c = text.charCodeAt(j);
    // (A `>` may end an HTML block the line belongs to: the next line would then start a paragraph.)
    if (c === BACKSLASH || c === GT) return 0;
    if (c === PIPE) pipes++;
  }
  if (pipes === 0) return 0;
  const [s, e] = cellStretch(text, k, end);
  if (s >= e) return 0;
  let cells = 1;
  for (let j = s; j < e; j++) if (text.charCodeAt(j) === PIPE) cells++;
  return cells;
}

/** The cells of a table delimiter row (`| --- | :-: |`, with at least one `|`), or 0 when the line is not one. */
function delimiterRowCells(text: string, k: number, end: number): number {
  const first = text.charCodeAt(k);
  if ((first !== PIPE && first !== COLON && first !== DASH) || !lineHas(text, k, end, PIPE)) return 0;
  const [s, e] = cellStretch(text, k, end);
  if (s >= e) return 0;
  let cells = 0;
  let j = s;
  for (;;) {
    // One cell: white space, an optional colon, dashes, an optional colon, white space.
    while (j < e && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
    if (text.charCodeAt(j) === COLON) j++;
    const dashes = j;
    while (j < e && text.charCodeAt(j) === DASH) j++;
    if (j === dashes) return 0;
    if (j < e && text.charCodeAt(j) === COLON) j++;
    while (j < e && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
    cells++;
    if (j >= e) return cells;
    if (text.charCodeAt(j) !== PIPE) return 0;
    j++;
  }
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) line++;
    else if (c === CR) {
      line++;
      if (text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return line;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
