/**
 * The one classification of a path Grok wants to write, open or attach: plain and inside the
 * workspace; outside it; inside `.git`; or a file that can run code or change the editor
 * (sensitiveKinds.ts). {@link classifyPath} resolves the path first (real path of its deepest
 * existing ancestor, case folded where the file system ignores case, Windows name tricks undone);
 * {@link checkPathLexically} is the string-only part, for callers that cannot wait.
 */
import { resolveReal } from './realPath';
import type { PathFs } from './pathFs';
import { sensitiveMatch } from './sensitiveMatch';
import { normalisePath } from './windowsNames';
import { apiFor, cleanPath, findRoot, resolveInWorkspace } from './workspacePath';

/** Why a path is not plainly safe to edit. */
export type PathProblem = 'invalid' | 'no-workspace' | 'outside-workspace' | 'inside-git' | 'sensitive';

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
      /** Where it would be written (the path as given, resolved; not through symlinks). */
      absolutePath?: string;
      /** Inside the workspace (`inside-git`, `sensitive`): the folder and the path in it. */
      root?: string;
      relativePath?: string;
      /** `inside-git` and `sensitive`: the kind's id (`git` for `.git`) and why it matters. */
      kind?: string;
      why?: string;
      /** Where the path really leads, when a symlink makes that differ. */
      realPath?: string;
    };

/** A path inside the workspace, before looking at the file system. */
interface Located {
  absolutePath: string;
  root: string;
  relativePath: string;
  /** Workspace-relative paths to classify (as written, as Windows reads it, as it really leads). */
  candidates: string[];
}

function invalid(path: string, message: string): PathCheck {
  return { ok: false, reason: 'invalid', message: message || `"${path}" is not a file path`, confirmable: false };
}

function outside(path: string, absolutePath: string, message?: string, realPath?: string): PathCheck {
  return { ok: false, reason: 'outside-workspace', message: message ?? `${path} resolves outside the workspace (${absolutePath})`, confirmable: true, absolutePath, realPath };
}

function locate(workspaceRoots: readonly string[], path: string): Located | PathCheck {
  const p = cleanPath(path);
  if (p === '' || p.includes('\0')) return invalid(path, '');
  if (workspaceRoots.length === 0) return { ok: false, reason: 'no-workspace', message: 'no folder is open, so there is nowhere to write', confirmable: false };
  const absolutePath = resolveInWorkspace(workspaceRoots, p);
  const asWindowsReadsIt = resolveInWorkspace(workspaceRoots, normalisePath(p));
  const found = findRoot(workspaceRoots, absolutePath);
  const foundNormalised = findRoot(workspaceRoots, asWindowsReadsIt);
  if (found && foundNormalised) return { absolutePath, root: found.root, relativePath: found.relativePath, candidates: [found.relativePath, foundNormalised.relativePath] };
  if (workspaceRoots.some((r) => apiFor(r).resolve(r) === absolutePath || apiFor(r).resolve(r) === asWindowsReadsIt)) {
    return invalid(path, `${path} is a workspace folder, not a file`);
  }
  return outside(path, absolutePath);
}

function verdict(path: string, at: Located, realPath?: string): PathCheck {
  const matches = at.candidates.map((c) => sensitiveMatch(c)).filter((m) => m !== undefined);
  const match = matches.find((m) => m.kind === 'git') ?? matches[0];
  if (!match) return { ok: true, absolutePath: at.absolutePath, root: at.root, relativePath: at.relativePath };
  const common = { ok: false as const, confirmable: true, absolutePath: at.absolutePath, root: at.root, relativePath: at.relativePath, kind: match.kind, why: match.reason, realPath };
  if (match.kind === 'git') return { ...common, reason: 'inside-git', message: `${path} is inside a .git folder (${match.reason})` };
  return { ...common, reason: 'sensitive', message: `${path} is written only after you confirm: ${match.reason}` };
}

/**
 * The verdict from the path string alone (no symlinks resolved): use {@link classifyPath} where
 * it can be awaited. Relative paths resolve against the first folder, or against the folder whose
 * name is their first segment in a multi-root workspace.
 */
export function checkPathLexically(workspaceRoots: readonly string[], path: string): PathCheck {
  const at = locate(workspaceRoots, path);
  return 'candidates' in at ? verdict(path, at) : at;
}

/**
 * The verdict on `path` once resolved through the file system: a path that leads outside every
 * workspace folder (a symlink, a dangling one included) is outside; what it leads to inside is
 * classified too. Only metadata is read, and nothing at all for a path outside the workspace.
 */
export async function classifyPath(workspaceRoots: readonly string[], path: string, fs: PathFs): Promise<PathCheck> {
  const at = locate(workspaceRoots, path);
  if (!('candidates' in at)) return at;
  const api = apiFor(at.root);
  const real = await resolveReal(api, at.absolutePath, fs);
  if (real === undefined) return invalid(path, `${path} goes round a loop of symbolic links`);
  const roots = await Promise.all(
    workspaceRoots.map(async (root) => {
      const realRoot = (await resolveReal(apiFor(root), root, fs)) ?? root;
      return { realRoot, foldCase: await fs.caseInsensitive(realRoot) };
    }),
  );
  let inside: { relativePath: string } | undefined;
  for (const { realRoot, foldCase } of roots) inside ??= findRoot([realRoot], real, foldCase);
  if (!inside) return outside(path, at.absolutePath, `${path} leads outside the workspace through a symbolic link (to ${real})`, real);
  const realPath = real === at.absolutePath ? undefined : real;
  return verdict(path, { ...at, candidates: [...at.candidates, inside.relativePath] }, realPath);
}
