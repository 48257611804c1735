import { strict as assert } from 'node:assert';
import type { TurnEvent } from '../../../src/core/api';
import { ask, clientFor, collect, shape, useFakeServer } from './helpers';

/** Recorded xAI transcripts (test/fixtures/sse) replayed in 7-byte pieces: events, lines and characters split across reads. */
describe('recorded transcripts', () => {
  const server = useFakeServer();
  const replay = (file: string, pieceBytes = 7) => server.get().enqueue({ name: 'replay', options: { file, pieceBytes } });

  it('grok-3-mini reasoning stream: reasoning, text, served model and the exact recorded cost', async () => {
    replay('chat-grok-3-mini-reasoning');
    const { client } = clientFor(server.get(), { api: 'chat' });
    const run = await collect(client.stream(ask('hi')));
    assert.equal(run.error, undefined);
    assert.deepEqual(shape(run.events), ['start', 'model', 'reasoning', 'text', 'usage', 'finish']);
    assert.equal(run.reasoning, 'First,');
    assert.equal(run.text, 'Hello');
    const usage = (run.events.find((e) => e.type === 'usage') as Extract<TurnEvent, { type: 'usage' }>).usage;
    assert.deepEqual(
      [usage.model, usage.promptTokens, usage.cachedTokens, usage.completionTokens, usage.reasoningTokens, usage.totalTokens, usage.costSource],
      ['grok-3-mini', 12, 11, 1, 290, 303, 'ticks'],
    );
    assert.ok(Math.abs(usage.costUsd! - 0.000146625) < 1e-12);
  });

  it('grok-4-fast parallel tool calls: two whole calls by index, finish tool_calls', async () => {
    replay('chat-grok-4-fast-parallel-tools');
    const { client } = clientFor(server.get(), { api: 'chat' });
    const run = await collect(client.stream(ask('add and multiply 2 and 3', { model: 'grok-4-fast' })));
    assert.equal(run.error, undefined);
    const ends = run.events.filter((e): e is Extract<TurnEvent, { type: 'toolCallEnd' }> => e.type === 'toolCallEnd');
    assert.deepEqual(ends.map((e) => [e.index, e.id, e.name, JSON.parse(e.arguments)]), [
      [0, 'call_55070233', 'add', { a: 2, b: 3 }],
      [1, 'call_12016531', 'multiply', { a: 2, b: 3 }],
    ]);
    assert.deepEqual(run.events.at(-1), { type: 'finish', reason: 'tool_calls' });
    assert.deepEqual(run.events.filter((e) => e.type === 'model'), [{ type: 'model', model: 'grok-4-fast-reasoning' }]);
  });

  it('Responses with event: lines, comments, CRLF, a two-line data field, split UTF-8 and echoed xAI tools', async () => {
    replay('responses-event-lines-crlf', 1); // one byte a write: every multi-byte character is split
    const { client, usage } = clientFor(server.get(), { api: 'responses' });
    const run = await collect(client.stream(ask()));
    assert.equal(run.error, undefined);
    assert.equal(run.text, 'Héllo wörld ✓');
    assert.equal(usage[0]?.costSource, 'builtin', 'ticks of 0 mean "not reported", so the price table is used');
  });
});
