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
  for (const part of diffArrays([...model.lines], newLines)) {
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
