/**
 * `run_command { command, cwd?, timeout_seconds? }`: runs a shell command in the workspace. The
 * approval is the command judge's (each segment of the line on its own, see src/core/commands);
 * the host runs it (a terminal with shell integration, or a child process) and the tool turns what
 * happened into one text that both the model and the card get: exit code, folder, output.
 */
import * as z from 'zod';
import { BoundedOutput } from '../../commands/output';
import { defineTool, type JudgeVerdict } from './types';

/** Longest timeout the model may ask for (the setting has no cap of its own below a day). */
export const MAX_COMMAND_TIMEOUT_SECONDS = 3_600;

/** The running card's text before the command printed anything. */
export const STARTING = 'Starting… (the output shows here as it comes)';

/** What the host reports about a finished (or ended) command. */
export interface CommandRun {
  exitCode: number | undefined;
  /** Escapes stripped, bounded, redacted: what the model sees. */
  output: string;
  timedOut: boolean;
  stopped: boolean;
  /** The folder it ran in, as the card shows it. */
  folder: string;
  timeoutSeconds: number;
  /** `shellIntegration`: in a terminal the user could watch; `childProcess`: without one. */
  via: 'shellIntegration' | 'childProcess';
}

/** What the command tool needs from the editor. */
export interface CommandHost {
  judge(command: string, cwd: string | undefined, grants: readonly string[]): Promise<JudgeVerdict>;
  /** Runs the command; `onOutput` gets the output as it comes (escapes stripped). Rejects when it cannot start. */
  run(request: { command: string; cwd?: string; timeoutSeconds?: number; turnId: string }, signal: AbortSignal, onOutput: (chunk: string) => void): Promise<CommandRun>;
}

const schema = z.object({
  command: z.string().trim().min(1).describe('The shell command line to run, e.g. "npm test". Runs in bash/zsh/sh (the user\'s terminal shell).'),
  cwd: z.string().trim().min(1).optional().describe('Folder to run in, relative to the workspace root; default: the workspace root.'),
  timeout_seconds: z.number().int().min(1).max(MAX_COMMAND_TIMEOUT_SECONDS).optional().describe('End the command after this many seconds (default: the user\'s setting, 120).'),
});
type Args = z.infer<typeof schema>;

/** The first line of the result: how it ended. */
export function commandOutcome(run: CommandRun): string {
  if (run.stopped) return `Stopped by the user (ran in ${run.folder}).`;
  if (run.timedOut) return `Timed out after ${run.timeoutSeconds} s and was ended (ran in ${run.folder}).`;
  if (run.exitCode === undefined) return `Ended without an exit code (ran in ${run.folder}).`;
  return `Exit code ${run.exitCode} (ran in ${run.folder}).`;
}

/** The text the model and the card get. */
export function commandResult(run: CommandRun): string {
  const output = run.output.replace(/\s+$/, '');
  return `${commandOutcome(run)}\n${output ? output : '(no output)'}`;
}

/** The tool, bound to its host. */
export function runCommandTool(host: CommandHost) {
  return defineTool<Args>({
    name: 'run_command',
    description:
      'Run a shell command in the workspace (tests, builds, linters, git status) and get its exit code and output (long output keeps its start and end). The user approves commands unless they allowed them; destructive ones always ask.',
    kind: 'command',
    schema,
    cardKeepsAll: true,
    keyArg: (a) => a.command,
    judge: (a, task) => host.judge(a.command, a.cwd, task.grants),
    async execute(a, ctx) {
      // The live view: the same head-and-tail bound as the result, so a chatty command stays cheap.
      const live = new BoundedOutput();
      // Until the first output (a fresh terminal's shell can take seconds to be ready), say so.
      ctx.progress(STARTING);
      const run = await host.run({ command: a.command, cwd: a.cwd, timeoutSeconds: a.timeout_seconds, turnId: ctx.turnId }, ctx.signal, (chunk) => {
        live.push(chunk);
        ctx.progress(live.text());
      });
      return { content: commandResult(run), isError: run.stopped || run.timedOut || run.exitCode !== 0 };
    },
  });
}
