/**
 * Coalesces streamed text and reasoning deltas so the host posts at most one message per interval
 * to the webview, instead of one per token (postMessage has a per-message cost on both sides).
 */
export interface DeltaBatch {
  text: string;
  reasoning: string;
}

export class DeltaBatcher {
  private text = '';
  private reasoning = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly flushTo: (batch: DeltaBatch) => void,
    private readonly intervalMs = 16,
  ) {}

  push(kind: 'text' | 'reasoning', delta: string): void {
    if (!delta) return;
    if (kind === 'text') this.text += delta;
    else this.reasoning += delta;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends what is pending now (call before posting the end of a turn). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.text && !this.reasoning) return;
    const batch = { text: this.text, reasoning: this.reasoning };
    this.text = '';
    this.reasoning = '';
    this.flushTo(batch);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
