/**
 * What the conversation engine is given by its host. Everything that needs VS Code (modal
 * questions, the key store, the workspace) arrives as a callback, so the engine runs under plain
 * mocha against the fake xAI server.
 */
import type { AssistantToolCall, ToolSpec } from '../../api';
import type { Config } from '../../configStore';
import type { Logger } from '../../log';
import type { AttachmentView, ChatMode, ErrorAction, HostMessage } from '../../../shared/protocol';
import type { Conversation, StoredTurn } from '../conversation';
import type { HistoryStore } from '../historyStore';
import type { ContextItem } from '../prompt';
import type { SpendTracker, KeyValueStore } from '../spendTracker';
import type { ModelClient } from './modelCall';

/** Questions only the user can answer; the VS Code adapter shows them as modals. */
export interface EngineQuestions {
  /** The monthly budget is used up: send anyway? */
  confirmBudget(message: string): Promise<boolean>;
  /** A warning that needs no answer (80% of the budget). */
  warn(message: string): void;
  /**
   * Called before a request the user started goes to `baseUrl`: resolves undefined to go ahead, or
   * the reason not to (the user declined to send the key to that host). Optional: absent = go ahead.
   */
  confirmEndpoint?(baseUrl: string): Promise<{ message: string; action?: ErrorAction } | undefined>;
}

/** A tool result to send back to the model before its next call. */
export interface ToolResult {
  toolCallId: string;
  content: string;
}

/**
 * What running a step's tool calls gave: results to continue the turn with another model call;
 * undefined to end the turn after this call (propose_edits in chat: the user decides); or `stop`,
 * to end the task with that message (a looping model), with the results of what did run.
 */
export type ToolRunOutcome = ToolResult[] | undefined | { stop: string; results: ToolResult[] };

/** The tools a turn offers, and what runs them. */
export interface Toolbox {
  specs(): ToolSpec[];
  run?(calls: AssistantToolCall[], turn: StoredTurn, signal: AbortSignal, info?: { requestId?: string }): Promise<ToolRunOutcome>;
  /** Said to the model in the system prompt while these tools are offered. */
  systemNote?(): string | undefined;
  /** Tool calls the model wrote as text instead of calling them (fallback; see src/core/agent/textCalls.ts). */
  textCalls?(text: string): AssistantToolCall[];
}

/** The context chips of the next message (the VS Code adapter's ChatContext). */
export interface ChipSource {
  /** What to send (redacted) and the chips that show it. */
  items(): { items: ContextItem[]; views: AttachmentView[] };
  /** After a send from the chat view: files pinned with `@` were used up. */
  clearPinned(): void;
}

export interface EngineDeps {
  config: Config;
  /** The client for the current settings (the host rebuilds it when they change). */
  client: () => ModelClient;
  logger: Logger;
  spend: SpendTracker;
  store: HistoryStore;
  /** Small remembered values (the last open conversation); VS Code's global state. */
  state: KeyValueStore;
  hasKey: () => Promise<boolean>;
  /** Stores the chosen model (the `grok.model` setting). */
  setModel: (model: string) => Promise<void>;
  chips: ChipSource;
  questions: EngineQuestions;
  /** Names of the open workspace folders, for the system prompt. */
  workspaceName: () => string;
  /** Every message for the webview goes through here. */
  post: (message: HostMessage) => void;
  /** Removes secrets (the stored key, anything key-shaped) from text the user will see or we store. */
  scrub: (text: string) => string;
  /** The project rules (AGENTS.md, .grok/rules) for `conversationId`'s system prompt; undefined when none or removed. */
  rules?: (conversationId: string) => Promise<string | undefined>;
  /** The composer's mode (shown in the view state); default chat. */
  mode?: () => ChatMode;
  /** Tools of a chat turn; default: none. */
  toolbox?: Toolbox;
  /** After an answer ended well, with its tool calls: edit cards are made here. */
  onAnswered?: (assistant: StoredTurn, toolCalls: AssistantToolCall[], conversation: Conversation) => Promise<void>;
  newId: () => string;
  now?: () => number;
}
