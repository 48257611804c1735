/**
 * The value of one shell word as the command will receive it: quotes and backslashes removed,
 * expansions (`$X`, `$(…)`, globs are kept) left as written and marked dynamic, because what they
 * become is only known when the shell runs.
 */
import type { ShellNode } from './shellParser';

/** A word's value and whether part of it is only known at run time. */
export interface WordValue {
  text: string;
  dynamic: boolean;
}

/** Node types whose value the shell computes when it runs. */
const EXPANSIONS = new Set(['simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion', 'brace_expression']);

/** Outside quotes a backslash keeps the next character literally; backslash-newline disappears. */
function unescapeBare(raw: string): string {
  return raw.replace(/\\(\r?\n|[\s\S])/g, (_m, c: string) => (c === '\n' || c === '\r\n' ? '' : c));
}

/** Inside double quotes a backslash escapes only `$`, backquote, `"`, `\` and newline. */
function unescapeDouble(raw: string): string {
  return raw.replace(/\\(\r?\n|[$`"\\])/g, (_m, c: string) => (c === '\n' || c === '\r\n' ? '' : c));
}

const ANSI_C: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** `$'…'` strings: C escapes, hex and octal bytes. */
function unescapeAnsiC(raw: string): string {
  return raw.replace(/\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|[\s\S])/g, (m, c: string) => {
    if (c.startsWith('x')) return String.fromCharCode(parseInt(c.slice(1), 16));
    if (/^[0-7]+$/.test(c)) return String.fromCharCode(parseInt(c, 8));
    return ANSI_C[c] ?? m;
  });
}

function hasExpansion(node: ShellNode): boolean {
  for (const child of node.namedChildren) {
    if (child && (EXPANSIONS.has(child.type) || hasExpansion(child))) return true;
  }
  return false;
}

/** The value of a word-like node (word, string, raw_string, concatenation, expansion, …). */
export function wordValue(node: ShellNode): WordValue {
  switch (node.type) {
    case 'word':
    case 'number':
      // An unquoted brace list (`{rm,-rf,/}`) becomes several words when the shell runs.
      return { text: unescapeBare(node.text), dynamic: /\{[^}]*,[^}]*\}/.test(node.text) };
    case 'raw_string':
      return { text: node.text.slice(1, -1), dynamic: false };
    case 'ansi_c_string':
      return { text: unescapeAnsiC(node.text.slice(2, -1)), dynamic: false };
    case 'string':
    case 'translated_string': {
      // Sliced from the raw text: the grammar's string_content pieces do not always cover it.
      const inner = node.text.slice(node.type === 'string' ? 1 : 2, -1);
      return { text: unescapeDouble(inner), dynamic: hasExpansion(node) };
    }
    case 'concatenation': {
      const parts = node.namedChildren.filter((c) => c !== null).map(wordValue);
      // Pieces of the raw text that are not nodes (rare) are kept as written.
      return parts.length ? { text: parts.map((p) => p.text).join(''), dynamic: parts.some((p) => p.dynamic) } : { text: node.text, dynamic: true };
    }
    default:
      return { text: node.text, dynamic: true };
  }
}

/** A word (as text) whose value is only known when the shell runs (`$HOME/x`, `~/x`, `` `pwd`/x ``). */
export function isDynamicWord(word: string): boolean {
  return /[$`]/.test(word) || word.startsWith('~');
}
