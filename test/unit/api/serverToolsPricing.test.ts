import { strict as assert } from 'node:assert';
import { estimateCost, normalizeUsage, SERVER_TOOL_PRICE_PER_CALL, SERVER_TOOL_PRICES_DATE, serverToolCost } from '../../../src/core/api';
import { addSpend, currentLedger } from '../../../src/core/chat/budget';
import { serverToolUsageView } from '../../../src/core/chat/serverToolState';
import { ask, clientFor, collect, useFakeServer } from './helpers';

const base = { input_tokens: 1000, input_tokens_details: { cached_tokens: 0 }, output_tokens: 200, output_tokens_details: { reasoning_tokens: 0 } };

describe('server-side tools: pricing per call', () => {
  it('prices are dated data: $5 per 1,000 web, X and code calls', () => {
    assert.match(SERVER_TOOL_PRICES_DATE, /^\d{4}-\d{2}/);
    assert.equal(SERVER_TOOL_PRICE_PER_CALL.webSearch, 0.005);
    assert.equal(serverToolCost({ webSearch: 3, xSearch: 1, codeExecution: 2, other: 4 }), 6 * 0.005 + 4 * 0.0025);
  });

  it('counts calls from server_side_tool_usage_details (both key styles); none reported = no field', () => {
    const usage = normalizeUsage({ ...base, server_side_tool_usage_details: { web_search_calls: 2, x_search_calls: '1', code_interpreter_calls: 0, mcp_calls: 5 } }, 'responses');
    assert.deepEqual(usage.serverToolCalls, { webSearch: 2, xSearch: 1, codeExecution: 0, other: 0 });
    assert.deepEqual(normalizeUsage({ ...base, server_side_tool_usage_details: { web_search: 1, code_execution: 1 } }, 'responses').serverToolCalls, { webSearch: 1, xSearch: 0, codeExecution: 1, other: 0 });
    assert.equal(normalizeUsage({ ...base, server_side_tool_usage_details: { web_search_calls: 0 } }, 'responses').serverToolCalls, undefined);
    assert.equal(normalizeUsage({ ...base, server_side_tool_usage_details: 'junk' }, 'responses').serverToolCalls, undefined);
  });

  it('without ticks, the calls are added to the token cost; with ticks, the ticks are the total', () => {
    const calls = { server_side_tool_usage_details: { web_search_calls: 2 } };
    const priced = estimateCost(normalizeUsage({ ...base, ...calls }, 'responses'), 'grok-4.3');
    const tokensOnly = estimateCost(normalizeUsage(base, 'responses'), 'grok-4.3');
    assert.ok(Math.abs(priced.costUsd! - (tokensOnly.costUsd! + 0.01)) < 1e-12);
    assert.equal(priced.serverToolCostUsd, 0.01);
    const ticked = estimateCost(normalizeUsage({ ...base, ...calls, cost_in_usd_ticks: 123_000_000 }, 'responses'), 'grok-4.3');
    assert.equal(ticked.costSource, 'ticks');
    assert.ok(Math.abs(ticked.costUsd! - 0.0123) < 1e-12, 'the server’s exact figure, not ours on top');
    assert.equal(ticked.serverToolCostUsd, 0.01, 'the share is still shown');
  });

  describe('end to end', () => {
    const server = useFakeServer();
    it('the usage record carries the calls, the budget ledger counts them, the view shows them', async () => {
      const { client, usage } = clientFor(server.get(), { api: 'responses' });
      await collect(client.stream(ask('[scenario:server-tools noTicks=1] q', { serverTools: { webSearch: {}, codeExecution: {} } })));
      const record = usage.at(-1)!;
      assert.equal(record.costSource, 'builtin');
      assert.deepEqual(record.serverToolCalls, { webSearch: 1, xSearch: 0, codeExecution: 1, other: 0 });
      const tokensUsd = (record.promptTokens * 1.25 + (record.completionTokens + record.reasoningTokens) * 2.5) / 1e6;
      assert.ok(Math.abs(record.costUsd! - (tokensUsd + 0.01)) < 1e-9);
      const ledger = addSpend(currentLedger(undefined, new Date()), record.costUsd);
      assert.ok(ledger.spentUsd >= 0.01, 'the monthly budget includes the calls');
      assert.deepEqual(serverToolUsageView(record), { serverToolCalls: record.serverToolCalls, serverToolCostUsd: 0.01 });
    });
  });
});
