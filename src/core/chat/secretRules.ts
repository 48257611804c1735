/**
 * The one secret ruleset of the extension: gitleaks' rules (vendored as data, see gitleaksRules.ts) plus
 * a few of our own for what a token regex cannot see (connection-string passwords, URL user-info,
 * `password = "…"` assignments, Basic/Bearer literals, xAI keys, private keys cut before their END
 * line). Used to redact attached context (chat/secrets.ts) and every user-facing string (log.ts).
 *
 * Runs like gitleaks (secretScan.ts): a rule runs only where one of its keywords occurs, its secret
 * must clear the rule's entropy and allowlists, and then our own filters (here) drop placeholders and
 * values published as examples in vendors' documentation.
 */
import { GITLEAKS_GLOBAL_ALLOWLIST, GITLEAKS_RULES } from './gitleaksRules';
import { shannonEntropy, type ScanRule, type SecretFinding } from './secretMatches';
import { SecretScanner } from './secretScan';

export type { SecretFinding } from './secretMatches';
export { shannonEntropy } from './secretMatches';

/** Names whose value is a secret; the tail check below drops `tokenType`, `passwordLabel` and the like. */
const SECRET_NAME = String.raw`(?:pass(?:word|wd|phrase)|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?)[\w-]*`;
const VALUE = String.raw`(?:"([^"\s\\]{1,256})"|'([^'\s\\]{1,256})'|\x60([^\x60\s\\]{1,256})\x60|([^\s"'\x60,;&)}\]<>]{1,256}))`;
const BENIGN_NAME_TAIL =
  /(?:type|types|count|limit|url|uri|endpoint|name|names|length|size|file|path|dir|id|ids|expiry|expires|expiresat|expiresin|ttl|timeout|header|field|label|hint|placeholder|prompt|message|msg|text|title|regex|pattern|policy|min|max|required|enabled|prefix|suffix|ref|version|format|mode|kind|style|class|color|icon|izer|ize|ized|izing|input|form|page|reset|strength|visible|visibility|confirm|confirmation|changed|provided|store|storage|cache|key(?:s)?name)$/;

const LOCAL_RULES: readonly ScanRule[] = [
  {
    id: 'private-key-block',
    // Base64 lines (and Proc-Type-style headers) after BEGIN, up to END when it is there at all.
    regex: [String.raw`-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:(?:\s|\\[nr])+(?:[A-Za-z0-9+/=]{2,}|[A-Za-z-]+:[^\n\\]*))+(?:(?:\s|\\[nr])*-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)?`, ''],
    keywords: ['private key'],
    wholeText: true,
  },
  // gitleaks' Stripe rule wants a quote, space or `;` after the key; `-u sk_live_…:` (curl) has a colon.
  { id: 'stripe-key', regex: [String.raw`\b(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{20,247}(?![A-Za-z0-9])`, ''], keywords: ['sk_live', 'sk_test', 'sk_prod', 'rk_live', 'rk_test', 'rk_prod'] },
  { id: 'xai-api-key', regex: [String.raw`\bxai-[A-Za-z0-9]{20,}(?![A-Za-z0-9_-])`, ''], keywords: ['xai-'] },
  {
    id: 'openai-style-key',
    regex: [String.raw`\bsk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d\d-)?[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])`, ''],
    keywords: ['sk-'],
    entropy: 3.5,
  },
  {
    id: 'url-userinfo',
    regex: [String.raw`\b[A-Za-z][A-Za-z0-9+.-]{1,30}://[^\s:/?#@'"\x60<>\\]{0,128}:([^\s/?#@'"\x60<>\\]{1,256})@(?=[\w\[])`, ''],
    keywords: ['://'],
    secretGroup: 1,
  },
  {
    id: 'secret-assignment',
    regex: [String.raw`(${SECRET_NAME})["']?[ \t]*(?::=|=>|=|:)[ \t]*(?![=>~])${VALUE}`, 'i'],
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential'],
    secretOf: assignmentSecret,
  },
  {
    id: 'basic-auth-literal',
    regex: [String.raw`\bBasic[ \t]+([A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])`, 'i'],
    keywords: ['basic'],
    check: isBasicCredential,
  },
  {
    id: 'bearer-token',
    regex: [String.raw`\bBearer[ \t]+([A-Za-z0-9._~+/-]{16,}=*)(?![A-Za-z0-9._~+/=-])`, 'i'],
    keywords: ['bearer'],
    check: (s) => /\d/.test(s) || shannonEntropy(s) > 3.5,
  },
  {
    id: 'authorization-header',
    regex: [String.raw`(?<![\w-])(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(?:(?:bearer|basic|token|digest|negotiate|apikey)[ \t]+)?([^\s"',;}<>]{8,})`, 'i'],
    keywords: ['authorization'],
  },
];

/** Values published in vendors' documentation as examples; they are public, and redacting them hides the doc being discussed. */
const DOC_EXAMPLES = new Set([
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', // jwt.io
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc', // Stripe API reference
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
]);
/** AWS's documented examples: AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY and their kin. */
const DOC_EXAMPLE_SHAPE = /EXAMPLE(?:KEY)?$/;

/** Words that fixtures, docs and templates use in place of a real value (`your-api-key-here`, `test_token`). */
const PLACEHOLDER_WORDS = new Set(
  ('test testing tests dummy fake example examples sample placeholder changeme change me changeit secret secrets password passwd pass pwd token tokens ' +
    'key keys api apikey your my our here value values redacted mock mocked stub foo bar baz qux todo fixme insert replace put the a an access ' +
    'auth private public app client id user username admin default demo local dev localhost none null nil undefined true false empty string xxx ' +
    'abc abcd abcdef xyz new old some any goes').split(' '),
);

/** True for values nobody would use as a secret: templates, references, fillers, placeholder words. */
export function isPlaceholder(value: string): boolean {
  if (value.length < 4) return true;
  if (/^(?:\$|%|<|\{\{|\[redacted\]|process\.env|os\.environ|env\(|import\.meta\.env)/i.test(value)) return true;
  if (/(?:\.\.\.|…)$/.test(value) || /^(.)\1+$/.test(value) || /^[x*.•…#-]+$/i.test(value) || /([xX*])\1{7,}/.test(value)) return true;
  if (value.length > 64) return false;
  const words = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const last = words[words.length - 1] as string;
  const stem = /^\d{1,3}$/.test(last) ? words.slice(0, -1) : [...words.slice(0, -1), last.replace(/\d{1,3}$/, '')];
  return stem.length > 0 && stem.every((w) => w === '' || PLACEHOLDER_WORDS.has(w)) && stem.some((w) => w !== '');
}

function isBasicCredential(encoded: string): boolean {
  let decoded: string;
  try {
    decoded = atob(encoded);
  } catch {
    return false;
  }
  return /^[\x20-\x7e]+:[\x20-\x7e]+$/.test(decoded) && !isPlaceholder(decoded.slice(decoded.indexOf(':') + 1));
}

/** The assignment rule's secret: the value group that matched, unless the name or the value say it is not one. */
function assignmentSecret(m: RegExpExecArray): number | undefined {
  const name = (m[1] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (BENIGN_NAME_TAIL.test(name)) return undefined;
  const group = [2, 3, 4, 5].find((g) => m[g] !== undefined);
  if (group === undefined) return undefined;
  const value = m[group] as string;
  if (value.length < 6 || /^-?\d+(?:\.\d+)?$/.test(value)) return undefined;
  if (group === 5) {
    // Unquoted: a code reference (`hashedPassword`, `config.token`, `getToken()`) is not a literal.
    if (/^[A-Za-z_]\w*(?:[.[(]|$)/.test(value) && !(/\d/.test(value) && /^[A-Za-z_]\w*$/.test(value))) return undefined;
    if (/^(?:true|false|null|none|nil|undefined)$/i.test(value)) return undefined;
  } else if (/^[A-Z]?[a-z]+$/.test(value)) {
    return undefined; // one plain word ("Reset", "bearer") is a label, not a password
  }
  return group;
}

let scanner: SecretScanner | undefined;

/** Compiles the ruleset on first use (a few ms), not at extension start. */
function getScanner(): SecretScanner {
  scanner ??= new SecretScanner([...GITLEAKS_RULES, ...LOCAL_RULES], GITLEAKS_GLOBAL_ALLOWLIST, (secret) => !isPlaceholder(secret) && !DOC_EXAMPLES.has(secret) && !DOC_EXAMPLE_SHAPE.test(secret));
  return scanner;
}

/**
 * Finds the secrets in `text`, sorted by position (findings of different rules may overlap).
 * @param path the file the text comes from, if any (a few rules apply only to some files)
 */
export function findSecrets(text: string, path?: string): SecretFinding[] {
  return getScanner().find(text, path);
}

/** Ids of every rule, for documentation and tests. */
export function secretRuleIds(): string[] {
  return getScanner().ids();
}
