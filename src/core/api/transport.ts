import { request, type Dispatcher } from 'undici';
import { cancelledError, GrokApiError, isGrokApiError, oneLine } from './errors';
import type { HeaderMap } from './classifyHttp';
import type { AttemptTimers, Timeouts } from './timers';

/** The parts of an HTTP response the client reads. */
export interface RawResponse {
  statusCode: number;
  headers: HeaderMap;
  body: AsyncIterable<Buffer> & { text(): Promise<string>; dump(): Promise<void> };
}

/** One HTTP call. */
export interface SendOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  dispatcher?: Dispatcher;
  timers: AttemptTimers;
}

/**
 * Sends one request through undici. undici's own header/body timeouts are turned off: {@link AttemptTimers}
 * enforces ours, so the error can say which limit fired and the defaults suit long-thinking models.
 */
export async function sendRequest(options: SendOptions): Promise<RawResponse> {
  const response = await request(options.url, {
    method: options.method,
    headers: options.headers,
    body: options.body,
    dispatcher: options.dispatcher,
    signal: options.timers.signal,
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  options.timers.headersReceived();
  return response as RawResponse;
}

/** Where the failure happened: before any response, or while reading the stream. */
export type TransportPhase = 'request' | 'stream';

/**
 * Maps anything thrown by undici or our timers to a {@link GrokApiError}. An abort is reported by the
 * cause our timers recorded (the caller's stop, or which timeout), not as a generic network failure.
 */
export function transportError(err: unknown, timers: AttemptTimers, timeouts: Timeouts, host: string, phase: TransportPhase, requestId: string): GrokApiError {
  if (isGrokApiError(err)) return err;
  switch (timers.cause) {
    case 'cancelled':
      return cancelledError(requestId);
    case 'headersTimeout':
      return new GrokApiError({ kind: 'timeout', message: `${host} did not answer within ${seconds(timeouts.headersMs)}.`, action: 'retry', retryable: true, requestId, cause: err });
    case 'idle':
      return new GrokApiError({ kind: 'stalled', message: `${host} sent nothing for ${seconds(timeouts.idleMs)} before the answer started.`, action: 'retry', retryable: true, requestId, cause: err });
    case 'stalled':
      return new GrokApiError({ kind: 'stalled', message: `The answer stalled: nothing arrived for ${seconds(timeouts.stallMs)} (grok.stallTimeoutSeconds).`, action: 'retry', retryable: true, requestId, cause: err });
    case 'totalTimeout':
      return new GrokApiError({ kind: 'timeout', message: `The request took longer than ${seconds(timeouts.totalMs)} (grok.requestTimeoutSeconds).`, action: 'openSettings', requestId, cause: err });
  }
  const code = errorCode(err);
  const what = code ?? (err instanceof Error ? oneLine(err.message, 120) : 'unknown error');
  const message = phase === 'request' ? `Could not reach ${host} (${what}).` : `The connection to ${host} dropped (${what}).`;
  return new GrokApiError({ kind: 'network', message, action: 'retry', retryable: true, requestId, detail: what, cause: err });
}

function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    if (code === 'UND_ERR_SOCKET') return 'connection closed by the server';
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
