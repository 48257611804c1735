import { Agent, ProxyAgent, type Dispatcher } from 'undici';

/** Inputs of the proxy decision: VS Code's settings, the environment, and where we are going. */
export interface ProxyInputs {
  /** VS Code's `http.proxy` setting; empty or undefined = not set. */
  httpProxy?: string;
  /** VS Code's `http.proxyStrictSSL` (default true): verify TLS certificates. */
  strictSSL?: boolean;
  /** The environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, lower-case forms too). */
  env?: Record<string, string | undefined>;
  /** The URL the client will call (the base URL). */
  targetUrl: string;
}

/** What the client should do, before any dispatcher exists: pure, so it is unit-tested directly. */
export type ProxyDecision =
  | { kind: 'direct'; reason: 'noProxyConfigured' | 'noProxyMatch'; strictSSL: boolean }
  | { kind: 'proxy'; proxyUrl: string; source: 'setting' | 'env'; strictSSL: boolean };

function envValue(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name] ?? env[name.toLowerCase()];
  return value && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * True when NO_PROXY exempts `target`. Entries are host names (matching the host and its subdomains),
 * `.suffix`, `*.suffix`, `host:port`, IPs, or `*` for everything. Loopback targets are exempt when any of
 * localhost / 127.0.0.1 / ::1 is listed, since they name the same place.
 */
export function noProxyMatches(noProxy: string | undefined, target: URL): boolean {
  if (!noProxy) return false;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  const loopback = host === 'localhost' || host === '::1' || /^127\./.test(host);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const [, name = entry, entryPort] = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry) ?? [];
    if (entryPort && entryPort !== port) continue;
    const bare = name.replace(/^\*?\.?/, '').replace(/^\[|\]$/g, '');
    if (host === bare || host.endsWith(`.${bare}`)) return true;
    if (loopback && (bare === 'localhost' || bare === '::1' || /^127\./.test(bare))) return true;
  }
  return false;
}

/** Decides direct or which proxy: the `http.proxy` setting first, then HTTPS_PROXY / HTTP_PROXY; NO_PROXY exempts. */
export function decideProxy(inputs: ProxyInputs): ProxyDecision {
  const env = inputs.env ?? {};
  const strictSSL = inputs.strictSSL ?? true;
  const target = new URL(inputs.targetUrl);
  const setting = inputs.httpProxy?.trim() || undefined;
  const fromEnv = target.protocol === 'https:' ? (envValue(env, 'HTTPS_PROXY') ?? envValue(env, 'HTTP_PROXY')) : envValue(env, 'HTTP_PROXY');
  const proxyUrl = setting ?? fromEnv;
  if (!proxyUrl) return { kind: 'direct', reason: 'noProxyConfigured', strictSSL };
  if (noProxyMatches(envValue(env, 'NO_PROXY'), target)) return { kind: 'direct', reason: 'noProxyMatch', strictSSL };
  return { kind: 'proxy', proxyUrl, source: setting ? 'setting' : 'env', strictSSL };
}

/**
 * Builds the undici dispatcher for {@link decideProxy}'s decision: a ProxyAgent (TLS checks per
 * `strictSSL`, for the target and for an https proxy) or a plain Agent. Give it to the client's options.
 */
export function createDispatcher(inputs: ProxyInputs): Dispatcher {
  const decision = decideProxy(inputs);
  const tls = { rejectUnauthorized: decision.strictSSL };
  if (decision.kind === 'direct') return new Agent({ connect: tls });
  return new ProxyAgent({ uri: decision.proxyUrl, requestTls: tls, proxyTls: tls });
}
