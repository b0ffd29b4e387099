import * as vscode from 'vscode';
import { lintText, sniff, RULES, DEFAULT_CONFIG, configForDocument, withSettingsKind, type LintDiagnostic, type LintResult, type ResolvedConfig, type DocumentKind } from '../core';
import { toDiagnostic } from './convert';
import { settingsFor, type Settings } from './settings';
import type { WorkspaceConfig } from './workspace-config';
import type { WorkspaceTrees } from './workspace-trees';
import { withCustomTrees } from '../core/lint-file';
import { LintRunner } from './lint-runner';
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

/** Merges the `partnerlint.rules` setting over the configuration file's rule settings. */
function withSettings(config: ResolvedConfig, settings: Settings): ResolvedConfig {
  if (Object.keys(settings.rules).length === 0) return config;
  const rules = { ...config.rules };
  for (const [id, severity] of Object.entries(settings.rules)) rules[id] = { ...rules[id], severity };
  return { ...config, rules };
}

/**
 * Keeps the Problems panel in step with open Markdown documents: lints on open, while typing
 * (debounced; or only on save, as configured), on save and when configuration changes, and
 * clears on close. Each run has a generation number; a result for an older version of the
 * document, or from before a configuration change, is never published.
 */
export class DocumentLinter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('partnerlint');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly states = new Map<string, DocumentState>();
  private readonly unpublished = new Map<string, DocumentState>();
  /** Code-action computations under way, by document, shared by requests for the same version. */
  private readonly pendingActions = new Map<string, { version: number; configGeneration: number; promise: Promise<DocumentState | undefined> }>();
  private readonly generations = new Map<string, number>();
  /** Documents whose last check ran out of time, with their length then: not retried until saved. */
  private readonly timedOut = new Map<string, number>();
  private readonly runner: LintRunner;
  private configGeneration = 0;
  private readonly stateChanged = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document was linted or skipped. */
  readonly onDidChangeState = this.stateChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.stateChanged];

  constructor(private readonly config: WorkspaceConfig, private readonly trees: WorkspaceTrees, private readonly log: Logger) {
    this.runner = new LintRunner(log);
    this.disposables.push(
      { dispose: () => this.runner.dispose() },
      vscode.workspace.onDidOpenTextDocument((doc) => void this.lint(doc)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        // Saving retries a document that ran out of time (same version, so it must be forced).
        const retry = this.timedOut.delete(doc.uri.toString());
        void this.lint(doc, retry);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('partnerlint')) this.relintAll();
      }),
      config.onDidChange(() => this.relintAll()),
      trees.onDidChange(() => this.relintAll()),
    );
    this.relintAll();
  }

  /** What is known about a document at its current version. */
  stateOf(doc: vscode.TextDocument): DocumentState | undefined {
    const state = this.states.get(doc.uri.toString());
    return state && state.version === doc.version ? state : undefined;
  }

  /** The core diagnostic behind a VS Code diagnostic, in a state computed for the same version. */
  static problemIn(state: DocumentState, diagnostic: vscode.Diagnostic): LintDiagnostic | undefined {
    const id = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : undefined;
    return state.result?.diagnostics.find((d) =>
      d.ruleId === id && d.message === diagnostic.message
      && d.range.start.line === diagnostic.range.start.line && d.range.start.character === diagnostic.range.start.character
      && d.range.end.line === diagnostic.range.end.line && d.range.end.character === diagnostic.range.end.character);
  }

  relintAll(): void {
    this.configGeneration++;
    // New settings or configuration are a reason to try documents that ran out of time again.
    this.timedOut.clear();
    // States computed for code actions used the old configuration.
    this.unpublished.clear();
    for (const doc of vscode.workspace.textDocuments) void this.lint(doc, true);
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
    const current = () => !doc.isClosed && doc.version === version && this.configGeneration === configGeneration;
    const skipped = (reason: string, diagnostics: vscode.Diagnostic[] = []) => ({ state: { version, skipped: reason }, diagnostics });

    const settings = settingsFor(doc.uri);
    if (!settings.enable) return skipped('PartnerLint is switched off (partnerlint.enable)');
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (folder && settings.ignore.some((glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, doc) > 0)) {
      return skipped('ignored by the partnerlint.ignore setting');
    }
    const text = doc.getText();
    if (text.length > settings.maxFileSize) {
      const looksLikeOurs = sniff(text.slice(0, 64 * 1024)).kind !== undefined;
      const limit = settings.maxFileSize.toLocaleString('en-US');
      const info = new vscode.Diagnostic(new vscode.Range(0, 0, 0, doc.lineAt(0).text.length), `PartnerLint did not check this document: it is larger than the partnerlint.maxFileSize setting (${limit} characters).`, vscode.DiagnosticSeverity.Information);
      info.source = 'partnerlint';
      return skipped(`larger than partnerlint.maxFileSize (${limit} characters)`, looksLikeOurs ? [info] : []);
    }

    let config: ResolvedConfig;
    try {
      const custom = await this.trees.customTreesFor(doc.uri);
      config = configForDocument(withCustomTrees(withSettings((await this.config.configFor(doc.uri)).config, settings), custom), doc.uri.path);
    } catch (error) {
      this.log.error(`Reading the configuration for ${doc.uri.toString(true)} failed; using the defaults`, error);
      config = withSettings(DEFAULT_CONFIG, settings);
    }
    if (!current()) return undefined;
    // Code actions queue apart from publishing, so a debounced lint never drops a fix-on-save.
    const key = purpose === 'actions' ? `${doc.uri.toString()}#actions` : doc.uri.toString();
    const seconds = settings.timeBudget < 1000 ? `${settings.timeBudget} ms` : `${settings.timeBudget / 1000} s`;
    const stoppedMessage = `PartnerLint stopped analysing this document: checking it took longer than ${seconds} (partnerlint.timeBudget), so it was abandoned to keep the editor responsive. Save the document to try again.`;
    const stopped = () => {
      const info = new vscode.Diagnostic(new vscode.Range(0, 0, 0, doc.lineAt(0).text.length), stoppedMessage, vscode.DiagnosticSeverity.Information);
      info.source = 'partnerlint';
      return skipped(`checking took longer than ${seconds} (save to try again)`, [info]);
    };
    if (this.timedOut.get(doc.uri.toString()) === text.length) return stopped();
    // Most Markdown is not a strategy document: the cheap first look settles it here, no worker.
    if (withSettingsKind(sniff(text), config.documentKind).kind === undefined) {
      const result = lintText(text, RULES, config);
      return current() ? { state: { version, result, config, skipped: result.skippedReason }, diagnostics: [] } : undefined;
    }
    // Off the extension host's thread; of several waiting versions only the newest runs.
    const started = Date.now();
    const outcome = await this.runner.lint(key, text, config, settings.timeBudget, doc.uri.toString());
    if (outcome.kind === 'done') {
      const how = outcome.update?.parse === 'incremental' && outcome.update.window
        ? `re-parsed ${outcome.update.window.end - outcome.update.window.start} of ${text.length} characters`
        : `${outcome.update?.parse ?? 'not'} parsed${outcome.update?.reason ? ` (${outcome.update.reason})` : ''}`;
      this.log.trace(`Checked ${doc.uri.toString(true)} version ${version} in ${Date.now() - started} ms: ${how}`);
    }
    if (outcome.kind === 'superseded') return undefined;
    if (outcome.kind === 'timeout') {
      if (!current()) return undefined;
      this.timedOut.set(doc.uri.toString(), text.length);
      return stopped();
    }
    if (outcome.kind === 'failed') {
      // The engine contains rule failures; reaching here is a PartnerLint bug. Logged once per
      // document version, never as a popup.
      this.log.error(`Linting ${doc.uri.toString(true)} failed`, outcome.error);
      return skipped('PartnerLint failed on this document: see the PartnerLint output');
    }
    const result: LintResult = outcome.result;
    if (!current()) return undefined;
    if (result.kind && !settings.kinds.includes(result.kind as DocumentKind)) {
      return skipped(`${result.kind} documents are not checked (partnerlint.kinds)`);
    }
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
    this.timedOut.delete(key);
    this.generations.delete(key);
    this.runner.close(key);
    this.collection.delete(uri);
    this.stateChanged.fire(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
