import * as vscode from 'vscode';

/** Where PartnerLint writes what went wrong, with the cause. Never a popup. */
export class Logger implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('PartnerLint', { log: true });
  /** How many errors were logged since activation (the integration tests check it stays 0). */
  errors = 0;

  /** `echoToConsole`: also write every line to the console (for tests and debugging). */
  constructor(private readonly echoToConsole = false) {}

  info(message: string): void {
    this.channel.info(message);
    if (this.echoToConsole) console.log(`[partnerlint] ${message}`);
  }

  /** Detail for diagnosing speed (shown when the channel's log level is Trace). */
  trace(message: string): void {
    this.channel.trace(message);
  }

  error(message: string, cause?: unknown): void {
    this.errors++;
    const detail = cause instanceof Error ? `${cause.message}\n${cause.stack ?? ''}` : cause === undefined ? '' : String(cause);
    this.channel.error(detail ? `${message}: ${detail}` : message);
    if (this.echoToConsole) console.error(`[partnerlint] ${message}: ${detail}`);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
