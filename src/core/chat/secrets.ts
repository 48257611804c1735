/**
 * Redacts secrets from context before it is sent to the model, with the shared ruleset of
 * secretRules.ts (gitleaks' rules plus ours), and every value of `.env`-style files.
 * Returns the text and how many secrets were removed.
 */
import { findSecrets, type SecretFinding } from './secretRules';

const PLACEHOLDER = '[REDACTED]';

/** True for `.env`, `.env.local`, `prod.env`, … whose every value is treated as secret. */
export function isEnvFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return /^\.env(\..+)?$/i.test(name) || /\.env$/i.test(name);
}

export interface Redaction {
  text: string;
  count: number;
}

/** `NAME=value` lines of a .env file, as findings over the value (empty values and comments are not). */
function envValues(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const m of text.matchAll(/^([ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_.-]*[ \t]*=[ \t]*)(.*?)[ \t]*\r?$/gm)) {
    const value = m[2] as string;
    if (value === '' || value.startsWith('#')) continue;
    const start = (m.index ?? 0) + (m[1] as string).length;
    found.push({ start, end: start + value.length, ruleId: 'dotenv-value' });
  }
  return found;
}

/**
 * Replaces each secret span with `[REDACTED]`; overlapping or touching spans become one, counted once.
 * @param findings spans sorted by start
 */
export function applyRedactions(text: string, findings: readonly SecretFinding[]): Redaction {
  let out = '';
  let count = 0;
  let at = 0;
  let open = -1;
  for (const f of findings) {
    if (f.end <= at) continue;
    if (open >= 0 && f.start <= at) {
      at = f.end;
      continue;
    }
    if (open >= 0) out += PLACEHOLDER;
    out += text.slice(at, f.start);
    open = f.start;
    at = f.end;
    count++;
  }
  if (open >= 0) out += PLACEHOLDER;
  out += text.slice(at);
  return { text: out, count };
}

/** Redacts secrets in `text`; `path` (if given) turns on whole-value redaction for `.env` files. */
export function redactSecrets(text: string, path?: string): Redaction {
  const findings = findSecrets(text, path);
  if (path && isEnvFile(path)) findings.push(...envValues(text));
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  return applyRedactions(text, findings);
}
