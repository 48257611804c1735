/**
 * The caller-facing shapes of the xAI client: what a turn asks for, and the events it streams back.
 * Both endpoints (Responses and Chat Completions) are translated to and from these shapes, so callers
 * never see wire formats.
 */

/** Which endpoint a request goes to. */
export type Endpoint = 'responses' | 'chat';

/** The `grok.api` setting: `auto` uses Responses on api.x.ai and Chat Completions elsewhere. */
export type ApiMode = 'auto' | Endpoint;

/** One part of a user message: text, or an image given as a data URL (or https URL). */
export type UserContentPart =
  | { type: 'text'; text: string }
  | { type: 'image'; url: string; detail?: 'auto' | 'low' | 'high' };

/** A tool call the assistant made earlier in the conversation (sent back as history). */
export interface AssistantToolCall {
  id: string;
  name: string;
  /** JSON text, exactly as the model produced it. */
  arguments: string;
}

/** A conversation message, endpoint-neutral. */
export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | UserContentPart[] }
  | { role: 'assistant'; content: string; toolCalls?: AssistantToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

/** A function tool the model may call. `parameters` is a JSON Schema object. */
export interface ToolSpec {
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
}

/** How the model may use tools: as it likes, never, at least one, or one named tool. */
export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

/** Reasoning effort; only sent to models known to accept the value. */
export type ReasoningEffort = 'none' | 'low' | 'medium' | 'high' | 'xhigh';

/**
 * Optional sampling parameters. Models that reject them (the grok-4 family and reasoning models) never
 * receive them: the client drops them before sending.
 */
export interface SamplingOptions {
  temperature?: number;
  topP?: number;
  stop?: string[];
  presencePenalty?: number;
  frequencyPenalty?: number;
}

/** What one streamed turn asks for. */
export interface TurnRequest {
  model: string;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  toolChoice?: ToolChoice;
  /**
   * A stable id for the conversation. Sent as `prompt_cache_key` (Responses) or the `x-grok-conv-id`
   * header (Chat Completions) so consecutive turns hit the same prompt cache.
   */
  conversationId?: string;
  maxOutputTokens?: number;
  reasoningEffort?: ReasoningEffort;
  sampling?: SamplingOptions;
  /** xAI's own tools (web search, X search, code execution), run on xAI's side. Responses only. */
  serverTools?: ServerToolsSpec;
}

/** The server-side tools xAI runs itself; the kinds the client knows how to show. */
export type ServerToolKind = 'webSearch' | 'xSearch' | 'codeExecution';

/** Which server-side tools a request offers, with their filters. Absent = not offered. */
export interface ServerToolsSpec {
  /** Web search; at most 5 domains either way (allowed wins when both are given). */
  webSearch?: { allowedDomains?: string[]; excludedDomains?: string[] };
  /** X search; at most 10 handles either way; dates as YYYY-MM-DD. */
  xSearch?: { allowedHandles?: string[]; excludedHandles?: string[]; fromDate?: string; toDate?: string };
  codeExecution?: Record<string, never>;
}

/**
 * One server-side tool call as it stands now. Sent again (same `id`) each time it changes; the last
 * one wins. `query`, `code` and `output` are untrusted text from the model or the sandbox.
 */
export interface ServerToolCall {
  id: string;
  kind: ServerToolKind | 'other';
  /** The wire name when it says more than the kind (`x_keyword_search`, `browse_page`…). */
  name?: string;
  status: 'running' | 'completed' | 'failed';
  query?: string;
  /** Code execution: the code and what it printed. */
  code?: string;
  output?: string;
}

/**
 * A source the answer cites. `start`/`end` are UTF-16 offsets into the turn's answer text (the span
 * of the inline `[[n]](url)` marker) when the server gave positions; absent for the response's plain
 * list of every source it read.
 */
export interface Citation {
  url: string;
  title?: string;
  start?: number;
  end?: number;
}

/** Server-side tool calls billed for one request, by kind. */
export interface ServerToolCalls {
  webSearch: number;
  xSearch: number;
  codeExecution: number;
  /** File and collection (document) search. MCP calls are not counted: they are billed as tokens. */
  other: number;
}

/** Why a turn ended normally. `tool_calls` whenever the turn produced tool calls. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'other';

/** Where a cost figure came from: the server's exact ticks, /language-models prices, the built-in table, or nowhere. */
export type CostSource = 'ticks' | 'pricing' | 'builtin' | 'unknown';

/**
 * Token counts with one meaning on both endpoints: `completionTokens` is visible output only,
 * `reasoningTokens` is counted separately, `totalTokens` = prompt + completion + reasoning, and
 * `cachedTokens` never exceeds `promptTokens`.
 */
export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  imageTokens: number;
  totalTokens: number;
}

/**
 * One normalized usage record per request attempt (successful or not), with {@link TokenCounts}.
 */
export interface UsageRecord extends TokenCounts {
  requestId: string;
  /** The model that served the request (the response's `model` field), else the requested one. */
  model: string;
  endpoint: Endpoint;
  /** Estimated cost in USD; undefined when no price is known. */
  costUsd: number | undefined;
  costSource: CostSource;
  /** Milliseconds from sending the request to the first text, reasoning or tool-call delta. */
  timeToFirstTokenMs: number | undefined;
  latencyMs: number;
  /** 'ok' or 'error' (then `errorKind` says which). */
  status: 'ok' | 'error';
  errorKind?: string;
  /** Server-side tool calls the response reports (web, X, code…), when any. */
  serverToolCalls?: ServerToolCalls;
  /** Their estimated share of `costUsd` at the dated per-call prices ({@link SERVER_TOOL_PRICES_DATE}). */
  serverToolCostUsd?: number;
}

/** Limits of the served model, from the `x-grok-context-window` / `x-grok-max-completion-tokens` headers. */
export interface ModelLimits {
  contextWindow?: number;
  maxCompletionTokens?: number;
}

/**
 * The events of one streamed turn, in order: `start` (response headers received), `limits` (when the
 * server sent them), `model` (served model, as soon as known), the deltas, then `usage` and `finish` (last).
 * `retry` appears only between attempts that produced no visible output, before the client waits
 * (Stop during the wait ends it at once); a new `start` (new request id) follows it. Text and reasoning deltas read in the same network chunk arrive merged in one event.
 * Tool calls: `toolCallStart` → `toolCallDelta`* → `toolCallEnd` (whose `arguments` are authoritative).
 * Server-side tools (Responses only): `serverToolCall` each time a call changes (same id: replace),
 * `citations` when the server names sources (positions refer to the text streamed so far), and
 * `serverToolUnavailable` when the server refused a tool and the request was resent without it.
 */
export type TurnEvent =
  | { type: 'start'; requestId: string; endpoint: Endpoint; attempt: number }
  | {
      type: 'retry';
      /** The attempt about to start (2 for the first retry). */
      attempt: number;
      /** How long the client waits before it (0: at once). The event arrives before the wait starts. */
      delayMs: number;
      /** The error kind that caused the retry, e.g. `rateLimited`. */
      reason: string;
      /** One line for the user, e.g. "Rate limited — retrying in 12 s". */
      message: string;
      /** Why, without the countdown ("Rate limited"), for a UI that counts down itself. */
      label?: string;
      /** When the next attempt starts (epoch ms, from the client's clock). */
      retryAt?: number;
      /** The failed attempt's own error message (server text, cleaned), for the log or a tooltip. */
      detail?: string;
    }
  | { type: 'limits'; limits: ModelLimits }
  | { type: 'model'; model: string }
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'toolCallStart'; index: number; id: string; name: string }
  | { type: 'toolCallDelta'; index: number; argumentsDelta: string }
  | { type: 'toolCallEnd'; index: number; id: string; name: string; arguments: string }
  | { type: 'serverToolCall'; call: ServerToolCall }
  | { type: 'citations'; citations: Citation[] }
  | { type: 'serverToolUnavailable'; kind: ServerToolKind; message: string }
  | { type: 'usage'; usage: UsageRecord }
  | { type: 'finish'; reason: FinishReason };
