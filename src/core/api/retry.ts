/** Longest wait we honour from a Retry-After header; a server asking for more is treated as this. */
export const MAX_RETRY_AFTER_MS = 120_000;

/** Backoff settings: first delay and ceiling, before jitter. */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

/** xAI's own agent starts at 2 s and doubles to 30 s. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 30_000 };

/**
 * Parses Retry-After (delta seconds or an HTTP date) into milliseconds, capped at
 * {@link MAX_RETRY_AFTER_MS}. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - nowMs), MAX_RETRY_AFTER_MS);
}

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(cap, base·2^(attempt-1))).
 * Full jitter spreads clients that failed together, so they do not retry in lockstep.
 * @param attempt 1 for the first retry
 * @param random a source in [0, 1) (injected so tests are deterministic)
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Sleeps `ms`, or rejects as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
