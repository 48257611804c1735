/**
 * One model request, streamed: every event goes to the caller's handlers as it arrives, and the call
 * resolves (never throws) with what it produced and how it ended. Shared by chat turns, the agent
 * loop's steps and the editor commands' edit requests, so all of them stream, log and fail alike.
 */
import { isGrokApiError, type AssistantToolCall, type ModelInfo, type ModelLimits, type TurnEvent, type TurnRequest, type UsageRecord } from '../../api';
import type { ErrorAction, UsageView } from '../../../shared/protocol';
import { serverToolUsageView } from '../serverToolState';

/** The part of the xAI client the engine uses (GrokClient satisfies it; tests may pass a double). */
export interface ModelClient {
  stream(request: TurnRequest, signal?: AbortSignal): AsyncIterable<TurnEvent>;
  listModels(options?: { refresh?: boolean; signal?: AbortSignal }): Promise<ModelInfo[]>;
}

/** A failure as the user sees it: one clean line and the one action that can help (if any). */
export interface CallError {
  message: string;
  action?: ErrorAction;
  /** The client's error kind (`unexpected` for anything that is not a client error), for the log. */
  kind: string;
  /** Text or a tool call had already arrived before it failed. */
  outputStarted: boolean;
}

export interface ModelCallResult {
  status: 'done' | 'stopped' | 'error';
  text: string;
  reasoning: string;
  toolCalls: AssistantToolCall[];
  usage?: UsageView;
  limits?: ModelLimits;
  /** The request id of the last attempt (for the log). */
  requestId?: string;
  error?: CallError;
}

/** What a caller wants to hear while the call streams; every handler is optional. */
export interface ModelCallHandlers {
  onStart?(event: Extract<TurnEvent, { type: 'start' }>): void;
  onText?(text: string): void;
  onReasoning?(text: string): void;
  /** A retry is pending: why, and how long until it starts. */
  onRetry?(event: Extract<TurnEvent, { type: 'retry' }>): void;
  /** Any event, after the specific handler (for periodic saving and extensions). */
  onEvent?(event: TurnEvent): void;
}

/** The usage figures the view shows (the record minus ids and timings it does not need). */
export function usageView(u: UsageRecord): UsageView {
  return {
    model: u.model,
    promptTokens: u.promptTokens,
    completionTokens: u.completionTokens,
    reasoningTokens: u.reasoningTokens,
    cachedTokens: u.cachedTokens,
    totalTokens: u.totalTokens,
    costUsd: u.costUsd,
    latencyMs: u.latencyMs,
    ...serverToolUsageView(u),
  };
}

/**
 * Turns anything thrown by a stream into what the user sees. Retry is offered only when the client
 * said retrying can help (its `action`, else its `retryable` flag); an unexpected error (a bug, not
 * the network) offers nothing but the log. `scrub` removes secrets from the message.
 */
export function callError(error: unknown, scrub: (text: string) => string): CallError {
  if (isGrokApiError(error)) {
    const action = error.action ?? (error.retryable ? 'retry' : undefined);
    return { message: scrub(error.message), action, kind: error.kind, outputStarted: error.outputStarted };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: scrub(`Something went wrong: ${message}`), kind: 'unexpected', outputStarted: false };
}

/** Streams one request to its end, however it ends. `signal` aborting means the user stopped it. */
export async function runModelCall(
  client: ModelClient,
  request: TurnRequest,
  signal: AbortSignal,
  handlers: ModelCallHandlers,
  scrub: (text: string) => string,
): Promise<ModelCallResult> {
  const result: ModelCallResult = { status: 'done', text: '', reasoning: '', toolCalls: [] };
  try {
    for await (const event of client.stream(request, signal)) {
      switch (event.type) {
        case 'start':
          result.requestId = event.requestId;
          handlers.onStart?.(event);
          break;
        case 'retry':
          handlers.onRetry?.(event);
          break;
        case 'text':
          result.text += event.text;
          handlers.onText?.(event.text);
          break;
        case 'reasoning':
          result.reasoning += event.text;
          handlers.onReasoning?.(event.text);
          break;
        case 'limits':
          result.limits = event.limits;
          break;
        case 'usage':
          result.usage = usageView(event.usage);
          break;
        case 'toolCallEnd':
          result.toolCalls.push({ id: event.id, name: event.name, arguments: event.arguments });
          break;
        default:
          break;
      }
      handlers.onEvent?.(event);
    }
  } catch (error) {
    if (isGrokApiError(error) && error.kind === 'cancelled') {
      result.status = 'stopped';
    } else if (signal.aborted) {
      result.status = 'stopped';
    } else {
      result.status = 'error';
      result.error = callError(error, scrub);
      if (isGrokApiError(error) && error.usage) result.usage = usageView(error.usage);
      if (isGrokApiError(error) && error.requestId) result.requestId = error.requestId;
    }
  }
  return result;
}
