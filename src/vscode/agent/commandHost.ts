/**
 * `run_command`'s host: judges a command with the bundled bash grammar and the user's settings
 * (core's judgeAgentCommand), and runs it in a terminal named for the task (commandRunner.ts).
 */
import * as vscode from 'vscode';
import type { CommandHost, CommandRun } from '../../core/agent/tools/commandTool';
import { folderLabel, judgeAgentCommand } from '../../core/commands/agentJudge';
import { shellKind } from '../../core/commands/wrappers';
import type { Config } from '../../core/configStore';
import { nodePathFs } from '../../core/safety';
import { fileWorkspaceRoots } from '../edits/workspacePaths';
import { runCommand } from './commandRunner';
import { bundledShellParser } from './shellParser';

/**
 * The host for {@link runCommandTool}. `taskLabel` names the terminal after the task's request
 * ("Grok: fix the failing test").
 */
export function vscodeCommandHost(extensionUri: vscode.Uri, config: Config, taskLabel: (turnId: string) => string | undefined): CommandHost {
  return {
    judge: (command, cwd, grants) =>
      judgeAgentCommand(command, cwd, grants, {
        parser: () => bundledShellParser(extensionUri),
        policy: () => ({ mode: config.current['agent.commands'], allowPrefixes: config.current['agent.allowedCommands'], shell: shellKind(vscode.env.shell || '/bin/sh') }),
        roots: fileWorkspaceRoots,
        fs: nodePathFs,
      }),
    async run(request, signal, onOutput): Promise<CommandRun> {
      const timeoutSeconds = request.timeoutSeconds ?? config.current['agent.commandTimeoutSeconds'];
      const label = taskLabel(request.turnId);
      const result = await runCommand(
        { command: request.command, cwd: request.cwd, timeoutMs: timeoutSeconds * 1000, terminalName: label ? `Grok: ${label}` : 'Grok' },
        signal,
        onOutput,
      );
      return {
        exitCode: result.exitCode,
        output: result.output,
        timedOut: result.timedOut,
        stopped: result.stopped,
        folder: folderLabel(fileWorkspaceRoots(), result.cwd),
        timeoutSeconds,
        via: result.via,
      };
    },
  };
}
