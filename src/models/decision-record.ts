import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { StrategyDocument } from '../core/document';
import type { DecisionTree } from '../trees/types';
import { builtinTrees } from '../trees/builtin';
import { hasErrors, validateTree } from '../trees/validate';

/**
 * Reading a decision record's front matter (`type`, `tree`, `answers`, `outcome`) with the
 * offsets of every key and value, for the decision rules. Offsets here are absolute (into the
 * document text), not relative to the front matter.
 */

/** One `key: value` line of the front matter. */
export interface Field {
  pair: Pair;
  key: Scalar;
  /** The value node; undefined when the YAML has none. */
  value: Node | undefined;
  /** The plain JavaScript value (null when empty). */
  data: unknown;
  keyStart: number;
  keyEnd: number;
  /** Where the value sits: for an empty value, a zero-length range just after the colon. */
  valueStart: number;
  valueEnd: number;
}

export interface DecisionRecord {
  map: YAMLMap;
  type: Field | undefined;
  tree: Field | undefined;
  answers: Field | undefined;
  outcome: Field | undefined;
  /** Offset of the end of the front matter's YAML (the start of the closing `---` line). */
  contentEnd: number;
}

type Ranged = { range?: [number, number, number] | null };

function dataOf(node: Node | undefined | null): unknown {
  if (node === undefined || node === null) return null;
  if (isScalar(node)) return node.value;
  try {
    return node.toJSON();
  } catch {
    return undefined;
  }
}

function fieldOf(pair: Pair, base: number): Field | undefined {
  const key = pair.key;
  if (!isScalar(key)) return undefined;
  const keyRange = (key as Ranged).range;
  if (!keyRange) return undefined;
  const value = (pair.value ?? undefined) as Node | undefined;
  const valueRange = (value as Ranged | undefined)?.range;
  const keyEnd = base + keyRange[1];
  const valueStart = valueRange ? base + valueRange[0] : keyEnd + 1;
  const valueEnd = valueRange ? base + Math.max(valueRange[0], valueRange[1]) : valueStart;
  return { pair, key, value, data: dataOf(value), keyStart: base + keyRange[0], keyEnd, valueStart, valueEnd };
}

/** The fields of a mapping, by key; a key written twice counts as its last occurrence (as YAML readers do). */
export function fieldsOf(map: YAMLMap, base: number): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const pair of map.items) {
    const field = fieldOf(pair, base);
    if (field) out.set(String(field.key.value), field);
  }
  return out;
}

/** The decision record's fields, or undefined when there is no front matter mapping that parses. */
export function readDecisionRecord(doc: StrategyDocument): DecisionRecord | undefined {
  const fm = doc.frontMatter;
  if (!fm || fm.yaml.errors.length > 0 || !isMap(fm.yaml.contents)) return undefined;
  const fields = fieldsOf(fm.yaml.contents, fm.contentStart);
  return {
    map: fm.yaml.contents,
    type: fields.get('type'),
    tree: fields.get('tree'),
    answers: fields.get('answers'),
    outcome: fields.get('outcome'),
    contentEnd: fm.contentEnd,
  };
}

/** Ids as people mistype them: `Build vs Partner`, `build_vs_partner` → `build-vs-partner`. */
export function normalizeId(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * The trees records can name: the built-ins, plus valid trees given in the rule's `trees`
 * option (parsed trees, as the configuration loader will supply from .partnerlint/trees/),
 * which replace a built-in of the same id. Invalid trees in the option are ignored.
 */
export function availableTrees(options: Readonly<Record<string, unknown>>): Map<string, DecisionTree> {
  const trees = new Map<string, DecisionTree>();
  for (const tree of builtinTrees()) trees.set(tree.id, tree);
  const extra = options['trees'];
  if (Array.isArray(extra)) {
    for (const candidate of extra) {
      if (!hasErrors(validateTree(candidate))) {
        const tree = candidate as DecisionTree;
        trees.set(tree.id, tree);
      }
    }
  }
  return trees;
}

/** The tree a `tree:` value names: exactly, or after normalising case and separators. */
export function findTree(trees: Map<string, DecisionTree>, value: unknown): { tree: DecisionTree; exact: boolean } | undefined {
  if (typeof value !== 'string') return undefined;
  const exact = trees.get(value.trim());
  if (exact) return { tree: exact, exact: true };
  const loose = trees.get(normalizeId(value));
  return loose ? { tree: loose, exact: false } : undefined;
}

/** One `question-id: value` entry under `answers:`. */
export interface AnswerEntry {
  question: string;
  field: Field;
}

/**
 * The recorded answers: question id → value, and each entry with its offsets. `shape` says
 * whether `answers:` is absent, empty, a mapping, or something else (a list, a single value).
 */
export function recordedAnswers(record: DecisionRecord): {
  values: Record<string, unknown>;
  entries: AnswerEntry[];
  shape: 'absent' | 'empty' | 'mapping' | 'other';
} {
  const values: Record<string, unknown> = {};
  const entries: AnswerEntry[] = [];
  const field = record.answers;
  if (!field) return { values, entries, shape: 'absent' };
  const node = field.value;
  if (node === undefined || (isScalar(node) && (node.value === null || node.value === ''))) return { values, entries, shape: 'empty' };
  if (!isMap(node)) return { values, entries, shape: 'other' };
  const base = field.valueStart - ((node as Ranged).range?.[0] ?? 0);
  for (const [question, entry] of fieldsOf(node, base)) {
    values[question] = entry.data;
    entries.push({ question, field: entry });
  }
  return { values, entries, shape: 'mapping' };
}

/**
 * The outcome id a recorded `outcome:` stands for in `tree`: its id or title in any case or
 * spacing (`Tier 3` → `tier-3`), or an id followed by more words (`partner — with Okta`);
 * the longest id wins, so `end-or-restart-crawl` is not read as `end`.
 */
export function resolveOutcome(tree: DecisionTree, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = normalizeId(String(value));
  if (text === '') return undefined;
  let best: string | undefined;
  for (const [id, outcome] of Object.entries(tree.outcomes)) {
    if (text === id || text === normalizeId(outcome.title)) return id;
    if (text.startsWith(id + '-') && (best === undefined || id.length > best.length)) best = id;
  }
  return best;
}

/** True for a value that says nothing: absent, null or blank. */
export function isEmptyValue(field: Field | undefined): boolean {
  return !field || field.data === null || field.data === undefined || (typeof field.data === 'string' && field.data.trim() === '');
}

/** A value's start and end without its quotes, for replacing exactly the text written. */
export function innerValueRange(field: Field): { start: number; end: number } {
  const node = field.value;
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && field.valueEnd - field.valueStart >= 2) {
    return { start: field.valueStart + 1, end: field.valueEnd - 1 };
  }
  return { start: field.valueStart, end: field.valueEnd };
}

/** How a non-mapping value reads in a message. */
export function shapeName(node: Node | undefined): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  return 'a single value';
}

/** "a, b or c". */
export function orList(items: readonly string[], joiner = 'or'): string {
  const quoted = [...items];
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted[quoted.length - 1]}`;
}
