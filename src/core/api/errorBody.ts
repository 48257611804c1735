import { redact } from '../log';
import { oneLine } from './errors';

/** The one clean message extracted from an error body, whatever its shape. */
export interface ErrorBodyInfo {
  /** Plain, single-line text; empty when the body said nothing useful. */
  message: string;
  /** The body's `code` field when it had one (gRPC status text, OpenAI code…). Never switch on it alone. */
  code?: string;
  /** The body was an HTML page (an edge or proxy error), not an API answer. */
  html: boolean;
}

/** Cloudflare's edge errors, which arrive as HTML pages; said in one line instead. */
const CLOUDFLARE_EDGE: Record<number, string> = {
  520: 'the server behind Cloudflare returned an unknown error',
  521: 'the server behind Cloudflare is down',
  522: 'Cloudflare timed out connecting to the server',
  523: 'Cloudflare could not reach the server',
  524: 'Cloudflare timed out waiting for the server to answer',
  530: 'Cloudflare could not resolve or reach the server',
};

/** The same edge errors when the page came from xAI's own hosts: xAI's service or its edge failed, not the user's setup. */
const XAI_EDGE: Record<number, string> = {
  520: "xAI's service returned an unknown error to its edge",
  521: "xAI's service is down",
  522: "xAI's edge timed out connecting to its service",
  523: "xAI's edge could not reach its service",
  524: "xAI's edge timed out waiting for its service to answer",
  525: "xAI's edge failed the TLS handshake with its service",
  526: "xAI's edge rejected its service's certificate",
  530: "xAI's edge could not reach its service",
};

/** What the body parser may know about where the body came from. */
export interface ErrorBodyOptions {
  /** The response came from xAI's own hosts (see `isXaiHostname`): an HTML page is their failure, not a wrong URL. */
  fromXai?: boolean;
  /** Exact values to remove before anything is read (the API key). */
  secrets?: readonly (string | undefined)[];
}

/**
 * Extracts one clean line from an error body: `{code,error}`, OpenAI's `{error:{message}}`, `{message}`,
 * JSON encoded twice, `[WKE=…]` tags, HTML pages (Cloudflare 520–524/530 and proxies) and plain text.
 * The body is redacted first ({@link redact}): `options.secrets` are the exact values to remove (the API key).
 */
export function parseErrorBody(body: string, contentType: string | undefined, status: number, options: ErrorBodyOptions = {}): ErrorBodyInfo {
  // Servers and proxies echo headers (a 407 page, a 400 body): nothing of the key may reach a message.
  const text = redact(body, options.secrets ?? []).trim();
  if (isHtml(text, contentType)) return { message: htmlMessage(text, status, options.fromXai), html: true };
  const json = parseJsonDeep(text);
  if (json !== undefined) {
    const found = fromJson(json);
    if (found) return { ...found, message: clean(found.message), html: false };
  }
  return { message: clean(text.split('\n')[0] ?? ''), html: false };
}

/**
 * Says what an HTML error page means, in one line, without any of its markup. From xAI's hosts a page
 * means xAI's service or edge failed (nothing to fix locally); from any other host the URL or a proxy
 * in between is the likely cause.
 */
export function htmlMessage(html: string, status: number, fromXai = false): string {
  if (fromXai) {
    const edge = XAI_EDGE[status];
    if (edge) return `${edge} (HTTP ${status}). Try again in a moment.`;
    if (status >= 500) return `xAI's service returned an error page (HTTP ${status}). Try again in a moment.`;
    return `xAI's edge refused the request with an error page (HTTP ${status}).`;
  }
  const edge = CLOUDFLARE_EDGE[status];
  if (edge) return `${edge} (HTTP ${status}); try again later.`;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const what = title ? `: ${oneLine(decodeEntities(title), 120)}` : '';
  return `The server answered with a web page instead of an API response (HTTP ${status}${what}); check grok.baseUrl or your proxy.`;
}

function isHtml(text: string, contentType: string | undefined): boolean {
  if (contentType && /text\/html/i.test(contentType)) return true;
  return /^<(?:!doctype|html|head|body)\b/i.test(text);
}

/** JSON.parse that also unwraps bodies encoded as a JSON string (seen from some gateways). */
function parseJsonDeep(text: string): unknown {
  let value: unknown = text;
  for (let depth = 0; depth < 3 && typeof value === 'string'; depth++) {
    const s = value.trim();
    if (!/^[{["]/.test(s)) return depth === 0 ? undefined : s;
    try {
      value = JSON.parse(s);
    } catch {
      return depth === 0 ? undefined : s;
    }
  }
  return value;
}

function fromJson(json: unknown, depth = 0): { message: string; code?: string } | undefined {
  if (typeof json === 'string') {
    const inner = depth < 3 ? parseJsonDeep(json) : undefined;
    if (inner !== undefined && typeof inner !== 'string') return fromJson(inner, depth + 1);
    return { message: json };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const obj = json as Record<string, unknown>;
  const code = typeof obj.code === 'string' || typeof obj.code === 'number' ? String(obj.code) : undefined;
  const error = obj.error;
  if (error !== undefined && error !== null) {
    const inner = fromJson(error, depth + 1);
    if (inner) return { message: inner.message, code: inner.code ?? code };
  }
  if (typeof obj.message === 'string') return { message: obj.message, code };
  if (typeof obj.detail === 'string') return { message: obj.detail, code };
  return code ? { message: code, code } : undefined;
}

/** Strips `[WKE=…]` tags and collapses the message onto one line. */
function clean(message: string): string {
  return oneLine(message.replace(/\s*\[WKE=[^\]]*\]\s*/g, ' '));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&[a-z]+;|&#\d+;/gi, ' ');
}
