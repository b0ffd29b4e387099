/**
 * The lint worker in a Node worker thread (the CLI and the language server start it by file
 * name, dist/lint-worker.js; the desktop extension runs the web worker bundle instead). The protocol and the work are lint-handler.ts's.
 */
import { parentPort } from 'node:worker_threads';
import { lintHandler, type WorkerMessage } from './lint-handler';

export type { LintRequest, CloseRequest, WorkerRequest, LintResponse, WorkerMessage } from './lint-handler';

const handle = lintHandler();

parentPort?.on('message', (request) => {
  const response = handle(request);
  if (response) parentPort!.postMessage(response);
});

parentPort?.postMessage({ ready: true } satisfies WorkerMessage);
