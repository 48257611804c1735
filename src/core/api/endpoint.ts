import type { ApiMode, Endpoint } from './types';

/** True for xAI's own API hosts (api.x.ai and regional ones such as us-east-1.api.x.ai). */
export function isXaiHost(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname.toLowerCase();
    return host === 'api.x.ai' || host.endsWith('.api.x.ai');
  } catch {
    return false;
  }
}

/**
 * True when a host (as in a URL's `host`, with or without `:port`) belongs to xAI: `x.ai` or any
 * `*.x.ai` (api, console, regional and edge hosts). Used to word errors — "xAI's service failed" rather
 * than "check grok.baseUrl" — never to decide where the key goes (that is {@link isXaiHost}).
 * Pure, so tests can exercise it for hosts the fake server cannot listen on.
 */
export function isXaiHostname(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return name === 'x.ai' || name.endsWith('.x.ai');
}

/** `auto` means Responses on xAI's hosts (its recommended API) and Chat Completions anywhere else. */
export function resolveEndpoint(mode: ApiMode, baseUrl: string): Endpoint {
  if (mode !== 'auto') return mode;
  return isXaiHost(baseUrl) ? 'responses' : 'chat';
}

/** Joins the base URL and a path without doubling or dropping the slash. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The path of each endpoint under the base URL. */
export const ENDPOINT_PATHS: Record<Endpoint, string> = { responses: 'responses', chat: 'chat/completions' };

/** The host name of a base URL, for messages. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
