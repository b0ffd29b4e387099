import * as vscode from 'vscode';

/** Where PartnerLint writes what went wrong, with the cause. Never a popup. */
export class Logger implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('PartnerLint', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  error(message: string, cause?: unknown): void {
    const detail = cause instanceof Error ? `${cause.message}\n${cause.stack ?? ''}` : cause === undefined ? '' : String(cause);
    this.channel.error(detail ? `${message}: ${detail}` : message);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
