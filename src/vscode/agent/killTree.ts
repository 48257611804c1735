/**
 * Ends a process and everything it started: SIGTERM first, SIGKILL for what is still alive after
 * a grace period. The descendants are read from `ps` (POSIX) so processes that left the group
 * are found too; on Windows `taskkill /T` walks the tree itself.
 */
import { execFile } from 'node:child_process';
import { descendantsOf, parseProcessTable } from '../../core/commands/processTree';

const GRACE_MS = 1500;

/** Whether process `pid` still runs. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone, or not ours to signal: either way nothing more to do for it.
  }
}

/** The descendants of `pid` now (empty where `ps` is missing). */
export function descendants(pid: number): Promise<number[]> {
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=,ppid='], { timeout: 5000 }, (error, stdout) => resolve(error ? [] : descendantsOf(parseProcessTable(stdout), pid)));
  });
}

/**
 * Ends `pid`'s descendants (and `pid` itself unless `keepRoot`: a terminal's shell stays). With
 * `group`, the process group `-pid` is signalled too (a child process we started detached).
 */
export async function killTree(pid: number, options: { keepRoot?: boolean; group?: boolean } = {}): Promise<void> {
  if (process.platform === 'win32') {
    await new Promise<void>((resolve) => execFile('taskkill', ['/PID', String(pid), '/T', '/F'], () => resolve()));
    return;
  }
  const targets = [...(await descendants(pid)), ...(options.keepRoot ? [] : [pid])];
  const send = (sig: NodeJS.Signals) => {
    if (options.group) signal(-pid, sig);
    for (const p of targets) signal(p, sig);
  };
  send('SIGTERM');
  const deadline = Date.now() + GRACE_MS;
  while (Date.now() < deadline && targets.some(alive)) await new Promise((r) => setTimeout(r, 50));
  if (targets.some(alive)) send('SIGKILL');
}
