/**
 * The `npm start` sandbox's own state: a scratch workspace seeded with a sample project, and the
 * record of a running instance, so a second `npm start` says what to do instead of failing late.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../realVscode/codeServer';

export const SANDBOX = join(ROOT, '.cache/sandbox');
const SAMPLE = join(ROOT, 'test/fixtures/sandbox');
const RUNNING = join(SANDBOX, 'running.json');

/** The scratch workspace; seeded from the sample project only when absent, so edits made there stay. */
export function sandboxWorkspace(): string {
  const workspace = join(SANDBOX, 'project');
  if (!existsSync(workspace)) cpSync(SAMPLE, workspace, { recursive: true });
  return workspace;
}

/** True when something accepts connections on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

interface Running {
  pid: number;
  url: string;
}

/** The sandbox started by another `npm start` that is still alive, if any. */
export function runningSandbox(): Running | undefined {
  try {
    const record = JSON.parse(readFileSync(RUNNING, 'utf8')) as Running;
    process.kill(record.pid, 0); // throws when that process is gone
    return record;
  } catch {
    return undefined;
  }
}

/** Remembers this process as the running sandbox; returns what forgets it again. */
export function recordRunning(url: string): () => void {
  writeFileSync(RUNNING, JSON.stringify({ pid: process.pid, url }));
  return () => rmSync(RUNNING, { force: true });
}

/** Why this start cannot go ahead (said before anything is changed), or undefined. */
export async function startBlocker(port: number): Promise<string | undefined> {
  const running = runningSandbox();
  if (running) return `The sandbox is already running (process ${running.pid}): open ${running.url}. Stop it with Ctrl+C in its terminal (or kill ${running.pid}) before starting another.`;
  if (await portInUse(port)) return `Port ${port} is in use by another program. Run: npm start -- --port ${port + 1}`;
  return undefined;
}
