import { strict as assert } from 'node:assert';
import { checkBaseUrl, isLoopbackHost } from '../../src/core/trust/baseUrl';
import { EndpointTrust } from '../../src/core/trust/endpointTrust';
import { memoryState } from './engine/harness';

describe('grok.baseUrl: where requests may go', () => {
  it('accepts https anywhere and plain http only on this machine', () => {
    assert.deepEqual(checkBaseUrl('https://api.x.ai/v1'), { ok: true, origin: 'https://api.x.ai', host: 'api.x.ai', xai: true });
    assert.equal(checkBaseUrl('https://llm.example.com/v1').ok, true);
    for (const local of ['http://127.0.0.1:8080/v1', 'http://localhost:11434/v1', 'http://[::1]:9000/v1', 'http://127.1.2.3/v1']) {
      assert.equal(checkBaseUrl(local).ok, true, local);
    }
  });

  it('refuses http to another host, other schemes, credentials and non-URLs, each with a message', () => {
    const cases: [string, RegExp][] = [
      ['http://evil.example/v1', /plain http:\/\/ for evil\.example/],
      ['http://192.168.1.5:8000/v1', /only a server on this machine/],
      ['ftp://api.x.ai/v1', /must be an https:\/\/ URL, not ftp:/],
      ['javascript:alert(1)', /must be an https:\/\/ URL, not javascript:/],
      ['https://user:pw@api.x.ai/v1', /must not contain a user name or password/],
      ['htps//api.x.ai', /is not a URL/],
    ];
    for (const [url, message] of cases) {
      const check = checkBaseUrl(url);
      assert.equal(check.ok, false, url);
      assert.match(check.ok ? '' : check.message, message, url);
    }
  });

  it('http://api.x.ai is not treated as xAI (the key never goes over plain http)', () => {
    assert.equal(checkBaseUrl('http://api.x.ai/v1').ok, false);
  });

  it('knows loopback names', () => {
    assert.ok(isLoopbackHost('LOCALHOST'));
    assert.ok(!isLoopbackHost('localhost.evil.example'));
    assert.ok(!isLoopbackHost('127.0.0.1.nip.io'));
  });
});

describe('which hosts may receive the key', () => {
  it('xAI always; any other host only once the user allowed it, per origin, until revoked', async () => {
    const trust = new EndpointTrust(memoryState(), () => 5);
    assert.equal(trust.decision('https://api.x.ai/v1'), 'xai');
    assert.ok(trust.mayAttachKey('https://us-east-1.api.x.ai/v1'));
    assert.equal(trust.decision('http://127.0.0.1:9000/v1'), undefined);
    assert.equal(trust.mayAttachKey('http://127.0.0.1:9000/v1'), false);
    await trust.remember('http://127.0.0.1:9000/v1', 'send');
    assert.ok(trust.mayAttachKey('http://127.0.0.1:9000/other'), 'the whole origin');
    assert.equal(trust.mayAttachKey('http://127.0.0.1:9001/v1'), false, 'another port is another host');
    await trust.remember('https://proxy.example/v1', 'withhold');
    assert.equal(trust.mayAttachKey('https://proxy.example/v1'), false);
    assert.equal(trust.decision('https://proxy.example/v1'), 'withhold');
    assert.deepEqual(trust.entries().map((e) => [e.origin, e.decision, e.at]), [['http://127.0.0.1:9000', 'send', 5], ['https://proxy.example', 'withhold', 5]]);
    await trust.revoke('http://127.0.0.1:9000');
    assert.equal(trust.decision('http://127.0.0.1:9000/v1'), undefined);
  });

  it('never trusts an invalid URL and ignores stored entries it cannot read', async () => {
    const state = memoryState();
    await state.update('grok.trustedEndpoints', [{ origin: 'http://evil.example', decision: 'maybe' }]);
    const trust = new EndpointTrust(state);
    assert.deepEqual(trust.entries(), []);
    await trust.remember('http://evil.example/v1', 'send');
    assert.equal(trust.mayAttachKey('http://evil.example/v1'), false);
  });
});
