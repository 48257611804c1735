import * as vscode from 'vscode';
import type { HistoryFs } from '../core/chat/historyStore';

/** {@link HistoryFs} over `workspace.fs` in a folder of the extension's global storage. */
export function createHistoryFs(folder: vscode.Uri): HistoryFs {
  const fs = vscode.workspace.fs;
  const at = (name: string) => vscode.Uri.joinPath(folder, name);
  const ready = Promise.resolve(fs.createDirectory(folder));
  return {
    async read(name) {
      await ready;
      try {
        return new TextDecoder().decode(await fs.readFile(at(name)));
      } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
        throw error;
      }
    },
    async write(name, data) {
      await ready;
      // Write beside, then rename over: a crash mid-write leaves the old file intact.
      const temp = at(`${name}.tmp`);
      await fs.writeFile(temp, new TextEncoder().encode(data));
      await fs.rename(temp, at(name), { overwrite: true });
    },
    async rename(from, to) {
      await ready;
      await fs.rename(at(from), at(to), { overwrite: false });
    },
    async delete(name) {
      await ready;
      try {
        await fs.delete(at(name));
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
      }
    },
    async list() {
      await ready;
      return (await fs.readDirectory(folder)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
    },
  };
}
