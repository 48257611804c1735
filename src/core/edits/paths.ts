/**
 * Path safety for proposed edits, as a pure function of strings. The model names files relative
 * to the workspace; anything that resolves outside every workspace folder, or into a `.git`
 * folder, must not be written without the user's explicit confirmation.
 */
import { posix, win32 } from 'node:path';

/** Why a path is not plainly safe to edit. */
export type PathProblem = 'invalid' | 'no-workspace' | 'outside-workspace' | 'inside-git';

/** The verdict on one path. */
export type PathCheck =
  | { ok: true; absolutePath: string; root: string; relativePath: string }
  | {
      ok: false;
      reason: PathProblem;
      /** One line for the user (and the model), e.g. "../x.ts resolves outside the workspace". */
      message: string;
      /** Whether the UI may offer "write anyway" (never for an invalid path or no workspace). */
      confirmable: boolean;
      absolutePath?: string;
    };

type PathApi = typeof posix;

function isWindowsPath(p: string): boolean {
  return /^[A-Za-z]:([\\/]|$)/.test(p) || p.startsWith('\\\\');
}

function apiFor(root: string): PathApi {
  return isWindowsPath(root) ? win32 : posix;
}

/** Undoes the decorations models put around paths: quotes, backticks, `file://`. */
function cleanPath(raw: string): string {
  let p = raw.trim().replace(/^[`'"]+|[`'"]+$/g, '');
  if (/^file:\/\//i.test(p)) {
    p = decodeURIComponent(p.replace(/^file:\/\//i, ''));
    if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
  }
  return p;
}

function inside(api: PathApi, root: string, target: string): string | undefined {
  // win32.relative compares case-insensitively, as Windows file systems do.
  const rel = api.relative(root, target);
  if (rel === '' || rel === '..' || /^\.\.[\\/]/.test(rel) || api.isAbsolute(rel)) return undefined;
  return rel;
}

function touchesGit(relative: string): boolean {
  return relative.split(/[\\/]+/).some((segment) => segment.toLowerCase() === '.git');
}

/**
 * Resolves `path` against the workspace folders and says whether it may be written.
 * Relative paths resolve against the first folder, or against the folder whose name is their
 * first segment in a multi-root workspace ("api/src/x.ts" → the folder named "api").
 */
export function checkEditPath(workspaceRoots: readonly string[], path: string): PathCheck {
  const p = cleanPath(path);
  if (p === '' || p.includes('\0')) return { ok: false, reason: 'invalid', message: `"${path}" is not a file path`, confirmable: false };
  if (workspaceRoots.length === 0) return { ok: false, reason: 'no-workspace', message: 'no folder is open, so there is nowhere to write', confirmable: false };
  const api = apiFor(workspaceRoots[0]);
  let absolute: string;
  if (api.isAbsolute(p) || isWindowsPath(p)) {
    absolute = api.normalize(p);
  } else {
    const relative = api === posix ? p.replace(/\\/g, '/') : p;
    const [first, ...rest] = relative.split(/[\\/]+/);
    const named = workspaceRoots.length > 1 ? workspaceRoots.find((r) => apiFor(r).basename(r) === first && rest.length > 0) : undefined;
    absolute = named ? apiFor(named).resolve(named, ...rest) : api.resolve(workspaceRoots[0], relative);
  }
  for (const root of workspaceRoots) {
    const rootApi = apiFor(root);
    const rel = inside(rootApi, rootApi.resolve(root), absolute);
    if (rel === undefined) continue;
    if (touchesGit(rel)) {
      return { ok: false, reason: 'inside-git', message: `${path} is inside a .git folder`, confirmable: true, absolutePath: absolute };
    }
    return { ok: true, absolutePath: absolute, root, relativePath: rel.replace(/\\/g, '/') };
  }
  if (workspaceRoots.some((r) => apiFor(r).resolve(r) === absolute)) {
    return { ok: false, reason: 'invalid', message: `${path} is a workspace folder, not a file`, confirmable: false };
  }
  return { ok: false, reason: 'outside-workspace', message: `${path} resolves outside the workspace (${absolute})`, confirmable: true, absolutePath: absolute };
}
