import * as vscode from 'vscode';
import { SettingsReader, type SettingsFileSystem } from '../core/settings-reader';
import type { TreeFileHost } from '../trees';

function missing(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && ['FileNotFound', 'FileIsADirectory', 'FileNotADirectory'].includes(error.code);
}

/** vscode.workspace.fs for the guarded settings reader; paths share `base`'s scheme and authority. */
export function workspaceFs(base: vscode.Uri): SettingsFileSystem {
  return {
    async stat(path) {
      try {
        const info = await vscode.workspace.fs.stat(base.with({ path }));
        const kind = info.type & ~vscode.FileType.SymbolicLink;
        const type = kind === vscode.FileType.File ? 'file' : kind === vscode.FileType.Directory ? 'directory' : 'other';
        return { type, size: info.size, ...(info.type & vscode.FileType.SymbolicLink ? { symbolicLink: true } : {}) };
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async readFile(path) {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(base.with({ path })));
    },
    async listDir(path) {
      try {
        return (await vscode.workspace.fs.readDirectory(base.with({ path }))).map(([name]) => name);
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
  };
}

/**
 * The core's guarded file host (src/core/settings-reader.ts) over vscode.workspace.fs, so
 * configuration and tree files are read the same way in local, remote and virtual workspaces,
 * and the same way as the CLI reads them. Paths are the `path` of URIs that share `base`'s
 * scheme and authority; a missing file or folder is `undefined`, a refused one rejects with the
 * reason. In an untrusted workspace (Restricted Mode) nothing outside `base`'s workspace folder
 * is read. `overlay` answers one path from memory (an editor's unsaved text). Each file is read
 * once for the life of the host: make a new one when files change.
 */
export function workspaceHost(base: vscode.Uri, overlay?: { path: string; text: string }): TreeFileHost {
  const root = vscode.workspace.isTrusted ? undefined : (vscode.workspace.getWorkspaceFolder(base)?.uri.path ?? base.path);
  const reader = new SettingsReader(workspaceFs(base), root === undefined ? {} : { root });
  return {
    readFile: (path) => (overlay && overlay.path === path ? Promise.resolve(overlay.text) : reader.readFile(path)),
    listDir: (path) => reader.listDir(path),
  };
}
