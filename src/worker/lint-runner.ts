import type { LintResult, ResolvedConfig, UpdateInfo } from '../core';
import { LintSession } from '../core/lint-session';
import type { LintResponse, WorkerMessage, WorkerRequest } from './lint-handler';
import type { LintTransport, LintWorker } from './lint-transport';

/** Where the runner reports what went wrong: the extension's output channel, the server's log. */
export interface Logger {
  info(message: string): void;
  error(message: string, cause?: unknown): void;
}

/** How long one document may take before it is abandoned (the worker is restarted), by default. */
export const TIME_BUDGET_MS = 5000;

/** Workers that fail before running, in a row, after which linting stays on this thread. */
const MAX_START_FAILURES = 2;

export type RunOutcome = { kind: 'done'; result: LintResult; update?: UpdateInfo } | { kind: 'superseded' } | { kind: 'timeout' } | { kind: 'failed'; error: string };

interface Job {
  key: string;
  text: string;
  config: ResolvedConfig;
  budgetMs: number;
  document: string | undefined;
  resolve: (outcome: RunOutcome) => void;
}

type Timer = ReturnType<typeof setTimeout>;

/**
 * Lints documents in a worker (a Node worker thread, or a Web Worker on the web: `transport`) so
 * the extension host (shared by every extension), or the language server's message loop, never
 * blocks on a large document. One job runs at a time; of the jobs waiting for the same
 * document only the newest is kept (older ones resolve as `superseded`). A job that runs longer
 * than the time budget is abandoned: the worker is terminated and a fresh one started. If a
 * worker cannot be started at all, linting falls back to this thread.
 *
 * Jobs name the document they lint (its URI): the worker keeps each document's previous version
 * and lints the next one incrementally (src/core/lint-session.ts). `close` tells it to forget one.
 * A restarted worker starts with no state; the next version of each document is linted in full.
 */
export class LintRunner {
  private worker: LintWorker | undefined;
  private workerFailed = false;
  /** Workers in a row that failed before they ran. */
  private startFailures = 0;
  private nextId = 1;
  private running: (Job & { id: number; timer: Timer }) | undefined;
  private readonly queue = new Map<string, Job>();
  /** Linting on this thread, used only when no worker can be started. */
  private fallback: LintSession | undefined;

  constructor(private readonly log: Logger, private readonly transport: LintTransport) {}

  /**
   * Lints `text`. Of the jobs waiting under the same `key` only the newest is kept; `document`
   * (by default the key) names the document whose state the worker keeps between versions.
   */
  lint(key: string, text: string, config: ResolvedConfig, budgetMs = TIME_BUDGET_MS, document: string | undefined = key): Promise<RunOutcome> {
    return this.enqueue(key, text, config, budgetMs, document);
  }

  /** Lints `text` once: the worker keeps no state for it (a closed file that Lint Workspace checks). */
  lintOnce(key: string, text: string, config: ResolvedConfig, budgetMs = TIME_BUDGET_MS): Promise<RunOutcome> {
    return this.enqueue(key, text, config, budgetMs, undefined);
  }

  private enqueue(key: string, text: string, config: ResolvedConfig, budgetMs: number, document: string | undefined): Promise<RunOutcome> {
    return new Promise((resolve) => {
      this.queue.get(key)?.resolve({ kind: 'superseded' });
      this.queue.set(key, { key, text, config, budgetMs, document, resolve });
      this.pump();
    });
  }

  /** Whether checks run in a worker now (false before the first check, and after falling back to this thread). */
  runsInWorker(): boolean {
    return this.worker !== undefined;
  }

  /** The document `document` was closed: the worker forgets its state. */
  close(document: string): void {
    this.fallback?.close(document);
    const request: WorkerRequest = { close: document };
    this.worker?.post(request);
  }

  private start(): LintWorker | undefined {
    if (this.worker || this.workerFailed) return this.worker;
    try {
      // Ready once its script has loaded (its first message says so).
      let online = false;
      const worker: LintWorker = this.transport.start({
        message: (response: WorkerMessage) => {
          if (this.worker !== worker) return;
          if ('ready' in response) {
            online = true;
            this.startFailures = 0;
          } else {
            this.finish(response);
          }
        },
        error: (error) => this.failed(worker, online, error),
        exit: (code) => {
          // Terminated by restart() (no longer ours), or gone on its own: then the job it held fails.
          if (this.worker !== worker) return;
          this.log.error(`The lint worker stopped unexpectedly (exit code ${code})`);
          this.restart({ kind: 'failed', error: `the lint worker stopped (exit code ${code})` });
        },
      });
      this.worker = worker;
    } catch (error) {
      this.workerFailed = true;
      this.log.error('Could not start the lint worker; linting on this thread instead', error);
    }
    return this.worker;
  }

  private failed(worker: LintWorker, online: boolean, error: Error): void {
    if (this.worker !== worker) return;
    if (!online) {
      // It never ran (a missing or broken worker script): its job is given to the next worker,
      // and after repeated failures linting stays on this thread.
      if (++this.startFailures >= MAX_START_FAILURES) {
        this.workerFailed = true;
        this.log.error('Could not start the lint worker; linting on this thread instead', error);
      }
      this.restart(undefined);
      return;
    }
    this.log.error('The lint worker failed', error);
    this.restart({ kind: 'failed', error: error.message });
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.entries().next();
    if (next.done) return;
    const [key, job] = next.value;
    this.queue.delete(key);
    const worker = this.start();
    if (!worker) {
      try {
        this.fallback ??= new LintSession();
        const result = this.fallback.lint(job.document, job.text, job.config);
        job.resolve({ kind: 'done', result, update: job.document === undefined ? undefined : this.fallback.lastUpdate(job.document) });
      } catch (error) {
        job.resolve({ kind: 'failed', error: String(error) });
      }
      this.pump();
      return;
    }
    const id = this.nextId++;
    this.running = { ...job, id, timer: this.budgetTimer(id, job.budgetMs) };
    const request: WorkerRequest = { id, text: job.text, config: job.config, document: job.document };
    worker.post(request);
  }

  /**
   * Abandons job `id` when the worker has not answered within `budgetMs`. The budget measures
   * the worker, not this thread: if the timer fires late (this thread was busy, e.g. with a
   * burst of edits), the window starts again; and the decision waits for the transport's
   * afterPending, so an answer that already arrived is handled first.
   */
  private budgetTimer(id: number, budgetMs: number): Timer {
    const due = Date.now() + budgetMs;
    return setTimeout(() => {
      if (this.running?.id !== id) return;
      if (Date.now() - due > Math.max(250, budgetMs / 2)) {
        this.running.timer = this.budgetTimer(id, budgetMs);
        return;
      }
      this.transport.afterPending(() => {
        if (this.running?.id !== id) return;
        this.log.info(`Abandoned a check that took longer than ${budgetMs} ms (${this.running.key}, ${this.running.text.length} characters); restarting the lint worker`);
        this.restart({ kind: 'timeout' });
      });
    }, budgetMs);
  }

  private finish(response: LintResponse): void {
    const job = this.running;
    if (!job || job.id !== response.id) return;
    clearTimeout(job.timer);
    this.running = undefined;
    job.resolve('result' in response ? { kind: 'done', result: response.result, update: response.update } : { kind: 'failed', error: response.error });
    this.pump();
  }

  /**
   * Ends the running job with `outcome` (or, without one, queues it again unless a newer version
   * of its document is waiting), replaces the worker, and carries on with the queue.
   */
  private restart(outcome: RunOutcome | undefined): void {
    const job = this.running;
    this.running = undefined;
    if (job) {
      clearTimeout(job.timer);
      if (outcome) job.resolve(outcome);
      else if (this.queue.has(job.key)) job.resolve({ kind: 'superseded' });
      else this.queue.set(job.key, job);
    }
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate();
    this.pump();
  }

  dispose(): void {
    for (const job of this.queue.values()) job.resolve({ kind: 'superseded' });
    this.queue.clear();
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.resolve({ kind: 'superseded' });
      this.running = undefined;
    }
    this.worker?.terminate();
    this.worker = undefined;
  }
}
