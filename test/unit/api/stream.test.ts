import { strict as assert } from 'node:assert';
import type { TurnEvent } from '../../../src/core/api';
import { ask, clientFor, collect, memoryLogger, shape, useFakeServer } from './helpers';

for (const api of ['chat', 'responses'] as const) {
  describe(`streaming over ${api === 'chat' ? 'Chat Completions' : 'Responses'}`, () => {
    const server = useFakeServer();

    it('streams reasoning then text, the served model, limits, usage and a stop finish', async () => {
      const { client } = clientFor(server.get(), { api });
      const run = await collect(client.stream(ask()));
      assert.equal(run.error, undefined);
      assert.deepEqual(shape(run.events), ['start', 'limits', 'model', 'reasoning', 'text', 'usage', 'finish']);
      assert.match(run.text, /```ts\nexport function debounce/);
      assert.match(run.reasoning, /^The user wants a readable example\./);
      const finish = run.events.at(-1) as Extract<TurnEvent, { type: 'finish' }>;
      assert.equal(finish.reason, 'stop');
      const limits = run.events.find((e) => e.type === 'limits') as Extract<TurnEvent, { type: 'limits' }>;
      assert.deepEqual(limits.limits, { contextWindow: 1_000_000, maxCompletionTokens: 128_000 });
      const path = server.get().requests[0]!.path;
      assert.equal(path, api === 'chat' ? '/v1/chat/completions' : '/v1/responses');
    });

    it('reports the served model, not the retired name that was asked for', async () => {
      const { client, usage } = clientFor(server.get(), { api });
      const run = await collect(client.stream(ask('hi', { model: 'grok-code-fast-1' })));
      assert.deepEqual(run.events.filter((e) => e.type === 'model'), [{ type: 'model', model: 'grok-4.3' }]);
      assert.equal(usage[0]?.model, 'grok-4.3');
    });

    it('streams a propose_edits tool call with its whole arguments and finishes with tool_calls', async () => {
      const { client } = clientFor(server.get(), { api });
      const run = await collect(client.stream(ask('fix add() [scenario:tool-call]')));
      assert.equal(run.error, undefined);
      const end = run.events.find((e) => e.type === 'toolCallEnd') as Extract<TurnEvent, { type: 'toolCallEnd' }>;
      assert.equal(end.name, 'propose_edits');
      assert.equal(end.id, 'call_59270311');
      assert.deepEqual(JSON.parse(end.arguments).edits, [{ search: 'return a - b;', replace: 'return a + b;' }]);
      const deltas = run.events.filter((e) => e.type === 'toolCallDelta').map((e) => (e as { argumentsDelta: string }).argumentsDelta);
      assert.equal(deltas.join(''), end.arguments, 'the deltas add up to the final arguments');
      assert.equal((run.events.at(-1) as { reason: string }).reason, 'tool_calls');
    });

    it('tolerates unknown fields in every chunk', async () => {
      const { client } = clientFor(server.get(), { api });
      server.get().enqueue('unknown-fields');
      const run = await collect(client.stream(ask()));
      assert.equal(run.error, undefined);
      assert.equal(run.text, 'Tolerant parsing works.');
    });

    it('skips a lone wrongly typed event (a stream of only that one is then truncated)', async () => {
      const { client } = clientFor(server.get(), { api, maxRetries: 0 });
      server.get().enqueue('malformed-types');
      const run = await collect(client.stream(ask()));
      assert.equal(run.error?.kind, 'truncated');
      assert.equal(run.text, '');
    });

    it('streams a 5 MB answer intact', async () => {
      const { client } = clientFor(server.get(), { api });
      server.get().enqueue({ name: 'big', options: { bytes: 5 * 1024 * 1024, deltaChars: 1024 } });
      const run = await collect(client.stream(ask()));
      assert.equal(run.error, undefined);
      assert.equal(run.text.length, 5 * 1024 * 1024);
      assert.ok(run.text.startsWith('The quick brown fox'));
    });

    it('sends X-Request-Id, logs it with endpoint and model, and never logs the key', async () => {
      const logger = memoryLogger();
      const { client } = clientFor(server.get(), { api, logger });
      const run = await collect(client.stream(ask()));
      const start = run.events[0] as Extract<TurnEvent, { type: 'start' }>;
      const sent = server.get().requests[0]!.headers['x-request-id'];
      assert.equal(sent, start.requestId);
      assert.match(start.requestId, /^[0-9a-f-]{36}$/);
      const log = logger.lines.join('\n');
      assert.match(log, new RegExp(`POST /${api === 'chat' ? 'chat/completions' : 'responses'} model=grok-4.3 request-id=${start.requestId}`));
      assert.ok(!log.includes(server.get().key), 'the key never reaches the logger');
    });
  });
}

describe('hidden-reasoning filler (Chat Completions)', () => {
  const server = useFakeServer();
  it('drops empty deltas and repeated "Thinking... " and keeps the answer', async () => {
    const { client } = clientFor(server.get(), { api: 'chat' });
    server.get().enqueue('hidden-reasoning');
    const run = await collect(client.stream(ask()));
    assert.equal(run.error, undefined);
    assert.equal(run.reasoning, '');
    assert.ok(run.text.startsWith('Here is a small'));
  });
});
