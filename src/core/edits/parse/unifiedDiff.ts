/**
 * Unified diffs in answers, parsed with the `diff` package and turned into search/replace edits:
 * each hunk's context and removed lines become `search`, context and added lines `replace`, and
 * its old start line the `line` hint. Hunk line numbers from models are unreliable, which is why
 * hunks are matched by content like any other edit rather than applied by position.
 *
 * Model diffs are repaired before parsing in the ways they typically break: wrong line counts in
 * `@@` headers, headers without numbers (`@@ ... @@`), blank context lines that lost their
 * leading space, and a missing `---`/`+++` header when the path is known from elsewhere.
 */
import { parsePatch } from 'diff';
import type { FileChange, SearchReplaceEdit } from '../types';

const HUNK_HEADER = /^@@(?:\s*-(\d+)(?:,\d+)?\s+\+(\d+)(?:,\d+)?)?.*?@@(.*)$/;
const FILE_START = /^(?:diff --git |index |--- |\+\+\+ |new file mode|deleted file mode|similarity index|rename (?:from|to) )/;

/** Whether a block body reads as a unified diff. */
export function looksLikeUnifiedDiff(body: string): boolean {
  const hasHeaders = /^--- \S/m.test(body) && /^\+\+\+ \S/m.test(body);
  return hasHeaders || /^@@.*@@/m.test(body);
}

/** Rewrites hunk headers with counts taken from the hunk itself; returns the text and which hunks had no numbers. */
function repairHunks(lines: readonly string[]): { text: string; unnumbered: boolean[] } {
  const out: string[] = [];
  const unnumbered: boolean[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = HUNK_HEADER.exec(lines[i]);
    if (!header) {
      out.push(lines[i]);
      continue;
    }
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !HUNK_HEADER.test(lines[j]); j++) {
      const line = lines[j];
      if (FILE_START.test(line) && (line.startsWith('--- ') ? lines[j + 1]?.startsWith('+++ ') : true)) break;
      body.push(line === '' ? ' ' : /^[ +\-\\]/.test(line) ? line : ` ${line}`);
    }
    while (body.length > 0 && body[body.length - 1] === ' ') body.pop();
    const oldCount = body.filter((l) => l[0] === ' ' || l[0] === '-').length;
    const newCount = body.filter((l) => l[0] === ' ' || l[0] === '+').length;
    unnumbered.push(header[1] === undefined);
    const oldStart = header[1] ?? '1';
    const newStart = header[2] ?? '1';
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@${header[3] ?? ''}`, ...body);
    i = j - 1;
  }
  return { text: out.join('\n') + '\n', unnumbered };
}

function stripPrefix(name: string): string {
  const n = name.trim().replace(/\t.*$/, '');
  return /^[ab]\//.test(n) ? n.slice(2) : n;
}

function hunkEdit(lines: readonly string[], oldStart: number, numbered: boolean): SearchReplaceEdit {
  const search: string[] = [];
  const replace: string[] = [];
  for (const line of lines) {
    const body = line.slice(1);
    if (line[0] === ' ' || line[0] === '-') search.push(body);
    if (line[0] === ' ' || line[0] === '+') replace.push(body);
  }
  const text = (ls: string[]) => (ls.length > 0 ? ls.join('\n') + '\n' : '');
  const edit: SearchReplaceEdit = { search: text(search), replace: text(replace) };
  if (numbered && oldStart > 0) edit.line = oldStart;
  return edit;
}

/**
 * Parses a diff into file changes. `fallbackPath` names the file when the diff has no header.
 * @returns the changes, or an error message saying what is wrong with the diff
 */
export function parseUnifiedDiff(body: string, fallbackPath: string | undefined): { changes: FileChange[] } | { error: string } {
  const lines = body.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  if (!lines.some((l) => /^--- /.test(l))) {
    if (!fallbackPath) return { error: 'the diff names no file: add ---/+++ headers or put the path above the block' };
    lines.unshift(`--- a/${fallbackPath}`, `+++ b/${fallbackPath}`);
  }
  const { text, unnumbered } = repairHunks(lines);
  let patches;
  try {
    patches = parsePatch(text);
  } catch (error) {
    return { error: `the diff could not be parsed: ${(error as Error).message}` };
  }
  const changes: FileChange[] = [];
  let hunkIndex = 0;
  for (const patch of patches) {
    const oldName = stripPrefix(patch.oldFileName ?? '');
    const newName = stripPrefix(patch.newFileName ?? '');
    const numbered = patch.hunks.map(() => !unnumbered[hunkIndex++]);
    if (patch.hunks.length === 0) continue;
    if (newName === '/dev/null') return { error: `deleting ${oldName} is not supported; say so in words instead` };
    if (oldName === '/dev/null') {
      const added = patch.hunks.flatMap((h) => h.lines.filter((l) => l[0] === '+').map((l) => l.slice(1)));
      changes.push({ kind: 'whole', path: newName, content: added.length > 0 ? added.join('\n') + '\n' : '' });
      continue;
    }
    if (oldName !== newName && oldName !== '' && newName !== '') return { error: `renaming ${oldName} to ${newName} is not supported` };
    const path = newName || oldName || fallbackPath;
    if (!path) return { error: 'the diff names no file' };
    const edits = patch.hunks
      .map((h, k) => hunkEdit(h.lines, h.oldStart, numbered[k]))
      .filter((e) => e.search !== e.replace);
    if (edits.length > 0) changes.push({ kind: 'edits', path, edits });
  }
  if (changes.length === 0) return { error: 'the diff contains no changes' };
  return { changes };
}

const GIT_HEADER = /^diff --git \S/;
const OLD_HEADER = /^--- \S/;
const NEW_HEADER = /^\+\+\+ \S/;
const META = /^(?:index \S|new file mode|deleted file mode|similarity index|rename (?:from|to) |old mode|new mode)/;
/** A removed or added line that reads as a Markdown bullet of prose ("- Fixes the bug."). */
const PROSE_BULLET = /^[-+] \p{Lu}\p{Ll}*(?: \p{Ll}+){2,}/u;

/** Where a file's headers end (the index of its `+++` line), or -1 when `at` starts no file. */
function headerEnd(lines: readonly string[], at: number): number {
  let i = at;
  if (GIT_HEADER.test(lines[i])) i++;
  while (i < lines.length && META.test(lines[i])) i++;
  if (i < lines.length && OLD_HEADER.test(lines[i]) && NEW_HEADER.test(lines[i + 1] ?? '')) return i + 1;
  return -1;
}

/** Index just after the hunk whose header is at `at`. */
function hunkEnd(lines: readonly string[], at: number): number {
  const counts = /^@@\s*-\d+(?:,(\d+))?\s+\+\d+(?:,(\d+))?\s*@@/.exec(lines[at]);
  let oldLeft = counts ? Number(counts[1] ?? 1) : Infinity;
  let newLeft = counts ? Number(counts[2] ?? 1) : Infinity;
  let i = at + 1;
  for (; i < lines.length && (oldLeft > 0 || newLeft > 0); i++) {
    const line = lines[i];
    if (line.startsWith('@@') || GIT_HEADER.test(line) || (OLD_HEADER.test(line) && NEW_HEADER.test(lines[i + 1] ?? ''))) break;
    if (line === '') {
      // A blank context line that lost its space, or the end of the diff.
      const next = lines[i + 1] ?? '';
      if (!counts && !(next.startsWith(' ') || ((next[0] === '+' || next[0] === '-') && !PROSE_BULLET.test(next)))) break;
      oldLeft--;
      newLeft--;
      continue;
    }
    if (line[0] === ' ') {
      oldLeft--;
      newLeft--;
    } else if (line[0] === '-') oldLeft--;
    else if (line[0] === '+') newLeft--;
    else if (line[0] !== '\\') break;
  }
  while (i > at + 1 && lines[i - 1] === '') i--;
  return i;
}

/**
 * Unified diffs written straight into an answer's prose, without a fence: from a `diff --git`
 * or `---`/`+++` header through its hunks. Hunk line counts, when the header has them, say where
 * a hunk ends; without them a hunk ends at the first line that is not a diff line (or a blank
 * line before prose). Returns `[from, to)` line ranges.
 */
export function findBareDiffs(lines: readonly string[]): { from: number; to: number }[] {
  const found: { from: number; to: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    let end = headerEnd(lines, i);
    if (end < 0 || !(lines[end + 1] ?? '').startsWith('@@')) continue;
    const from = i;
    let to = end + 1;
    for (;;) {
      while ((lines[to] ?? '').startsWith('@@')) to = hunkEnd(lines, to);
      end = to < lines.length ? headerEnd(lines, to) : -1;
      if (end < 0 || !(lines[end + 1] ?? '').startsWith('@@')) break;
      to = end + 1;
    }
    found.push({ from, to });
    i = to - 1;
  }
  return found;
}
