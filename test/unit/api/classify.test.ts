import { strict as assert } from 'node:assert';
import { classifyHttpError, GrokApiError, isXaiHostname, suggestedActionOf } from '../../../src/core/api';

const JSON_TYPE = { 'content-type': 'application/json' };
const HTML_TYPE = { 'content-type': 'text/html' };
const body = (error: string): string => JSON.stringify({ code: 'x', error });

describe('which hosts are xAI (error wording only)', () => {
  it('accepts x.ai and its subdomains, with or without a port', () => {
    for (const host of ['api.x.ai', 'API.X.AI', 'api.x.ai:443', 'us-east-1.api.x.ai', 'console.x.ai', 'x.ai', 'api.x.ai.']) assert.ok(isXaiHostname(host), host);
  });
  it('refuses look-alikes and other hosts', () => {
    for (const host of ['api.x.ai.evil.example', 'evilx.ai', 'x.ai.example', '127.0.0.1:8080', 'localhost', '[::1]:80', 'notx.ai']) assert.ok(!isXaiHostname(host), host);
  });
});

describe('error classification: Retry only where it can help', () => {
  const cases: [name: string, status: number, headers: Record<string, string>, text: string, action: string | undefined][] = [
    ['429 rate limit', 429, JSON_TYPE, body('Rate limit exceeded'), 'retry'],
    ['429 out of credits', 429, JSON_TYPE, body('Your team has either used all available credits or reached its monthly spending limit.'), 'openBilling'],
    ['402 payment', 402, JSON_TYPE, body('Insufficient credits'), 'openBilling'],
    ['400 wrong key', 400, JSON_TYPE, body('Incorrect API key provided: xa***ng.'), 'setApiKey'],
    ['400 unknown model', 400, JSON_TYPE, body('Unknown model grok-9'), 'chooseModel'],
    ['400 model lacks images', 400, JSON_TYPE, body('Model grok-3-mini does not support image input.'), 'chooseModel'],
    ['400 prompt too long', 400, JSON_TYPE, body("This model's maximum prompt length is 131072 but the request contains 200000 tokens."), 'chooseModel'],
    ['400 other', 400, JSON_TYPE, body('Each message must have at least one content element.'), 'openSettings'],
    ['422', 422, JSON_TYPE, '{"error":"Failed to deserialize the JSON body"}', 'openSettings'],
    ['404 model', 404, JSON_TYPE, body('The model grok-9 does not exist.'), 'chooseModel'],
    ['408', 408, JSON_TYPE, '', 'retry'],
    ['500', 500, JSON_TYPE, body('Internal error'), 'retry'],
    ['501', 501, JSON_TYPE, body('Not implemented'), 'openSettings'],
    ['503 + x-should-retry: false', 503, { ...JSON_TYPE, 'x-should-retry': 'false' }, body('Unavailable'), undefined],
    ['HTML 526', 526, HTML_TYPE, '<html></html>', undefined],
    ['HTML 502', 502, HTML_TYPE, '<html><title>502</title></html>', 'retry'],
    ['200 JSON unavailable', 200, JSON_TYPE, body('Timed out waiting for first token'), 'retry'],
    ['200 JSON other', 200, JSON_TYPE, body('Something odd'), undefined],
  ];
  for (const [name, status, headers, text, action] of cases) {
    it(`${name} → ${action ?? 'no action'}`, () => {
      const error = classifyHttpError(status, headers, text, { host: 'api.x.ai', model: 'grok-4.3', now: () => 0 });
      assert.equal(error.action, action);
      assert.equal(error.retryable, action === 'retry', 'retryable exactly when Retry is offered');
      assert.equal(suggestedActionOf(error), action);
    });
  }

  it('x-should-retry: false removes Retry from any error, and says why', () => {
    const error = classifyHttpError(429, { ...JSON_TYPE, 'x-should-retry': 'false' }, body('Rate limit exceeded'), { host: 'api.x.ai', now: () => 0 });
    assert.deepEqual([error.kind, error.action, error.retryable, error.noRetry], ['rateLimited', undefined, false, true]);
    assert.match(error.message, /Rate limit exceeded\. The server asked not to retry this request\.$/);
  });

  it('an HTML page from xAI blames xAI; from elsewhere, the URL or the proxy', () => {
    const page = '<!DOCTYPE html><html><head><title>api.x.ai | 502: Bad gateway</title></head></html>';
    const xai = classifyHttpError(502, HTML_TYPE, page, { host: 'us-east-1.api.x.ai', now: () => 0 });
    assert.equal(xai.message, "xAI's service returned an error page (HTTP 502). Try again in a moment.");
    const edge = classifyHttpError(524, HTML_TYPE, page, { host: 'api.x.ai', now: () => 0 });
    assert.equal(edge.message, "xAI's edge timed out waiting for its service to answer (HTTP 524). Try again in a moment.");
    const forbidden = classifyHttpError(403, HTML_TYPE, page, { host: 'api.x.ai', now: () => 0 });
    assert.equal(forbidden.message, "xAI's edge refused the request with an error page (HTTP 403).");
    assert.equal(forbidden.action, undefined);
    const other = classifyHttpError(502, HTML_TYPE, page, { host: 'llm.corp.example', now: () => 0 });
    assert.match(other.message, /check grok\.baseUrl or your proxy\.$/);
    for (const e of [xai, edge, forbidden, other]) assert.doesNotMatch(e.message, /[<>]/);
  });

  it('anything that is not a GrokApiError still gets Retry', () => {
    assert.equal(suggestedActionOf(new Error('bug')), 'retry');
    assert.equal(suggestedActionOf(new GrokApiError({ kind: 'badRequest', message: 'x' })), undefined);
  });
});
