import { applyRedactions } from './chat/secrets';
import { findSecrets } from './chat/secretRules';

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

/**
 * The one redactor for every string the user or the log sees (log lines, error messages from servers
 * and proxies, notifications, stored conversations, Test Connection): removes the exact secrets the
 * caller knows (the stored API key) and anything key-shaped, with the ruleset that also redacts
 * attached context (core/chat/secretRules.ts: gitleaks' rules plus ours, including
 * Authorization / Proxy-Authorization headers and Basic / Bearer credentials echoed in an error page).
 * @param text any text, possibly containing headers or request bodies
 * @param secrets exact secret values known to the caller (e.g. the stored API key)
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return applyRedactions(out, findSecrets(out)).text;
}

/** {@link redact} under the name callers outside logging look for: scrub a string before showing it. */
export const redactForDisplay = redact;

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
