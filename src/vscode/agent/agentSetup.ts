/**
 * Builds agent mode's toolbox for the chat controller: the workspace tools, `run_command`
 * (judged by the bash grammar, run in a terminal), and the checkpoints behind Undo Task, kept in
 * the extension's global storage so they survive a reload.
 */
import type * as vscode from 'vscode';
import { AgentToolbox } from '../../core/agent/agentToolbox';
import { BUILTIN_TOOLS } from '../../core/agent/tools';
import { runCommandTool } from '../../core/agent/tools/commandTool';
import { nodeCheckpointFs, TaskCheckpoints, type CheckpointStore } from '../../core/checkpoints';
import type { Conversation } from '../../core/chat/storedFormat';
import { redactSecrets } from '../../core/chat/secrets';
import type { Config } from '../../core/configStore';
import type { Logger } from '../../core/log';
import { classifyPath, nodePathFs } from '../../core/safety';
import type { HostMessage } from '../../shared/protocol';
import type { EditCards } from '../chat/editCards';
import { openCheckpointStore } from './checkpoints';
import { vscodeCommandHost } from './commandHost';
import { workspaceFilesFor } from './taskFiles';
import { VscodeWorkspaceTools } from './workspaceTools';

export interface AgentSetupDeps {
  config: Config;
  extensionUri: vscode.Uri;
  globalStorageUri: vscode.Uri;
  cards: EditCards;
  conversation: () => Conversation;
  scrub: (text: string) => string;
  post: (message: HostMessage) => void;
  logger: Logger;
}

/** The request that started the task answered by `turnId`, cut to a terminal name's length. */
function taskLabel(conversation: Conversation, turnId: string): string | undefined {
  const index = conversation.turns.findIndex((t) => t.id === turnId);
  const request = conversation.turns[index - 1];
  if (request?.role !== 'user') return undefined;
  const line = request.text.replace(/\[scenario:[^\]]*\]\s*/g, '').split('\n')[0]?.trim() ?? '';
  return line.length > 40 ? `${line.slice(0, 39)}…` : line || undefined;
}

export function createAgentToolbox(deps: AgentSetupDeps): { toolbox: AgentToolbox; checkpoints: () => Promise<CheckpointStore> } {
  const host = new VscodeWorkspaceTools((turnId, files, options, signal) => deps.cards.proposeForAgent(turnId, files, options, signal));
  let store: Promise<CheckpointStore> | undefined;
  const checkpoints = (): Promise<CheckpointStore> => {
    store ??= openCheckpointStore(deps.globalStorageUri, deps.config.current['agent.checkpointsToKeep']).then((s) => {
      if (s.loadProblem) deps.logger.warn(`Checkpoints: ${s.loadProblem}; older tasks cannot be undone.`);
      return s;
    });
    store.catch(() => (store = undefined));
    return store;
  };
  const label = (turnId: string) => taskLabel(deps.conversation(), turnId);
  const toolbox = new AgentToolbox({
    host,
    tools: [...BUILTIN_TOOLS, runCommandTool(vscodeCommandHost(deps.extensionUri, deps.config, label))],
    approvals: () => ({ read: deps.config.current['agent.approveReads'], edit: deps.config.current['agent.approveEdits'], command: deps.config.current['agent.commands'] }),
    classify: (roots, path) => classifyPath(roots, path, nodePathFs),
    redact: (text, path) => deps.scrub(redactSecrets(text, path).text),
    post: deps.post,
    logger: deps.logger,
    writes: new TaskCheckpoints(checkpoints, workspaceFilesFor(host), nodeCheckpointFs, (turnId) => ({ conversationId: deps.conversation().id, label: label(turnId) })),
  });
  return { toolbox, checkpoints };
}
