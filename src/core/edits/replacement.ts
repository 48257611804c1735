/**
 * Turns a located edit into a {@link Replacement}: merges the region line by line, trims lines
 * that end up unchanged (so previews and undo touch only what really changes) and converts the
 * result to offsets.
 */
import { lineRangeChange, type TextChange } from './apply';
import { detectIndentStyle } from './indent';
import type { Location } from './location';
import type { MatchContext } from './matchContext';
import { mergeRegion } from './merge';
import { lineIndexAt, type TextModel } from './textModel';
import type { Replacement } from './types';

/** Drops new lines equal to the old ones at both ends of the region, keeping the change minimal. */
function trimmedChange(model: TextModel, first: number, end: number, newLines: string[]): TextChange | undefined {
  let a = first;
  let b = end;
  let lo = 0;
  let hi = newLines.length;
  while (a < b && lo < hi && model.lines[a] === newLines[lo]) {
    a++;
    lo++;
  }
  while (a < b && lo < hi && model.lines[b - 1] === newLines[hi - 1]) {
    b--;
    hi--;
  }
  if (a === b && lo === hi) return undefined;
  return lineRangeChange(model, a, b, newLines.slice(lo, hi));
}

/** Builds a replacement from a change of the text, with 1-based lines for display. */
export function toReplacement(model: TextModel, editIndex: number, change: TextChange, location: Pick<Location, 'stage' | 'similarity' | 'firstLine' | 'endLine'>): Replacement {
  const startLine = lineIndexAt(model, change.start) + 1;
  const endLine = change.end > change.start ? lineIndexAt(model, change.end - 1) + 1 : startLine;
  return {
    editIndex,
    start: change.start,
    end: change.end,
    text: change.text,
    oldText: model.text.slice(change.start, change.end),
    startLine,
    endLine,
    matched: { startLine: location.firstLine + 1, endLine: location.endLine },
    stage: location.stage,
    similarity: location.similarity,
  };
}

/**
 * The replacement for one located edit. An edit that changes nothing (replace equal to what is
 * there) still yields a replacement, of the matched region by itself, so every matched edit has
 * exactly one; the adapter may skip those whose `text === oldText`.
 */
export function replacementFor(ctx: MatchContext, editIndex: number, location: Location): Replacement {
  const { model } = ctx;
  if (location.literal !== undefined || !location.lines) {
    return toReplacement(model, editIndex, { start: location.start, end: location.end, text: location.literal ?? '' }, location);
  }
  const match = location.lines;
  const styles = match.reindent
    ? { file: ctx.indentStyle(), model: detectIndentStyle([...match.searchLines, ...match.replaceLines], ctx.indentStyle()) }
    : undefined;
  const newLines = mergeRegion(model.lines, location.firstLine, location.endLine, match, styles);
  const change = trimmedChange(model, location.firstLine, location.endLine, newLines) ?? {
    start: location.start,
    end: location.end,
    text: model.text.slice(location.start, location.end),
  };
  return toReplacement(model, editIndex, change, location);
}
