import { Worker } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { LINT_WORKER_OPTIONS } from './options';
import type { LintTransport } from './lint-transport';

/** How long the worker must have nothing to do after an answer before it collects its garbage. */
export const IDLE_COLLECT_MS = 50;

/**
 * How much the language server's lint worker lets its old generation grow before V8 first
 * collects it (MB; V8's `--initial-old-space-size`). After each keystroke on a long document
 * the worker keeps what it read from the blocks the edit did not reach, and replaces what it read
 * from the rest; what it replaces has often lived long enough to be promoted, so the old
 * generation fills with garbage at about half a megabyte per keystroke. V8 sizes that generation
 * from what is live, about 30 MB for a 1,000-line charter, so by default it marked and compacted
 * it every 20 to 40 keystrokes, in the middle of a check, slowing that check and the ones during
 * its marking (22 and 36 times in 700 keystrokes of a probe; twice with room for 256 MB). In four alternated pairs of
 * `node scripts/bench.mjs --only-server` on 2 cores, the didChange p95 was 15.9–22.7 ms with it
 * (mean 19.2) and 23.5–26.8 ms without (mean 25.6), p50 11.2–14.3 against 13.0–16.4 ms. The cost
 * is memory while a long document is being edited: the server process peaked at about 340 MB
 * against about 170 MB (the bench reports it). 128 MB halved that cost and most of the gain.
 * A V8 flag belongs to the whole process and applies to isolates made after it is set, so only a
 * program that owns its process asks for it (the language server, not the VS Code extension).
 */
export const SERVER_WORKER_OLD_SPACE_MB = 256;

/**
 * Starts a worker script in a Node worker thread. The script may be a Web Worker's
 * (dist/web/lint-worker.js, which talks through the global `postMessage` and `onmessage`): the
 * thread's parentPort stands in for those. Or a worker thread's own (dist/lint-worker.js, which
 * talks through parentPort directly, as the CLI's pool starts it).
 *
 * It also empties the worker's young generation while the worker waits, not while it checks. A
 * check of a 1,000-line charter after a keystroke allocates about 3 MB; left to itself, V8 runs a
 * young-generation collection (a scavenge, 2–4 ms of copying what survives) when that space
 * fills, which is in the middle of some later check: one check in ten or so paid for one. So once
 * an answer has gone and no request has come for IDLE_COLLECT_MS, the shim runs that collection
 * (`gc({ type: 'minor' })`, under a millisecond when nothing is allocating), where nobody waits
 * for it; a request that arrives first cancels it. In alternated runs of `node scripts/bench.mjs
 * --only-server` on 2 cores, the language server's didChange p95 went from 26–28 ms to 21–25 ms.
 * A full collection (a bare `gc()`) was tried and made the next checks slower than no collection
 * at all (p50 21 ms against 15): it also shrinks the heap's spaces, which then grow again during
 * the checks. V8 hands its collector only to contexts made while its `--expose-gc` flag is on. V8
 * flags belong to the whole process, so this is done only where asked (`collectWhenIdle`), by the
 * programs that own their process: the language server, not the VS Code extension, whose
 * extension host every extension shares. There the flag is set and cleared again around making
 * one context, once, when the worker starts. Where that is refused, nothing is collected early
 * and the rest works as before.
 */
const WORKER_SHIM = [
  "const { parentPort, workerData } = require('node:worker_threads');",
  'let collect;',
  "if (workerData.collectWhenIdle) try { const v8 = require('node:v8'); v8.setFlagsFromString('--expose-gc'); try { collect = require('node:vm').runInNewContext('gc'); } finally { v8.setFlagsFromString('--no-expose-gc'); } } catch { collect = undefined; }",
  'let idle;',
  'const busy = () => { if (idle !== undefined) { clearTimeout(idle); idle = undefined; } };',
  `const answered = () => { busy(); if (typeof collect === 'function') idle = setTimeout(() => { idle = undefined; collect({ type: 'minor' }); }, ${IDLE_COLLECT_MS}); };`,
  "parentPort.on('message', busy);",
  'const post = parentPort.postMessage.bind(parentPort);',
  'parentPort.postMessage = (message) => { post(message); answered(); };',
  'globalThis.postMessage = (message) => parentPort.postMessage(message);',
  "parentPort.on('message', (data) => { if (typeof globalThis.onmessage === 'function') globalThis.onmessage({ data }); });",
  'require(workerData.script);',
].join('\n');

/**
 * Lint workers as Node worker threads running `script`. The desktop extension runs the web
 * extension's worker, dist/web/lint-worker.js: both extensions lint with the same bundle, and the
 * .vsix carries the core once for the two (not twice). The language server runs the CLI's
 * dist/lint-worker.js, which the npm package ships, with `collectWhenIdle` (see WORKER_SHIM) and
 * `oldSpaceMb` (see SERVER_WORKER_OLD_SPACE_MB); both set V8 flags, so only programs that own
 * their process pass them.
 */
export function nodeTransport(script: string, options: { collectWhenIdle?: boolean; oldSpaceMb?: number } = {}): LintTransport {
  return {
    start(events) {
      // See SERVER_WORKER_OLD_SPACE_MB: read by V8 when the worker's isolate is made.
      if (options.oldSpaceMb !== undefined) setFlagsFromString(`--initial-old-space-size=${Math.floor(options.oldSpaceMb)}`);
      const worker = new Worker(WORKER_SHIM, { ...LINT_WORKER_OPTIONS, eval: true, workerData: { script, collectWhenIdle: options.collectWhenIdle === true } });
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
