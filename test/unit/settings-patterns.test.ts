import * as assert from 'node:assert/strict';
import { MAX_PATTERN_LENGTH, parseConfigText, patternProblem } from '../../src/core/config-file';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { KNOWN_IDS } from '../../src/core/lint-file';
import { findMixedPhrasesAgain, findPhrasesAgain, type PhraseScan } from '../../src/core/phrase-scan';
import { DEFAULT_VOCABULARY, findPhrases, hasPhrase, settingsPattern, toLinearSyntax } from '../../src/core/vocabulary';
import { RULES, lintText } from '../../src/core';
import { cpuTimed } from './cpu-time';

/** `/pattern/` entries read from a settings file run on a linear-time engine (issue 14, item 2). */

const read = (yaml: string) => parseConfigText(yaml, '/w/.partnerlint.yaml', KNOWN_IDS);
const texts = (found: Array<{ text: string }>) => found.map((m) => m.text);

describe('patterns from settings files', () => {
  it('a pattern that backtracks exponentially in JavaScript runs in linear time', () => {
    const list = [settingsPattern('/(a|aa)+$/')];
    const { value, ms } = cpuTimed(() => findPhrases(`${'a'.repeat(46)}!`, list));
    assert.deepEqual(value, []);
    // A JavaScript RegExp takes minutes here; the linear engine, milliseconds.
    assert.ok(ms < 1000, `took ${ms} ms`);
    // And on a whole document's worth of text.
    const long = cpuTimed(() => hasPhrase(`${'a'.repeat(200_000)}!`, list));
    assert.equal(long.value, false);
    assert.ok(long.ms < 3000, `took ${long.ms} ms`);
  });

  it('the settings reader marks its patterns, so they never reach the backtracking engine', () => {
    const parsed = read('vocabulary:\n  placeholders:\n    - "/(a|aa)+$/"\n    - pending sign-off\n');
    assert.deepEqual(parsed.problems, []);
    const { placeholders } = parsed.apply(DEFAULT_CONFIG).vocabulary;
    assert.ok(placeholders.includes(settingsPattern('/(a|aa)+$/')));
    assert.ok(!placeholders.includes('/(a|aa)+$/'));
    assert.ok(placeholders.includes('pending sign-off'), 'plain phrases are kept as written');
    // Our own patterns stay as they are (they use look-arounds the linear engine has not).
    assert.ok(placeholders.includes('/_{3,}/'));
  });

  it('a charter linted with the hostile pattern stays fast and still reports what it should', () => {
    const parsed = read('vocabulary:\n  placeholders:\n    - "/(a|aa)+$/"\n    - "/pending\\\\s+legal/"\n');
    assert.deepEqual(parsed.problems, []);
    const resolved = parsed.apply(DEFAULT_CONFIG);
    const text = `---\ntype: partnership-charter\n---\n# Acme × Globex Partnership Charter\n\n## Governance\n\n- ${'a'.repeat(46)}!\n- Owner: pending legal\n`;
    const { value: result, ms } = cpuTimed(() => lintText(text, RULES, resolved));
    assert.ok(ms < 5000, `took ${ms} ms`);
    assert.ok(result.diagnostics.some((d) => d.ruleId === 'placeholder-left' && /pending legal/.test(d.message)), 'the settings pattern is found');
  });

  it('reads like the JavaScript pattern the author wrote: case, Unicode classes, \\s, ., \\u escapes, look-behinds', () => {
    const p = (source: string) => [settingsPattern(`/${source}/`)];
    assert.deepEqual(texts(findPhrases('Status: TBA and tba', p('tba'))), ['TBA', 'tba']);
    assert.deepEqual(texts(findPhrases('Ünïcode wörds', p('\\p{L}+'))), ['Ünïcode', 'wörds']);
    // JavaScript's \s includes a no-break space; RE2's alone would not.
    assert.deepEqual(texts(findPhrases('to\u00a0confirm', p('to\\s+confirm'))), ['to\u00a0confirm']);
    // JavaScript's . stops at a carriage return; RE2's alone would not.
    assert.deepEqual(texts(findPhrases('a\rb', p('a.b'))), []);
    assert.deepEqual(texts(findPhrases('café', p('caf\\u00e9'))), ['café']);
    assert.deepEqual(texts(findPhrases('xTBA TBA', p('(?<![\\p{L}])tba'))), ['TBA']);
    // Offsets count UTF-16 units, as the rest of PartnerLint does.
    const [m] = findPhrases('😀 TBA', p('tba'));
    assert.deepEqual(m, { text: 'TBA', start: 3, end: 6 });
    assert.equal(toLinearSyntax('[\\s-]\\u{1F600}'), '[\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}-]\\x{1F600}');
  });

  it('in a list with phrases and our own patterns, a phrase wins where they overlap; both are found elsewhere', () => {
    const list = ['TBD', '/_{3,}/', settingsPattern('/tbd\\s+soon/'), settingsPattern('/waiting\\s+on\\s+\\w+/')];
    assert.deepEqual(texts(findPhrases('TBD soon; ____ waiting on legal', list)), ['TBD', '____', 'waiting on legal']);
    // Over the memo's length, hasPhrase reads the settings patterns too.
    assert.equal(hasPhrase(`${'x '.repeat(3000)}waiting on legal`, list), true);
    assert.equal(hasPhrase(`${'x '.repeat(3000)}waiting`, list), false);
  });

  it('a marked entry the engine cannot run is left out, never run on the backtracking engine, never thrown', () => {
    const list = ['TBD', settingsPattern('/(a|aa)+(?=b)$/'), settingsPattern('/ok+/')];
    const { value, ms } = cpuTimed(() => findPhrases(`${'a'.repeat(46)}! TBD okk`, list));
    assert.deepEqual(texts(value), ['TBD', 'okk']);
    assert.ok(ms < 1000, `took ${ms} ms`);
  });

  it('finding a list again after an edit gives what finding it afresh gives', () => {
    const list = [...DEFAULT_VOCABULARY.placeholders, settingsPattern('/waiting\\s+on\\s+\\w+/')];
    const before = `## Governance\n\nOwner: TBD\n\nSign-off: waiting on legal\n\n${'Plain prose line.\n'.repeat(50)}`;
    const after = before.replace('Owner: TBD', 'Owner: waiting on finance, TBD');
    const previous: PhraseScan = { text: before, phrases: list, matches: findPhrases(before, list) };
    assert.deepEqual(findPhrasesAgain(previous, after, list), findPhrases(after, list));
    const scans = new Map<readonly string[], PhraseScan>();
    const remember = (text: string) => (l: readonly string[], matches: Array<{ text: string; start: number; end: number }>) => scans.set(l, { text, phrases: l, matches });
    findMixedPhrasesAgain((l) => scans.get(l), before, list, undefined, remember(before));
    assert.deepEqual(findMixedPhrasesAgain((l) => scans.get(l), after, list, undefined, remember(after)), findPhrases(after, list));
  });
});

describe('patterns from settings files: what the settings reader refuses', () => {
  const problem = (pattern: string) => patternProblem(`/${pattern}/`);

  it('accepts what the linear engine runs, look-behinds included', () => {
    for (const ok of ['tba', '(a|aa)+$', '(?<![\\p{L}])tbd', 'q[1-4]\\s+\\d{4}', '[$€£]\\s?X+', '\\bnot\\s+yet\\b']) assert.equal(problem(ok), undefined, ok);
  });

  it('says why a look-ahead, a back-reference or a capture in a look-behind cannot be used', () => {
    assert.match(problem('tbd(?![\\p{L}])')!, /look-aheads .* cannot run in linear time/);
    assert.match(problem('(a)\\1')!, /back-references .* cannot run in linear time/);
    assert.match(problem('(?<!(x))y')!, /look-behind may not hold a capturing group/);
    assert.match(problem(`${'a'.repeat(MAX_PATTERN_LENGTH + 1)}`)!, /longer than 1000 characters/);
  });

  it('reports a refused pattern at its line as config-invalid, keeps the rest, and never hangs', () => {
    const yaml = 'vocabulary:\n  placeholders:\n    - "/tbd(?!x)/"\n    - "/(a|aa)+$/"\n  economicTerms:\n    - "/(x+x+)+y\\\\1/"\n';
    const { value: parsed, ms } = cpuTimed(() => read(yaml));
    assert.ok(ms < 1000, `took ${ms} ms`);
    assert.deepEqual(parsed.problems.map((p) => yaml.slice(0, p.start).split('\n').length), [3, 6]);
    assert.match(parsed.problems[0]!.message, /^\/tbd\(\?!x\)\/ in vocabulary\.placeholders is not a pattern PartnerLint can use \(look-aheads/);
    const { vocabulary } = parsed.apply(DEFAULT_CONFIG);
    assert.ok(vocabulary.placeholders.includes(settingsPattern('/(a|aa)+$/')));
    assert.ok(!vocabulary.placeholders.some((p) => p.includes('tbd(?!x)')));
  });

  it('caps the patterns of one file, so compiling them stays quick', () => {
    const yaml = `vocabulary:\n  placeholders:\n${Array.from({ length: 60 }, (_, i) => `    - "/${'x'.repeat(900)}${i}/"\n`).join('')}`;
    const { value: parsed, ms } = cpuTimed(() => read(yaml));
    assert.ok(parsed.problems.length > 0 && parsed.problems.every((p) => /more than 20,000 characters/.test(p.message)));
    assert.ok(ms < 3000, `took ${ms} ms`);
  });

  it('remove takes out one of our own patterns, written as it is listed', () => {
    const parsed = read('vocabulary:\n  placeholders:\n    remove: ["/_{3,}/"]\n');
    assert.deepEqual(parsed.problems, []);
    assert.ok(!parsed.apply(DEFAULT_CONFIG).vocabulary.placeholders.includes('/_{3,}/'));
  });
});
