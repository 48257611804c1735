import { sse, type Frames } from './chatFrames';
import type { AnswerScript } from './script';

/**
 * Responses API events as xAI streams them (each with `type` and `sequence_number`): created, in_progress,
 * a reasoning item with summary deltas, a message item with output_text deltas, function_call items with
 * argument deltas, and `response.completed` carrying usage (output_tokens include reasoning) and the echoed tools.
 */
export function responsesFrames(script: AnswerScript, id: string, tools: unknown[] = []): Frames {
  let seq = 0;
  const body: string[] = [];
  const emit = (event: Record<string, unknown>): void => {
    body.push(sse({ sequence_number: seq++, ...event }));
  };
  const response = (status: string, extra: Record<string, unknown> = {}) => ({
    id, object: 'response', created_at: Math.floor(Date.now() / 1000), model: script.model, status,
    output: [], store: false, previous_response_id: null, tool_choice: 'auto', tools, ...extra,
  });
  emit({ type: 'response.created', response: response('in_progress') });
  emit({ type: 'response.in_progress', response: response('in_progress') });
  let outputIndex = 0;
  if (script.reasoning?.length) {
    const itemId = `rs_${id}`;
    const full = script.reasoning.join('');
    emit({ type: 'response.output_item.added', item: { id: itemId, summary: [], type: 'reasoning', status: 'in_progress' }, output_index: outputIndex });
    emit({ type: 'response.reasoning_summary_part.added', item_id: itemId, output_index: outputIndex, part: { text: '', type: 'summary_text' }, summary_index: 0 });
    for (const delta of script.reasoning) emit({ type: 'response.reasoning_summary_text.delta', delta, item_id: itemId, output_index: outputIndex, summary_index: 0 });
    emit({ type: 'response.reasoning_summary_text.done', item_id: itemId, output_index: outputIndex, summary_index: 0, text: full });
    emit({ type: 'response.output_item.done', item: { id: itemId, type: 'reasoning', status: 'completed', summary: [{ type: 'summary_text', text: full }], encrypted_content: 'ZmFrZQ==' }, output_index: outputIndex });
    outputIndex++;
  }
  if (script.text?.length) {
    const itemId = `msg_${id}`;
    const full = script.text.join('');
    emit({ type: 'response.output_item.added', item: { content: [], id: itemId, role: 'assistant', type: 'message', status: 'in_progress' }, output_index: outputIndex });
    emit({ type: 'response.content_part.added', content_index: 0, item_id: itemId, output_index: outputIndex, part: { type: 'output_text', text: '', logprobs: [], annotations: [] } });
    for (const delta of script.text) emit({ type: 'response.output_text.delta', content_index: 0, delta, item_id: itemId, output_index: outputIndex, logprobs: [] });
    emit({ type: 'response.output_text.done', content_index: 0, item_id: itemId, output_index: outputIndex, text: full });
    emit({ type: 'response.content_part.done', content_index: 0, item_id: itemId, output_index: outputIndex, part: { type: 'output_text', text: full } });
    emit({ type: 'response.output_item.done', item: { content: [{ type: 'output_text', text: full }], id: itemId, role: 'assistant', type: 'message', status: 'completed' }, output_index: outputIndex });
    outputIndex++;
  }
  for (const call of script.toolCalls ?? []) {
    const itemId = `fc_${call.id}`;
    emit({ type: 'response.output_item.added', item: { type: 'function_call', id: itemId, call_id: call.id, name: call.name, arguments: '', status: 'in_progress' }, output_index: outputIndex });
    const half = Math.ceil(call.arguments.length / 2);
    for (const delta of [call.arguments.slice(0, half), call.arguments.slice(half)]) {
      emit({ type: 'response.function_call_arguments.delta', item_id: itemId, output_index: outputIndex, delta });
    }
    emit({ type: 'response.function_call_arguments.done', item_id: itemId, output_index: outputIndex, arguments: call.arguments });
    emit({ type: 'response.output_item.done', item: { type: 'function_call', id: itemId, call_id: call.id, name: call.name, arguments: call.arguments, status: 'completed' }, output_index: outputIndex });
    outputIndex++;
  }
  const u = script.usage;
  const usage = {
    input_tokens: u.prompt,
    input_tokens_details: { cached_tokens: u.cached },
    output_tokens: u.completion + u.reasoning,
    output_tokens_details: { reasoning_tokens: u.reasoning },
    total_tokens: u.prompt + u.completion + u.reasoning,
    num_sources_used: 0,
    num_server_side_tools_used: 0,
    ...(u.ticks !== undefined ? { cost_in_usd_ticks: u.ticks } : {}),
  };
  const terminal =
    script.finish === 'length'
      ? { type: 'response.incomplete', response: response('incomplete', { incomplete_details: { reason: 'max_output_tokens' }, usage }) }
      : { type: 'response.completed', response: response('completed', { usage }) };
  return { body, tail: [sse({ sequence_number: seq++, ...terminal })] };
}
