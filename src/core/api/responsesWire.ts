import type { ChatMessage, ToolChoice, TurnRequest } from './types';
import { serverToolsWire } from './serverTools';
import { effortToSend, samplingParams, sendableMessages, stripAdditionalProperties, type BuildOptions } from './wireCommon';

/**
 * Builds the JSON body of a streaming `POST /responses`. `store: false` because the client resends the
 * whole conversation every turn (nothing left on xAI's servers for 30 days); prompt caching still works
 * through `prompt_cache_key`.
 */
export function buildResponsesBody(request: TurnRequest, options: BuildOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: request.model,
    input: sendableMessages(request.messages).flatMap(toInputItems),
    stream: true,
    store: false,
  };
  if (request.maxOutputTokens !== undefined) body.max_output_tokens = request.maxOutputTokens;
  const effort = effortToSend(request, options.omit);
  if (effort !== undefined) body.reasoning = { effort };
  if (request.conversationId) body.prompt_cache_key = request.conversationId;
  if (request.tools?.length) {
    // Responses wants the flat tool format; the nested Chat one fails with 422 "missing field `name`".
    body.tools = request.tools.map((tool) => ({
      type: 'function',
      name: tool.name,
      description: tool.description,
      parameters: stripAdditionalProperties(tool.parameters),
    }));
    if (request.toolChoice !== undefined) body.tool_choice = responsesToolChoice(request.toolChoice);
  }
  if (request.serverTools) {
    const server = serverToolsWire(request.serverTools, options.serverTools?.nesting ?? 'flat', options.serverTools?.dropped);
    if (server.length) body.tools = [...((body.tools as unknown[] | undefined) ?? []), ...server];
  }
  // Responses has no stop or penalties; only temperature and top_p carry over.
  const { temperature, top_p } = samplingParams(request, options.omit);
  if (temperature !== undefined) body.temperature = temperature;
  if (top_p !== undefined) body.top_p = top_p;
  return body;
}

function responsesToolChoice(choice: ToolChoice): unknown {
  return typeof choice === 'string' ? choice : { type: 'function', name: choice.name };
}

function toInputItems(message: ChatMessage): Record<string, unknown>[] {
  switch (message.role) {
    case 'system':
      return [{ role: 'system', content: message.content }];
    case 'user':
      if (typeof message.content === 'string') return [{ role: 'user', content: message.content }];
      return [
        {
          role: 'user',
          content: message.content.map((part) =>
            part.type === 'text'
              ? { type: 'input_text', text: part.text }
              : { type: 'input_image', image_url: part.url, detail: part.detail ?? 'auto' },
          ),
        },
      ];
    case 'assistant': {
      const items: Record<string, unknown>[] = [];
      if (message.content.trim() !== '') items.push({ role: 'assistant', content: message.content });
      for (const call of message.toolCalls ?? []) {
        items.push({ type: 'function_call', call_id: call.id, name: call.name, arguments: call.arguments });
      }
      return items;
    }
    case 'tool':
      return [{ type: 'function_call_output', call_id: message.toolCallId, output: message.content }];
  }
}
