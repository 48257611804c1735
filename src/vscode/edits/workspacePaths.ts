import * as vscode from 'vscode';
import { classifyPath, nodePathFs, type PathCheck, type PathFs } from '../../core/safety';

/** The workspace folders on disk (remote or virtual folders have no path to check against). */
export function fileWorkspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/**
 * Where `path` really leads in the open workspace, and whether it is plain, outside, in `.git` or
 * sensitive: the one classification (core/safety) for writing, attaching and opening links.
 */
export function classifyWorkspacePath(path: string, fs: PathFs = nodePathFs): Promise<PathCheck> {
  return classifyPath(fileWorkspaceRoots(), path, fs);
}
