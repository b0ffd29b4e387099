/**
 * A small LSP client for driving dist/server.js (partnerlint-ls) as an editor does: the server is
 * a child process spoken to over its stdio with vscode-languageserver-protocol's message
 * connection. It answers the server's requests (workspace/configuration, client/registerCapability,
 * window/showDocument), keeps what the server published and said, and waits for diagnostics of
 * a given document version. Used by language-server.test.ts and the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogTraceNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  CodeActionRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = join(process.cwd(), 'dist', 'server.js');

/** What an editor with full support announces. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    applyEdit: true,
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
    synchronization: { didSave: true },
  },
  window: { showDocument: { support: true } },
};

/** A diagnostic's message as text (LSP 3.18 allows Markdown content too). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Applies LSP text edits (computed on `text`) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), [...edits]);
}

/** The edits a workspace edit makes to `uri`, whichever form it takes. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes) return edit.changes[uri] ?? [];
  return (edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits.filter((e): e is TextEdit => 'range' in e) : []));
}

interface Waiter {
  uri: string;
  test: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export interface LspClientOptions {
  /** Workspace folder paths; the first is also the root. */
  folders?: string[];
  capabilities?: ClientCapabilities;
  /** The `partnerlint` section answered to workspace/configuration (may be anything, as from a hostile editor). */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Ask the server to trace (`trace: 'messages'`): its $/logTrace messages are kept in `traces`. */
  trace?: boolean;
}

export class LspClient {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  /** The newest diagnostics published for each URI. */
  readonly published = new Map<string, PublishDiagnosticsParams>();
  /** Every publication, in order. */
  readonly publications: PublishDiagnosticsParams[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: { type: number; message: string }[] = [];
  /** $/logTrace messages (with the `trace` option). */
  readonly traces: string[] = [];
  readonly registrations: Registration[] = [];
  readonly shownDocuments: string[] = [];
  /** How many workspace/configuration requests the server made. */
  configurationRequests = 0;
  settings: unknown;
  stderr = '';
  readonly exited: Promise<number | null>;
  private waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  constructor(private readonly options: LspClientOptions = {}, script = SERVER) {
    this.settings = options.settings ?? {};
    this.child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === 'partnerlint' ? this.settings : null));
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    this.connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params.uri);
      return { success: true };
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    this.connection.onNotification(LogTraceNotification.type, (params) => {
      this.traces.push(params.message);
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, params);
      this.publications.push(params);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== params.uri || !w.test(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const folders = this.options.folders ?? [];
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((f, i) => ({ uri: fileUri(f), name: `folder${i}` })),
      capabilities: this.options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: this.options.initializationOptions,
      ...(this.options.trace ? { trace: 'messages' as const } : {}),
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental edits (computed on the current text), as editors do; returns the new version. */
  async edit(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const version = this.version(uri) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, applyEdits(this.text(uri), edits));
    // Sent in reverse document order, each range computed on the text the previous change left.
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  /** Inserts `text` at a position. */
  insert(uri: string, line: number, character: number, text: string): Promise<number> {
    const at = { line, character };
    return this.edit(uri, [{ range: { start: at, end: at }, newText: text }]);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { partnerlint: settings } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /**
   * The diagnostics of `uri` once a publication satisfies `test` (by default: the current version
   * of an open document, or any for another file), the newest one first. Rejects after `guardMs`,
   * a hang guard only.
   */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = (p) => !this.versions.has(uri) || p.version === this.version(uri), guardMs = 60_000): Promise<Diagnostic[]> {
    const newest = this.published.get(uri);
    if (newest && test(newest)) return Promise.resolve(newest.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${guardMs} ms; last: ${JSON.stringify(this.published.get(uri))?.slice(0, 500)}; stderr: ${this.stderr.slice(0, 500)}`)), guardMs);
      this.waiters.push({ uri, test, resolve: (p) => {
        clearTimeout(timer);
        resolve(p.diagnostics);
      } });
    });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;
  }

  /** Applies an action's edit to the open document (as didChange), and returns the new version. */
  apply(uri: string, action: CodeAction): Promise<number> {
    const edits = editsFor(action.edit, uri);
    if (edits.length === 0) throw new Error(`the action "${action.title}" edits nothing in ${uri}`);
    return this.edit(uri, edits);
  }

  /** shutdown, exit; the process's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the process whatever state it is in (after a failed test). */
  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
