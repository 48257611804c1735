import { strict as assert } from 'node:assert';
import { classifyHttpError } from '../../src/core/api/classifyHttp';
import { parseErrorBody } from '../../src/core/api/errorBody';
import { formatLogArgs, redact, redactForDisplay } from '../../src/core/log';

const KEY = 'xai-Qm3ZpL8vR2tK9wX4nB7cY1dF6gH0jS5aE8uW3iO2pL7kJ4mN9bV6cX1zQ8wE5rT2yU0iP3oA6sD9fG4hJ7kL1';

const PROXY_407 = `<!DOCTYPE html>
<html><head><title>407 Proxy Authentication Required</title></head>
<body><h1>Proxy Authentication Required</h1>
<p>Request headers received:</p><pre>
Host: api.x.ai
Authorization: Bearer ${KEY}
Proxy-Authorization: Basic Y29ycFxqZG9lOlN1bW1lcjIwMjYh
</pre></body></html>`;

const BODY_400 = JSON.stringify({
  code: 'Client specified an invalid argument',
  error: `Bad header. Received: 'Authorization: Bearer ${KEY}' and 'x-api-key: ${KEY.slice(0, 40)}'`,
});

describe('one redactor for every user-facing string (core/log redact)', () => {
  it('removes the exact stored key even where nothing marks it as a key', () => {
    const key = 'my-local-server-key-7f3a';
    assert.equal(redact(`failed for ${key}!`, [key]), 'failed for [REDACTED]!');
    assert.equal(redactForDisplay, redact);
  });

  it('removes key-shaped tokens without being told the key', () => {
    const out = redact(`key ${KEY} and ghp_R8fKq2ZLmW0vXn4TzJ7pYc1HdS9aBe3UgN6o`);
    assert.doesNotMatch(out, /xai-Qm3|ghp_R8f/);
  });

  it('removes Authorization, Proxy-Authorization and Basic credentials echoed in a 407 proxy page', () => {
    const out = redact(PROXY_407);
    assert.doesNotMatch(out, /Qm3ZpL8v|Y29ycFxq/);
    assert.match(out, /Proxy Authentication Required/);
  });

  it('removes the key from a 400 JSON body that echoes the header, keeping the rest readable', () => {
    const out = redact(BODY_400, [KEY]);
    assert.doesNotMatch(out, /Qm3ZpL8v/);
    assert.match(out, /Bad header/);
  });

  it('keeps ordinary messages as they are', () => {
    const text = 'Model "grok-4.3" was not found or this key has no access to it (HTTP 404). request-id=1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    assert.equal(redact(text), text);
  });

  it('formats log arguments through the same redactor', () => {
    assert.doesNotMatch(formatLogArgs([{ headers: { authorization: `Bearer ${KEY}` } }, new Error(`echo ${KEY}`)]), /Qm3ZpL8v/);
  });
});

describe('server text in API errors is redacted where the error is built', () => {
  it('a 407 proxy page that echoes the headers yields a message without the key', () => {
    const err = classifyHttpError(407, { 'content-type': 'text/html' }, PROXY_407.replace('<title>407 Proxy Authentication Required</title>', `<title>407 for Bearer ${KEY}</title>`), { host: 'api.x.ai', secrets: [KEY] });
    assert.doesNotMatch(`${err.message} ${err.detail ?? ''}`, /Qm3ZpL8v/);
    assert.match(err.message, /407/);
  });

  it('a 400 JSON body that echoes Authorization yields a message and detail without the key', () => {
    const err = classifyHttpError(400, { 'content-type': 'application/json' }, BODY_400, { host: 'api.x.ai', secrets: [KEY] });
    assert.doesNotMatch(`${err.message} ${err.detail ?? ''}`, /Qm3ZpL8v/);
    assert.match(err.message, /Bad header/);
  });

  it('the exact key is removed even when it is not key-shaped (a local server key)', () => {
    const key = 'local-dev-key-42';
    const info = parseErrorBody(`{"error":"unknown key local-dev-key-42"}`, 'application/json', 401, { secrets: [key] });
    assert.equal(info.message, 'unknown key [REDACTED]');
  });
});
