/**
 * Runs a command in a VS Code terminal through shell integration, so the user watches it live:
 * `executeCommand` starts it, `execution.read()` streams what it prints, the end event carries
 * the exit code. Stop sends Ctrl+C, then ends whatever the shell's children still run.
 */
import * as vscode from 'vscode';
import type { RunEnd } from './childProcessRun';
import { killTree } from './killTree';

/** After Stop, how long to wait for the shell to report the end before giving up on it. */
const END_AFTER_STOP_MS = 3000;
/** When, after Stop, the shell's children are ended (again): at once, then twice more. */
const SWEEP_AFTER_STOP_MS = [0, 400, 1200];

/** The terminal's shell integration once it is active, or undefined if it is not within `ms`. */
export function waitForShellIntegration(terminal: vscode.Terminal, ms: number): Promise<vscode.TerminalShellIntegration | undefined> {
  if (terminal.shellIntegration) return Promise.resolve(terminal.shellIntegration);
  return new Promise((resolve) => {
    const done = (value: vscode.TerminalShellIntegration | undefined) => {
      clearTimeout(timer);
      sub.dispose();
      closed.dispose();
      resolve(value);
    };
    const timer = setTimeout(() => done(terminal.shellIntegration), ms);
    const sub = vscode.window.onDidChangeTerminalShellIntegration((e) => {
      if (e.terminal === terminal) done(e.shellIntegration);
    });
    const closed = vscode.window.onDidCloseTerminal((t) => {
      if (t === terminal) done(undefined);
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Runs `command` in `terminal`; resolves once the shell reports its end (or it was stopped). */
export async function runInTerminal(terminal: vscode.Terminal, integration: vscode.TerminalShellIntegration, command: string, stop: AbortSignal, onData: (text: string) => void): Promise<RunEnd> {
  const execution = integration.executeCommand(command);
  let exitCode: number | undefined;
  const listeners: vscode.Disposable[] = [];
  const ended = new Promise<void>((resolve) => {
    listeners.push(
      vscode.window.onDidEndTerminalShellExecution((e) => {
        if (e.execution !== execution) return;
        exitCode = e.exitCode;
        resolve();
      }),
      vscode.window.onDidCloseTerminal((t) => {
        if (t === terminal) resolve();
      }),
    );
  });
  // read() must be called right away, or the first output is missed.
  const reading = (async () => {
    for await (const data of execution.read()) onData(data);
  })().catch(() => undefined);
  const shellPid = await terminal.processId;
  const onStop = () => {
    terminal.sendText('\x03', false);
    if (shellPid === undefined) return;
    // Stop can come while the shell is still starting the command: sweep again for a child that
    // appears a moment later.
    void (async () => {
      for (const wait of SWEEP_AFTER_STOP_MS) {
        await delay(wait);
        await killTree(shellPid, { keepRoot: true });
      }
    })();
  };
  stop.addEventListener('abort', onStop, { once: true });
  if (stop.aborted) onStop();
  try {
    // Once stopped, the shell may never report the end (it was busy or killed): do not wait forever.
    const stopped = new Promise<void>((resolve) => {
      if (stop.aborted) void delay(END_AFTER_STOP_MS).then(resolve);
      else stop.addEventListener('abort', () => void delay(END_AFTER_STOP_MS).then(resolve), { once: true });
    });
    await Promise.race([ended, stopped]);
    // The end event can arrive before the last chunk has been read.
    await Promise.race([reading, delay(500)]);
  } finally {
    stop.removeEventListener('abort', onStop);
    for (const l of listeners) l.dispose();
  }
  return { exitCode, pid: shellPid };
}
