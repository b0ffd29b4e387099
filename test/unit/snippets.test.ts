/**
 * The Markdown snippets (snippets/markdown.json). Each body is parsed with a small, strict
 * reader of VS Code's snippet syntax and expanded the way VS Code inserts it when the author
 * accepts every default: placeholders take their default text, choices their first option,
 * mirrors repeat what their tab stop holds, variables are resolved (the date fixed, so the
 * test does not change with the calendar).
 *
 * Every snippet leaves the values only the author knows (names, roles, amounts, counts, dates)
 * as bracketed prompts: accepted as they come, they are blanks that placeholder-left reports one
 * by one; filled in with real values, the documents pass every rule. What the framework itself
 * says (a pilot of 4-6 weeks before launch, 2-3 case study candidates) stays as written.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, RULES, DEFAULT_CONFIG, DEFAULT_VOCABULARY, findPhrases, sniff, TextIndex } from '../../src/core';
import { builtinTree } from '../../src/trees/builtin';
import { evaluate } from '../../src/trees/walk';

// Tests run from the repository root (npm scripts do), wherever their bundles were written.
const SNIPPETS_PATH = join(process.cwd(), 'snippets/markdown.json');

// ---------------------------------------------------------------------------------------------
// VS Code snippet syntax, strictly
//
//   $1  ${1}  ${1:default with ${2:nested} parts}  ${1|one,two|}  $0
//   $NAME  ${NAME}  ${NAME:default}     (known variables only)
//   \$  \}  \\  escape in text; \,  \|  \\  escape in choice options.
//
// Stricter than VS Code on purpose: a `$` that starts nothing, an unknown variable or a
// transform (`${1/a/b/}`) is an error here, since in a template it is almost always a typo
// (`$200K` would silently become tab stop 200).

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: SnippetNode[] | undefined }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: SnippetNode[] | undefined };

const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER',
  'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR',
  'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM', 'RANDOM_HEX', 'UUID',
  'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

class SnippetSyntaxError extends Error {}

function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const fail = (message: string): never => {
    throw new SnippetSyntaxError(`${message} at offset ${pos}: …${source.slice(Math.max(0, pos - 20), pos + 20)}…`);
  };

  /** Nodes up to the end of the text, or up to the `}` that closes a placeholder's default. */
  function sequence(inside: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const c = source[pos]!;
      if (c === '\\') {
        const next = source[pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          pos += 2;
        } else {
          text += c;
          pos++;
        }
      } else if (c === '}' && inside) {
        flush();
        return nodes;
      } else if (c === '$') {
        flush();
        nodes.push(dollar());
      } else {
        text += c;
        pos++;
      }
    }
    if (inside) fail('a placeholder is not closed with }');
    flush();
    return nodes;
  }

  function dollar(): SnippetNode {
    pos++; // $
    const simple = /^(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(source.slice(pos));
    if (simple) {
      pos += simple[0].length;
      if (simple[1] !== undefined) return { kind: 'tabstop', index: Number(simple[1]), children: undefined };
      return variable(simple[2]!, undefined);
    }
    if (source[pos] !== '{') return fail('a $ that starts no tab stop or variable (write \\$ for a dollar sign)');
    pos++; // {
    const head = /^(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(source.slice(pos));
    if (!head) return fail('${ is not followed by a number or a variable name');
    pos += head[0].length;
    const after = source[pos];
    if (after === '}') {
      pos++;
      return head[1] !== undefined ? { kind: 'tabstop', index: Number(head[1]), children: undefined } : variable(head[2]!, undefined);
    }
    if (after === ':') {
      pos++;
      const children = sequence(true);
      pos++; // }
      return head[1] !== undefined ? { kind: 'tabstop', index: Number(head[1]), children } : variable(head[2]!, children);
    }
    if (after === '|' && head[1] !== undefined) {
      pos++;
      return { kind: 'choice', index: Number(head[1]), options: choiceOptions() };
    }
    return fail(after === '/' ? 'transforms are not used in these snippets' : `unexpected "${after ?? 'end of text'}" after \${${head[0]}`);
  }

  function variable(name: string, children: SnippetNode[] | undefined): SnippetNode {
    if (!KNOWN_VARIABLES.has(name)) fail(`unknown variable ${name}`);
    return { kind: 'variable', name, children };
  }

  function choiceOptions(): string[] {
    const options: string[] = [];
    let current = '';
    while (pos < source.length) {
      const c = source[pos]!;
      if (c === '\\' && [',', '|', '\\'].includes(source[pos + 1] ?? '')) {
        current += source[pos + 1];
        pos += 2;
      } else if (c === ',') {
        options.push(current);
        current = '';
        pos++;
      } else if (c === '|' && source[pos + 1] === '}') {
        options.push(current);
        pos += 2;
        return options;
      } else if (c === '|') {
        return fail('a | inside a choice must be escaped as \\|');
      } else {
        current += c;
        pos++;
      }
    }
    return fail('a choice is not closed with |}');
  }

  return sequence(false);
}

/** Every tab stop and choice in the tree, nested ones included. */
function stops(nodes: readonly SnippetNode[]): Array<Extract<SnippetNode, { kind: 'tabstop' | 'choice' }>> {
  return nodes.flatMap((n) => {
    if (n.kind === 'tabstop') return [n, ...stops(n.children ?? [])];
    if (n.kind === 'choice') return [n];
    if (n.kind === 'variable') return stops(n.children ?? []);
    return [];
  });
}

interface ExpandOptions {
  /** Which option a choice takes: the first (what VS Code inserts) or the last. */
  choice: 'first' | 'last';
  variables: Record<string, string>;
  /** What the author typed into tab stops, by number: it replaces the default everywhere the stop stands. */
  typed?: Readonly<Record<number, string>>;
}

/**
 * The text VS Code inserts when every default is accepted. A tab stop written several times
 * mirrors the one occurrence that has a default or choice.
 */
function expandSnippet(nodes: readonly SnippetNode[], options: ExpandOptions): string {
  const definitions = new Map<number, Extract<SnippetNode, { kind: 'tabstop' | 'choice' }>>();
  for (const stop of stops(nodes)) {
    if (!definitions.has(stop.index) && (stop.kind === 'choice' || stop.children !== undefined)) definitions.set(stop.index, stop);
  }
  const resolving = new Set<number>();
  const valueOf = (index: number): string => {
    const typed = options.typed?.[index];
    if (typed !== undefined) return typed;
    const definition = definitions.get(index);
    if (!definition) return '';
    if (resolving.has(index)) throw new SnippetSyntaxError(`tab stop ${index} contains itself`);
    resolving.add(index);
    try {
      if (definition.kind === 'choice') return options.choice === 'first' ? definition.options[0]! : definition.options[definition.options.length - 1]!;
      return render(definition.children ?? []);
    } finally {
      resolving.delete(index);
    }
  };
  const render = (list: readonly SnippetNode[]): string =>
    list
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'tabstop':
          case 'choice':
            return valueOf(n.index);
          case 'variable':
            return options.variables[n.name] ?? render(n.children ?? []);
        }
      })
      .join('');
  return render(nodes);
}

/** Variables as VS Code would resolve them on a fixed day, for a file named decision.md. */
function variablesAt(date: Date): Record<string, string> {
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    CURRENT_YEAR: String(date.getUTCFullYear()),
    CURRENT_YEAR_SHORT: String(date.getUTCFullYear()).slice(-2),
    CURRENT_MONTH: two(date.getUTCMonth() + 1),
    CURRENT_DATE: two(date.getUTCDate()),
    TM_FILENAME: 'decision.md',
    TM_FILENAME_BASE: 'decision',
  };
}

const DEFAULTS: ExpandOptions = { choice: 'first', variables: variablesAt(new Date(Date.UTC(2026, 11, 1, 9))) };

// ---------------------------------------------------------------------------------------------
// The snippets

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const snippets = JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>;

function bodyOf(name: string): string {
  const snippet = snippets[name];
  assert.ok(snippet, `snippets/markdown.json has a snippet named "${name}"`);
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

function expanded(name: string, options: ExpandOptions = DEFAULTS): string {
  return expandSnippet(parseSnippet(bodyOf(name)), options);
}

function diagnosticsOf(text: string): string[] {
  return lintText(text, RULES, DEFAULT_CONFIG).diagnostics.map((d) => `${d.range.start.line + 1}: ${d.ruleId}: ${d.message}`);
}

/** Template scaffolding that must not survive into an accepted default: `[prompts]`, TBD, `___`, `<name>`. */
function leftovers(text: string): string[] {
  const prose = text.replace(/^(\s*[-*+]\s+)\[[ xX]\]/gm, '$1');
  const brackets = [...prose.matchAll(/\[[^\]\n]*\](?!\()/g)].map((m) => m[0]);
  return [...brackets, ...findPhrases(prose, DEFAULT_VOCABULARY.placeholders).map((p) => p.text)];
}

/** The bracketed prompts of `text` after its front matter (task checkboxes are not), with their offsets. */
function prompts(text: string): Array<{ text: string; start: number }> {
  const bodyStart = text.startsWith('---\n') ? text.indexOf('\n---\n', 4) + 5 : 0;
  return [...text.slice(bodyStart).matchAll(/\[(?![ xX]\])[^\]\n]+\](?![(\[])/g)].map((m) => ({ text: m[0], start: bodyStart + m.index }));
}

const PREFIX_WORDS = ['charter', 'partner', 'decision', 'rollout', 'launch'];

const CHARTER = 'Partnership charter';
/** Snippets that stand on their own as documents, with the kind each declares. */
const DOCUMENTS: Record<string, string> = {
  [CHARTER]: 'partnership-charter',
  'Partner tier model': 'partner-tiering',
  'Crawl-walk-run rollout': 'rollout-plan',
  'Partner launch checklist': 'launch-plan',
  'Decision: build or partner': 'decision-record',
  'Decision: partner tier': 'decision-record',
  'Decision: continue the partnership': 'decision-record',
  'Decision: curated or open ecosystem': 'decision-record',
  'Partnership strategy': 'partnership-strategy',
};
/** Pieces of a charter: the full charter holds each of them, word for word, once expanded. */
const CHARTER_PIECES = [
  'Charter: Mutual Goals',
  'Charter: Value Exchange',
  'Charter: Timeline',
  'Charter: Measurement',
  'Charter: Governance',
  'Charter: signatures',
  'Charter: if this fails',
];
/** Sections that go into a charter (or any strategy document) beside the five. */
const CHARTER_EXTRAS = ['Partner: three-sided value proposition', 'Partner: leverage assessment'];
/** Snippets whose values are left for the author to fill in, as bracketed prompts: all of them. */
const TO_FILL = new Set([...Object.keys(DOCUMENTS), ...CHARTER_PIECES, ...CHARTER_EXTRAS]);

/**
 * What an author types into each tab stop (choices keep their first option): the charter, the
 * strategy and the sections added to a charter, filled in as one consistent partnership.
 */
const TYPED: Record<string, Record<number, string>> = {
  [CHARTER]: {
    1: 'Globex Cloud', 2: 'Dana Reyes', 3: '2027-06-30', 4: 'Acme', 5: '40', 6: '$1.2M', 7: '2027-06-30', 8: '30%', 9: '2027-06-30',
    10: '1 day', 11: '10 days', 12: '3', 13: '4 months', 14: '$150K', 15: '$200K', 16: '2', 17: '6 months', 18: '2027-01-11',
    19: '2027-02-26', 20: '7 weeks', 21: '2', 22: '20%', 23: '2027-03-08', 24: '2027-05-28', 25: '12 weeks', 26: '8', 27: '70%',
    28: '2027-06-07', 33: 'VP Partnerships', 34: 'Lee Park', 35: 'Director, ISV Alliances', 36: '10', 37: 'CEO',
    38: 'GM of Marketplace', 39: '20', 40: '2027-09-30', 41: '60', 42: '2026-12-01', 43: '2026-12-02',
  },
  'Partnership strategy': {
    1: 'Dana Reyes', 2: '2027-06-30', 3: 'Acme', 6: '2', 7: '3 months', 11: '10', 12: '20%', 13: '3', 14: '10', 15: '2027-01-11',
    16: '2027-03-05', 17: '8 weeks', 18: '3', 19: '2', 20: '2027-03-08', 21: '2027-05-28', 22: '12 weeks', 23: '10', 24: '$500K',
    25: '2027-06-01', 26: 'VP Partnerships', 27: 'the VP Partnerships of each side', 28: 'two', 29: '30%', 30: '2027-12-31',
  },
  'Partner: three-sided value proposition': { 1: 'Acme', 2: 'Globex Cloud', 3: '1,200', 4: '$1.2M', 5: '8 months', 6: '30%', 7: '1 day', 8: '10 days', 9: '15%' },
  'Partner: leverage assessment': {
    1: 'Globex Cloud', 2: 'its MSP certification', 3: 'its partner program guide', 4: '30%', 5: '$400K', 6: '6 months', 7: '50', 8: '12 months',
  },
  'Partner tier model': { 1: 'Dana Reyes', 2: '2027-06-30', 3: 'Acme', 6: '5', 7: '6 months', 10: '20', 11: '$500K', 12: '$2M', 13: '2' },
  'Crawl-walk-run rollout': {
    1: 'Globex Cloud', 2: 'Dana Reyes', 3: 'Acme', 4: '2027-01-11', 5: '2027-02-26', 6: '7 weeks', 7: '2', 8: '20%', 9: 'Lee Park',
    10: '2027-03-08', 11: '2027-05-28', 12: '12 weeks', 13: '8', 14: '70%', 15: '10', 16: '2027-06-07', 18: '$1M', 19: '2',
  },
  'Partner launch checklist': { 1: 'Globex Cloud', 2: '2027-03-15', 3: 'Acme', 4: 'Dana Reyes', 5: 'Lee Park', 9: '2027-06-15' },
  'Decision: build or partner': {
    6: 'Priya Natarajan', 7: 'VP Product', 8: 'single sign-on', 9: 'Customers expect it, but nobody chooses us for it',
    10: '2 engineers for 8 months', 11: '2 identity providers want our customers on their platform', 12: '2027-12-01',
  },
  'Decision: partner tier': { 5: 'Dana Reyes', 6: 'VP Partnerships', 7: 'Globex Cloud', 8: '3', 9: 'A good fit, not a repositioning', 10: '2027-06-01' },
  'Decision: continue the partnership': { 5: 'Dana Reyes', 6: 'VP Partnerships', 7: 'Globex Cloud', 8: '27%', 9: '20%', 10: '75%', 11: '70%', 12: '2027-09-01' },
  'Decision: curated or open ecosystem': {
    5: 'Priya Natarajan', 6: 'VP Product', 7: 'integration marketplace', 8: 'A weak listing is a nuisance, not a security risk', 9: '2,000',
    10: '2 years', 11: '5%',
  },
};

const filled = (name: string, options: ExpandOptions = DEFAULTS) => expanded(name, { ...options, typed: TYPED[name] });

/** Decision record snippet → the built-in tree it records. */
const DECISIONS: Record<string, string> = {
  'Decision: build or partner': 'build-vs-partner',
  'Decision: partner tier': 'partner-tier',
  'Decision: continue the partnership': 'continue-partnership',
  'Decision: curated or open ecosystem': 'ecosystem-model',
};

describe('snippet syntax reader', () => {
  const expand = (body: string) => expandSnippet(parseSnippet(body), DEFAULTS);

  it('expands tab stops, defaults, nested defaults, choices, mirrors and $0', () => {
    assert.equal(expand('${1:Acme} × ${2:Globex} — $1 and ${2}$0'), 'Acme × Globex — Acme and Globex');
    assert.equal(expand('${1:outer ${2:inner}} / $2'), 'outer inner / inner');
    assert.equal(expand('${1|monthly,quarterly|} then $1'), 'monthly then monthly');
    assert.equal(expandSnippet(parseSnippet('${1|monthly,quarterly|}'), { ...DEFAULTS, choice: 'last' }), 'quarterly');
    assert.equal(expand('$1 mirrors ${1:later default}'), 'later default mirrors later default');
  });

  it('resolves variables, with their default when they have no value', () => {
    assert.equal(expand('$CURRENT_YEAR-${CURRENT_MONTH}-$CURRENT_DATE'), '2026-12-01');
    assert.equal(expand('${1:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}'), '2026-12-01');
    assert.equal(expand('${TM_SELECTED_TEXT:nothing selected} in $TM_FILENAME_BASE'), 'nothing selected in decision');
  });

  it('reads escapes in text and in choices', () => {
    assert.equal(expand('a \\$200K fund \\} \\\\ \\n'), 'a $200K fund } \\ \\n');
    assert.equal(expand('${1:\\$1.2M}'), '$1.2M');
    assert.equal(expand('${1|a\\,b,c\\|d|}'), 'a,b');
    assert.equal(expand('closing } outside a placeholder is text'), 'closing } outside a placeholder is text');
  });

  it('rejects what VS Code would read differently from what the author meant', () => {
    assert.throws(() => parseSnippet('${1:unclosed'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1|a,b}'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('a lone $ sign'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1/a/b/}'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('$PARTNER_NAME'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${}'), SnippetSyntaxError);
  });
});

describe('snippets/markdown.json', () => {
  const names = Object.keys(snippets);

  it('has the expected snippets', () => {
    for (const name of [...Object.keys(DOCUMENTS), ...CHARTER_PIECES, ...CHARTER_EXTRAS]) assert.ok(names.includes(name), name);
    assert.equal(names.length, new Set([...Object.keys(DOCUMENTS), ...CHARTER_PIECES, ...CHARTER_EXTRAS]).size);
  });

  for (const name of names) {
    describe(name, () => {
      const snippet = snippets[name]!;

      it('is a well-formed snippet: prefix, body, description, tab stops numbered 1..n without gaps', () => {
        const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
        assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && /^[a-z][a-z0-9-]*$/.test(p)), 'kebab-case prefixes');
        assert.ok(typeof snippet.description === 'string' && snippet.description.length > 20, 'a description');
        const nodes = parseSnippet(bodyOf(name));
        const all = stops(nodes);
        const numbers = [...new Set(all.map((s) => s.index).filter((i) => i > 0))].sort((a, b) => a - b);
        assert.deepEqual(numbers, numbers.map((_, i) => i + 1), 'tab stops 1..n');
        assert.ok(all.filter((s) => s.index === 0).length <= 1, 'at most one $0');
        // A mirrored tab stop is defined once: two different defaults would leave VS Code to pick one.
        const defined = new Map<number, string>();
        for (const stop of all) {
          if (stop.kind === 'tabstop' && stop.children === undefined) continue;
          const shown = JSON.stringify(stop.kind === 'choice' ? stop.options : stop.children);
          const before = defined.get(stop.index);
          assert.ok(before === undefined || before === shown, `tab stop ${stop.index} is given two different defaults`);
          defined.set(stop.index, shown);
        }
        for (const stop of all) {
          if (stop.kind === 'choice') assert.ok(stop.options.length >= 2 && stop.options.every((o) => o.trim() !== ''), `choice ${stop.index} offers real options`);
        }
      });

      it('is found by typing charter, partner, decision, rollout or launch', () => {
        const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
        for (const prefix of prefixes) assert.ok(PREFIX_WORDS.some((w) => prefix.startsWith(w) || prefix.includes(w)), prefix);
        assert.ok(prefixes.some((p) => PREFIX_WORDS.some((w) => p.startsWith(w))), 'one prefix starts with one of the words');
      });

      if (TO_FILL.has(name)) {
        it('leaves nothing but bracketed prompts to fill in its defaults', () => {
          assert.ok(prompts(expanded(name)).length > 0, 'prompts to fill in');
          assert.deepEqual(leftovers(expanded(name)).filter((l) => !/^\[[^\]]+\]$/.test(l)), []);
        });

        it('selects the whole value of each prompt: no currency sign or unit outside it', () => {
          const source = bodyOf(name);
          assert.doesNotMatch(source, /(?:\\\$|[€£¥])\$\{\d+:\[/, 'a currency sign before a prompt would be typed twice');
          assert.doesNotMatch(source, /\$\{\d+:\[[^\]]*\]\}(?:%|[KMB]\b)/, 'a unit glued after a prompt would be typed twice');
          for (const stop of stops(parseSnippet(source))) {
            if (stop.kind !== 'tabstop' || !stop.children) continue;
            const text = expandSnippet(stop.children, DEFAULTS);
            if (text.startsWith('[')) assert.doesNotMatch(text, /[$€£¥%]/, `prompt ${stop.index}: ${text}`);
          }
          // A decision record is dated the day it is written, as the wizard dates it; nothing else is dated for the author.
          if (!(name in DECISIONS)) assert.doesNotMatch(source, /\$CURRENT_/, 'no date filled in for the author');
        });

        if (name in TYPED) it('is filled in completely by the values an author types', () => {
          assert.deepEqual(prompts(filled(name)), []);
          assert.deepEqual(prompts(filled(name, { ...DEFAULTS, choice: 'last' })), []);
        });
      } else {
        it('leaves no template scaffolding in its defaults', () => {
          assert.deepEqual(leftovers(expanded(name)), []);
          assert.deepEqual(leftovers(expanded(name, { ...DEFAULTS, choice: 'last' })), []);
        });
      }
    });
  }
});

describe('snippets left to fill in: blanks until filled, clean once filled', () => {
  for (const [name, kind] of Object.entries(DOCUMENTS)) {

    it(`${name}: tabbing through gives a ${kind} whose every blank placeholder-left reports, one by one`, () => {
      const text = expanded(name);
      assert.equal(sniff(text).kind, kind);
      const result = lintText(text, RULES, DEFAULT_CONFIG);
      assert.equal(result.kind, kind);
      const index = new TextIndex(text);
      const reported = result.diagnostics.filter((d) => d.ruleId === 'placeholder-left');
      // Not a template: each blank is its own report, on exactly its characters.
      assert.ok(reported.every((d) => !d.relatedInformation), 'no summaries');
      assert.deepEqual(
        reported.map((d) => [index.offsetAt(d.range.start), text.slice(index.offsetAt(d.range.start), index.offsetAt(d.range.end))]),
        prompts(text).map((p) => [p.start, p.text]),
      );
      assert.ok(reported.length > 0, 'blanks to fill');
      // Names, people, roles, amounts, counts and dates all wait for the author.
      if (name === CHARTER || name === 'Partnership strategy') for (const prompt of ['[Your company]', '[number]', '[date]', '[role]']) assert.ok(text.includes(prompt), prompt);
      if (name === CHARTER) for (const prompt of ['[Partner]', "[Partner's decision owner]", '[amount]', '[date signed]']) assert.ok(text.includes(prompt), prompt);
      if (name in DECISIONS) assert.match(text, /Decided on 2026-12-01 by \[name\] \(\[role\]\)/);
    });

    it(`${name}: filled in with real values, passes every rule`, () => {
      for (const choice of ['first', 'last'] as const) {
        const text = filled(name, { ...DEFAULTS, choice });
        assert.equal(lintText(text, RULES, DEFAULT_CONFIG).kind, kind);
        assert.deepEqual(diagnosticsOf(text), [], `with the ${choice} option of every choice`);
      }
    });
  }
});

describe('charter sections and extras', () => {
  for (const piece of CHARTER_PIECES) {
    it(`the charter holds "${piece}" word for word`, () => {
      const charter = expanded(CHARTER);
      const text = expanded(piece).replace(/\n$/, '');
      assert.ok(charter.includes(text), `the expanded charter does not contain:\n${text}`);
    });
  }

  for (const extra of CHARTER_EXTRAS) {
    it(`${extra}, filled in and added to the filled-in charter`, () => {
      const charter = filled(CHARTER);
      const text = charter.replace('\n## Mutual Goals\n', `\n${filled(extra)}\n## Mutual Goals\n`);
      assert.notEqual(text, charter);
      assert.deepEqual(diagnosticsOf(text), []);
    });
  }
});

describe('decision record snippets follow their trees', () => {
  for (const [name, treeId] of Object.entries(DECISIONS)) {
    describe(name, () => {
      const tree = builtinTree(treeId)!;
      const nodes = parseSnippet(bodyOf(name));
      const choiceOf = (line: RegExp) => {
        const source = bodyOf(name).split('\n').find((l) => line.test(l));
        assert.ok(source, `a line matching ${line}`);
        const found = stops(parseSnippet(source.replace(/^[^$]*/, ''))).find((s) => s.kind === 'choice');
        assert.ok(found && found.kind === 'choice', `a choice on "${source}"`);
        return found.options;
      };

      it(`names the ${treeId} tree and offers every question, answer and outcome it has`, () => {
        assert.ok(tree, `built-in tree ${treeId}`);
        const data = sniff(expandSnippet(nodes, DEFAULTS)).frontMatter?.data as Record<string, unknown>;
        assert.equal(data['tree'], treeId);
        assert.deepEqual(Object.keys(data['answers'] as object).sort(), Object.keys(tree.questions).sort());
        for (const [question, q] of Object.entries(tree.questions)) {
          assert.deepEqual(choiceOf(new RegExp(`^\\s+${question}:`)).sort(), Object.keys(q.answers).sort(), question);
        }
        assert.deepEqual(choiceOf(/^outcome:/).sort(), Object.keys(tree.outcomes).sort());
      });

      // The choices are ordered so that the first options form one consistent path through the
      // tree and the last options another: accepting every default gives a record that holds.
      for (const choice of ['first', 'last'] as const) {
        it(`records the outcome the tree gives for its answers, with the ${choice} option of every choice`, () => {
          const text = expandSnippet(nodes, { ...DEFAULTS, choice, typed: TYPED[name] });
          const data = sniff(text).frontMatter?.data as Record<string, unknown>;
          const result = evaluate(tree, data['answers'] as Record<string, unknown>);
          assert.equal(result.status, 'outcome');
          assert.equal(result.status === 'outcome' ? result.outcome : undefined, data['outcome']);
          assert.equal(data['date'], '2026-12-01');
          assert.deepEqual(diagnosticsOf(text), []);
        });
      }
    });
  }
});
