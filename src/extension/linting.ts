import * as vscode from 'vscode';
import { lintText, RULES, DEFAULT_CONFIG, type LintResult } from '../core';
import { toDiagnostic } from './convert';
import type { Logger } from './log';

/** Schemes whose Markdown is the user's own writing (not diffs, output or SCM views). */
const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);
/** Documents larger than this are not linted while typing. */
const MAX_CHARACTERS = 2_000_000;
const TYPING_DELAY_MS = 250;

/**
 * Keeps the Problems panel in step with open Markdown documents: lints on open, while typing
 * (debounced), on save, and clears on close. A result computed for an older version of a
 * document is never published.
 */
export class DocumentLinter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('partnerlint');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, { version: number; result: LintResult }>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly log: Logger) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.lintNow(doc)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.lintNow(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
    );
    for (const doc of vscode.workspace.textDocuments) this.lintNow(doc);
  }

  /** The last result for a document, if it was linted at its current version. */
  resultFor(doc: vscode.TextDocument): LintResult | undefined {
    const entry = this.results.get(doc.uri.toString());
    return entry && entry.version === doc.version ? entry.result : undefined;
  }

  private applies(doc: vscode.TextDocument): boolean {
    return doc.languageId === 'markdown' && LINTED_SCHEMES.has(doc.uri.scheme);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!this.applies(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.lintNow(doc);
    }, TYPING_DELAY_MS));
  }

  lintNow(doc: vscode.TextDocument): void {
    if (!this.applies(doc) || doc.isClosed) return;
    const key = doc.uri.toString();
    const version = doc.version;
    if (this.results.get(key)?.version === version) return;
    const text = doc.getText();
    if (text.length > MAX_CHARACTERS) {
      this.results.delete(key);
      this.collection.delete(doc.uri);
      return;
    }
    let result: LintResult;
    try {
      result = lintText(text, RULES, DEFAULT_CONFIG);
    } catch (error) {
      // The engine already contains rule failures; reaching here is a PartnerLint bug. Log it once
      // per document version, never as a popup.
      this.log.error(`Linting ${doc.uri.toString(true)} failed`, error);
      return;
    }
    if (doc.isClosed || doc.version !== version) return;
    this.results.set(key, { version, result });
    this.collection.set(doc.uri, result.diagnostics.map(toDiagnostic));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
