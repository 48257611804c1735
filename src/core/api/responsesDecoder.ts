import * as z from 'zod';
import { StreamDecoder } from './decoderBase';
import { GrokApiError, truncatedError } from './errors';
import { ServerToolDecoder, serverToolEventFields, serverToolItemFields, serverToolResponseFields } from './serverToolDecoder';
import type { FinishReason, TurnEvent } from './types';
import { wireUsageSchema } from './usage';

const str = z.string().nullish();

const itemSchema = z.object({ type: z.string(), id: str, call_id: str, name: str, arguments: str, ...serverToolItemFields });
const responseSchema = z.object({
  id: str,
  model: str,
  status: str,
  usage: wireUsageSchema.nullish(),
  incomplete_details: z.object({ reason: str }).nullish(),
  error: z.object({ code: z.union([z.string(), z.number()]).nullish(), message: str }).nullish(),
  ...serverToolResponseFields,
});

/** Every event has a `type`; the fields we read are typed per event, the rest are tolerated. */
export const responsesEventSchema = z.object({
  type: z.string(),
  sequence_number: z.number().nullish(),
  response: responseSchema.nullish(),
  item: itemSchema.nullish(),
  item_id: str,
  output_index: z.number().nullish(),
  delta: str,
  arguments: str,
  code: z.union([z.string(), z.number()]).nullish(),
  message: str,
  ...serverToolEventFields,
});

type ResponsesEvent = z.infer<typeof responsesEventSchema>;

/**
 * Decodes a Responses stream. There is no finish reason: a completed response whose output holds
 * `function_call` items ended in tool calls. A stream that closes without `response.completed` (or
 * `.incomplete`/`.failed`) is truncated, never a success.
 */
export class ResponsesDecoder extends StreamDecoder {
  private finishReason: FinishReason = 'stop';
  /** Reasoning arrives as summary text or (newer models) raw reasoning text; show one kind, not both. */
  private reasoningKind: string | undefined;
  private readonly callIndexByItem = new Map<string, number>();
  /** Web search, X search, code execution and citations. */
  private readonly serverTools = new ServerToolDecoder();

  push(data: string, out: TurnEvent[]): void {
    if (data === '[DONE]') return; // some gateways add it; the terminal event is what counts
    const event = this.parse(data, responsesEventSchema);
    if (!event) return;
    if (this.serverTools.push(event, out)) {
      this.sawOutput ||= this.serverTools.sawCall;
      return;
    }
    switch (event.type) {
      case 'response.output_text.delta':
        return this.text(event.delta, out);
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        this.reasoningKind ??= event.type;
        if (this.reasoningKind === event.type) this.reasoning(event.delta, out);
        return;
      case 'response.created':
      case 'response.in_progress':
        return this.model(event.response?.model, out);
      case 'response.output_item.added':
        return this.itemAdded(event, out);
      case 'response.function_call_arguments.delta':
        return this.argumentsDelta(event, out);
      case 'response.output_item.done':
        return this.itemDone(event, out);
      case 'response.completed':
      case 'response.done':
        return this.completed(event, out);
      case 'response.incomplete':
        return this.incomplete(event, out);
      case 'response.failed':
      case 'error':
        return this.failed(event);
    }
  }

  end(out: TurnEvent[]): FinishReason {
    this.flushText(out);
    if (!this.terminal) throw truncatedError('the stream ended without a completion event', this.requestId);
    this.endAllToolCalls(out);
    return this.hasToolCalls ? 'tool_calls' : this.finishReason;
  }

  private itemAdded(event: ResponsesEvent, out: TurnEvent[]): void {
    const item = event.item;
    if (item?.type !== 'function_call') return;
    const index = this.calls.size;
    if (item.id) this.callIndexByItem.set(item.id, index);
    if (event.output_index != null) this.callIndexByItem.set(`#${event.output_index}`, index);
    this.toolCallStart(index, item.call_id || item.id || `call_${index}`, item.name ?? '', out);
    if (item.arguments) this.toolCallDelta(index, item.arguments, out);
  }

  private itemDone(event: ResponsesEvent, out: TurnEvent[]): void {
    const index = event.item?.type === 'function_call' ? this.callIndex(event) : undefined;
    if (index !== undefined) this.toolCallEnd(index, out, event.item?.arguments ?? undefined);
  }

  private argumentsDelta(event: ResponsesEvent, out: TurnEvent[]): void {
    const index = this.callIndex(event);
    if (index !== undefined && event.delta) this.toolCallDelta(index, event.delta, out);
  }

  private callIndex(event: ResponsesEvent): number | undefined {
    const itemId = event.item_id ?? event.item?.id;
    const byItem = itemId ? this.callIndexByItem.get(itemId) : undefined;
    return byItem ?? (event.output_index != null ? this.callIndexByItem.get(`#${event.output_index}`) : undefined);
  }

  private completed(event: ResponsesEvent, out: TurnEvent[]): void {
    this.model(event.response?.model, out);
    if (event.response?.usage) this.usage = event.response.usage;
    this.terminal = true;
  }

  private incomplete(event: ResponsesEvent, out: TurnEvent[]): void {
    this.completed(event, out);
    const reason = event.response?.incomplete_details?.reason ?? 'unknown';
    if (reason === 'max_output_tokens') {
      this.finishReason = 'length';
      return;
    }
    if (reason === 'max_prompt_tokens') {
      throw new GrokApiError({ kind: 'badRequest', message: 'The conversation is too long for this model; start a new chat or remove context.', requestId: this.requestId, detail: reason });
    }
    throw truncatedError(reason === 'max_time_limit' ? "the server's time limit for one answer was reached" : `the response is incomplete (${reason})`, this.requestId);
  }

  private failed(event: ResponsesEvent): void {
    if (event.response?.usage) this.usage = event.response.usage;
    const message = event.response?.error?.message ?? event.message ?? 'unknown error';
    throw new GrokApiError({ kind: 'server', message: `xAI failed to finish the answer: ${message}`, action: 'retry', retryable: true, requestId: this.requestId, detail: message });
  }
}
