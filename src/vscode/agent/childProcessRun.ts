/**
 * Runs a command as a child process of the extension host: used where the terminal has no shell
 * integration (or it did not start in time). The user's shell runs it (`$SHELL -c`, `cmd /c` on
 * Windows) in its own process group, so Stop and the timeout end the command and all it started.
 */
import { spawn } from 'node:child_process';
import { killTree } from './killTree';

/** How one run ended. */
export interface RunEnd {
  exitCode: number | undefined;
  /** The signal that ended it, when one did. */
  signal?: string;
  /** The shell's process id (for tests that check it is gone). */
  pid?: number;
}

/** The shell and its arguments for `command` on this platform. */
export function shellFor(command: string): { file: string; args: string[] } {
  if (process.platform === 'win32') return { file: process.env.ComSpec ?? 'cmd.exe', args: ['/d', '/s', '/c', command] };
  return { file: process.env.SHELL || '/bin/sh', args: ['-c', command] };
}

/** Runs `command`, streaming stdout and stderr (as they come, interleaved) to `onData`; `stop` ends it. */
export function runChildProcess(command: string, options: { cwd: string; env?: Record<string, string> }, stop: AbortSignal, onData: (text: string) => void): Promise<RunEnd> {
  return new Promise((resolve, reject) => {
    const { file, args } = shellFor(command);
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      // Its own process group: `kill(-pid)` reaches everything the command starts.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const decoderOut = new TextDecoder();
    const decoderErr = new TextDecoder();
    child.stdout.on('data', (b: Buffer) => onData(decoderOut.decode(b, { stream: true })));
    child.stderr.on('data', (b: Buffer) => onData(decoderErr.decode(b, { stream: true })));
    const onStop = () => {
      if (child.pid !== undefined) void killTree(child.pid, { group: true });
    };
    stop.addEventListener('abort', onStop, { once: true });
    if (stop.aborted) onStop();
    child.on('error', (error) => {
      stop.removeEventListener('abort', onStop);
      reject(error);
    });
    let settled = false;
    const finish = (code: number | null, sig: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      stop.removeEventListener('abort', onStop);
      onData(decoderOut.decode() + decoderErr.decode());
      resolve({ exitCode: code ?? undefined, signal: sig ?? undefined, pid: child.pid });
    };
    child.on('close', finish);
    // A process left running in the background keeps the pipes open: once the shell has exited,
    // wait briefly for the last output, then report (the pipes are closed on our side).
    child.on('exit', (code, sig) => {
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, sig);
      }, 1000).unref();
    });
  });
}
