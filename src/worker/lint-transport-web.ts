import type { WorkerMessage } from './lint-handler';
import type { LintTransport } from './lint-transport';

/** The parts of the browser's Worker used here (this file is also type-checked without the DOM lib). */
interface BrowserWorker {
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}
type BrowserWorkerConstructor = new (url: string) => BrowserWorker;

/**
 * Lint workers as Web Workers loading `url` (the extension's dist/web/lint-worker.js, as a URL
 * the browser can load: `Uri.toString(true)` of a file under `context.extensionUri`). VS Code's
 * web worker extension host provides `Worker` to extensions; where it refuses (it does not
 * start workers for extensions loaded from a remote's file system), `start` throws and
 * LintRunner lints on the extension host's thread instead.
 */
export function webTransport(url: string): LintTransport {
  return {
    start(events) {
      const WorkerClass = (globalThis as { Worker?: BrowserWorkerConstructor }).Worker;
      if (!WorkerClass) throw new Error('this extension host provides no Web Worker');
      const worker = new WorkerClass(url);
      worker.onmessage = (event) => events.message(event.data);
      worker.onerror = (event) => {
        // Handled here: not also reported as an uncaught error of the extension host.
        event.preventDefault?.();
        events.error(new Error(event.message || `the lint worker ${url} failed to load`));
      };
      return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
    },
    // A macrotask: worker messages already queued are delivered before it.
    afterPending: (fn) => void setTimeout(fn, 0),
  };
}
