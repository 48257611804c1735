import { EnvHttpProxyAgent, type Dispatcher } from 'undici';

/** Inputs of the proxy choice: VS Code's settings and the environment. */
export interface ProxyInputs {
  /** VS Code's `http.proxy` setting; empty or undefined = not set. It wins over the environment. */
  httpProxy?: string;
  /** VS Code's `http.proxyStrictSSL` (default true): verify TLS certificates. */
  strictSSL?: boolean;
  /** The environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, lower-case forms too). */
  env?: Record<string, string | undefined>;
}

function envValue(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name] ?? env[name.toLowerCase()];
  return value && value.trim() !== '' ? value.trim() : undefined;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * NO_PROXY as undici's matcher needs it. undici does the matching (host and subdomains, `.suffix`,
 * `*.suffix`, `host:port`); three forms it does not read are rewritten: a bare IPv6 address gets its
 * brackets (undici reads `::1` as host `:` port 1), `*` anywhere in the list means everything (undici
 * honours only a lone `*`), and a loopback name brings its aliases (localhost, 127.0.0.1 and [::1]
 * name the same place, and a local model server is often configured by one and listed by another).
 */
export function normalizeNoProxy(noProxy: string | undefined): string {
  const entries = (noProxy ?? '').split(/[\s,]+/).filter(Boolean);
  if (entries.includes('*')) return '*';
  const out = new Set<string>();
  for (const entry of entries) {
    const bracketed = /^[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*$/i.test(entry) ? `[${entry}]` : entry;
    out.add(bracketed);
    const [, host = bracketed, port] = /^(.+?)(?::(\d+))?$/.exec(bracketed) ?? [];
    if (LOOPBACK.test(host.toLowerCase())) for (const alias of ['localhost', '127.0.0.1', '[::1]']) out.add(port ? `${alias}:${port}` : alias);
  }
  return [...out].join(',');
}

/**
 * The options of undici's EnvHttpProxyAgent for these inputs: pure, so the precedence is unit-tested
 * directly. The `http.proxy` setting is used for both schemes over HTTPS_PROXY / HTTP_PROXY; absent
 * values are `''`, never undefined, because undici would then read `process.env` itself.
 */
export function proxyOptions(inputs: ProxyInputs): EnvHttpProxyAgent.Options {
  const env = inputs.env ?? {};
  const setting = inputs.httpProxy?.trim() || undefined;
  // TLS checks per strictSSL: of the target when direct, of the target and of an https proxy when proxied.
  const tls = { rejectUnauthorized: inputs.strictSSL ?? true };
  return {
    httpProxy: setting ?? envValue(env, 'HTTP_PROXY') ?? '',
    // Empty: undici uses the HTTP proxy for https targets too, as curl does.
    httpsProxy: setting ?? envValue(env, 'HTTPS_PROXY') ?? '',
    noProxy: normalizeNoProxy(envValue(env, 'NO_PROXY')),
    connect: tls,
    requestTls: tls,
    proxyTls: tls,
  };
}

/**
 * The undici dispatcher for the client's options: undici's EnvHttpProxyAgent, which picks direct or
 * the proxy per request's origin (so a change of base URL needs no new dispatcher).
 */
export function createDispatcher(inputs: ProxyInputs): Dispatcher {
  return new EnvHttpProxyAgent(proxyOptions(inputs));
}
