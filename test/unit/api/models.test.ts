import { strict as assert } from 'node:assert';
import { GrokClient } from '../../../src/core/api';
import { clientFor, useFakeServer } from './helpers';

describe('models and Test Connection', () => {
  const server = useFakeServer();

  it('merges /models and /language-models: prices, aliases, image input', async () => {
    const { client } = clientFor(server.get());
    const models = await client.listModels();
    assert.deepEqual(models.map((m) => m.id), ['grok-4.20-0309-non-reasoning', 'grok-4.20-0309-reasoning', 'grok-4.3', 'grok-build-0.1']);
    const g43 = models.find((m) => m.id === 'grok-4.3')!;
    assert.deepEqual(g43.price, { inputPerMTok: 1.25, cachedInputPerMTok: 0.3125, outputPerMTok: 2.5, imageInputPerMTok: 1.25 });
    assert.deepEqual(g43.aliases, ['grok-latest']);
    assert.equal(g43.acceptsImages, true);
    assert.equal(models.find((m) => m.id === 'grok-build-0.1')!.acceptsImages, false);
  });

  it('caches the list for its TTL and refreshes on demand or after it', async () => {
    let now = 1_000_000;
    const { client } = clientFor(server.get(), { now: () => now, modelsTtlMs: 60_000 });
    await client.listModels();
    const afterFirst = server.get().requests.length;
    assert.equal(afterFirst, 2, 'one GET /models and one GET /language-models');
    await client.listModels();
    assert.equal(server.get().requests.length, afterFirst, 'served from cache');
    await client.listModels({ refresh: true });
    assert.equal(server.get().requests.length, afterFirst + 2);
    now += 61_000;
    await client.listModels();
    assert.equal(server.get().requests.length, afterFirst + 4, 'expired after the TTL');
  });

  it('shares one fetch between concurrent callers', async () => {
    const { client } = clientFor(server.get());
    const [a, b] = await Promise.all([client.listModels(), client.listModels()]);
    assert.equal(a, b);
    assert.equal(server.get().requests.length, 2);
  });

  it('Test Connection reports the key and the model count', async () => {
    const { client } = clientFor(server.get());
    const result = await client.testConnection();
    assert.ok(result.ok);
    assert.equal(result.modelCount, 4);
    assert.equal(result.keyName, 'Fake xAI key');
    assert.equal(result.redactedKey, 'xai-...ests');
    assert.equal(server.get().requests[0]!.path, '/v1/api-key');
  });

  it('Test Connection with a wrong key gives the auth error, not an exception', async () => {
    const { client } = clientFor(server.get(), { apiKey: 'xai-wrong-wrong-wrong' });
    const result = await client.testConnection();
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'auth');
    assert.equal(result.error.action, 'setApiKey');
    assert.match(result.error.message, /Incorrect API key provided/);
  });

  it('Test Connection against a closed port is a network error naming the host', async () => {
    const client = new GrokClient({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k' });
    const result = await client.testConnection();
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'network');
    assert.match(result.error.message, /Could not reach 127\.0\.0\.1:9 \(ECONNREFUSED\)/);
  });
});
