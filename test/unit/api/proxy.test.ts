import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createDispatcher, decideProxy, noProxyMatches } from '../../../src/core/api';
import { ask, clientFor, collect, useFakeServer } from './helpers';

describe('proxy decision', () => {
  const target = 'https://api.x.ai/v1';

  it('uses the http.proxy setting over the environment', () => {
    const d = decideProxy({ httpProxy: 'http://corp:3128', env: { HTTPS_PROXY: 'http://env:8080' }, targetUrl: target });
    assert.deepEqual(d, { kind: 'proxy', proxyUrl: 'http://corp:3128', source: 'setting', strictSSL: true });
  });

  it('falls back to HTTPS_PROXY (any case) for https, HTTP_PROXY for http', () => {
    assert.deepEqual(decideProxy({ env: { https_proxy: 'http://env:8080' }, targetUrl: target }), { kind: 'proxy', proxyUrl: 'http://env:8080', source: 'env', strictSSL: true });
    assert.equal(decideProxy({ env: { HTTPS_PROXY: 'http://env:8080' }, targetUrl: 'http://localhost:1234/v1' }).kind, 'direct');
    assert.equal(decideProxy({ env: { HTTP_PROXY: 'http://env:8080' }, targetUrl: 'http://10.0.0.5:1234/v1' }).kind, 'proxy');
  });

  it('goes direct without any proxy, and passes strictSSL through', () => {
    assert.deepEqual(decideProxy({ strictSSL: false, env: {}, targetUrl: target }), { kind: 'direct', reason: 'noProxyConfigured', strictSSL: false });
  });

  it('NO_PROXY exempts hosts, subdomains, ports, wildcards and loopback aliases', () => {
    const url = (s: string) => new URL(s);
    assert.ok(noProxyMatches('localhost', url('http://127.0.0.1:8080/v1')), '127.0.0.1 is localhost');
    assert.ok(noProxyMatches('127.0.0.1', url('http://localhost:8080/v1')), 'localhost is 127.0.0.1');
    assert.ok(noProxyMatches('::1', url('http://[::1]:8080/v1')));
    assert.ok(noProxyMatches('x.ai', url('https://api.x.ai/v1')));
    assert.ok(noProxyMatches('.x.ai', url('https://api.x.ai/v1')));
    assert.ok(noProxyMatches('*.x.ai', url('https://api.x.ai/v1')));
    assert.ok(noProxyMatches('foo.com, *', url('https://api.x.ai/v1')));
    assert.ok(noProxyMatches('api.x.ai:443', url('https://api.x.ai/v1')));
    assert.ok(!noProxyMatches('api.x.ai:8443', url('https://api.x.ai/v1')));
    assert.ok(!noProxyMatches('notx.ai', url('https://api.x.ai/v1')));
    assert.ok(!noProxyMatches('localhost', url('https://api.x.ai/v1')));
    const d = decideProxy({ httpProxy: 'http://corp:3128', env: { NO_PROXY: 'localhost' }, targetUrl: 'http://127.0.0.1:5000/v1' });
    assert.deepEqual(d, { kind: 'direct', reason: 'noProxyMatch', strictSSL: true });
  });
});

describe('proxy in use', () => {
  const fake = useFakeServer();
  let proxy: Server;
  const tunnels: string[] = [];

  before(async () => {
    // A minimal CONNECT proxy, like a corporate one: it only tunnels and records where to.
    proxy = createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req, socket, head) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
  beforeEach(() => (tunnels.length = 0));

  const proxyUrl = () => `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  it('streams a turn through the http.proxy setting', async () => {
    const dispatcher = createDispatcher({ httpProxy: proxyUrl(), env: {}, targetUrl: fake.get().url });
    const { client } = clientFor(fake.get(), { dispatcher });
    const run = await collect(client.stream(ask()));
    assert.equal(run.error, undefined);
    assert.ok(run.text.length > 100);
    assert.deepEqual(tunnels, [new URL(fake.get().url).host]);
    await dispatcher.close();
  });

  it('bypasses the proxy for a NO_PROXY match', async () => {
    const dispatcher = createDispatcher({ httpProxy: proxyUrl(), env: { NO_PROXY: 'localhost' }, targetUrl: fake.get().url });
    const { client } = clientFor(fake.get(), { dispatcher });
    const run = await collect(client.stream(ask()));
    assert.equal(run.error, undefined);
    assert.deepEqual(tunnels, []);
    await dispatcher.close();
  });
});
