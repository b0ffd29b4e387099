/**
 * The incremental linter must be invisible: after any edit, the tree it splices together is the
 * tree a fresh parse gives (positions included), and the lint result is lintText's. The parser
 * that only loads the syntax extensions a text can use must give remark's tree with all of them.
 * Both are checked against `remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm)`, the parser
 * PartnerLint used before, on the fixtures, the examples, a long charter and thousands of random
 * edits (on the public corpus: parse-pieces.test.ts).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Nodes } from 'mdast';
import {
  DocumentLintState, lintIncremental, lintText, reparse, parseWhole, RULES, DEFAULT_CONFIG, NESTING_RULE_ID, type ParsedText,
} from '../../src/core';
import { parseMarkdown, syntaxFeatures, ALL_FEATURES, FEATURE } from '../../src/core/parse';
import { markdownIn, referenceParse } from './reference-parse';
import { DEFAULT_VOCABULARY, findPhrases } from '../../src/core/vocabulary';
import { consumesAtOnce, findMixedPhrasesAgain, findPhrasesAgain, type PhraseMatch, type PhraseScan } from '../../src/core/phrase-scan';
import { bigCharter } from './big-charter';
import { randomFrom, randomEdit as randomPieceEdit } from './random-edits';
import { commonPrefixLength, commonSuffixLength } from '../../src/core/text-diff';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full garbage collection (V8's `gc`, fetched without exposing it to anything else). */
function fullCollection(): void {
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

const FIXTURES = join(process.cwd(), 'test/fixtures');
const EXAMPLES = join(process.cwd(), 'examples');

const documents: Array<[string, string]> = [...markdownIn(FIXTURES), ...markdownIn(EXAMPLES)].map((f) => [f.slice(process.cwd().length + 1), readFileSync(f, 'utf8')]);

/** What gets typed, deleted or pasted: structure characters above all. */
const PIECES = [
  '\n', '\n\n', '\r\n', '#', '# ', '## ', '-', '- ', '* ', '+ ', '1. ', '2) ', '|', ' | ', '`', '```', '```\n', '~~~', '>', '> ', ' ', '  ',
  '    ', '\t', '*', '**', '_', '~', '---', '===', ':', ':-', '-:', '[', ']', '[ ] ', '[x] ', '[^1]', '[a]: /url', '<!--', '-->', '<div>',
  '</div>', '<pre>', 'x', 'word ', 'we commit 3 engineers ', 'www.example.com', 'a@b.co', 'http://x.y', '&#64;', '&amp;', '\\.', '\u00a0',
];

function randomEdit(text: string, random: () => number): string {
  return randomPieceEdit(text, random, PIECES);
}

/** Runs `count` random edits on `original` (back to it now and then), checking each new tree. */
function checkEdits(name: string, original: string, count: number, seed: number, modes: Record<string, number>): void {
  const random = randomFrom(seed);
  let text = original;
  let state: ParsedText = parseWhole(text);
  for (let i = 0; i < count; i++) {
    if (random() < 0.08) {
      text = original;
      state = parseWhole(text);
    }
    const next = randomEdit(text, random);
    const got = reparse(state, next);
    modes[got.mode] = (modes[got.mode] ?? 0) + 1;
    if (!isDeepStrictEqual(got.root, referenceParse(next))) {
      assert.deepEqual(got.root, referenceParse(next), `${name}, edit ${i} (seed ${seed}), ${got.mode} ${JSON.stringify(got.window)}: ${JSON.stringify(next)}`);
    }
    text = next;
    state = got;
  }
}

describe('parsing with only the syntax extensions a text needs', () => {
  it('gives remark-gfm\'s tree for every fixture and example', () => {
    for (const [name, text] of documents) {
      assert.ok(syntaxFeatures(text) !== ALL_FEATURES, name);
      assert.deepEqual(parseMarkdown(text), referenceParse(text), name);
    }
  });

  // On the public corpus and every CommonMark example: see parse-pieces.test.ts, which compares
  // parseMarkdown(text) there with the same reference tree as the parses in pieces.

  it('loads each extension for the syntax that needs it, and only then', () => {
    const cases: Array<[string, number]> = [
      ['plain *text*', 0],
      ['---\ntype: x\n---\n', FEATURE.frontmatter],
      ['a | b\n- | -', FEATURE.table],
      ['head\n:--', FEATURE.table],
      ['head\n--:', FEATURE.table],
      ['~~gone~~', FEATURE.strikethrough],
      ['a[^1]\n\n[^1]: note', FEATURE.footnote],
      ['mail dana@acme.com', FEATURE.autolinkLiteral],
      ['see WWW.acme.com', FEATURE.autolinkLiteral],
      ['see HTTPS://acme.com', FEATURE.autolinkLiteral],
      ['dana&#64;acme.com', FEATURE.autolinkLiteral],
      ['www\\.acme.com', FEATURE.autolinkLiteral],
      ['- [ ] task', FEATURE.taskListItem],
      ['- [X] task', FEATURE.taskListItem],
      ['- [amount] of money', 0],
    ];
    for (const [text, features] of cases) {
      assert.equal(syntaxFeatures(text), features, text);
      assert.deepEqual(parseMarkdown(text), referenceParse(text), text);
    }
    // A pipe-less table: a colon next to the dashes makes a delimiter row.
    assert.equal(parseMarkdown('outcome: build\n:---').children[0]!.type, 'table');
  });

  it('places nodes on the document\'s own characters after a byte order mark', () => {
    const text = '\uFEFF---\ntype: partnership-charter\n---\n# Charter\n\nOwner: TBD\n';
    const [yaml, heading, paragraph] = parseMarkdown(text).children;
    const slice = (node: Nodes | undefined) => text.slice(node!.position!.start.offset, node!.position!.end.offset);
    assert.equal(slice(yaml), '---\ntype: partnership-charter\n---');
    assert.deepEqual(yaml!.position!.start, { line: 1, column: 2, offset: 1 });
    assert.equal(slice(heading), '# Charter');
    assert.equal(slice(paragraph), 'Owner: TBD');
  });
});

describe('incremental parsing', () => {
  it('splices the same tree as a fresh parse after thousands of random edits to the fixtures and examples', function () {
    this.timeout(300_000);
    const modes: Record<string, number> = {};
    // 45 edits a document (1,620 in all, 1,138 of them incremental) fail on every bug that 120 a
    // document failed on, among hand-made mutations of the cut and splice logic (git log).
    documents.forEach(([name, text], i) => checkEdits(name, text, 45, 1000 + i, modes));
    assert.ok((modes['incremental'] ?? 0) > 1000, JSON.stringify(modes));
  });

  it('splices the same tree as a fresh parse after random edits to a long charter', function () {
    this.timeout(300_000);
    const modes: Record<string, number> = {};
    checkEdits('long charter', bigCharter(400), 75, 7, modes);
    assert.ok((modes['incremental'] ?? 0) > 50, JSON.stringify(modes));
  });

  it('parses only the block that changed when a word is typed in a long charter', () => {
    const text = bigCharter(1000);
    const at = text.indexOf('sync-related support tickets', text.length / 2);
    const next = text.slice(0, at) + 'new ' + text.slice(at);
    const got = reparse(parseWhole(text), next);
    assert.equal(got.mode, 'incremental');
    assert.ok(got.window!.end - got.window!.start < 600, JSON.stringify(got.window));
    assert.deepEqual(got.root, referenceParse(next));
  });

  const base = '---\ntype: partnership-charter\n---\n\n# Acme × Globex Partnership Charter\n\n## Goals\n\nOne paragraph.\n\n- a\n- b\n\n## Value\n\nAnother paragraph.\n\n## Timeline\n\nLast words.\n';
  const edit = (from: string, to: string, text = base) => {
    assert.ok(text.includes(from), from);
    return text.replace(from, to);
  };
  const cases: Array<[string, string, 'incremental' | 'full']> = [
    ['a paragraph word', edit('Another', 'Yet another'), 'incremental'],
    ['a fence that runs to the end', edit('Another paragraph.', '```\nAnother paragraph.'), 'incremental'],
    ['a list item after a list', edit('\n## Value', '\n- c\n\n## Value'), 'incremental'],
    ['a lazy line joining two blocks', edit('One paragraph.\n\n', 'One paragraph.\n'), 'incremental'],
    ['a setext underline', edit('Another paragraph.', 'Another paragraph.\n---'), 'incremental'],
    ['a table under a paragraph', edit('Another paragraph.', 'a | b\n- | -\nc | d'), 'incremental'],
    ['an HTML comment left open', edit('Another paragraph.', '<!-- open'), 'incremental'],
    ['indented code after a blank line', edit('\n## Timeline', '\n    code\n\n## Timeline'), 'incremental'],
    ['the front matter', edit('type: partnership-charter', 'type: partnership-charterx'), 'full'],
    ['a link reference definition', edit('Last words.', 'Last [words].\n\n[words]: https://example.com'), 'full'],
    ['a byte order mark', '\uFEFF' + base, 'full'],
  ];
  for (const [what, next, mode] of cases) {
    it(`is exact after an edit to ${what} (${mode} parse)`, () => {
      // The document is short: let the window be as large as it needs to be.
      const got = reparse(parseWhole(base), next, { maxWindowShare: 1 });
      assert.equal(got.mode, mode, got.reason);
      assert.deepEqual(got.root, referenceParse(next));
    });
  }

  it('parses whole a document with definitions, and one whose opening --- is not front matter yet', () => {
    const withDefinition = '# Charter\n\nSee [the terms].\n\n[the terms]: https://example.com\n\nMore text.\n';
    const first = parseWhole(withDefinition);
    assert.equal(first.hasDefinitions, true);
    const next = withDefinition.replace('More', 'Much more');
    assert.equal(reparse(first, next).mode, 'full');
    const unclosed = '---\ntype: partnership-charter\n\n# Charter\n\nText.\n\nMore.\n';
    const closed = unclosed.replace('More.', '---\nMore.');
    const got = reparse(parseWhole(unclosed), closed);
    assert.equal(got.mode, 'full');
    assert.deepEqual(got.root, referenceParse(closed));
  });

  it('keeps CRLF documents exact', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    for (const [from, to] of [['Another', 'Yet another'], ['One paragraph.\r\n\r\n', 'One paragraph.\r\n'], ['- b', '- b\r\n- c']]) {
      const next = crlf.replace(from!, to!);
      assert.deepEqual(reparse(parseWhole(crlf), next).root, referenceParse(next), `${from} → ${to}`);
    }
  });
});

describe('DocumentLintState', () => {
  it('returns exactly what lintText returns, after every one of many random edits', function () {
    this.timeout(300_000);
    const texts = [...documents.filter(([name]) => /charter|rollout|launch|tier|decision/.test(name)), ['big charter', bigCharter(300)] as [string, string]];
    let checked = 0;
    texts.forEach(([name, original], i) => {
      const random = randomFrom(500 + i);
      const state = new DocumentLintState();
      let text = original;
      for (let e = 0; e < 20; e++) {
        if (random() < 0.08) text = original;
        text = randomEdit(text, random);
        const got = state.update(text, RULES, DEFAULT_CONFIG);
        if (!isDeepStrictEqual(got, lintText(text, RULES, DEFAULT_CONFIG))) {
          assert.deepEqual(got, lintText(text, RULES, DEFAULT_CONFIG), `${name}, edit ${e}: ${JSON.stringify(text)}`);
        }
        checked++;
      }
    });
    assert.ok(checked > 250);
  });

  it('follows a document in and out of being a strategy document, and in and out of deep nesting', () => {
    const charter = readFileSync(join(EXAMPLES, 'acme-globex-charter.md'), 'utf8');
    const notOurs = charter.replace('type: partnership-charter', 'type: blog-post').replace(/^# .*$/m, '# Notes');
    const deep = charter.replace('## Timeline', '- '.repeat(150) + 'deepest\n\n## Timeline');
    const state = new DocumentLintState();
    for (const text of [charter, notOurs, charter, deep, charter, deep.replace('deepest', 'deeper'), charter]) {
      assert.deepEqual(state.update(text, RULES, DEFAULT_CONFIG), lintText(text, RULES, DEFAULT_CONFIG));
    }
    assert.deepEqual(state.update(deep, RULES, DEFAULT_CONFIG).diagnostics.map((d) => d.ruleId), [NESTING_RULE_ID]);
  });

  it('takes new rules and configuration on any update', () => {
    const text = readFileSync(join(EXAMPLES, 'initech-charter-draft.md'), 'utf8');
    const state = new DocumentLintState();
    const all = state.update(text, RULES, DEFAULT_CONFIG);
    assert.ok(all.diagnostics.length > 1);
    const quiet = { ...DEFAULT_CONFIG, rules: Object.fromEntries(RULES.map((r) => [r.meta.id, { severity: 'off' as const }])) };
    assert.deepEqual(state.update(text, RULES, quiet).diagnostics, []);
    const edited = text.replace('Grow together', 'Grow together fast');
    assert.deepEqual(state.update(edited, RULES.slice(0, 3), DEFAULT_CONFIG), lintText(edited, RULES.slice(0, 3), DEFAULT_CONFIG));
    assert.equal(state.lastUpdate.parse, 'incremental');
  });

  it('keeps no more than the previous version alive, however long the editing goes on', async function () {
    this.timeout(60_000);
    // A rule that only remembers, weakly, each document it was shown.
    const seen: Array<WeakRef<object>> = [];
    const witness = { ...RULES[0]!, meta: { ...RULES[0]!.meta, id: 'witness' }, check: ({ doc }: { doc: object }) => void seen.push(new WeakRef(doc)) };
    const state = new DocumentLintState();
    let text = bigCharter(150);
    for (let i = 0; i < 12; i++) {
      text = text.replace('## Governance', `## Governance\n\nRevision ${i}.`);
      state.update(text, [...RULES, witness], DEFAULT_CONFIG);
    }
    assert.equal(seen.length, 12);
    // WeakRefs are only cleared once the current job is over; then collect everything.
    await new Promise((resolve) => setImmediate(resolve));
    // Twice: a collection that finishes a marking cycle already under way keeps what was
    // allocated during it; the second starts afresh.
    fullCollection();
    fullCollection();
    const alive = seen.map((ref, i) => (ref.deref() ? i : -1)).filter((i) => i >= 0);
    // The last two are kept on purpose. A collection may spare a stray object allocated while it
    // was marking, so one or two others may survive a given run; but not the history.
    assert.ok(alive.filter((i) => i < 10).length <= 2, `versions still alive: ${alive.join(', ')}`);
  });

  it('has a functional form that hands the state back', () => {
    const text = readFileSync(join(EXAMPLES, 'initech-charter-draft.md'), 'utf8');
    const first = lintIncremental(undefined, text, RULES);
    const second = lintIncremental(first.state, text + '\nOne more line.\n', RULES);
    assert.equal(second.state, first.state);
    assert.deepEqual(second.result, lintText(text + '\nOne more line.\n', RULES));
  });
});

describe('common start and end of two texts', () => {
  it('agrees with a character-by-character comparison, on random pairs of every size', () => {
    const random = randomFrom(3);
    const naive = (a: string, b: string) => {
      const n = Math.min(a.length, b.length);
      let p = 0;
      while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
      let s = 0;
      while (s < n - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
      return { prefix: p, suffix: s };
    };
    for (let round = 0; round < 3000; round++) {
      const length = Math.floor(random() ** 3 * 20_000);
      const base = Array.from({ length }, () => 'ab\n😀'[Math.floor(random() * 5)]).join('');
      const at = Math.floor(random() * (base.length + 1));
      const cut = Math.floor(random() * 4);
      const insert = Array.from({ length: Math.floor(random() * 4) }, () => 'abz'[Math.floor(random() * 3)]).join('');
      const other = random() < 0.1 ? base : base.slice(0, at) + insert + base.slice(at + cut);
      const prefix = commonPrefixLength(base, other);
      assert.deepEqual({ prefix, suffix: commonSuffixLength(base, other, prefix) }, naive(base, other));
    }
  });
});

describe('finding a word list again after an edit', () => {
  const WORDS = ['we', 'will', 'commit', 'commits', 'engineering', 'time', 'co', 'fund', 'co-fund', 'a', 'ab', 'ſ', 'K', 'k', 'Ünïcode', '😀x', 'x😀', '_x', 'x_', '1', 'go/no', 'go', 'P&L', "partner's", 'e.g.'];
  const SEPARATORS = [' ', '  ', '\n', '\n\n', '-', ' - ', '\t', '\u00a0', '\r\n', '', '.', ',', '—'];

  it('gives exactly what findPhrases gives, after thousands of random edits', () => {
    const random = randomFrom(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const words = (n: number) => Array.from({ length: n }, () => pick(WORDS) + pick(SEPARATORS)).join('');
    let checked = 0;
    for (let round = 0; round < 150; round++) {
      // Plain phrases of one to three words, sometimes with a leading or trailing hyphen.
      const list = Array.from({ length: 1 + Math.floor(random() * 6) }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(WORDS)).join(pick([' ', '-', ' - '])));
      if (random() < 0.1) list.push('-' + pick(WORDS));
      if (random() < 0.1) list.push(pick(WORDS) + '-');
      let text = words(50 + Math.floor(random() * 300));
      let previous: PhraseScan = { text, phrases: list, matches: findPhrases(text, list) };
      for (let e = 0; e < 20; e++) {
        const at = Math.floor(random() * (text.length + 1));
        const r = random();
        const next = r < 0.4 ? text.slice(0, at) + pick([...WORDS, ...SEPARATORS]) + text.slice(at)
          : r < 0.7 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5))
            : text.slice(0, at) + words(1 + Math.floor(random() * 3)) + text.slice(at + Math.floor(random() * 8));
        const want = findPhrases(next, list);
        assert.deepEqual(findPhrasesAgain(previous, next, list), want, `${JSON.stringify(list)} in ${JSON.stringify(next)}`);
        previous = { text: next, phrases: list, matches: want };
        text = next;
        checked++;
      }
    }
    assert.equal(checked, 3000);
  });

  it('scans afresh for lists with /pattern/ entries, and for another list', () => {
    const text = 'We will fund it. '.repeat(50);
    const list = ['fund', '/w[a-z]ll/'];
    const previous: PhraseScan = { text, phrases: list, matches: [] };
    assert.deepEqual(findPhrasesAgain(previous, text + 'x', list), findPhrases(text + 'x', list));
    const plain = ['fund'];
    assert.deepEqual(findPhrasesAgain({ text, phrases: ['fund'], matches: [] }, text + 'x', plain), findPhrases(text + 'x', plain));
  });

  it('finds lists with /pattern/ entries again from their plain part, exactly as findPhrases, after random edits', () => {
    const random = randomFrom(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const PATTERNS = ['/[$€£¥]\\s?\\d/', '/w[a-z]ll/', '/fund(?=s)/', '/go\\/no/', '/_{2,}/', '/e\\.g/', '/[0-9]+x/', '/co[\\s-]+fund/'];
    const SPECIAL = ['$5', '€ 3', 'will', 'well', 'funds', 'go/no', '___', 'e.g', '12x', 'co fund'];
    const words = (n: number) => Array.from({ length: n }, () => (random() < 0.2 ? pick(SPECIAL) : pick(WORDS)) + pick(SEPARATORS)).join('');
    const vocabularyLists = [DEFAULT_VOCABULARY.economicTerms, DEFAULT_VOCABULARY.coMarketingTerms, DEFAULT_VOCABULARY.placeholders];
    let checked = 0;
    let split = 0;
    for (let round = 0; round < 120; round++) {
      const list = round < 6 ? vocabularyLists[round % 3]! : Array.from({ length: 2 + Math.floor(random() * 6) }, () => (random() < 0.35 ? pick(PATTERNS) : pick(WORDS)));
      let text = words(50 + Math.floor(random() * 300));
      // What CharterText keeps of the version before: each list's matches, by list.
      let found = new Map<readonly string[], { text: string; matches: PhraseMatch[] }>();
      found.set(list, { text, matches: findPhrases(text, list) });
      for (let e = 0; e < 20; e++) {
        const at = Math.floor(random() * (text.length + 1));
        const r = random();
        const next = r < 0.4 ? text.slice(0, at) + pick([...WORDS, ...SEPARATORS, ...SPECIAL]) + text.slice(at)
          : r < 0.7 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5))
            : text.slice(0, at) + words(1 + Math.floor(random() * 3)) + text.slice(at + Math.floor(random() * 8));
        const before = found;
        found = new Map();
        const got = findMixedPhrasesAgain((l) => {
          const kept = before.get(l);
          if (kept && l !== list) split++;
          return kept ? { text: kept.text, phrases: l, matches: kept.matches } : undefined;
        }, next, list, undefined, (l, matches) => found.set(l, { text: next, matches }));
        assert.deepEqual(got, findPhrases(next, list), `${JSON.stringify(list)} in ${JSON.stringify(next)}`);
        found.set(list, { text: next, matches: got });
        text = next;
        checked++;
      }
    }
    assert.equal(checked, 2400);
    assert.ok(split > 1000, `the plain part was found again from the version before ${split} times`);
  });

  it('tells patterns that always consume a character from those that may not', () => {
    for (const p of ['a', 'resources(?<=x)', '[$€£¥]\\s?\\d', '_{3,}', '<(?:a|b)>', '\\d+', '\\p{Lu}x', 'a{1}', '😀x', 'x+']) {
      assert.equal(consumesAtOnce(p), true, p);
    }
    for (const p of ['a?', 'a*', 'a{0,2}', 'a|b', '(?:a)', '^a', '$', '\\b', '(?=a)', '[a]*', '\\d?', 'x{,2}', '', '.', '[abc', '😀?']) {
      assert.equal(consumesAtOnce(p), false, p);
    }
  });
});
