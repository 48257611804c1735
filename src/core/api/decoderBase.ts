import type * as z from 'zod';
import { silentLogger, type Logger } from '../log';
import { malformedError, oneLine } from './errors';
import { LeadingFillerFilter } from './filler';
import type { FinishReason, TurnEvent } from './types';
import type { WireUsage } from './usage';

/** Hidden-reasoning models have streamed this placeholder over and over instead of real reasoning. */
const FILLER = /^\s*thinking\.{3}\s*$/i;

/**
 * Malformed chunks (bad JSON, a known field of the wrong type) are skipped: one garbled event from a
 * gateway should not throw away a good answer. The stream fails only when they repeat — this many in a
 * row, or more than {@link MAX_MALFORMED_TOTAL} in one response — because then the answer itself is
 * being lost, not one event of it.
 */
export const MAX_MALFORMED_IN_A_ROW = 3;
/** See {@link MAX_MALFORMED_IN_A_ROW}. */
export const MAX_MALFORMED_TOTAL = 10;

interface ToolCallState {
  id: string;
  name: string;
  arguments: string;
  ended: boolean;
}

/**
 * Turns one endpoint's SSE payloads into {@link TurnEvent}s. Subclasses parse their wire format; this base
 * keeps what both share: the served model, filler filtering, tool calls by index, and usage.
 * Events are appended to a caller-owned array so a whole network chunk is decoded without allocation per event.
 */
export abstract class StreamDecoder {
  servedModel: string | undefined;
  usage: WireUsage | undefined;
  /** A terminal marker was seen (`[DONE]`, `response.completed`…). */
  terminal = false;
  /** Text or a tool call was produced: the turn is not empty. */
  sawAnswer = false;
  /** Anything visible (text, reasoning or a tool call) was produced: retrying would duplicate it. */
  sawOutput = false;
  /** Malformed chunks skipped so far in this response. */
  malformedChunks = 0;
  protected readonly calls = new Map<number, ToolCallState>();
  private malformedInARow = 0;
  private readonly filler = new LeadingFillerFilter();

  constructor(
    protected readonly requestId: string,
    private readonly logger: Logger = silentLogger,
  ) {}

  /** Decodes one SSE `data` payload into `out`. Throws {@link GrokApiError} for error events or repeated bad chunks. */
  abstract push(data: string, out: TurnEvent[]): void;

  /** The body ended: appends closing events and returns the finish reason, or throws (truncated…). */
  abstract end(out: TurnEvent[]): FinishReason;

  /**
   * Parses JSON and validates it. A failure is logged and counted and the chunk skipped (undefined);
   * only a repeat (see {@link MAX_MALFORMED_IN_A_ROW}) throws, with a plain message and the details in
   * `detail` — never the raw chunk in the user's message.
   */
  protected parse<T>(data: string, schema: z.ZodType<T>): T | undefined {
    let problem: string;
    try {
      const result = schema.safeParse(JSON.parse(data));
      if (result.success) {
        this.malformedInARow = 0;
        return result.data;
      }
      const issue = result.error.issues[0];
      problem = `${issue?.path.join('.') || 'chunk'}: ${issue?.message ?? 'unexpected shape'}`;
    } catch {
      problem = `invalid JSON (${data.length} chars): ${oneLine(data, 80)}`;
    }
    this.malformedChunks++;
    this.malformedInARow++;
    this.logger.warn(`request-id=${this.requestId} skipped malformed chunk #${this.malformedChunks}: ${problem}`);
    if (this.malformedInARow >= MAX_MALFORMED_IN_A_ROW || this.malformedChunks > MAX_MALFORMED_TOTAL) {
      const summary = this.malformedInARow >= MAX_MALFORMED_IN_A_ROW ? `${this.malformedInARow} unreadable events in a row` : `${this.malformedChunks} unreadable events`;
      throw malformedError(problem, this.requestId, summary);
    }
    return undefined;
  }

  /** Releases visible text held back as possible filler; call first thing in {@link end}. */
  protected flushText(out: TurnEvent[]): void {
    this.emitText(this.filler.end(), out);
    if (this.filler.dropped > 0) this.logger.info(`request-id=${this.requestId} dropped ${this.filler.dropped} filler placeholder(s) at the start of the answer`);
  }

  protected model(model: string | null | undefined, out: TurnEvent[]): void {
    if (model && model !== this.servedModel) {
      this.servedModel = model;
      out.push({ type: 'model', model });
    }
  }

  protected text(text: string | null | undefined, out: TurnEvent[]): void {
    if (text) this.emitText(this.filler.push(text), out);
  }

  private emitText(text: string, out: TurnEvent[]): void {
    if (!text) return;
    this.sawAnswer = this.sawOutput = true;
    // Deltas decoded from one network read are merged: same text, far fewer events for the UI to handle.
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += text;
    else out.push({ type: 'text', text });
  }

  protected reasoning(text: string | null | undefined, out: TurnEvent[]): void {
    if (!text || FILLER.test(text)) return;
    this.sawOutput = true;
    const last = out[out.length - 1];
    if (last?.type === 'reasoning') last.text += text;
    else out.push({ type: 'reasoning', text });
  }

  protected toolCallStart(index: number, id: string, name: string, out: TurnEvent[]): void {
    if (this.calls.has(index)) return;
    this.calls.set(index, { id, name, arguments: '', ended: false });
    this.sawAnswer = this.sawOutput = true;
    out.push({ type: 'toolCallStart', index, id, name });
  }

  protected toolCallDelta(index: number, delta: string, out: TurnEvent[]): void {
    const call = this.calls.get(index);
    if (!call || !delta) return;
    call.arguments += delta;
    out.push({ type: 'toolCallDelta', index, argumentsDelta: delta });
  }

  /** Ends one call; `finalArguments` (when the server repeats them whole) wins over the accumulated deltas. */
  protected toolCallEnd(index: number, out: TurnEvent[], finalArguments?: string): void {
    const call = this.calls.get(index);
    if (!call || call.ended) return;
    call.ended = true;
    if (finalArguments !== undefined && finalArguments !== '') call.arguments = finalArguments;
    out.push({ type: 'toolCallEnd', index, id: call.id, name: call.name, arguments: call.arguments });
  }

  /** Ends every call still open, in index order. */
  protected endAllToolCalls(out: TurnEvent[]): void {
    for (const index of [...this.calls.keys()].sort((a, b) => a - b)) this.toolCallEnd(index, out);
  }

  protected get hasToolCalls(): boolean {
    return this.calls.size > 0;
  }
}
