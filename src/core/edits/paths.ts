/**
 * Path safety for proposed edits. The model names files relative to the workspace; anything that
 * resolves outside every workspace folder, into a `.git` folder, or onto a file that can run code
 * or change the editor must not be written without the user's explicit confirmation. The one
 * classification lives in core/safety; this is its string-only form under the edit engine's name.
 */
import { checkPathLexically, type PathCheck } from '../safety/sensitivePaths';

export type { PathCheck, PathProblem } from '../safety/sensitivePaths';

/**
 * Resolves `path` against the workspace folders and says whether it may be written, from the
 * string alone. Where the call can be awaited, use `classifyPath` (core/safety), which also
 * follows symlinks. Relative paths resolve against the first folder, or against the folder whose
 * name is their first segment in a multi-root workspace ("api/src/x.ts" → the folder named "api").
 */
export function checkEditPath(workspaceRoots: readonly string[], path: string): PathCheck {
  return checkPathLexically(workspaceRoots, path);
}
