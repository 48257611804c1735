/**
 * The workspace files a command's checkpoint scan looks at: the agent's own file listing (the
 * ignores honoured, so node_modules and build output are left out), as absolute paths.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceFiles } from '../../core/checkpoints';
import type { WorkspaceTools } from '../../core/agent/tools';

/** A listing label (`src/a.ts`, or `api/src/a.ts` in a multi-root workspace) as an absolute path. */
function absoluteOf(label: string): string | undefined {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 1) return join(folders[0]!.uri.fsPath, label);
  const slash = label.indexOf('/');
  const folder = folders.find((f) => f.name === label.slice(0, slash));
  return folder ? join(folder.uri.fsPath, label.slice(slash + 1)) : undefined;
}

export function workspaceFilesFor(tools: WorkspaceTools): WorkspaceFiles {
  return {
    async list(max) {
      const found = await tools.listFiles({ max }, new AbortController().signal);
      return found.items.flatMap((label) => absoluteOf(label) ?? []);
    },
    async stat(path) {
      try {
        const s = await stat(path);
        return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
