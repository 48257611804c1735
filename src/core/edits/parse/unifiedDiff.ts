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
