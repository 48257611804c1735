/**
 * Offsets in, text out: turning a line range plus new lines into a character replacement that
 * keeps the file's line endings and final-newline state, and applying a set of replacements.
 */
import type { Replacement } from './types';
import type { TextModel } from './textModel';

/** A character-level change of `[start, end)` into `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * Replaces file lines `[first, end)` (0-based) with `newLines`. Line endings come from the file;
 * the line ending after the range is never touched, except when lines at the very end of a file
 * without a final newline are deleted (then the preceding one goes, so the file still ends
 * without one).
 */
export function lineRangeChange(model: TextModel, first: number, end: number, newLines: readonly string[]): TextChange {
  const { eol, lineStarts, contentEnds, lineEnds, lines } = model;
  const count = lines.length;
  if (first < end && newLines.length > 0) {
    return { start: lineStarts[first], end: contentEnds[end - 1], text: newLines.join(eol) };
  }
  if (first < end) {
    const lastHasEol = lineEnds[end - 1] > contentEnds[end - 1];
    if (lastHasEol || first === 0) return { start: lineStarts[first], end: lineEnds[end - 1], text: '' };
    return { start: contentEnds[first - 1], end: contentEnds[end - 1], text: '' };
  }
  if (newLines.length === 0) {
    const at = first < count ? lineStarts[first] : model.text.length;
    return { start: at, end: at, text: '' };
  }
  const body = newLines.join(eol);
  if (first < count) return { start: lineStarts[first], end: lineStarts[first], text: body + eol };
  if (count === 0) {
    // Empty file: the new text decides alone, with a final newline as most tools write it.
    const at = model.bomLength;
    return { start: at, end: at, text: body + eol };
  }
  if (model.finalNewline) return { start: model.text.length, end: model.text.length, text: body + eol };
  return { start: model.text.length, end: model.text.length, text: eol + body };
}

/**
 * Applies replacements to `text`. They must not overlap; they may be given in any order
 * (insertions at the same offset keep the given order). Use it for the full plan or for a subset
 * the user accepted hunk by hunk.
 * @throws Error when two replacements overlap (a caller bug: plans never contain overlaps)
 */
export function applyReplacements(text: string, replacements: readonly Pick<Replacement, 'start' | 'end' | 'text'>[]): string {
  const sorted = replacements
    .map((r, order) => ({ r, order }))
    .sort((a, b) => a.r.start - b.r.start || a.r.end - b.r.end || a.order - b.order);
  let out = '';
  let pos = 0;
  for (const { r } of sorted) {
    if (r.start < pos) throw new Error(`overlapping replacements at offset ${r.start}`);
    // Concatenation, never String.replace: `$&` and friends in model text must stay literal.
    out += text.slice(pos, r.start) + r.text;
    pos = r.end;
  }
  return out + text.slice(pos);
}
