/**
 * One rule of the secret scan, compiled, and what it does with a region of text: runs its regex,
 * takes the secret out of each match and keeps it only if it clears the rule's entropy, our filters
 * and gitleaks' allowlists.
 */
import { KeywordIndex } from './keywordIndex';
import { matchStarts } from './regexStarts';
import type { GitleaksAllowlist, GitleaksRule, RegexData } from './secretRuleTypes';

/** One secret found in a text: `text.slice(start, end)` is the secret. */
export interface SecretFinding {
  start: number;
  end: number;
  ruleId: string;
}

/** A rule in gitleaks' shape, with what our own rules add. */
export interface ScanRule extends GitleaksRule {
  /** Runs over the whole text rather than the lines around a keyword (for multi-line secrets). */
  wholeText?: boolean;
  /** Keeps the finding only when true. */
  check?: (secret: string) => boolean;
  /** Picks the group holding the secret, or none (no finding), instead of gitleaks' choice. */
  secretOf?: (m: RegExpExecArray) => number | undefined;
}

/** A rule ready to run. */
export interface CompiledRule {
  rule: ScanRule;
  re: RegExp;
  /** Source and flags of `re`. */
  pattern: RegexData;
  /** What every match starts with (lower case) and the regex again, sticky, to try it only there; see {@link readStarts}. */
  starts: { words: string[]; sticky: RegExp | undefined } | undefined;
  /** Whether the regex can span lines (then it sees a few lines around each keyword). */
  multiline: boolean;
  /** How far the match may extend back over `[\w.-]` (the `[\w.-]{0,50}?` that starts many rules). */
  prefix: number;
  path?: RegExp;
  allowlists: CompiledAllowlist[];
}

/** A gitleaks allowlist ready to test. */
export interface CompiledAllowlist {
  and: boolean;
  target: string;
  regexes: RegExp[];
  /** Stopwords as one automaton (generic-api-key has 1,400 of them), built when first needed. */
  stopwords: (() => KeywordIndex) | undefined;
  paths: RegExp[];
}

/** What a scan shares between rules: the global allowlist and our own filter of secrets. */
export interface ScanContext {
  global: CompiledAllowlist;
  /** False for placeholders and published examples. */
  keep: (secret: string) => boolean;
  path: string | undefined;
  out: SecretFinding[];
}

/** Compiles a rule pattern (`[source, flags]`). */
export const toRegExp = ([source, flags]: RegexData, extra = ''): RegExp => new RegExp(source, flags + extra);

/** Compiles an allowlist; its stopword automaton waits until a finding needs it. */
export function compileAllowlist(a: GitleaksAllowlist): CompiledAllowlist {
  const words = a.stopwords ?? [];
  let built: KeywordIndex | undefined;
  const stopwords = words.length ? () => (built ??= new KeywordIndex(words.map((w) => w.toLowerCase()))) : undefined;
  return { and: a.and ?? false, target: a.target ?? 'secret', regexes: (a.regexes ?? []).map((r) => toRegExp(r)), stopwords, paths: (a.paths ?? []).map((r) => toRegExp(r)) };
}

const LAZY_PREFIX = String.raw`[\w.-]{0,50}?`;

/**
 * Compiles a rule. A leading `[\w.-]{0,50}?` only moves the match start back over the name before the
 * keyword; the regex runs without it (so the engine can skip to the keyword's first letter, and its
 * literal starts can be read) and the match start walks back afterwards.
 * `[\w.-]{0,50}?(?:[\w.-]{0,50}?(?:` (some gitleaks rules) is the same with 100.
 */
export function compileRule(rule: ScanRule): CompiledRule {
  const [source, flags] = rule.regex;
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
  return {
    rule,
    re: new RegExp(rest, `${flags}gd`),
    pattern: [rest, flags],
    starts: undefined, // set by readStarts; present from the start so every rule keeps one shape
    multiline: /\\n|\\r|\\s\\S/.test(source.replace(/\\\\\[nr(?:NR)?\]/g, '')),
    prefix,
    path: rule.path ? toRegExp(rule.path) : undefined,
    allowlists: (rule.allowlists ?? []).map(compileAllowlist),
  };
}

/**
 * The literal starts of the rule's regex (none when they cannot be read off it), read once: about
 * 30 ms for the whole ruleset before the JIT warms up, so only texts large enough to gain wait for it.
 */
export function readStarts(c: CompiledRule): { words: string[]; sticky: RegExp | undefined } {
  if (c.starts) return c.starts;
  const [source, flags] = c.pattern;
  const words = matchStarts(source, flags);
  c.starts = { words: words ?? [], sticky: words && new RegExp(source, `${flags}yd`) };
  return c.starts;
}

/** Runs the rule over `text.slice(from, to)`. */
export function scanWindow(text: string, from: number, to: number, c: CompiledRule, ctx: ScanContext): void {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  c.re.lastIndex = 0;
  let previousEnd = 0;
  for (let m = c.re.exec(slice); m; m = c.re.exec(slice)) {
    if (m[0].length === 0) c.re.lastIndex++;
    previousEnd = consider(slice, from, m, previousEnd, c, ctx);
  }
}

/**
 * The same matches as {@link scanWindow} over the whole text, found by trying the regex only at the
 * positions where one of its literal starts occurs: a global regex returns the leftmost match at or
 * after lastIndex, and no match begins anywhere else.
 */
export function scanStarts(text: string, positions: readonly number[], re: RegExp, c: CompiledRule, ctx: ScanContext): void {
  let next = 0;
  let previousEnd = 0;
  for (const at of Int32Array.from(positions).sort()) {
    if (at < next) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    next = m.index + Math.max(m[0].length, 1);
    previousEnd = consider(text, 0, m, previousEnd, c, ctx);
  }
}

const isNameChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 45;

/** Records match `m` of `slice` (which starts at `from` in the text) when its secret passes every filter; returns where the match ends. */
function consider(slice: string, from: number, m: RegExpExecArray, previousEnd: number, c: CompiledRule, ctx: ScanContext): number {
  let matchStart = m.index;
  for (const limit = Math.max(m.index - c.prefix, previousEnd); matchStart > limit && isNameChar(slice.charCodeAt(matchStart - 1)); ) matchStart--;
  const matchEnd = m.index + m[0].length;
  const group = c.rule.secretOf ? c.rule.secretOf(m) : secretGroup(m, c.rule.secretGroup);
  if (group === undefined) return matchEnd;
  const span = m.indices?.[group];
  if (!span) return matchEnd;
  const secret = m[group] as string;
  if (c.rule.entropy && shannonEntropy(secret) <= c.rule.entropy) return matchEnd;
  if (!ctx.keep(secret) || (c.rule.check && !c.rule.check(secret))) return matchEnd;
  const match = slice.slice(matchStart, matchEnd);
  const line = () => lineAround(slice, matchStart, matchEnd);
  if (allowed(ctx.global, secret, match, line, ctx.path) || c.allowlists.some((a) => allowed(a, secret, match, line, ctx.path))) return matchEnd;
  ctx.out.push({ start: from + span[0], end: from + span[1], ruleId: c.rule.id });
  return matchEnd;
}

const asciiCounts = new Uint32Array(128);
const asciiOrder = new Uint8Array(128);

/** Shannon entropy in bits per character, as gitleaks computes it. */
export function shannonEntropy(value: string): number {
  if (!value) return 0;
  const n = value.length;
  let distinct = 0;
  let i = 0;
  for (; i < n; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128) break;
    if (asciiCounts[code]++ === 0) asciiOrder[distinct++] = code;
  }
  let entropy = 0;
  if (i === n) {
    // ASCII, counted without a Map: the terms are summed in order of first occurrence, as the
    // general case below does, so both give the same number to the last bit.
    for (let k = 0; k < distinct; k++) {
      const code = asciiOrder[k] as number;
      const p = (asciiCounts[code] as number) / n;
      asciiCounts[code] = 0;
      entropy -= p * Math.log2(p);
    }
    return entropy;
  }
  for (let k = 0; k < distinct; k++) asciiCounts[asciiOrder[k] as number] = 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const points = [...value].length;
  for (const count of counts.values()) {
    const p = count / points;
    entropy -= p * Math.log2(p);
  }
  return entropy;
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
