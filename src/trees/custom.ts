import { parseDocument } from 'yaml';
import type { DecisionTree, TreeProblem } from './types';
import { loadTree, locate } from './load';

/**
 * Teams' own decision trees: `<workspace root>/.partnerlint/trees/*.yaml` (or `.yml`), one tree
 * per file, in the same format as the built-in trees (schemas/decision-tree.schema.json). A
 * custom tree whose id is a built-in tree's id replaces the built-in one for that workspace.
 *
 * Paths are `/`-separated (file paths or URI paths); the host that reads them is injected so the
 * same code serves the CLI (Node's fs) and the extension (vscode.workspace.fs). Nothing here
 * throws: unreadable and broken files come back as problems.
 */

/** Where custom trees live, relative to the workspace root. */
export const CUSTOM_TREES_FOLDER = '.partnerlint/trees';

/** The files and folders that mark a workspace root, nearest first. */
const ROOT_MARKERS = { folder: '.partnerlint', files: ['.partnerlint.yaml', '.partnerlint.yml'] } as const;

/** Most tree files read from one folder; a folder with more is not a folder of decision trees. */
export const MAX_TREE_FILES = 200;

export interface TreeFileHost {
  /** The file's text, or undefined when there is no such file (or it is a folder). May reject on other errors. */
  readFile(path: string): Promise<string | undefined>;
  /** The names of a folder's entries, or undefined when there is no such folder. May reject on other errors. */
  listDir(path: string): Promise<string[] | undefined>;
}

/** One tree file as read: its text and its problems (offsets into `text`). */
export interface CustomTreeFile {
  path: string;
  text: string;
  problems: TreeProblem[];
  /** The tree it holds, when it is usable (no errors) and its id is not already taken by an earlier file. */
  tree: DecisionTree | undefined;
}

export interface CustomTrees {
  /** The usable trees, in file-name order. */
  trees: DecisionTree[];
  /** Every tree file found, usable or not, in file-name order. */
  files: CustomTreeFile[];
}

function join(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}

function parent(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : trimmed.slice(0, i);
}

/** Whether `path` is a custom tree file: `…/.partnerlint/trees/<name>.yaml` or `.yml`. */
export function isCustomTreePath(path: string): boolean {
  return /(?:^|\/)\.partnerlint\/trees\/[^/]+\.ya?ml$/i.test(path);
}

/** The workspace root a custom tree file belongs to (the folder holding its `.partnerlint/`). */
export function customTreeRoot(path: string): string | undefined {
  return isCustomTreePath(path) ? parent(parent(parent(path))) : undefined;
}

/**
 * The nearest folder at or above `dir` that holds a `.partnerlint/` folder or a
 * `.partnerlint.yaml` file, stopping at `stopAt` (inclusive) if given; `fallback` when none does.
 */
export async function findWorkspaceRoot(dir: string, host: TreeFileHost, fallback: string, stopAt?: string): Promise<string> {
  let current = dir.replace(/\/+$/, '') || '/';
  const limit = stopAt?.replace(/\/+$/, '') || undefined;
  for (let guard = 0; guard < 1000; guard++) {
    try {
      if ((await host.listDir(join(current, ROOT_MARKERS.folder))) !== undefined) return current;
    } catch {
      // Unreadable: look at the files, then further up.
    }
    for (const name of ROOT_MARKERS.files) {
      try {
        if ((await host.readFile(join(current, name))) !== undefined) return current;
      } catch {
        // Unreadable: keep looking.
      }
    }
    const up = parent(current);
    if (current === '/' || current === limit || up === current || up === '.') break;
    current = up;
  }
  return fallback;
}

function problem(code: TreeProblem['code'], message: string, range: { start: number; end: number }): TreeProblem {
  return { code, severity: 'error', message, path: [], range };
}

/** Where the `id:` value of a tree file sits, for reporting a duplicate on it. */
function idRange(text: string): { start: number; end: number } {
  try {
    return locate(parseDocument(text.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false }), ['id'], false) ?? { start: 0, end: 0 };
  } catch {
    return { start: 0, end: 0 };
  }
}

/**
 * Reads every `*.yaml` / `*.yml` file in `<workspaceRoot>/.partnerlint/trees/`, in name order.
 * Valid trees are returned in `trees`; every file comes back in `files` with its problems. When
 * two files use the same tree id, the first (by name) is used and the second is reported.
 * Never throws.
 */
export async function findCustomTrees(workspaceRoot: string, host: TreeFileHost): Promise<CustomTrees> {
  const folder = join(workspaceRoot, CUSTOM_TREES_FOLDER);
  let entries: string[] | undefined;
  try {
    entries = await host.listDir(folder);
  } catch {
    entries = undefined;
  }
  if (!entries) return { trees: [], files: [] };
  const names = [...new Set(entries.map((e) => e.replace(/\/+$/, '').split('/').pop() ?? ''))]
    .filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('.'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_TREE_FILES);

  const trees: DecisionTree[] = [];
  const files: CustomTreeFile[] = [];
  const owners = new Map<string, string>();
  for (const name of names) {
    const path = join(folder, name);
    let text: string | undefined;
    try {
      text = await host.readFile(path);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      files.push({ path, text: '', problems: [problem('unreadable-file', `PartnerLint could not read this decision tree file (${reason}).`, { start: 0, end: 0 })], tree: undefined });
      continue;
    }
    if (text === undefined) continue; // gone, or a folder with a .yaml name
    const loaded = loadTree(text);
    const problems = [...loaded.problems];
    let tree = loaded.tree;
    if (tree) {
      const owner = owners.get(tree.id);
      if (owner !== undefined) {
        problems.push(problem('duplicate-id', `The tree id "${tree.id}" is already used by ${owner}, which takes precedence; give this tree an id of its own.`, idRange(text)));
        tree = undefined;
      } else {
        owners.set(tree.id, name);
        trees.push(tree);
      }
    }
    files.push({ path, text, problems, tree });
  }
  return { trees, files };
}
