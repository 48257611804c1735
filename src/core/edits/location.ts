/**
 * Where an edit's search text was found, and how to turn a found span into a {@link Location}.
 * A location is either whole lines (merged line by line, so unchanged lines keep the file's exact
 * text) or a span inside lines (replaced literally).
 */
import { lineIndexAt, toLines, withEol, type TextModel } from './textModel';
import type { MatchStage } from './types';

/** A line-wise match: which file line each search line corresponds to. */
export interface LineMatch {
  /** The search as lines (after any line-number stripping). */
  searchLines: string[];
  /** The replacement as lines (stripped the same way). */
  replaceLines: string[];
  /** For each search line, the file line it matched, or -1 (e.g. a blank line the file lacks). */
  pairing: number[];
  /** Whether added lines must be re-indented into the file's style (loose stages). */
  reindent: boolean;
}

/** One place an edit's search text was found. */
export interface Location {
  stage: MatchStage;
  similarity: number;
  /** Span in the file text; overlaps between edits are checked on it. */
  start: number;
  end: number;
  /** 0-based first line and exclusive end line of the matched region. */
  firstLine: number;
  endLine: number;
  /** Present for whole-line matches. */
  lines?: LineMatch;
  /** Present for a match inside lines: the text to insert, in the file's line endings. */
  literal?: string;
}

/** Builds a whole-line location for file lines `[first, end)`. */
export function lineLocation(model: TextModel, stage: MatchStage, first: number, end: number, match: LineMatch, similarity = 1): Location {
  return { stage, similarity, start: model.lineStarts[first], end: model.contentEnds[end - 1], firstLine: first, endLine: end, lines: match };
}

const WORD_CHAR = /[\p{L}\p{N}_$]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/**
 * Whether a substring match at `[start, end)` cuts through a word at either end. `count = 0`
 * found inside `maxCount = 0` is a coincidence, not the line the model meant.
 */
export function splitsWord(text: string, start: number, end: number): boolean {
  const at = text.slice(start, end);
  if (isWordChar(at[0]) && isWordChar(text[start - 1])) return true;
  return isWordChar(at[at.length - 1]) && isWordChar(text[end]);
}

/**
 * Classifies an exact span of `search` in the file. Whole lines become a line location with an
 * identity pairing. A span that ends a line and is preceded only by indentation is whole lines
 * too, whose first line lost its indentation (a common copying slip): it is merged with
 * re-indentation. Anything else is a literal replacement of just that span.
 */
export function spanLocation(model: TextModel, stage: MatchStage, start: number, end: number, search: string, replace: string): Location {
  const first = lineIndexAt(model, start);
  const last = lineIndexAt(model, end - 1);
  const before = model.text.slice(model.lineStarts[first], start);
  const endsLine = end === model.contentEnds[last] || end === model.lineEnds[last];
  const searchLines = toLines(search);
  if (endsLine && /^[ \t]*$/.test(before) && searchLines.length === last - first + 1) {
    const pairing = searchLines.map((_, j) => first + j);
    const match = { searchLines, replaceLines: toLines(replace), pairing, reindent: before !== '' };
    return lineLocation(model, stage, first, last + 1, match);
  }
  // A search ending with a line break whose replacement lacks one would join two lines: models
  // drop that final break far more often than they mean to join lines.
  const endsWithBreak = /\n$/.test(search);
  const text = endsWithBreak && replace !== '' && !/\n$/.test(replace) ? replace + '\n' : replace;
  return { stage, similarity: 1, start, end, firstLine: first, endLine: last + 1, literal: withEol(text, model.eol) };
}

/** Largest distance (in lines) at which a line hint still counts as pointing at a candidate. */
export const HINT_REACH = 20;

/**
 * Picks the candidate a 1-based line hint points at: the nearest one, if it is within
 * {@link HINT_REACH} lines and the next nearest is more than twice as far (so a hint halfway
 * between two places decides nothing). Returns its index in `firstLines` (0-based lines).
 */
export function pickByHint(firstLines: readonly number[], hint: number | undefined): number | undefined {
  if (hint === undefined || firstLines.length === 0) return undefined;
  const target = hint - 1;
  const byDistance = firstLines.map((line, index) => ({ index, distance: Math.abs(line - target) })).sort((a, b) => a.distance - b.distance);
  const [nearest, next] = byDistance;
  if (!nearest || nearest.distance > HINT_REACH) return undefined;
  if (next && next.distance <= 2 * nearest.distance) return undefined;
  return nearest.index;
}
