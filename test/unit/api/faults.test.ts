import { strict as assert } from 'node:assert';
import { ask, clientFor, collect, useFakeServer } from './helpers';

/** Faults before any output: typed errors, retried only when that can help. */
describe('errors and retries against the fake server', () => {
  const server = useFakeServer();
  const DEFAULT_TEXT_START = 'Here is a small, well-typed helper';

  it('retries a 429 with retry-after: 1 once, after about a second, without duplicating text', async () => {
    const fake = server.get();
    fake.enqueue('rate-limited-retry-after', 'default');
    const { client } = clientFor(fake, { sleep: undefined }); // the real sleep
    const started = Date.now();
    const run = await collect(client.stream(ask()));
    const waited = Date.now() - started;
    assert.equal(run.error, undefined);
    assert.equal(fake.requests.length, 2);
    assert.ok(waited >= 950 && waited < 3000, `waited ${waited} ms`);
    assert.equal(run.text.split(DEFAULT_TEXT_START).length, 2, 'the answer appears exactly once');
    const retry = run.events.find((e) => e.type === 'retry');
    assert.deepEqual(retry && { delayMs: retry.delayMs, reason: retry.reason }, { delayMs: 1000, reason: 'rateLimited' });
  });

  it('backs off with full jitter on 429 without retry-after and gives up after maxRetries', async () => {
    const fake = server.get();
    fake.enqueue('rate-limited', 'rate-limited', 'rate-limited', 'rate-limited');
    const { client, sleeps } = clientFor(fake, { maxRetries: 3, random: () => 0.5 });
    const run = await collect(client.stream(ask()));
    assert.equal(run.error?.kind, 'rateLimited');
    assert.equal(run.error?.action, 'retry');
    assert.equal(fake.requests.length, 4);
    assert.deepEqual(sleeps, [1000, 2000, 4000], 'half of 2 s, 4 s, 8 s with random() = 0.5');
  });

  it('does not retry a 429 that says the credits ran out, and says so', async () => {
    const fake = server.get();
    fake.enqueue('out-of-credits');
    const { client } = clientFor(fake);
    const run = await collect(client.stream(ask()));
    assert.equal(run.error?.kind, 'quotaExhausted');
    assert.equal(run.error?.retryable, false);
    assert.equal(run.error?.action, 'openBilling');
    assert.match(run.error!.message, /out of credits or reached its monthly spending limit/);
    assert.equal(fake.requests.length, 1);
  });

  it('retries the HTTP 200 JSON "Timed out waiting for first token" error (checked before parsing SSE)', async () => {
    const fake = server.get();
    fake.enqueue('json-error-200', 'default');
    const { client } = clientFor(fake);
    const run = await collect(client.stream(ask()));
    assert.equal(run.error, undefined);
    assert.equal(fake.requests.length, 2);
    const retry = run.events.find((e) => e.type === 'retry');
    assert.match(retry?.type === 'retry' ? (retry.detail ?? '') : '', /Timed out waiting for first token/);
    assert.match(retry?.type === 'retry' ? retry.message : '', /^The service is unavailable — retrying in \d+ s$/);
  });

  for (const [scenario, status] of [['server-error', 500], ['unavailable', 503], ['html-524', 524]] as const) {
    it(`retries ${status} and succeeds on the next attempt`, async () => {
      const fake = server.get();
      fake.enqueue(scenario, 'default');
      const { client } = clientFor(fake);
      const run = await collect(client.stream(ask()));
      assert.equal(run.error, undefined);
      assert.ok(run.text.startsWith(DEFAULT_TEXT_START));
      assert.equal(fake.requests.length, 2);
    });
  }

  it('turns a Cloudflare 524 HTML page into one plain line', async () => {
    const fake = server.get();
    fake.enqueue('html-524');
    const { client } = clientFor(fake, { maxRetries: 0 });
    const run = await collect(client.stream(ask()));
    assert.equal(run.error?.kind, 'server');
    assert.equal(run.error?.status, 524);
    assert.match(run.error!.message, /^Cloudflare timed out waiting for the server to answer \(HTTP 524\)/);
    assert.doesNotMatch(run.error!.message, /[<>\n]/);
  });

  it('strips [WKE=…] tags from server messages', async () => {
    const fake = server.get();
    fake.enqueue('server-error');
    const { client } = clientFor(fake, { maxRetries: 0 });
    const run = await collect(client.stream(ask()));
    assert.match(run.error!.message, /An internal error occurred\.$/);
  });

  it('obeys x-should-retry: false even on a 503', async () => {
    const fake = server.get();
    fake.enqueue('no-retry', 'default');
    const { client } = clientFor(fake);
    const run = await collect(client.stream(ask()));
    assert.equal(run.error?.kind, 'server');
    assert.equal(run.error?.action, undefined, 'no Retry button either');
    assert.match(run.error!.message, /The server asked not to retry this request\.$/);
    assert.equal(fake.requests.length, 1);
  });

  it('maps a wrong key (xAI answers 400) to auth with a Set API Key action, without retrying', async () => {
    const fake = server.get();
    const { client } = clientFor(fake, { apiKey: 'xai-this-key-is-wrong' });
    const run = await collect(client.stream(ask()));
    assert.equal(run.error?.kind, 'auth');
    assert.equal(run.error?.status, 400);
    assert.equal(run.error?.action, 'setApiKey');
    assert.match(run.error!.message, /Incorrect API key provided: xa\*\*\*ng/);
    assert.equal(fake.requests.length, 1);
  });

  it('maps a missing key (401) to auth', async () => {
    const { client } = clientFor(server.get(), { apiKey: undefined });
    const run = await collect(client.stream(ask()));
    assert.equal(run.error?.kind, 'auth');
    assert.equal(run.error?.status, 401);
  });

  it('maps a blocked key (403) to auth', async () => {
    server.get().enqueue('forbidden');
    const { client } = clientFor(server.get());
    const run = await collect(client.stream(ask()));
    assert.deepEqual([run.error?.kind, run.error?.status, run.error?.action], ['auth', 403, 'setApiKey']);
  });

  it('maps an unknown model (404) to modelNotFound with a Choose Model action', async () => {
    const fake = server.get();
    const { client } = clientFor(fake);
    const run = await collect(client.stream(ask('hi', { model: 'grok-nonexistent' })));
    assert.equal(run.error?.kind, 'modelNotFound');
    assert.equal(run.error?.action, 'chooseModel');
    assert.match(run.error!.message, /grok-nonexistent/);
    assert.equal(fake.requests.length, 1);
  });

  it('retries a connection reset before headers', async () => {
    const fake = server.get();
    fake.enqueue('reset-before-headers', 'default');
    const { client } = clientFor(fake);
    const run = await collect(client.stream(ask()));
    assert.equal(run.error, undefined);
    assert.equal(fake.requests.length, 2);
    const retry = run.events.find((e) => e.type === 'retry');
    assert.equal(retry?.type === 'retry' ? retry.reason : undefined, 'network');
  });

  it('retries an empty answer once, then reports it as emptyResponse', async () => {
    const fake = server.get();
    fake.enqueue('empty', 'empty', 'default');
    const { client } = clientFor(fake);
    const run = await collect(client.stream(ask()));
    assert.equal(run.error?.kind, 'emptyResponse');
    assert.equal(run.error?.message, 'The model returned an empty answer.');
    assert.equal(fake.requests.length, 2);
  });

  it('an empty answer then a real one succeeds', async () => {
    const fake = server.get();
    fake.enqueue('empty', 'default');
    const { client } = clientFor(fake);
    const run = await collect(client.stream(ask()));
    assert.equal(run.error, undefined);
    assert.ok(run.text.startsWith(DEFAULT_TEXT_START));
  });
});
