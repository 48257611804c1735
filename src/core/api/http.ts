import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type * as z from 'zod';
import type { Logger } from '../log';
import { readCapped } from './attempt';
import { classifyHttpError } from './classifyHttp';
import { hostOf, joinUrl } from './endpoint';
import { GrokApiError, malformedError } from './errors';
import { AttemptTimers, type Timeouts } from './timers';
import { sendRequest, transportError } from './transport';

/** What a plain JSON GET needs. */
export interface GetDeps {
  baseUrl: string;
  apiKey: string | undefined;
  dispatcher?: Dispatcher;
  logger: Logger;
  timeouts: Timeouts;
  userAgent: string;
  now: () => number;
}

/** Short limits for listing calls: they either answer quickly or something is wrong. */
const GET_TIMEOUTS: Timeouts = { headersMs: 30_000, idleMs: 30_000, stallMs: 30_000, totalMs: 60_000 };

/**
 * GETs `path` under the base URL and validates the JSON answer. Errors are the same typed errors as for
 * streaming (a wrong key on GET /models is an auth error with a Set API Key action).
 */
export async function getJson<T>(deps: GetDeps, path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  const requestId = randomUUID();
  const host = hostOf(deps.baseUrl);
  const timeouts = { ...GET_TIMEOUTS, headersMs: Math.min(GET_TIMEOUTS.headersMs, deps.timeouts.headersMs || Infinity) };
  const timers = new AttemptTimers(timeouts, timeouts.totalMs, signal);
  const headers: Record<string, string> = { accept: 'application/json', 'x-request-id': requestId, 'user-agent': deps.userAgent };
  if (deps.apiKey) headers.authorization = `Bearer ${deps.apiKey}`;
  deps.logger.debug(`GET /${path} request-id=${requestId}`);
  try {
    const response = await sendRequest({ url: joinUrl(deps.baseUrl, path), method: 'GET', headers, dispatcher: deps.dispatcher, timers });
    const text = await readCapped(response, 8 * 1024 * 1024);
    if (response.statusCode !== 200) {
      throw classifyHttpError(response.statusCode, response.headers, text, { requestId, host, now: deps.now, secrets: [deps.apiKey] });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw classifyHttpError(502, response.headers, text, { requestId, host, now: deps.now, secrets: [deps.apiKey] });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw malformedError(`GET /${path}: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`, requestId);
    return parsed.data;
  } catch (err) {
    const error: GrokApiError = transportError(err, timers, timeouts, host, 'request', requestId);
    deps.logger.warn(`GET /${path} request-id=${requestId} failed: ${error.kind}: ${error.detail ?? error.message}`);
    throw error;
  } finally {
    timers.release();
  }
}
