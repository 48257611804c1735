import * as z from 'zod';
import { StreamDecoder } from './decoderBase';
import { parseErrorBody } from './errorBody';
import { GrokApiError, truncatedError } from './errors';
import type { FinishReason, TurnEvent } from './types';
import { wireUsageSchema } from './usage';

const str = z.string().nullish();

// Only the fields the decoder reads are declared (each costs time on every chunk); the rest pass unchecked.
const toolCallDeltaSchema = z.object({
  index: z.number().int().nonnegative().nullish(),
  id: str,
  function: z.object({ name: str, arguments: str }).nullish(),
});

/** One `chat.completion.chunk`. Unknown fields are tolerated (stripped); known ones must have their types. */
export const chatChunkSchema = z.object({
  model: str,
  choices: z
    .array(
      z.object({
        delta: z.object({ content: str, reasoning_content: str, tool_calls: z.array(toolCallDeltaSchema).nullish() }).nullish(),
        finish_reason: str,
      }),
    )
    .nullish(),
  usage: wireUsageSchema.nullish(),
  // OpenAI-compatible servers (not xAI) may put an error object in the stream.
  error: z.unknown().optional(),
});

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  end_turn: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
};

/**
 * Decodes a Chat Completions stream: `delta.reasoning_content`, `delta.content`, tool calls keyed by
 * `index` (xAI sends each whole, but gateways may split them), the usage chunk with `choices: []`, `[DONE]`.
 */
export class ChatDecoder extends StreamDecoder {
  private finishReason: string | undefined;

  push(data: string, out: TurnEvent[]): void {
    if (data === '[DONE]') {
      this.terminal = true;
      return;
    }
    const chunk = this.parse(data, chatChunkSchema);
    if (!chunk) return;
    if (chunk.error !== undefined && !chunk.choices?.length) {
      const info = parseErrorBody(JSON.stringify(chunk.error), 'application/json', 200);
      throw new GrokApiError({ kind: 'server', message: `The server reported an error mid-stream: ${info.message}`, action: 'retry', retryable: true, requestId: this.requestId, detail: info.message });
    }
    this.model(chunk.model, out);
    if (chunk.usage) this.usage = chunk.usage; // latest wins: older gateways repeated it cumulatively
    const choice = chunk.choices?.[0];
    if (!choice) return;
    const delta = choice.delta;
    if (delta) {
      this.reasoning(delta.reasoning_content, out);
      this.text(delta.content, out);
      if (delta.tool_calls) {
        for (let i = 0; i < delta.tool_calls.length; i++) this.toolCallPiece(delta.tool_calls[i]!, i, out);
      }
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
  }

  end(out: TurnEvent[]): FinishReason {
    this.flushText(out);
    // Tolerate a missing [DONE] after a finish_reason (some servers close right away); without either the answer was cut.
    if (!this.terminal && this.finishReason === undefined) throw truncatedError('the stream ended before the model finished', this.requestId);
    this.endAllToolCalls(out);
    if (this.hasToolCalls) return 'tool_calls';
    return FINISH[this.finishReason ?? 'stop'] ?? 'other';
  }

  private toolCallPiece(piece: z.infer<typeof toolCallDeltaSchema>, position: number, out: TurnEvent[]): void {
    const index = piece.index ?? position;
    if (!this.calls.has(index)) this.toolCallStart(index, piece.id || `call_${index}`, piece.function?.name ?? '', out);
    const args = piece.function?.arguments;
    if (args) this.toolCallDelta(index, args, out);
  }
}
