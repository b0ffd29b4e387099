import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { LINT_WORKER_OPTIONS } from '../worker/options';
import type { LintTransport } from './lint-transport';

/** Lint workers as Node worker threads running `script` (by default dist/lint-worker.js). */
export function nodeTransport(script = join(__dirname, 'lint-worker.js')): LintTransport {
  return {
    start(events) {
      const worker = new Worker(script, LINT_WORKER_OPTIONS);
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
