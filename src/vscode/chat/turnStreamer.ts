/**
 * One answer, end to end: checks the key and the monthly budget, picks the model, builds the
 * prompt (trimming old turns to fit), streams the reply into the stored turn and the webview
 * (batched deltas), saves it about once a second while it streams, and ends the turn with its
 * status, usage or error. One answer at a time; Stop aborts it and keeps what arrived.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { isGrokApiError, isXaiHost, type AssistantToolCall, type UsageRecord } from '../../core/api';
import { proposeEditsTool } from '../../core/edits';
import { turnView, type Conversation, type StoredTurn } from '../../core/chat/conversation';
import { DeltaBatcher } from '../../core/chat/deltaBatcher';
import { buildPrompt } from '../../core/chat/prompt';
import { contextWindowFor } from '../../core/chat/tokens';
import type { Logger } from '../../core/log';
import { chatSystemPrompt } from '../../core/prompts/chatSystem';
import { renderTemplate, templateId } from '../../core/prompts/template';
import { routeModel, type Task } from '../../core/router';
import type { ErrorAction, HostMessage, UsageView } from '../../shared/protocol';
import type { ApiKeyStore } from '../apiKeyStore';
import type { ClientProvider } from '../clientProvider';
import { readSettings } from '../settings';
import type { SpendTracker } from './spend';

/** How often an answer being streamed is saved, so a crash or reload keeps it. */
const SAVE_INTERVAL_MS = 1_000;

export interface TurnStreamerDeps {
  keyStore: ApiKeyStore;
  clients: ClientProvider;
  logger: Logger;
  spend: SpendTracker;
  post: (message: HostMessage) => void;
  save: (conversation: Conversation) => Promise<void>;
}

/** What the user turn asks for: its task (routing picks the model by it) and prompt template. */
export interface TurnMeta {
  task: Task;
  template?: string;
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

export class TurnStreamer {
  private active: { abort: AbortController; batcher: DeltaBatcher } | undefined;
  /** Context windows learned from response headers, per served model. */
  private readonly learned = new Map<string, number>();

  constructor(private readonly deps: TurnStreamerDeps) {}

  /** Whether an answer is streaming now. */
  get busy(): boolean {
    return this.active !== undefined;
  }

  /** Stops the answer being streamed (it keeps what arrived). */
  stop(): void {
    this.active?.abort.abort();
  }

  /** Posts deltas still waiting for their batch (before a full snapshot of the conversation). */
  flushPending(): void {
    this.active?.batcher.flush();
  }

  /** The context window of `model`: what the API said, else what we know of it. */
  contextWindow(model: string): number {
    return contextWindowFor(model, this.learned.get(model));
  }

  /**
   * Adds an assistant turn to `conversation` and streams the answer to `user` (its last user
   * turn) into it. Resolves when the turn ended, however it ended, with the tool calls the model
   * made; the turn (status, text, usage, error) is in `conversation`.
   */
  async answer(conversation: Conversation, user: StoredTurn, images: string[], meta: TurnMeta | undefined): Promise<{ assistant: StoredTurn; toolCalls: AssistantToolCall[] }> {
    const settings = readSettings();
    const assistant: StoredTurn = { id: randomUUID(), role: 'assistant', text: '', status: 'streaming', createdAt: Date.now() };
    conversation.turns.push(assistant);
    this.deps.post({ type: 'turnAdded', turn: turnView(assistant) });
    const toolCalls: AssistantToolCall[] = [];
    const fail = (message: string, action?: ErrorAction) => {
      assistant.status = 'error';
      assistant.error = { message, action };
      this.deps.post({ type: 'turnEnd', turnId: assistant.id, status: 'error', error: assistant.error });
      return { assistant, toolCalls };
    };

    if (isXaiHost(settings.baseUrl) && !(await this.deps.keyStore.has())) return fail('No xAI API key is set.', 'setApiKey');
    const budget = this.deps.spend.check(settings.monthlyBudgetUsd);
    if (budget.kind === 'warn') {
      void vscode.window.showWarningMessage(budget.message);
    } else if (budget.kind === 'confirm') {
      const choice = await vscode.window.showWarningMessage(budget.message, { modal: true }, 'Send Anyway');
      if (choice !== 'Send Anyway') return fail('Not sent: the monthly budget is used up (grok.monthlyBudgetUsd).', 'openSettings');
    }

    const route = routeModel({ task: meta?.task ?? 'chat', hasImages: images.length > 0, size: user.text.length + (user.context?.text.length ?? 0) }, settings);
    const model = route.model;
    const workspace = vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ') || 'not open';
    const prompt = buildPrompt({
      system: renderTemplate(chatSystemPrompt, { workspace, date: new Date().toISOString().slice(0, 10) }),
      history: conversation.turns.slice(0, conversation.turns.indexOf(user)),
      userText: user.text,
      context: user.context?.text ?? '',
      images,
      contextWindow: this.contextWindow(model),
      maxOutputTokens: settings.maxOutputTokens,
    });
    if (prompt.overLimit) {
      return fail(`This message is too long for ${model} (about ${prompt.estimatedTokens.toLocaleString('en-US')} tokens of ${prompt.limit.toLocaleString('en-US')}). Remove attachments or shorten it.`);
    }
    if (prompt.droppedTurns > 0) {
      assistant.note = `${prompt.droppedTurns} older message${prompt.droppedTurns === 1 ? ' was' : 's were'} left out to fit the model's context.`;
    }

    const abort = new AbortController();
    const batcher = new DeltaBatcher((b) => this.deps.post({ type: 'turnDelta', turnId: assistant.id, text: b.text || undefined, reasoning: b.reasoning || undefined }));
    this.active = { abort, batcher };
    let lastSave = Date.now();
    try {
      const stream = this.deps.clients.get().stream(
        { model, messages: prompt.messages, tools: [proposeEditsTool()], toolChoice: 'auto', conversationId: conversation.id, maxOutputTokens: settings.maxOutputTokens },
        abort.signal,
      );
      for await (const event of stream) {
        switch (event.type) {
          case 'start':
            this.deps.logger.info(
              `chat turn: prompt ${templateId(chatSystemPrompt)}${meta?.template ? ` + ${meta.template}` : ''}, model ${model} (${route.reason}), request ${event.requestId}, ${event.endpoint}, attempt ${event.attempt}`,
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
            if (event.limits.contextWindow) this.learned.set(model, event.limits.contextWindow);
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
          void this.deps.save(conversation);
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
    return { assistant, toolCalls };
  }
}
