/**
 * One answer, end to end: the key rule, the endpoint's consent, the monthly budget, the model
 * (routing), the prompt (old turns trimmed to fit), then model calls streamed into the stored turn
 * and the webview (batched deltas), saved about once a second. A turn is a loop: when the toolbox
 * runs the model's tool calls, their results go back in another call, up to a step limit. One
 * answer at a time; Stop aborts it at once and keeps what arrived.
 */
import { resolveEndpoint, type AssistantToolCall, type ChatMessage, type TurnEvent } from '../../api';
import { chatSystemPrompt } from '../../prompts/chatSystem';
import { renderTemplate, templateId } from '../../prompts/template';
import { routeModel, type Task } from '../../router';
import type { ErrorAction, UsageView } from '../../../shared/protocol';
import { turnView, type Conversation, type StoredTurn } from '../conversation';
import { DeltaBatcher } from '../deltaBatcher';
import { fitToolResults } from '../../agent/contextFit';
import { buildPrompt, promptLimit } from '../prompt';
import { applyServerToolEvent, finishServerTools } from '../serverToolState';
import { serverToolsFor } from '../serverToolSettings';
import { contextWindowFor } from '../tokens';
import type { EngineDeps } from './deps';
import { runModelCall, type ModelCallResult } from './modelCall';
import { preflight } from './preflight';

/** The note above an answer whose older tool results were shortened to fit. */
const SHORTENED_NOTE = 'Older tool results were shortened to fit the model\'s context.';

/** How often an answer being streamed is saved, so a crash or reload keeps it. */
const SAVE_INTERVAL_MS = 1_000;

/** What the user turn asks for: its task (routing picks the model by it) and prompt template. */
export interface TurnMeta {
  task: Task;
  template?: string;
}

export class TurnRunner {
  private active: { abort: AbortController; batcher: DeltaBatcher } | undefined;
  /** Context windows learned from response headers, per served model. */
  private readonly learned = new Map<string, number>();

  constructor(
    private readonly deps: EngineDeps,
    /** Saves the conversation while its answer streams (the engine's save). */
    private readonly save: (conversation: Conversation) => Promise<void>,
  ) {}

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
   * Adds an assistant turn to `conversation` and answers `user` (its last user turn) into it.
   * Resolves when the turn ended, however it ended; the turn's status, text, usage or error are in it.
   */
  async answer(conversation: Conversation, user: StoredTurn, images: string[], meta: TurnMeta | undefined): Promise<StoredTurn> {
    const { deps } = this;
    const settings = deps.config.current;
    const now = deps.now ?? Date.now;
    const assistant: StoredTurn = { id: deps.newId(), role: 'assistant', text: '', status: 'streaming', createdAt: now() };
    conversation.turns.push(assistant);
    deps.post({ type: 'turnAdded', turn: turnView(assistant) });
    const fail = (message: string, action?: ErrorAction): StoredTurn => {
      assistant.status = 'error';
      assistant.error = action ? { message, action } : { message };
      deps.post({ type: 'turnEnd', turnId: assistant.id, status: 'error', error: assistant.error });
      return assistant;
    };

    // Nothing leaves the machine before these say yes.
    const refused = await preflight(deps);
    if (refused) return fail(refused.message, refused.action);

    const route = routeModel({ task: meta?.task ?? 'chat', hasImages: images.length > 0, size: user.text.length + (user.context?.text.length ?? 0) }, settings);
    const model = route.model;
    // Specs first: they fix the turn's tool set (the mode), which the system note follows.
    const tools = deps.toolbox?.specs() ?? [];
    const toolNote = deps.toolbox?.systemNote?.();
    const rules = await deps.rules?.(conversation.id);
    const system = [renderTemplate(chatSystemPrompt, { workspace: deps.workspaceName() || 'not open', date: new Date(now()).toISOString().slice(0, 10) }), toolNote, rules].filter(Boolean).join('\n\n');
    const prompt = buildPrompt({
      system,
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
    const notes: string[] = [];
    if (prompt.shortenedResults > 0) notes.push(SHORTENED_NOTE);
    if (prompt.droppedTurns > 0) notes.push(`${prompt.droppedTurns} older message${prompt.droppedTurns === 1 ? ' was' : 's were'} left out to fit the model's context.`);
    if (notes.length) assistant.note = notes.join(' ');

    const abort = new AbortController();
    const batcher = new DeltaBatcher((b) => deps.post({ type: 'turnDelta', turnId: assistant.id, text: b.text || undefined, reasoning: b.reasoning || undefined }));
    this.active = { abort, batcher };
    let lastSave = now();
    const messages: ChatMessage[] = [...prompt.messages];
    const calls: AssistantToolCall[] = [];
    const serverTools = serverToolsFor(settings, resolveEndpoint(settings.api, settings.baseUrl));
    const postServerTools = (): void => deps.post({ type: 'serverTools', turnId: assistant.id, cards: assistant.serverTools ?? [], sources: assistant.sources ?? [] });
    const maxSteps = settings['agent.maxSteps'];
    const costCap = settings['agent.maxTaskCostUsd'];
    try {
      for (let step = 1; ; step++) {
        // The task's cost cap (off at 0) is checked before every model call after the first.
        const spent = assistant.usage?.costUsd ?? 0;
        if (step > 1 && costCap > 0 && spent >= costCap) {
          assistant.status = 'error';
          assistant.error = { message: `Stopped: this task has cost $${spent.toFixed(4)}, the cap is $${costCap.toFixed(costCap < 1 ? 4 : 2)} (grok.agent.maxTaskCostUsd). Send a message to go on.`, action: 'openSettings' };
          break;
        }
        if (step > 1 && deps.spend.check(settings.monthlyBudgetUsd).kind === 'confirm') {
          assistant.status = 'error';
          assistant.error = { message: 'Stopped: the monthly budget is used up (grok.monthlyBudgetUsd).', action: 'openSettings' };
          break;
        }
        // A long task nears the window: old tool results are shortened (the rest stays append-only).
        if (step > 1 && fitToolResults(messages, promptLimit(this.contextWindow(model), settings.maxOutputTokens)) > 0 && !assistant.note?.includes(SHORTENED_NOTE)) {
          assistant.note = assistant.note ? `${SHORTENED_NOTE} ${assistant.note}` : SHORTENED_NOTE;
        }
        let waiting = false;
        // Citation positions count from the start of this call's text; the turn's text may hold earlier steps'.
        const stepStart = assistant.text.length;
        const result: ModelCallResult = await runModelCall(
          deps.client(),
          { model, messages, tools: tools.length ? tools : undefined, toolChoice: tools.length ? 'auto' : undefined, conversationId: conversation.id, maxOutputTokens: settings.maxOutputTokens, serverTools },
          abort.signal,
          {
            onStart: (e) =>
              deps.logger.info(
                `chat turn: prompt ${templateId(chatSystemPrompt)}${meta?.template ? ` + ${meta.template}` : ''}, model ${model} (${route.reason}), request ${e.requestId}, ${e.endpoint}, attempt ${e.attempt}, step ${step}`,
              ),
            onRetry: (e) => {
              waiting = true;
              deps.post({ type: 'turnStatus', turnId: assistant.id, text: deps.scrub(e.message), retryInMs: e.delayMs });
            },
            onText: (text) => {
              assistant.text += text;
              batcher.push('text', text);
            },
            onReasoning: (text) => {
              assistant.reasoning = (assistant.reasoning ?? '') + text;
              batcher.push('reasoning', text);
            },
            onEvent: (e) => {
              if (applyServerToolEvent(assistant, shiftCitations(e, stepStart))) postServerTools();
              if (waiting && e.type === 'start') {
                waiting = false;
                deps.post({ type: 'turnStatus', turnId: assistant.id });
              }
              if (now() - lastSave > SAVE_INTERVAL_MS) {
                lastSave = now();
                void this.save(conversation);
              }
            },
          },
          deps.scrub,
        );
        if (result.limits?.contextWindow) this.learned.set(model, result.limits.contextWindow);
        if (result.usage) assistant.usage = addUsage(assistant.usage, result.usage);
        if (result.status === 'done' && result.toolCalls.length === 0 && deps.toolbox?.textCalls) result.toolCalls.push(...deps.toolbox.textCalls(result.text));
        calls.push(...result.toolCalls);
        if (step > 1 || result.toolCalls.length) {
          assistant.steps = step;
          deps.post({ type: 'turnProgress', turnId: assistant.id, steps: step, usage: assistant.usage });
        }
        if (result.status !== 'done') {
          assistant.status = result.status;
          if (result.error) {
            assistant.error = result.error.action ? { message: result.error.message, action: result.error.action } : { message: result.error.message };
            deps.logger.warn(`chat turn failed (${result.error.kind}, request ${result.requestId ?? 'none'}): ${result.error.message}`);
          }
          break;
        }
        const outcome = result.toolCalls.length && deps.toolbox?.run ? await deps.toolbox.run(result.toolCalls, assistant, abort.signal, { requestId: result.requestId }) : undefined;
        if (!outcome || abort.signal.aborted) {
          assistant.status = abort.signal.aborted ? 'stopped' : 'done';
          break;
        }
        const results = Array.isArray(outcome) ? outcome : outcome.results;
        assistant.toolResults = [...(assistant.toolResults ?? []), ...results];
        if (!Array.isArray(outcome)) {
          assistant.status = 'error';
          assistant.error = { message: outcome.stop };
          break;
        }
        if (step >= maxSteps) {
          assistant.status = 'error';
          assistant.error = { message: `Stopped after ${maxSteps} steps in one answer (grok.agent.maxSteps). Send a message to go on.` };
          break;
        }
        messages.push({ role: 'assistant', content: result.text, toolCalls: result.toolCalls });
        for (const r of results) messages.push({ role: 'tool', toolCallId: r.toolCallId, content: r.content });
      }
    } finally {
      batcher.flush();
      batcher.dispose();
      this.active = undefined;
    }
    if (finishServerTools(assistant, assistant.status === 'done' ? 'done' : assistant.status === 'stopped' ? 'stopped' : 'error')) postServerTools();
    // Tool calls are kept only with a finished answer: a failed one is retried whole.
    if (assistant.status === 'done' && calls.length) assistant.toolCalls = calls;
    deps.post({ type: 'turnEnd', turnId: assistant.id, status: assistant.status, usage: assistant.usage, error: assistant.error, note: assistant.note });
    if (assistant.status === 'done') await deps.onAnswered?.(assistant, calls, conversation);
    return assistant;
  }
}

/** The usage of a task so far: each model call's tokens and cost added (the served model is the last one's). */
export function addUsage(total: UsageView | undefined, next: UsageView): UsageView {
  if (!total) return next;
  const sum: UsageView = {
    ...next,
    promptTokens: total.promptTokens + next.promptTokens,
    completionTokens: total.completionTokens + next.completionTokens,
    reasoningTokens: total.reasoningTokens + next.reasoningTokens,
    cachedTokens: total.cachedTokens + next.cachedTokens,
    totalTokens: total.totalTokens + next.totalTokens,
  };
  if (total.costUsd !== undefined || next.costUsd !== undefined) sum.costUsd = (total.costUsd ?? 0) + (next.costUsd ?? 0);
  if (total.latencyMs !== undefined && next.latencyMs !== undefined) sum.latencyMs = total.latencyMs + next.latencyMs;
  return sum;
}

/** A `citations` event with its positions moved by `offset` (the text of earlier steps); others as they are. */
function shiftCitations(event: TurnEvent, offset: number): TurnEvent {
  if (event.type !== 'citations' || offset === 0) return event;
  return {
    type: 'citations',
    citations: event.citations.map((c) => (c.start === undefined || c.end === undefined ? c : { ...c, start: c.start + offset, end: c.end + offset })),
  };
}
