/**
 * Lexical path handling: undo what models put around paths, resolve a path against the workspace
 * folders (POSIX or Windows rules, chosen by the folder's form) and say where it lies in them.
 * Strings only; realPath.ts adds what the file system knows (symlinks, case, short names).
 */
import { posix, win32 } from 'node:path';

export type PathApi = typeof posix;

function isWindowsPath(p: string): boolean {
  return /^[A-Za-z]:([\\/]|$)/.test(p) || p.startsWith('\\\\');
}

/** Windows rules for a Windows folder (drive letter or UNC), POSIX rules otherwise. */
export function apiFor(root: string): PathApi {
  return isWindowsPath(root) ? win32 : posix;
}

/** Undoes the decorations models put around paths: quotes, backticks, `file://`. */
export function cleanPath(raw: string): string {
  let p = raw.trim().replace(/^[`'"]+|[`'"]+$/g, '');
  if (/^file:\/\//i.test(p)) {
    p = decodeURIComponent(p.replace(/^file:\/\//i, ''));
    if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
  }
  return p;
}

/**
 * Where a (cleaned) path points: absolute paths as given, relative ones against the first folder,
 * or against the folder whose name is their first segment in a multi-root workspace
 * ("api/src/x.ts" → the folder named "api").
 */
export function resolveInWorkspace(workspaceRoots: readonly string[], p: string): string {
  const api = apiFor(workspaceRoots[0] as string);
  if (api.isAbsolute(p) || isWindowsPath(p)) return api.normalize(p);
  const relative = api === posix ? p.replace(/\\/g, '/') : p;
  const [first, ...rest] = relative.split(/[\\/]+/);
  const named = workspaceRoots.length > 1 ? workspaceRoots.find((r) => apiFor(r).basename(r) === first && rest.length > 0) : undefined;
  return named ? apiFor(named).resolve(named, ...rest) : api.resolve(workspaceRoots[0] as string, relative);
}

/**
 * `target` relative to `root` (with `/`), or undefined when it is not strictly inside. With
 * `foldCase`, names compare without case (win32 rules always do).
 */
export function relativeInside(root: string, target: string, foldCase = false): string | undefined {
  const api = apiFor(root);
  const fold = (s: string) => (foldCase ? s.toLowerCase() : s);
  const rel = api.relative(fold(api.resolve(root)), fold(target));
  if (rel === '' || rel === '..' || /^\.\.[\\/]/.test(rel) || api.isAbsolute(rel)) return undefined;
  // Relative to the unfolded target, so names keep their case.
  const kept = foldCase && fold(target).length === target.length ? target.slice(target.length - rel.length) : rel;
  return kept.replace(/\\/g, '/');
}

/** The first folder containing `target`, with the path relative to it. */
export function findRoot(workspaceRoots: readonly string[], target: string, foldCase = false): { root: string; relativePath: string } | undefined {
  for (const root of workspaceRoots) {
    const relativePath = relativeInside(root, target, foldCase);
    if (relativePath !== undefined) return { root, relativePath };
  }
  return undefined;
}
