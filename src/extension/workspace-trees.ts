import * as vscode from 'vscode';
import { builtinTrees, findCustomTrees, isCustomTreePath, lintTreeFile, treeProblemsToDiagnostics, type CustomTreeFile, type DecisionTree } from '../trees';
import { workspaceHost } from './fs-host';
import { toDiagnostic } from './convert';
import type { Logger } from './log';

/** How long after a trees folder appeared its files are read once more. */
const SETTLE_MS = 1000;

/**
 * Decision trees for the editor: the built-ins plus each workspace folder's own trees in
 * `.partnerlint/trees/*.yaml`, read through vscode.workspace.fs and re-read when a tree file
 * changes or a `.partnerlint` or `.partnerlint/trees` folder appears or goes. Problems in a tree
 * file (cycles, unreachable questions, unknown outcomes, bad YAML) are diagnostics on that file,
 * live while it is edited — never an error popup.
 */
export class WorkspaceTrees implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<DecisionTree[]>>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('partnerlint-trees');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a tree file was created, changed or deleted. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changed];
  /** Per workspace folder: the number of the newest read, and the tree files it published. */
  private readonly reads = new Map<string, number>();
  private readonly published = new Map<string, Set<string>>();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly log: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.partnerlint/trees/*.{yaml,yml}');
    // The folders themselves. A folder created together with its files (mkdir -p, git checkout,
    // unzip, a test writing into a folder that does not exist yet) can be filled before the file
    // watcher watches it: the files' own create events are then never reported (on Linux a new
    // folder is watched only once its own creation was seen). The folder's creation is reported,
    // so it triggers a re-read, at once and again a moment later for files still being written.
    const folderWatchers = ['**/.partnerlint', '**/.partnerlint/trees'].map((glob) => vscode.workspace.createFileSystemWatcher(glob, false, true, false));
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.reset()),
      watcher.onDidChange(() => this.reset()),
      watcher.onDidDelete((uri) => {
        this.diagnostics.delete(uri);
        this.reset();
      }),
      ...folderWatchers,
      ...folderWatchers.map((w) => w.onDidCreate(() => this.reset(true))),
      ...folderWatchers.map((w) => w.onDidDelete(() => this.reset())),
      { dispose: () => clearTimeout(this.settleTimer) },
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reset()),
      vscode.workspace.onDidOpenTextDocument((doc) => this.validateOpen(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.validateOpen(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (isCustomTreePath(doc.uri.path)) this.reset();
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.validateOpen(doc);
    for (const folder of vscode.workspace.workspaceFolders ?? []) void this.customTrees(folder);
  }

  /**
   * Forgets what was read and re-reads every folder's trees at once: problems in tree files must
   * show even when no Markdown is open. With `settle` (a trees folder appeared), reads again
   * SETTLE_MS after the last such event, to pick up files whose own events were lost.
   */
  private reset(settle = false): void {
    this.cache.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) void this.customTrees(folder);
    this.changed.fire();
    if (settle) {
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => this.reset(), SETTLE_MS);
    }
  }

  /** A workspace folder's valid custom trees (problems are published on their files). */
  customTrees(folder: vscode.WorkspaceFolder): Promise<DecisionTree[]> {
    const key = folder.uri.toString();
    let result = this.cache.get(key);
    if (!result) {
      // Reads can overlap (events come in bursts); only the newest one publishes problems, so an
      // older read that saw a half-written file cannot overwrite what a newer read found.
      const read = (this.reads.get(key) ?? 0) + 1;
      this.reads.set(key, read);
      result = findCustomTrees(folder.uri.path, workspaceHost(folder.uri)).then((found) => {
        if (this.reads.get(key) === read) this.publish(key, folder, found.files);
        return [...found.trees];
      }, (error) => {
        this.log.error(`Reading the decision trees of ${folder.name} failed`, error);
        return [];
      });
      this.cache.set(key, result);
    }
    return result;
  }

  /** Sets the problems of a folder's tree files, and clears those of files that are gone. */
  private publish(key: string, folder: vscode.WorkspaceFolder, files: readonly CustomTreeFile[]): void {
    const seen = new Set<string>();
    for (const file of files) {
      const uri = folder.uri.with({ path: file.path });
      seen.add(uri.toString());
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) continue;
      this.diagnostics.set(uri, treeProblemsToDiagnostics(file.text, file.problems).map((d) => toDiagnostic(d)));
    }
    for (const uri of this.published.get(key) ?? []) {
      if (seen.has(uri)) continue;
      const gone = vscode.Uri.parse(uri);
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri)) this.diagnostics.delete(gone);
    }
    this.published.set(key, seen);
  }

  /** The trees that apply to a document: its folder's own trees, then the built-ins they do not replace. */
  async treesFor(uri: vscode.Uri | undefined): Promise<DecisionTree[]> {
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    const custom = folder ? await this.customTrees(folder) : [];
    const ids = new Set(custom.map((t) => t.id));
    return [...builtinTrees().filter((t) => !ids.has(t.id)), ...custom];
  }

  /** Only the folder's custom trees (for the decision rules, which know the built-ins). */
  async customTreesFor(uri: vscode.Uri): Promise<DecisionTree[]> {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? this.customTrees(folder) : [];
  }

  private validateOpen(doc: vscode.TextDocument): void {
    if (!isCustomTreePath(doc.uri.path)) return;
    try {
      this.diagnostics.set(doc.uri, lintTreeFile(doc.getText()).map((d) => toDiagnostic(d)));
    } catch (error) {
      this.log.error(`Checking the decision tree ${doc.uri.toString(true)} failed`, error);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
