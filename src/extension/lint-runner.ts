import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { lintText, RULES, type LintResult, type ResolvedConfig } from '../core';
import type { LintRequest, LintResponse } from '../worker/lint-worker';
import type { Logger } from './log';

/** How long one document may take before it is abandoned (the worker is restarted), by default. */
export const TIME_BUDGET_MS = 5000;

export type RunOutcome = { kind: 'done'; result: LintResult } | { kind: 'superseded' } | { kind: 'timeout' } | { kind: 'failed'; error: string };

interface Job {
  key: string;
  text: string;
  config: ResolvedConfig;
  budgetMs: number;
  resolve: (outcome: RunOutcome) => void;
}

/**
 * Lints documents in a worker thread so the extension host (shared by every extension) never
 * blocks on a large document. One job runs at a time; of the jobs waiting for the same
 * document only the newest is kept (older ones resolve as `superseded`). A job that runs longer
 * than the time budget is abandoned: the worker is terminated and a fresh one started. If a
 * worker cannot be started at all, linting falls back to this thread.
 */
export class LintRunner {
  private worker: Worker | undefined;
  private workerFailed = false;
  private nextId = 1;
  private running: (Job & { id: number; timer: NodeJS.Timeout }) | undefined;
  private readonly queue = new Map<string, Job>();

  constructor(private readonly log: Logger, private readonly script = join(__dirname, 'lint-worker.js')) {}

  lint(key: string, text: string, config: ResolvedConfig, budgetMs = TIME_BUDGET_MS): Promise<RunOutcome> {
    return new Promise((resolve) => {
      this.queue.get(key)?.resolve({ kind: 'superseded' });
      this.queue.set(key, { key, text, config, budgetMs, resolve });
      this.pump();
    });
  }

  private start(): Worker | undefined {
    if (this.worker || this.workerFailed) return this.worker;
    try {
      const worker = new Worker(this.script);
      worker.on('message', (response: LintResponse) => this.finish(response));
      worker.on('error', (error) => {
        this.log.error('The lint worker failed', error);
        if (this.worker === worker) this.restart({ kind: 'failed', error: error.message });
      });
      worker.on('exit', (code) => {
        // Terminated by restart() (no longer ours), or gone on its own: then the job it held fails.
        if (this.worker !== worker) return;
        this.log.error(`The lint worker stopped unexpectedly (exit code ${code})`);
        this.restart({ kind: 'failed', error: `the lint worker stopped (exit code ${code})` });
      });
      worker.unref();
      this.worker = worker;
    } catch (error) {
      this.workerFailed = true;
      this.log.error('Could not start the lint worker; linting on the extension host instead', error);
    }
    return this.worker;
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
        job.resolve({ kind: 'done', result: lintText(job.text, RULES, job.config) });
      } catch (error) {
        job.resolve({ kind: 'failed', error: String(error) });
      }
      this.pump();
      return;
    }
    const id = this.nextId++;
    this.running = { ...job, id, timer: this.budgetTimer(id, job.budgetMs) };
    const request: LintRequest = { id, text: job.text, config: job.config };
    worker.postMessage(request);
  }

  /**
   * Abandons job `id` when the worker has not answered within `budgetMs`. The budget measures
   * the worker, not this thread: if the timer fires late (this thread was busy, e.g. with a
   * burst of edits), the window starts again; and the decision waits for setImmediate, so an
   * answer that already arrived is handled first.
   */
  private budgetTimer(id: number, budgetMs: number): NodeJS.Timeout {
    const due = Date.now() + budgetMs;
    return setTimeout(() => {
      if (this.running?.id !== id) return;
      if (Date.now() - due > Math.max(250, budgetMs / 2)) {
        this.running.timer = this.budgetTimer(id, budgetMs);
        return;
      }
      setImmediate(() => {
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
    job.resolve('result' in response ? { kind: 'done', result: response.result } : { kind: 'failed', error: response.error });
    this.pump();
  }

  /** Ends the running job with `outcome`, replaces the worker, and carries on with the queue. */
  private restart(outcome: RunOutcome): void {
    const job = this.running;
    this.running = undefined;
    if (job) {
      clearTimeout(job.timer);
      job.resolve(outcome);
    }
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
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
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
