/**
 * The Markdown injection grammar (syntaxes/partnerlint.injection.tmLanguage.json), tokenized
 * with the same engine VS Code uses (vscode-textmate on vscode-oniguruma) over a small stand-in
 * for the Markdown grammar: paragraphs, ATX headings whose text is re-tokenized (as VS Code's
 * does), fenced code, inline code and front matter, and over VS Code's own Markdown grammar.
 *
 * The engine packages and the grammar are devDependencies, loaded at run time from the
 * repository's node_modules; where they are missing the suite fails and says why.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// Tests run from the repository root (npm scripts do), wherever their bundles were written.
const ROOT = process.cwd();
const INJECTION_PATH = join(ROOT, 'syntaxes/partnerlint.injection.tmLanguage.json');
const INJECTION_SCOPE = 'text.partnerlint.injection';
const MARKDOWN_SCOPE = 'text.html.markdown';

const MONEY = 'constant.numeric.money.partnerlint';
const PERCENT = 'constant.numeric.percentage.partnerlint';
const DURATION = 'constant.numeric.duration.partnerlint';
const DATE = 'constant.numeric.date.partnerlint';
const PHASE = 'keyword.other.phase.partnerlint';
const TIER = 'entity.name.type.tier.partnerlint';
const GO_NO_GO = 'keyword.control.go-no-go.partnerlint';
const OURS = [MONEY, PERCENT, DURATION, DATE, PHASE, TIER, GO_NO_GO];

// ---------------------------------------------------------------------------------------------
// The few parts of vscode-textmate and vscode-oniguruma this test uses.

interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}
interface TextMate {
  INITIAL: unknown;
  parseRawGrammar(content: string, filePath?: string): unknown;
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scopeName: string): Promise<unknown>;
    getInjections?(scopeName: string): string[] | undefined;
  }) => { loadGrammar(scopeName: string): Promise<Grammar | null> };
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

function loadEngine(): { textmate: TextMate; oniguruma: Oniguruma; wasm: string } | undefined {
  const requireFromRoot = createRequire(join(ROOT, 'package.json'));
  try {
    return {
      textmate: requireFromRoot('vscode-textmate') as TextMate,
      oniguruma: requireFromRoot('vscode-oniguruma') as Oniguruma,
      wasm: requireFromRoot.resolve('vscode-oniguruma/release/onig.wasm'),
    };
  } catch {
    return undefined;
  }
}

let wasmLoaded: Promise<void> | undefined;

/** A grammar for `text.html.markdown` with our injection registered, as VS Code does for `injectTo`. */
async function markdownGrammar(engine: NonNullable<ReturnType<typeof loadEngine>>, base: { text: string; path: string }): Promise<Grammar> {
  const { textmate, oniguruma } = engine;
  if (!wasmLoaded) {
    const bytes = readFileSync(engine.wasm);
    wasmLoaded = oniguruma.loadWASM(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
  await wasmLoaded;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    async loadGrammar(scopeName) {
      if (scopeName === MARKDOWN_SCOPE) return textmate.parseRawGrammar(base.text, base.path);
      if (scopeName === INJECTION_SCOPE) return textmate.parseRawGrammar(readFileSync(INJECTION_PATH, 'utf8'), INJECTION_PATH);
      // Markdown drops its front matter rule when YAML is missing, so YAML gets a stand-in too.
      if (scopeName === 'source.yaml') return textmate.parseRawGrammar(JSON.stringify(STUB_YAML), 'stub-yaml.json');
      return null; // other embedded languages (HTML, code blocks) are not needed here
    },
    getInjections: (scopeName) => (scopeName === MARKDOWN_SCOPE ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar(MARKDOWN_SCOPE);
  assert.ok(grammar, 'the Markdown grammar loads');
  return grammar;
}

/**
 * A stand-in for VS Code's Markdown grammar with the scopes the injection selector refers to:
 * front matter (`meta.embedded.block.frontmatter`), fenced code (`markup.fenced_code.block.markdown`),
 * inline code (`markup.inline.raw.string.markdown`), headings whose text is re-tokenized through
 * captures, and paragraphs.
 */
const STUB_MARKDOWN = {
  scopeName: MARKDOWN_SCOPE,
  patterns: [{ include: '#frontMatter' }, { include: '#fenced' }, { include: '#heading' }, { include: '#paragraph' }],
  repository: {
    frontMatter: {
      begin: '\\A---\\s*$',
      end: '^---\\s*$',
      contentName: 'meta.embedded.block.frontmatter',
      patterns: [{ include: 'source.yaml' }],
    },
    fenced: {
      begin: '^(`{3,})\\s*([\\w-]*)\\s*$',
      end: '^\\1\\s*$',
      name: 'markup.fenced_code.block.markdown',
    },
    heading: {
      match: '^(#{1,6})\\s+(.*?)\\s*$',
      name: 'markup.heading.markdown',
      captures: {
        '1': { name: 'punctuation.definition.heading.markdown' },
        '2': { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] },
      },
    },
    paragraph: {
      begin: '^(?=\\S)',
      end: '^(?=\\s*$)',
      name: 'meta.paragraph.markdown',
      patterns: [{ include: '#inline' }],
    },
    inline: {
      patterns: [
        {
          match: '(`+)((?:[^`]|(?!(?<!`)\\1(?!`))`)*+)(\\1)',
          name: 'markup.inline.raw.string.markdown',
        },
        {
          begin: '\\*\\*(?=\\S)',
          end: '(?<=\\S)\\*\\*',
          name: 'markup.bold.markdown',
          patterns: [{ include: '#inline' }],
        },
      ],
    },
  },
};

const STUB_YAML = {
  scopeName: 'source.yaml',
  patterns: [{ match: '^[\\w-]+(?=:)', name: 'entity.name.tag.yaml' }],
};

/**
 * VS Code's own Markdown grammar (extensions/markdown-basics/syntaxes/markdown.tmLanguage.json),
 * as the tm-grammars devDependency ships it, so every case runs against it on any machine,
 * before any VS Code has been installed. Missing means a broken install, which fails.
 */
function realMarkdownGrammar(): { text: string; path: string } {
  const requireFromRoot = createRequire(join(ROOT, 'package.json'));
  const path = requireFromRoot.resolve('tm-grammars/grammars/markdown.json');
  return { text: readFileSync(path, 'utf8'), path };
}

/** Tokenizes a document; returns each token with its text and line. */
function tokenize(grammar: Grammar, text: string): Array<{ line: number; text: string; scopes: string[] }> {
  const out: Array<{ line: number; text: string; scopes: string[] }> = [];
  let state: unknown = engine!.textmate.INITIAL;
  text.split('\n').forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) out.push({ line: index, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = result.ruleStack;
  });
  return out;
}

/** The PartnerLint scope of the token that is exactly `text`, if any (throws when no token is exactly `text`). */
function scopeOf(tokens: ReturnType<typeof tokenize>, text: string): string | undefined {
  const exact = tokens.filter((t) => t.text === text);
  assert.ok(exact.length > 0, `no token is exactly "${text}"; tokens: ${JSON.stringify(tokens.map((t) => t.text))}`);
  const ours = exact.map((t) => t.scopes.find((s) => OURS.includes(s))).filter((s): s is string => s !== undefined);
  return ours[0];
}

/** PartnerLint scopes given to any part of the lines containing `text`. */
function oursOnLine(tokens: ReturnType<typeof tokenize>, line: number): Array<{ text: string; scope: string }> {
  return tokens
    .filter((t) => t.line === line)
    .flatMap((t) => t.scopes.filter((s) => OURS.includes(s)).map((scope) => ({ text: t.text, scope })));
}

const engine = loadEngine();

// ---------------------------------------------------------------------------------------------

/** Exact tokens and the scope each must get, one case per line of prose. */
const MARKED: Array<[line: string, token: string, scope: string]> = [
  ['Globex funds a $200K credit pool for the pilots.', '$200K', MONEY],
  ['A €1.2M co-marketing fund for 2027.', '€1.2M', MONEY],
  ['We pay $150,000 up front.', '$150,000', MONEY],
  ['A budget of USD 50k for events.', 'USD 50k', MONEY],
  ['Go/no-go: 20%+ faster setup for both pilots.', '20%+', PERCENT],
  ['Go/no-go: 20%+ faster setup for both pilots.', 'Go/no-go:', GO_NO_GO],
  ['At least 70% of invited customers adopt.', '70%', PERCENT],
  ['The pilot runs 4-8 weeks.', '4-8 weeks', DURATION],
  ['Two engineers for 6 months.', '6 months', DURATION],
  ['Either side may exit with 90 days notice.', '90 days', DURATION],
  ['Revisit after two quarters.', 'two quarters', DURATION],
  ['Crawl starts on 2027-01-11.', '2027-01-11', DATE],
  ['Crawl starts on 2027-01-11.', 'Crawl', PHASE],
  ['Signed on Jan 11, 2027 by both sides.', 'Jan 11, 2027', DATE],
  ['Walk ends in Q2 2027.', 'Q2 2027', DATE],
  ['Walk ends in Q2 2027.', 'Walk', PHASE],
  ['Move to Run.', 'Run', PHASE],
  ['Most partnerships fail in the crawl phase.', 'crawl', PHASE],
  ['We follow crawl-walk-run.', 'crawl-walk-run', PHASE],
  ['Start at Tier 2 and review after 6 months.', 'Tier 2', TIER],
  ['Revenue of 50,000 EUR, or US$5K a month.', '50,000 EUR', MONEY],
  ['Revenue of 50,000 EUR, or US$5K a month.', 'US$5K', MONEY],
  ['Gains of 20-30% are typical.', '20-30%', PERCENT],
  ['A 6-week pilot, then 6+ months of rollout.', '6-week', DURATION],
  ['A 6-week pilot, then 6+ months of rollout.', '6+ months', DURATION],
  ['Escalate after 10 business days.', '10 business days', DURATION],
  ['Signed on 1st of December 2026.', '1st of December 2026', DATE],
  ['Plan for H1 2027 and Q4 FY2027.', 'Q4 FY2027', DATE],
  ['**Go/No-Go criteria:** both pilots improve.', 'Go/No-Go criteria:', GO_NO_GO],
  ['Go/no-go (every QBR): pipeline holds.', 'Go/no-go (every QBR):', GO_NO_GO],
  ['Crawl, Walk and Run follow each other.', 'Crawl, Walk and Run', PHASE],
  ['Tier 3 (from 2027-01-11) is invitation only.', 'Tier 3', TIER],
  ['Tier 3 (from 2027-01-11) is invitation only.', '2027-01-11', DATE],
  ['A marquee logo goes straight to Tier 3 (Strategic).', 'Tier 3 (Strategic)', TIER],
];

/** Lines where nothing may be marked as money or a percentage (and, for the words, as a phase). */
const PLAIN: Array<[line: string, forbidden: string[]]> = [
  ['The crawler crawled the docs and the runway was long.', OURS],
  ['The walkthrough covers it; run the tests before you walk away.', OURS],
  ['Run the numbers again. Walk through the demo with them.', [PHASE]],
  ['Our Run-rate grew; Walk-ins are welcome; go/no-go without a colon.', [PHASE, GO_NO_GO]],
  ['A price of $1,2 or $200Kx is not an amount.', [MONEY]],
  ['Upgrade from 1.2.3 to 1.2.4 before the pilot.', [MONEY, PERCENT, DURATION, DATE]],
  ['See issue #20 and PR #2027 for details.', [MONEY, PERCENT, DURATION, DATE]],
  ['The tiering model has a tiered price list.', [TIER]],
];

describe('injection grammar: syntaxes/partnerlint.injection.tmLanguage.json', () => {
  const raw = JSON.parse(readFileSync(INJECTION_PATH, 'utf8')) as Record<string, unknown>;

  it('is an injection into Markdown prose, not code', () => {
    assert.equal(raw['scopeName'], INJECTION_SCOPE);
    const selector = String(raw['injectionSelector']);
    assert.match(selector, /^L:text\.html\.markdown\b/);
    for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-markup.raw']) assert.ok(selector.includes(excluded), excluded);
  });

  const bases: Array<{ name: string; load: () => { text: string; path: string } }> = [
    { name: 'over a stand-in Markdown grammar', load: () => ({ text: JSON.stringify(STUB_MARKDOWN), path: 'stub-markdown.json' }) },
    { name: "over VS Code's Markdown grammar", load: realMarkdownGrammar },
  ];

  for (const base of bases) {
    describe(base.name, () => {
      let grammar: Grammar;

      before(async () => {
        // They are devDependencies: missing means a broken install, which must not pass quietly.
        if (!engine) throw new Error('vscode-textmate and vscode-oniguruma are not installed: run npm install');
        grammar = await markdownGrammar(engine, base.load());
      });

      for (const [line, token, scope] of MARKED) {
        it(`marks "${token}" as ${scope.split('.').slice(0, -1).join('.')} in "${line}"`, () => {
          assert.equal(scopeOf(tokenize(grammar, line), token), scope);
        });
      }

      for (const [line, forbidden] of PLAIN) {
        it(`leaves ordinary words alone: "${line}"`, () => {
          const marked = oursOnLine(tokenize(grammar, line), 0).filter((m) => forbidden.includes(m.scope));
          assert.deepEqual(marked, []);
        });
      }

      it('marks inside headings, bold text and list items', () => {
        const tokens = tokenize(grammar, [
          '## Crawl: 2027-01-11 to 2027-02-26 (7 weeks)',
          '',
          '- **Walk** (8-12 weeks): **Go/no-go:** 70%+ of invited customers adopt.',
        ].join('\n'));
        assert.equal(scopeOf(tokens, 'Crawl'), PHASE);
        assert.equal(scopeOf(tokens, '2027-01-11'), DATE);
        assert.equal(scopeOf(tokens, '2027-02-26'), DATE);
        assert.equal(scopeOf(tokens, '7 weeks'), DURATION);
        assert.equal(scopeOf(tokens, 'Walk'), PHASE);
        assert.equal(scopeOf(tokens, '8-12 weeks'), DURATION);
        assert.equal(scopeOf(tokens, 'Go/no-go:'), GO_NO_GO);
        assert.equal(scopeOf(tokens, '70%+'), PERCENT);
      });

      it('marks nothing inside fenced code, inline code or front matter', () => {
        const tokens = tokenize(grammar, [
          '---',
          'type: rollout-plan',
          'review-by: 2027-06-30',
          'budget: $200K',
          '---',
          '',
          'Budget `$200K for 4-8 weeks from 2027-01-11` in code.',
          '',
          '```',
          'Crawl: $200K, 20%+, 4-8 weeks, 2027-01-11, Q2 2027, Tier 2, Go/no-go:',
          '```',
          '',
          'After the fence: $200K.',
        ].join('\n'));
        const marked = tokens.filter((t) => t.line < 11 && t.scopes.some((s) => OURS.includes(s)));
        assert.deepEqual(marked.map((t) => `${t.line}: ${t.text}`), []);
        assert.ok(tokens.find((t) => t.line === 9)!.scopes.some((s) => s.startsWith('markup.fenced_code')), 'the stand-in fence is recognised');
        assert.equal(scopeOf(tokens.filter((t) => t.line === 12), '$200K'), MONEY);
      });

      it('stays fast on long lines built to make a regular expression backtrack', () => {
        const hostile = [
          '$' + '1,'.repeat(4000) + 'x',
          '1'.repeat(20000) + ' weekx',
          'Q2 '.repeat(5000) + '20x',
          'Tier (' + 'a'.repeat(20000),
          'go / no go '.repeat(2000),
          ('20 - ' + '3'.repeat(50) + ' ').repeat(300) + '%x',
        ];
        const started = Date.now();
        for (const line of hostile) tokenize(grammar, line);
        assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
      });
    });
  }
});
