/**
 * The `run_command` tool's approval: where the command would start (inside the workspace, or it is
 * refused), and the command judge's verdict turned into what the approval card shows — the
 * command, its folder, and the segment that made it ask.
 */
import type { JudgeVerdict } from '../agent/tools/types';
import type { PathFs } from '../safety';
import { apiFor, findRoot } from '../safety/workspacePath';
import { resolveCommandCwd } from './cwd';
import { judgeCommand } from './judge';
import type { ShellParser } from './shellParser';

/** The settings the judge reads on every call (`grok.agent.commands`, `grok.agent.allowedCommands`). */
export interface CommandPolicy {
  mode: 'ask' | 'auto';
  allowPrefixes: readonly string[];
  /** The shell the commands run in: the dangerous list knows POSIX shells only. */
  shell: 'posix' | 'other';
}

/** What {@link judgeAgentCommand} needs besides the call. */
export interface AgentJudgeDeps {
  parser: () => Promise<ShellParser>;
  policy: () => CommandPolicy;
  roots: () => readonly string[];
  fs: PathFs;
}

/** A folder as the card shows it: relative to its workspace folder (`.` for the folder itself). */
export function folderLabel(roots: readonly string[], cwd: string): string {
  const name = (root: string) => apiFor(root).basename(apiFor(root).resolve(root));
  const own = roots.find((r) => apiFor(r).resolve(r) === apiFor(r).resolve(cwd));
  if (own) return roots.length > 1 ? name(own) : '.';
  const found = findRoot(roots, cwd);
  if (!found) return cwd;
  return roots.length > 1 ? `${name(found.root)}/${found.relativePath}` : found.relativePath;
}

/** The verdict on `command` run in `cwd` (as the model gave it), with the task's grants. */
export async function judgeAgentCommand(command: string, cwd: string | undefined, grants: readonly string[], deps: AgentJudgeDeps): Promise<JudgeVerdict> {
  const roots = deps.roots();
  const where = await resolveCommandCwd(roots, cwd, deps.fs);
  if (!where.ok) return { decision: 'deny', reason: where.message };
  const policy = deps.policy();
  const verdict = judgeCommand(command, { mode: policy.mode, allowPrefixes: policy.allowPrefixes, taskGrants: grants, workspaceRoots: roots, cwd: where.cwd, shell: policy.shell }, await deps.parser());
  const details = [
    { label: 'Command', value: command },
    { label: 'Folder', value: folderLabel(roots, where.cwd) },
  ];
  if (verdict.decision === 'allow') return { decision: 'auto', reason: verdict.reason, details };
  if (verdict.segment && verdict.segments.length > 1) details.push({ label: 'Asks because of', value: verdict.segment.text });
  return {
    decision: 'ask',
    reason: verdict.dangerous ? `${verdict.reason} This always asks.` : verdict.reason,
    // A dangerous segment is never granted for the task: each such run is its own question.
    grants: verdict.dangerous ? [] : verdict.grants,
    details,
  };
}
