import type { OptionalParam } from './params';
import type { FilterNesting } from './serverTools';
import type { ServerToolKind } from './types';
import type { ChatMessage, TurnRequest } from './types';

/** What both request builders need besides the request itself. */
export interface BuildOptions {
  /** Parameters to leave out (model rejects them). */
  omit: ReadonlySet<OptionalParam>;
  /** True for api.x.ai and its regional hosts: use xAI's names where they differ from older servers. */
  xaiHost: boolean;
  /** Server-side tools (Responses): the filter nesting the server accepts and the tools this model refused. */
  serverTools?: { nesting: FilterNesting; dropped: ReadonlySet<ServerToolKind> };
}

/**
 * Removes `additionalProperties: false` everywhere in a JSON Schema. xAI rejects it next to a property
 * literally named `properties`, and defaults it to false anyway.
 */
export function stripAdditionalProperties(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripAdditionalProperties);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = stripAdditionalProperties(value);
  }
  return out;
}

/** Drops messages xAI would bounce ("Each message must have at least one content element"). */
export function sendableMessages(messages: readonly ChatMessage[]): ChatMessage[] {
  return messages.filter((m) => {
    if (m.role === 'tool') return true;
    if (m.role === 'assistant' && m.toolCalls?.length) return true;
    return typeof m.content === 'string' ? m.content.trim() !== '' : m.content.length > 0;
  });
}

/** Sampling parameters that survive `omit`, in Chat wire names. */
export function samplingParams(request: TurnRequest, omit: ReadonlySet<OptionalParam>): Record<string, unknown> {
  const s = request.sampling ?? {};
  const out: Record<string, unknown> = {};
  const put = (name: OptionalParam, value: unknown): void => {
    if (value !== undefined && !omit.has(name)) out[name] = value;
  };
  put('temperature', s.temperature);
  put('top_p', s.topP);
  put('stop', s.stop?.length ? s.stop : undefined);
  put('presence_penalty', s.presencePenalty);
  put('frequency_penalty', s.frequencyPenalty);
  return out;
}

/** The reasoning effort to send, or undefined when the model must not get one. */
export function effortToSend(request: TurnRequest, omit: ReadonlySet<OptionalParam>): string | undefined {
  return request.reasoningEffort !== undefined && !omit.has('reasoning_effort') ? request.reasoningEffort : undefined;
}
