import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { Logger } from '../log';
import { runAttempt } from './attempt';
import { buildChatBody } from './chatWire';
import { ENDPOINT_PATHS, hostOf, isXaiHost, joinUrl } from './endpoint';
import { cancelledError, GrokApiError, isGrokApiError } from './errors';
import { paramsToOmit, unsupportedParamIn, type UnsupportedParams } from './params';
import { buildResponsesBody } from './responsesWire';
import { unavailableMessage, type ServerToolCompat } from './serverTools';
import { backoffDelay, type BackoffOptions } from './retry';
import { AttemptTimers, type Timeouts } from './timers';
import type { Endpoint, TurnEvent, TurnRequest, UsageRecord } from './types';
import type { PriceLookup } from './usage';

/** What {@link streamTurn} needs from the client; everything time- or chance-related is injectable. */
export interface TurnDeps {
  baseUrl: string;
  endpoint: Endpoint;
  apiKey: string | undefined;
  dispatcher?: Dispatcher;
  logger: Logger;
  timeouts: Timeouts;
  maxRetries: number;
  backoff: BackoffOptions;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  unsupported: UnsupportedParams;
  /** What the server taught about server-side tools (filter nesting, refused tools). */
  serverTools?: ServerToolCompat;
  prices?: PriceLookup;
  onUsage?: (record: UsageRecord) => void;
  userAgent: string;
}

const OUTPUT_EVENTS = new Set<TurnEvent['type']>(['text', 'reasoning', 'toolCallStart']);

/**
 * Streams one turn with retries. Retries happen only while nothing visible was yielded: 429 / 5xx /
 * network / stalls before output (backoff with full jitter, Retry-After honoured, `x-should-retry: false`
 * obeyed), an empty answer once, and a 400 naming an unsupported parameter once without it.
 * Once output started, the error is thrown with `outputStarted = true` and the caller keeps the partial answer.
 */
export async function* streamTurn(deps: TurnDeps, request: TurnRequest, signal?: AbortSignal): AsyncGenerator<TurnEvent, void, undefined> {
  const host = hostOf(deps.baseUrl);
  const url = joinUrl(deps.baseUrl, ENDPOINT_PATHS[deps.endpoint]);
  const xaiHost = isXaiHost(deps.baseUrl);
  const turnStarted = deps.now();
  let retries = 0;
  let emptyRetried = false;
  let paramRetried = false;
  // Each lesson (the other filter nesting, one refused tool) is new by construction, so this is bounded.
  let toolLessons = 0;

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw cancelledError();
    const requestId = randomUUID();
    const omit = paramsToOmit(request.model, request.reasoningEffort, deps.unsupported.for(request.model));
    const serverTools = deps.serverTools ? { nesting: deps.serverTools.nesting, dropped: deps.serverTools.dropped(request.model) } : undefined;
    const body = deps.endpoint === 'chat' ? buildChatBody(request, { omit, xaiHost }) : buildResponsesBody(request, { omit, xaiHost, serverTools });
    const headers = requestHeaders(deps, requestId, deps.endpoint === 'chat' ? request.conversationId : undefined);
    const elapsed = deps.now() - turnStarted;
    const timers = new AttemptTimers(deps.timeouts, deps.timeouts.totalMs - elapsed, signal);
    deps.logger.info(`POST /${ENDPOINT_PATHS[deps.endpoint]} model=${request.model} request-id=${requestId} attempt=${attempt}`);
    let outputStarted = false;
    try {
      const events = runAttempt({
        url, host, endpoint: deps.endpoint, requestedModel: request.model, requestId, attempt, headers,
        body: JSON.stringify(body), dispatcher: deps.dispatcher, timers, timeouts: deps.timeouts, now: deps.now,
        logger: deps.logger, prices: deps.prices, onRecord: (record) => logRecord(deps, record),
      });
      for await (const event of events) {
        if (OUTPUT_EVENTS.has(event.type)) outputStarted = true;
        yield event;
      }
      return;
    } catch (err) {
      const error = isGrokApiError(err) ? err : new GrokApiError({ kind: 'network', message: String(err), retryable: true, requestId, cause: err });
      error.outputStarted ||= outputStarted;
      deps.logger.warn(`request-id=${requestId} failed: ${error.kind}${error.status ? ` HTTP ${error.status}` : ''}: ${error.detail ?? error.message}`);
      if (error.outputStarted || error.kind === 'cancelled') throw error;

      const lesson = error.kind === 'badRequest' && deps.endpoint === 'responses' && toolLessons < 4 ? deps.serverTools?.learn(request.model, request.serverTools, error.detail ?? error.message) : undefined;
      if (lesson) {
        toolLessons++;
        deps.logger.info(`server-side tools: ${lesson.kind === 'nesting' ? `domain filters go ${lesson.nesting}` : `${request.model} refused ${lesson.tool}`} (remembered); resending`);
        if (lesson.kind === 'drop') yield { type: 'serverToolUnavailable', kind: lesson.tool, message: unavailableMessage(lesson.tool, request.model) };
        continue;
      }
      const param = error.kind === 'badRequest' && error.status === 400 ? unsupportedParamIn(error.detail ?? error.message) : undefined;
      if (param && !paramRetried && !deps.unsupported.for(request.model).has(param)) {
        paramRetried = true;
        deps.unsupported.remember(request.model, param);
        deps.logger.info(`model ${request.model} rejects ${param}: retrying without it (remembered)`);
        continue;
      }
      let delayMs: number;
      if (error.kind === 'emptyResponse') {
        if (emptyRetried) throw error;
        emptyRetried = true;
        delayMs = 0;
      } else {
        if (!error.retryable || error.noRetry || retries >= deps.maxRetries) throw error;
        retries++;
        delayMs = error.retryAfterMs ?? backoffDelay(retries, deps.random, deps.backoff);
      }
      if (deps.timeouts.totalMs > 0 && deps.now() - turnStarted + delayMs >= deps.timeouts.totalMs) throw error;
      const label = retryLabel(error);
      yield { type: 'retry', attempt: attempt + 1, delayMs, reason: error.kind, message: retryMessage(label, delayMs), label, retryAt: deps.now() + delayMs, detail: error.message };
      try {
        await deps.sleep(delayMs, signal);
      } catch {
        throw cancelledError(requestId);
      }
    }
  }
}

/** Why a retry is happening, in a few words for a status line. */
export function retryLabel(error: Pick<GrokApiError, 'kind' | 'status'>): string {
  switch (error.kind) {
    case 'rateLimited':
      return 'Rate limited';
    case 'server':
      return error.status && error.status !== 200 ? `Server error (HTTP ${error.status})` : 'The service is unavailable';
    case 'network':
      return 'Connection failed';
    case 'timeout':
      return 'No answer in time';
    case 'stalled':
      return 'The server went silent';
    case 'malformed':
      return 'Garbled answer';
    case 'truncated':
      return 'The answer was cut off';
    case 'emptyResponse':
      return 'Empty answer';
    default:
      return 'The request failed';
  }
}

/** "Rate limited — retrying in 12 s" (whole seconds, rounded up, so a countdown never shows 0 s early). */
export function retryMessage(label: string, delayMs: number): string {
  return delayMs <= 0 ? `${label} — retrying now` : `${label} — retrying in ${Math.ceil(delayMs / 1000)} s`;
}

function requestHeaders(deps: TurnDeps, requestId: string, conversationId: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    'x-request-id': requestId,
    'user-agent': deps.userAgent,
  };
  if (deps.apiKey) headers.authorization = `Bearer ${deps.apiKey}`;
  if (conversationId) headers['x-grok-conv-id'] = conversationId;
  return headers;
}

function logRecord(deps: TurnDeps, record: UsageRecord): void {
  const cost = record.costUsd === undefined ? 'cost=?' : `cost=$${record.costUsd.toFixed(6)} (${record.costSource})`;
  deps.logger.info(
    `request-id=${record.requestId} ${record.status}${record.errorKind ? `(${record.errorKind})` : ''} served=${record.model} ` +
      `tokens in=${record.promptTokens} cached=${record.cachedTokens} out=${record.completionTokens} reasoning=${record.reasoningTokens} ${cost} ` +
      `ttft=${record.timeToFirstTokenMs ?? '-'}ms latency=${record.latencyMs}ms`,
  );
  deps.onUsage?.(record);
}
