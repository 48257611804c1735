import { strict as assert } from 'node:assert';
import { BUILTIN_PRICES_DATE, builtinPrice, estimateCost, normalizeUsage, type TurnEvent, type UsageRecord } from '../../../src/core/api';
import { priceFromListing } from '../../../src/core/api/pricing';
import { ask, clientFor, collect, useFakeServer } from './helpers';

describe('usage arithmetic', () => {
  // Recorded grok-3-mini stream (xai-protocol-reference §5.2): 1·0.30 + 11·0.075 + 291·0.50 µ$ = 1,466,250 ticks.
  const recorded = {
    prompt_tokens: 12, completion_tokens: 1, total_tokens: 303,
    prompt_tokens_details: { cached_tokens: 11, image_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 290 }, cost_in_usd_ticks: 1_466_250,
  };

  it('Chat: completion excludes reasoning, total = prompt + completion + reasoning, ticks give the cost', () => {
    const t = normalizeUsage(recorded, 'chat');
    assert.deepEqual([t.promptTokens, t.completionTokens, t.reasoningTokens, t.cachedTokens, t.totalTokens], [12, 1, 290, 11, 303]);
    const cost = estimateCost(t, 'grok-3-mini');
    assert.equal(cost.costSource, 'ticks');
    assert.ok(Math.abs(cost.costUsd! - 1.46625e-4) < 1e-12);
  });

  it('the built-in table reproduces the recorded ticks exactly when ticks are missing', () => {
    const t = normalizeUsage({ ...recorded, cost_in_usd_ticks: 0 }, 'chat'); // ≤ 0 means "not reported"
    const cost = estimateCost(t, 'grok-3-mini');
    assert.equal(cost.costSource, 'builtin');
    assert.ok(Math.abs(cost.costUsd! - 1.46625e-4) < 1e-12, String(cost.costUsd));
    assert.match(BUILTIN_PRICES_DATE, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('Responses: output_tokens include reasoning, so completion is output minus reasoning', () => {
    const t = normalizeUsage({ input_tokens: 216, input_tokens_details: { cached_tokens: 192 }, output_tokens: 831, output_tokens_details: { reasoning_tokens: 253 }, total_tokens: 1047 }, 'responses');
    assert.deepEqual([t.promptTokens, t.completionTokens, t.reasoningTokens, t.cachedTokens, t.totalTokens], [216, 578, 253, 192, 1047]);
  });

  it('Chat from a gateway that folded reasoning into completion_tokens (total gives it away)', () => {
    const t = normalizeUsage({ prompt_tokens: 10, completion_tokens: 50, total_tokens: 60, completion_tokens_details: { reasoning_tokens: 40 } }, 'chat');
    assert.deepEqual([t.completionTokens, t.reasoningTokens, t.totalTokens], [10, 40, 60]);
  });

  it('clamps cached tokens to the prompt', () => {
    const t = normalizeUsage({ prompt_tokens: 100, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 150 } }, 'chat');
    assert.equal(t.cachedTokens, 100);
  });

  it('converts /language-models prices (cents per 100M tokens) to USD per 1M', () => {
    assert.deepEqual(priceFromListing({ prompt_text_token_price: 3000, cached_prompt_text_token_price: 750, completion_text_token_price: 5000 }), { inputPerMTok: 0.3, cachedInputPerMTok: 0.075, outputPerMTok: 0.5 });
    assert.equal(priceFromListing({ prompt_text_token_price: 3000 }), undefined);
  });

  it('has no price for an unknown model, and says so', () => {
    assert.equal(builtinPrice('llama-3.1-8b'), undefined);
    assert.deepEqual(estimateCost(normalizeUsage({ prompt_tokens: 1, completion_tokens: 1 }, 'chat'), 'llama-3.1-8b'), { costUsd: undefined, costSource: 'unknown' });
  });
});

describe('usage records from real streams', () => {
  const server = useFakeServer();
  const usageOf = (events: TurnEvent[]): UsageRecord => (events.find((e) => e.type === 'usage') as Extract<TurnEvent, { type: 'usage' }>).usage;

  for (const api of ['chat', 'responses'] as const) {
    it(`${api}: one record with ticks cost, served model, timings; the same record reaches onUsage`, async () => {
      const { client, usage } = clientFor(server.get(), { api });
      const run = await collect(client.stream(ask()));
      const record = usageOf(run.events);
      assert.deepEqual(usage, [record]);
      assert.equal(record.endpoint, api);
      assert.equal(record.model, 'grok-4.3');
      assert.equal(record.status, 'ok');
      assert.equal(record.costSource, 'ticks');
      assert.equal(record.promptTokens, 120);
      assert.equal(record.cachedTokens, 90);
      assert.ok(record.reasoningTokens > 0 && record.completionTokens > 0);
      assert.equal(record.totalTokens, record.promptTokens + record.completionTokens + record.reasoningTokens);
      assert.ok(record.timeToFirstTokenMs !== undefined && record.timeToFirstTokenMs <= record.latencyMs);
      assert.equal(record.requestId, server.get().requests[0]!.headers['x-request-id']);
    });
  }

  it('prices by /language-models once listed, by the built-in table before', async () => {
    const { client } = clientFor(server.get(), { api: 'chat' });
    server.get().enqueue('no-cost', 'no-cost');
    const before = usageOf((await collect(client.stream(ask()))).events);
    assert.equal(before.costSource, 'builtin');
    await client.listModels();
    const after = usageOf((await collect(client.stream(ask()))).events);
    assert.equal(after.costSource, 'pricing');
    // 120 prompt (90 cached) + 100 out: listing 1.25 / 0.3125 / 2.50 vs built-in (cached unknown → input price).
    assert.ok(Math.abs(after.costUsd! - (30 * 1.25 + 90 * 0.3125 + 100 * 2.5) / 1e6) < 1e-12, String(after.costUsd));
    assert.ok(Math.abs(before.costUsd! - (120 * 1.25 + 100 * 2.5) / 1e6) < 1e-12, String(before.costUsd));
  });

  it('records failed attempts too, with their error kind', async () => {
    server.get().enqueue('unavailable', 'default');
    const { client, usage } = clientFor(server.get());
    await collect(client.stream(ask()));
    assert.deepEqual(usage.map((r) => [r.status, r.errorKind]), [['error', 'server'], ['ok', undefined]]);
  });
});
