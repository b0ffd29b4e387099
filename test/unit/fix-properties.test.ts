/**
 * A property test over fixes (thorough stage). Random documents are built from the fixture
 * documents (test/fixtures, examples): each fixture as it is, then variants with sections
 * dropped, pieces of other fixtures spliced in, random edits typed, and line endings changed.
 * On each, every fix and every suggestion is applied on its own, and fix-all is run. Three
 * things must hold:
 *
 * 1. No character the author wrote is lost outside an edit's range: applying gives exactly the
 *    text with the edits put in. An automatic fix (fix-all, fix on save, --fix) only adds: the
 *    original is kept whole, in order; a suggestion replaces only text inside what it reports.
 * 2. Re-linting the result no longer offers the same fix: the same rule, title and replaced
 *    text are offered fewer times than before (a fix that is offered again stacks its text).
 * 3. No automatic fix changes a front matter value the author set; values may only be added.
 *
 * Seeded and deterministic; the work is bounded in CPU time (see cpu-time.ts).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, RULES, DEFAULT_CONFIG, TextIndex, applyFixes, selectFixes, fixAll, findFrontMatter, type Fix, type LintDiagnostic } from '../../src/core';
import { randomFrom, randomEdit } from './random-edits';
import { cpuNow } from './cpu-time';

const SEED = 20261206;
/** Most documents checked, and the CPU milliseconds after which no new one is started. */
const MAX_DOCUMENTS = 120;
const CPU_BUDGET_MS = 30_000;

const ROOT = process.cwd();
const SOURCES = [
  ...readdirSync(join(ROOT, 'test/fixtures')).filter((f) => f.endsWith('.md')).sort().map((f) => join(ROOT, 'test/fixtures', f)),
  ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().map((f) => join(ROOT, 'examples', f)),
];

/** What random edits type: headings, commitments, placeholders, front matter lines, line breaks. */
const PIECES = [
  '\n## Timeline\n', '\n## Governance\n\n- Escalation path: TBD\n', '\n## Value Exchange\n\n- We will dedicate engineering resources.\n',
  '- Initech will allocate budget for joint campaigns.\n', '\n### Crawl\n\n- 4 weeks with 3 pilot customers\n', '## Post-launch\n',
  'TBD', '[amount]', ' ([how much], [for how long])', 'outcome: build\n', 'outcome:\n', 'type: decision-record\n',
  'type: partnership_charter\n', 'answers:\n  core-differentiation: yes\n', 'tree: build-vs-partner\n', '# comment\n',
  '\n', '\r\n', '\n\n', '---\n', '| a | b |\n|---|---|\n| x | y |\n', 'joint webinar', '$200K', '2026-09-01', ' ',
];

/** Lines that start a section: where a variant drops or splices one. */
const HEADING = /^(?:#{1,6}[ \t]|\*\*[^*\n]+\*\*:?[ \t]*$)/;

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/** A variant of `text`: a few of the changes people make to documents, drawn from `random`. */
function variant(text: string, others: readonly string[], random: () => number): string {
  let out = text;
  const steps = 1 + Math.floor(random() * 4);
  for (let i = 0; i < steps; i++) {
    const kind = random();
    const ls = lines(out);
    const headings = ls.map((l, n) => (HEADING.test(l) ? n : -1)).filter((n) => n >= 0);
    if (kind < 0.25 && headings.length > 0) {
      // Drop a section: a heading and what follows, up to the next heading.
      const h = headings[Math.floor(random() * headings.length)]!;
      const next = headings.find((n) => n > h) ?? ls.length;
      out = [...ls.slice(0, h), ...ls.slice(next)].join('');
    } else if (kind < 0.45) {
      // Splice in a stretch of another fixture at a line start.
      const other = lines(others[Math.floor(random() * others.length)]!);
      const from = Math.floor(random() * other.length);
      const piece = other.slice(from, from + 1 + Math.floor(random() * 12)).join('');
      const at = Math.floor(random() * (ls.length + 1));
      out = [...ls.slice(0, at), piece, ...ls.slice(at)].join('');
    } else if (kind < 0.9) {
      out = randomEdit(out, random, PIECES);
    } else {
      out = random() < 0.5 ? out.replace(/\r?\n/g, '\r\n') : out.replace(/\r\n/g, '\n');
    }
  }
  return out;
}

const lint = (text: string): LintDiagnostic[] => lintText(text, RULES, DEFAULT_CONFIG).diagnostics;

interface Spliced {
  start: number;
  end: number;
  text: string;
}

function spliced(text: string, fix: Fix): Spliced[] {
  const index = new TextIndex(text);
  return fix.edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }));
}

/** The text with the fix's edits put in, computed here rather than by applyFixes. */
function expectedAfter(text: string, edits: readonly Spliced[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}

/** True when every character of `original` appears in `result`, in order. */
function keepsAll(original: string, result: string): boolean {
  let at = 0;
  for (let i = 0; i < original.length; i++) {
    at = result.indexOf(original[i]!, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** What makes two offers of a fix the same: rule, title, the text each edit replaces and what it puts in. */
function offerKey(text: string, ruleId: string, fix: Fix): string {
  const edits = spliced(text, fix).map((e) => `${JSON.stringify(text.slice(e.start, e.end))}->${JSON.stringify(e.text)}`);
  return `${ruleId} | ${fix.title} | ${edits.join(' ; ')}`;
}

function offers(text: string, diagnostics: readonly LintDiagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    for (const fix of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])]) {
      const key = offerKey(text, d.ruleId, fix);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** The front matter's fields, or undefined when there is none or it does not parse into fields. */
function fields(text: string): Record<string, unknown> | undefined {
  const fm = findFrontMatter(text);
  if (!fm || fm.tooLarge || fm.yaml.errors.length > 0) return undefined;
  const data = fm.data;
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

const isSet = (value: unknown) => value !== null && value !== undefined && value !== '';

/**
 * Where `after` changes a value `before` set (a path such as `answers.core-differentiation`),
 * or undefined. Fields and entries may be added, and empty values filled in.
 */
function changedValue(before: unknown, after: unknown, path: string): string | undefined {
  if (!isSet(before)) return undefined;
  if (typeof before === 'object' && !Array.isArray(before) && !(before instanceof Date)) {
    if (typeof after !== 'object' || after === null || Array.isArray(after)) return path || '(the front matter)';
    for (const [key, value] of Object.entries(before as Record<string, unknown>)) {
      const changed = changedValue(value, (after as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (changed !== undefined) return changed;
    }
    return undefined;
  }
  try {
    assert.deepEqual(after, before);
    return undefined;
  } catch {
    return `${path}: ${JSON.stringify(before)} became ${JSON.stringify(after)}`;
  }
}

function checkFrontMatterKept(original: string, result: string, what: string): void {
  const before = fields(original);
  if (!before) return;
  const after = fields(result);
  assert.ok(after, `${what} broke front matter that could be read`);
  const changed = changedValue(before, after, '');
  assert.equal(changed, undefined, `${what} changed a front matter value the author set: ${changed}`);
}

function show(text: string): string {
  return text.length > 600 ? `${JSON.stringify(text.slice(0, 600))}…` : JSON.stringify(text);
}

/** Checks 1–3 for one document; returns how many fixes and suggestions it applied. */
function checkDocument(text: string, label: string): { fixes: number; suggestions: number } {
  const diagnostics = lint(text);
  const before = offers(text, diagnostics);
  let fixes = 0;
  let suggestions = 0;
  for (const d of diagnostics) {
    const all: [Fix, boolean][] = [...(d.fix ? [[d.fix, true] as [Fix, boolean]] : []), ...(d.suggestions ?? []).map((s) => [s, false] as [Fix, boolean])];
    for (const [fix, automatic] of all) {
      const what = `${label}: ${d.ruleId} "${fix.title}" (${automatic ? 'fix' : 'suggestion'})`;
      const edits = spliced(text, fix);
      const result = applyFixes(text, [fix]).text;
      // 1. Nothing lost outside the edits; an automatic fix only adds.
      assert.equal(result, expectedAfter(text, edits), `${what}: applying it changed text outside its edits`);
      if (automatic) {
        for (const e of edits) assert.equal(e.start, e.end, `${what} replaces ${JSON.stringify(text.slice(e.start, e.end))}: an automatic fix may only add`);
        assert.ok(keepsAll(text, result), `${what} lost text the author wrote`);
      } else {
        const index = new TextIndex(text);
        const from = index.offsetAt(d.range.start);
        const to = index.offsetAt(d.range.end);
        for (const e of edits) {
          if (e.start !== e.end) assert.ok(e.start >= from && e.end <= to, `${what} replaces ${JSON.stringify(text.slice(e.start, e.end))} outside what it reports`);
        }
      }
      // 2. Not offered again once applied.
      const key = offerKey(text, d.ruleId, fix);
      const again = offers(result, lint(result)).get(key) ?? 0;
      assert.ok(again < before.get(key)!, `${what} is offered again after it is applied (${again} time(s)) in ${show(text)}`);
      // 3. An automatic fix never changes a value the author set.
      if (automatic) checkFrontMatterKept(text, result, what);
      if (automatic) fixes++;
      else suggestions++;
    }
  }
  // Fix-all: each pass only adds, never changes a front matter value, and nothing fixable is left.
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const chosen = selectFixes(current, lint(current).flatMap((d) => (d.fix ? [d.fix] : [])));
    if (chosen.length === 0) break;
    const edits = chosen.flatMap((f) => spliced(current, f));
    for (const e of edits) assert.equal(e.start, e.end, `${label}: fix-all pass ${pass + 1} replaces ${JSON.stringify(current.slice(e.start, e.end))}`);
    const next = applyFixes(current, chosen).text;
    assert.equal(next, expectedAfter(current, edits), `${label}: fix-all pass ${pass + 1} changed text outside its edits`);
    if (next === current) break;
    current = next;
  }
  const all = fixAll(text, lint).text;
  assert.equal(all, current, `${label}: fix-all gives another text than its passes one by one`);
  assert.ok(keepsAll(text, all), `${label}: fix-all lost text the author wrote in ${show(text)}`);
  checkFrontMatterKept(text, all, `${label}: fix-all`);
  assert.deepEqual(lint(all).filter((d) => d.fix).map((d) => `${d.ruleId}: ${d.fix!.title}`), [], `${label}: fix-all left fixes to offer`);
  return { fixes, suggestions };
}

describe('properties of fixes over documents built from the fixtures', function () {
  this.timeout(300_000);

  it('no fix loses the author\u2019s text, none is offered again once applied, and no automatic fix changes a front matter value', () => {
    const texts = SOURCES.map((f) => readFileSync(f, 'utf8'));
    const random = randomFrom(SEED);
    const started = cpuNow();
    let documents = 0;
    let fixes = 0;
    let suggestions = 0;
    for (let n = 0; n < MAX_DOCUMENTS; n++) {
      // Every fixture as it is first, then variants; within the CPU budget once the fixtures are done.
      if (n >= texts.length && cpuNow() - started > CPU_BUDGET_MS) break;
      const base = n % texts.length;
      const text = n < texts.length ? texts[base]! : variant(texts[base]!, texts, random);
      const label = n < texts.length ? SOURCES[base]!.slice(ROOT.length + 1) : `variant ${n} of ${SOURCES[base]!.slice(ROOT.length + 1)} (seed ${SEED})`;
      const counted = checkDocument(text, label);
      documents++;
      fixes += counted.fixes;
      suggestions += counted.suggestions;
    }
    // Worth something only if it applied many fixes and suggestions, on variants as well as fixtures.
    assert.ok(documents >= texts.length + 20, `only ${documents} documents were checked`);
    assert.ok(fixes >= 30 && suggestions >= 30, `applied ${fixes} fixes and ${suggestions} suggestions`);
  });

  it('catches a fix that deletes what the author wrote, and one that rewrites a front matter value', () => {
    const text = '---\ntype: decision-record\noutcome: build\n---\n# Decision\n\nNotes.\n';
    const deletes: Fix = { title: 'bad', edits: [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 1 } }, newText: '' }] };
    const result = applyFixes(text, [deletes]).text;
    assert.equal(keepsAll(text, result), false);
    const rewrite = text.replace('outcome: build', 'outcome: partner');
    assert.throws(() => checkFrontMatterKept(text, rewrite, 'a rewrite'), /changed a front matter value the author set: outcome: "build" became "partner"/);
    assert.doesNotThrow(() => checkFrontMatterKept(text, text.replace('outcome: build', 'outcome: build\ndate: 2026-11-02'), 'an addition'));
    assert.doesNotThrow(() => checkFrontMatterKept('---\noutcome:\n---\n', '---\noutcome: build\n---\n', 'filling an empty value'));
  });
});
