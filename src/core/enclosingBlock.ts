/**
 * Finds the code block around a cursor when nothing is selected: first from the language's document
 * symbols (innermost function, method or class containing the cursor), else by indentation.
 */
export interface LineRange {
  /** 0-based, inclusive. */
  start: number;
  end: number;
}

export interface SymbolRange extends LineRange {
  /** e.g. 'function', 'method', 'class' (lower case). */
  kind: string;
  name: string;
  children?: SymbolRange[];
}

const BLOCK_KINDS = new Set(['function', 'method', 'constructor', 'class', 'interface', 'struct', 'enum', 'module', 'namespace']);

/** The innermost block-like symbol containing `line`. */
export function innermostSymbol(symbols: readonly SymbolRange[], line: number): SymbolRange | undefined {
  for (const s of symbols) {
    if (line < s.start || line > s.end) continue;
    const inner = innermostSymbol(s.children ?? [], line);
    if (inner) return inner;
    if (BLOCK_KINDS.has(s.kind)) return s;
  }
  return undefined;
}

const indentOf = (l: string) => l.length - l.trimStart().length;
const blank = (l: string | undefined) => l === undefined || l.trim() === '';

/**
 * The indentation block around `line`: the nearest line above with less indentation that opens a
 * block (ends with `{`, `:`, `(`, `[`, `=>`, or starts with a keyword such as `def`/`function`), down
 * to where the indentation returns (including a closing bracket line). Undefined when the cursor is
 * not inside such a block (top level, blank file).
 */
export function indentationBlock(lines: readonly string[], line: number): LineRange | undefined {
  let cursor = line;
  while (cursor >= 0 && blank(lines[cursor])) cursor--;
  if (cursor < 0) return undefined;
  const here = indentOf(lines[cursor] as string);
  const opens = (l: string) => /(\{|:|\(|\[|=>)\s*(\/\/.*|#.*)?$/.test(l.trimEnd()) || /^\s*(def|class|function|func|fn|async def|impl)\b/.test(l);
  let head = -1;
  // The cursor may be on the header line itself.
  if (opens(lines[cursor] as string) && indentOf(lines[cursor + 1] ?? '') > here) head = cursor;
  for (let i = cursor - 1; head < 0 && i >= 0; i--) {
    const l = lines[i] as string;
    if (blank(l)) continue;
    if (indentOf(l) < here && opens(l)) head = i;
    else if (indentOf(l) < here) return undefined;
  }
  if (head < 0) return undefined;
  const base = indentOf(lines[head] as string);
  let end = head;
  for (let i = head + 1; i < lines.length; i++) {
    const l = lines[i] as string;
    if (blank(l)) continue;
    if (indentOf(l) <= base) {
      if (/^\s*[}\])]/.test(l) && indentOf(l) === base) end = i;
      break;
    }
    end = i;
  }
  return end > head ? { start: head, end } : undefined;
}
