import { StringDecoder } from 'node:string_decoder';
import { createParser } from 'eventsource-parser';
import type { Dispatcher } from 'undici';
import type { Logger } from '../log';
import { ChatDecoder } from './chatDecoder';
import { classifyHttpError, headerValue, type HeaderMap } from './classifyHttp';
import type { StreamDecoder } from './decoderBase';
import { emptyResponseError, type GrokApiError } from './errors';
import { ResponsesDecoder } from './responsesDecoder';
import type { AttemptTimers, Timeouts } from './timers';
import { sendRequest, transportError, type RawResponse } from './transport';
import type { Endpoint, ModelLimits, TurnEvent, UsageRecord } from './types';
import { estimateCost, normalizeUsage, ZERO_TOKENS, type PriceLookup } from './usage';

/** Everything one attempt of a turn needs. */
export interface AttemptContext {
  url: string;
  host: string;
  endpoint: Endpoint;
  requestedModel: string;
  requestId: string;
  attempt: number;
  headers: Record<string, string>;
  body: string;
  dispatcher?: Dispatcher;
  timers: AttemptTimers;
  timeouts: Timeouts;
  now: () => number;
  logger: Logger;
  prices?: PriceLookup;
  /** Receives the usage record of the attempt, successful or not. */
  onRecord(record: UsageRecord): void;
}

/**
 * Runs one HTTP attempt of a streamed turn and yields its events. Throws a {@link GrokApiError} whose
 * `outputStarted` says whether anything visible was already yielded (the retry loop relies on it).
 * Leaving early (the consumer stops iterating) aborts the request and frees the socket.
 */
export async function* runAttempt(ctx: AttemptContext): AsyncGenerator<TurnEvent, void, undefined> {
  const started = ctx.now();
  const decoder: StreamDecoder = ctx.endpoint === 'chat' ? new ChatDecoder(ctx.requestId, ctx.logger) : new ResponsesDecoder(ctx.requestId, ctx.logger);
  let firstOutputAt: number | undefined;
  const record = (status: 'ok' | 'error', errorKind?: string): UsageRecord => {
    const tokens = decoder.usage ? normalizeUsage(decoder.usage, ctx.endpoint) : ZERO_TOKENS;
    const model = decoder.servedModel ?? ctx.requestedModel;
    const cost = decoder.usage ? estimateCost(tokens, model, ctx.prices) : { costUsd: undefined, costSource: 'unknown' as const };
    const { costTicks: _ticks, ...counts } = tokens;
    const rec: UsageRecord = {
      requestId: ctx.requestId,
      model,
      endpoint: ctx.endpoint,
      ...counts,
      ...cost,
      timeToFirstTokenMs: firstOutputAt === undefined ? undefined : firstOutputAt - started,
      latencyMs: ctx.now() - started,
      status,
      ...(errorKind ? { errorKind } : {}),
    };
    ctx.onRecord(rec);
    return rec;
  };

  let response: RawResponse | undefined;
  try {
    try {
      response = await sendRequest({ url: ctx.url, method: 'POST', headers: ctx.headers, body: ctx.body, dispatcher: ctx.dispatcher, timers: ctx.timers });
    } catch (err) {
      throw transportError(err, ctx.timers, ctx.timeouts, ctx.host, 'request', ctx.requestId);
    }
    await rejectNonStream(response, ctx);
    yield { type: 'start', requestId: ctx.requestId, endpoint: ctx.endpoint, attempt: ctx.attempt };
    const limits = limitsFrom(response.headers);
    if (limits) yield { type: 'limits', limits };

    const out: TurnEvent[] = [];
    const parser = createParser({ onEvent: (message) => decoder.push(message.data, out) });
    // StringDecoder keeps multi-byte characters split across reads intact, at 4x TextDecoder's speed.
    const utf8 = new StringDecoder('utf8');
    for await (const chunk of response.body) {
      ctx.timers.activity();
      // A failure mid-read (an error event, a bad chunk) must not swallow the deltas decoded before it.
      let failure: unknown;
      try {
        parser.feed(utf8.write(chunk));
      } catch (err) {
        failure = err;
      }
      if (out.length > 0) {
        if (firstOutputAt === undefined && decoder.sawOutput) {
          firstOutputAt = ctx.now();
          ctx.timers.outputStarted(); // from now on a silence is a stall (grok.stallTimeoutSeconds)
        }
        for (const event of out) yield event;
        out.length = 0;
      }
      if (failure !== undefined) throw failure;
    }
    parser.feed(utf8.end());
    parser.reset({ consume: true });
    const reason = decoder.end(out);
    if (!decoder.sawAnswer) throw emptyResponseError(ctx.requestId);
    for (const event of out) yield event;
    yield { type: 'usage', usage: record('ok') };
    yield { type: 'finish', reason };
  } catch (err) {
    const error: GrokApiError = transportError(err, ctx.timers, ctx.timeouts, ctx.host, 'stream', ctx.requestId);
    error.requestId ??= ctx.requestId;
    error.outputStarted = decoder.sawOutput;
    error.usage = record('error', error.kind);
    throw error;
  } finally {
    ctx.timers.release();
  }
}

/** Any status but 200, or a 200 that is not an event stream (xAI's JSON error on a stream request), is an error. */
async function rejectNonStream(response: RawResponse, ctx: AttemptContext): Promise<void> {
  const type = headerValue(response.headers, 'content-type') ?? '';
  const isError = response.statusCode !== 200 || /application\/json|text\/html/i.test(type);
  if (!isError) return;
  const text = await readCapped(response);
  // The key is the one in our own Authorization header: redact exactly it from whatever the server echoed.
  const secrets = [ctx.headers.authorization?.replace(/^Bearer\s+/i, '')];
  throw classifyHttpError(response.statusCode, response.headers, text, { requestId: ctx.requestId, model: ctx.requestedModel, host: ctx.host, now: ctx.now, secrets });
}

/** Reads an error body, keeping at most 64 KiB: an HTML page or a runaway body must not fill memory. */
export async function readCapped(response: RawResponse, cap = 65_536): Promise<string> {
  let text = '';
  const utf8 = new TextDecoder();
  for await (const chunk of response.body) {
    text += utf8.decode(chunk, { stream: true });
    if (text.length >= cap) break;
  }
  return text.slice(0, cap);
}

/** The served model's limits, from xAI's headers; undefined when the server sent none. */
export function limitsFrom(headers: HeaderMap): ModelLimits | undefined {
  const context = Number(headerValue(headers, 'x-grok-context-window'));
  const completion = Number(headerValue(headers, 'x-grok-max-completion-tokens'));
  const limits: ModelLimits = {};
  if (Number.isFinite(context) && context > 0) limits.contextWindow = context;
  if (Number.isFinite(completion) && completion > 0) limits.maxCompletionTokens = completion;
  return limits.contextWindow || limits.maxCompletionTokens ? limits : undefined;
}
