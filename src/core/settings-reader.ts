/**
 * The one way PartnerLint reads its own settings files (`.partnerlint.yaml`, what it `extends`)
 * and decision tree files (`.partnerlint/trees/*.yaml`), for the CLI (Node's fs) and the editor
 * (vscode.workspace.fs) alike. A workspace is not trusted to be kind:
 *
 * - only regular files are read: a folder is "no such file", and a named pipe, a socket or a
 *   device (`/dev/zero`) is refused before it is opened, since reading one waits forever or never
 *   ends;
 * - the size is checked before reading: a file larger than MAX_SETTINGS_FILE_BYTES is refused;
 * - each file is read at most once per reader (one reader serves one resolution: the editor makes
 *   a new one when a settings or tree file changes, the CLI one per run);
 * - with `root` (an untrusted workspace, Restricted Mode), nothing outside that folder is read,
 *   and no symbolic link is followed: neither the file nor a folder on the way to it.
 *
 * A refused file is an error whose message says why, in words for a config-invalid diagnostic.
 * Nothing here imports `vscode` or `node:fs`: the file system is passed in.
 */

/** What is at a path. `other` is anything that is neither a regular file nor a folder. */
export interface SettingsFileInfo {
  type: 'file' | 'directory' | 'other';
  size: number;
  /** The path is a symbolic link (its target is what `type` and `size` describe). */
  symbolicLink?: boolean;
}

/** The few file system calls the reader needs; paths are `/`-separated. */
export interface SettingsFileSystem {
  /** What is at `path` (following links), or undefined when nothing is. May reject on other errors. */
  stat(path: string): Promise<SettingsFileInfo | undefined>;
  /**
   * The text of the regular file at `path`, reading at most `maxBytes` bytes. Called only after
   * `stat` said it is a regular file small enough; should itself refuse anything else when it
   * can (the file may have been replaced in between).
   */
  readFile(path: string, maxBytes: number): Promise<string>;
  /** The names in a folder, or undefined when there is no such folder. */
  listDir(path: string): Promise<string[] | undefined>;
}

/** Settings and tree files are small; this is far more than any needs. */
export const MAX_SETTINGS_FILE_BYTES = 512 * 1024;

export interface SettingsReaderOptions {
  maxBytes?: number;
  /** When set (an untrusted workspace), only paths inside this folder are read. */
  root?: string;
}

/** Why a settings or tree file was not read. */
export class SettingsFileRefused extends Error {
  constructor(readonly reason: 'outside' | 'link' | 'not-a-file' | 'too-large', message: string) {
    super(message);
  }
}

function inside(path: string, root: string): boolean {
  const r = root.replace(/\/+$/, '');
  return r === '' || path === r || path.startsWith(r + '/');
}

/** A `/`-separated path with `.` and `..` resolved, so that a check against `root` cannot be walked around. */
export function normalized(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export class SettingsReader {
  private readonly files = new Map<string, Promise<string | undefined>>();
  /** Folders between the root and a file, whether each is a symbolic link (untrusted workspaces only). */
  private readonly linkedFolders = new Map<string, Promise<boolean>>();
  private readonly maxBytes: number;
  private readonly root: string | undefined;
  /** Files actually read from the file system (each once), for tests and logs. */
  reads = 0;

  constructor(private readonly fs: SettingsFileSystem, options: SettingsReaderOptions = {}) {
    this.maxBytes = options.maxBytes ?? MAX_SETTINGS_FILE_BYTES;
    this.root = options.root === undefined ? undefined : normalized(options.root);
  }

  /** The file's text; undefined when there is no such file (or a folder). Rejects with a reason when refused. */
  readFile(path: string): Promise<string | undefined> {
    const key = normalized(path);
    let result = this.files.get(key);
    if (!result) {
      result = this.read(key);
      // Awaited by the caller; a refusal must not also count as an unhandled rejection here.
      result.catch(() => undefined);
      this.files.set(key, result);
    }
    return result;
  }

  private async read(path: string): Promise<string | undefined> {
    this.refuseOutside(path);
    await this.refuseLinkedFolder(path);
    const info = await this.fs.stat(path);
    if (!info || info.type === 'directory') return undefined;
    if (this.root !== undefined && info.symbolicLink) {
      throw new SettingsFileRefused('link', 'it is a symbolic link, and this workspace is not trusted (Restricted Mode), so PartnerLint does not follow it');
    }
    if (info.type !== 'file') throw new SettingsFileRefused('not-a-file', 'it is not a regular file (a named pipe, a socket or a device), so PartnerLint does not read it');
    if (info.size > this.maxBytes) {
      throw new SettingsFileRefused('too-large', `it is ${Math.ceil(info.size / 1024)} KB, more than the ${Math.round(this.maxBytes / 1024)} KB a settings or decision tree file may be, so PartnerLint does not read it`);
    }
    this.reads++;
    const text = await this.fs.readFile(path, this.maxBytes);
    if (text.length > this.maxBytes) throw new SettingsFileRefused('too-large', `it is larger than the ${Math.round(this.maxBytes / 1024)} KB a settings or decision tree file may be, so PartnerLint does not read it`);
    return text;
  }

  async listDir(path: string): Promise<string[] | undefined> {
    const key = normalized(path);
    if (this.root !== undefined && !inside(key, this.root)) return undefined;
    return this.fs.listDir(key);
  }

  /**
   * In an untrusted workspace, a folder on the way from the root to `path` that is a symbolic
   * link may lead anywhere: `root/docs -> /home/u` would make `root/docs/x.yaml` a file outside
   * the workspace. Each such folder is looked at once per reader.
   */
  private async refuseLinkedFolder(path: string): Promise<void> {
    if (this.root === undefined) return;
    const base = this.root === '/' ? '' : this.root;
    const parts = path.slice(base.length + 1).split('/').slice(0, -1);
    let folder = base;
    for (const part of parts) {
      folder = `${folder}/${part}`;
      let linked = this.linkedFolders.get(folder);
      if (!linked) {
        linked = this.fs.stat(folder).then((info) => info?.symbolicLink === true, () => false);
        this.linkedFolders.set(folder, linked);
      }
      if (await linked) {
        throw new SettingsFileRefused('link', `it is inside ${folder.slice(base.length + 1)}/, a symbolic link, and this workspace is not trusted (Restricted Mode), so PartnerLint does not follow it`);
      }
    }
  }

  private refuseOutside(path: string): void {
    if (this.root !== undefined && !inside(path, this.root)) {
      throw new SettingsFileRefused('outside', 'it is outside the workspace folder, and this workspace is not trusted (Restricted Mode), so PartnerLint does not read it');
    }
  }
}
