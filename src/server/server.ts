/**
 * partnerlint-ls: PartnerLint as a language server, for any editor that speaks LSP
 * (`partnerlint-ls --stdio`). Diagnostics with codes and documentation links, code actions (fixes,
 * suggestions, disable comments), fix-all as `source.fixAll.partnerlint`, configuration from
 * `.partnerlint.yaml` and `workspace/configuration` (section `partnerlint`, the keys of the VS Code
 * settings). Everything it judges comes from the same core as the CLI and the VS Code extension;
 * this folder only speaks the protocol. See docs/language-server.md.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizeSettings, type Settings } from '../core/editor-settings';
import { CONFIG_RULE_ID, TextIndex } from '../core';
import { treeProblemsToDiagnostics } from '../trees/lint-tree';
import { ServerLinter, toDiagnostic } from './linting';
import { fileUri, ServerWorkspace } from './workspace';
import { PollingWatcher } from './polling';
import { docsUrl } from '../core/actions';
import { codeActions, COMMANDS, FIX_ALL_KIND, fixAllEdit } from './code-actions';

declare const PARTNERLINT_VERSION: string;
const VERSION = typeof PARTNERLINT_VERSION === 'string' ? PARTNERLINT_VERSION : '0.0.0-dev';

/** The files whose changes the server asks the client to watch. */
export const WATCHED_GLOBS = ['**/.partnerlint.yaml', '**/.partnerlint.yml', '**/.partnerlint/trees/*.yaml', '**/.partnerlint/trees/*.yml'];

const HELP = `partnerlint-ls ${VERSION}: the PartnerLint language server.

Usage: partnerlint-ls --stdio

Editors start it and speak the Language Server Protocol over its standard input and output.
Settings come from .partnerlint.yaml and from the editor (section "partnerlint").
See https://github.com/partnerlint/partnerlint/blob/main/docs/language-server.md
`;

/** Starts the server on `connection` (the process's stdio when run as a program). */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new ServerWorkspace();
  let capabilities: ClientCapabilities = {};
  let initializationSettings: unknown;
  /** The settings pushed by didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  let pushedSettings: unknown;
  const settingsCache = new Map<string, Promise<Settings>>();
  const warned = new Set<string>();
  /** Settings and tree files the server published problems on (cleared when they change). */
  const problemFiles = new Set<string>();
  let workspaceFolderUris: string[] = [];

  const describe = (cause: unknown) => (cause instanceof Error ? `${cause.message}\n${cause.stack ?? ''}` : cause === undefined ? '' : String(cause));
  const log = {
    info: (message: string) => connection.console.info(message),
    error: (message: string, cause?: unknown) => {
      const detail = describe(cause);
      connection.console.error(detail ? `${message}: ${detail}` : message);
    },
    trace: (message: string) => connection.tracer.log(message),
    /** Says something once per server run, as a message the user sees (never on every keystroke). */
    warnOnce: (key: string, message: string) => {
      if (warned.has(key)) return;
      warned.add(key);
      connection.console.warn(message);
      // A notification: window/showMessageRequest would wait for an answer the editor may never give.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    },
  };

  const supportsConfiguration = () => capabilities.workspace?.configuration === true;

  function settingsFor(uri: string): Promise<Settings> {
    let settings = settingsCache.get(uri);
    if (!settings) {
      const fallback = pushedSettings ?? initializationSettings;
      settings = (supportsConfiguration()
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'partnerlint' }).then((raw: unknown) => raw ?? fallback, (error: unknown) => {
          log.error('The editor did not answer workspace/configuration; using the settings it sent at start', error);
          return fallback;
        })
        : Promise.resolve(fallback)
      ).then((raw) => normalizeSettings(raw));
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  const linter = new ServerLinter({
    document: (uri) => documents.get(uri),
    openDocuments: () => documents.all(),
    settingsFor,
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics }),
    log,
  }, workspace);

  workspace.onProblems = (files) => {
    for (const file of files) {
      const uri = fileUri(file.path);
      const index = new TextIndex(file.text);
      const problems = [
        ...file.config.map((p) => ({ ruleId: CONFIG_RULE_ID, severity: 'error' as const, message: p.message, range: index.rangeOf(p.start, p.end) })),
        ...(file.trees ? treeProblemsToDiagnostics(file.text, file.trees.problems) : []),
      ];
      problemFiles.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics: problems.map((p) => toDiagnostic(p, uri)) });
      log.warnOnce(`problems:${uri}`, `PartnerLint found problems in ${file.path}; documents use the settings it could read (see the diagnostics on that file).`);
    }
  };

  /** Polls PartnerLint's own files when the editor cannot watch them for the server. */
  let polling: PollingWatcher | undefined;
  workspace.onDepends = (path) => polling?.watch(path);

  /**
   * Settings or watched files changed: everything is read and checked again. Problems in settings
   * files are said again only when files changed (they may be new problems); a change of the
   * editor's settings alone leaves the files as they were, and says nothing twice.
   */
  const reloadAll = (filesChanged = true) => {
    settingsCache.clear();
    workspace.reset();
    for (const uri of problemFiles) void connection.sendDiagnostics({ uri, diagnostics: [] });
    problemFiles.clear();
    // Problems in changed settings files are said again if still there; a note about a URI scheme is not.
    if (filesChanged) for (const key of warned) if (key.startsWith('problems:')) warned.delete(key);
    linter.relintAll();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    initializationSettings = initializationOptionsSettings(params.initializationOptions);
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      polling = new PollingWatcher((path) => {
        log.info(`Changed: ${path}`);
        reloadAll();
      });
    }
    workspaceFolderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(workspaceFolderUris);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        executeCommandProvider: { commands: [COMMANDS.fixAll, COMMANDS.showRuleDocs] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'partnerlint-ls', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'partnerlint' }).catch((error) => log.error('Could not register for configuration changes', error));
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) })
        .catch((error) => log.error('Could not ask the editor to watch .partnerlint.yaml and decision tree files', error));
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const known = new Set(workspaceFolderUris);
        for (const f of event.removed) known.delete(f.uri);
        for (const f of event.added) known.add(f.uri);
        workspaceFolderUris = [...known];
        workspace.setFolders(workspaceFolderUris);
        reloadAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = (params?.settings as Record<string, unknown> | null | undefined)?.['partnerlint'];
    if (settings !== undefined) pushedSettings = settings;
    reloadAll(false);
  });
  connection.onDidChangeWatchedFiles(() => reloadAll());

  // TextDocuments fires onDidChangeContent right after onDidOpen for the opened text: open checks at once.
  const opening = new Set<string>();
  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    linter.opened(e.document);
  });
  documents.onDidChangeContent((e) => {
    if (opening.delete(e.document.uri)) return;
    linter.changed(e.document);
  });
  documents.onDidSave((e) => {
    // A settings or tree file saved in this editor takes effect even when nothing watches files.
    if (!ServerLinter.checks(e.document.uri)) reloadAll();
    else linter.saved(e.document.uri);
  });
  documents.onDidClose((e) => {
    settingsCache.delete(e.document.uri);
    linter.closed(e.document.uri);
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const state = await linter.currentState(doc.uri);
    if (!state?.result || documents.get(doc.uri)?.version !== state.version) return [];
    return codeActions(doc, state.result.diagnostics, params, capabilities);
  });

  connection.onExecuteCommand(async (params) => {
    const [argument] = params.arguments ?? [];
    if (params.command === COMMANDS.showRuleDocs && typeof argument === 'string' && /^[a-z0-9-]+$/.test(argument)) {
      await connection.window.showDocument({ uri: docsUrl(argument), external: true }).catch((error) => log.error('The editor could not open the documentation', error));
      return;
    }
    if (params.command === COMMANDS.fixAll && typeof argument === 'string') {
      const doc = documents.get(argument);
      const state = doc && (await linter.currentState(doc.uri));
      if (!doc || !state?.result || documents.get(doc.uri)?.version !== state.version) return;
      const edit = fixAllEdit(doc, state.result.diagnostics, capabilities);
      if (edit) await connection.workspace.applyEdit({ label: 'Fix all PartnerLint problems', edit });
    }
  });

  connection.onShutdown(() => {
    polling?.dispose();
    linter.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * The settings an editor passed at start (`initializationOptions`): the `partnerlint` section,
 * either as `{ "partnerlint": { … } }` or as the section itself. Used when the editor cannot
 * answer `workspace/configuration`, or answers it with nothing.
 */
function initializationOptionsSettings(options: unknown): unknown {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return undefined;
  const nested = (options as Record<string, unknown>)['partnerlint'];
  return nested !== undefined ? nested : options;
}

/** Run as a program: `partnerlint-ls --stdio` (or --node-ipc, --socket=<port>, --pipe=<name>). */
export function main(argv: readonly string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    process.stderr.write(`partnerlint-ls: say how to talk to the editor, e.g. --stdio.\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const connection = createConnection(ProposedFeatures.all);
  // Whatever goes wrong inside a handler is logged to the editor, never the end of the server.
  process.on('unhandledRejection', (reason) => connection.console.error(`PartnerLint: unexpected failure: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));
  startServer(connection);
}

if (require.main === module) main(process.argv.slice(2));
