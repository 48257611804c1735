/**
 * The one secret ruleset of the extension: gitleaks' rules (vendored as data, see gitleaksRules.ts) plus
 * a few of our own for what a token regex cannot see (connection-string passwords, URL user-info,
 * `password = "…"` assignments, Basic/Bearer literals, xAI keys, private keys cut before their END
 * line). Used to redact attached context (chat/secrets.ts) and every user-facing string (log.ts).
 *
 * Runs like gitleaks: a rule runs only where one of its keywords occurs (one Aho–Corasick pass finds
 * them all), its secret must clear the rule's entropy and allowlists, and then our own filters drop
 * placeholders and values published as examples in vendors' documentation.
 */
import { GITLEAKS_GLOBAL_ALLOWLIST, GITLEAKS_RULES } from './gitleaksRules';
import { KeywordIndex } from './keywordIndex';
import { matchStarts } from './regexStarts';
import type { GitleaksAllowlist, GitleaksRule, RegexData } from './secretRuleTypes';

/** One secret found in a text: `text.slice(start, end)` is the secret. */
export interface SecretFinding {
  start: number;
  end: number;
  ruleId: string;
}

/** Our own rules, in gitleaks' shape, with an optional extra check of the secret. */
interface LocalRule extends GitleaksRule {
  /** Runs over the whole text rather than the lines around a keyword (for multi-line secrets). */
  wholeText?: boolean;
  /** Keeps the finding only when true. */
  check?: (secret: string) => boolean;
}

/** Names whose value is a secret; the tail check below drops `tokenType`, `passwordLabel` and the like. */
const SECRET_NAME = String.raw`(?:pass(?:word|wd|phrase)|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?)[\w-]*`;
const VALUE = String.raw`(?:"([^"\s\\]{1,256})"|'([^'\s\\]{1,256})'|\x60([^\x60\s\\]{1,256})\x60|([^\s"'\x60,;&)}\]<>]{1,256}))`;
const BENIGN_NAME_TAIL =
  /(?:type|types|count|limit|url|uri|endpoint|name|names|length|size|file|path|dir|id|ids|expiry|expires|expiresat|expiresin|ttl|timeout|header|field|label|hint|placeholder|prompt|message|msg|text|title|regex|pattern|policy|min|max|required|enabled|prefix|suffix|ref|version|format|mode|kind|style|class|color|icon|izer|ize|ized|izing|input|form|page|reset|strength|visible|visibility|confirm|confirmation|changed|provided|store|storage|cache|key(?:s)?name)$/;

const LOCAL_RULES: readonly LocalRule[] = [
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
    // The secret is whichever value group matched, after the checks in assignmentSecret.
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

/** Shannon entropy in bits per character, as gitleaks computes it. */
export function shannonEntropy(value: string): number {
  if (!value) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...value].length;
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / n;
    entropy -= p * Math.log2(p);
  }
  return entropy;
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

interface Compiled {
  rule: LocalRule;
  re: RegExp;
  multiline: boolean;
  /** How far the match may extend back over `[\w.-]` (the `[\w.-]{0,50}?` that starts many rules). */
  prefix: number;
  /** The regex again, sticky, for trying it only where one of its literal starts occurs. */
  sticky: RegExp | undefined;
  path?: RegExp;
  allowlists: CompiledAllowlist[];
}
interface CompiledAllowlist {
  and: boolean;
  target: string;
  regexes: RegExp[];
  /** Stopwords as one automaton (generic-api-key has 1,400 of them), built when first needed. */
  stopwords: (() => KeywordIndex) | undefined;
  paths: RegExp[];
}

const toRegExp = ([source, flags]: RegexData, extra = ''): RegExp => new RegExp(source, flags + extra);

function compileAllowlist(a: GitleaksAllowlist): CompiledAllowlist {
  const words = a.stopwords ?? [];
  let built: KeywordIndex | undefined;
  const stopwords = words.length ? () => (built ??= new KeywordIndex(words.map((w) => w.toLowerCase()))) : undefined;
  return { and: a.and ?? false, target: a.target ?? 'secret', regexes: (a.regexes ?? []).map((r) => toRegExp(r)), stopwords, paths: (a.paths ?? []).map((r) => toRegExp(r)) };
}

/** Whether the rule's regex can span lines (then it sees a few lines around each keyword). */
function spansLines([source]: RegexData): boolean {
  return /\\n|\\r|\\s\\S/.test(source.replace(/\\\\\[nr(?:NR)?\]/g, ''));
}

const LAZY_PREFIX = String.raw`[\w.-]{0,50}?`;

/**
 * A leading `[\w.-]{0,50}?` only moves the match start back over the name before the keyword; run
 * without it (so the regex engine can skip to the keyword's first letter) and walk back afterwards.
 * `[\w.-]{0,50}?(?:[\w.-]{0,50}?(?:` (some gitleaks rules) is the same with 100.
 */
function withoutPrefix([source, flags]: RegexData): { re: RegExp; prefix: number; sticky: RegExp | undefined; starts: string[] } {
  let rest = source;
  let prefix = 0;
  if (source.startsWith(LAZY_PREFIX)) {
    rest = source.slice(LAZY_PREFIX.length);
    prefix = 50;
    if (rest.startsWith(`(?:${LAZY_PREFIX}`)) {
      rest = `(?:${rest.slice(3 + LAZY_PREFIX.length)}`;
      prefix = 100;
    }
  }
  const starts = matchStarts(rest, flags);
  return { re: new RegExp(rest, `${flags}gd`), prefix, sticky: starts && new RegExp(rest, `${flags}yd`), starts: starts ?? [] };
}

const isNameChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 45;

interface Engine {
  rules: Compiled[];
  index: KeywordIndex;
  /** For each keyword id, the rules that list it. */
  rulesOf: number[][];
  /** For each keyword id, the rules every match of which starts with it. */
  startOf: number[][];
  global: CompiledAllowlist;
}

let engine: Engine | undefined;

/** Compiles the ruleset on first use (a few ms), not at extension start. */
function getEngine(): Engine {
  if (engine) return engine;
  const all: LocalRule[] = [...GITLEAKS_RULES, ...LOCAL_RULES];
  const keywords: string[] = [];
  const idOf = new Map<string, number>();
  const rulesOf: number[][] = [];
  const startOf: number[][] = [];
  const add = (word: string, to: number[][], ruleIndex: number) => {
    let id = idOf.get(word);
    if (id === undefined) {
      id = keywords.length;
      idOf.set(word, id);
      keywords.push(word);
      rulesOf.push([]);
      startOf.push([]);
    }
    if (!to[id]!.includes(ruleIndex)) to[id]!.push(ruleIndex);
  };
  const rules = all.map<Compiled>((rule, ruleIndex) => {
    const { starts, ...compiled } = withoutPrefix(rule.regex);
    for (const word of rule.keywords) add(word, rulesOf, ruleIndex);
    for (const word of starts) add(word, startOf, ruleIndex);
    return { rule, ...compiled, multiline: spansLines(rule.regex), path: rule.path ? toRegExp(rule.path) : undefined, allowlists: (rule.allowlists ?? []).map(compileAllowlist) };
  });
  engine = { rules, index: new KeywordIndex(keywords), rulesOf, startOf, global: compileAllowlist(GITLEAKS_GLOBAL_ALLOWLIST) };
  return engine;
}

/** Windows of text a rule runs on, as [start, end) pairs, sorted and disjoint. */
type Windows = number[];

const CONTEXT_LINES = 5;
const DENSE_WINDOWS = 64;
const MAX_WINDOW_SIDE = 2000;

function lineStart(text: string, at: number, linesBack: number): number {
  let pos = text.lastIndexOf('\n', at) + 1;
  for (let n = 0; n < linesBack && pos > 0; n++) pos = text.lastIndexOf('\n', pos - 2) + 1;
  return Math.max(pos, at - MAX_WINDOW_SIDE);
}

function lineEnd(text: string, at: number, linesAhead: number): number {
  let pos = at;
  for (let n = 0; n <= linesAhead; n++) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return Math.min(text.length, at + MAX_WINDOW_SIDE);
    pos = nl + 1;
  }
  return Math.min(pos - 1, at + MAX_WINDOW_SIDE);
}

/**
 * Finds the secrets in `text`, sorted by position (findings of different rules may overlap).
 * @param path the file the text comes from, if any (a few rules apply only to some files)
 */
export function findSecrets(text: string, path?: string): SecretFinding[] {
  const { rules, index, rulesOf, startOf, global } = getEngine();
  const windows: (Windows | undefined)[] = new Array(rules.length);
  const whole = new Uint8Array(rules.length);
  /** Per rule, where its literal starts occur (in the order found, which is by their end). */
  const starts: (number[] | undefined)[] = new Array(rules.length);
  index.scan(text, (id, end) => {
    for (const r of startOf[id] as number[]) (starts[r] ??= []).push(end - (index.keywords[id] as string).length);
    for (const r of rulesOf[id] as number[]) {
      const c = rules[r] as Compiled;
      let w = windows[r];
      if (!w) w = windows[r] = [];
      if (whole[r]) continue;
      if (c.rule.wholeText || w.length > DENSE_WINDOWS * 2) {
        // Keywords on many lines: one pass over the whole text (gitleaks' own semantics) beats many slices.
        whole[r] = 1;
        w.length = 0;
        w.push(0, text.length);
        continue;
      }
      if (w.length > 0 && end <= (w[w.length - 1] as number)) continue;
      const lines = c.multiline ? CONTEXT_LINES : 0;
      const start = lineStart(text, end - 1, lines);
      const stop = lineEnd(text, end - 1, lines);
      if (w.length > 0 && start <= (w[w.length - 1] as number)) w[w.length - 1] = stop;
      else w.push(start, stop);
    }
  });
  const found: SecretFinding[] = [];
  windows.forEach((w, r) => {
    if (!w) return;
    const c = rules[r] as Compiled;
    if (c.path && !(path && c.path.test(path))) return;
    if (whole[r] && c.sticky) scanStarts(text, starts[r] ?? [], c, global, path, found);
    else for (let i = 0; i < w.length; i += 2) scanWindow(text, w[i] as number, w[i + 1] as number, c, global, path, found);
  });
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

function scanWindow(text: string, from: number, to: number, c: Compiled, global: CompiledAllowlist, path: string | undefined, out: SecretFinding[]): void {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  c.re.lastIndex = 0;
  let previousEnd = 0;
  for (let m = c.re.exec(slice); m; m = c.re.exec(slice)) {
    if (m[0].length === 0) c.re.lastIndex++;
    previousEnd = consider(slice, from, m, previousEnd, c, global, path, out);
  }
}

/**
 * The same matches as {@link scanWindow} over the whole text, found by trying the regex only at the
 * positions where one of its literal starts occurs: a global regex returns the leftmost match at or
 * after lastIndex, and no match begins anywhere else.
 */
function scanStarts(text: string, positions: number[], c: Compiled, global: CompiledAllowlist, path: string | undefined, out: SecretFinding[]): void {
  const re = c.sticky as RegExp;
  const sorted = Int32Array.from(positions).sort();
  let next = 0;
  let previousEnd = 0;
  for (const at of sorted) {
    if (at < next) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    next = m.index + Math.max(m[0].length, 1);
    previousEnd = consider(text, 0, m, previousEnd, c, global, path, out);
  }
}

/** Keeps match `m` of `slice` (which starts at `from` in the text) when its secret passes every filter; returns where the match ends. */
function consider(slice: string, from: number, m: RegExpExecArray, previousEnd: number, c: Compiled, global: CompiledAllowlist, path: string | undefined, out: SecretFinding[]): number {
  let matchStart = m.index;
  for (const limit = Math.max(m.index - c.prefix, previousEnd); matchStart > limit && isNameChar(slice.charCodeAt(matchStart - 1)); ) matchStart--;
  const matchEnd = m.index + m[0].length;
  const group = c.rule.id === 'secret-assignment' ? assignmentSecret(m) : secretGroup(m, c.rule.secretGroup);
  if (group === undefined) return matchEnd;
  const span = m.indices?.[group];
  if (!span) return matchEnd;
  const secret = m[group] as string;
  if (c.rule.entropy && shannonEntropy(secret) <= c.rule.entropy) return matchEnd;
  if (isPlaceholder(secret) || DOC_EXAMPLES.has(secret) || DOC_EXAMPLE_SHAPE.test(secret)) return matchEnd;
  if (c.rule.check && !c.rule.check(secret)) return matchEnd;
  const match = slice.slice(matchStart, matchEnd);
  const line = () => lineAround(slice, matchStart, matchEnd);
  if (allowed(global, secret, match, line, path) || c.allowlists.some((a) => allowed(a, secret, match, line, path))) return matchEnd;
  out.push({ start: from + span[0], end: from + span[1], ruleId: c.rule.id });
  return matchEnd;
}

/** gitleaks: the configured group, else the first non-empty one, else the whole match. */
function secretGroup(m: RegExpExecArray, configured: number | undefined): number | undefined {
  if (configured && configured > 0) return m[configured] === undefined ? undefined : configured;
  for (let g = 1; g < m.length; g++) if (m[g]) return g;
  return 0;
}

function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  return text.slice(from, to < 0 ? text.length : to);
}

function allowed(a: CompiledAllowlist, secret: string, match: string, line: () => string, path: string | undefined): boolean {
  const target = a.target === 'match' ? match : a.target === 'line' ? line() : secret;
  const regexHit = a.regexes.some((re) => re.test(target));
  const stopHit = a.stopwords?.().has(secret) ?? false;
  if (!a.and) return regexHit || stopHit;
  const checks: boolean[] = [];
  if (a.paths.length) checks.push(!!path && a.paths.some((re) => re.test(path)));
  if (a.regexes.length) checks.push(regexHit);
  if (a.stopwords) checks.push(stopHit);
  return checks.every(Boolean);
}

/** Ids of every rule, for documentation and tests. */
export function secretRuleIds(): string[] {
  return getEngine().rules.map((c) => c.rule.id);
}
