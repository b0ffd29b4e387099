// The language server as an editor sees it (used by scripts/bench.mjs): partnerlint-ls started as
// a process and spoken to over stdio with vscode-languageserver-protocol's message connection.
// A 1,000-line charter is opened, then edited one letter at a time (incremental didChange, as
// editors send it); each edit is timed from the moment its didChange is written to the moment the
// publishDiagnostics for that version arrives; the server's trace ($/logTrace) says how much of
// that was the check in its lint worker.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const lsp = require('vscode-languageserver-protocol/node');

/** Zero-based line and character of `offset` in `text` (lines end at \n; the bench's charters have no \r). */
function positionAt(text, offset) {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/**
 * Starts `serverScript --stdio` with the workspace/configuration answer `settings`, opens `text`
 * as file:///bench/charter-1000.md and returns a session: `edit(at, letter)` inserts one letter at
 * offset `at` and resolves with the milliseconds until its diagnostics were published (and them).
 */
export async function startServerSession(serverScript, text, settings) {
  const child = spawn(process.execPath, [serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
  const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
  const uri = 'file:///bench/charter-1000.md';
  let waiting;
  connection.onRequest(lsp.ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'partnerlint' ? settings : null)));
  connection.onRequest(lsp.RegistrationRequest.type, () => undefined);
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now();
    if (waiting && params.uri === uri && params.version === waiting.version) waiting.resolve({ at, diagnostics: params.diagnostics });
  });
  // With tracing on, the server says how long each check took in its lint worker ($/logTrace).
  const workerMs = new Map();
  connection.onNotification(lsp.LogTraceNotification.type, (params) => {
    const m = /version (\d+) in ([\d.]+) ms in the lint worker/.exec(params.message);
    if (m) workerMs.set(Number(m[1]), Number(m[2]));
  });
  connection.listen();
  await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    trace: 'messages',
    rootUri: null,
    workspaceFolders: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  let current = text;
  let version = 1;
  const published = (v) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${v} within 60 s${stderr ? `: ${stderr.slice(0, 300)}` : ''}`)), 60_000);
    waiting = { version: v, resolve: (r) => { clearTimeout(timer); waiting = undefined; resolve(r); } };
  });
  const opened = published(1);
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  return {
    get text() {
      return current;
    },
    /**
     * The server process's peak resident memory so far (its main thread and its lint worker), in
     * bytes, from /proc (Linux); undefined elsewhere.
     */
    peakRss() {
      try {
        const kb = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        return kb === undefined ? undefined : Number(kb) * 1024;
      } catch {
        return undefined;
      }
    },
    async edit(at, letter) {
      const position = positionAt(current, at);
      current = current.slice(0, at) + letter + current.slice(at);
      version++;
      const answer = published(version);
      const start = performance.now();
      await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text: letter }],
      });
      const { at: end, diagnostics } = await answer;
      return { ms: end - start, diagnostics, workerMs: workerMs.get(version) ?? NaN };
    },
    async stop() {
      await connection.sendRequest(lsp.ShutdownRequest.type);
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await connection.sendNotification(lsp.ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
