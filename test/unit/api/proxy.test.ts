import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createDispatcher, normalizeNoProxy, proxyOptions, type ProxyInputs } from '../../../src/core/api';
import { ask, clientFor, collect, useFakeServer } from './helpers';

describe('proxy options', () => {
  const proxies = (inputs: ProxyInputs) => {
    const o = proxyOptions(inputs);
    return [o.httpProxy, o.httpsProxy];
  };

  it('uses the http.proxy setting for both schemes, over the environment', () => {
    assert.deepEqual(proxies({ httpProxy: ' http://corp:3128 ', env: { HTTPS_PROXY: 'http://env:8080', HTTP_PROXY: 'http://env:80' } }), ['http://corp:3128', 'http://corp:3128']);
  });

  it('falls back to HTTP_PROXY / HTTPS_PROXY (either case), and to nothing, never to process.env', () => {
    assert.deepEqual(proxies({ env: { https_proxy: 'http://env:8080' } }), ['', 'http://env:8080']);
    assert.deepEqual(proxies({ httpProxy: '  ', env: { HTTP_PROXY: 'http://env:80' } }), ['http://env:80', '']);
    // '' rather than undefined: undici reads process.env for an undefined value.
    assert.deepEqual(proxies({ env: {} }), ['', '']);
    assert.equal(proxyOptions({ env: {} }).noProxy, '');
  });

  it('checks TLS per strictSSL, direct and through a proxy', () => {
    for (const strictSSL of [true, false]) {
      const o = proxyOptions({ strictSSL, env: {} });
      assert.deepEqual([o.connect, o.requestTls, o.proxyTls], Array(3).fill({ rejectUnauthorized: strictSSL }));
    }
    assert.deepEqual(proxyOptions({}).connect, { rejectUnauthorized: true });
  });

  it('NO_PROXY: brackets bare IPv6, reads * anywhere, and gives loopback names their aliases', () => {
    assert.equal(normalizeNoProxy('x.ai, .corp.example  *.internal'), 'x.ai,.corp.example,*.internal');
    assert.equal(normalizeNoProxy('foo.com, *'), '*');
    assert.equal(normalizeNoProxy('fe80::1'), '[fe80::1]');
    assert.equal(normalizeNoProxy('localhost'), 'localhost,127.0.0.1,[::1]');
    assert.equal(normalizeNoProxy('::1'), '[::1],localhost,127.0.0.1');
    assert.equal(normalizeNoProxy('127.0.0.1:8080'), '127.0.0.1:8080,localhost:8080,[::1]:8080');
    assert.equal(normalizeNoProxy('api.x.ai:443'), 'api.x.ai:443');
    assert.equal(proxyOptions({ env: { no_proxy: 'LOCALHOST' } }).noProxy, 'LOCALHOST,localhost,127.0.0.1,[::1]');
  });
});

describe('proxy in use', () => {
  const fake = useFakeServer();
  let proxy: Server;
  const tunnels: string[] = [];
  /** A port nothing listens on: a proxy there would fail every request that used it. */
  let deadProxy: string;

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
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    deadProxy = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
  after(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
  beforeEach(() => (tunnels.length = 0));

  const proxyUrl = () => `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  /** Streams one turn from the fake server (http://127.0.0.1:port) through a dispatcher for `inputs`. */
  async function turn(inputs: ProxyInputs): Promise<{ error: unknown; tunnels: string[] }> {
    const dispatcher = createDispatcher(inputs);
    try {
      const { client } = clientFor(fake.get(), { dispatcher, maxRetries: 0 });
      const run = await collect(client.stream(ask()));
      if (!run.error) assert.ok(run.text.length > 100);
      return { error: run.error, tunnels: [...tunnels] };
    } finally {
      await dispatcher.close();
    }
  }
  const target = () => new URL(fake.get().url).host;

  it('streams a turn through the http.proxy setting, which wins over the environment', async () => {
    assert.deepEqual(await turn({ httpProxy: proxyUrl(), env: { HTTP_PROXY: deadProxy } }), { error: undefined, tunnels: [target()] });
  });

  it('uses HTTP_PROXY from the environment when the setting is empty', async () => {
    assert.deepEqual(await turn({ httpProxy: '', env: { http_proxy: proxyUrl() } }), { error: undefined, tunnels: [target()] });
  });

  it('bypasses the proxy for a NO_PROXY match, loopback aliases included', async () => {
    // The fake server is 127.0.0.1; NO_PROXY names it localhost.
    assert.deepEqual(await turn({ httpProxy: proxyUrl(), env: { NO_PROXY: 'example.com,localhost' } }), { error: undefined, tunnels: [] });
    assert.deepEqual(await turn({ httpProxy: proxyUrl(), env: { NO_PROXY: `127.0.0.1:${new URL(fake.get().url).port}` } }), { error: undefined, tunnels: [] });
  });

  it('still proxies when NO_PROXY names another port or host', async () => {
    assert.deepEqual(await turn({ httpProxy: proxyUrl(), env: { NO_PROXY: 'localhost:1,api.x.ai' } }), { error: undefined, tunnels: [target()] });
  });

  it('goes direct without any proxy, whatever process.env says', async () => {
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy };
    process.env.HTTP_PROXY = deadProxy;
    process.env.http_proxy = deadProxy;
    try {
      assert.deepEqual(await turn({ env: {} }), { error: undefined, tunnels: [] });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('a proxy that is down fails the request (so the tests above did go where they say)', async () => {
    const { error } = await turn({ httpProxy: deadProxy, env: {} });
    assert.ok(error, 'expected a connection error through the dead proxy');
  });
});
