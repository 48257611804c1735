/**
 * `run_command` for the agent: runs a command in a terminal named for the task through shell
 * integration (the user watches it live), or, where the terminal has no shell integration or it
 * is not active within a few seconds, as a child process with the same folder and environment.
 * Either way the output is streamed, stripped of terminal escapes, bounded and redacted, and Stop
 * or the timeout end the command and every process it started.
 */
import * as vscode from 'vscode';
import { resolveCommandCwd } from '../../core/commands/cwd';
import { AnsiStripper, BoundedOutput, outputForModel, type OutputLimits } from '../../core/commands/output';
import { nodePathFs } from '../../core/safety';
import { fileWorkspaceRoots } from '../edits/workspacePaths';
import { runChildProcess, type RunEnd } from './childProcessRun';
import { runInTerminal, waitForShellIntegration } from './terminalRun';

/** One command to run. */
export interface RunCommandRequest {
  command: string;
  /** Where to run it: absolute, or relative to the workspace; must resolve inside the workspace. */
  cwd?: string;
  timeoutMs: number;
  /** Added to the environment the command inherits. */
  env?: Record<string, string>;
  /** The terminal's name, e.g. "Grok: fix the tests" (default "Grok"). */
  terminalName?: string;
  /**
   * How long a new terminal may take to report shell integration before the command runs as a
   * child process instead (default 10 s: a fresh shell with a heavy profile can take 5 s).
   */
  shellIntegrationTimeoutMs?: number;
  /** Wait for shell integration even in a shell VS Code does not integrate (tests of the fallback). */
  expectIntegration?: boolean;
  /** The terminal's shell (default: the user's). */
  shellPath?: string;
  /** `false` runs it as a child process straight away. */
  useTerminal?: boolean;
  /** Head and tail kept of the output (characters). */
  outputLimits?: OutputLimits;
}

/** How it went. `output` is what the model and the card both show. */
export interface RunCommandResult {
  /** Undefined when it was stopped, killed by a signal, or the shell did not report one. */
  exitCode: number | undefined;
  output: string;
  timedOut: boolean;
  stopped: boolean;
  via: 'shellIntegration' | 'childProcess';
  /** The folder it ran in (absolute). */
  cwd: string;
  /** Secrets removed from `output`. */
  redactedSecrets: number;
  /** The child process's, or the terminal shell's, process id. */
  pid?: number;
}

/** The shells VS Code injects its shell integration into. */
const INTEGRATED_SHELLS = /^(bash|zsh|fish|pwsh|powershell)$/;

/**
 * Whether a terminal with this shell can report shell integration: VS Code injects it into bash,
 * zsh, fish and PowerShell unless `terminal.integrated.shellIntegration.enabled` is off. For sh,
 * dash, cmd and the rest there is nothing to wait for.
 */
export function expectsShellIntegration(shellPath: string | undefined): boolean {
  if (!vscode.workspace.getConfiguration('terminal.integrated').get<boolean>('shellIntegration.enabled', true)) return false;
  const shell = shellPath || vscode.env.shell;
  if (!shell) return true;
  const name = (shell.split(/[\\/]/).pop() ?? shell).toLowerCase().replace(/\.exe$/, '');
  return INTEGRATED_SHELLS.test(name);
}

/** Terminals this module created and may reuse, and shells seen without integration this session. */
const terminals = new Set<{ terminal: vscode.Terminal; key: string; busy: boolean }>();
const withoutIntegration = new Set<string>();
let closeListener: vscode.Disposable | undefined;

/** Closes the terminals this module opened and stops listening (for the extension's subscriptions). */
export function disposeCommandTerminals(): void {
  closeListener?.dispose();
  closeListener = undefined;
  for (const entry of terminals) entry.terminal.dispose();
  terminals.clear();
}

function terminalKey(request: RunCommandRequest, cwd: string): string {
  return JSON.stringify([request.terminalName ?? 'Grok', cwd, request.env ?? {}, request.shellPath ?? '']);
}

/** An idle terminal of ours with the same name, folder and environment, or a new one. */
function terminalFor(request: RunCommandRequest, cwd: string): { terminal: vscode.Terminal; key: string; busy: boolean } {
  closeListener ??= vscode.window.onDidCloseTerminal((t) => {
    for (const entry of terminals) if (entry.terminal === t) terminals.delete(entry);
  });
  const key = terminalKey(request, cwd);
  for (const entry of terminals) {
    // A shell that `cd`-ed elsewhere during an earlier command is not reused.
    const here = entry.terminal.shellIntegration?.cwd?.fsPath;
    if (entry.key === key && !entry.busy && entry.terminal.exitStatus === undefined && (here === undefined || here === cwd)) return entry;
  }
  const terminal = vscode.window.createTerminal({ name: request.terminalName ?? 'Grok', cwd, env: request.env, shellPath: request.shellPath, iconPath: new vscode.ThemeIcon('terminal') });
  const entry = { terminal, key, busy: false };
  terminals.add(entry);
  return entry;
}

/**
 * Runs `request.command`; `signal` is Stop. `onOutput` receives the output as it comes, escape
 * sequences removed (not yet bounded or redacted: for the live view only). Rejects only when the
 * folder is not allowed or the process cannot start.
 */
export async function runCommand(request: RunCommandRequest, signal: AbortSignal, onOutput: (chunk: string) => void): Promise<RunCommandResult> {
  const where = await resolveCommandCwd(fileWorkspaceRoots(), request.cwd, nodePathFs);
  if (!where.ok) throw new Error(where.message);
  const cwd = where.cwd;

  const stop = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The timeout counts from the command's start: waiting for a terminal's shell is not its time.
  const startTimer = () => {
    timer ??= setTimeout(() => {
      timedOut = true;
      stop.abort();
    }, request.timeoutMs);
  };
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) stop.abort();

  const stripper = new AnsiStripper();
  const bounded = new BoundedOutput(request.outputLimits);
  const onData = (data: string) => {
    const clean = stripper.push(data);
    if (!clean) return;
    bounded.push(clean);
    onOutput(clean);
  };

  try {
    let end: RunEnd | undefined;
    let via: RunCommandResult['via'] = 'childProcess';
    const shellKey = request.shellPath ?? '';
    const expected = request.expectIntegration ?? expectsShellIntegration(request.shellPath);
    if (request.useTerminal !== false && expected && !withoutIntegration.has(shellKey) && !stop.signal.aborted) {
      const entry = terminalFor(request, cwd);
      entry.terminal.show(true);
      const integration = await waitForShellIntegration(entry.terminal, request.shellIntegrationTimeoutMs ?? 10_000);
      if (integration && !stop.signal.aborted) {
        via = 'shellIntegration';
        entry.busy = true;
        startTimer();
        try {
          end = await runInTerminal(entry.terminal, integration, request.command, stop.signal, onData);
        } finally {
          entry.busy = false;
          // A stopped command's terminal stays open to read, but is not reused: its shell may still
          // be ending what the command started.
          if (stop.signal.aborted) terminals.delete(entry);
        }
      } else if (!integration) {
        // This shell has no integration (or it is off): do not wait for it again this session.
        withoutIntegration.add(shellKey);
        terminals.delete(entry);
        entry.terminal.dispose();
      }
    }
    if (!end) startTimer();
    end ??= stop.signal.aborted ? { exitCode: undefined } : await runChildProcess(request.command, { cwd, env: request.env }, stop.signal, onData);
    const tail = stripper.flush();
    if (tail) onData(tail);
    const { text, redacted } = outputForModel(bounded.text());
    const stopped = stop.signal.aborted;
    return { exitCode: stopped ? undefined : end.exitCode, output: text, timedOut, stopped: stopped && !timedOut, via, cwd, redactedSecrets: redacted, pid: end.pid };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/** Forgets which shells lacked integration (tests; a settings change). */
export function resetShellIntegrationMemory(): void {
  withoutIntegration.clear();
}
