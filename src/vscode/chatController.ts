/**
 * The chat: one conversation at a time, its history on disk, the view's state, and what the
 * webview asks for (already validated). The parts live in src/vscode/chat/: one answer streamed
 * end to end (turnStreamer.ts), edit cards (editCards.ts), code-block and link actions
 * (codeActions.ts), session and monthly spend (spend.ts).
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { isXaiHost, type ModelInfo, type UsageRecord } from '../core/api';
import { newConversation, titleFrom, turnView, type Conversation, type StoredTurn } from '../core/chat/conversation';
import type { HistoryStore } from '../core/chat/historyStore';
import { renderContext, type ContextItem } from '../core/chat/prompt';
import { estimateTokens } from '../core/chat/tokens';
import type { Logger } from '../core/log';
import type { Task } from '../core/router';
import type { AttachmentView, HostMessage, ModelView, TurnView, ViewState, WebviewMessage } from '../shared/protocol';
import type { ApiKeyStore } from './apiKeyStore';
import { applyCode, insertCode, openLink } from './chat/codeActions';
import { EditCards } from './chat/editCards';
import { SpendTracker } from './chat/spend';
import { TurnStreamer, type TurnMeta } from './chat/turnStreamer';
import type { ChatContext } from './chatContext';
import type { ClientProvider } from './clientProvider';
import type { EditFlow } from './edits/editFlow';
import { readSettings } from './settings';

const LAST_CONVERSATION = 'grok.lastConversationId';
const NEW_CHAT = 'new';

export interface SendOptions {
  /** Context items given by the caller (an editor command's selection). */
  context?: ContextItem[];
  /** Include the chat view's context chips (default true). */
  chips?: boolean;
  task?: Task;
  /** `name@version` of the prompt template that wrote `text`, for the log. */
  template?: string;
}

export interface ChatControllerDeps {
  keyStore: ApiKeyStore;
  clients: ClientProvider;
  store: HistoryStore;
  context: ChatContext;
  logger: Logger;
  globalState: vscode.Memento;
  edits: EditFlow;
  post: (message: HostMessage) => void;
}

export class ChatController implements vscode.Disposable {
  private conversation: Conversation = newConversation(randomUUID(), Date.now());
  private models: ModelView[] = [];
  private loaded: Promise<void> | undefined;
  /** Images of user turns, in memory only: they live as long as this window's conversation, never on disk. */
  private readonly images = new Map<string, string[]>();
  /** Task and prompt template of user turns sent from editor commands (routing picks the model by task). */
  private readonly meta = new Map<string, TurnMeta>();
  private readonly spend: SpendTracker;
  private readonly streamer: TurnStreamer;
  private readonly cards: EditCards;
  private readonly notice = (level: 'info' | 'warning' | 'error', text: string) => this.deps.post({ type: 'notice', level, text });

  constructor(private readonly deps: ChatControllerDeps) {
    this.spend = new SpendTracker(deps.globalState);
    this.streamer = new TurnStreamer({ keyStore: deps.keyStore, clients: deps.clients, logger: deps.logger, spend: this.spend, post: deps.post, save: (c) => this.save(c) });
    this.cards = new EditCards({ edits: deps.edits, post: deps.post, notice: this.notice, conversation: () => this.conversation, save: () => this.save() });
  }

  /** Called for every request attempt, failures included: session totals and the monthly ledger. */
  recordUsage(record: UsageRecord): void {
    this.spend.record(record);
  }

  lastTurn(): TurnView | undefined {
    const last = this.conversation.turns.at(-1);
    return last && turnView(last);
  }

  async state(): Promise<ViewState> {
    return {
      hasApiKey: await this.deps.keyStore.has(),
      model: readSettings().model,
      models: this.models,
      session: this.spend.session,
      features: { applyCode: true },
    };
  }

  async postState(): Promise<void> {
    this.deps.post({ type: 'state', state: await this.state() });
  }

  /** The webview (re)loaded: send everything it shows. */
  async onReady(): Promise<void> {
    await this.ensureLoaded();
    await this.postState();
    this.postConversation();
    this.postAttachments();
    await this.postHistory();
    void this.refreshModels();
  }

  /** Reopens the last conversation once per window, before the first message is shown or sent. */
  private ensureLoaded(): Promise<void> {
    this.loaded ??= this.restoreLast();
    return this.loaded;
  }

  private async restoreLast(): Promise<void> {
    // Absent (fresh window storage, e.g. a new browser for VS Code in the browser): reopen the most
    // recent conversation on disk. NEW_CHAT: the user started a new chat last.
    const remembered = this.deps.globalState.get<string>(LAST_CONVERSATION);
    const id = remembered ?? (await this.deps.store.list()).summaries[0]?.id;
    if (!id || id === NEW_CHAT) return;
    const result = await this.deps.store.load(id);
    if (!result.ok) {
      if (!result.missing) this.notice('warning', result.message);
      return;
    }
    if (this.conversation.turns.length === 0) this.conversation = result.conversation;
  }

  private postConversation(): void {
    // Deltas still pending are part of the snapshot below: send them first so none arrives twice.
    this.streamer.flushPending();
    const c = this.conversation;
    this.deps.post({ type: 'conversation', conversation: { id: c.id, title: c.title, turns: c.turns.map(turnView) } });
  }

  postAttachments(): void {
    const views = this.deps.context.views();
    this.deps.post({ type: 'attachments', attachments: views });
    this.postContextInfo();
  }

  private postContextInfo(): void {
    const { model, maxOutputTokens } = readSettings();
    const { items } = this.deps.context.items();
    const history = this.conversation.turns.reduce((n, t) => n + estimateTokens(t.text) + estimateTokens(t.context?.text ?? ''), 0);
    const tokens = history + estimateTokens(renderContext(items));
    const limit = this.streamer.contextWindow(model) - Math.min(maxOutputTokens, 32_000);
    const warning = tokens > limit
      ? `About ${tokens.toLocaleString('en-US')} tokens: more than ${model} can read (${limit.toLocaleString('en-US')}). Remove attachments; the oldest messages will be left out.`
      : tokens > limit * 0.8
        ? `About ${tokens.toLocaleString('en-US')} of ${limit.toLocaleString('en-US')} tokens used.`
        : undefined;
    this.deps.post({ type: 'contextInfo', tokens, limit, warning });
  }

  private async postHistory(): Promise<void> {
    const { summaries, problems } = await this.deps.store.list();
    for (const p of problems) this.notice('warning', p);
    this.deps.post({ type: 'history', conversations: summaries });
  }

  /** Fetches the model list for the picker (cached by the client); called on open and when the key changes. */
  async refreshModels(): Promise<void> {
    if (isXaiHost(readSettings().baseUrl) && !(await this.deps.keyStore.has())) return;
    try {
      const list: ModelInfo[] = await this.deps.clients.get().listModels();
      this.models = list.map((m) => ({ id: m.id, vision: m.acceptsImages === true }));
      await this.postState();
    } catch (error) {
      this.deps.logger.warn(`Could not list models: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Handles a validated message from the webview. */
  async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.onReady();
      case 'send':
        return this.send(message.text, message.images?.map((i) => i.dataUrl) ?? []);
      case 'stop':
        this.streamer.stop();
        return;
      case 'retry':
        return this.retry(message.turnId);
      case 'editLast':
        return this.editLast(message.text);
      case 'newChat':
        return this.newChat();
      case 'openConversation':
        return this.open(message.conversationId);
      case 'deleteConversation':
        return this.deleteConversation(message.conversationId);
      case 'selectModel':
        await vscode.workspace.getConfiguration('grok').update('model', message.model, vscode.ConfigurationTarget.Global);
        return this.postState();
      case 'removeAttachment':
        this.deps.context.remove(message.attachmentId);
        return;
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
      case 'insertCode':
        return insertCode(message.code, this.notice);
      case 'applyCode':
        return applyCode(message.code, this.deps.edits, this.notice);
      case 'openLink':
        return openLink(message.href, this.notice);
      case 'runCommand':
        await vscode.commands.executeCommand(message.command);
        return;
    }
  }

  /**
   * Sends a user message. From the chat view it carries the context chips; editor commands pass
   * their own context (`chips: false`) and task, which picks the model when routing is on.
   */
  async send(text: string, images: string[] = [], options: SendOptions = {}): Promise<void> {
    await this.ensureLoaded();
    if (this.streamer.busy) {
      this.notice('info', 'Grok is still answering. Stop it first, or wait.');
      return;
    }
    const chips = options.chips === false ? { items: [], views: [] } : this.deps.context.items();
    const contextItems = [...(options.context ?? []), ...chips.items];
    const attachments: AttachmentView[] = [
      ...(options.context ?? []).map((c, i): AttachmentView => ({
        id: `cmd-${i}`,
        kind: c.kind,
        label: c.startLine ? `${c.path.split('/').pop()}:${c.startLine}-${c.endLine}` : (c.path.split('/').pop() ?? c.path),
        detail: c.path,
      })),
      ...chips.views,
    ];
    for (let i = 0; i < images.length; i++) attachments.push({ id: `img-${i}`, kind: 'image', label: `image ${i + 1}` });
    const user: StoredTurn = {
      id: randomUUID(),
      role: 'user',
      text,
      status: 'done',
      createdAt: Date.now(),
      attachments: attachments.length ? attachments : undefined,
      context: contextItems.length || images.length ? { text: renderContext(contextItems), images: images.length } : undefined,
    };
    if (this.conversation.turns.length === 0) this.conversation.title = titleFrom(text);
    this.conversation.turns.push(user);
    if (images.length) this.images.set(user.id, images);
    this.deps.post({ type: 'turnAdded', turn: turnView(user) });
    if (options.chips !== false) this.deps.context.clearPinned();
    this.meta.set(user.id, { task: options.task ?? 'chat', template: options.template });
    await this.answer(user, images);
  }

  /** Streams the assistant's answer to `user` (the last user turn), then turns its proposals into edit cards. */
  private async answer(user: StoredTurn, images: string[]): Promise<void> {
    const conversation = this.conversation;
    const { assistant, toolCalls } = await this.streamer.answer(conversation, user, images, this.meta.get(user.id));
    if (assistant.status === 'done') await this.cards.attach(assistant, toolCalls);
    await this.save(conversation);
    await this.postState();
    void this.postHistory();
  }

  private async retry(turnId: string): Promise<void> {
    if (this.streamer.busy) return;
    const turns = this.conversation.turns;
    const index = turns.findIndex((t) => t.id === turnId);
    const user = turns[index - 1];
    if (index < 0 || index !== turns.length - 1 || turns[index]?.role !== 'assistant' || user?.role !== 'user') {
      this.notice('info', 'Only the last answer can be retried.');
      return;
    }
    turns.splice(index, 1);
    this.deps.post({ type: 'turnRemoved', turnId });
    await this.answer(user, this.images.get(user.id) ?? []);
  }

  private async editLast(text: string): Promise<void> {
    if (this.streamer.busy) return;
    const turns = this.conversation.turns;
    const index = turns.map((t) => t.role).lastIndexOf('user');
    const last = turns[index];
    if (!last) return this.send(text);
    for (const t of turns.splice(index)) this.deps.post({ type: 'turnRemoved', turnId: t.id });
    const user: StoredTurn = { ...last, id: randomUUID(), text, createdAt: Date.now() };
    const images = this.images.get(last.id) ?? [];
    if (images.length) this.images.set(user.id, images);
    const meta = this.meta.get(last.id);
    if (meta) this.meta.set(user.id, meta);
    if (index === 0) this.conversation.title = titleFrom(text);
    turns.push(user);
    this.deps.post({ type: 'turnAdded', turn: turnView(user) });
    await this.answer(user, images);
  }

  async newChat(): Promise<void> {
    this.streamer.stop();
    this.conversation = newConversation(randomUUID(), Date.now());
    await this.deps.globalState.update(LAST_CONVERSATION, NEW_CHAT);
    this.postConversation();
    this.postAttachments();
  }

  private async open(id: string): Promise<void> {
    this.streamer.stop();
    const result = await this.deps.store.load(id);
    if (!result.ok) {
      this.notice('warning', result.missing ? 'That conversation no longer exists.' : result.message);
      return this.postHistory();
    }
    this.conversation = result.conversation;
    await this.deps.globalState.update(LAST_CONVERSATION, id);
    this.postConversation();
    this.postContextInfo();
  }

  private async deleteConversation(id: string): Promise<void> {
    await this.deps.store.delete(id);
    if (id === this.conversation.id) await this.newChat();
    await this.postHistory();
  }

  /** Saves a conversation (by default the open one; a turn still streaming saves its own). */
  private async save(c: Conversation = this.conversation): Promise<void> {
    if (c.turns.length === 0) return;
    c.updatedAt = Date.now();
    try {
      await this.deps.store.save(c);
      if (c === this.conversation) await this.deps.globalState.update(LAST_CONVERSATION, c.id);
    } catch (error) {
      this.deps.logger.error(`Could not save the conversation: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.streamer.stop();
    this.cards.dispose();
  }
}
