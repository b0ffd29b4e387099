import { fileURLToPath, pathToFileURL } from 'node:url';
import { sep } from 'node:path';
import { ConfigResolver } from '../core/lint-file';
import type { ConfigSources } from '../core/lint-file';
import { CONFIG_FILE_NAMES, configFileCandidates, dirname, type ConfigProblem, type LoadedConfig } from '../core/config-file';
import { SettingsReader } from '../core/settings-reader';
import { DEFAULT_CONFIG } from '../core';
import { findCustomTrees, findWorkspaceRoot, type CustomTreeFile, type CustomTrees } from '../trees/custom';
import { nodeSettingsFs } from '../cli/settings-fs';

/** The `/`-separated path of a `file:` URI, or undefined for any other URI (or one Node cannot read). */
export function filePath(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  try {
    const path = fileURLToPath(uri);
    return sep === '/' ? path : path.split(sep).join('/');
  } catch {
    return undefined;
  }
}

/** The `file:` URI of a `/`-separated path. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * What the server reads from disk for the documents it checks: `.partnerlint.yaml` (nearest up
 * the folder tree, stopping at the workspace folder the client named, as in VS Code) and each
 * folder's `.partnerlint/trees/`, through the guarded settings reader on Node's file system (the
 * CLI's). Everything read is kept until `reset()` (a watched file changed): then it is read again.
 * Documents that are not `file:` URIs get the defaults (there is nothing on disk to read).
 */
export class ServerWorkspace {
  private folders: string[] = [];
  private reader = new SettingsReader(nodeSettingsFs);
  private resolvers = new Map<string, ConfigResolver>();
  private readonly roots = new Map<string, Promise<string>>();
  private readonly trees = new Map<string, Promise<CustomTrees>>();
  /** Files whose problems were reported since the last reset (each is reported once). */
  private readonly reported = new Set<string>();

  /** Called with each settings file, decision tree file and trees folder the server depends on. */
  onDepends: (path: string) => void = () => undefined;

  /** Settings and tree files with problems, by path, with the text the problems point into. */
  onProblems: (problems: { path: string; text: string; config: readonly ConfigProblem[]; trees: CustomTreeFile | undefined }[]) => void = () => undefined;

  /** The workspace folders (file: URIs) the client opened. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.flatMap((uri) => filePath(uri) ?? []).map((p) => p.replace(/\/+$/, '') || '/');
    this.reset();
    for (const folder of this.folders) {
      const base = folder === '/' ? '' : folder;
      for (const name of [...CONFIG_FILE_NAMES, '.partnerlint/trees']) this.onDepends(`${base}/${name}`);
    }
  }

  /** Forgets everything read: the next check reads settings and tree files again. */
  reset(): void {
    this.reader = new SettingsReader(nodeSettingsFs);
    this.resolvers = new Map();
    this.roots.clear();
    this.trees.clear();
    this.reported.clear();
  }

  private report(files: { path: string; text: string; config: readonly ConfigProblem[]; trees: CustomTreeFile | undefined }[]): void {
    const fresh = files.filter((f) => !this.reported.has(f.path));
    for (const f of fresh) this.reported.add(f.path);
    if (fresh.length > 0) this.onProblems(fresh);
  }

  /** The first workspace folder the client named, if any. */
  firstFolder(): string | undefined {
    return this.folders[0];
  }

  /** The innermost workspace folder holding `path`. */
  folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      const inside = folder === '/' || path === folder || path.startsWith(folder + '/');
      if (inside && (best === undefined || folder.length > best.length)) best = folder;
    }
    return best;
  }

  /** Where the configuration of the document at `path` (a file on disk) comes from. */
  sourcesFor(path: string | undefined): ConfigSources {
    if (path === undefined) {
      return { settingsFor: async () => ({ config: DEFAULT_CONFIG, files: [], problems: [] }), treesFor: async () => [] };
    }
    const folder = this.folderOf(path);
    return {
      settingsFor: (p) => this.settingsFor(p, folder),
      treesFor: async (p) => (await this.treesFor(p, folder)).trees,
    };
  }

  private async settingsFor(path: string, folder: string | undefined): Promise<LoadedConfig> {
    const key = folder ?? '';
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      resolver = new ConfigResolver(this.reader, undefined, folder);
      this.resolvers.set(key, resolver);
    }
    const reader = this.reader;
    // Everywhere a settings file would be found for this document (its folder and each one above
    // it, up to the workspace folder), so that one added in a subfolder is noticed too; and the
    // ones that were read (what they extend may lie elsewhere).
    for (const candidate of configFileCandidates(dirname(path), folder)) this.onDepends(candidate);
    const loaded = await resolver.configFor(path);
    for (const file of loaded.files) this.onDepends(file);
    if (loaded.problems.some((p) => !this.reported.has(p.file))) {
      const byFile = new Map<string, ConfigProblem[]>();
      for (const p of loaded.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
      const files = await Promise.all([...byFile].map(async ([file, config]) => ({ path: file, text: (await reader.readFile(file).catch(() => undefined)) ?? '', config, trees: undefined })));
      this.report(files);
    }
    return loaded;
  }

  private async treesFor(path: string, folder: string | undefined): Promise<CustomTrees> {
    const dir = dirname(path);
    let root = this.roots.get(dir);
    if (!root) {
      // In a workspace folder, its trees (as in VS Code); outside one, the nearest folder with a
      // .partnerlint folder or settings file (as the CLI finds it).
      root = folder !== undefined ? Promise.resolve(folder) : findWorkspaceRoot(dir, this.reader, dir);
      this.roots.set(dir, root);
    }
    const at = await root;
    let found = this.trees.get(at);
    if (!found) {
      this.onDepends(`${at === '/' ? '' : at}/.partnerlint/trees`);
      found = findCustomTrees(at, this.reader).then((trees) => {
        for (const file of trees.files) this.onDepends(file.path);
        const broken = trees.files.filter((f) => f.problems.length > 0);
        if (broken.length > 0) this.report(broken.map((f) => ({ path: f.path, text: f.text, config: [], trees: f })));
        return trees;
      });
      this.trees.set(at, found);
    }
    return found;
  }
}
