import type { ChatMessage, ToolChoice, TurnRequest } from './types';
import { effortToSend, samplingParams, sendableMessages, stripAdditionalProperties, type BuildOptions } from './wireCommon';

/**
 * Builds the JSON body of a streaming `POST /chat/completions`. Always asks for the usage chunk
 * (`stream_options.include_usage`), which xAI sends only when asked.
 */
export function buildChatBody(request: TurnRequest, options: BuildOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: request.model,
    messages: sendableMessages(request.messages).map(toChatMessage),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (request.maxOutputTokens !== undefined) {
    // xAI prefers max_completion_tokens; many OpenAI-compatible local servers only know max_tokens.
    body[options.xaiHost ? 'max_completion_tokens' : 'max_tokens'] = request.maxOutputTokens;
  }
  const effort = effortToSend(request, options.omit);
  if (effort !== undefined) body.reasoning_effort = effort;
  if (request.tools?.length) {
    body.tools = request.tools.map((tool) => ({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: stripAdditionalProperties(tool.parameters) },
    }));
    if (request.toolChoice !== undefined) body.tool_choice = chatToolChoice(request.toolChoice);
  }
  Object.assign(body, samplingParams(request, options.omit));
  return body;
}

function chatToolChoice(choice: ToolChoice): unknown {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

function toChatMessage(message: ChatMessage): Record<string, unknown> {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'user':
      if (typeof message.content === 'string') return { role: 'user', content: message.content };
      return {
        role: 'user',
        content: message.content.map((part) =>
          part.type === 'text'
            ? { type: 'text', text: part.text }
            : { type: 'image_url', image_url: { url: part.url, detail: part.detail ?? 'auto' } },
        ),
      };
    case 'assistant': {
      const out: Record<string, unknown> = { role: 'assistant', content: message.content };
      if (message.toolCalls?.length) {
        out.tool_calls = message.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        }));
      }
      return out;
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}
