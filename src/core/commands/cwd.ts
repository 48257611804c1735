/**
 * Where an agent command may start: a folder inside the workspace, checked with the same path
 * classification as edits (symlinks followed), never inside `.git`.
 */
import { classifyPath, type PathFs } from '../safety';
import { apiFor, cleanPath, resolveInWorkspace } from '../safety/workspacePath';

/** The folder to run in, or why not. */
export type CwdCheck = { ok: true; cwd: string } | { ok: false; message: string };

/**
 * Resolves `cwd` (relative to the first workspace folder, or a folder's name in a multi-root
 * workspace; the first folder when absent) and refuses anything outside the workspace or in `.git`.
 */
export async function resolveCommandCwd(workspaceRoots: readonly string[], cwd: string | undefined, fs: PathFs): Promise<CwdCheck> {
  if (workspaceRoots.length === 0) return { ok: false, message: 'No folder is open, so there is nowhere to run a command.' };
  const wanted = cwd?.trim();
  if (!wanted) return { ok: true, cwd: workspaceRoots[0] as string };
  // A workspace folder itself (`.`, `/ws/app/`, `api` in a multi-root workspace) is not a file to classify.
  const absolute = resolveInWorkspace(workspaceRoots, cleanPath(wanted));
  const root = workspaceRoots.find((r) => apiFor(r).resolve(r) === absolute || (workspaceRoots.length > 1 && apiFor(r).basename(r) === wanted));
  if (root) return { ok: true, cwd: root };
  const check = await classifyPath(workspaceRoots, wanted, fs);
  // resolve() drops a trailing separator, so `sub/` and `sub` are the same folder.
  if (check.ok) return { ok: true, cwd: apiFor(check.root).resolve(check.absolutePath) };
  // A folder whose name looks like a sensitive file (`.vscode`) is still a fine place to run in.
  if (check.reason === 'sensitive' && check.absolutePath && check.root) return { ok: true, cwd: apiFor(check.root).resolve(check.absolutePath) };
  return { ok: false, message: `The command's folder must be inside the workspace: ${check.message}.` };
}
