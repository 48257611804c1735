/**
 * Applies an edit to a matched region line by line instead of pasting `replace` over it. The
 * search → replace difference says which lines the model keeps, removes and adds; kept lines are
 * taken from the *file* (so a loose match never rewrites trailing spaces, tabs or a misremembered
 * comment the model did not mean to touch), removed ones are dropped, added ones are inserted,
 * re-indented into the file's style when the match ignored indentation.
 */
import { diffArrays } from 'diff';
import { indentWidth, inferScale, leadingWhitespace, reindentLine, type IndentAnchor, type IndentStyle } from './indent';
import type { LineMatch } from './location';

/** Indentation styles; given only when added lines must be re-indented. */
export interface MergeStyles {
  model: IndentStyle;
  file: IndentStyle;
}

/** Columns the file's indentation of an anchor line is ahead of the model's, in file columns. */
function shift(anchor: IndentAnchor, scale: number): number {
  return indentWidth(anchor.fileIndent) - indentWidth(anchor.modelIndent) * scale;
}

/** The most frequent value (the first one among equals), or undefined for an empty list. */
function mode(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, c] of counts) if (best === undefined || c > (counts.get(best) ?? 0)) best = v;
  return best;
}

/**
 * Returns the new lines for file lines `[first, end)`; `styles` turns on re-indentation.
 * File lines inside the region that no search line paired with (blank lines the model left out)
 * are kept in place.
 */
export function mergeRegion(fileLines: readonly string[], first: number, end: number, match: LineMatch, styles?: MergeStyles): string[] {
  const { searchLines, replaceLines, pairing } = match;
  const out: string[] = [];
  let cursor = first;
  const anchorOf = (s: number): IndentAnchor => ({
    modelIndent: leadingWhitespace(searchLines[s]),
    fileIndent: leadingWhitespace(fileLines[pairing[s]]),
  });
  // Added lines follow the block's dominant shift (file indentation minus model indentation);
  // a line whose shift is the odd one out is no anchor.
  const paired = searchLines.flatMap((line, s) => (pairing[s] >= 0 && line.trim() !== '' ? [s] : []));
  const scale = styles ? inferScale(paired.map(anchorOf), styles.model, styles.file) : 1;
  const shiftOf = (s: number) => (styles ? shift(anchorOf(s), scale) : 0);
  // The first line is the one a copy most often clips, so the lines after it decide.
  const dominant = mode((paired.length > 1 ? paired.slice(1) : paired).map(shiftOf));
  const isAnchor = (s: number) => pairing[s] >= 0 && searchLines[s].trim() !== '' && shiftOf(s) === dominant;
  const firstAnchor = paired.find(isAnchor);
  let anchor: IndentAnchor | undefined = firstAnchor !== undefined ? anchorOf(firstAnchor) : undefined;
  const keepUnpairedUntil = (line: number) => {
    while (cursor < line) out.push(fileLines[cursor++]);
  };
  // Visits the file line paired with search line `s`; `keep` says whether it survives.
  const visit = (s: number, keep: boolean) => {
    const p = pairing[s];
    if (p < cursor) return;
    keepUnpairedUntil(p);
    if (keep) out.push(fileLines[p]);
    cursor = p + 1;
    if (isAnchor(s)) anchor = anchorOf(s);
  };
  // Trailing whitespace the model put on lines where the file has none is noise; its added
  // lines then get none either (a file's own hard line breaks elsewhere are untouched).
  const noisyTrailing = pairing.some((p, s) => p >= 0 && /\s$/.test(searchLines[s]) && !/\s$/.test(fileLines[p]));
  let s = 0;
  for (const change of diffArrays(searchLines, replaceLines)) {
    if (change.added) {
      for (const raw of change.value) {
        const line = noisyTrailing ? raw.trimEnd() : raw;
        out.push(styles && anchor ? reindentLine(line, anchor, scale, styles.file) : line);
      }
      continue;
    }
    for (let k = 0; k < change.count; k++) visit(s + k, !change.removed);
    s += change.count;
  }
  keepUnpairedUntil(end);
  return out;
}
