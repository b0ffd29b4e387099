import type { WorkerOptions } from 'node:worker_threads';

/**
 * How the editor's lint worker is started (src/worker/lint-transport-node.ts; `npm run bench` starts
 * it the same way).
 *
 * A young generation of up to 96 MB: V8 counts it as three times the semi-space, so this doubles
 * the semi-space from the default 16 MB to 32 MB (the default limit reads 48 MB). Checking a
 * 1,000-line charter after a keystroke allocates about 2.8 MB, and the worker keeps each open
 * document's previous version, so each young-generation collection copies about a megabyte of
 * survivors and takes 2–4 ms; with the default size, one check in five or six paid for one.
 * Twice the room halves that, at the cost of up to 32 MB more memory in a worker that checks
 * long documents (small ones never fill it). In three alternated pairs of runs by hand at the
 * default debounce, the p95 of a re-check was 12–15 ms with it and 16–20 ms without.
 */
export const LINT_WORKER_OPTIONS: Readonly<WorkerOptions> = Object.freeze({
  resourceLimits: Object.freeze({ maxYoungGenerationSizeMb: 96 }),
});
