import { unwatchFile, watchFile, type Stats } from 'node:fs';

/** How often a watched settings or tree file is looked at when the editor watches nothing for the server. */
export const POLL_INTERVAL_MS = 1000;

/**
 * Notices changes to PartnerLint's own files (settings, decision trees) for editors that cannot
 * watch files for a language server (no dynamic registration of workspace/didChangeWatchedFiles:
 * Neovim on Linux by default, for one). Each path is polled with fs.watchFile, which also notices
 * a file that appears or goes; a handful of small files, looked at once a second. Paths are only
 * ever added while the server runs; `dispose` stops them all.
 */
export class PollingWatcher {
  private readonly paths = new Set<string>();

  constructor(private readonly changed: (path: string) => void, private readonly intervalMs = POLL_INTERVAL_MS) {}

  watch(path: string): void {
    if (this.paths.has(path)) return;
    this.paths.add(path);
    try {
      watchFile(path, { interval: this.intervalMs, persistent: false }, (now: Stats, before: Stats) => {
        if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || now.ino !== before.ino) this.changed(path);
      });
    } catch {
      // A path Node cannot watch: changes to it need a restart of the server, as before.
    }
  }

  dispose(): void {
    for (const path of this.paths) unwatchFile(path);
    this.paths.clear();
  }
}
