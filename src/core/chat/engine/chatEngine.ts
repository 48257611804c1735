/**
 * The conversation engine: one conversation at a time, its history on disk, the view's state, and
 * the conversation surgery behind send, retry, edit-and-resend, new chat, open and delete. It posts
 * typed messages for the webview and asks its host for anything that needs the editor. One answer
 * is streamed at a time by its {@link TurnRunner}.
 */
import { isXaiHost, type ModelInfo } from '../../api';
import { resolveEndpoint } from '../../api';
import { serverToolsState } from '../serverToolSettings';
import { keyProblem } from '../../apiKey';
import type { Task } from '../../router';
import { checkBaseUrl } from '../../trust/baseUrl';
import type { AttachmentView, ModelView, TurnView, ViewState } from '../../../shared/protocol';
import { newConversation, titleFrom, turnView, type Conversation, type StoredTurn } from '../conversation';
import { modelView } from '../modelView';
import { renderContext, type ContextItem } from '../prompt';
import { contextInfo } from './contextInfo';
import type { EngineDeps } from './deps';
import { TurnRunner, type TurnMeta } from './turnRunner';

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

export class ChatEngine {
  private conversation: Conversation;
  private models: ModelView[] = [];
  private loaded: Promise<void> | undefined;
  /** Images of user turns, in memory only: they live as long as this window's conversation, never on disk. */
  private readonly images = new Map<string, string[]>();
  /** Task and prompt template of user turns sent from editor commands (routing picks the model by task). */
  private readonly meta = new Map<string, TurnMeta>();
  private readonly runner: TurnRunner;

  constructor(private readonly deps: EngineDeps) {
    this.conversation = newConversation(deps.newId(), this.now());
    this.runner = new TurnRunner(deps, (c) => this.save(c));
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private notice(level: 'info' | 'warning' | 'error', text: string): void {
    this.deps.post({ type: 'notice', level, text: this.deps.scrub(text) });
  }

  /** The open conversation (edit cards look their proposals up in it). */
  get current(): Conversation {
    return this.conversation;
  }

  get busy(): boolean {
    return this.runner.busy;
  }

  lastTurn(): TurnView | undefined {
    const last = this.conversation.turns.at(-1);
    return last && turnView(last);
  }

  async state(): Promise<ViewState> {
    const { baseUrl, model } = this.deps.config.current;
    return {
      needsApiKey: keyProblem(baseUrl, await this.deps.hasKey(), isXaiHost) !== undefined,
      model,
      models: this.models,
      session: this.deps.spend.session,
      serverTools: serverToolsState(this.deps.config.current, resolveEndpoint(this.deps.config.current.api, baseUrl)),
      mode: this.deps.mode?.() ?? 'chat',
    };
  }

  async postState(): Promise<void> {
    this.deps.post({ type: 'state', state: await this.state() });
  }

  /** The webview (re)loaded: send everything it shows but the chips (the host posts those). */
  async onReady(): Promise<void> {
    await this.ensureLoaded();
    await this.postState();
    this.postConversation();
    this.postContextInfo();
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
    const remembered = this.deps.state.get<string>(LAST_CONVERSATION);
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
    this.runner.flushPending();
    const c = this.conversation;
    this.deps.post({ type: 'conversation', conversation: { id: c.id, title: c.title, turns: c.turns.map(turnView) } });
  }

  /** The token meter for the conversation plus the chips now attached. */
  postContextInfo(): void {
    const { model, maxOutputTokens } = this.deps.config.current;
    const pending = renderContext(this.deps.chips.items().items);
    this.deps.post(contextInfo(this.conversation.turns, pending, model, this.runner.contextWindow(model), maxOutputTokens));
  }

  private async postHistory(): Promise<void> {
    const { summaries, problems } = await this.deps.store.list();
    for (const p of problems) this.notice('warning', p);
    this.deps.post({ type: 'history', conversations: summaries });
  }

  /** Fetches the model list for the picker (cached by the client); on open and when the key changes. */
  async refreshModels(): Promise<void> {
    const { baseUrl } = this.deps.config.current;
    if (!checkBaseUrl(baseUrl).ok || keyProblem(baseUrl, await this.deps.hasKey(), isXaiHost)) return;
    try {
      const list: ModelInfo[] = await this.deps.client().listModels();
      this.models = list.map((m) => modelView(m, this.runner.contextWindow(m.id)));
      await this.postState();
    } catch (error) {
      this.deps.logger.warn(`Could not list models: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async selectModel(model: string): Promise<void> {
    await this.deps.setModel(model);
    await this.postState();
    this.postContextInfo();
  }

  /** Stops the answer being streamed; it keeps what arrived. */
  stop(): void {
    this.runner.stop();
  }

  /**
   * Sends a user message. From the chat view it carries the context chips; editor commands pass
   * their own context (`chips: false`) and task, which picks the model when routing is on.
   */
  async send(text: string, images: string[] = [], options: SendOptions = {}): Promise<void> {
    await this.ensureLoaded();
    if (this.runner.busy) {
      this.notice('info', 'Grok is still answering. Stop it first, or wait.');
      return;
    }
    const chips = options.chips === false ? { items: [], views: [] } : this.deps.chips.items();
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
      id: this.deps.newId(),
      role: 'user',
      text,
      status: 'done',
      createdAt: this.now(),
      attachments: attachments.length ? attachments : undefined,
      context: contextItems.length || images.length ? { text: renderContext(contextItems), images: images.length } : undefined,
    };
    if (this.conversation.turns.length === 0) this.conversation.title = titleFrom(text);
    this.conversation.turns.push(user);
    if (images.length) this.images.set(user.id, images);
    this.deps.post({ type: 'turnAdded', turn: turnView(user) });
    if (options.chips !== false) this.deps.chips.clearPinned();
    this.meta.set(user.id, { task: options.task ?? 'chat', template: options.template });
    await this.answer(user, images);
  }

  /** Streams the answer to `user` (the last user turn), saves, and updates state and history. */
  private async answer(user: StoredTurn, images: string[]): Promise<void> {
    const conversation = this.conversation;
    await this.runner.answer(conversation, user, images, this.meta.get(user.id));
    await this.save(conversation);
    await this.postState();
    this.postContextInfo();
    void this.postHistory();
  }

  /**
   * Keeps an editor command's exchange that produced no edit in the open conversation (shown and
   * saved), so the user can read Grok's answer and follow up. `note` says why nothing was previewed.
   */
  async addExchange(request: string, answer: string, note: string): Promise<void> {
    await this.ensureLoaded();
    if (this.runner.busy) return;
    const user: StoredTurn = { id: this.deps.newId(), role: 'user', text: request, status: 'done', createdAt: this.now() };
    const assistant: StoredTurn = { id: this.deps.newId(), role: 'assistant', text: answer, status: 'done', createdAt: this.now(), note: this.deps.scrub(note) };
    if (this.conversation.turns.length === 0) this.conversation.title = titleFrom(request);
    this.conversation.turns.push(user, assistant);
    this.deps.post({ type: 'turnAdded', turn: turnView(user) });
    this.deps.post({ type: 'turnAdded', turn: turnView(assistant) });
    await this.save();
    this.postContextInfo();
    void this.postHistory();
  }

  /** Answers the last user message again, in place of the last answer. */
  async retry(turnId: string): Promise<void> {
    if (this.runner.busy) return;
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

  /** Replaces the last user message (and what answered it) with `text`, keeping its context and images. */
  async editLast(text: string): Promise<void> {
    if (this.runner.busy) return;
    const turns = this.conversation.turns;
    const index = turns.map((t) => t.role).lastIndexOf('user');
    const last = turns[index];
    if (!last) return this.send(text);
    for (const t of turns.splice(index)) this.deps.post({ type: 'turnRemoved', turnId: t.id });
    const user: StoredTurn = { ...last, id: this.deps.newId(), text, createdAt: this.now() };
    const images = this.images.get(last.id) ?? [];
    if (images.length) this.images.set(user.id, images);
    const meta = this.meta.get(last.id);
    if (meta) this.meta.set(user.id, meta);
    if (index === 0) this.conversation.title = titleFrom(text);
    turns.push(user);
    this.deps.post({ type: 'turnAdded', turn: turnView(user) });
    await this.answer(user, images);
  }

  /**
   * Takes the open conversation back to before the answer `turnId`: that answer, the request it
   * answered and everything after are removed. False when the turn is not in the open conversation.
   */
  async rewindTo(turnId: string): Promise<boolean> {
    if (this.runner.busy) return false;
    const turns = this.conversation.turns;
    const index = turns.findIndex((t) => t.id === turnId);
    if (index < 0) return false;
    const request = turns[index - 1]?.role === 'user' ? turns[index - 1] : undefined;
    for (const t of turns.splice(request ? index - 1 : index)) this.deps.post({ type: 'turnRemoved', turnId: t.id });
    // The request goes back into the composer, to send again or change.
    if (request) this.deps.post({ type: 'setInput', text: request.text });
    // Nothing left: the stored copy goes too (an empty conversation is never saved).
    if (turns.length === 0) await this.deps.store.delete(this.conversation.id);
    else await this.save();
    await this.postState();
    this.postContextInfo();
    void this.postHistory();
    return true;
  }

  async newChat(): Promise<void> {
    this.runner.stop();
    this.conversation = newConversation(this.deps.newId(), this.now());
    this.deps.spend.resetSession();
    await this.deps.state.update(LAST_CONVERSATION, NEW_CHAT);
    this.postConversation();
    this.postContextInfo();
    await this.postState();
  }

  async open(id: string): Promise<void> {
    this.runner.stop();
    const result = await this.deps.store.load(id);
    if (!result.ok) {
      this.notice('warning', result.missing ? 'That conversation no longer exists.' : result.message);
      return this.postHistory();
    }
    this.conversation = result.conversation;
    await this.deps.state.update(LAST_CONVERSATION, id);
    this.postConversation();
    this.postContextInfo();
  }

  async deleteConversation(id: string): Promise<void> {
    await this.deps.store.delete(id);
    if (id === this.conversation.id) await this.newChat();
    await this.postHistory();
  }

  /** Saves a conversation (by default the open one; a turn still streaming saves its own). */
  async save(c: Conversation = this.conversation): Promise<void> {
    if (c.turns.length === 0) return;
    c.updatedAt = this.now();
    try {
      await this.deps.store.save(c);
      if (c === this.conversation) await this.deps.state.update(LAST_CONVERSATION, c.id);
    } catch (error) {
      this.deps.logger.error(`Could not save the conversation: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.runner.stop();
  }
}
