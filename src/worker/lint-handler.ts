/**
 * What the lint worker does with one message, whatever thread carries it: a Node worker thread
 * (lint-worker.ts, for the CLI and the language server) or a Web Worker's script
 * (lint-worker-web.ts, for the web extension, and for the desktop extension in a worker thread). One message in, at most one message out; the
 * caller decides what to send and when (newest version wins, time budgets). Nothing here imports
 * `vscode` or a Node module.
 *
 * In:  { id, text, config, document? }   config is a ResolvedConfig (plain data); `document` is
 *                                       a stable key (the URI) of an open document: its
 *                                       versions are then linted incrementally
 *      { close: document }               the document was closed: forget its state (no answer)
 * Out: { ready: true }                          once, when the worker's script has loaded
 *      { id, result, update? } | { id, error }   `update` says how an incremental lint parsed
 */
import type { lintText, ResolvedConfig, UpdateInfo } from '../core';
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

/** The worker's state (one LintSession) and its answer to each request; `undefined`: no answer. */
export function lintHandler(): (request: WorkerRequest) => LintResponse | undefined {
  const session = new LintSession();
  return (request) => {
    if ('close' in request) {
      session.close(request.close);
      return undefined;
    }
    try {
      if (request.fix) return { id: request.id, result: lintDocument(request.text, request.config, true) };
      const result = session.lint(request.document, request.text, request.config);
      const update = request.document === undefined ? undefined : session.lastUpdate(request.document);
      return { id: request.id, result, ...(update ? { update } : {}) };
    } catch (error) {
      // The state of that document may be half updated (DocumentLintState resets itself on a throw).
      if (request.document !== undefined) session.close(request.document);
      return { id: request.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
    }
  };
}
