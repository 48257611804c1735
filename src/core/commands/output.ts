/**
 * A command's output as the model (and the tool card) sees it: terminal escape sequences removed
 * (colours, cursor moves, VS Code's shell-integration marks), carriage-return redraws collapsed to
 * what the line finally showed, bounded to a head and a tail with the middle elided and counted,
 * and passed through the secret redactor. Streaming: memory stays bounded however much is printed.
 */
import ansiRegex from 'ansi-regex';
import { redactSecrets } from '../chat/secrets';

const ANSI = ansiRegex();
/** One whole escape sequence at the start of a string (to tell a cut-off one at a chunk's end). */
const ANSI_AT_START = new RegExp(`^(?:${ansiRegex().source})`);
/** A longer run after ESC with no end is not a sequence we would recognise anyway. */
const MAX_PENDING_ESCAPE = 4096;

/** Removes escape sequences from a stream of chunks, holding back one cut off at a chunk's end. */
export class AnsiStripper {
  private pending = '';

  /** The chunk without escape sequences (a sequence it ends inside of comes out with the next chunk). */
  push(chunk: string): string {
    let text = this.pending + chunk;
    this.pending = '';
    const esc = Math.max(text.lastIndexOf('\x1b'), text.lastIndexOf('\x9b'));
    if (esc >= 0 && text.length - esc < MAX_PENDING_ESCAPE) {
      const tail = text.slice(esc);
      const whole = ANSI_AT_START.exec(tail);
      // A match reaching the very end may be the start of a longer sequence (`ESC[3` of `ESC[31m`).
      if (!whole || whole[0].length === tail.length) {
        this.pending = tail;
        text = text.slice(0, esc);
      }
    }
    return text.replace(ANSI, '');
  }

  /** Whatever was held back, stripped as far as possible. */
  flush(): string {
    const rest = this.pending.replace(ANSI, '').replace(/[\x1b\x9b]/g, '');
    this.pending = '';
    return rest;
  }
}

/** Strips escape sequences from a whole text. */
export function stripAnsi(text: string): string {
  const s = new AnsiStripper();
  return s.push(text) + s.flush();
}

/** `\r\n` to `\n`; a line redrawn with `\r` (progress bars) keeps only what it showed last. */
export function collapseCarriageReturns(text: string): string {
  return text
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .join('\n');
}

/** Limits for {@link BoundedOutput}, in characters. */
export interface OutputLimits {
  head: number;
  tail: number;
}

/** 8,000 characters of head and 12,000 of tail: the end (errors, summaries) matters most. */
export const DEFAULT_OUTPUT_LIMITS: OutputLimits = { head: 8_000, tail: 12_000 };

/** Keeps the first `head` and last `tail` characters of a stream, counting what falls between. */
export class BoundedOutput {
  private head = '';
  private tail = '';
  private elidedChars = 0;
  private elidedBytes = 0;
  private elidedNewlines = 0;

  constructor(private readonly limits: OutputLimits = DEFAULT_OUTPUT_LIMITS) {}

  push(chunk: string): void {
    const room = this.limits.head - this.head.length;
    if (room > 0) {
      this.head += chunk.slice(0, room);
      chunk = chunk.slice(room);
    }
    this.tail += chunk;
    // Trim in batches so a stream of small chunks is not re-sliced on every push.
    if (this.tail.length > this.limits.tail * 2) this.drop(this.tail.length - this.limits.tail);
  }

  private drop(count: number): void {
    const dropped = this.tail.slice(0, count);
    this.tail = this.tail.slice(count);
    this.elidedChars += dropped.length;
    this.elidedBytes += Buffer.byteLength(dropped);
    this.elidedNewlines += dropped.split('\n').length - 1;
  }

  /** The text so far: head, a line saying how much was left out, tail. */
  text(): string {
    if (this.tail.length > this.limits.tail) this.drop(this.tail.length - this.limits.tail);
    if (this.elidedChars === 0) return this.head + this.tail;
    // Cut at line ends so no line is shown half; the partial lines count as elided.
    const headEnd = this.head.lastIndexOf('\n') + 1;
    const tailStart = this.tail.indexOf('\n') + 1;
    const cutHead = this.head.slice(headEnd);
    const cutTail = this.tail.slice(0, tailStart);
    // The elided part runs from a line start to a line start, so its newlines count its lines.
    const lines = this.elidedNewlines + (tailStart > 0 ? 1 : 0);
    const bytes = this.elidedBytes + Buffer.byteLength(cutHead) + Buffer.byteLength(cutTail);
    return `${this.head.slice(0, headEnd)}… [${lines.toLocaleString('en-US')} lines, ${bytes.toLocaleString('en-US')} bytes elided] …\n${this.tail.slice(tailStart)}`;
  }
}

/** What a finished command's output becomes for the model and the card (same text for both). */
export function outputForModel(bounded: string): { text: string; redacted: number } {
  const { text, count } = redactSecrets(collapseCarriageReturns(bounded));
  return { text, redacted: count };
}
