import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../core';
import { lintDocument } from '../core/lint-file';
import type { LintRequest, LintResponse } from '../worker/lint-worker';

type Result = ReturnType<typeof lintDocument>;

/** Below this many strategy documents, starting workers costs more than it saves. */
export const MIN_JOBS_FOR_WORKERS = 8;

/**
 * Lints strategy documents on every core: a few worker threads (the same lint-worker.js the
 * extension uses) take jobs in turn. With few jobs, or where workers cannot start, the work is
 * done on this thread. Results come back in the order the jobs were given.
 */
export async function lintAll(
  jobs: ReadonlyArray<{ text: string; config: ResolvedConfig; fix: boolean }>,
  script = join(__dirname, 'lint-worker.js'),
): Promise<Result[]> {
  const local = () => jobs.map((job) => lintDocument(job.text, job.config, job.fix));
  const size = Math.min(availableParallelism(), 4, Math.ceil(jobs.length / MIN_JOBS_FOR_WORKERS));
  if (jobs.length < MIN_JOBS_FOR_WORKERS || size < 2) return local();
  let workers: Worker[];
  try {
    workers = Array.from({ length: size }, () => new Worker(script));
  } catch {
    return local();
  }
  const results: Result[] = new Array(jobs.length);
  let next = 0;
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      const take = () => {
        if (next >= jobs.length) return resolve();
        const id = next++;
        const request: LintRequest = { id, text: jobs[id]!.text, config: jobs[id]!.config, fix: jobs[id]!.fix };
        worker.postMessage(request);
      };
      worker.on('message', (response: LintResponse) => {
        if ('error' in response) return reject(new Error(response.error));
        results[response.id] = response.result;
        take();
      });
      worker.on('error', reject);
      take();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
