import { isXaiHostname } from './endpoint';
import { parseErrorBody } from './errorBody';
import { GrokApiError, type SuggestedAction } from './errors';
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
/** A 400 about the model itself (unknown, unsupported, lacking a capability, or too small for the prompt): another model helps. */
const MODEL_PROBLEM =
  /\b(?:unknown|unsupported|invalid|unavailable) model\b|\bmodel\b.{0,80}?\b(?:not found|does(?: not|n't) exist|is not (?:supported|available)|not supported|does(?: not|n't) support|has no access|no longer available|deprecated)|maximum (?:prompt|context) length|context (?:window|length) (?:exceeded|of)|too many (?:input )?tokens/i;

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
  const fromXai = isXaiHostname(ctx.host);
  const info = parseErrorBody(body, headerValue(headers, 'content-type'), status, { fromXai, secrets: ctx.secrets });
  const said = info.message || `HTTP ${status}`;
  const detail = info.code && info.code !== info.message ? `${info.code}: ${info.message}` : info.message;
  const noRetry = headerValue(headers, 'x-should-retry')?.trim().toLowerCase() === 'false';
  const base = {
    status,
    requestId: ctx.requestId,
    detail,
    noRetry,
    retryAfterMs: parseRetryAfter(headerValue(headers, 'retry-after'), ctx.now?.() ?? Date.now()),
  };
  // The server's own veto is said in the message, so the missing Retry button does not look like an oversight.
  const make = (init: { kind: GrokApiError['kind']; message: string; action?: SuggestedAction; retryable?: boolean }): GrokApiError =>
    new GrokApiError({ ...base, ...init, message: noRetry ? `${init.message}${/[.!?]$/.test(init.message) ? '' : '.'} The server asked not to retry this request.` : init.message });
  const searchable = `${info.code ?? ''} ${info.message}`;

  if (!info.html && BAD_KEY.test(searchable) && status < 500) {
    return make({ kind: 'auth', action: 'setApiKey', message: `The xAI API key was rejected: ${said}` });
  }
  if (!info.html && NO_CREDITS.test(searchable) && (status === 429 || status === 403 || status === 402 || status === 200)) {
    // Retrying cannot help until someone adds credits: the action opens the billing console instead.
    const message = 'Your xAI team is out of credits or reached its monthly spending limit. Add credits or raise the limit in the xAI console.';
    return make({ kind: 'quotaExhausted', action: 'openBilling', message });
  }
  if (status === 200) {
    const retryable = UNAVAILABLE.test(searchable);
    return make({ kind: 'server', retryable, action: retryable ? 'retry' : undefined, message: `xAI could not answer: ${said}` });
  }
  if (info.html && status >= 500) {
    const retryable = !isTlsEdge(status);
    return make({ kind: 'server', retryable, action: retryable ? 'retry' : undefined, message: capitalize(said) });
  }
  // An HTML page is a proxy's or an edge's answer, not the API's: the key is not what it judged (404, 408 and 429 keep their meaning).
  if (info.html && status < 500 && status !== 404 && status !== 408 && status !== 429) {
    return make({ kind: 'badRequest', action: fromXai ? undefined : 'openSettings', message: said });
  }
  switch (status) {
    case 401:
      return make({ kind: 'auth', action: 'setApiKey', message: `The API key is missing or malformed (HTTP 401): ${said}` });
    case 403:
      return make({ kind: 'auth', action: 'setApiKey', message: `This API key is not allowed to do that (blocked, disabled or without access): ${said}` });
    case 404:
      if (ctx.model && (/model/i.test(said) || !info.html)) {
        return make({ kind: 'modelNotFound', action: 'chooseModel', message: `Model "${ctx.model}" was not found or this key has no access to it: ${said}` });
      }
      return make({ kind: 'notFound', action: 'openSettings', message: `${ctx.host} has no such endpoint (HTTP 404); check grok.baseUrl.` });
    case 408:
      return make({ kind: 'timeout', action: 'retry', retryable: true, message: `The server timed out reading the request (HTTP 408).` });
    case 429:
      return make({ kind: 'rateLimited', action: 'retry', retryable: true, message: `Rate limited by ${ctx.host}: ${said}` });
  }
  if (status >= 500) {
    const retryable = !isTlsEdge(status) && status !== 501;
    // 501: this server does not implement the endpoint (an OpenAI-compatible server without Responses): grok.api fixes it.
    const action = retryable ? 'retry' : status === 501 ? 'openSettings' : undefined;
    return make({ kind: 'server', action, retryable, message: `${ctx.host} had a server error (HTTP ${status}): ${said}` });
  }
  // A rejected request fails the same way when resent: offer what can change it, never Retry.
  const action: SuggestedAction = ctx.model !== undefined && MODEL_PROBLEM.test(said) ? 'chooseModel' : 'openSettings';
  return make({ kind: 'badRequest', action, message: `The request was rejected (HTTP ${status}): ${said}` });
}

/** 525/526 are TLS failures at the edge: retrying the same handshake does not help. */
function isTlsEdge(status: number): boolean {
  return status === 525 || status === 526;
}

function capitalize(text: string): string {
  if (text.startsWith('xAI')) return text; // a name keeps its spelling
  return text.charAt(0).toUpperCase() + text.slice(1);
}
