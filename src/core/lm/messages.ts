import type { AssistantToolCall, ChatMessage, ToolChoice, ToolSpec, UserContentPart } from '../api/types';
import type { LmInputMessage, LmInputPart, LmTool } from './types';

/** Mime types of data parts that are text (sent as text); anything else that is not an image is dropped. */
const TEXT_MIME = /^(?:text\/|application\/(?:json|xml|x-yaml|yaml)\b)/;

function decodeText(data: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(data);
}

function dataUrl(mimeType: string, data: Uint8Array): string {
  return `data:${mimeType};base64,${Buffer.from(data).toString('base64')}`;
}

/**
 * The text of parts, joined. Images are returned apart (tool messages carry text only on both
 * endpoints). Non-text data such as VS Code's `cache_control` markers is not content and is dropped.
 */
function flatten(parts: readonly LmInputPart[]): { text: string; images: string[] } {
  const texts: string[] = [];
  const images: string[] = [];
  for (const part of parts) {
    if (part.kind === 'text') texts.push(part.value);
    else if (part.kind === 'data' && part.mimeType.startsWith('image/')) images.push(dataUrl(part.mimeType, part.data));
    else if (part.kind === 'data' && TEXT_MIME.test(part.mimeType)) texts.push(decodeText(part.data));
    else if (part.kind === 'other' && part.json) texts.push(part.json);
    else if (part.kind === 'toolResult') {
      const inner = flatten(part.content);
      texts.push(inner.text);
      images.push(...inner.images);
    }
  }
  return { text: texts.join(''), images };
}

function userMessage(text: string, images: string[]): ChatMessage | undefined {
  if (!images.length) return text.trim() ? { role: 'user', content: text } : undefined;
  const content: UserContentPart[] = text.trim() ? [{ type: 'text', text }] : [];
  for (const url of images) content.push({ type: 'image', url });
  return { role: 'user', content };
}

/**
 * VS Code's request messages as the client's endpoint-neutral messages. A user message's tool results
 * become `tool` messages first (they must follow the assistant's tool calls directly), then its text
 * and images one user message; images a tool returned follow as a user message, since tool messages
 * are text only. Assistant tool calls keep their input as JSON text. Empty messages are left out (xAI
 * rejects them). Thinking and other unknown parts of assistant messages are not sent back.
 */
export function toChatMessages(messages: readonly LmInputMessage[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      const { text } = flatten(message.parts);
      if (text.trim()) out.push({ role: 'system', content: text });
    } else if (message.role === 'assistant') {
      const text = message.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
      const toolCalls: AssistantToolCall[] = [];
      for (const p of message.parts) {
        if (p.kind === 'toolCall') toolCalls.push({ id: p.callId, name: p.name, arguments: JSON.stringify(p.input ?? {}) });
      }
      if (toolCalls.length) out.push({ role: 'assistant', content: text, toolCalls });
      else if (text.trim()) out.push({ role: 'assistant', content: text });
    } else {
      const toolImages: string[] = [];
      for (const p of message.parts) {
        if (p.kind !== 'toolResult') continue;
        const result = flatten(p.content);
        out.push({ role: 'tool', toolCallId: p.callId, content: result.text || '(no output)' });
        toolImages.push(...result.images);
      }
      const rest = flatten(message.parts.filter((p) => p.kind !== 'toolResult'));
      const fromTools = userMessage(toolImages.length ? 'Images returned by the tool calls above.' : '', toolImages);
      if (fromTools) out.push(fromTools);
      const user = userMessage(rest.text, rest.images);
      if (user) out.push(user);
    }
  }
  return out;
}

/** VS Code's tools as the client's; a tool without a schema takes an empty object. */
export function toToolSpecs(tools: readonly LmTool[] | undefined): ToolSpec[] | undefined {
  if (!tools?.length) return undefined;
  return tools.map((t) => ({
    name: t.name,
    description: t.description,
    parameters: (t.inputSchema as Record<string, unknown> | undefined) ?? { type: 'object', properties: {} },
  }));
}

/** VS Code's tool mode as a tool choice: `required` must call one of the tools; none without tools. */
export function toolChoiceFor(mode: 'auto' | 'required', tools: readonly ToolSpec[] | undefined): ToolChoice | undefined {
  if (!tools?.length) return undefined;
  return mode === 'required' ? 'required' : 'auto';
}

/**
 * A stable id for the conversation these messages belong to: VS Code sends the whole history each
 * time but no id, and consecutive turns share their first messages. Sent as the prompt-cache key.
 */
export function conversationKey(messages: readonly ChatMessage[]): string | undefined {
  const head = messages.filter((m) => m.role !== 'tool').slice(0, 2);
  if (!head.length) return undefined;
  const text = head.map((m) => `${m.role}:${typeof m.content === 'string' ? m.content : m.content.map((p) => (p.type === 'text' ? p.text : p.url)).join('')}`).join('\n');
  // FNV-1a, twice with different seeds: a cache key, not a security boundary.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 ^ 0x2f) >>> 0;
  }
  return `vscode-lm-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
