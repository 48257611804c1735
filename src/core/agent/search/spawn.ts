/**
 * Running a program and reading its output line by line, as an injected function: the extension
 * and the bench use {@link nodeSpawn}; tests may pass a fake. Never blocks: output is streamed and
 * the process is killed as soon as the caller has enough or the signal aborts.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running process: its stdout lines, a way to end it early, and how it ended. */
export interface LineProcess {
  lines: AsyncIterable<string>;
  kill(): void;
  done: Promise<{ code: number | null; stderr: string }>;
}

export type Spawn = (command: string, args: readonly string[], options: { cwd: string; signal: AbortSignal }) => LineProcess;

/** Most stderr kept for an error message. */
const STDERR_CHARS = 2_000;

/** {@link Spawn} with node's child_process (no shell: arguments are passed as they are). */
export const nodeSpawn: Spawn = (command, args, options) => {
  const child = spawn(command, [...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < STDERR_CHARS) stderr += chunk;
  });
  const kill = (): void => {
    if (child.exitCode === null && !child.killed) child.kill();
  };
  options.signal.addEventListener('abort', kill, { once: true });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: -1, stderr: error.message }));
    child.on('close', (code) => {
      options.signal.removeEventListener('abort', kill);
      resolve({ code, stderr });
    });
  });
  return { lines: createInterface({ input: child.stdout, crlfDelay: Infinity }), kill, done };
};
