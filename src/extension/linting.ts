import * as vscode from 'vscode';
import type { LintDiagnostic, LintResult, ResolvedConfig } from '../core';
import { SOURCE, toDiagnostic } from './convert';
import { settingsFor } from './settings';
import type { WorkspaceConfig } from './workspace-config';
import type { WorkspaceTrees } from './workspace-trees';
import type { ConfigSources } from '../core/lint-file';
import { DocumentChecker } from '../worker/document-check';
import { problemBehind } from '../core/actions';
import type { LintTransport } from '../worker/lint-transport';
import type { Logger } from './log';

/** Schemes whose Markdown is the user's own writing (not diffs, output or SCM views). */
const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata', 'vscode-test-web']);

/** What PartnerLint knows about one open document, for code actions and the status item. */
export interface DocumentState {
  version: number;
  /** The lint result, when the document was linted. */
  result?: LintResult;
  /** The configuration it was linted with (code actions re-lint with the same). */
  config?: ResolvedConfig;
  /** Why it was not linted, in words for the status item. */
  skipped?: string;
}

export function isMarkdown(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && LINTED_SCHEMES.has(doc.uri.scheme);
}

/**
 * Keeps the Problems panel in step with open Markdown documents: lints on open, while typing
 * (debounced; or only on save, as configured), on save and when configuration changes, and
 * clears on close. Each run has a generation number; a result for an older version of the
 * document, or from before a configuration change, is never published.
 */
export class DocumentLinter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('partnerlint');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly states = new Map<string, DocumentState>();
  private readonly unpublished = new Map<string, DocumentState>();
  /** Code-action computations under way, by document, shared by requests for the same version. */
  private readonly pendingActions = new Map<string, { version: number; configGeneration: number; promise: Promise<DocumentState | undefined> }>();
  private readonly generations = new Map<string, number>();
  /** Closed files whose problems Lint Workspace published (URIs). */
  private readonly closedChecked = new Set<string>();
  /** The check of one version of a document, shared with the language server (src/worker/document-check.ts). */
  private readonly checker: DocumentChecker;
  private configGeneration = 0;
  private readonly stateChanged = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document was linted or skipped. */
  readonly onDidChangeState = this.stateChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.stateChanged];

  constructor(private readonly config: WorkspaceConfig, private readonly trees: WorkspaceTrees, private readonly log: Logger, transport: LintTransport) {
    this.checker = new DocumentChecker({ log, logName: 'the PartnerLint output' }, transport);
    const markdownWatcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}', true, false, false);
    this.disposables.push(
      { dispose: () => this.checker.dispose() },
      vscode.workspace.onDidOpenTextDocument((doc) => void this.lint(doc)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        // Saving retries a document that ran out of time (same version, so it must be forced).
        const retry = this.checker.retry(doc.uri.toString());
        void this.lint(doc, retry);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('partnerlint')) this.relintAll();
      }),
      config.onDidChange(() => this.relintAll()),
      // Problems Lint Workspace published for closed files follow the files on disk.
      markdownWatcher,
      markdownWatcher.onDidChange((uri) => {
        if (this.closedChecked.has(uri.toString()) && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
          void this.lintClosed(uri).catch((error) => this.log.error(`Checking ${uri.toString(true)} failed`, error));
        }
      }),
      markdownWatcher.onDidDelete((uri) => {
        if (this.closedChecked.delete(uri.toString())) this.collection.delete(uri);
      }),
      trees.onDidChange(() => this.relintAll()),
    );
    this.relintAll();
  }

  /** Where the configuration of the document at `uri` comes from, in the editor. */
  sourcesFor(uri: vscode.Uri): ConfigSources {
    return {
      settingsFor: () => this.config.configFor(uri),
      treesFor: () => this.trees.customTreesFor(uri),
    };
  }

  /** What is known about a document at its current version. */
  /** Whether checks run in a lint worker now, rather than on the extension host's thread (for tests). */
  lintsInWorker(): boolean {
    return this.checker.runsInWorker();
  }

  /** Checks sent to the lint worker since activation (for tests: a timed-out document sends none). */
  get workerChecks(): number {
    return this.checker.workerChecks;
  }

  stateOf(doc: vscode.TextDocument): DocumentState | undefined {
    const state = this.states.get(doc.uri.toString());
    return state && state.version === doc.version ? state : undefined;
  }

  /** The core diagnostic behind a VS Code diagnostic, in a state computed for the same version. */
  static problemIn(state: DocumentState, diagnostic: vscode.Diagnostic): LintDiagnostic | undefined {
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : undefined;
    return problemBehind(state.result?.diagnostics ?? [], { code, message: diagnostic.message, range: diagnostic.range });
  }

  relintAll(): void {
    this.configGeneration++;
    // New settings or configuration are a reason to try documents that ran out of time again.
    this.checker.retryAll();
    // States computed for code actions used the old configuration.
    this.unpublished.clear();
    for (const doc of vscode.workspace.textDocuments) void this.lint(doc, true);
    void this.relintClosed();
  }

  /** Re-checks, one after the other, the closed files whose problems Lint Workspace published. */
  private async relintClosed(): Promise<void> {
    const generation = this.configGeneration;
    for (const key of [...this.closedChecked]) {
      if (this.configGeneration !== generation) return; // a newer pass has started
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) continue;
      await this.lintClosed(vscode.Uri.parse(key)).catch((error) => this.log.error(`Checking ${key} failed`, error));
    }
  }

  /**
   * Checks a file that is not open (Lint Workspace), through the same configuration pipeline and
   * the same lint worker as an open document, and publishes its problems; they are refreshed when
   * settings change and when the file changes or goes on disk. Undefined when it was not checked
   * (switched off, ignored, too large, not a regular file, not a kind that is checked); `failed`
   * (with why, also logged) when it could not be read or checked.
   */
  async lintClosed(uri: vscode.Uri): Promise<{ problems: number } | { failed: string } | undefined> {
    const key = uri.toString();
    const generation = this.configGeneration;
    const drop = () => {
      this.closedChecked.delete(key);
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) this.collection.delete(uri);
      return undefined;
    };
    const settings = settingsFor(uri);
    // The same first steps as an open document's check (switched off, ignored, the configuration).
    const configured = await this.checker.configFor({ name: uri.toString(true), path: uri.path, folder: vscode.workspace.getWorkspaceFolder(uri)?.uri.path, sources: this.sourcesFor(uri), settings });
    if ('skipped' in configured) return drop();
    let text: string;
    try {
      // Never open a pipe or a device under a Markdown name: reading one would never end.
      const stat = await vscode.workspace.fs.stat(uri);
      if ((stat.type & ~vscode.FileType.SymbolicLink) !== vscode.FileType.File || stat.size > 3 * settings.maxFileSize) return drop();
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      this.log.error(`Reading ${uri.toString(true)} failed`, error);
      drop();
      return { failed: 'could not be read' };
    }
    if (text.length > settings.maxFileSize) return drop();
    const outcome = await this.checker.checkOnce(`${key}#closed`, text, configured.config, settings.timeBudget);
    // Opened meanwhile: the open document's own check publishes.
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return undefined;
    if (outcome.kind === 'superseded') return undefined;
    if (outcome.kind !== 'done') {
      if (outcome.kind === 'failed') this.log.error(`Linting ${uri.toString(true)} failed`, outcome.error);
      else this.log.info(`Lint Workspace: ${uri.toString(true)} took longer than ${settings.timeBudget} ms and was not checked`);
      drop();
      return { failed: outcome.kind === 'failed' ? 'failed' : 'took too long' };
    }
    const result = outcome.result;
    if (!result.kind || !settings.kinds.includes(result.kind)) return drop();
    if (this.configGeneration !== generation) return undefined; // settings changed meanwhile: a newer check follows
    this.closedChecked.add(key);
    this.collection.set(uri, result.diagnostics.map((d) => toDiagnostic(d, uri)));
    return { problems: result.diagnostics.length };
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isMarkdown(doc)) return;
    const settings = settingsFor(doc.uri);
    if (settings.run === 'onSave') return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.lint(doc);
    }, settings.debounce));
  }

  /**
   * Computes the state of `doc` at its current version without publishing it. Undefined when
   * the document changed (or closed, or configuration changed) while this ran.
   */
  private async compute(doc: vscode.TextDocument, purpose: 'publish' | 'actions' = 'publish'): Promise<{ state: DocumentState; diagnostics: vscode.Diagnostic[] } | undefined> {
    const version = doc.version;
    const configGeneration = this.configGeneration;
    const outcome = await this.checker.check({
      key: doc.uri.toString(),
      name: doc.uri.toString(true),
      version,
      purpose,
      path: doc.uri.path,
      folder: vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.path,
      sources: this.sourcesFor(doc.uri),
      settings: settingsFor(doc.uri),
      text: () => doc.getText(),
      current: () => !doc.isClosed && doc.version === version && this.configGeneration === configGeneration,
    });
    if (outcome.kind === 'stale') return undefined;
    if (outcome.kind === 'skipped') {
      const diagnostics: vscode.Diagnostic[] = [];
      if (outcome.notice !== undefined) {
        const notice = new vscode.Diagnostic(new vscode.Range(0, 0, 0, doc.lineAt(0).text.length), outcome.notice, vscode.DiagnosticSeverity.Information);
        notice.source = SOURCE;
        diagnostics.push(notice);
      }
      return { state: { version, skipped: outcome.reason }, diagnostics };
    }
    const { result, config } = outcome;
    return { state: { version, result, config, skipped: result.skippedReason }, diagnostics: result.diagnostics.map((d) => toDiagnostic(d, doc.uri)) };
  }

  /** Lints `doc` and publishes the result, unless its current version was already published. */
  async lint(doc: vscode.TextDocument, force = false): Promise<void> {
    if (!isMarkdown(doc) || doc.isClosed) return;
    const key = doc.uri.toString();
    if (!force && this.states.get(key)?.version === doc.version) return;
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const computed = await this.compute(doc);
    if (!computed || this.generations.get(key) !== generation) return;
    this.states.set(key, computed.state);
    this.collection.set(doc.uri, computed.diagnostics);
    this.stateChanged.fire(doc.uri);
  }

  /**
   * The state of `doc` at its current version, for code actions: the published one when it is
   * current, else one computed now and not published (with `run: onSave`, the Problems panel
   * waits for the save, but a fix must still be computed on the text it will change).
   *
   * Requests for the same version share one computation: the light bulb, the Problems panel and
   * `editor.codeActionsOnSave` often ask at the same moment, and a second computation would
   * supersede the first in the lint queue and leave its caller (perhaps the save) with nothing.
   * A computation that ends without a state only because configuration or trees changed
   * meanwhile is run again; one for a version that is no longer current gives up.
   */
  async currentState(doc: vscode.TextDocument): Promise<DocumentState | undefined> {
    const key = doc.uri.toString();
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!isMarkdown(doc) || doc.isClosed) return undefined;
      const published = this.stateOf(doc);
      if (published) return published;
      const version = doc.version;
      const cached = this.unpublished.get(key);
      if (cached && cached.version === version) return cached;
      let pending = this.pendingActions.get(key);
      if (!pending || pending.version !== version || pending.configGeneration !== this.configGeneration) {
        const promise = this.compute(doc, 'actions').then((computed) => {
          if (computed) this.unpublished.set(key, computed.state);
          return computed?.state;
        });
        pending = { version, configGeneration: this.configGeneration, promise };
        this.pendingActions.set(key, pending);
        const settled = pending;
        const done = () => {
          if (this.pendingActions.get(key) === settled) this.pendingActions.delete(key);
        };
        promise.then(done, done);
      }
      const state = await pending.promise;
      if (state) return state;
      if (doc.isClosed || doc.version !== version) return undefined;
    }
    return undefined;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.unpublished.delete(key);
    this.pendingActions.delete(key);
    this.generations.delete(key);
    this.checker.closed(key);
    this.collection.delete(uri);
    this.stateChanged.fire(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
