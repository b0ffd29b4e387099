import * as vscode from 'vscode';
import type { TreeFileHost } from '../trees';

function missing(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && ['FileNotFound', 'FileIsADirectory', 'FileNotADirectory'].includes(error.code);
}

/**
 * The core's file host over vscode.workspace.fs, so configuration and tree files are read the
 * same way in local, remote and virtual workspaces. Paths are the `path` of URIs that share
 * `base`'s scheme and authority; a missing file or folder is `undefined`, other errors reject.
 * `overlay` answers one path from memory (an editor's unsaved text).
 */
export function workspaceHost(base: vscode.Uri, overlay?: { path: string; text: string }): TreeFileHost {
  return {
    async readFile(path) {
      if (overlay && overlay.path === path) return overlay.text;
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(base.with({ path })));
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
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
