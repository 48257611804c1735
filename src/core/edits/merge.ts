/**
 * Applies an edit to a matched region line by line instead of pasting `replace` over it. The
 * search → replace difference says which lines the model keeps, removes and adds; kept lines are
 * taken from the *file* (so a loose match never rewrites trailing spaces, tabs or a misremembered
 * comment the model did not mean to touch), removed ones are dropped, added ones are inserted,
 * re-indented into the file's style when the match ignored indentation.
 */
import { diffArrays, type ArrayChange } from 'diff';
import { adoptBlankRuns } from './blankRuns';
import { indentWidth, inferScale, leadingWhitespace, reindentLine, type IndentAnchor, type IndentStyle } from './indent';
import type { LineMatch } from './location';
import { extendEscapes, keepConsistent, learnSpellings, rebaseLine, respell, spelledDifferently, type Spellings } from './rebase';
import { similarity } from './similarity';
import { normalizeTypography } from './typography';

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

/** Spellings the model uses for characters of the file, learned from the paired lines. */
function spellingsOf(fileLines: readonly string[], first: number, end: number, match: LineMatch): Spellings {
  const spellings: Spellings = new Map();
  match.searchLines.forEach((line, s) => {
    const p = match.pairing[s];
    if (p >= 0) learnSpellings(line.trim(), fileLines[p].trim(), spellings);
  });
  keepConsistent(spellings, fileLines.slice(first, end));
  return spellings.size > 0 ? extendEscapes(spellings, fileLines.join('\n')) : spellings;
}

/**
 * For the lines of an added change, the search line each one rewrites: the lines of the removed
 * change right next to it, one for one when the counts agree, else each added line with the
 * most similar remaining removed line (in order). -1 for a line that rewrites none.
 */
function rewrittenLines(changes: readonly ArrayChange<string>[], at: number, searchStart: number[], match: LineMatch, fileLines: readonly string[]): number[] {
  const { searchLines, pairing } = match;
  const added = changes[at];
  const neighbour = [at - 1, at + 1].find((k) => changes[k]?.removed);
  const none = () => added.value.map(() => -1);
  if (neighbour === undefined) return none();
  const removed = Array.from({ length: changes[neighbour].count }, (_, k) => searchStart[neighbour] + k);
  // Only lines whose file counterpart is spelled differently need to know what they rewrite.
  if (!removed.some((s) => pairing[s] >= 0 && spelledDifferently(searchLines[s].trim(), fileLines[pairing[s]].trim()))) return none();
  if (removed.length === added.count) return removed;
  const plain = (line: string) => normalizeTypography(line.trim());
  let next = 0;
  return added.value.map((line) => {
    let best = -1;
    let bestScore = 0.5;
    for (let k = next; k < removed.length; k++) {
      const score = similarity(plain(line), plain(searchLines[removed[k]]), bestScore);
      if (score >= bestScore) {
        best = k;
        bestScore = score;
      }
    }
    if (best < 0) return -1;
    next = best + 1;
    return removed[best];
  });
}

/**
 * Returns the new lines for file lines `[first, end)`; `styles` turns on re-indentation.
 * File lines inside the region that no search line paired with (blank lines the model left out)
 * are kept in place.
 */
export function mergeRegion(fileLines: readonly string[], first: number, end: number, given: LineMatch, styles?: MergeStyles): string[] {
  const match = adoptBlankRuns(fileLines, given);
  const { searchLines, replaceLines, pairing } = match;
  const spellings = spellingsOf(fileLines, first, end, match);
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
  // The model's version of a line it rewrote keeps the file's spelling of what it did not change.
  const written = (raw: string, rewrites: number): string => {
    const p = rewrites >= 0 ? pairing[rewrites] : -1;
    if (p < 0) return respell(raw, spellings);
    const indent = leadingWhitespace(raw);
    return indent + rebaseLine(fileLines[p].trimStart(), searchLines[rewrites].trimStart(), raw.slice(indent.length), spellings);
  };
  const changes = diffArrays(searchLines, replaceLines);
  const searchStart: number[] = [];
  let s = 0;
  for (const change of changes) {
    searchStart.push(s);
    if (!change.added) s += change.count;
  }
  changes.forEach((change, at) => {
    if (change.added) {
      const rewrites = rewrittenLines(changes, at, searchStart, match, fileLines);
      change.value.forEach((raw, k) => {
        const line = written(noisyTrailing ? raw.trimEnd() : raw, rewrites[k]);
        out.push(styles && anchor ? reindentLine(line, anchor, scale, styles.file) : line);
      });
      return;
    }
    for (let k = 0; k < change.count; k++) visit(searchStart[at] + k, !change.removed);
  });
  keepUnpairedUntil(end);
  return out;
}
