import type { UsageRecord } from './types';

/** What went wrong, coarse enough for the UI to pick a message and an action. */
export type GrokErrorKind =
  | 'auth'
  | 'rateLimited'
  | 'quotaExhausted'
  | 'badRequest'
  | 'modelNotFound'
  | 'notFound'
  | 'server'
  | 'network'
  | 'timeout'
  | 'stalled'
  | 'cancelled'
  | 'malformed'
  | 'emptyResponse'
  | 'truncated';

/**
 * The one thing the UI should offer next to the message; none (undefined) when nothing the user can click
 * would help. `retry` only where trying again can succeed; `openBilling` opens the xAI console's billing.
 */
export type SuggestedAction = 'setApiKey' | 'retry' | 'chooseModel' | 'openSettings' | 'openBilling';

/** Where out-of-credits errors send the user (the xAI console, where credits and spending limits are set). */
export const XAI_BILLING_URL = 'https://console.x.ai';

/** Fields of a {@link GrokApiError}; everything but kind and message is optional. */
export interface GrokApiErrorInit {
  kind: GrokErrorKind;
  /** One line, fit to show the user as is. */
  message: string;
  action?: SuggestedAction;
  status?: number;
  requestId?: string;
  /** Whether trying again could succeed (the client retries only before output started). */
  retryable?: boolean;
  /** The server's own message, cleaned, for the log. */
  detail?: string;
  /** Seconds the server asked us to wait (Retry-After), if any. */
  retryAfterMs?: number;
  /** The server said `x-should-retry: false`. */
  noRetry?: boolean;
  cause?: unknown;
}

/**
 * The only error the client throws. `message` is one clean line for the user; `outputStarted` tells the
 * caller that text already reached the user, so it must keep the partial answer (and offer Retry).
 */
export class GrokApiError extends Error {
  override readonly name = 'GrokApiError';
  readonly kind: GrokErrorKind;
  readonly action: SuggestedAction | undefined;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly detail: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly noRetry: boolean;
  requestId: string | undefined;
  /** True when text, reasoning or a tool call had already been streamed before the failure. */
  outputStarted = false;
  /** Usage of the failed attempt, when the server got that far. */
  usage: UsageRecord | undefined;

  constructor(init: GrokApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    // `x-should-retry: false` wins over everything: neither the client nor the user should try again as is.
    this.action = init.noRetry && init.action === 'retry' ? undefined : init.action;
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryable = (init.retryable ?? false) && !init.noRetry;
    this.detail = init.detail;
    this.retryAfterMs = init.retryAfterMs;
    this.noRetry = init.noRetry ?? false;
  }
}

/** Narrowing helper that survives duplicated module copies (checks the name, not the prototype). */
export function isGrokApiError(value: unknown): value is GrokApiError {
  return value instanceof GrokApiError || (value instanceof Error && value.name === 'GrokApiError');
}

/**
 * The action a caller should offer for any thrown value: a {@link GrokApiError}'s own (possibly none —
 * then show no button, in particular not Retry), Retry for anything unexpected.
 */
export function suggestedActionOf(error: unknown): SuggestedAction | undefined {
  return isGrokApiError(error) ? error.action : 'retry';
}

/** The error for a user-initiated stop. */
export function cancelledError(requestId?: string): GrokApiError {
  return new GrokApiError({ kind: 'cancelled', message: 'Stopped.', requestId });
}

/**
 * The error for a stream (or a JSON answer) whose content does not match the expected shape. The user
 * sees one plain sentence; `what` (which may quote server data) goes to `detail`, for the log only.
 */
export function malformedError(what: string, requestId?: string, summary = 'unreadable data'): GrokApiError {
  return new GrokApiError({
    kind: 'malformed',
    message: `The server sent a garbled answer (${summary}).`,
    action: 'retry',
    retryable: true,
    requestId,
    detail: oneLine(what, 200),
  });
}

/** The error for a stream that ended before its terminal event. */
export function truncatedError(what: string, requestId?: string): GrokApiError {
  return new GrokApiError({
    kind: 'truncated',
    message: `The answer was cut off: ${what}.`,
    action: 'retry',
    retryable: true,
    requestId,
  });
}

/** The error for a turn that finished with neither text nor a tool call. */
export function emptyResponseError(requestId?: string): GrokApiError {
  return new GrokApiError({
    kind: 'emptyResponse',
    message: 'The model returned an empty answer.',
    action: 'retry',
    retryable: true,
    requestId,
  });
}

/** Collapses whitespace and cuts text to one line of at most `max` characters. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
