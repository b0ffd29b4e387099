import * as vscode from 'vscode';
import { ConfigResolver, isConfigFile, KNOWN_IDS } from '../core/lint-file';
import { loadConfigFile, type ConfigProblem, type LoadedConfig } from '../core/config-file';
import { workspaceHost } from './fs-host';
import { CONFIG_RULE_ID, DEFAULT_CONFIG, TextIndex } from '../core';
import { toDiagnostic } from './convert';
import type { Logger } from './log';
import type { TreeFileHost } from '../trees';

/**
 * `.partnerlint.yaml` for documents in the editor: found nearest up the folder tree (stopping at
 * the workspace folder, so each root of a multi-root workspace can have its own), read through
 * vscode.workspace.fs so remote and virtual workspaces work, re-read when a configuration file
 * changes. Problems in a configuration file are shown as diagnostics on that file, while it is
 * edited too.
 */
export class WorkspaceConfig implements vscode.Disposable {
  /** Per workspace folder: the resolver and the guarded host it reads through (each file once). */
  private resolvers = new Map<string, { resolver: ConfigResolver; host: TreeFileHost }>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('partnerlint-config');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any configuration file was created, changed or deleted. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changed];

  constructor(private readonly log: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.partnerlint.{yaml,yml}');
    const reset = (uri: vscode.Uri) => {
      this.log.info(`Configuration changed: ${uri.toString(true)}`);
      this.resolvers.clear();
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reset),
      watcher.onDidChange(reset),
      watcher.onDidDelete((uri) => {
        this.diagnostics.delete(uri);
        reset(uri);
      }),
      // Trusting the workspace lifts Restricted Mode's limit on what settings files may extend.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.resolvers.clear();
        this.changed.fire();
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => this.validateOpen(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.validateOpen(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        // A save outside a watched folder (or with watching off) still takes effect.
        if (isConfigFile(doc.uri.path)) reset(doc.uri);
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.validateOpen(doc);
  }

  /** The configuration for a document; untitled documents use the first workspace folder's. */
  async configFor(uri: vscode.Uri): Promise<LoadedConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    const base = uri.scheme === 'untitled' ? folder?.uri : uri;
    if (!base) return { config: DEFAULT_CONFIG, files: [], problems: [] };
    const key = `${base.scheme}://${base.authority}|${folder?.uri.path ?? ''}`;
    let entry = this.resolvers.get(key);
    if (!entry) {
      const host = workspaceHost(base);
      entry = { resolver: new ConfigResolver(host, undefined, folder?.uri.path), host };
      this.resolvers.set(key, entry);
    }
    const path = uri.scheme === 'untitled' ? `${base.path.replace(/\/$/, '')}/untitled.md` : uri.path;
    const loaded = await entry.resolver.configFor(path);
    this.publish(base, entry.host, loaded.problems);
    return loaded;
  }

  private publish(base: vscode.Uri, host: TreeFileHost, problems: readonly ConfigProblem[]): void {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const [file, list] of byFile) {
      const uri = base.with({ path: file });
      // An open configuration file is validated from its editor text instead.
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) continue;
      // The host has the text already (each file is read once); a refused file has none.
      void host.readFile(file).catch(() => undefined).then((text) => {
        const index = new TextIndex(text ?? '');
        this.diagnostics.set(uri, list.map((p) => toDiagnostic({ ruleId: CONFIG_RULE_ID, severity: 'error', message: p.message, range: index.rangeOf(p.start, p.end) })));
      }, (error) => this.log.error(`Reading ${file} failed`, error));
    }
  }

  /** Validates an open configuration file from its current text, as the user types. */
  private validateOpen(doc: vscode.TextDocument): void {
    if (!isConfigFile(doc.uri.path)) return;
    const version = doc.version;
    const text = doc.getText();
    void loadConfigFile(doc.uri.path, workspaceHost(doc.uri, { path: doc.uri.path, text }), KNOWN_IDS).then((loaded) => {
      if (doc.isClosed || doc.version !== version) return;
      const index = new TextIndex(text);
      const own = loaded.problems.filter((p) => p.file === doc.uri.path);
      this.diagnostics.set(doc.uri, own.map((p) => toDiagnostic({ ruleId: CONFIG_RULE_ID, severity: 'error', message: p.message, range: index.rangeOf(p.start, p.end) })));
    }, (error) => this.log.error(`Validating ${doc.uri.toString(true)} failed`, error));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
