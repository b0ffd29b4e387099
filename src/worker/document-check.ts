import { sniff, type DocumentKind, type LintResult, type ResolvedConfig } from '../core';
import { resolveDocumentConfig, type ConfigSources } from '../core/lint-file';
import type { Settings } from '../core/editor-settings';
import type { Logger } from './lint-runner';
import { LintRunner } from './lint-runner';
import type { LintTransport } from './lint-transport';

/**
 * How an editor checks one open document at one version, whatever the editor: the VS Code
 * extension (src/extension/linting.ts) and the language server (src/server/linting.ts) both ask
 * this, and differ only in how they read settings, which files they watch, and how they turn the
 * answer into their own diagnostics.
 *
 * In order: the `partnerlint.enable` switch; the configuration for the document's path (settings
 * file, editor settings, custom trees, ignore globs: `resolveDocumentConfig`); the
 * `partnerlint.maxFileSize` limit; a document that ran out of its time budget before (not tried
 * again until saved or the settings change); the check itself in the lint worker (newest version
 * wins, a time budget per check); the `partnerlint.kinds` filter.
 */

/** One check: what the editor knows about the document. */
export interface CheckRequest {
  /** The document's key (its URI), under which the worker keeps its state between versions. */
  key: string;
  /** The document's name in messages and logs. */
  name: string;
  version: number;
  /** Code actions are checked apart from publishing, so a debounced check never drops a fix. */
  purpose: 'publish' | 'actions';
  /** The path the configuration is resolved for, and the workspace folder it sits in. */
  path: string;
  folder: string | undefined;
  sources: ConfigSources;
  settings: Settings;
  /** The document's text at `version`. */
  text(): string;
  /** False once the document changed, closed or the configuration changed: the answer is then dropped. */
  current(): boolean;
}

/**
 * The answer. `skipped`: not checked, with the reason (for the status item) and, when the author
 * should be told in the document, a notice for its first line.
 */
export type CheckOutcome =
  | { kind: 'checked'; result: LintResult; config: ResolvedConfig }
  | { kind: 'skipped'; reason: string; notice?: string }
  | { kind: 'stale' };

/** How an editor says where its log is ("the PartnerLint output", "its log"). */
export interface CheckerHost {
  log: Logger & { trace(message: string): void };
  /** Where a failure is logged, for the reason shown when a check failed. */
  logName: string;
}

export class DocumentChecker {
  private readonly runner: LintRunner;
  /**
   * Documents whose last check ran out of time: not checked again, whatever the edits, until
   * saved, until the settings or trees change, or until closed and reopened (each retry would
   * cost the whole budget and a worker restart).
   */
  private readonly timedOut = new Set<string>();
  /** Checks sent to the lint worker (tests: a timed-out document sends none). */
  workerChecks = 0;

  constructor(private readonly host: CheckerHost, transport: LintTransport) {
    this.runner = new LintRunner(host.log, transport);
  }

  /**
   * The configuration a document is checked with, or why it is not checked at all (switched off,
   * ignored): the first steps of `check`, also taken for a file Lint Workspace reads from disk
   * before it reads it.
   */
  async configFor(request: Pick<CheckRequest, 'name' | 'path' | 'folder' | 'sources' | 'settings'>): Promise<{ config: ResolvedConfig } | { skipped: string }> {
    if (!request.settings.enable) return { skipped: 'PartnerLint is switched off (partnerlint.enable)' };
    const resolved = await resolveDocumentConfig(request.path, request.sources, request.settings, request.folder);
    if (resolved.ignored) return { skipped: resolved.reason };
    if (resolved.error !== undefined) this.host.log.error(`Reading the configuration for ${request.name} failed; using the defaults`, resolved.error);
    return { config: resolved.config };
  }

  async check(request: CheckRequest): Promise<CheckOutcome> {
    const { settings, key, name, version } = request;
    const started = performance.now();
    const configured = await this.configFor(request);
    if ('skipped' in configured) return { kind: 'skipped', reason: configured.skipped };
    const config = configured.config;
    const text = request.text();
    if (text.length > settings.maxFileSize) {
      // Only the head is looked at, and only when the document is too large to check anyway.
      const looksLikeOurs = sniff(text.slice(0, 16 * 1024)).kind !== undefined;
      const limit = settings.maxFileSize.toLocaleString('en-US');
      return {
        kind: 'skipped',
        reason: `larger than partnerlint.maxFileSize (${limit} characters)`,
        ...(looksLikeOurs ? { notice: `PartnerLint did not check this document: it is larger than the partnerlint.maxFileSize setting (${limit} characters).` } : {}),
      };
    }
    if (!request.current()) return { kind: 'stale' };
    const seconds = settings.timeBudget < 1000 ? `${settings.timeBudget} ms` : `${settings.timeBudget / 1000} s`;
    const stopped: CheckOutcome = {
      kind: 'skipped',
      reason: `checking took longer than ${seconds} (save to try again)`,
      notice: `PartnerLint stopped analysing this document: checking it took longer than ${seconds} (partnerlint.timeBudget), so it was abandoned to keep the editor responsive. Save the document to try again.`,
    };
    if (this.timedOut.has(key)) return stopped;
    // Every document goes to the worker, strategy document or not: even telling which it is means
    // parsing its front matter, which can be large, and the editor's thread is shared. For other
    // Markdown the worker's answer is quick (no kind, no diagnostics).
    const sent = performance.now();
    this.workerChecks++;
    const outcome = await this.runner.lint(request.purpose === 'actions' ? `${key}#actions` : key, text, config, settings.timeBudget, key);
    if (outcome.kind === 'done') {
      const how = outcome.update?.parse === 'incremental' && outcome.update.window
        ? `re-parsed ${outcome.update.window.end - outcome.update.window.start} of ${text.length} characters`
        : `${outcome.update?.parse ?? 'not'} parsed${outcome.update?.reason ? ` (${outcome.update.reason})` : ''}`;
      this.host.log.trace(`Checked ${name} version ${version} in ${(performance.now() - sent).toFixed(1)} ms in the lint worker (${(sent - started).toFixed(1)} ms before it): ${how}`);
    }
    if (outcome.kind === 'superseded') return { kind: 'stale' };
    if (outcome.kind === 'timeout') {
      if (!request.current()) return { kind: 'stale' };
      this.timedOut.add(key);
      return stopped;
    }
    if (outcome.kind === 'failed') {
      // The engine contains rule failures; reaching here is a PartnerLint bug. Logged once per
      // version, never as a popup.
      this.host.log.error(`Linting ${name} (version ${version}) failed`, outcome.error);
      return { kind: 'skipped', reason: `PartnerLint failed on this document: see ${this.host.logName}` };
    }
    if (!request.current()) return { kind: 'stale' };
    const result = outcome.result;
    if (result.kind && !settings.kinds.includes(result.kind as DocumentKind)) return { kind: 'skipped', reason: `${result.kind} documents are not checked (partnerlint.kinds)` };
    return { kind: 'checked', result, config };
  }

  /** Saving retries a document that ran out of time; true when it had. */
  retry(key: string): boolean {
    return this.timedOut.delete(key);
  }

  /** Settings, a settings file or trees changed: every document may be tried again. */
  retryAll(): void {
    this.timedOut.clear();
  }

  /** The document closed: the worker forgets it. */
  closed(key: string): void {
    this.timedOut.delete(key);
    this.runner.close(key);
  }

  /** A file checked once (Lint Workspace's closed files): the worker keeps no state for it. */
  checkOnce(key: string, text: string, config: ResolvedConfig, budgetMs: number) {
    return this.runner.lintOnce(key, text, config, budgetMs);
  }

  /** Whether checks run in a worker now. */
  runsInWorker(): boolean {
    return this.runner.runsInWorker();
  }

  dispose(): void {
    this.runner.dispose();
  }
}
