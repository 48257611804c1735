/**
 * The xAI (Grok) API client: pure TypeScript over undici, no `vscode`.
 *
 * ## Streaming a turn
 * ```ts
 * const client = new GrokClient({ baseUrl: settings.baseUrl, api: settings.api, maxRetries: settings.maxRetries,
 *   apiKey: () => secrets.get('grok.apiKey'), timeouts: { totalMs: settings.requestTimeoutSeconds * 1000 },
 *   dispatcher: createDispatcher({ httpProxy, strictSSL, env: process.env }),
 *   logger, onUsage: (record) => ledger.add(record) });
 *
 * let answer = '';
 * try {
 *   for await (const event of client.stream({ model, messages, tools, conversationId: chatId,
 *                                               maxOutputTokens: settings.maxOutputTokens }, abort.signal)) {
 *     switch (event.type) {
 *       case 'text': answer += event.text; post(event.text); break;
 *       case 'reasoning': showThinking(event.text); break;
 *       case 'model': showServedModel(event.model); break;           // may differ from the requested one
 *       case 'limits': contextWarning(event.limits); break;
 *       case 'retry': showStatus(event.message, event.retryAt); break; // "Rate limited — retrying in 12 s", before the wait; Stop ends it
 *       case 'toolCallEnd': proposals.push(JSON.parse(event.arguments)); break;
 *       case 'usage': showCost(event.usage); break;
 *       case 'finish': done(event.reason); break;                     // 'tool_calls' when tools were called
 *     }
 *   }
 * } catch (err) {
 *   if (!isGrokApiError(err)) throw err;
 *   // err.message is one line for the user; err.action is the one button that can help ('setApiKey' |
 *   // 'retry' | 'chooseModel' | 'openSettings' | 'openBilling'), or none: then offer no Retry either
 *   // (use suggestedActionOf(err)). err.outputStarted = keep `answer` (partial); stalls offer Retry.
 *   // err.kind === 'cancelled' after the user pressed Stop.
 * }
 * ```
 * Event order: `start` → `limits`? → `model` → deltas (`reasoning`, `text`, `toolCall*`) → `usage` → `finish`.
 * Nothing visible is ever repeated: retries happen only before the first delta. One malformed event is
 * skipped (logged); 3 in a row or more than 10 fail the stream. Leading "Thinking..." filler is dropped.
 * Timeouts: `timeouts.stallMs` (grok.stallTimeoutSeconds) once output started; before it only `totalMs`.
 *
 * ## Usage and cost
 * Every attempt produces one {@link UsageRecord} (also on failure, via `onUsage` and `GrokApiError.usage`):
 * served model, tokens with one meaning on both endpoints, `costUsd` with its `costSource`
 * ('ticks' exact from xAI, 'pricing' from /language-models, 'builtin' table dated {@link BUILTIN_PRICES_DATE}).
 *
 * ## Models and Test Connection
 * `client.listModels({ refresh })` returns {@link ModelInfo}s (prices, `acceptsImages`), cached 10 minutes.
 * `client.testConnection()` never throws: `{ ok: true, modelCount, keyName… }` or `{ ok: false, error }`.
 */
export { GrokClient, type ConnectionResult, type GrokClientOptions } from './client';
export { GrokApiError, isGrokApiError, suggestedActionOf, XAI_BILLING_URL, type GrokErrorKind, type SuggestedAction } from './errors';
export { parseErrorBody, type ErrorBodyInfo } from './errorBody';
export { classifyHttpError } from './classifyHttp';
export { isXaiHost, isXaiHostname, resolveEndpoint } from './endpoint';
export { type ModelInfo } from './models';
export { modelCapabilities, type ModelCapabilities } from './params';
export { createDispatcher, normalizeNoProxy, proxyOptions, type ProxyInputs } from './proxy';
export { BUILTIN_PRICES_DATE, builtinPrice, SERVER_TOOL_PRICE_PER_CALL, SERVER_TOOL_PRICES_DATE, type ModelPrice } from './pricing';
export { citationSpan } from './citations';
export { serverToolsWire, serverToolLesson, ServerToolCompat, type FilterNesting } from './serverTools';
export { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry';
export { DEFAULT_TIMEOUTS, type Timeouts } from './timers';
export { retryLabel, retryMessage } from './turn';
export { LeadingFillerFilter } from './filler';
export { estimateCost, normalizeUsage, serverToolCost, USD_PER_TICK, type NormalizedUsage } from './usage';
export type {
  ApiMode,
  AssistantToolCall,
  ChatMessage,
  Citation,
  CostSource,
  Endpoint,
  FinishReason,
  ModelLimits,
  ReasoningEffort,
  SamplingOptions,
  ServerToolCall,
  ServerToolCalls,
  ServerToolKind,
  ServerToolsSpec,
  TokenCounts,
  ToolChoice,
  ToolSpec,
  TurnEvent,
  TurnRequest,
  UsageRecord,
  UserContentPart,
} from './types';
