/**
 * Whole-file changes (a new file, or the full new content of an existing one). For an existing
 * file the new content is diffed against the current text and each differing run of lines
 * becomes its own replacement, so the preview can offer per-hunk accept/reject here too. The
 * file's line endings, BOM and final-newline state are kept.
 */
import { diffArrays } from 'diff';
import { applyReplacements, lineRangeChange, type TextChange } from './apply';
import { findPlaceholder } from './placeholders';
import { toReplacement } from './replacement';
import { toLines, toTextModel, type TextModel } from './textModel';
import type { EditPlan, FileChange, Replacement } from './types';

const MAX_LINE_EDITS = 2000;

/** A cheap lower bound of a line diff's size: lines on either side missing from the other. */
function atLeastEdits(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const line of b) counts.set(line, (counts.get(line) ?? 0) + 1);
  let missing = 0;
  for (const line of a) {
    const n = counts.get(line) ?? 0;
    if (n > 0) counts.set(line, n - 1);
    else missing++;
  }
  return missing + (b.length - (a.length - missing));
}

/** The differing runs between the file's lines and `newLines`, as text changes. */
function hunks(model: TextModel, newLines: string[]): { change: TextChange; first: number; end: number }[] {
  const out: { change: TextChange; first: number; end: number }[] = [];
  let oldAt = 0;
  let hunkStart = -1;
  let added: string[] = [];
  const flush = () => {
    if (hunkStart < 0) return;
    out.push({ change: lineRangeChange(model, hunkStart, oldAt, added), first: hunkStart, end: oldAt });
    hunkStart = -1;
    added = [];
  };
  // A line diff costs O(lines × differences); past this many differences one replacement of the
  // whole text is as useful a preview and far cheaper.
  const parts = atLeastEdits(model.lines, newLines) > MAX_LINE_EDITS ? undefined : diffArrays([...model.lines], newLines, { maxEditLength: MAX_LINE_EDITS });
  if (!parts) return [{ change: lineRangeChange(model, 0, model.lines.length, newLines), first: 0, end: model.lines.length }];
  for (const part of parts) {
    if (!part.added && !part.removed) {
      flush();
      oldAt += part.count;
      continue;
    }
    if (hunkStart < 0) hunkStart = oldAt;
    if (part.added) added.push(...part.value);
    else oldAt += part.count;
  }
  flush();
  return out;
}

/** Plans a whole-file change. `currentText` is undefined when the file does not exist yet. */
export function planWholeFile(currentText: string | undefined, change: Extract<FileChange, { kind: 'whole' }>): EditPlan {
  const base = { path: change.path, kind: 'whole' as const, creates: currentText === undefined };
  const placeholder = findPlaceholder(change.content, currentText ?? '');
  if (placeholder !== undefined) {
    const message = `the content elides code with "${placeholder}"; send the complete file or use search/replace edits`;
    return { ...base, ok: false, replacements: [], refused: [{ editIndex: 0, reason: 'placeholder', message }], newText: undefined };
  }
  const model = toTextModel(currentText ?? '');
  const context = { stage: 'wholeFile' as const, similarity: 1 };
  let replacements: Replacement[];
  if (model.lines.length === 0) {
    // New or empty file: the content is written as given.
    const change0 = { start: model.bomLength, end: model.text.length, text: change.content };
    replacements = [toReplacement(model, 0, change0, { ...context, firstLine: 0, endLine: 1 })];
  } else {
    replacements = hunks(model, toLines(change.content)).map(({ change: c, first, end }) =>
      toReplacement(model, 0, c, { ...context, firstLine: first, endLine: Math.max(end, first + 1) }),
    );
  }
  return { ...base, ok: true, replacements, refused: [], newText: applyReplacements(model.text, replacements) };
}
