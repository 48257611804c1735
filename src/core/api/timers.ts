/**
 * Why an attempt was aborted by the client itself. `idle` is silence before any output, `stalled` silence
 * after output had started.
 */
export type AbortCause = 'cancelled' | 'headersTimeout' | 'idle' | 'stalled' | 'totalTimeout';

/** Timeouts of one call, in milliseconds. 0 disables one. */
export interface Timeouts {
  /** From sending the request to receiving the response headers. */
  headersMs: number;
  /**
   * Longest silence between two body chunks while nothing visible has arrived yet. 0 (the default): none,
   * so a model thinking silently before its first token is bounded only by `totalMs`.
   */
  idleMs: number;
  /**
   * Longest silence between two body chunks once visible output (text, reasoning, a tool call) has started:
   * the `grok.stallTimeoutSeconds` setting. The partial answer stays with the caller.
   */
  stallMs: number;
  /** The whole call, retries included. */
  totalMs: number;
}

/**
 * Defaults: hidden-reasoning models can be silent for minutes before the first token (only `totalMs`,
 * `grok.requestTimeoutSeconds` = 600 s, bounds that), but once an answer streams a minute of silence
 * means it stalled (`grok.stallTimeoutSeconds` = 60 s). The user can always stop sooner.
 */
export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 120_000, idleMs: 0, stallMs: 60_000, totalMs: 600_000 };

/**
 * The abort controller of one attempt plus its timers. Whatever fires first (the caller's signal, the
 * headers timer, the idle timer, the total deadline) aborts the request and is remembered as the cause,
 * so the error can say which limit was hit.
 */
export class AttemptTimers {
  readonly controller = new AbortController();
  cause: AbortCause | undefined;
  private headersTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private outputSeen = false;
  private totalTimer: NodeJS.Timeout | undefined;
  private readonly onCallerAbort = (): void => this.abort('cancelled');

  constructor(
    private readonly timeouts: Timeouts,
    remainingTotalMs: number,
    private readonly callerSignal?: AbortSignal,
  ) {
    if (callerSignal?.aborted) this.abort('cancelled');
    callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
    if (timeouts.totalMs > 0) this.totalTimer = setTimeout(() => this.abort('totalTimeout'), Math.max(0, remainingTotalMs));
    if (timeouts.headersMs > 0) this.headersTimer = setTimeout(() => this.abort('headersTimeout'), timeouts.headersMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Headers arrived: stop the headers timer and start watching for silence. */
  headersReceived(): void {
    clearTimeout(this.headersTimer);
    if (this.timeouts.idleMs > 0) this.idleTimer = setTimeout(() => this.abort('idle'), this.timeouts.idleMs);
  }

  /** Visible output started: from now on silence is limited by `stallMs` (counted from this moment). Idempotent. */
  outputStarted(): void {
    if (this.outputSeen || this.controller.signal.aborted) return;
    this.outputSeen = true;
    clearTimeout(this.idleTimer);
    this.idleTimer = this.timeouts.stallMs > 0 ? setTimeout(() => this.abort('stalled'), this.timeouts.stallMs) : undefined;
  }

  /** A body chunk arrived. `refresh()` re-arms the same timer without allocating a new one per chunk. */
  activity(): void {
    this.idleTimer?.refresh();
  }

  /** Clears every timer and the caller-signal listener. Call once the attempt is over. */
  dispose(): void {
    clearTimeout(this.headersTimer);
    clearTimeout(this.idleTimer);
    clearTimeout(this.totalTimer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  /** Ends the request without naming a cause (the attempt is over or was abandoned): frees the socket. */
  release(): void {
    this.dispose();
    if (!this.controller.signal.aborted) this.controller.abort(new Error('released'));
  }

  private abort(cause: AbortCause): void {
    if (this.controller.signal.aborted) return;
    this.cause = cause;
    this.dispose();
    this.controller.abort(new Error(`aborted: ${cause}`));
  }
}
