import * as vscode from 'vscode';
import { builtinTrees, findCustomTrees, isCustomTreePath, lintTreeFile, treeProblemsToDiagnostics, type DecisionTree } from '../trees';
import { workspaceHost } from './fs-host';
import { toDiagnostic } from './convert';
import type { Logger } from './log';

/**
 * Decision trees for the editor: the built-ins plus each workspace folder's own trees in
 * `.partnerlint/trees/*.yaml`, read through vscode.workspace.fs and re-read when a tree file
 * changes. Problems in a tree file (cycles, unreachable questions, unknown outcomes, bad YAML)
 * are diagnostics on that file, live while it is edited — never an error popup.
 */
export class WorkspaceTrees implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<DecisionTree[]>>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('partnerlint-trees');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a tree file was created, changed or deleted. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changed];

  constructor(private readonly log: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.partnerlint/trees/*.{yaml,yml}');
    const reset = () => {
      this.cache.clear();
      // Re-read at once: problems in tree files must show even when no Markdown is open.
      for (const folder of vscode.workspace.workspaceFolders ?? []) void this.customTrees(folder);
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reset),
      watcher.onDidChange(reset),
      watcher.onDidDelete((uri) => {
        this.diagnostics.delete(uri);
        reset();
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => this.validateOpen(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.validateOpen(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (isCustomTreePath(doc.uri.path)) reset();
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.validateOpen(doc);
    for (const folder of vscode.workspace.workspaceFolders ?? []) void this.customTrees(folder);
  }

  /** A workspace folder's valid custom trees (problems are published on their files). */
  customTrees(folder: vscode.WorkspaceFolder): Promise<DecisionTree[]> {
    const key = folder.uri.toString();
    let result = this.cache.get(key);
    if (!result) {
      result = findCustomTrees(folder.uri.path, workspaceHost(folder.uri)).then((found) => {
        for (const file of found.files) {
          const uri = folder.uri.with({ path: file.path });
          if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) continue;
          this.diagnostics.set(uri, treeProblemsToDiagnostics(file.text, file.problems).map(toDiagnostic));
        }
        return [...found.trees];
      }, (error) => {
        this.log.error(`Reading the decision trees of ${folder.name} failed`, error);
        return [];
      });
      this.cache.set(key, result);
    }
    return result;
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
      this.diagnostics.set(doc.uri, lintTreeFile(doc.getText()).map(toDiagnostic));
    } catch (error) {
      this.log.error(`Checking the decision tree ${doc.uri.toString(true)} failed`, error);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
