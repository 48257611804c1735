/**
 * The composer's Chat / Agent switch as one toolbox for the engine: Chat offers propose_edits only
 * (the user decides after the answer, as before agent mode); Agent offers the workspace tools and
 * runs them inside the turn. The mode is read once per turn, when the engine asks for the specs.
 */
import type { AssistantToolCall, ToolSpec } from '../api';
import type { ToolRunOutcome, Toolbox } from '../chat/engine/deps';
import type { StoredTurn } from '../chat/storedFormat';
import { proposeEditsTool } from '../edits/schema';
import type { ChatMode } from '../../shared/protocol';

/** The state key of the remembered mode. */
export const MODE_STATE_KEY = 'grok.chatMode';

export class ModeToolbox implements Toolbox {
  private turnMode: ChatMode = 'chat';

  constructor(
    private readonly mode: () => ChatMode,
    private readonly agent: Required<Pick<Toolbox, 'run' | 'systemNote' | 'textCalls'>> & Toolbox,
  ) {}

  specs(): ToolSpec[] {
    this.turnMode = this.mode();
    return this.turnMode === 'agent' ? this.agent.specs() : [proposeEditsTool()];
  }

  systemNote(): string | undefined {
    return this.turnMode === 'agent' ? this.agent.systemNote() : undefined;
  }

  textCalls(text: string): AssistantToolCall[] {
    return this.turnMode === 'agent' ? this.agent.textCalls(text) : [];
  }

  run(calls: AssistantToolCall[], turn: StoredTurn, signal: AbortSignal, info?: { requestId?: string }): Promise<ToolRunOutcome> {
    return this.turnMode === 'agent' ? this.agent.run(calls, turn, signal, info) : Promise.resolve(undefined);
  }
}
