import { strict as assert } from 'node:assert';
import type { TurnRequest } from '../../../src/core/api';
import { ask, clientFor, collect, memoryLogger, useFakeServer } from './helpers';

const tools: TurnRequest['tools'] = [
  {
    name: 'propose_edits',
    description: 'Propose edits to a file',
    parameters: { type: 'object', properties: { properties: { type: 'string' }, path: { type: 'string' } }, required: ['path'], additionalProperties: false },
  },
];

const history: TurnRequest['messages'] = [
  { role: 'system', content: 'You are a coding assistant.' },
  { role: 'user', content: [{ type: 'text', text: 'What is in this screenshot?' }, { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' }] },
  { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'propose_edits', arguments: '{"path":"a.ts"}' }] },
  { role: 'tool', toolCallId: 'call_1', content: 'applied' },
  { role: 'assistant', content: '' }, // empty: xAI would reject it, so it must not be sent
  { role: 'user', content: 'Thanks, now explain.' },
];

describe('request shaping', () => {
  const server = useFakeServer();

  it('Chat Completions: messages, images, tool history, tools, usage chunk, conversation header', async () => {
    const { client } = clientFor(server.get(), { api: 'chat' });
    const run = await collect(client.stream({ model: 'grok-4.3', messages: history, tools, toolChoice: { name: 'propose_edits' }, conversationId: 'conv-42', maxOutputTokens: 2048 }));
    assert.equal(run.error, undefined);
    const { body, headers } = server.get().requests[0]!;
    assert.equal(headers['x-grok-conv-id'], 'conv-42');
    assert.equal(headers.authorization, `Bearer ${server.get().key}`);
    assert.deepEqual(body?.stream_options, { include_usage: true });
    assert.equal(body?.max_tokens, 2048, 'a non-xAI host gets max_tokens');
    assert.deepEqual(body?.tool_choice, { type: 'function', function: { name: 'propose_edits' } });
    const messages = body?.messages as Record<string, unknown>[];
    assert.equal(messages.length, 5, 'the empty assistant message was dropped');
    assert.deepEqual(messages[1]!.content, [
      { type: 'text', text: 'What is in this screenshot?' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'auto' } },
    ]);
    assert.deepEqual(messages[2]!.tool_calls, [{ id: 'call_1', type: 'function', function: { name: 'propose_edits', arguments: '{"path":"a.ts"}' } }]);
    assert.deepEqual(messages[3], { role: 'tool', tool_call_id: 'call_1', content: 'applied' });
    const params = (body?.tools as { function: { parameters: Record<string, unknown> } }[])[0]!.function.parameters;
    assert.equal('additionalProperties' in params, false, 'additionalProperties: false is stripped');
  });

  it('Responses: input items, function_call history, flat tools, prompt_cache_key, store false', async () => {
    const { client } = clientFor(server.get(), { api: 'responses' });
    const run = await collect(client.stream({ model: 'grok-4.3', messages: history, tools, conversationId: 'conv-42', maxOutputTokens: 2048 }));
    assert.equal(run.error, undefined);
    const { body, headers } = server.get().requests[0]!;
    assert.equal(headers['x-grok-conv-id'], undefined);
    assert.equal(body?.prompt_cache_key, 'conv-42');
    assert.equal(body?.store, false);
    assert.equal(body?.max_output_tokens, 2048);
    const input = body?.input as Record<string, unknown>[];
    assert.deepEqual(input[1]!.content, [
      { type: 'input_text', text: 'What is in this screenshot?' },
      { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'auto' },
    ]);
    assert.deepEqual(input[2], { type: 'function_call', call_id: 'call_1', name: 'propose_edits', arguments: '{"path":"a.ts"}' });
    assert.deepEqual(input[3], { type: 'function_call_output', call_id: 'call_1', output: 'applied' });
    assert.equal(input.length, 5);
    assert.equal((body?.tools as { name: string }[])[0]!.name, 'propose_edits');
  });

  it('never sends penalties, stop or an unaccepted reasoning effort to models that reject them', async () => {
    for (const api of ['chat', 'responses'] as const) {
      server.get().reset();
      const { client } = clientFor(server.get(), { api });
      const request = ask('hi', { model: 'grok-4.20-0309-reasoning', reasoningEffort: 'high', sampling: { presencePenalty: 0, frequencyPenalty: 0, stop: ['END'], temperature: 0.2 } });
      const run = await collect(client.stream(request));
      assert.equal(run.error, undefined, `${api}: the fake server (which rejects them like xAI) accepted the request`);
      const body = server.get().requests[0]!.body!;
      for (const key of ['presence_penalty', 'frequency_penalty', 'stop', 'reasoning_effort', 'reasoning']) assert.equal(key in body, false, `${api} sent ${key}`);
      assert.equal(body.temperature, 0.2);
    }
  });

  it('sends reasoning effort where the model takes it', async () => {
    const { client } = clientFor(server.get(), { api: 'responses' });
    await collect(client.stream(ask('hi', { reasoningEffort: 'low' })));
    assert.deepEqual(server.get().requests[0]!.body!.reasoning, { effort: 'low' });
  });

  it('retries once without a parameter a 400 names, and remembers it for that model', async () => {
    const fake = server.get();
    const logger = memoryLogger();
    const { client } = clientFor(fake, { api: 'chat', logger });
    fake.enqueue('rejects-effort', 'rejects-effort');
    const run = await collect(client.stream(ask('hi', { reasoningEffort: 'medium' })));
    assert.equal(run.error, undefined);
    assert.equal(fake.requests.length, 2);
    assert.equal(fake.requests[0]!.body!.reasoning_effort, 'medium');
    assert.equal('reasoning_effort' in fake.requests[1]!.body!, false);
    await collect(client.stream(ask('again', { reasoningEffort: 'medium' })));
    assert.equal('reasoning_effort' in fake.requests[2]!.body!, false, 'remembered for the next turn');
    assert.ok(logger.lines.some((l) => /rejects reasoning_effort/.test(l)));
  });

  it('says Grok needs a key before calling api.x.ai without one', async () => {
    const { client } = clientFor(server.get(), { baseUrl: 'https://api.x.ai/v1', apiKey: () => undefined });
    const run = await collect(client.stream(ask()));
    assert.deepEqual([run.error?.kind, run.error?.action, run.error?.message], ['auth', 'setApiKey', 'Grok needs an xAI API key first.']);
  });
});
