import { parseDocument, isMap, isScalar, type Document, type Node, type Pair } from 'yaml';
import type { DecisionTree, TreeProblem } from './types';
import { hasErrors, pointsAtKey, validateTree } from './validate';

/** Result of reading a tree from YAML text. `tree` is set only when no problem is an error. */
export interface LoadedTree {
  tree: DecisionTree | undefined;
  problems: TreeProblem[];
}

/** Trees are small; larger text is refused rather than parsed. */
const MAX_TREE_TEXT = 512 * 1024;

type Ranged = Node & { range?: [number, number, number] | null };

function rangeOf(node: unknown): { start: number; end: number } | undefined {
  const range = (node as Ranged | null | undefined)?.range;
  return range ? { start: range[0], end: Math.max(range[0], range[1]) } : undefined;
}

function pairFor(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  let found: Pair | undefined;
  for (const pair of node.items) {
    const k = pair.key;
    if ((isScalar(k) ? String(k.value) : String(k)) === key) found = pair;
  }
  return found;
}

/**
 * Offsets for a problem's path: the key or value it names, or — when the path goes further than
 * the text does (a missing field) — the key of the deepest entry that exists.
 */
export function locate(doc: Document, path: readonly string[], atKey: boolean): { start: number; end: number } | undefined {
  let node: unknown = doc.contents;
  let last: Pair | undefined;
  for (let i = 0; i < path.length; i++) {
    const pair = pairFor(node, path[i]!);
    if (!pair) {
      if (last) return rangeOf(last.key);
      const first = isMap(doc.contents) ? doc.contents.items[0] : undefined;
      return rangeOf(first?.key) ?? rangeOf(doc.contents);
    }
    last = pair;
    node = pair.value;
  }
  if (!last) return rangeOf(doc.contents);
  return atKey ? rangeOf(last.key) : rangeOf(last.value) ?? rangeOf(last.key);
}

/**
 * Reads a decision tree from YAML text, keeping offsets for every problem. Never throws: bad
 * YAML, alias bombs and structural defects all come back as problems.
 */
export function loadTree(text: string): LoadedTree {
  if (text.length > MAX_TREE_TEXT) {
    return { tree: undefined, problems: [{ code: 'yaml-syntax', severity: 'error', message: `The tree file is larger than ${MAX_TREE_TEXT / 1024} KB; decision trees are far smaller.`, path: [], range: { start: 0, end: 0 } }] };
  }
  try {
    // A lone CR is a line break to editors but not to the YAML parser; a LF in its place keeps offsets.
    const doc = parseDocument(text.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false });
    if (doc.errors.length > 0) {
      return {
        tree: undefined,
        problems: doc.errors.map((e) => ({
          code: 'yaml-syntax' as const,
          severity: 'error' as const,
          message: `The YAML does not parse here: ${/call stack/i.test(e.message) ? 'it is nested too deeply to read' : e.message.split('\n')[0]}`,
          path: [],
          range: { start: e.pos[0], end: Math.max(e.pos[0], e.pos[1]) },
        })),
      };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      return { tree: undefined, problems: [{ code: 'yaml-syntax', severity: 'error', message: `The YAML could not be read: ${error instanceof Error ? error.message : String(error)}`, path: [], range: rangeOf(doc.contents) ?? { start: 0, end: 0 } }] };
    }
    const problems = validateTree(value).map((p) => {
      const range = locate(doc, p.path, pointsAtKey(p));
      return range ? { ...p, range } : p;
    });
    return { tree: hasErrors(problems) ? undefined : (value as DecisionTree), problems };
  } catch (error) {
    return { tree: undefined, problems: [{ code: 'yaml-syntax', severity: 'error', message: `The tree could not be read: ${error instanceof Error ? error.message : String(error)}`, path: [], range: { start: 0, end: 0 } }] };
  }
}
