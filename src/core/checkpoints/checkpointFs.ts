/**
 * The file operations checkpoints need, as an interface: the Node implementation below for real
 * folders (and tests over a temp dir), an in-memory one in unit tests, and `vscode.workspace.fs`
 * in the extension so open editors see restored files.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface CheckpointFs {
  /** The file's bytes, or undefined when there is no file at `path`. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Writes the bytes, creating missing parent folders. */
  write(path: string, bytes: Uint8Array): Promise<void>;
  /** Deletes the file; nothing happens when it is already gone. */
  remove(path: string): Promise<void>;
  /** Names of the entries directly in `dir` (empty when it does not exist). */
  list(dir: string): Promise<string[]>;
}

function missing(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The file system this process sees. Writes go to a temp name first and are renamed into place. */
export const nodeCheckpointFs: CheckpointFs = {
  read: async (path) => {
    try {
      return await readFile(path);
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  },
  write: async (path, bytes) => {
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.grok-${process.pid}-${Date.now()}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, path);
  },
  remove: (path) => rm(path, { force: true }),
  list: async (dir) => readdir(dir).catch((error: unknown) => (missing(error) ? [] : Promise.reject(error))),
};
