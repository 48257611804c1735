/**
 * Regenerates src/core/chat/gitleaksRules.ts from gitleaks' default config (MIT, Zachary Rice):
 * `tsx test/tools/vendorGitleaks.ts CHECKOUT COMMIT` (CHECKOUT holds config/gitleaks.toml and LICENSE).
 * Go's RE2 syntax is translated to JavaScript here, once, so the extension ships plain data: scoped
 * case flags (`(?i)`, `(?i:…)`, `(?-i:…)`) become explicit letter classes (Node 20 has no regex
 * modifiers), `(?P<n>` becomes `(?<n>`, `\z` becomes `$`, `(?s:.)` becomes `[\s\S]`, POSIX classes
 * are spelled out. Descriptions and path-only rules are dropped (we scan text, not files).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';

interface TomlAllowlist {
  condition?: string;
  regexTarget?: string;
  regexes?: string[];
  stopwords?: string[];
  paths?: string[];
}
interface TomlRule {
  id: string;
  regex?: string;
  secretGroup?: number;
  entropy?: number;
  keywords?: string[];
  path?: string;
  allowlists?: TomlAllowlist[];
}

const OUT = join(__dirname, '..', '..', 'src', 'core', 'chat', 'gitleaksRules.ts');

/** A JS regex as [source, flags]. */
type Js = [string, string];

/** Translates one RE2 pattern to a JavaScript source and flags. */
export function goToJs(go: string): Js {
  let src = go.replace(/\(\?P</g, '(?<').replace(/\\z/g, '$').replace(/\(\?s:\.\)/g, '[\\s\\S]').replace(/\[:alnum:\]/g, '0-9A-Za-z');
  if (/^\(\?i\)/.test(src) && !/\(\?-?i[:)]/.test(src.slice(4))) return [src.slice(4), 'i'];
  if (!/\(\?-?i[:)]/.test(src)) return [src, ''];
  src = foldCase(src);
  return [src, ''];
}

const swap = (c: string) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());
const isLetter = (c: string) => /[A-Za-z]/.test(c);

/** Rewrites scoped case-insensitive parts with explicit `[aA]` letters and widened classes. */
function foldCase(src: string): string {
  const stack: boolean[] = [false];
  let ci = false;
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      let len = 2;
      if (next === 'x') len = 4;
      else if (next === 'p' || next === 'P') len = src.indexOf('}', i) - i + 1;
      out += src.slice(i, i + len);
      i += len;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      const body = src.slice(i + 1, j);
      out += `[${ci ? widenClass(body) : body}]`;
      i = j + 1;
      continue;
    }
    if (src.startsWith('(?i)', i)) {
      ci = true;
      i += 4;
      continue;
    }
    if (src.startsWith('(?i:', i) || src.startsWith('(?-i:', i)) {
      stack.push(ci);
      ci = src[i + 2] === 'i';
      out += '(?:';
      i += src[i + 2] === 'i' ? 4 : 5;
      continue;
    }
    if (c === '(') {
      stack.push(ci);
      out += c;
      i++;
      continue;
    }
    if (c === ')') {
      ci = stack.pop() ?? false;
      out += c;
      i++;
      continue;
    }
    out += ci && isLetter(c) ? `[${c}${swap(c)}]` : c;
    i++;
  }
  return out;
}

/** Adds the other case of every letter and letter range in a class body. */
function widenClass(body: string): string {
  let extra = '';
  let i = body.startsWith('^') ? 1 : 0;
  while (i < body.length) {
    const c = body[i] as string;
    if (c === '\\') {
      i += body[i + 1] === 'x' ? 4 : 2;
      continue;
    }
    if (body[i + 1] === '-' && i + 2 < body.length && isLetter(c) && isLetter(body[i + 2] as string)) {
      extra += `${swap(c)}-${swap(body[i + 2] as string)}`;
      i += 3;
      continue;
    }
    if (isLetter(c)) extra += swap(c);
    i++;
  }
  // In front, after any `^` and leading `-`, so a trailing `-` cannot turn into a range with the extra.
  const head = /^\^?-?/.exec(body)?.[0] ?? '';
  return head + extra + body.slice(head.length);
}

function compiles([source, flags]: Js): boolean {
  try {
    new RegExp(source, `${flags}gd`);
    return true;
  } catch {
    return false;
  }
}

function main(argv: readonly string[]): void {
  const [checkout, commit] = argv;
  if (!checkout || !commit) throw new Error('usage: vendorGitleaks.ts CHECKOUT COMMIT');
  const config = parse(readFileSync(join(checkout, 'config', 'gitleaks.toml'), 'utf8')) as unknown as { allowlist: TomlAllowlist; rules: TomlRule[] };
  const lines: string[] = [];
  const skipped: string[] = [];
  for (const rule of config.rules) {
    if (!rule.regex) {
      skipped.push(`${rule.id} (path only)`);
      continue;
    }
    const regex = goToJs(rule.regex);
    if (!compiles(regex)) {
      skipped.push(`${rule.id} (regex does not translate)`);
      continue;
    }
    const allowlists = (rule.allowlists ?? []).map((a) => ({
      ...(a.condition === 'AND' ? { and: true } : {}),
      ...(a.regexTarget ? { target: a.regexTarget } : {}),
      ...(a.regexes ? { regexes: a.regexes.map(goToJs) } : {}),
      ...(a.stopwords ? { stopwords: a.stopwords } : {}),
      ...(a.paths ? { paths: a.paths.map(goToJs) } : {}),
    }));
    const data = {
      id: rule.id,
      regex,
      keywords: rule.keywords ?? [],
      ...(rule.secretGroup ? { secretGroup: rule.secretGroup } : {}),
      ...(rule.entropy ? { entropy: rule.entropy } : {}),
      ...(rule.path ? { path: goToJs(rule.path) } : {}),
      ...(allowlists.length ? { allowlists } : {}),
    };
    lines.push(`  ${JSON.stringify(data)},`);
  }
  const global = { regexes: (config.allowlist.regexes ?? []).map(goToJs), stopwords: config.allowlist.stopwords ?? [] };
  const licence = readFileSync(join(checkout, 'LICENSE'), 'utf8').trim();
  const text = `/*! @license gitleaks rules, generated from gitleaks/gitleaks config/gitleaks.toml at ${commit}
 * by test/tools/vendorGitleaks.ts; do not edit by hand (regenerate instead).
 *
${licence.split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}
 */
import type { GitleaksAllowlist, GitleaksRule } from './secretRuleTypes';

/** The gitleaks commit these rules come from. */
export const GITLEAKS_COMMIT = '${commit}';

/** Global allowlist: secrets matching these are never findings. */
export const GITLEAKS_GLOBAL_ALLOWLIST: GitleaksAllowlist = ${JSON.stringify(global)};

/** Every gitleaks rule that scans text, translated to JavaScript regexes. */
export const GITLEAKS_RULES: readonly GitleaksRule[] = [
${lines.join('\n')}
];
`;
  writeFileSync(OUT, text);
  console.log(`${lines.length} rules written to ${OUT}; skipped: ${skipped.join(', ') || 'none'}`);
}

if (require.main === module) main(process.argv.slice(2));
