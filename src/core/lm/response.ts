import type { TurnEvent } from '../api/types';
import type { LmResponsePart } from './types';

/** Why a tool call's arguments could not be handed to VS Code (its tools take an object). */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
}

/**
 * A tool call's JSON arguments as the object VS Code's `LanguageModelToolCallPart` takes. No
 * arguments (an empty string, which models send for tools without parameters) is `{}`; anything that
 * is not a JSON object is refused rather than guessed at.
 */
export function parseToolInput(name: string, args: string): Record<string, unknown> {
  if (!args.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(args);
  } catch {
    throw new ToolInputError(`Grok called the tool "${name}" with arguments that are not valid JSON.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ToolInputError(`Grok called the tool "${name}" with arguments that are not a JSON object.`);
  }
  return value as Record<string, unknown>;
}

/**
 * What one streamed event shows VS Code: answer text as text, a finished tool call as a tool-call
 * part (only once, at `toolCallEnd`, whose arguments are authoritative). Reasoning is never answer
 * text; start, limits, usage and the rest are for the log and the ledger, not the response.
 */
export function responsePartFor(event: TurnEvent): LmResponsePart | undefined {
  switch (event.type) {
    case 'text':
      return event.text ? { kind: 'text', value: event.text } : undefined;
    case 'toolCallEnd':
      return { kind: 'toolCall', callId: event.id, name: event.name, input: parseToolInput(event.name, event.arguments) };
    default:
      return undefined;
  }
}
