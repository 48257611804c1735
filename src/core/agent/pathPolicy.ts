/**
 * Which paths an agent read may touch without asking. Every path goes through the safety path
 * classifier (src/core/safety): outside the workspace or inside `.git` asks; so does a file that
 * may hold secrets (.env files, private keys, credential files). Files that can run code are
 * sensitive to write, not to read, so reading them needs no question.
 */
import type { PathCheck } from '../safety';
import { isEnvFile } from '../chat/secrets';

/** Names of files that hold credentials more often than not. */
const SECRET_FILE = /(^|[\\/])(?:id_(?:rsa|dsa|ecdsa|ed25519)(?:\.pub)?|\.npmrc|\.pypirc|\.netrc|\.pgpass|credentials(?:\.json)?|secrets?\.(?:json|ya?ml|toml)|[^\\/]*\.(?:pem|key|p12|pfx|jks|keystore))$/i;

/** Whether a path names a file that probably holds secrets. */
export function holdsSecrets(path: string): boolean {
  return isEnvFile(path) || SECRET_FILE.test(path);
}

/** What a read of one path needs: nothing, a question (and its category for "Allow for this task"), or it cannot be done. */
export type ReadVerdict =
  | { kind: 'ok'; absolutePath: string }
  | { kind: 'ask'; absolutePath: string; category: 'outside' | 'git' | 'secrets'; question: string }
  | { kind: 'error'; message: string };

/** The verdict on reading `path`, from its classification. */
export function readVerdict(path: string, check: PathCheck): ReadVerdict {
  if (check.ok) {
    return holdsSecrets(check.relativePath)
      ? { kind: 'ask', absolutePath: check.absolutePath, category: 'secrets', question: `${path} may hold secrets (secret-shaped values are redacted either way).` }
      : { kind: 'ok', absolutePath: check.absolutePath };
  }
  if (!check.absolutePath || check.reason === 'invalid' || check.reason === 'no-workspace') return { kind: 'error', message: check.message };
  if (check.reason === 'outside-workspace') return { kind: 'ask', absolutePath: check.absolutePath, category: 'outside', question: `${check.message}.` };
  if (check.reason === 'inside-git') return { kind: 'ask', absolutePath: check.absolutePath, category: 'git', question: `${path} is inside the .git folder.` };
  // 'sensitive': a file that can run code; reading it is fine unless it also holds secrets.
  const rel = check.relativePath ?? path;
  return holdsSecrets(rel)
    ? { kind: 'ask', absolutePath: check.absolutePath, category: 'secrets', question: `${path} may hold secrets (secret-shaped values are redacted either way).` }
    : { kind: 'ok', absolutePath: check.absolutePath };
}
