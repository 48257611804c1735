import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { isGrokApiError, isXaiHost, type AssistantToolCall, type ModelInfo, type UsageRecord } from '../core/api';
import { checkEditPath, combineProposals, extractProposals, parseProposeEditsArgs, PROPOSE_EDITS_TOOL_NAME, proposeEditsTool, type FileChange } from '../core/edits';
import { addSpend, checkBudget, currentLedger, type SpendLedger } from '../core/chat/budget';
import { editCardView, newConversation, titleFrom, turnView, type Conversation, type StoredEditCard, type StoredTurn } from '../core/chat/conversation';
import { DeltaBatcher } from '../core/chat/deltaBatcher';
import { classifyLink } from '../core/chat/links';
import type { HistoryStore } from '../core/chat/historyStore';
import { buildPrompt, renderContext, type ContextItem } from '../core/chat/prompt';
import { contextWindowFor, estimateTokens } from '../core/chat/tokens';
import type { Logger } from '../core/log';
import { chatSystemPrompt } from '../core/prompts/chatSystem';
import { routeModel, type Task } from '../core/router';
import { renderTemplate, templateId } from '../core/prompts/template';
import type { AttachmentView, HostMessage, ModelView, TurnView, UsageView, ViewState, WebviewMessage } from '../shared/protocol';
import type { ApiKeyStore } from './apiKeyStore';
import type { ChatContext } from './chatContext';
import type { ClientProvider } from './clientProvider';
import type { EditFlow, SessionReport } from './edits/editFlow';
import { readSettings } from './settings';

const LAST_CONVERSATION = 'grok.lastConversationId';
const LEDGER = 'grok.spendLedger';
const NEW_CHAT = 'new';
/** How often an answer being streamed is saved, so a crash or reload keeps it. */
const SAVE_INTERVAL_MS = 1_000;

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

interface ActiveTurn {
  turn: StoredTurn;
  abort: AbortController;
  batcher: DeltaBatcher;
}

function usageView(u: UsageRecord): UsageView {
  return {
    model: u.model,
    promptTokens: u.promptTokens,
    completionTokens: u.completionTokens,
    reasoningTokens: u.reasoningTokens,
    cachedTokens: u.cachedTokens,
    totalTokens: u.totalTokens,
    costUsd: u.costUsd,
    latencyMs: u.latencyMs,
  };
}

/**
 * The chat: one conversation at a time, streamed through the client, saved as it arrives.
 * Everything the webview asks for arrives here already validated.
 */
export class ChatController implements vscode.Disposable {
  private conversation: Conversation = newConversation(randomUUID(), Date.now());
  private active: ActiveTurn | undefined;
  private models: ModelView[] = [];
  private session = { tokens: 0, costUsd: 0 };
  /** Context windows learned from response headers, per served model. */
  private readonly learnedContext = new Map<string, number>();
  private loaded: Promise<void> | undefined;
  /** Images of user turns, in memory only: they live as long as this window's conversation, never on disk. */
  private readonly images = new Map<string, string[]>();
  /** Task and prompt template of user turns sent from editor commands (routing picks the model by task). */
  private readonly meta = new Map<string, { task: Task; template?: string }>();

  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: ChatControllerDeps) {
    this.subscriptions = [deps.edits.onDidChange((report) => void this.onEditReport(report))];
  }

  /** Called for every request attempt, failures included: session totals and the monthly ledger. */
  recordUsage(record: UsageRecord): void {
    this.session.tokens += record.totalTokens;
    this.session.costUsd += record.costUsd ?? 0;
    const ledger = addSpend(this.ledger(), record.costUsd);
    void this.deps.globalState.update(LEDGER, ledger);
  }

  private ledger(): SpendLedger {
    return currentLedger(this.deps.globalState.get<SpendLedger>(LEDGER), new Date());
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
      session: { ...this.session },
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
    this.active?.batcher.flush();
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
    const limit = contextWindowFor(model, this.learnedContext.get(model)) - Math.min(maxOutputTokens, 32_000);
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

  private notice(level: 'info' | 'warning' | 'error', text: string): void {
    this.deps.post({ type: 'notice', level, text });
  }

  /** Handles a validated message from the webview. */
  async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.onReady();
      case 'send':
        return this.send(message.text, message.images?.map((i) => i.dataUrl) ?? []);
      case 'stop':
        this.active?.abort.abort();
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
        return this.editAction('preview', message.cardId, message.path);
      case 'applyEdits':
        return this.editAction('apply', message.cardId);
      case 'rejectEdits':
        return this.editAction('reject', message.cardId);
      case 'insertCode':
        return this.insertCode(message.code);
      case 'applyCode':
        return this.applyCode(message.code);
      case 'openLink':
        return this.openLink(message.href);
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
    if (this.active) {
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

  /** Streams the assistant's answer to `user` (the last user turn). */
  private async answer(user: StoredTurn, images: string[]): Promise<void> {
    const settings = readSettings();
    const conversation = this.conversation;
    const assistant: StoredTurn = { id: randomUUID(), role: 'assistant', text: '', status: 'streaming', createdAt: Date.now() };
    conversation.turns.push(assistant);
    this.deps.post({ type: 'turnAdded', turn: turnView(assistant) });

    const fail = async (message: string, action?: 'setApiKey' | 'retry' | 'chooseModel' | 'openSettings') => {
      assistant.status = 'error';
      assistant.error = { message, action };
      this.deps.post({ type: 'turnEnd', turnId: assistant.id, status: 'error', error: assistant.error });
      await this.save(conversation);
    };
    if (isXaiHost(settings.baseUrl) && !(await this.deps.keyStore.has())) {
      return fail('No xAI API key is set.', 'setApiKey');
    }
    const budget = checkBudget(this.ledger(), settings.monthlyBudgetUsd);
    if (budget.kind === 'warn') {
      void this.deps.globalState.update(LEDGER, { ...this.ledger(), warned: true });
      void vscode.window.showWarningMessage(budget.message);
    } else if (budget.kind === 'confirm') {
      const choice = await vscode.window.showWarningMessage(budget.message, { modal: true }, 'Send Anyway');
      if (choice !== 'Send Anyway') return fail('Not sent: the monthly budget is used up (grok.monthlyBudgetUsd).', 'openSettings');
    }

    const route = routeModel(
      { task: this.meta.get(user.id)?.task ?? 'chat', hasImages: images.length > 0, size: user.text.length + (user.context?.text.length ?? 0) },
      settings,
    );
    const model = route.model;
    const template = this.meta.get(user.id)?.template;
    const history = conversation.turns.slice(0, conversation.turns.indexOf(user));
    const workspace = vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ') || 'not open';
    const prompt = buildPrompt({
      system: renderTemplate(chatSystemPrompt, { workspace, date: new Date().toISOString().slice(0, 10) }),
      history,
      userText: user.text,
      context: user.context?.text ?? '',
      images,
      contextWindow: contextWindowFor(model, this.learnedContext.get(model)),
      maxOutputTokens: settings.maxOutputTokens,
    });
    if (prompt.overLimit) {
      return fail(`This message is too long for ${model} (about ${prompt.estimatedTokens.toLocaleString('en-US')} tokens of ${prompt.limit.toLocaleString('en-US')}). Remove attachments or shorten it.`);
    }
    if (prompt.droppedTurns > 0) {
      assistant.note = `${prompt.droppedTurns} older message${prompt.droppedTurns === 1 ? ' was' : 's were'} left out to fit the model's context.`;
    }

    const toolCalls: AssistantToolCall[] = [];
    const abort = new AbortController();
    const batcher = new DeltaBatcher((b) => this.deps.post({ type: 'turnDelta', turnId: assistant.id, text: b.text || undefined, reasoning: b.reasoning || undefined }));
    this.active = { turn: assistant, abort, batcher };
    let lastSave = Date.now();
    try {
      const stream = this.deps.clients.get().stream(
        {
          model,
          messages: prompt.messages,
          tools: [proposeEditsTool()],
          toolChoice: 'auto',
          conversationId: conversation.id,
          maxOutputTokens: settings.maxOutputTokens,
        },
        abort.signal,
      );
      for await (const event of stream) {
        switch (event.type) {
          case 'start':
            this.deps.logger.info(
              `chat turn: prompt ${templateId(chatSystemPrompt)}${template ? ` + ${template}` : ''}, model ${model} (${route.reason}), request ${event.requestId}, ${event.endpoint}, attempt ${event.attempt}`,
            );
            break;
          case 'text':
            assistant.text += event.text;
            batcher.push('text', event.text);
            break;
          case 'reasoning':
            assistant.reasoning = (assistant.reasoning ?? '') + event.text;
            batcher.push('reasoning', event.text);
            break;
          case 'limits':
            if (event.limits.contextWindow) this.learnedContext.set(model, event.limits.contextWindow);
            break;
          case 'usage':
            assistant.usage = usageView(event.usage);
            break;
          case 'toolCallEnd':
            toolCalls.push({ id: event.id, name: event.name, arguments: event.arguments });
            break;
          default:
            break;
        }
        if (Date.now() - lastSave > SAVE_INTERVAL_MS) {
          lastSave = Date.now();
          void this.save(conversation);
        }
      }
      assistant.status = 'done';
    } catch (error) {
      if (isGrokApiError(error) && error.kind === 'cancelled') {
        assistant.status = 'stopped';
      } else {
        const message = error instanceof Error ? error.message : String(error);
        const action = isGrokApiError(error) ? (error.action ?? (error.retryable ? 'retry' : undefined)) : 'retry';
        assistant.status = 'error';
        assistant.error = { message, action: action ?? 'retry' };
        if (isGrokApiError(error) && error.usage) assistant.usage = usageView(error.usage);
        this.deps.logger.warn(`chat turn failed (${isGrokApiError(error) ? error.kind : 'unexpected'}): ${message}`);
      }
    } finally {
      batcher.flush();
      batcher.dispose();
      this.active = undefined;
    }
    this.deps.post({ type: 'turnEnd', turnId: assistant.id, status: assistant.status, usage: assistant.usage, error: assistant.error, note: assistant.note });
    if (assistant.status === 'done') await this.attachProposals(assistant, toolCalls);
    await this.save(conversation);
    await this.postState();
    void this.postHistory();
  }

  /**
   * Turns the answer's edit proposals into edit cards: `propose_edits` tool calls (validated; an
   * invalid call becomes a refused card whose error goes back to the model), else diff, search/replace
   * or JSON blocks found in the text.
   */
  private async attachProposals(assistant: StoredTurn, toolCalls: AssistantToolCall[]): Promise<void> {
    const cards: StoredEditCard[] = [];
    const edits = toolCalls.filter((c) => c.name === PROPOSE_EDITS_TOOL_NAME);
    if (toolCalls.length) assistant.toolCalls = toolCalls;
    for (const call of edits) {
      const parsed = parseProposeEditsArgs(call.arguments);
      if (parsed.ok) cards.push(await this.cardFor(parsed.files, call.id));
      else {
        const message = `Grok proposed edits that could not be read: ${parsed.error}`;
        cards.push({ id: call.id, status: 'refused', files: [], message, changes: [], toolCallId: call.id, feedback: `The propose_edits arguments were invalid: ${parsed.error}` });
      }
    }
    if (edits.length === 0 && assistant.text) {
      const found = extractProposals(assistant.text);
      if (found.proposals.length) cards.push(await this.cardFor(combineProposals(found.proposals)));
    }
    if (cards.length === 0) return;
    assistant.edits = cards;
    for (const card of cards) this.deps.post({ type: 'editCard', turnId: assistant.id, card: editCardView(card) });
  }

  private async cardFor(changes: FileChange[], toolCallId?: string): Promise<StoredEditCard> {
    const session = await this.deps.edits.propose(changes, 'chat');
    const report = this.deps.edits.report(session, 'proposed');
    return { id: session.id, status: 'proposed', files: report.files, changes, toolCallId };
  }

  /** Finds a stored card (in the open conversation) by id. */
  private findCard(cardId: string): { turn: StoredTurn; card: StoredEditCard } | undefined {
    for (const turn of this.conversation.turns) {
      const card = turn.edits?.find((c) => c.id === cardId);
      if (card) return { turn, card };
    }
    return undefined;
  }

  private async onEditReport(report: SessionReport): Promise<void> {
    const found = this.findCard(report.sessionId);
    if (!found) return;
    const { turn, card } = found;
    card.status = report.status;
    card.files = report.files;
    card.message = report.message;
    if (report.feedback) card.feedback = report.feedback;
    this.deps.post({ type: 'editCard', turnId: turn.id, card: editCardView(card) });
    await this.save();
  }

  /**
   * Preview, apply or reject from an edit card. A card from an earlier window has no live session:
   * its stored proposal is planned again against the files as they are now (under the same id).
   */
  private async editAction(kind: 'preview' | 'apply' | 'reject', cardId: string, path?: string): Promise<void> {
    const found = this.findCard(cardId);
    if (!found) return this.notice('info', 'That proposal is no longer available.');
    let sessionId = cardId;
    if (!this.deps.edits.get(cardId)) {
      if (found.card.status !== 'proposed' || found.card.changes.length === 0) return this.notice('info', 'That proposal was already handled.');
      const session = await this.deps.edits.propose(found.card.changes, 'chat (reopened)');
      // Re-key the card to the new session so reports find it.
      found.card.id = session.id;
      sessionId = session.id;
      this.deps.post({ type: 'editCard', turnId: found.turn.id, card: editCardView(found.card) });
    }
    if (kind === 'preview') await this.deps.edits.preview(sessionId, path);
    else if (kind === 'apply') await this.deps.edits.accept(sessionId);
    else this.deps.edits.reject(sessionId);
  }

  private async retry(turnId: string): Promise<void> {
    if (this.active) return;
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
    if (this.active) return;
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
    this.active?.abort.abort();
    this.conversation = newConversation(randomUUID(), Date.now());
    await this.deps.globalState.update(LAST_CONVERSATION, NEW_CHAT);
    this.postConversation();
    this.postAttachments();
  }

  private async open(id: string): Promise<void> {
    if (this.active) this.active.abort.abort();
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

  private async insertCode(code: string): Promise<void> {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    if (!editor) {
      this.notice('info', 'Open a file to insert the code into.');
      return;
    }
    await editor.edit((b) => {
      for (const s of editor.selections) b.replace(s, code);
    });
  }

  /**
   * "Apply" on a code block: through the edit preview, it replaces the active editor's selection,
   * or the whole file when nothing is selected. The user still accepts or rejects the diff.
   */
  private async applyCode(code: string): Promise<void> {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'file');
    if (!editor || editor.document.uri.scheme !== 'file') {
      return this.notice('info', 'Open the file to apply the code to (select the part to replace, or nothing for the whole file).');
    }
    const path = vscode.workspace.asRelativePath(editor.document.uri, false);
    const selection = editor.selection;
    const change: FileChange = selection.isEmpty
      ? { kind: 'whole', path, content: code }
      : { kind: 'edits', path, edits: [{ search: editor.document.getText(selection), replace: code, line: selection.start.line + 1 }] };
    const session = await this.deps.edits.propose([change], 'code block');
    await this.deps.edits.preview(session.id);
  }

  /** A link clicked in an answer: decided in core ({@link classifyLink}), carried out here. */
  private async openLink(href: string): Promise<void> {
    const action = classifyLink(href);
    switch (action.kind) {
      case 'ignore':
        return;
      case 'refuse':
        return this.notice('warning', action.message);
      case 'external':
        await vscode.env.openExternal(vscode.Uri.parse(action.url, true));
        return;
      case 'workspaceFile':
        return this.openWorkspaceFile(action.path);
    }
  }

  private async openWorkspaceFile(path: string): Promise<void> {
    const check = checkEditPath((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath), path);
    if (!check.ok) return this.notice('warning', `Not opened: ${check.message}.`);
    const uri = vscode.Uri.file(check.absolutePath);
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (!exists) return this.notice('info', `${path} does not exist in the workspace.`);
    await vscode.window.showTextDocument(uri, { preview: true });
  }

  dispose(): void {
    this.active?.abort.abort();
    for (const s of this.subscriptions) s.dispose();
  }
}
