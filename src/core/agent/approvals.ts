/**
 * Approval questions waiting for the user's answer. The toolbox asks (a card in the answer shows
 * the question); the webview's button answers through {@link PendingApprovals.decide}.
 */

/** The user's answer to an approval card. */
export type Decision = 'allow' | 'deny' | 'allowTask';

export class PendingApprovals {
  private readonly waiting = new Map<string, (decision: Decision) => void>();

  /** Resolves with the answer to card `id`, or with `deny` when `signal` aborts (Stop). */
  wait(id: string, signal: AbortSignal): Promise<Decision> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve('deny');
      const onAbort = (): void => finish('deny');
      const finish = (decision: Decision): void => {
        signal.removeEventListener('abort', onAbort);
        this.waiting.delete(id);
        resolve(decision);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(id, finish);
    });
  }

  /** Answers card `id`; false when nothing waits for it (answered already, or from an old window). */
  decide(id: string, decision: Decision): boolean {
    const finish = this.waiting.get(id);
    finish?.(decision);
    return finish !== undefined;
  }

  /** Whether card `id` waits for an answer. */
  has(id: string): boolean {
    return this.waiting.has(id);
  }
}
