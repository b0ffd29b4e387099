/**
 * The lint worker in a browser Web Worker: the web extension (vscode.dev, github.dev) starts it
 * from dist/web/lint-worker.js. Same protocol and work as the Node worker (lint-handler.ts).
 * Built for the browser with no Node API (scripts/build.mjs fails the build otherwise).
 */
import { lintHandler, type WorkerMessage, type WorkerRequest } from './lint-handler';

/** The part of a dedicated worker's global scope (`self`) used here. */
interface WorkerScope {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerMessage): void;
}
const scope = globalThis as unknown as WorkerScope;

// Only inside a worker (loaded elsewhere, as the unit tests' shared bundle does, it does nothing).
if (typeof scope.postMessage === 'function') {
  const handle = lintHandler();
  scope.onmessage = (event) => {
    const response = handle(event.data);
    if (response) scope.postMessage(response);
  };
  scope.postMessage({ ready: true });
}
