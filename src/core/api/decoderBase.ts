import type * as z from 'zod';
import { malformedError } from './errors';
import type { FinishReason, TurnEvent } from './types';
import type { WireUsage } from './usage';

/** Hidden-reasoning models have streamed this placeholder over and over instead of real reasoning. */
const FILLER = /^\s*thinking\.{3}\s*$/i;

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
  protected readonly calls = new Map<number, ToolCallState>();

  constructor(protected readonly requestId: string) {}

  /** Decodes one SSE `data` payload into `out`. Throws {@link GrokApiError} for error events or bad chunks. */
  abstract push(data: string, out: TurnEvent[]): void;

  /** The body ended: appends closing events and returns the finish reason, or throws (truncated…). */
  abstract end(out: TurnEvent[]): FinishReason;

  /** Parses JSON and validates it; any failure is a malformed-stream error naming the first problem. */
  protected parse<T>(data: string, schema: z.ZodType<T>): T {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      throw malformedError(`invalid JSON: ${data.slice(0, 60)}`, this.requestId);
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw malformedError(`${issue?.path.join('.') || 'chunk'}: ${issue?.message ?? 'unexpected shape'}`, this.requestId);
    }
    return result.data;
  }

  protected model(model: string | null | undefined, out: TurnEvent[]): void {
    if (model && model !== this.servedModel) {
      this.servedModel = model;
      out.push({ type: 'model', model });
    }
  }

  protected text(text: string | null | undefined, out: TurnEvent[]): void {
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
