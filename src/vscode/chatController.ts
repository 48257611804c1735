/**
 * The Chat view's adapter: builds the conversation engine (src/core/chat/engine) with what only
 * VS Code has, and routes each validated webview message to it or to the VS Code parts it needs:
 * context chips (chatContext.ts), edit cards (chat/editCards.ts), code-block and link actions
 * (chat/codeActions.ts).
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ChatEngine, type EngineQuestions, type SendOptions } from '../core/chat/engine';
import type { HistoryStore } from '../core/chat/historyStore';
import type { SpendTracker } from '../core/chat/spendTracker';
import type { Config } from '../core/configStore';
import { SERVER_TOOL_SETTING } from '../core/chat/serverToolSettings';
import type { AgentToolbox } from '../core/agent/agentToolbox';
import type { CheckpointStore } from '../core/checkpoints';
import { MODE_STATE_KEY, ModeToolbox } from '../core/agent/modeToolbox';
import { RULES_CHIP_ID } from '../core/agent/projectRules';
import { redactSecrets } from '../core/chat/secrets';
import type { Logger } from '../core/log';
import type { ChatMode, HostMessage, TurnView } from '../shared/protocol';
import { ProjectRulesSource } from './agent/projectRules';
import { createAgentToolbox } from './agent/agentSetup';
import { disposeCommandTerminals } from './agent/commandRunner';
import { undoTask } from './agent/undoTask';
import type { ChatMessageFromView } from './chatViewProvider';
import type { ApiKeyStore } from './apiKeyStore';
import { applyCode, insertCode, openLink } from './chat/codeActions';
import { EditCards } from './chat/editCards';
import type { ChatContext } from './chatContext';
import type { ClientProvider } from './clientProvider';
import type { EditFlow } from './edits/editFlow';
import { updateUserSetting } from './settings';

export type { SendOptions };

export interface ChatControllerDeps {
  config: Config;
  keyStore: ApiKeyStore;
  clients: ClientProvider;
  spend: SpendTracker;
  store: HistoryStore;
  context: ChatContext;
  logger: Logger;
  globalState: vscode.Memento;
  edits: EditFlow;
  questions: EngineQuestions;
  extensionUri: vscode.Uri;
  /** The extension's global storage: Undo Task's checkpoints live under it. */
  globalStorageUri: vscode.Uri;
  scrub: (text: string) => string;
  post: (message: HostMessage) => void;
}

export class ChatController implements vscode.Disposable {
  /** The conversation engine behind the view; editor commands send through it too. */
  readonly engine: ChatEngine;
  private readonly cards: EditCards;
  private readonly agent: AgentToolbox;
  private readonly checkpoints: () => Promise<CheckpointStore>;
  private readonly rules: ProjectRulesSource;
  private readonly notice = (level: 'info' | 'warning' | 'error', text: string) => this.deps.post({ type: 'notice', level, text: this.deps.scrub(text) });

  constructor(private readonly deps: ChatControllerDeps) {
    this.cards = new EditCards({ edits: deps.edits, post: deps.post, notice: this.notice, conversation: () => this.engine.current, save: () => this.engine.save() });
    this.rules = new ProjectRulesSource((text) => deps.scrub(redactSecrets(text).text));
    ({ toolbox: this.agent, checkpoints: this.checkpoints } = createAgentToolbox({
      config: deps.config,
      extensionUri: deps.extensionUri,
      globalStorageUri: deps.globalStorageUri,
      cards: this.cards,
      conversation: () => this.engine.current,
      scrub: deps.scrub,
      post: deps.post,
      logger: deps.logger,
    }));
    this.engine = new ChatEngine({
      config: deps.config,
      client: () => deps.clients.get(),
      logger: deps.logger,
      spend: deps.spend,
      store: deps.store,
      state: deps.globalState,
      hasKey: () => deps.keyStore.has(),
      setModel: (model) => updateUserSetting('model', model),
      chips: deps.context,
      questions: deps.questions,
      workspaceName: () => vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ') ?? '',
      post: deps.post,
      scrub: deps.scrub,
      mode: () => this.mode(),
      rules: (conversationId) => this.rules.forConversation(conversationId),
      toolbox: new ModeToolbox(() => this.mode(), this.agent),
      onAnswered: (assistant, toolCalls) => this.cards.attach(assistant, toolCalls),
      newId: randomUUID,
    });
  }

  /** The composer's mode, remembered across windows. */
  mode(): ChatMode {
    return this.deps.globalState.get<ChatMode>(MODE_STATE_KEY) === 'agent' ? 'agent' : 'chat';
  }

  lastTurn(): TurnView | undefined {
    return this.engine.lastTurn();
  }

  postState(): Promise<void> {
    return this.engine.postState();
  }

  refreshModels(): Promise<void> {
    return this.engine.refreshModels();
  }

  /** The chips changed (editor, selection, `@` pins): show them and the token meter. */
  postAttachments(): void {
    this.deps.post({ type: 'attachments', attachments: this.deps.context.views() });
    this.engine.postContextInfo();
    // The project rules' chip follows once the files are read (they rarely change; reading is cheap).
    void this.rules.chip(this.engine.current.id).then((chip) => {
      if (chip) this.deps.post({ type: 'attachments', attachments: [chip, ...this.deps.context.views()] });
    });
  }

  send(text: string, images: string[] = [], options: SendOptions = {}): Promise<void> {
    return this.engine.send(text, images, options);
  }

  async newChat(): Promise<void> {
    await this.engine.newChat();
    this.postAttachments();
  }

  /** Handles a validated message from the webview (the view provider runs `runCommand` itself). */
  async handle(message: ChatMessageFromView): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.engine.onReady();
        this.postAttachments();
        return;
      case 'send':
        return this.engine.send(message.text, message.images?.map((i) => i.dataUrl) ?? []);
      case 'stop':
        return this.engine.stop();
      case 'retry':
        return this.engine.retry(message.turnId);
      case 'editLast':
        return this.engine.editLast(message.text);
      case 'newChat':
        return this.newChat();
      case 'openConversation':
        await this.engine.open(message.conversationId);
        return this.postAttachments(); // the rules chip is per conversation
      case 'deleteConversation':
        return this.engine.deleteConversation(message.conversationId);
      case 'selectModel':
        return this.engine.selectModel(message.model);
      case 'removeAttachment':
        if (message.attachmentId !== RULES_CHIP_ID) return this.deps.context.remove(message.attachmentId);
        this.rules.remove(this.engine.current.id);
        return this.postAttachments();
      case 'searchFiles':
        this.deps.post({ type: 'fileResults', query: message.query, files: await this.deps.context.search(message.query) });
        return;
      case 'attachFile': {
        const problem = await this.deps.context.attach(message.path);
        if (problem) this.notice('warning', problem);
        return;
      }
      case 'previewEdits':
        return this.cards.action('preview', message.cardId, message.path);
      case 'applyEdits':
        return this.cards.action('apply', message.cardId);
      case 'rejectEdits':
        return this.cards.action('reject', message.cardId);
      case 'undoEdits':
        return this.cards.undo(message.cardId);
      case 'insertCode':
        return insertCode(message.code, this.notice);
      case 'applyCode':
        return applyCode(message.code, this.deps.edits, this.notice);
      case 'openLink':
        return openLink(message.href, this.notice);
      case 'approveTool':
        if (!this.agent.decide(message.cardId, message.decision)) this.notice('info', 'That step is no longer waiting for an answer.');
        return;
      case 'undoTask':
        return undoTask(message.turnId, {
          store: this.checkpoints,
          busy: () => this.engine.busy,
          turn: (turnId) => this.engine.current.turns.find((t) => t.id === turnId),
          rewind: (turnId) => this.engine.rewindTo(turnId),
          save: () => this.engine.save(),
          post: this.deps.post,
          notice: this.notice,
        });
      case 'setMode':
        await this.deps.globalState.update(MODE_STATE_KEY, message.mode);
        return this.engine.postState();
      case 'setServerTool':
        await updateUserSetting(SERVER_TOOL_SETTING[message.tool], message.enabled ? 'auto' : 'off');
        return this.engine.postState();
    }
  }

  dispose(): void {
    this.engine.dispose();
    this.cards.dispose();
    disposeCommandTerminals();
  }
}
