/**
 * A small pool of lint workers for the CLI: dist/lint-worker.js (the language server's lint worker,
 * src/worker/lint-handler.ts, as a worker-thread script), a few of them, each linting one
 * document at a time. Used only for strategy documents and only
 * when there are enough of them (see main.ts); everything else stays on the main thread.
 *
 * Never a different answer and never a hang: a document whose worker reports an error, dies or
 * cannot start is linted on the calling thread instead (the same `lintDocument`), and a pool
 * whose workers are all gone lints everything left on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import type { ResolvedConfig } from '../core';
import { lintDocument } from '../core/lint-file';
import type { LintRequest, WorkerMessage } from '../worker/lint-handler';

export type LintOutcome = ReturnType<typeof lintDocument>;

interface Job {
  text: string;
  config: ResolvedConfig;
  fix: boolean;
  resolve: (result: LintOutcome) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** The jobs sent to this worker and not answered yet, by the id they were sent under. */
  sent: Map<number, Job>;
  dead: boolean;
}

/**
 * Jobs sent to a worker ahead of its answers: the next one waits in its port while it lints, so
 * it does not idle while this thread is busy (linting a document itself) and slow to hand out more.
 */
const DEPTH = 2;

export class LintPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  /**
   * Starts `size` workers running `script`; undefined when the script is not there (the CLI then
   * lints on its own thread).
   */
  static start(script: string, size: number): LintPool | undefined {
    if (size < 1 || !existsSync(script)) return undefined;
    return new LintPool(script, size);
  }

  private constructor(script: string, size: number) {
    for (let i = 0; i < size; i++) {
      let worker: Worker;
      try {
        worker = new Worker(script);
      } catch {
        continue;
      }
      const slot: Slot = { worker, sent: new Map(), dead: false };
      worker.on('message', (message: WorkerMessage) => {
        if ('ready' in message) return;
        const job = slot.sent.get(message.id);
        if (!job) return;
        slot.sent.delete(message.id);
        // An error lints that document here: the same error, if it is the document's, is then
        // the sequential path's.
        if ('result' in message) job.resolve(message.result);
        else this.runHere(job);
        this.pump();
      });
      // A script that does not load, an uncaught exception, or an exit of its own (out of memory,
      // process.exit): its jobs go to the other workers (or this thread), and it is not used again.
      const fail = () => this.fail(slot);
      worker.on('error', fail);
      worker.on('exit', fail);
      this.slots.push(slot);
    }
  }

  /** Lints `text` in a worker, or on this thread when none can. Results are `lintDocument`'s. */
  lint(text: string, config: ResolvedConfig, fix: boolean): Promise<LintOutcome> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('the lint pool was closed'));
      this.queue.push({ text, config, fix, resolve, reject });
      this.pump();
    });
  }

  /**
   * Lints the jobs no worker has taken yet on this thread, from the last one back, one at a
   * time, letting the workers' answers in between (so that they are handed more). For when this
   * thread has nothing else to do.
   */
  async help(): Promise<void> {
    for (let job = this.queue.pop(); job; job = this.queue.pop()) {
      this.runHere(job);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Stops every worker. Jobs not finished by then (the CLI closes the pool early only when it is
   * giving up) are rejected, not linted.
   */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    const unfinished = [...slots.flatMap((slot) => [...slot.sent.values()]), ...this.queue.splice(0)];
    for (const slot of slots) {
      slot.dead = true;
      slot.sent.clear();
    }
    for (const job of unfinished) job.reject(new Error('the lint pool was closed'));
    await Promise.all(slots.map((slot) => slot.worker.terminate().catch(() => undefined)));
  }

  private pump(): void {
    if (this.closed) return;
    const live = this.slots.filter((s) => !s.dead);
    if (live.length === 0) return this.drainHere();
    for (const slot of live) {
      while (slot.sent.size < DEPTH) {
        const job = this.queue.shift();
        if (!job) return;
        const id = this.nextId++;
        slot.sent.set(id, job);
        const request: LintRequest = { id, text: job.text, config: job.config, ...(job.fix ? { fix: true } : {}) };
        try {
          slot.worker.postMessage(request);
        } catch {
          // A configuration that cannot be cloned (it is plain data, so this should not happen).
          slot.sent.delete(id);
          this.runHere(job);
        }
      }
    }
  }

  private fail(slot: Slot): void {
    if (slot.dead || this.closed) return;
    slot.dead = true;
    const orphans = [...slot.sent.values()];
    slot.sent.clear();
    void slot.worker.terminate().catch(() => undefined);
    this.queue.unshift(...orphans);
    this.pump();
  }

  private drainHere(): void {
    for (let job = this.queue.shift(); job; job = this.queue.shift()) this.runHere(job);
  }

  private runHere(job: Job): void {
    try {
      job.resolve(lintDocument(job.text, job.config, job.fix));
    } catch (error) {
      job.reject(error);
    }
  }
}
