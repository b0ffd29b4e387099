import { Worker } from 'node:worker_threads';
import { LINT_WORKER_OPTIONS } from './options';
import type { LintTransport } from './lint-transport';

/**
 * Starts a worker script in a Node worker thread. The script may be a Web Worker's
 * (dist/web/lint-worker.js, which talks through the global `postMessage` and `onmessage`): the
 * thread's parentPort stands in for those. Or a worker thread's own (dist/lint-worker.js, which
 * talks through parentPort directly, as the CLI's pool starts it).
 */
const WORKER_SHIM = [
  "const { parentPort, workerData } = require('node:worker_threads');",
  'globalThis.postMessage = (message) => parentPort.postMessage(message);',
  "parentPort.on('message', (data) => { if (typeof globalThis.onmessage === 'function') globalThis.onmessage({ data }); });",
  'require(workerData);',
].join('\n');

/**
 * Lint workers as Node worker threads running `script`. The desktop extension runs the web
 * extension's worker, dist/web/lint-worker.js: both extensions lint with the same bundle, and the
 * .vsix carries the core once for the two (not twice). The language server runs the CLI's
 * dist/lint-worker.js, which the npm package ships.
 */
export function nodeTransport(script: string): LintTransport {
  return {
    start(events) {
      const worker = new Worker(WORKER_SHIM, { ...LINT_WORKER_OPTIONS, eval: true, workerData: script });
      worker.on('message', events.message);
      worker.on('error', events.error);
      worker.on('exit', events.exit);
      // A worker never keeps the extension host (or a test run) alive.
      worker.unref();
      return { post: (request) => worker.postMessage(request), terminate: () => void worker.terminate() };
    },
    // After the poll phase: a worker's answer that already arrived is handled first.
    afterPending: (fn) => void setImmediate(fn),
  };
}
