/**
 * A read-only view of a file's text as lines with offsets. The matcher compares lines; the planner
 * turns line ranges back into offsets of the original text, so BOM, line endings and the final
 * newline of everything outside the edited ranges stay byte-for-byte as they were.
 */

/** The file's text split into lines, with offsets into the original string. */
export interface TextModel {
  /** The original text, unchanged. */
  readonly text: string;
  /** Length of the BOM at the start (0 or 1): offsets skip it, lines never contain it. */
  readonly bomLength: number;
  /** Line contents without their line ending. An empty text has no lines. */
  readonly lines: readonly string[];
  /** Offset where each line starts. */
  readonly lineStarts: readonly number[];
  /** Offset just after each line's content (before its line ending). */
  readonly contentEnds: readonly number[];
  /** Offset just after each line's line ending (equals `contentEnds[i]` for a last line without one). */
  readonly lineEnds: readonly number[];
  /** The dominant line ending, used for every inserted line. */
  readonly eol: '\n' | '\r\n';
  /** Whether the last line ends with a line ending. */
  readonly finalNewline: boolean;
}

const LINE_BREAK = /\r\n|\n/g;

/** Builds a {@link TextModel}; a lone `\r` is treated as content (old Mac files are not supported). */
export function toTextModel(text: string): TextModel {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines: string[] = [];
  const lineStarts: number[] = [];
  const contentEnds: number[] = [];
  const lineEnds: number[] = [];
  let crlf = 0;
  let lf = 0;
  let pos = bomLength;
  LINE_BREAK.lastIndex = bomLength;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    if (m[0] === '\r\n') crlf++;
    else lf++;
    lineStarts.push(pos);
    contentEnds.push(m.index);
    lineEnds.push(m.index + m[0].length);
    lines.push(text.slice(pos, m.index));
    pos = m.index + m[0].length;
  }
  const finalNewline = pos === text.length && lines.length > 0;
  if (pos < text.length) {
    lineStarts.push(pos);
    contentEnds.push(text.length);
    lineEnds.push(text.length);
    lines.push(text.slice(pos));
  }
  // Ties go to the first ending seen, so a two-line CRLF file with one stray LF stays CRLF.
  const eol = crlf > lf || (crlf === lf && crlf > 0 && text.indexOf('\r\n') < text.indexOf('\n')) ? '\r\n' : '\n';
  return { text, bomLength, lines, lineStarts, contentEnds, lineEnds, eol, finalNewline };
}

/** Splits model-written text (search, replace, content) into lines, accepting any line ending. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n/);
}

/**
 * Splits model text into lines for line-wise matching: one trailing line break is a terminator,
 * not an extra empty line ("a\nb\n" is two lines), matching how the file's lines are counted.
 */
export function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = splitLines(text);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Converts every line ending of `text` to `eol`. */
export function withEol(text: string, eol: string): string {
  return text.replace(/\r\n|\n/g, eol);
}

/** 0-based line index containing `offset` (binary search over line starts). */
export function lineIndexAt(model: TextModel, offset: number): number {
  let lo = 0;
  let hi = model.lineStarts.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (model.lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
