import { lintText, type LintResult } from './engine';
import { fixAll } from './fixes';
import picomatch from 'picomatch';
import { DEFAULT_CONFIG, configForDocument, type ResolvedConfig } from './config';
import type { SeveritySetting } from './types';
import type { DecisionTree } from '../trees/types';
import { CONFIG_FILE_NAMES, dirname, findConfigFile, loadConfigFile, type ConfigHost, type ConfigProblem, type LoadedConfig } from './config-file';
import { RULES } from '../rules';
import { ENGINE_IDS } from './engine';

/**
 * Every id a diagnostic or a setting may name (the rules' and the engine's own), each with the
 * options it reads: a settings file that sets any other option is told so.
 */
export const KNOWN_IDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...ENGINE_IDS.map((id): [string, readonly string[]] => [id, []]),
  ...RULES.map((r): [string, readonly string[]] => [r.meta.id, Object.keys(r.meta.options ?? {})]),
]);

/**
 * Resolves the configuration for documents, caching each configuration file's result, so a
 * folder of documents reads its `.partnerlint.yaml` once. `explicit` (the CLI's --config)
 * overrides discovery.
 */
export class ConfigResolver {
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private readonly found = new Map<string, Promise<string | undefined>>();

  /**
   * @param explicit a configuration file to use for every document (the CLI's --config)
   * @param stopAt the highest folder searched (the editor stops at the workspace folder)
   */
  constructor(private readonly host: ConfigHost, private readonly explicit?: string, private readonly stopAt?: string) {}

  /** The configuration file that applies to a document at `path`, if any. */
  fileFor(path: string): Promise<string | undefined> {
    if (this.explicit) return Promise.resolve(this.explicit);
    const dir = dirname(path);
    let result = this.found.get(dir);
    if (!result) {
      result = findConfigFile(dir, this.host, this.stopAt);
      this.found.set(dir, result);
    }
    return result;
  }

  async configFor(path: string): Promise<LoadedConfig> {
    const file = await this.fileFor(path);
    if (!file) return { config: DEFAULT_CONFIG, files: [], problems: [] };
    let result = this.loaded.get(file);
    if (!result) {
      result = loadConfigFile(file, this.host, KNOWN_IDS);
      this.loaded.set(file, result);
    }
    return result;
  }

  /** Every configuration problem seen so far, once each. */
  async problems(): Promise<ConfigProblem[]> {
    const all = await Promise.all(this.loaded.values());
    const seen = new Set<string>();
    return all.flatMap((l) => l.problems).filter((p) => {
      const key = `${p.file}:${p.start}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

export function isConfigFile(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).some((name) => path.endsWith('/' + name) || path === name);
}

/** Lints one document's text with a resolved configuration; optionally fixes it first. */
export function lintDocument(text: string, config: ResolvedConfig, fix = false): LintResult & { fixedText?: string } {
  if (!fix) return lintText(text, RULES, config);
  const { text: fixedText } = fixAll(text, (t) => lintText(t, RULES, config).diagnostics);
  const result = lintText(fixedText, RULES, config);
  return fixedText === text ? result : { ...result, fixedText };
}

/** The rules that read extra decision trees from their `trees` option. */
export const TREE_OPTION_RULES = ['decision-answers-missing', 'decision-contradicts-tree'] as const;

/**
 * `config` with a workspace's custom decision trees (from `.partnerlint/trees/`) added to the
 * `trees` option of the decision rules. Trees already in that option (written in the
 * configuration file) come after them, so they win when ids collide. Unchanged when there are none.
 */
export function withCustomTrees(config: ResolvedConfig, trees: readonly DecisionTree[]): ResolvedConfig {
  if (trees.length === 0) return config;
  const rules = { ...config.rules };
  for (const id of TREE_OPTION_RULES) {
    const setting = rules[id] ?? {};
    const options = setting.options ?? {};
    const existing = Array.isArray(options['trees']) ? (options['trees'] as unknown[]) : [];
    rules[id] = { ...setting, options: { ...options, trees: [...trees, ...existing] } };
  }
  return { ...config, rules };
}

/** The editor's `partnerlint.*` settings that shape a document's configuration, as plain data. */
export interface EditorSettings {
  /** `partnerlint.rules`: severities over those of the settings file. */
  rules?: Readonly<Record<string, SeveritySetting>>;
  /** `partnerlint.ignore`: globs, relative to the workspace folder, of documents not checked. */
  ignore?: readonly string[];
}

/** Where a document's configuration comes from; each may cache what it read. */
export interface ConfigSources {
  /** The settings file that applies to `path`, with what it extends. */
  settingsFor(path: string): Promise<LoadedConfig>;
  /** The workspace's own decision trees (`.partnerlint/trees/`) for `path`. */
  treesFor(path: string): Promise<readonly DecisionTree[]>;
}

export type DocumentConfig =
  | { ignored: false; config: ResolvedConfig; problems: readonly ConfigProblem[]; error?: unknown }
  | { ignored: true; reason: string };

/** `partnerlint.ignore` globs matched against `path` relative to `folder`. */
export function ignoredBy(path: string, folder: string | undefined, globs: readonly string[] | undefined): string | undefined {
  if (!globs || globs.length === 0 || folder === undefined) return undefined;
  const base = folder.replace(/\/+$/, '') + '/';
  if (!path.startsWith(base)) return undefined;
  const relative = path.slice(base.length);
  return globs.find((glob) => {
    try {
      return picomatch(glob, { dot: true })(relative);
    } catch {
      return false;
    }
  });
}

/**
 * The one way a document's configuration is put together, for the editor, Lint Workspace and the
 * CLI alike: the settings file (with `extends`), then the editor's settings (plain data; none in
 * the CLI), then the workspace's custom decision trees, then what `documents:` and the file name
 * say about this one file. A document that `partnerlint.ignore` names is not checked at all. A
 * source that fails gives the defaults (the error comes back for the log); never throws.
 */
export async function resolveDocumentConfig(path: string, sources: ConfigSources, settings: EditorSettings = {}, folder?: string): Promise<DocumentConfig> {
  const glob = ignoredBy(path, folder, settings.ignore);
  if (glob !== undefined) return { ignored: true, reason: `ignored by the partnerlint.ignore setting (${glob})` };
  let loaded: LoadedConfig = { config: DEFAULT_CONFIG, files: [], problems: [] };
  let trees: readonly DecisionTree[] = [];
  let error: unknown;
  try {
    [loaded, trees] = await Promise.all([sources.settingsFor(path), sources.treesFor(path)]);
  } catch (failure) {
    error = failure;
  }
  let config = loaded.config;
  if (settings.rules && Object.keys(settings.rules).length > 0) {
    const rules = { ...config.rules };
    for (const [id, severity] of Object.entries(settings.rules)) rules[id] = { ...rules[id], severity };
    config = { ...config, rules };
  }
  config = configForDocument(withCustomTrees(config, trees), path);
  return { ignored: false, config, problems: loaded.problems, ...(error !== undefined ? { error } : {}) };
}
