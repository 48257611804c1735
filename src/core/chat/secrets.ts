/**
 * Redacts secrets from context before it is sent to the model: private key blocks, tokens shaped like
 * well-known API keys, and the values of `.env`-style files. Returns the text and how many were removed.
 */

const PLACEHOLDER = '[REDACTED]';

const TOKEN_PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----/g,
  /\bxai-[A-Za-z0-9_-]{20,}/g,
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,}/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g, // JWT
];

/** `password = "…"`, `api_key: …`, `SECRET_TOKEN=…` in any file. */
const ASSIGNMENT = /^(\s*(?:export\s+)?["']?[A-Za-z0-9_.-]*(?:secret|password|passwd|token|api[_-]?key|private[_-]?key|client[_-]?secret)[A-Za-z0-9_.-]*["']?\s*[:=]\s*)(["']?)([^\s"'#]{6,})\2/gim;

/** True for `.env`, `.env.local`, `prod.env`, … whose every value is treated as secret. */
export function isEnvFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return /^\.env(\..+)?$/i.test(name) || /\.env$/i.test(name);
}

export interface Redaction {
  text: string;
  count: number;
}

/** Redacts secrets in `text`; `path` (if given) turns on whole-value redaction for `.env` files. */
export function redactSecrets(text: string, path?: string): Redaction {
  let count = 0;
  let out = text;
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, () => {
      count++;
      return PLACEHOLDER;
    });
  }
  if (path && isEnvFile(path)) {
    out = out.replace(/^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=\s*)(.+)$/gm, (_m, head: string, value: string) => {
      if (value.trim() === '' || value.includes(PLACEHOLDER)) return `${head}${value}`;
      count++;
      return `${head}${PLACEHOLDER}`;
    });
  } else {
    out = out.replace(ASSIGNMENT, (m, head: string, quote: string, value: string) => {
      if (value.includes(PLACEHOLDER) || /^(process\.env|os\.environ|env\(|\$\{|<|\{\{)/.test(value)) return m;
      count++;
      return `${head}${quote}${PLACEHOLDER}${quote}`;
    });
  }
  return { text: out, count };
}
