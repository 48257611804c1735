import { strict as assert } from 'node:assert';
import { ask, clientFor, collect, useFakeServer } from './helpers';

/** Failures after output started, timeouts and cancellation. */
for (const api of ['chat', 'responses'] as const) {
  describe(`mid-stream failures, timeouts and cancel (${api})`, () => {
    const server = useFakeServer();

    it('a reset mid-stream keeps the partial text and yields exactly one error, without retrying', async () => {
      const fake = server.get();
      fake.enqueue({ name: 'reset-mid-stream', options: { frames: 20 } }, 'default');
      const { client } = clientFor(fake, { api });
      const run = await collect(client.stream(ask()));
      assert.equal(run.error?.kind, 'network');
      assert.equal(run.error?.outputStarted, true);
      assert.ok(run.text.length > 0 || run.reasoning.length > 0, 'partial output was delivered');
      assert.equal(fake.requests.length, 1, 'never retried after output');
      assert.equal(run.events.some((e) => e.type === 'finish' || e.type === 'usage'), false);
    });

    it('a stream without its terminal event is truncated, not a success', async () => {
      const fake = server.get();
      fake.enqueue('truncated');
      const { client } = clientFor(fake, { api });
      const run = await collect(client.stream(ask()));
      assert.equal(run.error?.kind, 'truncated');
      assert.equal(run.error?.outputStarted, true);
      assert.ok(run.text.startsWith('Here is a small'), 'the partial answer was streamed');
      assert.equal(fake.requests.length, 1);
    });

    it('a malformed JSON chunk as the last event is skipped; the stream is then truncated', async () => {
      const fake = server.get();
      fake.enqueue({ name: 'malformed-json', options: { frames: 8 } });
      const { client } = clientFor(fake, { api });
      const run = await collect(client.stream(ask()));
      assert.equal(run.error?.kind, 'truncated');
      assert.equal(run.error?.outputStarted, true);
      assert.ok(run.reasoning.length + run.text.length > 0, 'deltas read before the bad chunk were delivered');
    });

    it('a stall fails as "stalled" within the stall timeout', async () => {
      const fake = server.get();
      fake.enqueue({ name: 'stall', options: { frames: 8 } }); // past the Responses preamble: output has started
      const { client } = clientFor(fake, { api, timeouts: { stallMs: 300 } });
      const started = Date.now();
      const run = await collect(client.stream(ask()));
      const took = Date.now() - started;
      assert.equal(run.error?.kind, 'stalled');
      assert.equal(run.error?.outputStarted, true);
      assert.ok(took >= 280 && took < 1500, `failed after ${took} ms`);
      await fake.requests[0]!.done;
      assert.equal(fake.requests[0]!.closedEarly, true, 'the stalled connection was closed');
    });

    it('a stall before any output is retried', async () => {
      const fake = server.get();
      fake.enqueue('stall-before-output', 'default');
      const { client } = clientFor(fake, { api, timeouts: { idleMs: 200 } });
      const run = await collect(client.stream(ask()));
      assert.equal(run.error, undefined);
      assert.equal(fake.requests.length, 2);
    });

    it('no response headers in time is a timeout', async () => {
      const fake = server.get();
      fake.enqueue('no-headers');
      const { client } = clientFor(fake, { api, maxRetries: 0, timeouts: { headersMs: 200 } });
      const run = await collect(client.stream(ask()));
      assert.equal(run.error?.kind, 'timeout');
      assert.match(run.error!.message, /did not answer within 0\.2 s/);
    });

    it('the overall cap ends a slow answer and points at the setting', async () => {
      const fake = server.get();
      fake.enqueue({ name: 'slow-drip', options: { intervalMs: 30 } });
      const { client } = clientFor(fake, { api, timeouts: { totalMs: 250 } });
      const run = await collect(client.stream(ask()));
      assert.equal(run.error?.kind, 'timeout');
      assert.equal(run.error?.action, 'openSettings');
      assert.equal(run.error?.outputStarted, true);
    });

    it('cancelling stops at once and the server sees the connection close', async () => {
      const fake = server.get();
      fake.enqueue({ name: 'slow-drip', options: { intervalMs: 30 } });
      const { client } = clientFor(fake, { api });
      const abort = new AbortController();
      let text = '';
      let error: unknown;
      try {
        for await (const event of client.stream(ask(), abort.signal)) {
          if (event.type === 'text' || event.type === 'reasoning') {
            text += event.text;
            if (text.length > 20) abort.abort();
          }
        }
      } catch (err) {
        error = err;
      }
      assert.equal((error as { kind?: string }).kind, 'cancelled');
      const closed = await Promise.race([fake.requests[0]!.done.then(() => true), new Promise((r) => setTimeout(() => r(false), 1000))]);
      assert.equal(closed, true, 'server saw the close within a second');
      assert.equal(fake.requests[0]!.closedEarly, true);
    });

    it('leaving the loop early also frees the connection', async () => {
      const fake = server.get();
      fake.enqueue({ name: 'slow-drip', options: { intervalMs: 30 } });
      const { client } = clientFor(fake, { api });
      for await (const event of client.stream(ask())) if (event.type === 'reasoning' || event.type === 'text') break;
      await fake.requests[0]!.done;
      assert.equal(fake.requests[0]!.closedEarly, true);
    });

    it('an empty answer after visible reasoning is reported, not silently retried', async () => {
      const fake = server.get();
      fake.enqueue('empty-with-reasoning', 'default');
      const { client } = clientFor(fake, { api });
      const run = await collect(client.stream(ask()));
      assert.equal(run.error?.kind, 'emptyResponse');
      assert.equal(run.error?.outputStarted, true);
      assert.equal(fake.requests.length, 1);
    });

    it('an error event in the stream before any output is retried, and reported with its message', async () => {
      const fake = server.get();
      fake.enqueue('stream-error', 'default', 'stream-error');
      const { client } = clientFor(fake, { api });
      const ok = await collect(client.stream(ask()));
      assert.equal(ok.error, undefined);
      assert.equal(fake.requests.length, 2);
      const failed = await collect(clientFor(fake, { api, maxRetries: 0 }).client.stream(ask()));
      assert.equal(failed.error?.kind, 'server');
      assert.match(failed.error!.message, /Service temporarily unavailable\. The model did not respond/);
    });

    it('a length-limited answer finishes with reason length', async () => {
      server.get().enqueue('length');
      const { client } = clientFor(server.get(), { api });
      const run = await collect(client.stream(ask()));
      assert.equal(run.error, undefined);
      assert.deepEqual(run.events.at(-1), { type: 'finish', reason: 'length' });
    });
  });
}

describe('Responses: server time limit', () => {
  const server = useFakeServer();
  it('response.incomplete with max_time_limit keeps the text and reports a truncated answer', async () => {
    server.get().enqueue('time-limit');
    const { client } = clientFor(server.get(), { api: 'responses' });
    const run = await collect(client.stream(ask()));
    assert.equal(run.error?.kind, 'truncated');
    assert.match(run.error!.message, /time limit/);
    assert.equal(run.error?.outputStarted, true);
    assert.ok(run.text.startsWith('Here is a small'));
  });
});
