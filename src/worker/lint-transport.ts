import type { WorkerMessage, WorkerRequest } from './lint-handler';

/** What a started lint worker reports to its runner. */
export interface LintWorkerEvents {
  message(message: WorkerMessage): void;
  /** The worker failed (a script that did not load, or an uncaught error in it). */
  error(error: Error): void;
  /** The worker stopped on its own (Node worker threads only; a Web Worker has no such event). */
  exit(code: number): void;
}

/** A running lint worker, as the runner sees it. */
export interface LintWorker {
  post(request: WorkerRequest): void;
  terminate(): void;
}

/**
 * How LintRunner starts lint workers and waits on them: a Node worker thread on the desktop
 * (lint-transport-node.ts) or a Web Worker in vscode.dev and github.dev (lint-transport-web.ts).
 * Everything else (the queue, newest-wins, the time budget, restarts, the fallback to this
 * thread) is LintRunner's, the same on both.
 */
export interface LintTransport {
  /** Starts a worker whose events go to `events`; throws when no worker can be started. */
  start(events: LintWorkerEvents): LintWorker;
  /** Runs `fn` once the worker messages that already arrived have been handled. */
  afterPending(fn: () => void): void;
}
