import { constants } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import type { SettingsFileSystem } from '../core/settings-reader';

function missing(error: unknown, codes = ['ENOENT', 'ENOTDIR']): boolean {
  return codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

/**
 * Node's file system for the guarded settings reader (src/core/settings-reader.ts). A file is
 * opened without blocking (a pipe swapped in after the stat cannot stall the open) and checked
 * again on the open handle before a byte is read; at most `maxBytes` + 1 bytes are read.
 */
export const nodeSettingsFs: SettingsFileSystem = {
  async stat(path) {
    try {
      const info = await stat(path);
      const link = await lstat(path).then((l) => l.isSymbolicLink(), () => false);
      return { type: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other', size: info.size, ...(link ? { symbolicLink: true } : {}) };
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  },
  async readFile(path, maxBytes) {
    const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new Error('not a regular file');
      const buffer = new Uint8Array(Math.min(info.size, maxBytes) + 1);
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return new TextDecoder().decode(buffer.subarray(0, filled));
    } finally {
      await handle.close();
    }
  },
  async listDir(path) {
    try {
      return await readdir(path);
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  },
};
