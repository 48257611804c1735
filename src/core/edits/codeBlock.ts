/**
 * Where "Apply" on a chat code block puts the code. A snippet is rarely the whole file: pasting it
 * over the file would silently delete everything it does not mention. So, in order:
 * 1. a selection → the snippet replaces the selection;
 * 2. a snippet that is (nearly) the whole file → a whole-file change, flagged so the user is told
 *    plainly that the file is replaced;
 * 3. otherwise each top-level declaration of the snippet replaces the declaration of the same
 *    name in the file (found by its head line, e.g. `export function add(`); declarations the file
 *    does not have go right after the previous matched one;
 * 4. nothing of it found → refused with what to do instead.
 * The result is a {@link FileChange} for the edit engine (matched, previewed, applied as one step).
 */
import { indentationBlock } from '../enclosingBlock';
import { leadingWhitespace } from './indent';
import type { FileChange, SearchReplaceEdit } from './types';

/** The editor's selection in 0-based lines and the selected text (empty when nothing is selected). */
export interface CodeSelection {
  text: string;
  startLine: number;
}

export type CodePlacement =
  | { ok: true; change: FileChange; replacesFile: boolean; summary: string }
  | { ok: false; message: string };

const blank = (l: string) => l.trim() === '';
const COMMENT = /^\s*(\/\/|\/\*|\*|#(?!include)|@|--)/;
const CLOSER = /^\s*[}\])]/;

function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && blank(lines[lines.length - 1] as string)) lines.pop();
  while (lines.length > 0 && blank(lines[0] as string)) lines.shift();
  return lines;
}

/**
 * What identifies a declaration's head line across edits of its body or parameters: the line up
 * to its first `(`, `=`, `{`, `<` or `:`, whitespace collapsed. Too short a head (`}` or `x`) is no key.
 */
export function headKey(line: string): string | undefined {
  const trimmed = line.trim();
  if (COMMENT.test(trimmed) || CLOSER.test(trimmed)) return undefined;
  const cut = /[({=<:]/.exec(trimmed);
  const key = (cut ? trimmed.slice(0, cut.index + 1) : trimmed).replace(/\s+/g, ' ');
  return /[A-Za-z_$][\w$]*/.test(key) && key.length >= 4 ? key : undefined;
}

interface Unit {
  /** Snippet lines of the declaration, leading comments and decorators included. */
  lines: string[];
  /** Index in `lines` of the head line. */
  head: number;
}

/** The snippet's top-level declarations: a new one starts at each head line at the snippet's outer indentation. */
function units(lines: readonly string[]): Unit[] {
  const outer = Math.min(...lines.filter((l) => !blank(l)).map((l) => leadingWhitespace(l).length));
  const out: Unit[] = [];
  let pending: string[] = []; // comments and blank lines waiting for their declaration
  for (const line of lines) {
    const top = !blank(line) && leadingWhitespace(line).length === outer;
    if (top && COMMENT.test(line)) {
      pending.push(line);
    } else if (top && !CLOSER.test(line)) {
      out.push({ lines: [...pending, line], head: pending.length });
      pending = [];
    } else if (out.length > 0 && pending.length === 0) {
      (out[out.length - 1] as Unit).lines.push(line);
    } else {
      pending.push(line);
    }
  }
  if (pending.length > 0 && out.length > 0) (out[out.length - 1] as Unit).lines.push(...pending);
  for (const unit of out) while (blank(unit.lines[unit.lines.length - 1] as string)) unit.lines.pop();
  return out;
}

/** File lines `[start, end]` of the declaration whose head is at `head`, with the comments just above it. */
function fileRegion(fileLines: readonly string[], head: number, withComments: boolean): { start: number; end: number } {
  const block = indentationBlock(fileLines, head);
  const end = block && block.start === head ? block.end : head;
  let start = head;
  while (withComments && start > 0 && COMMENT.test(fileLines[start - 1] as string) && !blank(fileLines[start - 1] as string)) start--;
  return { start, end };
}

/** Share of `a`'s non-blank lines (trimmed) that also occur in `b`. */
function overlap(a: readonly string[], b: readonly string[]): number {
  const pool = new Map<string, number>();
  for (const l of b) if (!blank(l)) pool.set(l.trim(), (pool.get(l.trim()) ?? 0) + 1);
  const lines = a.filter((l) => !blank(l));
  let shared = 0;
  for (const l of lines) {
    const n = pool.get(l.trim()) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(l.trim(), n - 1);
    }
  }
  return lines.length === 0 ? 0 : shared / lines.length;
}

/** Shifts `lines` so the first non-blank one has `indent` (the snippet was copied out of its nesting). */
function reindent(lines: readonly string[], from: string, indent: string): string[] {
  if (from === indent) return [...lines];
  return lines.map((l) => (blank(l) ? l : indent + (l.startsWith(from) ? l.slice(from.length) : l.trimStart())));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Decides how a code block applies to the file at `path` with text `fileText`. */
export function placeCodeBlock(path: string, fileText: string, code: string, selection?: CodeSelection): CodePlacement {
  if (selection && selection.text !== '') {
    const edits: SearchReplaceEdit[] = [{ search: selection.text, replace: code, line: selection.startLine + 1 }];
    const lines = selection.text.split('\n').length;
    return { ok: true, change: { kind: 'edits', path, edits }, replacesFile: false, summary: `replaces the ${plural(lines, 'selected line')}` };
  }
  const fileLines = fileText.replace(/\r\n?/g, '\n').split('\n');
  const snippet = splitLines(code);
  if (snippet.length === 0) return { ok: false, message: 'The code block is empty.' };
  const nonBlankFile = fileLines.filter((l) => !blank(l)).length;
  if (nonBlankFile === 0 || (overlap(fileLines, snippet) >= 0.6 && snippet.length >= nonBlankFile * 0.5)) {
    const summary = nonBlankFile === 0 ? 'fills the empty file' : `replaces all of ${path} (${plural(nonBlankFile, 'line')} → ${plural(snippet.length, 'line')})`;
    return { ok: true, change: { kind: 'whole', path, content: code }, replacesFile: nonBlankFile > 0, summary };
  }
  const heads = new Map<string, number[]>();
  fileLines.forEach((line, i) => {
    const key = headKey(line);
    if (key) heads.set(key, [...(heads.get(key) ?? []), i]);
  });
  type Placed = { region: { start: number; end: number }; indent: string; lines: string[]; name: string };
  const placed: Placed[] = [];
  let orphans: string[][] = []; // units before the first match, or with no match yet
  for (const unit of units(snippet)) {
    const headLine = unit.lines[unit.head] as string;
    const key = headKey(headLine);
    const found = key ? heads.get(key) : undefined;
    if (!found || found.length !== 1) {
      if (placed.length > 0) (placed[placed.length - 1] as Placed).lines.push('', ...unit.lines);
      else orphans.push(unit.lines);
      continue;
    }
    const head = found[0] as number;
    const region = fileRegion(fileLines, head, unit.head > 0);
    if (placed.some((p) => p.region.start <= region.end && region.start <= p.region.end)) return { ok: false, message: 'Parts of the code block overlap in the file: select the lines it should replace and Apply again.' };
    const indent = leadingWhitespace(fileLines[head]);
    const lines = [...orphans.flatMap((o) => [...o, '']), ...unit.lines];
    orphans = [];
    placed.push({ region, indent, lines: reindent(lines, leadingWhitespace(headLine), indent), name: (key as string).replace(/[({=<:]$/, '').trim() });
  }
  if (placed.length === 0) {
    return { ok: false, message: `Nothing in the code block matches a declaration in ${path}: select the lines it should replace and Apply again, or use Insert to put it at the cursor.` };
  }
  const edits = placed.map(({ region, lines }) => ({
    search: fileLines.slice(region.start, region.end + 1).join('\n'),
    replace: lines.join('\n'),
    line: region.start + 1,
  }));
  const covered = placed.reduce((n, p) => n + p.region.end - p.region.start + 1, 0);
  const replacesFile = covered >= fileLines.filter((l, i) => !blank(l) || i < fileLines.length - 1).length * 0.9;
  const names = placed.map((p) => p.name.split(' ').pop() ?? p.name);
  const summary = replacesFile ? `replaces all of ${path}` : `replaces ${names.join(', ')} (${plural(covered, 'line')} of ${fileLines.length})`;
  return { ok: true, change: { kind: 'edits', path, edits }, replacesFile, summary };
}
