/**
 * The engine's guard (src/core/guard.ts): documents the Markdown parser would take too long on
 * are refused before parsing, with one diagnostic; everything else is analysed.
 *
 * - Soundness against micromark itself, on thousands of generated documents mixing every block
 *   and inline construct: every paragraph, heading and table cell the parser finds lies inside one
 *   block of the scan (the scan never splits what the parser reads as one), and at every piece
 *   of text, the emphasis and links the parser nests around it are never more than the openers
 *   the scan keeps pending there (so the nesting bound holds).
 * - The incremental sum: re-scanning only the chunks an edit touched gives exactly the full sum.
 * - Hostile shapes are refused quickly, with a message naming what and where; ordinary-looking
 *   text just below the limits is analysed; real documents stay far below the limits.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { lintText, RULES, DEFAULT_CONFIG, sniff, COMPLEXITY_RULE_ID, NESTING_RULE_ID, type ResolvedConfig } from '../../src/core';
import { DocumentLintState } from '../../src/core/incremental';
import { parseMarkdown } from '../../src/core/parse';
import {
  changedChunks, documentCost, parseCost, readingOf, refuse, INLINE_COST_PER_CHARACTER, PARSE_COST_PER_CHARACTER,
  type GuardLimits, type InlineBlock, type ParseCost,
} from '../../src/core/guard';
import { bigCharter } from './big-charter';
import { cpuNow } from './cpu-time';
import { AS_CHARTER, PARSER_BOUND_DOCUMENTS, charterBody } from './hostile-inputs';

const ROOT = process.cwd();

/** A small seeded generator (mulberry32), so every run checks the same documents. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INLINE = [
  'word', 'words here', 'a', 'x', 'Owner:', 'TBD.', ' ', ' ', ' ', '  ', '*', '*', '**', '_', '__', '***', '~', '~~', '[', '[', ']', ']',
  '](u)', '](<u v>)', '][r]', '![', '`', '``', '<', '>', '<b>', '</b>', '<http://x.y>', '\\', '\\*', '\\[', '&amp;', '&', '(', ')', '|',
  '@', 'a@b.co', 'http://x.y/z', 'www.x.y', '.', ',', ':', '!', '?', '"', 'é', '中', '👩🏽‍💻', '\u00a0', '\t', 'a_b', 'a*b', '[^1]', '-', '+',
  '1.', '#', '=', '$5M',
];
const PREFIXES = [
  '', '', '', '', '', '- ', '* ', '+ ', '1. ', '2. ', '10) ', '1) ', '> ', '>> ', '> > ', '> - ', '- > ', '  ', '   ', '    ', '      ',
  '\t', '  - ', '   1. ', '    - ', '# ', '## ', '###### ', '####### ', '- [ ] ', '- [x] ', '>', '-', '1.', '- - ',
];
const WHOLE_LINES = [
  '', '', '', '   ', '>', '> ', '---', '***', '* * *', '___', '===', '- - -', '| a | b |', '|---|---|', '| - | :-: |', '|-|', 'a | b',
  '--|--', '```', '~~~', '````', '``` js', '<div>', '</div>', '<!--', '-->', '<pre>', '</pre>', '<?x', '?>', '<![CDATA[', ']]>', '<!X',
  '[r]: u', '[^1]: note', '    code', '\tcode', '- ', '1.', '<script>', '</script>',
];

function generateLine(next: () => number): string {
  if (next() < 0.25) return WHOLE_LINES[Math.floor(next() * WHOLE_LINES.length)]!;
  let line = PREFIXES[Math.floor(next() * PREFIXES.length)]!;
  const parts = Math.floor(next() * 10);
  for (let i = 0; i < parts; i++) line += INLINE[Math.floor(next() * INLINE.length)]!;
  return line;
}

function generateDocument(next: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 24);
  for (let i = 0; i < count; i++) lines.push(generateLine(next));
  const eol = next() < 0.8 ? '\n' : next() < 0.5 ? '\r\n' : '\r';
  const body = lines.join(eol);
  const r = next();
  // Front matter, closed or (where micromark then reads no containers at all) never closed.
  return r < 0.15 ? `---${eol}type: partnership-charter${eol}---${eol}${body}` : r < 0.22 ? `---${eol}${body}` : body;
}

function start(node: Nodes): number {
  return node.position!.start.offset!;
}
function end(node: Nodes): number {
  return node.position!.end.offset!;
}

/** The inline contents of `root`: each paragraph's, heading's and table cell's children, as offsets. */
function inlineContents(root: Root): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const placed = (node.children as Nodes[]).filter((c) => c.position?.start.offset !== undefined);
      if (placed.length > 0) found.push([start(placed[0]!), end(placed[placed.length - 1]!)]);
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return found;
}

interface Trace {
  blocks: InlineBlock[];
  changes: Array<[number, number, number]>;
}

function scan(text: string, bodyStart: number): Trace {
  const blocks: InlineBlock[] = [];
  const changes: Array<[number, number, number]> = [];
  parseCost(text, bodyStart, text.length, {
    ...readingOf(text, bodyStart),
    onBlock: (b) => blocks.push(b),
    trace: (offset, emphasis, labels) => changes.push([offset, emphasis, labels]),
  });
  return { blocks, changes };
}

/** The openers pending at `offset` in the scan: the last change at or before it, in the same block. */
function pendingAt(trace: Trace, offset: number): [number, number] {
  const block = trace.blocks.find((b) => b.start <= offset && offset <= b.end);
  if (!block) return [0, 0];
  let found: [number, number] = [0, 0];
  for (const [at, emphasis, labels] of trace.changes) {
    if (at < block.start || at > offset) continue;
    found = [emphasis, labels];
  }
  return found;
}

/**
 * Every leaf in an inline content, with the emphasis markers (1 for emphasis, 2 for strong, the
 * tildes of a strikethrough) and the links enclosing it.
 */
function leaves(root: Root, text: string): Array<{ at: number; emphasis: number; links: number }> {
  const out: Array<{ at: number; emphasis: number; links: number }> = [];
  const stack: Array<{ node: Nodes; emphasis: number; links: number }> = [{ node: root, emphasis: 0, links: 0 }];
  while (stack.length > 0) {
    const { node, emphasis, links } = stack.pop()!;
    let e = emphasis;
    let l = links;
    if (node.type === 'emphasis') e += 1;
    else if (node.type === 'strong') e += 2;
    else if (node.type === 'delete') e += node.position && text.startsWith('~~', start(node)) ? 2 : 1;
    // (Autolinks are links too, without a label: only `[…]` ones have one.)
    else if ((node.type === 'link' || node.type === 'linkReference') && (!node.position || text[start(node)] === '[')) l += 1;
    if ('children' in node && node.children.length > 0) {
      for (const child of node.children) stack.push({ node: child, emphasis: e, links: l });
    } else if (node.position?.start.offset !== undefined && (e > 0 || l > 0)) {
      out.push({ at: start(node), emphasis: e, links: l });
    }
  }
  return out;
}

function limitsFor(text: string, maxSize = DEFAULT_CONFIG.maxSize): GuardLimits {
  return { maxNesting: DEFAULT_CONFIG.maxNesting, maxSize, bodyStart: sniff(text).frontMatter?.blockEnd ?? 0 };
}

function total(cost: ParseCost): number {
  return cost.inline + cost.structure;
}

describe('the engine guard against text the Markdown parser is slow on', function () {
  this.timeout(120_000);

  describe('soundness against micromark, on generated documents', () => {
    const documents: string[] = [];
    const parsed: Array<{ text: string; trace: Trace; root: Root }> = [];
    before(() => {
      // PARTNERLINT_GUARD_SEED and PARTNERLINT_GUARD_DOCUMENTS explore further than the fixed run.
      const next = random(Number(process.env['PARTNERLINT_GUARD_SEED'] ?? 20261121));
      const count = Number(process.env['PARTNERLINT_GUARD_DOCUMENTS'] ?? 4000);
      for (let i = 0; i < count; i++) documents.push(generateDocument(next));
      // Paragraphs that nest emphasis and links in every way.
      const NESTING = ['*a ', ' b*', '**c ', ' d**', '_e ', ' f_', '__g ', ' h__', '~i ', ' j~', '[k ', '](u) ', '][r] ', '![l ', ' m', '*', '_', '[', ']', '`', '\n', ' ', '.', '('];
      for (let i = 0; i < count * 0.4; i++) {
        let line = '';
        const parts = 4 + Math.floor(next() * 20);
        for (let p = 0; p < parts; p++) line += NESTING[Math.floor(next() * NESTING.length)]!;
        documents.push(next() < 0.3 ? `[r]: /u\n\n${line}` : line);
      }
      // And some deliberate ones: every shape that ends one construct and starts another.
      documents.push(
        '- a\n> b\n> 2. **c**\n> 3. d',
        '- ```\n  - a\n**a\n2. **a**\n3. x',
        '<!--\n- a\n2. x -->\n**a\n2. **a**',
        '1. x\n> y\n2. *z*',
        '| a | b |\n|---|---|\n2. **a\n**a**\n- x',
        '| a |\n|---|\n| *b | c* |\n> q *\nr*',
        '```\n\n| a |\n|---|\n```\n*a\n*b*\nc*',
        '<pre>\n\n| a |\n|--|\n</pre> **a\n**a** b',
        '*x\n===\n    y*',
        '[a *b](u) c*',
        '*a `b* c` d*',
        '*a <b c="*"> d*',
        '[a `]` b](u)',
        '***a** b*',
        '**a *b** c*',
        'a**"b"**',
        '_a_b_ c_',
        '*(a)* *a*',
        '- *a\n  *b*\n- c*',
      );
      // Both soundness checks read the same scan and the same tree of each document: built once.
      for (const text of documents) {
        const trace = scan(text, sniff(text).frontMatter?.blockEnd ?? 0);
        parsed.push({ text, trace, root: parseMarkdown(text) });
      }
    });

    it('never splits what the parser reads as one paragraph, heading or table cell', () => {
      let contents = 0;
      for (const { text, trace: { blocks }, root } of parsed) {
        for (const [s, e] of inlineContents(root)) {
          contents++;
          const holder = blocks.find((b) => b.start <= s && e <= b.end);
          assert.ok(holder, `inline content ${JSON.stringify(text.slice(s, e))} at ${s}–${e} is not inside one block of the scan, in ${JSON.stringify(text)}; blocks: ${JSON.stringify(blocks.map((b) => [b.start, b.end]))}`);
        }
      }
      assert.ok(contents > 10_000, `${contents} inline contents checked`);
    });

    it('never keeps fewer openers pending than the emphasis and links the parser nests', () => {
      let nested = 0;
      for (const { text, trace, root } of parsed) {
        for (const leaf of leaves(root, text)) {
          const [emphasis, labels] = pendingAt(trace, leaf.at);
          if (leaf.emphasis > 1 || leaf.links > 0) nested++;
          assert.ok(leaf.emphasis <= emphasis && leaf.links <= labels,
            `at ${leaf.at} the parser nests ${leaf.emphasis} emphasis markers and ${leaf.links} links; the scan keeps ${emphasis} and ${labels}, in ${JSON.stringify(text)}`);
        }
      }
      assert.ok(nested > 1000, `${nested} nested pieces checked`);
    });

    it('sums chunk by chunk: re-scanning what an edit touched gives the full sum', () => {
      const next = random(7);
      let partial = 0;
      for (let i = 0; i < 3000; i++) {
        const old = documents[i % documents.length]!;
        const at = Math.floor(next() * (old.length + 1));
        const removed = Math.floor(next() * 6);
        const inserted = next() < 0.3 ? '\n\n' : next() < 0.5 ? '\n' : generateLine(next);
        const text = old.slice(0, at) + inserted + old.slice(at + removed);
        const floor = sniff(old).frontMatter?.blockEnd ?? 0;
        const reading = readingOf(old, floor);
        if ((sniff(text).frontMatter?.blockEnd ?? 0) !== floor || JSON.stringify(readingOf(text, floor)) !== JSON.stringify(reading)) continue;
        const stretch = changedChunks(old, text, floor, reading.flat);
        const full = documentCost(text, floor, reading);
        if (!stretch) continue;
        const before = parseCost(old, stretch.from, stretch.oldTo, reading);
        const after = parseCost(text, stretch.from, stretch.newTo, reading);
        const whole = documentCost(old, floor, reading);
        assert.deepEqual(
          { inline: whole.inline - before.inline + after.inline, structure: whole.structure - before.structure + after.structure },
          full, `edit at ${at} of ${JSON.stringify(old)} into ${JSON.stringify(text)} (stretch ${JSON.stringify(stretch)})`);
        if (stretch.from > floor || stretch.oldTo < old.length) partial++;
      }
      assert.ok(partial > 500, `${partial} edits re-scanned only part of the text`);
    });
  });

  describe('hostile shapes', () => {
    for (const doc of PARSER_BOUND_DOCUMENTS) {
      it(`refuses ${doc.name} before parsing, quickly, with one message naming the line`, () => {
        const text = doc.charter();
        const started = cpuNow();
        const refusal = refuse(text, limitsFor(text));
        const ms = cpuNow() - started;
        assert.ok(refusal, 'refused');
        assert.equal(refusal.ruleId, COMPLEXITY_RULE_ID);
        assert.equal(refusal.line, 3, 'the line after the front matter');
        assert.match(refusal.message, /^PartnerLint did not analyse this document: the text at line 4 \([\d,]+ characters\) (holds [\d,]+ emphasis, link, code and other inline marks|nests emphasis, link or image marks up to [\d,]+ deep)/);
        assert.ok(ms < 1000, `took ${ms} ms`);
      });
    }

    it('refuses a document longer than maxSize, and says so with the numbers', () => {
      const text = AS_CHARTER + 'We will commit budget.\n\n'.repeat(48_000);
      const refusal = refuse(text, limitsFor(text));
      assert.equal(refusal?.ruleId, COMPLEXITY_RULE_ID);
      assert.match(refusal!.message, /its text after the front matter is 1,152,000 characters long, more than the 1,000,000 it reads \(maxSize\)/);
      const bare = text.slice(AS_CHARTER.length);
      assert.match(refuse(bare, limitsFor(bare))!.message, /: it is 1,152,000 characters long, more than the 1,000,000 it reads \(maxSize\)/);
      assert.equal(refuse(text, limitsFor(text, 2_000_000)), undefined, 'a larger maxSize reads it');
    });

    it('refuses a million characters of one-word list items (the parser spends 36 s on them) for their blocks', () => {
      const text = AS_CHARTER + '- a\n'.repeat(240_000);
      const refusal = refuse(text, limitsFor(text));
      assert.equal(refusal?.ruleId, COMPLEXITY_RULE_ID);
      assert.match(refusal!.message, /its 240,000 paragraphs, list items, headings and table rows \(240,000 lines\)/);
    });

    it('refuses nested images and nested emphasis in a short paragraph', () => {
      for (const body of ['!['.repeat(3000) + 'x' + '](u)'.repeat(3000), '*x '.repeat(3000) + 'a' + ' y*'.repeat(3000)]) {
        const text = `${AS_CHARTER}# Charter\n\n${body}\n`;
        const refusal = refuse(text, limitsFor(text));
        assert.equal(refusal?.ruleId, COMPLEXITY_RULE_ID);
        assert.match(refusal!.message, /the text at line 6 \([\d,]+ characters\) nests emphasis, link or image marks up to (3,000|2,999) deep/);
      }
    });

    it('reports nesting first, as before', () => {
      const text = AS_CHARTER + '- '.repeat(5000) + 'x\n' + '**a'.repeat(100_000);
      assert.equal(refuse(text, limitsFor(text))?.ruleId, NESTING_RULE_ID);
    });
  });

  describe('ordinary documents', () => {
    it('analyses ordinary-looking text just below the limits, in bounded time', () => {
      // A long paragraph of bold labels and links: its inline cost is most of what is allowed.
      const unit = '**Owner:** Dana Reyes, see [the plan](https://x.y/plan) and `budget.md`; we will commit $5M. ';
      let body = '';
      while (parseCost(body + unit, 0, body.length + unit.length).inline < 0.9 * INLINE_COST_PER_CHARACTER * DEFAULT_CONFIG.maxSize) body += unit;
      const text = `${AS_CHARTER}# Acme × Globex Partnership Charter\n\n## Governance\n\n${body}\n`;
      const cost = parseCost(text, sniff(text).frontMatter!.blockEnd, text.length);
      assert.ok(cost.inline > 0.8 * INLINE_COST_PER_CHARACTER * DEFAULT_CONFIG.maxSize, `cost ${cost.inline}`);
      const started = cpuNow();
      const result = lintText(text, RULES);
      const ms = cpuNow() - started;
      assert.equal(result.skippedReason, undefined, 'analysed');
      assert.ok(result.diagnostics.length > 0);
      assert.ok(ms < 10_000, `took ${ms} ms`);
      // Twice the paragraph is over the limit.
      const doubled = text.replace(body, body + body);
      assert.deepEqual(lintText(doubled, RULES).diagnostics.map((d) => [d.ruleId, d.range.start.line]), [[COMPLEXITY_RULE_ID, 7]]);
    });

    it('never trips on the fixtures, the examples, the docs, the corpus, the seed charter or a 10,000-line charter', () => {
      const files: string[] = [];
      const walk = (dir: string) => {
        if (!existsSync(dir)) return;
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, e.name);
          if (e.isDirectory()) walk(path);
          else if (/\.(md|txt)$/.test(e.name)) files.push(path);
        }
      };
      for (const dir of ['test/fixtures', 'examples', 'docs', '../shared/corpus', '../shared/seeds']) walk(join(ROOT, dir));
      assert.ok(files.length > 40, `${files.length} files`);
      const texts = files.map((f) => [f, readFileSync(f, 'utf8')] as const);
      texts.push(['bigCharter(1000)', bigCharter(1000)], ['bigCharter(10000)', bigCharter(10_000)], ['charter body ×200', charterBody().repeat(200)]);
      for (const [name, text] of texts) {
        const limits = limitsFor(text);
        const cost = documentCost(text, limits.bodyStart, readingOf(text, limits.bodyStart));
        // Far below the limits: a tenth of the inline cost allowed for its own size, and half of
        // the whole cost allowed for the default maxSize (the 10,000-line charter is half a million characters).
        assert.ok(cost.inline <= 0.1 * INLINE_COST_PER_CHARACTER * Math.max(text.length, 20_000), `${name}: inline ${cost.inline} for ${text.length} characters`);
        assert.ok(total(cost) <= 0.5 * PARSE_COST_PER_CHARACTER * DEFAULT_CONFIG.maxSize, `${name}: ${total(cost)}`);
        // Linted as a charter, none is refused.
        const asCharter = AS_CHARTER + text.replace(/^---[\s\S]*?\n---\n/, '');
        assert.equal(refuse(asCharter, limitsFor(asCharter)), undefined, name);
      }
    });

    it('costs well under a millisecond on a 1,000-line charter', () => {
      const text = bigCharter(1000);
      const limits = limitsFor(text);
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const started = cpuNow();
        refuse(text, limits);
        times.push(cpuNow() - started);
      }
      times.sort((a, b) => a - b);
      const median = times[times.length >> 1]!;
      // Generous for a shared CI machine; docs/robustness.md gives the measured figure.
      assert.ok(median < 5, `median ${median.toFixed(3)} ms`);
    });
  });

  describe('the incremental linter', () => {
    const small: ResolvedConfig = { ...DEFAULT_CONFIG, maxSize: 20_000 };

    it('gives what a full lint gives as edits cross the limits in both directions', () => {
      const base = readFileSync(join(ROOT, 'examples/acme-globex-charter.md'), 'utf8');
      const state = new DocumentLintState();
      const next = random(99);
      let text = base;
      let refused = 0;
      let analysed = 0;
      for (let i = 0; i < 300; i++) {
        const r = next();
        if (r < 0.3) {
          // Grow a paragraph of marks at a random line start.
          const lines = text.split('\n');
          const at = Math.floor(next() * lines.length);
          lines[at] = '**a'.repeat(Math.floor(next() * 400)) + lines[at];
          text = lines.join('\n');
        } else if (r < 0.6) {
          // Take marks out.
          text = text.replace(/(\*\*a){50,}/, (m) => m.slice(0, Math.floor(m.length / 6) * 3));
        } else if (r < 0.7) {
          text = base;
        } else {
          const at = Math.floor(next() * text.length);
          text = text.slice(0, at) + ['\n', '\n\n', 'x', '- ', '> ', '*', '[', ''][Math.floor(next() * 8)]! + text.slice(at + Math.floor(next() * 3));
        }
        const got = state.update(text, RULES, small);
        const want = lintText(text, RULES, small);
        assert.deepEqual(got, want, `step ${i}`);
        if (got.diagnostics.some((d) => d.ruleId === COMPLEXITY_RULE_ID)) refused++;
        else analysed++;
      }
      assert.ok(refused > 30 && analysed > 30, `${refused} refused, ${analysed} analysed`);
    });

    it('follows a document past maxSize and back', () => {
      const base = readFileSync(join(ROOT, 'examples/acme-globex-charter.md'), 'utf8');
      const state = new DocumentLintState();
      const long = base + '\nMore notes.\n'.repeat(2000);
      for (const text of [base, long, base, long.slice(0, 19_990), long]) {
        assert.deepEqual(state.update(text, RULES, small), lintText(text, RULES, small));
      }
      assert.match(state.update(long, RULES, small).diagnostics[0]!.message, /more than the 20,000 it reads/);
    });
  });
});
