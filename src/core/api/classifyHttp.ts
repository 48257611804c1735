import { parseErrorBody } from './errorBody';
import { GrokApiError, oneLine } from './errors';
import { parseRetryAfter } from './retry';

/** Response headers as undici gives them. */
export type HeaderMap = Record<string, string | string[] | undefined>;

/** What the classifier knows about the failed request besides the response. */
export interface HttpErrorContext {
  requestId?: string;
  /** The model the request asked for, if any (a 404 then means the model). */
  model?: string;
  /** Host name, for messages about the server. */
  host: string;
  now?: () => number;
  /** Exact secrets (the API key) to redact from what the server said. */
  secrets?: readonly (string | undefined)[];
}

const BAD_KEY = /incorrect api key|invalid api key|api key (?:is )?(?:invalid|incorrect|not valid)|no api key/i;
const NO_CREDITS = /credits?|spending limit|billing|insufficient[_ ]quota/i;
const UNAVAILABLE = /timed out waiting for first token|currently unavailable|overloaded|temporarily unavailable/i;

/** Reads one header, case-insensitively, first value wins. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
  const direct = headers[name] ?? headers[name.toLowerCase()];
  const value = direct ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Turns an HTTP error response (or an HTTP 200 whose body is a JSON error) into a typed error with one
 * clean line for the user and the action that would help. Decides by status first, because xAI's `code`
 * texts vary between gateways; the message text only separates cases that share a status.
 */
export function classifyHttpError(status: number, headers: HeaderMap, body: string, ctx: HttpErrorContext): GrokApiError {
  const info = parseErrorBody(body, headerValue(headers, 'content-type'), status, ctx.secrets);
  const said = info.message || `HTTP ${status}`;
  const detail = info.code && info.code !== info.message ? `${info.code}: ${info.message}` : info.message;
  const base = {
    status,
    requestId: ctx.requestId,
    detail,
    noRetry: headerValue(headers, 'x-should-retry')?.trim().toLowerCase() === 'false',
    retryAfterMs: parseRetryAfter(headerValue(headers, 'retry-after'), ctx.now?.() ?? Date.now()),
  };
  const searchable = `${info.code ?? ''} ${info.message}`;

  if (!info.html && BAD_KEY.test(searchable) && status < 500) {
    return new GrokApiError({ ...base, kind: 'auth', action: 'setApiKey', message: `The xAI API key was rejected: ${said}` });
  }
  if (!info.html && NO_CREDITS.test(searchable) && (status === 429 || status === 403 || status === 402 || status === 200)) {
    const message = `Your xAI team is out of credits or reached its monthly spending limit; add credits or raise the limit at console.x.ai (${oneLine(said, 160)})`;
    return new GrokApiError({ ...base, kind: 'quotaExhausted', message });
  }
  if (status === 200) {
    const retryable = UNAVAILABLE.test(searchable);
    return new GrokApiError({ ...base, kind: 'server', retryable, action: 'retry', message: `xAI could not answer: ${said}` });
  }
  if (info.html && status >= 500) {
    return new GrokApiError({ ...base, kind: 'server', retryable: !isTlsEdge(status), action: 'retry', message: capitalize(said) });
  }
  switch (status) {
    case 401:
      return new GrokApiError({ ...base, kind: 'auth', action: 'setApiKey', message: `The API key is missing or malformed (HTTP 401): ${said}` });
    case 403:
      return new GrokApiError({ ...base, kind: 'auth', action: 'setApiKey', message: `This API key is not allowed to do that (blocked, disabled or without access): ${said}` });
    case 404:
      if (ctx.model && (/model/i.test(said) || !info.html)) {
        return new GrokApiError({ ...base, kind: 'modelNotFound', action: 'chooseModel', message: `Model "${ctx.model}" was not found or this key has no access to it: ${said}` });
      }
      return new GrokApiError({ ...base, kind: 'notFound', action: 'openSettings', message: `${ctx.host} has no such endpoint (HTTP 404); check grok.baseUrl.` });
    case 408:
      return new GrokApiError({ ...base, kind: 'timeout', action: 'retry', message: `The server timed out reading the request (HTTP 408).` });
    case 429:
      return new GrokApiError({ ...base, kind: 'rateLimited', action: 'retry', retryable: true, message: `Rate limited by ${ctx.host}: ${said}` });
  }
  if (status >= 500) {
    const retryable = !isTlsEdge(status) && status !== 501;
    return new GrokApiError({ ...base, kind: 'server', action: 'retry', retryable, message: `${ctx.host} had a server error (HTTP ${status}): ${said}` });
  }
  if (info.html) return new GrokApiError({ ...base, kind: 'badRequest', action: 'openSettings', message: said });
  return new GrokApiError({ ...base, kind: 'badRequest', message: `The request was rejected (HTTP ${status}): ${said}` });
}

/** 525/526 are TLS failures at the edge: retrying the same handshake does not help. */
function isTlsEdge(status: number): boolean {
  return status === 525 || status === 526;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
