import { open, stat } from 'node:fs/promises';

/**
 * How the CLI reads a document before linting it, so that no file can crash or stall a run:
 *
 * - not a regular file (a named pipe, a socket, a device): not read at all, since reading a pipe
 *   waits forever;
 * - binary: a NUL byte in the first 8 KB (PNG, PDF, ZIP and office files all have one early;
 *   text never does, except UTF-16, which is not supported either) — not checked;
 * - too large: more than `maxChars` UTF-16 code units (the same measure as the editor's
 *   partnerlint.maxFileSize) — not checked; only the first 64 KB are read to tell whether it is a
 *   strategy document, so that the user can be told why it was not;
 * - not valid UTF-8: checked, but never written back by --fix, because the characters that could
 *   not be decoded would be replaced and the user's text lost;
 * - unreadable (permissions, gone since the folder was listed): reported, and the run goes on.
 */

/** Bytes looked at for a NUL, as git and grep do. */
export const BINARY_SNIFF_BYTES = 8 * 1024;
/** Bytes read of a file too large to check, to tell whether it is a strategy document. */
export const HEAD_BYTES = 64 * 1024;
/** The default largest document checked, in characters: the editor's partnerlint.maxFileSize default. */
export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

export type ReadOutcome =
  | { kind: 'text'; text: string; validUtf8: boolean }
  | { kind: 'binary' }
  | { kind: 'too-large'; head: string; size: number }
  | { kind: 'not-a-file' }
  | { kind: 'unreadable'; reason: string };

const lenient = new TextDecoder('utf-8');

/** Decodes UTF-8 (a byte order mark is kept as U+FEFF, as fs.readFile does), noting whether it was valid. */
export function decode(bytes: Uint8Array): { text: string; validUtf8: boolean } {
  const keepBom = { ignoreBOM: true } as const;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ...keepBom }).decode(bytes), validUtf8: true };
  } catch {
    return { text: new TextDecoder('utf-8', keepBom).decode(bytes), validUtf8: false };
  }
}

export function hasNul(bytes: Uint8Array, limit = BINARY_SNIFF_BYTES): boolean {
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Reads a document for linting; never throws. */
export async function readDocument(path: string, maxChars = DEFAULT_MAX_FILE_SIZE): Promise<ReadOutcome> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'not-a-file' };
    const handle = await open(path, 'r');
    try {
      // UTF-8 needs at most 3 bytes per UTF-16 code unit, so a file of more than 3 × maxChars
      // bytes is too large whatever it holds; only its head is read.
      const whole = info.size <= 3 * maxChars + 3;
      const wanted = whole ? info.size : HEAD_BYTES;
      const buffer = new Uint8Array(wanted);
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await handle.read(buffer, filled, wanted - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      const bytes = buffer.subarray(0, filled);
      if (hasNul(bytes)) return { kind: 'binary' };
      if (!whole) return { kind: 'too-large', head: lenient.decode(bytes), size: info.size };
      const { text, validUtf8 } = decode(bytes);
      if (text.length > maxChars) return { kind: 'too-large', head: text.slice(0, HEAD_BYTES), size: info.size };
      return { kind: 'text', text, validUtf8 };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'unreadable', reason: code ?? (error instanceof Error ? error.message : String(error)) };
  }
}
