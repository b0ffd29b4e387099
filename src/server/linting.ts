import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { LintDiagnostic, LintResult, ResolvedConfig } from '../core';
import { docsUrl } from '../core/actions';
import { isConfigFile } from '../core/lint-file';
import { isCustomTreePath } from '../trees/custom';
import type { Settings } from '../core/editor-settings';
import { nodeTransport, SERVER_WORKER_OLD_SPACE_MB } from '../worker/lint-transport-node';
import type { Logger } from '../worker/lint-runner';
import { DocumentChecker } from '../worker/document-check';
import { filePath, type ServerWorkspace } from './workspace';

/** The source every PartnerLint diagnostic carries (as in VS Code). */
import { DIAGNOSTIC_SOURCE as SOURCE } from '../core/actions';
export { SOURCE };

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** The LSP diagnostic for a core problem: code, documentation link, related places in the same document. */
export function toDiagnostic(problem: LintDiagnostic, uri: string): Diagnostic {
  return {
    range: problem.range,
    severity: SEVERITY[problem.severity],
    source: SOURCE,
    code: problem.ruleId,
    codeDescription: { href: docsUrl(problem.ruleId) },
    message: problem.message,
    ...(problem.relatedInformation?.length
      ? { relatedInformation: problem.relatedInformation.map((r) => ({ location: { uri, range: r.range }, message: r.message })) }
      : {}),
  };
}

/** What the server knows about one open document at one version. */
export interface DocumentState {
  version: number;
  result?: LintResult;
  config?: ResolvedConfig;
  /** Why it was not checked. */
  skipped?: string;
}

/** What the linter needs from the server: the documents, the settings, where to publish. */
export interface LinterHost {
  document(uri: string): TextDocument | undefined;
  openDocuments(): TextDocument[];
  settingsFor(uri: string): Promise<Settings>;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  log: Logger & {
    warnOnce(key: string, message: string): void;
    /** Detail for diagnosing speed: sent as $/logTrace when the client turned tracing on. */
    trace(message: string): void;
  };
}

function info(doc: TextDocument, message: string): Diagnostic {
  const firstLine = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } }, severity: DiagnosticSeverity.Information, source: SOURCE, message };
}

/**
 * Keeps each open document's diagnostics in step with its text, as src/extension/linting.ts does
 * in VS Code: checks on open, while typing (debounced; or only on save, as configured), on save
 * and when configuration changes; through the lint worker (src/worker/lint-runner.ts: incremental
 * re-lint of each document, newest version wins, a time budget per check). A result for an older
 * version, or from before a configuration change, is never published.
 */
export class ServerLinter {
  /** The check of one version of a document, shared with the VS Code extension (src/worker/document-check.ts). */
  private readonly checker: DocumentChecker;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly states = new Map<string, DocumentState>();
  private readonly pending = new Map<string, { version: number; generation: number; promise: Promise<DocumentState | undefined> }>();
  private readonly generations = new Map<string, number>();
  private configGeneration = 0;

  constructor(private readonly host: LinterHost, private readonly workspace: ServerWorkspace, workerScript?: string) {
    // The CLI's worker-thread script, beside dist/server.js (the npm package ships it).
    this.checker = new DocumentChecker({ log: host.log, logName: 'its log' }, nodeTransport(workerScript ?? join(__dirname, 'lint-worker.js'), { collectWhenIdle: true, oldSpaceMb: SERVER_WORKER_OLD_SPACE_MB }));
  }

  /** Whether the server checks the document at `uri` as Markdown (not its own settings or tree files). */
  static checks(uri: string): boolean {
    const path = uri.replace(/[?#].*$/, '');
    return !isConfigFile(path) && !isCustomTreePath(path);
  }

  opened(doc: TextDocument): void {
    void this.lint(doc.uri);
  }

  /** The document changed: checked after the debounce (or at once with a debounce of 0). */
  changed(doc: TextDocument): void {
    const uri = doc.uri;
    void this.host.settingsFor(uri).then((settings) => {
      if (settings.run === 'onSave') return;
      clearTimeout(this.timers.get(uri));
      if (settings.debounce === 0) {
        this.timers.delete(uri);
        void this.lint(uri);
        return;
      }
      this.timers.set(uri, setTimeout(() => {
        this.timers.delete(uri);
        void this.lint(uri);
      }, settings.debounce));
    });
  }

  saved(uri: string): void {
    // Saving retries a document that ran out of time (same version, so it must be forced).
    const retry = this.checker.retry(uri);
    void this.lint(uri, retry);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.states.delete(uri);
    this.pending.delete(uri);
    this.generations.delete(uri);
    this.checker.closed(uri);
    this.host.publish(uri, undefined, []);
  }

  /** Settings, a settings file or a tree file changed: every open document is checked again. */
  relintAll(): void {
    this.configGeneration++;
    this.checker.retryAll();
    for (const doc of this.host.openDocuments()) void this.lint(doc.uri, true);
  }

  /** Lints the document at `uri` and publishes the result, unless its current version was already published. */
  async lint(uri: string, force = false): Promise<void> {
    const doc = this.host.document(uri);
    if (!doc || !ServerLinter.checks(uri)) return;
    if (!force && this.states.get(uri)?.version === doc.version) return;
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    const computed = await this.compute(doc, 'publish');
    if (!computed || this.generations.get(uri) !== generation) return;
    this.states.set(uri, computed.state);
    this.host.publish(uri, computed.state.version, computed.diagnostics);
  }

  /**
   * The state of the document at its current version, for code actions: the published one, or one
   * computed now (a code action may be asked for before the debounced check ran). Requests for
   * the same version share one computation.
   */
  async currentState(uri: string): Promise<DocumentState | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = this.host.document(uri);
      if (!doc || !ServerLinter.checks(uri)) return undefined;
      const published = this.states.get(uri);
      if (published?.version === doc.version) return published;
      let pending = this.pending.get(uri);
      if (!pending || pending.version !== doc.version || pending.generation !== this.configGeneration) {
        const promise = this.compute(doc, 'actions').then((c) => c?.state);
        pending = { version: doc.version, generation: this.configGeneration, promise };
        this.pending.set(uri, pending);
      }
      const state = await pending.promise;
      if (state) return state;
      if (this.host.document(uri)?.version !== doc.version) return undefined;
    }
    return undefined;
  }

  /** Computes the state of `doc` at its current version. Undefined when it changed (or closed, or configuration changed) meanwhile. */
  private async compute(doc: TextDocument, purpose: 'publish' | 'actions'): Promise<{ state: DocumentState; diagnostics: Diagnostic[] } | undefined> {
    const uri = doc.uri;
    const version = doc.version;
    const configGeneration = this.configGeneration;
    const settings = await this.host.settingsFor(uri);
    // An untitled document takes the settings of the first workspace folder, as in VS Code.
    const untitled = /^untitled:/i.test(uri);
    const firstFolder = this.workspace.firstFolder();
    const path = filePath(uri) ?? (untitled && firstFolder !== undefined ? `${firstFolder === '/' ? '' : firstFolder}/untitled.md` : undefined);
    if (settings.enable && path === undefined && !untitled) {
      this.host.log.warnOnce(`scheme:${uri.split(':')[0]}`, `PartnerLint checks documents with ${uri.split(':')[0]}: URIs with the default settings and your editor's partnerlint settings: it reads .partnerlint.yaml and decision tree files only for file: URIs.`);
    }
    const outcome = await this.checker.check({
      key: uri,
      name: uri,
      version,
      purpose,
      path: path ?? '/untitled.md',
      folder: path === undefined ? undefined : this.workspace.folderOf(path),
      sources: this.workspace.sourcesFor(path),
      settings,
      text: () => doc.getText(),
      current: () => this.host.document(uri)?.version === version && this.configGeneration === configGeneration,
    });
    if (outcome.kind === 'stale') return undefined;
    if (outcome.kind === 'skipped') return { state: { version, skipped: outcome.reason }, diagnostics: outcome.notice !== undefined ? [info(doc, outcome.notice)] : [] };
    const { result, config } = outcome;
    return { state: { version, result, config, skipped: result.skippedReason }, diagnostics: result.diagnostics.map((d) => toDiagnostic(d, uri)) };
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.checker.dispose();
  }
}
