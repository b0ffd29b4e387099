import type { WorkerOptions } from 'node:worker_threads';

/**
 * How the editor's lint worker is started (src/extension/lint-runner.ts; `npm run bench` starts
 * it the same way).
 *
 * A young generation of up to 96 MB (V8's default is 32 MB here: two 16 MB halves). Checking a
 * 1,000-line charter after a keystroke allocates about 2.8 MB, and the worker keeps each open
 * document's previous version, so each young-generation collection copies about a megabyte of
 * survivors and takes 2–4 ms; with the default size, one check in five or six paid for one.
 * Twice the room halves that, at the cost of up to 32 MB more memory in a worker that checks
 * long documents (small ones never fill it). Measured at the default debounce, the p95 of a
 * re-check went from 16–20 ms to 12–15 ms.
 */
export const LINT_WORKER_OPTIONS: WorkerOptions = {
  resourceLimits: { maxYoungGenerationSizeMb: 96 },
};
