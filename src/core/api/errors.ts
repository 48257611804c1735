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

/** The one thing the UI should offer next to the message. */
export type SuggestedAction = 'setApiKey' | 'retry' | 'chooseModel' | 'openSettings';

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
    this.action = init.action;
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? false;
    this.detail = init.detail;
    this.retryAfterMs = init.retryAfterMs;
    this.noRetry = init.noRetry ?? false;
  }
}

/** Narrowing helper that survives duplicated module copies (checks the name, not the prototype). */
export function isGrokApiError(value: unknown): value is GrokApiError {
  return value instanceof GrokApiError || (value instanceof Error && value.name === 'GrokApiError');
}

/** The error for a user-initiated stop. */
export function cancelledError(requestId?: string): GrokApiError {
  return new GrokApiError({ kind: 'cancelled', message: 'Stopped.', requestId });
}

/** The error for a stream whose chunks do not match the expected shape. */
export function malformedError(what: string, requestId?: string): GrokApiError {
  return new GrokApiError({
    kind: 'malformed',
    message: `The server sent a malformed stream (${oneLine(what, 160)}).`,
    action: 'retry',
    retryable: true,
    requestId,
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
