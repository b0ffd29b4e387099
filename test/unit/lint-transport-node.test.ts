import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { IDLE_COLLECT_MS, nodeTransport } from '../../src/worker/lint-transport-node';
import type { WorkerMessage } from '../../src/worker/lint-handler';

/**
 * A worker script that counts the young-generation collections V8 makes in its thread (it allocates
 * next to nothing itself, so V8 has no reason of its own to make one) and answers each
 * request with the count so far: it speaks the Web Worker protocol, as dist/web/lint-worker.js does.
 */
const COUNTING_WORKER = `
const { PerformanceObserver, constants } = require('node:perf_hooks');
let young = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) young++; }).observe({ entryTypes: ['gc'] });
globalThis.onmessage = ({ data }) => { setTimeout(() => globalThis.postMessage({ id: data.id, young }), 0); };
globalThis.postMessage({ ready: true });
`;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('lint workers in Node worker threads (lint-transport-node)', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'partnerlint-transport-'));
    writeFileSync(join(dir, 'counting-worker.js'), COUNTING_WORKER);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Starts the counting worker through the transport; `ask()` answers with its count of young-generation collections. */
  async function start(options: { collectWhenIdle?: boolean } = {}) {
    const answers: Array<(young: number) => void> = [];
    let ready!: () => void;
    const started = new Promise<void>((resolve) => (ready = resolve));
    const handle = nodeTransport(join(dir, 'counting-worker.js'), options).start({
      message: (message: WorkerMessage | { id: number; young: number }) => {
        if ('ready' in message) ready();
        else if ('young' in message) answers.shift()?.(message.young);
      },
      error: (error: unknown) => assert.fail(String(error)),
      exit: () => undefined,
    });
    await started;
    let id = 0;
    const ask = () => new Promise<number>((resolve) => { answers.push(resolve); handle.post({ id: ++id } as never); });
    return { ask, stop: () => handle.terminate() };
  }

  it('empties the young generation while the worker waits after an answer, where asked (the language server)', async function () {
    this.timeout(60_000);
    const worker = await start({ collectWhenIdle: true });
    try {
      await worker.ask();
      const before = await worker.ask();
      // Each answer plans a collection IDLE_COLLECT_MS later; a request that comes first cancels it.
      // On a loaded machine the timer may not have run by the time the next question arrives, so
      // ask again (every answer plans another) until it has, or give up after 40 tries.
      let after = before;
      for (let tries = 0; tries < 40 && after === before; tries++) {
        await wait(IDLE_COLLECT_MS * 6);
        after = await worker.ask();
      }
      assert.ok(after > before, `a young-generation collection once the worker had waited (${before} before, ${after} after)`);
    } finally {
      worker.stop();
    }
  });

  it('leaves collection to V8 where not asked (the VS Code extension, whose extension host is shared)', async function () {
    const worker = await start();
    try {
      await worker.ask();
      const before = await worker.ask();
      for (let i = 0; i < 3; i++) await wait(IDLE_COLLECT_MS * 4);
      assert.equal(await worker.ask(), before, 'no young-generation collection in an idle worker that allocates nothing');
    } finally {
      worker.stop();
    }
  });
});
