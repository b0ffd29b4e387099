/**
 * The lint worker: runs the pure core off the caller's thread (the extension host's, or the
 * CLI's main thread). One message in, one message out; the caller decides what to send and
 * when (newest version wins, time budgets). Nothing here imports `vscode`.
 *
 * In:  { id, text, config }          config is a ResolvedConfig (plain data)
 * Out: { id, result } | { id, error }
 */
import { parentPort } from 'node:worker_threads';
import { lintText, RULES, type ResolvedConfig } from '../core';
import { lintDocument } from '../core/lint-file';

export interface LintRequest {
  id: number;
  text: string;
  config: ResolvedConfig;
  /** Apply every fix first (the CLI's --fix); the fixed text comes back in the result. */
  fix?: boolean;
}

export type LintResponse =
  | { id: number; result: ReturnType<typeof lintText> & { fixedText?: string } }
  | { id: number; error: string };

parentPort?.on('message', (request: LintRequest) => {
  let response: LintResponse;
  try {
    response = { id: request.id, result: request.fix ? lintDocument(request.text, request.config, true) : lintText(request.text, RULES, request.config) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  parentPort!.postMessage(response);
});
