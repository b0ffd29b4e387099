/**
 * The lint worker: runs the pure core off the caller's thread (the extension host's, or the
 * CLI's main thread). One message in, one message out; the caller decides what to send and
 * when (newest version wins, time budgets). Nothing here imports `vscode`.
 *
 * In:  { id, text, config, document? }   config is a ResolvedConfig (plain data); `document` is
 *                                       a stable key (the URI) of an open document: its
 *                                       versions are then linted incrementally
 *      { close: document }               the document was closed: forget its state (no answer)
 * Out: { ready: true }                          once, when this script has loaded
 *      { id, result, update? } | { id, error }   `update` says how an incremental lint parsed
 */
import { parentPort } from 'node:worker_threads';
import { lintText, type ResolvedConfig, type UpdateInfo } from '../core';
import { LintSession } from '../core/lint-session';
import { lintDocument } from '../core/lint-file';

export interface LintRequest {
  id: number;
  text: string;
  config: ResolvedConfig;
  /** The document the text is a version of; its state is kept for the next version. */
  document?: string;
  /** Apply every fix first (the CLI's --fix); the fixed text comes back in the result. */
  fix?: boolean;
}

export interface CloseRequest {
  close: string;
}

export type WorkerRequest = LintRequest | CloseRequest;

export type LintResponse =
  | { id: number; result: ReturnType<typeof lintText> & { fixedText?: string }; update?: UpdateInfo }
  | { id: number; error: string };

/** Everything the worker sends. */
export type WorkerMessage = { ready: true } | LintResponse;

const session = new LintSession();

parentPort?.on('message', (request: WorkerRequest) => {
  if ('close' in request) {
    session.close(request.close);
    return;
  }
  let response: LintResponse;
  try {
    if (request.fix) {
      response = { id: request.id, result: lintDocument(request.text, request.config, true) };
    } else {
      const result = session.lint(request.document, request.text, request.config);
      const update = request.document === undefined ? undefined : session.lastUpdate(request.document);
      response = { id: request.id, result, ...(update ? { update } : {}) };
    }
  } catch (error) {
    // The state of that document may be half updated (DocumentLintState resets itself on a throw).
    if (request.document !== undefined) session.close(request.document);
    response = { id: request.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  parentPort!.postMessage(response);
});

parentPort?.postMessage({ ready: true } satisfies WorkerMessage);
