/**
 * Logging seam for core code. The VS Code adapter implements it with a LogOutputChannel;
 * tests use an in-memory logger. Everything passes through {@link redact} first.
 */
export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

/** A logger that drops everything (default for core code called without one). */
export const silentLogger: Logger = {
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
};

const REDACTED = '[REDACTED]';

/** Patterns that look like credentials wherever they appear. */
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  // Authorization / Proxy-Authorization headers, in "Name: value", JSON or key=value form.
  /((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:bearer\s+|basic\s+)?[^\s"',}]+/gi,
  // Bare bearer tokens.
  /(\bbearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  // xAI keys ("xai-" + long token) and OpenAI-style keys.
  /()\bxai-[A-Za-z0-9_-]{10,}/g,
  /()\bsk-[A-Za-z0-9_-]{16,}/g,
  // "api_key": "...", apiKey=..., x-api-key: ...
  /((?:x-)?api[_-]?key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
];

/**
 * Removes secrets from text before it is logged or displayed.
 * @param text any text, possibly containing headers or request bodies
 * @param secrets exact secret values known to the caller (e.g. the stored API key)
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of CREDENTIAL_PATTERNS) {
    out = out.replace(pattern, (_match, prefix: string) => `${prefix ?? ''}${REDACTED}`);
  }
  return out;
}

/** Formats log arguments into one line, redacting secrets; errors keep their message and name. */
export function formatLogArgs(args: readonly unknown[], secrets: readonly string[] = []): string {
  return args
    .map((arg) => {
      if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
      if (typeof arg === 'string') return arg;
      try {
        return JSON.stringify(arg);
      } catch {
        return String(arg);
      }
    })
    .map((part) => redact(part, secrets))
    .join(' ');
}
