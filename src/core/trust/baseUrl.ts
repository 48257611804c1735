/**
 * Where requests (and the key) may go: `grok.baseUrl` is checked before anything is sent. `https:`
 * always; plain `http:` only to this machine (a local model server); anything else is refused with
 * a message, never silently replaced by the default.
 */
import { isXaiHost } from '../api';

export type BaseUrlCheck =
  | { ok: true; origin: string; host: string; xai: boolean }
  | { ok: false; message: string };

/** localhost, 127.0.0.0/8 and ::1: a server on this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/** Checks the `grok.baseUrl` setting. */
export function checkBaseUrl(raw: string): BaseUrlCheck {
  const fix = 'Set grok.baseUrl to https://api.x.ai/v1, or to your server\'s https:// address.';
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: `grok.baseUrl "${raw.slice(0, 200)}" is not a URL. ${fix}` };
  }
  if (url.username || url.password) return { ok: false, message: `grok.baseUrl must not contain a user name or password. ${fix}` };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, message: `grok.baseUrl uses plain http:// for ${url.host}; only a server on this machine may. Use https://.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `grok.baseUrl must be an https:// URL, not ${url.protocol}. ${fix}` };
  }
  return { ok: true, origin: url.origin, host: url.host, xai: url.protocol === 'https:' && isXaiHost(url.href) };
}
