import type { InferenceBody } from './context';

const NO_EFFORT = /^(?:grok-4\.20|grok-build|grok-code|grok-4-|grok-4$|grok-3$)/;
const NO_PENALTIES = /^(?:grok-4|grok-3-mini|grok-code|grok-build)/;

/**
 * The 400s the real API gives for parameters a model rejects, so a client that sends them fails here
 * too. Returns xAI's message, or undefined when the body is acceptable.
 */
export function checkParams(endpoint: 'chat' | 'responses', body: InferenceBody, model: string): string | undefined {
  const effort = endpoint === 'chat' ? body.reasoning_effort : (body.reasoning as { effort?: unknown } | undefined)?.effort;
  if (effort !== undefined && NO_EFFORT.test(model)) return `Model ${model} does not support parameter reasoningEffort.`;
  for (const [key, name] of [['presence_penalty', 'presencePenalty'], ['frequency_penalty', 'frequencyPenalty'], ['stop', 'stop']] as const) {
    if (key in body && NO_PENALTIES.test(model)) return `Model ${model} does not support parameter ${name}.`;
  }
  const messages = endpoint === 'chat' ? body.messages : Array.isArray(body.input) ? (body.input as { content?: unknown }[]) : [];
  for (const m of messages ?? []) {
    if ('content' in m && (m.content === '' || (Array.isArray(m.content) && m.content.length === 0))) {
      if (!('tool_calls' in m)) return 'Each message must have at least one content element.';
    }
  }
  return undefined;
}

/** The text of the last user message, whatever the endpoint's shape. */
export function lastUserText(body: InferenceBody): string {
  const items = (body.messages ?? (Array.isArray(body.input) ? body.input : [])) as { role?: string; content?: unknown }[];
  const last = [...items].reverse().find((m) => m.role === 'user');
  if (!last) return typeof body.input === 'string' ? body.input : '';
  if (typeof last.content === 'string') return last.content;
  if (Array.isArray(last.content)) return last.content.map((p: { text?: unknown }) => (typeof p.text === 'string' ? p.text : '')).join(' ');
  return '';
}
