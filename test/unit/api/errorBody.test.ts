import { strict as assert } from 'node:assert';
import { classifyHttpError, parseErrorBody } from '../../../src/core/api';

const json = 'application/json';

describe('error bodies → one clean line', () => {
  const cases: [string, string, string | undefined][] = [
    ['xAI {code,error}', '{"code":"Client specified an invalid argument","error":"Model grok-4-latest does not support parameter reasoningEffort."}', 'Model grok-4-latest does not support parameter reasoningEffort.'],
    ['422 {error}', '{"error":"Failed to deserialize the JSON body into the target type: tools[0]: missing field `name` at line 1 column 80"}', 'Failed to deserialize the JSON body into the target type: tools[0]: missing field `name` at line 1 column 80'],
    ['OpenAI nested', '{"error":{"message":"Rate limit reached","type":"rate_limit","param":null,"code":"rate_limit_exceeded"}}', 'Rate limit reached'],
    ['double-encoded', JSON.stringify(JSON.stringify({ code: 'x', error: 'Service down' })), 'Service down'],
    ['error holding encoded JSON', JSON.stringify({ error: JSON.stringify({ error: { message: 'inner message' } }) }), 'inner message'],
    ['[WKE=…] tag', '{"code":"Internal","error":"Something broke [WKE=upstream:abc123] please retry"}', 'Something broke please retry'],
    ['multi-line text', 'upstream connect error\nreset reason: overflow', 'upstream connect error'],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.equal(parseErrorBody(body, json, 400).message, expected));
  }

  it('keeps the code apart from the message', () => {
    assert.equal(parseErrorBody('{"code":"Some requested entity was not found","error":"nope"}', json, 404).code, 'Some requested entity was not found');
  });

  it('never returns HTML: Cloudflare pages by status, others by title', () => {
    const cf = parseErrorBody('<!DOCTYPE html><html><head><title>api.x.ai | 522: Connection timed out</title></head><body>…</body></html>', 'text/html', 522);
    assert.deepEqual(cf, { message: 'Cloudflare timed out connecting to the server (HTTP 522); try again later.', html: true });
    const proxy = parseErrorBody('<html><head><title>Proxy Authentication Required &amp; more</title></head></html>', undefined, 407);
    assert.equal(proxy.html, true);
    assert.match(proxy.message, /web page instead of an API response \(HTTP 407: Proxy Authentication Required & more\)/);
    assert.doesNotMatch(proxy.message, /</);
  });
});

describe('HTTP errors → kinds and actions', () => {
  const ctx = { host: 'api.x.ai', model: 'grok-4.3', requestId: 'r1', now: () => Date.parse('2026-06-01T00:00:00Z') };
  const classify = (status: number, body: string, headers: Record<string, string> = {}) => classifyHttpError(status, { 'content-type': json, ...headers }, body, ctx);

  it('400 "Incorrect API key" is auth, other 400s are bad requests with xAI\'s own words', () => {
    const auth = classify(400, '{"code":"Client specified an invalid argument","error":"Incorrect API key provided: ba***na. You can obtain an API key from https://console.x.ai."}');
    assert.deepEqual([auth.kind, auth.action, auth.retryable], ['auth', 'setApiKey', false]);
    const bad = classify(400, '{"code":"Client specified an invalid argument","error":"Only messages of role \'user\' can have a name."}');
    assert.equal(bad.kind, 'badRequest');
    assert.match(bad.message, /Only messages of role 'user' can have a name\.$/);
  });

  it('429 rate limit is retryable; 429 out of credits is not', () => {
    assert.deepEqual([classify(429, '{"error":"Too many requests"}').kind, classify(429, '{"error":"Too many requests"}').retryable], ['rateLimited', true]);
    const credits = classify(429, '{"error":"Your team abc has either used all available credits or reached its monthly spending limit."}');
    assert.deepEqual([credits.kind, credits.retryable], ['quotaExhausted', false]);
  });

  it('5xx are retryable except TLS edge failures (525/526)', () => {
    assert.equal(classify(502, '{"error":"bad gateway"}').retryable, true);
    assert.equal(classifyHttpError(525, { 'content-type': 'text/html' }, '<html></html>', ctx).retryable, false);
    assert.equal(classifyHttpError(526, { 'content-type': 'text/html' }, '<html></html>', ctx).retryable, false);
  });

  it('reads Retry-After as an HTTP date and honours x-should-retry', () => {
    const e = classify(503, '{"error":"busy"}', { 'retry-after': 'Mon, 01 Jun 2026 00:00:07 GMT', 'x-should-retry': 'false' });
    assert.equal(e.retryAfterMs, 7000);
    assert.equal(e.noRetry, true);
  });

  it('200 JSON error: retryable only for "unavailable"-type messages', () => {
    assert.equal(classify(200, '{"code":"The service is currently unavailable","error":"Timed out waiting for first token"}').retryable, true);
    assert.equal(classify(200, '{"error":"Something else"}').retryable, false);
  });

  it('404 without a model is the base URL, not the model', () => {
    const e = classifyHttpError(404, { 'content-type': 'text/html' }, '<html><title>Not Found</title></html>', { host: 'example.com' });
    assert.deepEqual([e.kind, e.action], ['notFound', 'openSettings']);
  });
});
