/**
 * The few file-system questions path classification asks, as an interface: the Node implementation
 * below for the extension, fakes in unit tests (a case-insensitive or Windows file system), and the
 * real one over a temp dir with real symlinks. Only metadata is read, never a file's content.
 */
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface PathFs {
  /**
   * The canonical path of something that exists (symlinks followed; on Windows short names and
   * case resolved), or undefined when it does not exist (a dangling link does not exist).
   */
  realpath(path: string): Promise<string | undefined>;
  /** The target a symbolic link points to, as stored (maybe relative), or undefined if `path` is not a link. */
  readlink(path: string): Promise<string | undefined>;
  /** Whether names inside this existing folder compare without case. */
  caseInsensitive(folder: string): Promise<boolean>;
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
}

/** The file system this process sees. */
export const nodePathFs: PathFs = {
  realpath: (path) => realpath(path).then(
    (real) => real,
    () => undefined,
  ),
  readlink: async (path) => {
    const info = await lstat(path).catch(() => undefined);
    return info?.isSymbolicLink() ? readlink(path) : undefined;
  },
  caseInsensitive: async (folder) => {
    // Probe: the same folder named with swapped case is the same inode only on a case-insensitive
    // file system. A name without letters cannot tell; its parent can.
    for (let dir = folder; ; dir = dirname(dir)) {
      const name = basename(dir);
      if (name !== swapCase(name)) {
        const [a, b] = await Promise.all([stat(dir).catch(() => undefined), stat(join(dirname(dir), swapCase(name))).catch(() => undefined)]);
        return a !== undefined && b !== undefined && a.ino === b.ino && a.dev === b.dev;
      }
      if (dirname(dir) === dir) return process.platform === 'win32' || process.platform === 'darwin';
    }
  },
};
