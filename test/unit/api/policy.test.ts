import { strict as assert } from 'node:assert';
import { backoffDelay, MAX_RETRY_AFTER_MS, modelCapabilities, parseRetryAfter, resolveEndpoint } from '../../../src/core/api';
import { paramsToOmit, unsupportedParamIn } from '../../../src/core/api/params';

describe('retry timing', () => {
  it('parses Retry-After seconds and HTTP dates, capped', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    assert.equal(parseRetryAfter('1', now), 1000);
    assert.equal(parseRetryAfter('0.5', now), 500);
    assert.equal(parseRetryAfter('86400', now), MAX_RETRY_AFTER_MS);
    assert.equal(parseRetryAfter('Mon, 01 Jun 2026 00:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Sun, 31 May 2026 23:00:00 GMT', now), 0, 'a date in the past means now');
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it('full jitter: uniform below a doubling ceiling that stops at the cap', () => {
    const opts = { baseMs: 2000, capMs: 30_000 };
    assert.equal(backoffDelay(1, () => 0, opts), 0);
    assert.equal(backoffDelay(1, () => 0.999, opts), 1998);
    assert.equal(backoffDelay(3, () => 0.5, opts), 4000);
    assert.equal(backoffDelay(12, () => 0.999, opts), 29_970);
  });
});

describe('model-aware parameters', () => {
  it('finds the parameter a 400 complains about, in every known wording', () => {
    assert.equal(unsupportedParamIn('Model grok-4-latest does not support parameter reasoningEffort.'), 'reasoning_effort');
    assert.equal(unsupportedParamIn('Argument not supported on this model: presencePenalty'), 'presence_penalty');
    assert.equal(unsupportedParamIn('Model grok-4-1-fast-reasoning does not support parameter frequencyPenalty.'), 'frequency_penalty');
    assert.equal(unsupportedParamIn('Unsupported parameter: stop'), 'stop');
    assert.equal(unsupportedParamIn('Incorrect API key provided'), undefined);
  });

  it('omits efforts a model does not take and penalties for the grok-4 family; leaves other servers alone', () => {
    assert.deepEqual(modelCapabilities('grok-4.3').reasoningEfforts, ['none', 'low', 'medium', 'high']);
    assert.ok(paramsToOmit('grok-4.3', 'xhigh', new Set()).has('reasoning_effort'));
    assert.ok(!paramsToOmit('grok-4.6', 'xhigh', new Set()).has('reasoning_effort'));
    assert.ok(paramsToOmit('grok-3-mini', 'medium', new Set()).has('reasoning_effort'));
    assert.ok(!paramsToOmit('grok-3-mini', 'high', new Set()).has('reasoning_effort'));
    for (const model of ['grok-4.20-0309-non-reasoning', 'grok-build-0.1', 'grok-code-fast-1', 'grok-4-1-fast-reasoning']) {
      const omit = paramsToOmit(model, 'low', new Set());
      assert.deepEqual([...omit].sort(), ['frequency_penalty', 'presence_penalty', 'reasoning_effort', 'stop'], model);
    }
    assert.deepEqual([...paramsToOmit('qwen2.5-coder:7b', 'low', new Set())], []);
    assert.deepEqual([...paramsToOmit('qwen2.5-coder:7b', 'low', new Set(['temperature']))], ['temperature']);
  });

  it('auto picks Responses on xAI hosts only', () => {
    assert.equal(resolveEndpoint('auto', 'https://api.x.ai/v1'), 'responses');
    assert.equal(resolveEndpoint('auto', 'https://us-east-1.api.x.ai/v1'), 'responses');
    assert.equal(resolveEndpoint('auto', 'http://127.0.0.1:11434/v1'), 'chat');
    assert.equal(resolveEndpoint('auto', 'https://api.x.ai.evil.example/v1'), 'chat');
    assert.equal(resolveEndpoint('chat', 'https://api.x.ai/v1'), 'chat');
  });
});
